import pytest

from certificates.codes import ALPHABET, LENGTH, code_bits, code_generate, code_parse


def test_codes_carry_at_least_128_random_bits():
    assert code_bits() >= 128
    assert len(set(ALPHABET)) == len(ALPHABET)


def test_the_alphabet_has_no_look_alikes():
    assert not set(ALPHABET) & set("0O1IL U")


def test_codes_are_grouped_for_reading_aloud_and_all_different():
    codes = {code_generate() for _ in range(2000)}
    assert len(codes) == 2000
    for code in list(codes)[:50]:
        groups = code.split("-")
        assert [len(group) for group in groups] == [4] * (LENGTH // 4)
        assert set("".join(groups)) <= set(ALPHABET)


@pytest.mark.parametrize(
    "typed",
    [
        "K7QM-4XZ9-ABCD-EFGH-JKMN-PQRS-TVWX",
        "k7qm-4xz9-abcd-efgh-jkmn-pqrs-tvwx",
        " K7QM 4XZ9 ABCD EFGH JKMN PQRS TVWX ",
        "K7QM4XZ9ABCDEFGHJKMNPQRSTVWX",
        "k7qm–4xz9–abcd–efgh–jkmn–pqrs–tvwx",
        "K7QM-4XZ9-ABCD-EFGH-JKMN-PQRS-TUWX",  # U read as V
    ],
)
def test_parse_forgives_case_spaces_dashes(typed):
    assert code_parse(typed) == "K7QM-4XZ9-ABCD-EFGH-JKMN-PQRS-TVWX"


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "K7QM-4XZ9",
        "K7QM-4XZ9-ABCD-EFGH-JKMN-PQRS-TVWX-2",
        "O7QM-4XZ9-ABCD-EFGH-JKMN-PQRS-TVWX",
        "K7QM-4XZ9-ABCD-EFGH-JKMN-PQRS-TVW1",
        "<script>",
        "x" * 10_000,
    ],
)
def test_parse_refuses_what_cannot_be_a_code(typed):
    assert code_parse(typed) is None
