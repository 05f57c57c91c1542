"""The one folding function (`community.text`) and its uses."""

import pytest

from community.text import fold, search_column, strip_diacritics


@pytest.mark.parametrize(
    ("typed", "folded"),
    [
        ("Nguyễn Văn An", "nguyen van an"),
        ("  NGUYỄN   văn   an ", "nguyen van an"),
        ("Đỗ Thị Đào", "do thi dao"),
        ("Tổ Dân Phố  số 3", "to dan pho so 3"),
        ("Nguyễn-Văn-An", "nguyen van an"),
        ("Trương Thị Ưng", "truong thi ung"),
        ("", ""),
        (None, ""),
    ],
)
def test_fold(typed, folded):
    assert fold(typed) == folded


def test_strip_diacritics_keeps_case_and_punctuation_for_sms():
    assert strip_diacritics("Chào Đỗ Thị Lan!") == "Chao Do Thi Lan!"


def test_the_search_column_matches_from_the_start_of_a_word():
    column = search_column("Đặng Văn An")
    assert search_column("an") in column
    assert search_column("van an") in column
    assert search_column("ang") not in column  # inside "Đặng"
