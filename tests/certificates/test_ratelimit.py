import pytest

from certificates.ratelimit import parse_rate


@pytest.mark.parametrize(
    ("rate", "parsed"),
    [
        ("60/m", (60, 60)),
        ("5/s", (5, 1)),
        ("1000/h", (1000, 3600)),
        (" 7/min", (7, 60)),
    ],
)
def test_parse_rate(rate, parsed):
    assert parse_rate(rate) == parsed


@pytest.mark.parametrize("rate", ["", "60", "x/m", "60/d", "-1/m"])
def test_parse_rate_refuses_nonsense(rate):
    with pytest.raises(ValueError):
        parse_rate(rate)
