import pytest

from certificates.names import name_mask


@pytest.mark.parametrize(
    ("full", "masked"),
    [
        ("Nguyễn Thị Hồng Nhung", "Nguyễn T. H. Nhung"),
        ("Trần Văn Bình", "Trần V. Bình"),
        ("  Lê   Thu  Hà ", "Lê T. Hà"),
        ("Đặng Ánh", "Đặng Ánh"),
        ("Tám", "Tám"),
        ("nguyễn đức ưng", "nguyễn Đ. ưng"),
        ("", ""),
    ],
)
def test_name_mask(full, masked):
    assert name_mask(full) == masked
