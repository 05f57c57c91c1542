"""Demo news column: three short articles about the movement in the demo ward.

Idempotent: pages are found by slug under their parent, and written again only when
the articles below changed (`cms.seeding.demo_child_page`). Runs before learning's
demo (INSTALLED_APPS order), so the articles link to no course.
"""

from datetime import date

from .models import HomePage, NewsIndexPage, NewsPage
from .seeding import demo_child_page

INDEX_SLUG = "tin-tuc"
ARTICLES = [
    {
        "slug": "ra-mat-to-cong-nghe-so-cong-dong",
        "title": "Ra mắt 8 tổ công nghệ số cộng đồng ở phường Gia Viên",
        "date": date(2026, 3, 2),
        "lead": (
            "Mỗi tổ dân phố đã có một tổ công nghệ số cộng đồng: các bạn đoàn viên "
            "thanh niên ngồi cạnh bà con, hướng dẫn từng bước trên chính điện thoại "
            "của mình."
        ),
        "tags": ["Tổ công nghệ số", "Phong trào"],
        "body": (
            "<p>Sáng Chủ nhật, tại nhà văn hóa tổ dân phố số 1, Công an phường và "
            "Phòng Văn hóa - Xã hội đã ra mắt 8 tổ công nghệ số cộng đồng.</p>"
            "<p>Bà con cần giúp đỡ cài đặt VNeID, nộp hồ sơ trực tuyến hay chuyển "
            "tiền an toàn, xin liên hệ tổ trưởng tổ dân phố của mình.</p>"
        ),
    },
    {
        "slug": "hon-500-nguoi-kich-hoat-vneid",
        "title": "Hơn 500 người dân đã tự kích hoạt VNeID mức 2",
        "date": date(2026, 4, 15),
        "lead": (
            "Sau một tháng học trên điện thoại, hơn 500 người dân trong phường đã tự "
            "kích hoạt tài khoản định danh điện tử mức 2."
        ),
        "tags": ["VNeID", "Phong trào"],
        "body": (
            "<p>Nhiều bác trên 60 tuổi lần đầu tự làm được trên điện thoại, với sự "
            "giúp đỡ của con cháu và tổ công nghệ số.</p>"
            "<p>Khóa học VNeID trên trang này có 4 bài ngắn, mỗi bài chỉ vài phút.</p>"
        ),
    },
    {
        "slug": "canh-giac-lua-dao-qua-dien-thoai",
        "title": "Cảnh giác: kẻ gian giả danh công an gọi điện đòi chuyển tiền",
        "date": date(2026, 5, 8),
        "lead": (
            "Công an phường nhắc bà con: công an không bao giờ gọi điện yêu cầu "
            "chuyển tiền hay đọc mã OTP."
        ),
        "tags": ["An toàn trên mạng"],
        "body": (
            "<p>Nếu nhận cuộc gọi lạ yêu cầu chuyển tiền, hãy tắt máy và báo ngay "
            "cho Công an phường hoặc tổ trưởng tổ dân phố.</p>"
            "<p>Không bấm vào đường link lạ, không đọc mã OTP cho bất kỳ ai.</p>"
        ),
    },
]


def seed_demo(*, log) -> None:
    log("cms: news column")
    home = HomePage.objects.first()
    if home is None:
        log("  no home page: skipped")
        return
    index = demo_child_page(
        home,
        NewsIndexPage,
        INDEX_SLUG,
        log,
        title="Tin tức",
        intro="<p>Tin về phong trào Bình dân học vụ số trong phường.</p>",
    )
    for article in ARTICLES:
        demo_child_page(
            index,
            NewsPage,
            article["slug"],
            log,
            tags=article["tags"],
            title=article["title"],
            date=article["date"],
            lead=article["lead"],
            body=[("text", article["body"])],
        )
