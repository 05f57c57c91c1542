# ruff: noqa: E501  (nội dung bài học là văn bản dài, không ngắt dòng)
"""Nội dung mẫu (demo) cho nền tảng học "Bình dân học vụ số".

Chỉ chứa dữ liệu Python thuần, không import Django. Trình nạp dữ liệu
đọc biến ``COURSES`` (xem cấu trúc trong mô tả của từng khóa bên dưới).
Ảnh minh họa nằm trong thư mục ``images/`` cạnh tệp này; nguồn đối chiếu
thông tin được liệt kê trong ``SOURCES.md``.
"""

__all__ = ["COURSES"]


# --- Hàm trợ giúp nhỏ để viết câu hỏi gọn hơn (kết quả vẫn là dict/list thuần) ---


def _c(text, correct=False):
    return {"text": text, "correct": correct}


def _single(text, choices, explanation):
    return {
        "kind": "single",
        "text": text,
        "choices": choices,
        "explanation": explanation,
    }


def _multiple(text, choices, explanation):
    return {
        "kind": "multiple",
        "text": text,
        "choices": choices,
        "explanation": explanation,
    }


def _tf(text, is_true, explanation):
    return {
        "kind": "truefalse",
        "text": text,
        "choices": [_c("Đúng", is_true), _c("Sai", not is_true)],
        "explanation": explanation,
    }


def _img(name, caption, alt):
    return ("image", {"image": name, "caption": caption, "alt": alt})


def _step(text, image=None):
    return {"text": text, "image": image}


# =====================================================================
# KHÓA 1. SỬ DỤNG ỨNG DỤNG VNeID
# =====================================================================

_VNEID = {
    "slug": "su-dung-vneid",
    "title": "Sử dụng ứng dụng VNeID",
    "promise": (
        "Sau khóa này, bạn có thể tự cài VNeID, kích hoạt tài khoản mức 2, "
        "đưa giấy tờ vào ứng dụng và dùng căn cước điện tử một cách an toàn."
    ),
    "topic": "vneid",
    "minutes": 25,
    "cover": "vneid-cover.svg",
    "intro": (
        "<p><strong>VNeID</strong> là ứng dụng định danh điện tử quốc gia do Trung tâm "
        "dữ liệu quốc gia về dân cư (Bộ Công an) phát triển. Có tài khoản mức 2, bạn "
        "mang theo căn cước điện tử và nhiều giấy tờ ngay trong điện thoại.</p>"
        "<p>Khóa học có 4 bài ngắn và 1 bài kiểm tra. Mỗi bài chỉ khoảng 5 phút. "
        "Bạn cứ học chậm, làm theo từng bước, chỗ nào chưa rõ thì đọc lại.</p>"
    ),
    "lessons": [
        # ---------------------------------------------------------------
        {
            "slug": "cai-dat-vneid",
            "title": "Cài đặt ứng dụng VNeID",
            "summary": "Tải đúng ứng dụng VNeID từ kho ứng dụng chính thức và tránh ứng dụng giả.",
            "minutes": 5,
            "body": [
                (
                    "text",
                    "<p>VNeID là ứng dụng định danh điện tử quốc gia. Ứng dụng do "
                    "<strong>Trung tâm dữ liệu quốc gia về dân cư</strong>, thuộc "
                    "<strong>Bộ Công an</strong>, phát triển. Có tài khoản VNeID, bạn xem được "
                    "thông tin cá nhân, dùng căn cước điện tử và làm một số thủ tục ngay trên "
                    "điện thoại.</p>"
                    "<p>Việc đầu tiên là cài cho đúng ứng dụng. Điện thoại Android thì dùng kho "
                    "<strong>CH Play</strong> (Google Play). iPhone thì dùng <strong>App Store</strong>. "
                    "Đây là hai nơi an toàn để tải VNeID.</p>",
                ),
                _img(
                    "vneid-store.svg",
                    "Tìm VNeID trong kho ứng dụng và xem tên nhà phát triển trước khi cài.",
                    "Hình vẽ điện thoại mở kho ứng dụng. Ô tìm kiếm ghi VNeID. Kết quả đầu tiên là "
                    "ứng dụng VNeID của Trung tâm dữ liệu quốc gia về dân cư, bên dưới có nút Cài đặt. "
                    "Bên phải là danh sách ba điều cần kiểm tra.",
                ),
                (
                    "steps",
                    [
                        _step(
                            "Bật Wi-Fi hoặc dữ liệu di động (3G/4G) để điện thoại có mạng."
                        ),
                        _step(
                            "Mở kho ứng dụng: chạm biểu tượng CH Play nếu dùng điện thoại Android, "
                            "hoặc App Store nếu dùng iPhone."
                        ),
                        _step(
                            "Chạm vào ô tìm kiếm ở phía trên, gõ chữ VNeID rồi bấm tìm."
                        ),
                        _step(
                            "Xem kỹ kết quả: tên ứng dụng là VNeID, nhà phát triển là Trung tâm dữ liệu "
                            "quốc gia về dân cư. Nếu thấy tên khác lạ, đừng cài."
                        ),
                        _step(
                            "Bấm Cài đặt (trên iPhone là Nhận) và chờ tải xong. Thời gian tải tùy tốc độ mạng."
                        ),
                        _step(
                            "Bấm Mở. Khi ứng dụng xin quyền dùng máy ảnh hoặc gửi thông báo, bạn đọc kỹ "
                            "rồi đồng ý để ứng dụng hoạt động đầy đủ."
                        ),
                    ],
                ),
                (
                    "callout",
                    {
                        "kind": "never",
                        "text": "Không bao giờ cài VNeID từ đường link gửi qua tin nhắn, Zalo hay Facebook, "
                        "kể cả khi người gửi tự xưng là công an. Kẻ gian đã làm ứng dụng giả có giao "
                        "diện giống thật để chiếm quyền điều khiển điện thoại và lấy tiền trong tài "
                        "khoản ngân hàng.",
                    },
                ),
                (
                    "callout",
                    {
                        "kind": "tip",
                        "text": "Nếu máy báo đầy bộ nhớ, hãy xóa bớt ảnh, video cũ hoặc nhờ con cháu giúp. "
                        "Nếu VNeID đã có sẵn trên máy, hãy vào kho ứng dụng bấm Cập nhật để dùng bản mới nhất.",
                    },
                ),
                (
                    "text",
                    "<p>Cài xong, biểu tượng VNeID sẽ hiện trên màn hình chính của điện thoại. "
                    "Bài tiếp theo hướng dẫn bạn có tài khoản mức 2 để dùng đầy đủ các tiện ích.</p>",
                ),
                (
                    "checklist",
                    [
                        "Tôi đã mở đúng CH Play hoặc App Store trên điện thoại của mình.",
                        "Tôi đã tìm thấy VNeID và kiểm tra tên nhà phát triển.",
                        "Tôi đã cài xong và thấy biểu tượng VNeID trên màn hình.",
                        "Tôi nhớ: không cài ứng dụng từ đường link người khác gửi.",
                    ],
                ),
            ],
            "quiz": {
                "pass_mark": 80,
                "questions": [
                    _single(
                        "Bạn nên tải ứng dụng VNeID ở đâu?",
                        [
                            _c(
                                "Từ CH Play (điện thoại Android) hoặc App Store (iPhone)",
                                True,
                            ),
                            _c(
                                "Từ đường link một người tự xưng là công an gửi qua Zalo"
                            ),
                            _c("Từ một trang web lạ hiện ra khi lướt Facebook"),
                        ],
                        "Chỉ nên cài VNeID từ kho ứng dụng chính thức. Đường link lạ có thể dẫn tới "
                        "ứng dụng giả chứa mã độc.",
                    ),
                    _single(
                        "Nhà phát triển của ứng dụng VNeID thật là ai?",
                        [
                            _c(
                                "Trung tâm dữ liệu quốc gia về dân cư (Bộ Công an)",
                                True,
                            ),
                            _c("Một cửa hàng bán điện thoại"),
                            _c("Một người bán hàng trên mạng"),
                        ],
                        "VNeID do Trung tâm dữ liệu quốc gia về dân cư thuộc Bộ Công an phát triển. "
                        "Hãy xem dòng tên nhà phát triển trước khi bấm cài.",
                    ),
                    _tf(
                        "Một người gọi điện tự xưng là công an phường rồi gửi đường link để cài VNeID. "
                        "Bạn nên bấm vào link đó ngay.",
                        False,
                        "Sai. Đây là thủ đoạn lừa đảo đã được công an cảnh báo. Hãy tự cài từ CH Play "
                        "hoặc App Store, hoặc đến công an xã, phường để hỏi.",
                    ),
                    _multiple(
                        "Trước khi bấm Cài đặt, bạn nên kiểm tra những gì? (chọn tất cả ý đúng)",
                        [
                            _c("Tên ứng dụng đúng là VNeID", True),
                            _c(
                                "Tên nhà phát triển là Trung tâm dữ liệu quốc gia về dân cư",
                                True,
                            ),
                            _c("Ứng dụng nằm trong CH Play hoặc App Store", True),
                            _c("Biểu tượng có màu sắc đẹp hay không"),
                        ],
                        "Tên ứng dụng, tên nhà phát triển và nơi tải là ba điều quan trọng. Màu sắc "
                        "biểu tượng thì kẻ gian dễ dàng làm giống.",
                    ),
                ],
            },
        },
        # ---------------------------------------------------------------
        {
            "slug": "kich-hoat-tai-khoan-muc-2",
            "title": "Kích hoạt tài khoản định danh mức 2",
            "summary": "Hiểu mức 1 và mức 2, làm thủ tục tại công an xã, phường rồi tự kích hoạt trên điện thoại.",
            "minutes": 5,
            "body": [
                (
                    "text",
                    "<p>Tài khoản định danh điện tử có hai mức:</p>"
                    "<ul><li><strong>Mức 1</strong>: tự đăng ký trên ứng dụng, chỉ dùng được một số "
                    "tiện ích cơ bản.</li>"
                    "<li><strong>Mức 2</strong>: thông tin của bạn được xác minh bằng ảnh chân dung, "
                    "vân tay, đối chiếu với Cơ sở dữ liệu quốc gia về dân cư. Tài khoản mức 2 có "
                    "<strong>căn cước điện tử</strong>, dùng như thẻ căn cước khi làm thủ tục hành "
                    "chính, dịch vụ công và nhiều giao dịch khác.</li></ul>"
                    "<p>Để có mức 2, bạn đến <strong>công an xã, phường</strong> hoặc nơi làm thủ tục "
                    "cấp thẻ căn cước. Cán bộ sẽ hướng dẫn bạn.</p>",
                ),
                _img(
                    "vneid-police.svg",
                    "Làm thủ tục tại công an xã, phường; khi có tin nhắn báo duyệt thì kích hoạt trên điện thoại.",
                    "Sơ đồ ba ô nối bằng mũi tên: người dân cầm thẻ căn cước, trụ sở công an xã phường "
                    "nơi chụp ảnh và lấy vân tay, rồi điện thoại nhận tin nhắn báo hồ sơ đã duyệt với nút Kích hoạt.",
                ),
                (
                    "steps",
                    [
                        _step(
                            "Chuẩn bị thẻ căn cước (hoặc căn cước công dân) gắn chip và số điện thoại "
                            "đứng tên chính bạn. Nên mang theo điện thoại."
                        ),
                        _step(
                            "Tại công an xã, phường, bạn nói: tôi muốn đăng ký tài khoản định danh điện "
                            "tử mức 2. Cán bộ sẽ chụp ảnh chân dung, lấy vân tay và ghi số điện thoại của bạn."
                        ),
                        _step(
                            "Khi hồ sơ được duyệt, bạn nhận tin nhắn SMS mời kích hoạt tài khoản."
                        ),
                        _step(
                            "Mở VNeID, chọn mục kích hoạt tài khoản. Nhập số định danh cá nhân (12 số trên "
                            "thẻ căn cước) và số điện thoại đã đăng ký.",
                            "vneid-activate.svg",
                        ),
                        _step(
                            "Nhập mã OTP vừa gửi về tin nhắn. Mã này chỉ để bạn tự tay nhập."
                        ),
                        _step(
                            "Đặt mật khẩu đăng nhập theo yêu cầu trên màn hình (từ 8 đến 20 ký tự, có chữ "
                            "hoa, chữ thường, chữ số và ký tự đặc biệt). Sau đó đặt passcode gồm 6 chữ số."
                        ),
                    ],
                ),
                (
                    "callout",
                    {
                        "kind": "never",
                        "text": "Không đọc mã OTP, mật khẩu hay passcode cho bất kỳ ai. Cuộc gọi tự xưng công an "
                        "đòi kích hoạt VNeID giúp bạn qua điện thoại, hoặc gửi đường link để kích hoạt, "
                        "đều là giả mạo.",
                    },
                ),
                (
                    "callout",
                    {
                        "kind": "tip",
                        "text": "Ghi mật khẩu vào một cuốn sổ riêng cất kỹ ở nhà, đừng dán sau lưng điện thoại. "
                        "Nếu còn lúng túng, hãy nhờ cán bộ công an hoặc con cháu ngồi cạnh chỉ, nhưng "
                        "bạn tự tay nhập các mã.",
                    },
                ),
                (
                    "text",
                    "<p>Kích hoạt xong, màn hình chính VNeID sẽ hiện họ tên của bạn. Nếu ứng dụng vẫn "
                    "báo chưa có mức 2, hãy quay lại hỏi công an xã, phường nơi đã làm thủ tục.</p>",
                ),
                (
                    "checklist",
                    [
                        "Tôi biết tài khoản mức 2 làm tại công an xã, phường hoặc nơi cấp thẻ căn cước.",
                        "Tôi đã mang thẻ căn cước gắn chip và dùng số điện thoại của chính mình.",
                        "Tôi đã tự tay kích hoạt tài khoản bằng mã OTP gửi về máy mình.",
                        "Tôi đã đặt passcode 6 số và cất mật khẩu ở nơi an toàn.",
                    ],
                ),
            ],
            "quiz": {
                "pass_mark": 80,
                "questions": [
                    _single(
                        "Muốn có tài khoản định danh điện tử mức 2, bạn cần làm gì?",
                        [
                            _c(
                                "Mang thẻ căn cước gắn chip đến công an xã, phường hoặc nơi làm thẻ căn cước",
                                True,
                            ),
                            _c("Nhờ một người lạ trên mạng đăng ký hộ"),
                            _c("Gọi lại số điện thoại lạ vừa tự xưng là công an"),
                        ],
                        "Mức 2 cần xác minh ảnh chân dung, vân tay nên bạn làm tại cơ quan công an. "
                        "Không ai trên mạng làm hộ được.",
                    ),
                    _tf(
                        "Tài khoản mức 2 có căn cước điện tử, dùng được như thẻ căn cước khi làm thủ tục hành chính.",
                        True,
                        "Đúng. Theo Nghị định 69/2024/NĐ-CP, dùng căn cước điện tử qua tài khoản mức 2 có giá "
                        "trị như dùng thẻ căn cước còn hiệu lực.",
                    ),
                    _single(
                        "Passcode của VNeID gồm mấy chữ số?",
                        [
                            _c("4 chữ số"),
                            _c("6 chữ số", True),
                            _c("10 chữ số"),
                        ],
                        "Passcode VNeID gồm 6 chữ số, dùng để xác nhận khi bạn mở giấy tờ hoặc dùng dịch vụ.",
                    ),
                    _tf(
                        "Cán bộ công an có thể gọi điện xin mã OTP để kích hoạt tài khoản giúp bạn.",
                        False,
                        "Sai. Mã OTP chỉ để bạn tự nhập. Ai xin mã OTP qua điện thoại đều là kẻ gian.",
                    ),
                    _multiple(
                        "Khi đến công an làm tài khoản mức 2, bạn cần chuẩn bị gì? (chọn tất cả ý đúng)",
                        [
                            _c("Thẻ căn cước (căn cước công dân) gắn chip", True),
                            _c("Số điện thoại đứng tên chính mình", True),
                            _c("Sổ tiết kiệm ngân hàng"),
                        ],
                        "Bạn cần thẻ căn cước gắn chip và số điện thoại của mình. Không cần mang sổ tiết kiệm.",
                    ),
                ],
            },
        },
        # ---------------------------------------------------------------
        {
            "slug": "tich-hop-va-xuat-trinh-giay-to",
            "title": "Tích hợp giấy tờ và xuất trình căn cước điện tử",
            "summary": "Đưa giấy phép lái xe, thẻ bảo hiểm y tế vào VNeID và mở ra cho cán bộ xem khi làm thủ tục.",
            "minutes": 5,
            "body": [
                (
                    "text",
                    "<p>Với tài khoản mức 2, bạn có thể đưa thêm giấy tờ vào mục <strong>Ví giấy tờ</strong> "
                    "của VNeID, ví dụ <strong>giấy phép lái xe</strong> và <strong>thẻ bảo hiểm y tế</strong>. "
                    "Việc này gọi là <em>tích hợp</em>. Sau đó, khi đi khám bệnh, làm thủ tục hay khi cảnh sát "
                    "giao thông kiểm tra, bạn có thể mở giấy tờ ngay trên điện thoại.</p>",
                ),
                _img(
                    "vneid-wallet.svg",
                    "Mục Ví giấy tờ chứa thẻ căn cước, giấy phép lái xe và thẻ bảo hiểm y tế.",
                    "Hình vẽ điện thoại mở mục Ví giấy tờ với ba dòng: Thẻ căn cước, Giấy phép lái xe, "
                    "Thẻ BHYT và nút Tích hợp thông tin. Bên phải ghi năm bước tích hợp.",
                ),
                (
                    "steps",
                    [
                        _step("Mở VNeID và đăng nhập bằng mật khẩu của bạn."),
                        _step("Chọn mục Ví giấy tờ, rồi chọn Tích hợp thông tin."),
                        _step(
                            "Chọn tạo yêu cầu mới, rồi chọn loại giấy tờ: giấy phép lái xe hoặc thẻ bảo hiểm y tế."
                        ),
                        _step(
                            "Nhập số giấy tờ theo hướng dẫn trên màn hình, đánh dấu đồng ý rồi bấm gửi."
                        ),
                        _step(
                            "Nhập passcode 6 số để xác nhận. Chờ hệ thống đối chiếu; khi xong, giấy tờ sẽ "
                            "hiện trong Ví giấy tờ."
                        ),
                    ],
                ),
                (
                    "text",
                    "<p><strong>Khi cần xuất trình</strong> ở quầy một cửa, bệnh viện hay ngân hàng, bạn mở "
                    "giấy tờ trên chính điện thoại của mình:</p>",
                ),
                (
                    "steps",
                    [
                        _step(
                            "Mở VNeID, đăng nhập, chọn Ví giấy tờ rồi chọn Xuất trình giấy tờ."
                        ),
                        _step("Tự tay nhập passcode 6 số."),
                        _step(
                            "Chọn loại giấy tờ cần xuất trình: thẻ căn cước, thẻ bảo hiểm y tế hoặc giấy phép lái xe."
                        ),
                        _step(
                            "Đưa màn hình cho cán bộ xem. Nếu màn hình có mã QR và cán bộ cần, họ có thể quét mã đó. "
                            "Điện thoại vẫn ở trong tay bạn.",
                            "vneid-present.svg",
                        ),
                    ],
                ),
                (
                    "callout",
                    {
                        "kind": "tip",
                        "text": "Tên các mục có thể thay đổi một chút sau mỗi lần ứng dụng cập nhật. Nếu không thấy "
                        "đúng chữ như trong bài, hãy tìm mục Ví giấy tờ hoặc hỏi cán bộ ở quầy.",
                    },
                ),
                (
                    "callout",
                    {
                        "kind": "warning",
                        "text": "Ở nơi đông người, hãy lấy tay che khi nhập passcode. Không đưa điện thoại đang mở "
                        "giấy tờ cho người lạ cầm đi chỗ khác.",
                    },
                ),
                (
                    "checklist",
                    [
                        "Tôi đã tìm thấy mục Ví giấy tờ trong VNeID.",
                        "Tôi đã gửi yêu cầu tích hợp thẻ bảo hiểm y tế hoặc giấy phép lái xe.",
                        "Tôi đã thử mở Xuất trình giấy tờ và xem thẻ căn cước điện tử của mình.",
                        "Tôi nhớ tự nhập passcode, không nhờ người khác nhập.",
                    ],
                ),
            ],
            "quiz": {
                "pass_mark": 80,
                "questions": [
                    _single(
                        "Muốn đưa giấy phép lái xe vào VNeID, bạn vào mục nào?",
                        [
                            _c("Ví giấy tờ, rồi chọn Tích hợp thông tin", True),
                            _c("Mục tin nhắn của điện thoại"),
                            _c("Mục cài đặt âm thanh"),
                        ],
                        "Các giấy tờ như giấy phép lái xe, thẻ bảo hiểm y tế được tích hợp trong mục Ví giấy tờ.",
                    ),
                    _multiple(
                        "Những giấy tờ nào có thể tích hợp vào VNeID mức 2? (chọn tất cả ý đúng)",
                        [
                            _c("Giấy phép lái xe", True),
                            _c("Thẻ bảo hiểm y tế", True),
                            _c("Sổ tiết kiệm ngân hàng"),
                        ],
                        "Giấy phép lái xe và thẻ bảo hiểm y tế là hai loại giấy tờ thường được tích hợp. "
                        "Sổ tiết kiệm không có trong Ví giấy tờ.",
                    ),
                    _tf(
                        "Khi xuất trình giấy tờ trên VNeID, bạn phải đọc passcode cho cán bộ để họ mở giúp.",
                        False,
                        "Sai. Bạn tự nhập passcode rồi chỉ đưa màn hình cho cán bộ xem. Passcode là bí mật của riêng bạn.",
                    ),
                    _single(
                        "Đi khám bệnh, bạn muốn dùng thẻ bảo hiểm y tế đã tích hợp. Bạn làm thế nào?",
                        [
                            _c(
                                "Mở VNeID, vào Ví giấy tờ, chọn Xuất trình giấy tờ rồi chọn thẻ bảo hiểm y tế",
                                True,
                            ),
                            _c("Gửi mật khẩu VNeID cho nhân viên qua Zalo"),
                            _c("Đưa điện thoại cho người lạ mang đi làm thủ tục giúp"),
                        ],
                        "Bạn tự mở giấy tờ trên điện thoại của mình và cho nhân viên xem. Không gửi mật khẩu cho ai.",
                    ),
                ],
            },
        },
        # ---------------------------------------------------------------
        {
            "slug": "giu-an-toan-passcode",
            "title": "Giữ an toàn mật khẩu và passcode",
            "summary": "Bảo vệ mật khẩu, passcode VNeID và nhận ra cuộc gọi giả danh công an.",
            "minutes": 5,
            "body": [
                (
                    "text",
                    "<p>Tài khoản VNeID có hai lớp khóa. <strong>Mật khẩu</strong> dùng để đăng nhập. "
                    "<strong>Passcode</strong> là dãy 6 chữ số, dùng để xác nhận khi mở giấy tờ hay dùng "
                    "dịch vụ. Hai mã này chỉ mình bạn được biết.</p>"
                    "<p>Kẻ gian hay gọi điện giả làm công an. Họ nói tài khoản của bạn sắp bị khóa, cần "
                    "cập nhật hay kích hoạt lại. Sau đó họ xin mã OTP, passcode, hoặc gửi đường link cài "
                    "ứng dụng giả. Cơ quan công an đã nhiều lần cảnh báo: không làm theo người gọi, không "
                    "cung cấp thông tin cá nhân qua điện thoại hay đường link lạ.</p>",
                ),
                _img(
                    "vneid-passcode.svg",
                    "Passcode 6 số chỉ mình bạn biết. Công an không gọi điện xin passcode hay OTP.",
                    "Hình vẽ điện thoại hiện bàn phím số để nhập passcode 6 chữ số. Bên phải có ổ khóa "
                    "và khung đỏ ghi: Công an không gọi điện xin passcode, OTP.",
                ),
                (
                    "steps",
                    [
                        _step(
                            "Chọn passcode khó đoán: không dùng ngày sinh, số điện thoại, hay dãy dễ như 123456, 000000."
                        ),
                        _step(
                            "Muốn đổi passcode: mở VNeID, vào mục Cá nhân, chọn đổi passcode rồi làm theo hướng dẫn."
                        ),
                        _step(
                            "Nếu quên passcode: chọn Quên passcode. Hệ thống gửi mã OTP về số điện thoại đã đăng "
                            "ký để bạn đặt passcode mới."
                        ),
                        _step(
                            "Nếu nghi có người đã biết passcode hay mật khẩu, hãy đổi ngay."
                        ),
                        _step(
                            "Có cuộc gọi lạ xưng là công an: bình tĩnh, cúp máy, rồi tự gọi hoặc đến công an "
                            "xã, phường nơi bạn ở để hỏi lại."
                        ),
                    ],
                ),
                (
                    "callout",
                    {
                        "kind": "never",
                        "text": "Không bao giờ nói passcode, mật khẩu hay mã OTP cho bất kỳ ai, kể cả người xưng là "
                        "công an, cán bộ hay người nhà nhờ qua điện thoại. Công an không gọi điện xin những mã này.",
                    },
                ),
                (
                    "callout",
                    {
                        "kind": "tip",
                        "text": "Khi cần làm việc với bạn, cơ quan công an sẽ gửi giấy mời, giấy triệu tập hoặc liên "
                        "hệ qua công an địa phương, không yêu cầu chuyển tiền hay cài ứng dụng qua điện thoại.",
                    },
                ),
                (
                    "text",
                    "<p>Hãy kể bài học này cho người thân, hàng xóm, nhất là những người lớn tuổi. Một câu nhắc nhở đúng lúc "
                    "có thể giữ được cả khoản tiền dành dụm của gia đình.</p>",
                ),
                (
                    "checklist",
                    [
                        "Passcode của tôi không phải ngày sinh hay dãy số dễ đoán.",
                        "Tôi biết chỗ đổi passcode và chỗ bấm Quên passcode.",
                        "Tôi chưa từng đọc mật khẩu, passcode hay OTP cho ai.",
                        "Tôi đã lưu số điện thoại của công an xã, phường nơi mình ở.",
                    ],
                ),
            ],
            "quiz": {
                "pass_mark": 80,
                "questions": [
                    _single(
                        "Passcode VNeID dùng để làm gì?",
                        [
                            _c(
                                "Xác nhận khi mở giấy tờ hoặc dùng dịch vụ trong ứng dụng",
                                True,
                            ),
                            _c("Cho người khác mượn tài khoản"),
                            _c("Nạp tiền điện thoại"),
                        ],
                        "Passcode là lớp khóa thứ hai, dùng để xác nhận các thao tác quan trọng trong VNeID.",
                    ),
                    _tf(
                        "Một người tự xưng công an phường gọi đến, nói tài khoản VNeID của bạn sắp bị khóa và "
                        "xin passcode. Bạn nên đọc passcode cho họ.",
                        False,
                        "Sai. Công an không gọi điện xin passcode. Hãy cúp máy và tự hỏi công an xã, phường nơi bạn ở.",
                    ),
                    _multiple(
                        "Passcode nào dễ bị đoán, không nên dùng? (chọn tất cả ý đúng)",
                        [
                            _c("123456", True),
                            _c("Ngày tháng năm sinh của bạn", True),
                            _c("Một dãy 6 số ngẫu nhiên chỉ mình bạn biết"),
                        ],
                        "Dãy số liên tiếp và ngày sinh rất dễ bị đoán. Nên chọn dãy số ngẫu nhiên chỉ mình bạn biết.",
                    ),
                    _single(
                        "Nếu quên passcode, bạn làm gì?",
                        [
                            _c(
                                "Chọn Quên passcode trong ứng dụng và nhập mã OTP gửi về số điện thoại của mình",
                                True,
                            ),
                            _c("Nhờ một người lạ trên mạng lấy lại giúp"),
                            _c("Gọi vào số điện thoại lạ ghi trong tin nhắn quảng cáo"),
                        ],
                        "Ứng dụng có chức năng Quên passcode, mã OTP gửi về số điện thoại bạn đã đăng ký.",
                    ),
                    _single(
                        "Khi nghi ngờ một cuộc gọi tự xưng là công an, việc nên làm là gì?",
                        [
                            _c(
                                "Cúp máy, rồi tự liên hệ công an xã, phường nơi mình ở để hỏi",
                                True,
                            ),
                            _c("Làm theo ngay để khỏi bị phạt"),
                            _c("Chuyển tiền để chứng minh mình trong sạch"),
                        ],
                        "Công an không yêu cầu chuyển tiền qua điện thoại. Tự liên hệ công an địa phương là cách an toàn nhất.",
                    ),
                ],
            },
        },
        # ---------------------------------------------------------------
        {
            "slug": "kiem-tra-cuoi-khoa-vneid",
            "title": "Bài kiểm tra cuối khóa",
            "summary": "Ôn lại cả khóa VNeID qua 9 câu hỏi ngắn.",
            "minutes": 5,
            "body": [
                (
                    "text",
                    "<p>Chúc mừng bạn đã học xong 4 bài về VNeID! Bài kiểm tra này có 9 câu hỏi ngắn. "
                    "Bạn cần trả lời đúng từ 80% trở lên để hoàn thành khóa. Không cần vội, sau mỗi câu "
                    "sẽ có lời giải thích. Nếu chưa đạt, bạn có thể xem lại bài học và làm lại.</p>",
                ),
            ],
            "quiz": {
                "pass_mark": 80,
                "questions": [
                    _single(
                        "Ứng dụng VNeID thật do đơn vị nào phát triển?",
                        [
                            _c(
                                "Trung tâm dữ liệu quốc gia về dân cư, Bộ Công an", True
                            ),
                            _c("Một công ty trò chơi điện tử"),
                            _c("Bất kỳ ai cũng có thể phát hành"),
                        ],
                        "VNeID do Trung tâm dữ liệu quốc gia về dân cư thuộc Bộ Công an phát triển.",
                    ),
                    _tf(
                        "Cài VNeID từ đường link người lạ gửi qua Zalo cũng an toàn như cài từ CH Play.",
                        False,
                        "Sai. Đường link lạ có thể dẫn tới ứng dụng giả chứa mã độc. Chỉ cài từ CH Play hoặc App Store.",
                    ),
                    _single(
                        "Tài khoản định danh mức 2 được đăng ký ở đâu?",
                        [
                            _c(
                                "Tại công an xã, phường hoặc nơi làm thủ tục cấp thẻ căn cước",
                                True,
                            ),
                            _c("Tại cửa hàng bán điện thoại"),
                            _c("Qua một người gọi điện tự xưng là cán bộ"),
                        ],
                        "Mức 2 cần chụp ảnh chân dung, lấy vân tay để đối chiếu, nên làm tại cơ quan công an.",
                    ),
                    _single(
                        "Số định danh cá nhân có bao nhiêu chữ số?",
                        [
                            _c("9 chữ số"),
                            _c("12 chữ số", True),
                            _c("6 chữ số"),
                        ],
                        "Số định danh cá nhân có 12 chữ số, in trên thẻ căn cước của bạn.",
                    ),
                    _multiple(
                        "Những việc nào giúp giữ tài khoản VNeID an toàn? (chọn tất cả ý đúng)",
                        [
                            _c("Đặt passcode khó đoán", True),
                            _c("Che tay khi nhập passcode ở nơi đông người", True),
                            _c("Đổi passcode ngay khi nghi có người biết", True),
                            _c("Dán mật khẩu sau lưng điện thoại cho dễ nhớ"),
                        ],
                        "Passcode khó đoán, che tay khi nhập và đổi ngay khi nghi ngờ đều giúp bảo vệ tài khoản. Dán mật khẩu lên điện thoại thì ai cầm máy cũng đọc được.",
                    ),
                    _single(
                        "Muốn cho cán bộ xem thẻ bảo hiểm y tế trên VNeID, bạn chọn mục nào?",
                        [
                            _c("Ví giấy tờ, rồi Xuất trình giấy tờ", True),
                            _c("Cài đặt, rồi Âm thanh"),
                            _c("Tin tức"),
                        ],
                        "Giấy tờ được mở trong Ví giấy tờ, chọn Xuất trình giấy tờ và nhập passcode.",
                    ),
                    _tf(
                        "Công an có thể gọi điện yêu cầu bạn đọc mã OTP để kích hoạt lại tài khoản VNeID.",
                        False,
                        "Sai. Công an không xin OTP hay passcode qua điện thoại. Người làm vậy là kẻ gian.",
                    ),
                    _single(
                        "Bạn quên passcode VNeID. Cách đúng là gì?",
                        [
                            _c(
                                "Bấm Quên passcode và nhập mã OTP gửi về số điện thoại đã đăng ký",
                                True,
                            ),
                            _c("Cài lại ứng dụng từ một đường link lạ"),
                            _c("Nhờ người lạ trên mạng lấy lại"),
                        ],
                        "Chức năng Quên passcode gửi mã OTP về số điện thoại của bạn để đặt passcode mới.",
                    ),
                    _tf(
                        "Căn cước điện tử trên tài khoản mức 2 có giá trị như thẻ căn cước khi làm thủ tục hành chính.",
                        True,
                        "Đúng. Dùng căn cước điện tử qua tài khoản mức 2 có giá trị như dùng thẻ căn cước còn hiệu lực.",
                    ),
                ],
            },
        },
    ],
}


# =====================================================================
# KHÓA 2. DỊCH VỤ CÔNG TRỰC TUYẾN
# =====================================================================

_DVC = {
    "slug": "dich-vu-cong-truc-tuyen",
    "title": "Dịch vụ công trực tuyến",
    "promise": (
        "Sau khóa này, bạn có thể đăng nhập Cổng Dịch vụ công quốc gia bằng VNeID, "
        "nộp một hồ sơ trực tuyến, theo dõi hồ sơ bằng mã hồ sơ và nộp phí qua mạng."
    ),
    "topic": "public-services",
    "minutes": 20,
    "cover": "dvc-cover.svg",
    "intro": (
        "<p>Nhiều thủ tục hành chính nay có thể làm tại nhà, trên <strong>Cổng Dịch vụ công "
        "quốc gia</strong> (địa chỉ <strong>dichvucong.gov.vn</strong>). Bạn không phải xếp hàng, "
        "không phải đi lại nhiều lần.</p>"
        "<p>Để học khóa này, bạn nên có sẵn <strong>tài khoản VNeID mức 2</strong> (xem khóa "
        "“Sử dụng ứng dụng VNeID”). Khóa có 3 bài ngắn và 1 bài kiểm tra.</p>"
    ),
    "lessons": [
        # ---------------------------------------------------------------
        {
            "slug": "dang-nhap-cong-dich-vu-cong",
            "title": "Đăng nhập Cổng Dịch vụ công bằng VNeID",
            "summary": "Mở đúng địa chỉ dichvucong.gov.vn và đăng nhập bằng tài khoản định danh điện tử.",
            "minutes": 5,
            "body": [
                (
                    "text",
                    "<p><strong>Cổng Dịch vụ công quốc gia</strong> là nơi tập trung các thủ tục hành chính "
                    "trực tuyến của cả nước. Địa chỉ của cổng là <strong>dichvucong.gov.vn</strong>. Trang "
                    "web của cơ quan nhà nước Việt Nam thường có đuôi <strong>.gov.vn</strong>.</p>"
                    "<p>Từ ngày 1/7/2024, người dân dùng <strong>tài khoản định danh điện tử (VNeID)</strong> "
                    "để đăng nhập và làm dịch vụ công trực tuyến. Tên đăng nhập là số định danh cá nhân, "
                    "mật khẩu là mật khẩu VNeID của bạn.</p>",
                ),
                _img(
                    "dvc-login.svg",
                    "Bấm Đăng nhập rồi chọn tài khoản định danh điện tử cấp bởi Bộ Công an.",
                    "Hình vẽ điện thoại mở trang dichvucong.gov.vn, có nút Đăng nhập và một ô được tô "
                    "màu xanh ghi Tài khoản định danh điện tử cấp bởi Bộ Công an. Bên phải ghi bốn bước đăng nhập.",
                ),
                (
                    "steps",
                    [
                        _step(
                            "Mở trình duyệt web trên điện thoại (ví dụ Chrome hoặc Safari)."
                        ),
                        _step(
                            "Tự gõ địa chỉ dichvucong.gov.vn vào ô địa chỉ phía trên rồi bấm đi. "
                            "Kiểm tra lại từng chữ cho đúng."
                        ),
                        _step("Bấm nút Đăng nhập trên trang."),
                        _step(
                            "Chọn đăng nhập bằng tài khoản định danh điện tử cấp bởi Bộ Công an."
                        ),
                        _step(
                            "Nhập số định danh cá nhân và mật khẩu VNeID. Làm tiếp theo hướng dẫn trên màn "
                            "hình, ví dụ nhập mã OTP gửi về số điện thoại của bạn."
                        ),
                        _step("Đăng nhập xong, tên của bạn sẽ hiện ở góc trên trang."),
                    ],
                ),
                (
                    "callout",
                    {
                        "kind": "never",
                        "text": "Không nhập tài khoản VNeID vào trang web mở từ đường link trong tin nhắn lạ, và "
                        "không cài “ứng dụng dịch vụ công” do người gọi điện gửi. Kẻ gian đã giả danh cán bộ "
                        "để dụ người dân cài ứng dụng dịch vụ công giả rồi lấy tiền trong tài khoản.",
                    },
                ),
                (
                    "callout",
                    {
                        "kind": "tip",
                        "text": "Sau khi mở đúng trang, bạn có thể lưu lại (đánh dấu trang) để lần sau mở nhanh, "
                        "không phải gõ lại. Nếu dùng máy tính chung, nhớ bấm Đăng xuất khi làm xong.",
                    },
                ),
                (
                    "checklist",
                    [
                        "Tôi đã tự gõ đúng địa chỉ dichvucong.gov.vn.",
                        "Tôi đã đăng nhập bằng tài khoản định danh điện tử của mình.",
                        "Tôi thấy tên mình hiện trên trang sau khi đăng nhập.",
                        "Tôi đã đánh dấu trang để lần sau mở nhanh.",
                    ],
                ),
            ],
            "quiz": {
                "pass_mark": 80,
                "questions": [
                    _single(
                        "Địa chỉ đúng của Cổng Dịch vụ công quốc gia là gì?",
                        [
                            _c("dichvucong.gov.vn", True),
                            _c("dichvucong-gov.vn.com"),
                            _c("Bất kỳ đường link nào có chữ “dịch vụ công”"),
                        ],
                        "Cổng Dịch vụ công quốc gia có địa chỉ dichvucong.gov.vn. Trang giả thường thêm chữ, "
                        "thêm dấu gạch hoặc đổi đuôi.",
                    ),
                    _single(
                        "Bạn dùng tài khoản nào để đăng nhập Cổng Dịch vụ công quốc gia?",
                        [
                            _c("Tài khoản định danh điện tử VNeID", True),
                            _c("Tài khoản Facebook"),
                            _c("Tài khoản của người hàng xóm"),
                        ],
                        "Từ ngày 1/7/2024, người dân dùng tài khoản định danh điện tử để làm dịch vụ công trực tuyến.",
                    ),
                    _tf(
                        "Trang web của cơ quan nhà nước Việt Nam thường có đuôi .gov.vn.",
                        True,
                        "Đúng. Hãy nhìn phần đuôi địa chỉ. Tuy vậy, vẫn nên tự gõ địa chỉ thay vì bấm link lạ.",
                    ),
                    _tf(
                        "Người gọi điện tự xưng cán bộ gửi ứng dụng “dịch vụ công” qua Zalo, bạn có thể cài để làm thủ tục cho nhanh.",
                        False,
                        "Sai. Đây là thủ đoạn lừa đảo. Ứng dụng giả có thể chiếm quyền điều khiển điện thoại và lấy tiền của bạn.",
                    ),
                ],
            },
        },
        # ---------------------------------------------------------------
        {
            "slug": "tim-thu-tuc-nop-ho-so",
            "title": "Tìm thủ tục và nộp hồ sơ trực tuyến",
            "summary": "Tìm đúng thủ tục, đọc yêu cầu, điền tờ khai, đính kèm giấy tờ và nộp hồ sơ.",
            "minutes": 5,
            "body": [
                (
                    "text",
                    "<p>Mỗi việc cần làm với cơ quan nhà nước gọi là một <strong>thủ tục hành chính</strong>, "
                    "ví dụ: đăng ký khai sinh, đăng ký thường trú, cấp bản sao giấy tờ. Trên Cổng Dịch vụ công, "
                    "bạn tìm đúng thủ tục, đọc kỹ yêu cầu rồi mới nộp.</p>"
                    "<p>Trước khi bắt đầu, hãy chụp sẵn ảnh rõ nét các giấy tờ cần nộp. Đặt giấy trên mặt bàn "
                    "sáng, chụp thẳng, đủ 4 góc.</p>",
                ),
                _img(
                    "dvc-search.svg",
                    "Gõ từ khóa, chọn đúng thủ tục và đọc thông tin trước khi bấm Nộp trực tuyến.",
                    "Hình vẽ điện thoại với ô tìm kiếm ghi khai sinh, kết quả Đăng ký khai sinh được tô "
                    "viền xanh, bên dưới là các mục Thành phần hồ sơ, Thời hạn giải quyết, Phí lệ phí và nút Nộp trực tuyến.",
                ),
                (
                    "steps",
                    [
                        _step(
                            "Đăng nhập Cổng Dịch vụ công. Gõ từ khóa vào ô tìm kiếm, ví dụ: khai sinh."
                        ),
                        _step(
                            "Chọn đúng tên thủ tục. Đọc kỹ: cần những giấy tờ gì, bao lâu có kết quả, "
                            "có mất phí, lệ phí không."
                        ),
                        _step(
                            "Bấm Nộp trực tuyến. Chọn tỉnh, thành phố và cơ quan sẽ giải quyết hồ sơ. Đôi khi cổng "
                            "chuyển bạn sang cổng dịch vụ công của tỉnh, thành phố; đó là việc bình thường."
                        ),
                        _step(
                            "Điền tờ khai. Ô có dấu sao đỏ (*) là ô bắt buộc. Một số thông tin cá nhân có thể đã được điền sẵn; bạn kiểm tra lại cho đúng."
                        ),
                        _step(
                            "Đính kèm ảnh chụp hoặc bản điện tử của giấy tờ theo yêu cầu."
                        ),
                        _step(
                            "Đọc lại toàn bộ rồi bấm Nộp hồ sơ. Ghi lại hoặc chụp màn hình mã hồ sơ hiện ra."
                        ),
                    ],
                ),
                _img(
                    "dvc-submit.svg",
                    "Năm bước nộp hồ sơ: tìm thủ tục, điền tờ khai, đính kèm, kiểm tra rồi nộp, ghi lại mã hồ sơ.",
                    "Sơ đồ năm ô đánh số nối bằng mũi tên: 1 Tìm thủ tục, 2 Điền tờ khai, 3 Đính kèm giấy tờ, "
                    "4 Kiểm tra rồi Nộp, 5 Ghi lại mã hồ sơ.",
                ),
                (
                    "callout",
                    {
                        "kind": "warning",
                        "text": "Khai sai thông tin có thể làm hồ sơ bị trả lại và mất thêm thời gian. Chưa chắc "
                        "chỗ nào, hãy dừng lại hỏi bộ phận một cửa của xã, phường trước khi bấm Nộp.",
                    },
                ),
                (
                    "callout",
                    {
                        "kind": "tip",
                        "text": "Làm lần đầu, bạn nên chọn một thủ tục đơn giản và nhờ con cháu ngồi cạnh. "
                        "Làm được một lần, những lần sau sẽ dễ hơn nhiều.",
                    },
                ),
                (
                    "checklist",
                    [
                        "Tôi đã tìm thấy một thủ tục mình cần bằng ô tìm kiếm.",
                        "Tôi đã đọc phần giấy tờ cần nộp, thời hạn và phí, lệ phí.",
                        "Tôi đã chụp sẵn ảnh giấy tờ rõ nét, đủ 4 góc.",
                        "Tôi biết ghi lại mã hồ sơ sau khi nộp.",
                    ],
                ),
            ],
            "quiz": {
                "pass_mark": 80,
                "questions": [
                    _single(
                        "Trước khi bấm Nộp trực tuyến, bạn nên đọc kỹ điều gì?",
                        [
                            _c(
                                "Cần những giấy tờ gì, bao lâu có kết quả, có mất phí không",
                                True,
                            ),
                            _c("Chỉ cần xem hình minh họa"),
                            _c("Không cần đọc gì, cứ nộp trước"),
                        ],
                        "Đọc kỹ yêu cầu giúp bạn chuẩn bị đủ giấy tờ, tránh bị trả hồ sơ.",
                    ),
                    _single(
                        "Ô có dấu sao đỏ (*) trong tờ khai nghĩa là gì?",
                        [
                            _c("Ô bắt buộc phải điền", True),
                            _c("Ô có thể bỏ qua"),
                            _c("Ô dành cho cán bộ điền"),
                        ],
                        "Dấu sao đỏ đánh dấu thông tin bắt buộc. Thiếu ô này thì không nộp được hồ sơ.",
                    ),
                    _tf(
                        "Khi bấm Nộp trực tuyến, cổng có thể chuyển bạn sang cổng dịch vụ công của tỉnh, thành phố.",
                        True,
                        "Đúng. Nhiều thủ tục do tỉnh, thành phố giải quyết nên cổng quốc gia sẽ chuyển bạn sang cổng của địa phương.",
                    ),
                    _multiple(
                        "Sau khi nộp hồ sơ, bạn nên làm gì? (chọn tất cả ý đúng)",
                        [
                            _c("Ghi lại hoặc chụp màn hình mã hồ sơ", True),
                            _c("Cất giữ mã hồ sơ để tra cứu sau", True),
                            _c("Đăng mã hồ sơ và ảnh giấy tờ lên mạng xã hội"),
                        ],
                        "Mã hồ sơ dùng để theo dõi. Không nên đăng giấy tờ cá nhân lên mạng xã hội.",
                    ),
                ],
            },
        },
        # ---------------------------------------------------------------
        {
            "slug": "theo-doi-ho-so-nop-phi",
            "title": "Theo dõi hồ sơ và nộp phí trực tuyến",
            "summary": "Tra cứu tình trạng hồ sơ bằng mã hồ sơ và nộp phí, lệ phí ngay trên cổng.",
            "minutes": 5,
            "body": [
                (
                    "text",
                    "<p>Sau khi nộp, mỗi hồ sơ có một <strong>mã hồ sơ</strong> riêng. Mã này giống như số "
                    "phiếu hẹn. Có mã hồ sơ, bạn xem được hồ sơ đã tới đâu mà không cần lên xã, phường hỏi.</p>"
                    "<p>Một số thủ tục có <strong>phí, lệ phí</strong>. Bạn có thể nộp ngay trên cổng, qua "
                    "ngân hàng hoặc ví điện tử mà cổng cho chọn, rồi lưu biên lai điện tử.</p>",
                ),
                _img(
                    "dvc-track.svg",
                    "Nhập mã hồ sơ để xem hồ sơ đang ở bước nào.",
                    "Hình vẽ điện thoại mở trang Tra cứu hồ sơ, có ô Mã hồ sơ, nút Tra cứu và ba mốc: "
                    "Đã tiếp nhận, Đang xử lý, Có kết quả.",
                ),
                (
                    "steps",
                    [
                        _step(
                            "Mở dichvucong.gov.vn, chọn mục tra cứu hồ sơ, nhập mã hồ sơ rồi bấm tra cứu. "
                            "Hoặc đăng nhập rồi vào mục quản lý hồ sơ của bạn."
                        ),
                        _step(
                            "Xem tình trạng: đã tiếp nhận, đang xử lý hay đã có kết quả."
                        ),
                        _step(
                            "Nếu có thông báo yêu cầu bổ sung giấy tờ, đọc kỹ rồi làm theo hướng dẫn."
                        ),
                        _step(
                            "Nếu hồ sơ cần nộp phí, chọn mục thanh toán của hồ sơ đó. Cổng sẽ chuyển sang "
                            "trang thanh toán.",
                            "dvc-pay.svg",
                        ),
                        _step(
                            "Chọn ngân hàng hoặc ví của bạn, kiểm tra đúng số tiền rồi xác nhận trong ứng dụng ngân hàng."
                        ),
                        _step(
                            "Khi thấy báo thanh toán thành công, tải hoặc chụp lại biên lai."
                        ),
                    ],
                ),
                (
                    "callout",
                    {
                        "kind": "never",
                        "text": "Không chuyển tiền phí, lệ phí vào số tài khoản cá nhân do ai đó nhắn tin hay gọi "
                        "điện gửi, dù họ xưng là cán bộ. Hãy thanh toán trên cổng hoặc nộp trực tiếp tại "
                        "bộ phận một cửa.",
                    },
                ),
                (
                    "callout",
                    {
                        "kind": "tip",
                        "text": "Số tiền phí, lệ phí do quy định của từng thủ tục. Bạn xem số tiền trong phần thông "
                        "tin thủ tục, hoặc hỏi bộ phận một cửa nếu chưa rõ.",
                    },
                ),
                (
                    "text",
                    "<p>Khi hồ sơ có kết quả, bạn sẽ được báo cách nhận: nhận bản điện tử, nhận tại nơi nộp "
                    "hoặc qua bưu điện, tùy thủ tục và lựa chọn của bạn.</p>",
                ),
                (
                    "checklist",
                    [
                        "Tôi đã thử tra cứu một hồ sơ bằng mã hồ sơ.",
                        "Tôi biết đọc các trạng thái: đã tiếp nhận, đang xử lý, có kết quả.",
                        "Tôi biết chỉ nộp phí trên cổng hoặc tại bộ phận một cửa.",
                        "Tôi đã lưu biên lai sau khi thanh toán.",
                    ],
                ),
            ],
            "quiz": {
                "pass_mark": 80,
                "questions": [
                    _single(
                        "Mã hồ sơ dùng để làm gì?",
                        [
                            _c("Tra cứu xem hồ sơ đang được xử lý tới đâu", True),
                            _c("Đăng nhập vào ứng dụng ngân hàng"),
                            _c("Nạp tiền điện thoại"),
                        ],
                        "Mã hồ sơ giống như số phiếu hẹn, dùng để theo dõi tình trạng hồ sơ.",
                    ),
                    _tf(
                        "Một người nhắn tin xưng là cán bộ, đề nghị bạn chuyển lệ phí vào tài khoản cá nhân "
                        "của họ cho nhanh. Bạn nên chuyển.",
                        False,
                        "Sai. Chỉ nộp phí qua trang thanh toán của cổng hoặc tại bộ phận một cửa. Chuyển cho "
                        "tài khoản cá nhân rất dễ bị lừa.",
                    ),
                    _single(
                        "Hồ sơ báo cần bổ sung giấy tờ. Bạn nên làm gì?",
                        [
                            _c("Đọc kỹ thông báo và bổ sung theo hướng dẫn", True),
                            _c("Bỏ qua, hồ sơ sẽ tự xong"),
                            _c("Nộp lại một hồ sơ mới y hệt"),
                        ],
                        "Thông báo bổ sung cho biết còn thiếu gì. Bổ sung đúng thì hồ sơ mới được xử lý tiếp.",
                    ),
                    _multiple(
                        "Khi nộp phí trực tuyến, bạn cần chú ý gì? (chọn tất cả ý đúng)",
                        [
                            _c("Kiểm tra đúng số tiền trước khi xác nhận", True),
                            _c("Lưu lại biên lai sau khi thanh toán thành công", True),
                            _c("Đọc mã OTP cho người gọi điện hỗ trợ"),
                        ],
                        "Kiểm tra số tiền và lưu biên lai là thói quen tốt. Mã OTP thì không bao giờ đọc cho ai.",
                    ),
                ],
            },
        },
        # ---------------------------------------------------------------
        {
            "slug": "kiem-tra-cuoi-khoa-dich-vu-cong",
            "title": "Bài kiểm tra cuối khóa",
            "summary": "Ôn lại cả khóa Dịch vụ công trực tuyến qua 8 câu hỏi.",
            "minutes": 5,
            "body": [
                (
                    "text",
                    "<p>Bạn đã đi hết 3 bài về dịch vụ công trực tuyến. Bài kiểm tra có 8 câu hỏi. "
                    "Đúng từ 80% trở lên là bạn hoàn thành khóa học. Sau mỗi câu có lời giải thích "
                    "để bạn ôn lại.</p>",
                ),
            ],
            "quiz": {
                "pass_mark": 80,
                "questions": [
                    _single(
                        "Cổng Dịch vụ công quốc gia có địa chỉ nào?",
                        [
                            _c("dichvucong.gov.vn", True),
                            _c("dichvucong.vn.xyz"),
                            _c("dich-vu-cong-nhanh.com"),
                        ],
                        "Địa chỉ đúng là dichvucong.gov.vn. Hãy tự gõ địa chỉ, không bấm link lạ.",
                    ),
                    _single(
                        "Bạn đăng nhập Cổng Dịch vụ công quốc gia bằng gì?",
                        [
                            _c("Tài khoản định danh điện tử VNeID", True),
                            _c("Số tài khoản ngân hàng"),
                            _c("Tài khoản Zalo"),
                        ],
                        "Người dân dùng tài khoản định danh điện tử để làm dịch vụ công trực tuyến.",
                    ),
                    _tf(
                        "Ô có dấu sao đỏ (*) trong tờ khai là ô bắt buộc phải điền.",
                        True,
                        "Đúng. Thiếu các ô này thì hồ sơ không nộp được.",
                    ),
                    _single(
                        "Sau khi nộp hồ sơ, điều quan trọng nhất cần giữ lại là gì?",
                        [
                            _c("Mã hồ sơ", True),
                            _c("Ảnh chụp màn hình trang chủ"),
                            _c("Tên trình duyệt web"),
                        ],
                        "Mã hồ sơ giúp bạn tra cứu tình trạng hồ sơ bất cứ lúc nào.",
                    ),
                    _multiple(
                        "Những dấu hiệu nào cho thấy có thể là lừa đảo? (chọn tất cả ý đúng)",
                        [
                            _c(
                                "Người gọi tự xưng cán bộ gửi ứng dụng dịch vụ công qua Zalo",
                                True,
                            ),
                            _c(
                                "Tin nhắn yêu cầu chuyển lệ phí vào tài khoản cá nhân",
                                True,
                            ),
                            _c(
                                "Trang thanh toán mở ra từ hồ sơ của bạn trên dichvucong.gov.vn"
                            ),
                        ],
                        "Gửi ứng dụng qua Zalo và đòi chuyển lệ phí vào tài khoản cá nhân là thủ đoạn lừa đảo quen thuộc. Thanh toán từ chính hồ sơ của bạn trên cổng là cách đúng.",
                    ),
                    _single(
                        "Trạng thái “Đang xử lý” nghĩa là gì?",
                        [
                            _c("Cơ quan đã nhận và đang giải quyết hồ sơ", True),
                            _c("Hồ sơ đã bị hủy"),
                            _c("Bạn phải nộp lại từ đầu"),
                        ],
                        "Đang xử lý nghĩa là hồ sơ đang được giải quyết. Bạn chờ thêm và theo dõi thông báo.",
                    ),
                    _tf(
                        "Chuẩn bị sẵn ảnh chụp giấy tờ rõ nét, đủ 4 góc giúp nộp hồ sơ nhanh hơn.",
                        True,
                        "Đúng. Ảnh rõ nét giúp cán bộ đọc được, hạn chế bị yêu cầu bổ sung.",
                    ),
                    _single(
                        "Thanh toán phí xong, bạn nên làm gì?",
                        [
                            _c("Tải hoặc chụp lại biên lai", True),
                            _c("Xóa ngay tin nhắn của ngân hàng"),
                            _c("Gửi biên lai cho người lạ kiểm tra giúp"),
                        ],
                        "Biên lai là bằng chứng bạn đã nộp tiền, nên lưu lại cẩn thận.",
                    ),
                ],
            },
        },
    ],
}


# =====================================================================
# KHÓA 3. THANH TOÁN KHÔNG DÙNG TIỀN MẶT
# =====================================================================

_PAY = {
    "slug": "thanh-toan-khong-dung-tien-mat",
    "title": "Thanh toán không dùng tiền mặt",
    "promise": (
        "Sau khóa này, bạn có thể dùng ứng dụng ngân hàng để trả tiền bằng mã QR, "
        "biết kiểm tra tên người nhận trước khi trả và giữ bí mật mã OTP."
    ),
    "topic": "payments",
    "minutes": 25,
    "cover": "pay-cover.svg",
    "intro": (
        "<p>Đi chợ, trả tiền điện nước, gửi tiền cho con cháu… nay đều có thể làm bằng điện thoại. "
        "Thanh toán không dùng tiền mặt giúp bạn không phải mang nhiều tiền, không lo thối tiền lẻ.</p>"
        "<p>Khóa học có 4 bài ngắn và 1 bài kiểm tra. Mỗi bài đều nhắc lại một điều quan trọng nhất: "
        "<strong>xem kỹ trước khi bấm, và không bao giờ đọc mã OTP cho ai</strong>.</p>"
    ),
    "lessons": [
        # ---------------------------------------------------------------
        {
            "slug": "lam-quen-ung-dung-ngan-hang",
            "title": "Làm quen với ứng dụng ngân hàng",
            "summary": "Cài đúng ứng dụng của ngân hàng mình, đăng nhập, xem số dư và lịch sử giao dịch.",
            "minutes": 5,
            "body": [
                (
                    "text",
                    "<p>Để trả tiền bằng điện thoại, bạn cần có <strong>tài khoản ngân hàng</strong> và "
                    "<strong>ứng dụng ngân hàng</strong> trên điện thoại. Bạn có thể mang thẻ căn cước ra quầy "
                    "giao dịch của ngân hàng để mở tài khoản và nhờ nhân viên hướng dẫn cài ứng dụng.</p>"
                    "<p>Mỗi ngân hàng có ứng dụng riêng, nhưng thường có các mục giống nhau: "
                    "<strong>số dư</strong> (tiền đang có), <strong>chuyển tiền</strong>, "
                    "<strong>quét QR</strong> và <strong>lịch sử giao dịch</strong>.</p>",
                ),
                _img(
                    "pay-app-home.svg",
                    "Các mục chính thường gặp trong một ứng dụng ngân hàng.",
                    "Hình vẽ điện thoại mở một ứng dụng ngân hàng chung chung: ô Số dư được che bằng dấu chấm, "
                    "bốn nút Chuyển tiền, Quét QR, Lịch sử, Cài đặt. Bên phải giải thích từng mục.",
                ),
                (
                    "steps",
                    [
                        _step(
                            "Hỏi nhân viên ngân hàng tên chính xác của ứng dụng. Tìm tên đó trong CH Play hoặc "
                            "App Store và kiểm tra nhà phát triển đúng là ngân hàng của bạn."
                        ),
                        _step(
                            "Cài ứng dụng, mở ra và đăng nhập bằng tên đăng nhập, mật khẩu ngân hàng cấp. "
                            "Lần đầu, ứng dụng thường yêu cầu đổi mật khẩu mới."
                        ),
                        _step(
                            "Xem số dư ở màn hình chính. Một số ứng dụng che số dư, bấm vào biểu tượng con mắt để xem."
                        ),
                        _step(
                            "Bấm vào mục lịch sử giao dịch để xem các khoản tiền vào, tiền ra."
                        ),
                        _step(
                            "Làm theo hướng dẫn của ngân hàng để cài đặt xác thực bằng khuôn mặt (sinh trắc học) "
                            "với thẻ căn cước gắn chip."
                        ),
                        _step("Dùng xong, bấm Đăng xuất và khóa màn hình điện thoại."),
                    ],
                ),
                (
                    "text",
                    "<p>Theo quy định của Ngân hàng Nhà nước, từ ngày 1/7/2024, chuyển tiền trực tuyến trên "
                    "<strong>10 triệu đồng một lần</strong>, hoặc tổng trên <strong>20 triệu đồng trong ngày</strong>, "
                    "phải xác thực bằng khuôn mặt hoặc vân tay khớp với dữ liệu căn cước. Vì vậy bạn nên cài "
                    "sinh trắc học sớm, khi có nhân viên ngân hàng bên cạnh.</p>",
                ),
                (
                    "callout",
                    {
                        "kind": "never",
                        "text": "Không cho ai mượn điện thoại khi ứng dụng ngân hàng đang mở, và không nói mật khẩu "
                        "ngân hàng cho bất kỳ ai, kể cả người xưng là nhân viên ngân hàng.",
                    },
                ),
                (
                    "callout",
                    {
                        "kind": "tip",
                        "text": "Lưu số tổng đài chăm sóc khách hàng in trên thẻ ngân hàng hoặc trong ứng dụng vào danh "
                        "bạ với tên dễ nhớ, để gọi ngay khi có chuyện lạ.",
                    },
                ),
                (
                    "checklist",
                    [
                        "Tôi đã cài đúng ứng dụng của ngân hàng mình từ CH Play hoặc App Store.",
                        "Tôi đã đăng nhập và xem được số dư.",
                        "Tôi đã mở thử mục lịch sử giao dịch.",
                        "Tôi đã lưu số tổng đài của ngân hàng vào danh bạ.",
                    ],
                ),
            ],
            "quiz": {
                "pass_mark": 80,
                "questions": [
                    _single(
                        "Cách an toàn để có ứng dụng ngân hàng là gì?",
                        [
                            _c(
                                "Hỏi tên ứng dụng ở ngân hàng, tải từ CH Play hoặc App Store và kiểm tra nhà phát triển",
                                True,
                            ),
                            _c("Cài từ đường link trong tin nhắn tự xưng là ngân hàng"),
                            _c("Nhờ người lạ cài giúp qua điện thoại"),
                        ],
                        "Ứng dụng thật nằm trong kho ứng dụng chính thức và mang tên nhà phát triển là ngân hàng.",
                    ),
                    _single(
                        "Mục “Lịch sử giao dịch” cho bạn biết điều gì?",
                        [
                            _c("Các khoản tiền vào, tiền ra của tài khoản", True),
                            _c("Tin tức thời sự trong ngày"),
                            _c("Danh bạ điện thoại"),
                        ],
                        "Lịch sử giao dịch giúp bạn kiểm tra mình đã trả, đã nhận những khoản nào.",
                    ),
                    _tf(
                        "Từ ngày 1/7/2024, chuyển tiền trực tuyến trên 10 triệu đồng một lần phải xác thực bằng khuôn mặt hoặc vân tay.",
                        True,
                        "Đúng. Đây là quy định của Ngân hàng Nhà nước, áp dụng cả khi tổng số tiền chuyển trong ngày trên 20 triệu đồng.",
                    ),
                    _tf(
                        "Nhân viên ngân hàng có thể gọi điện hỏi mật khẩu để kiểm tra tài khoản giúp bạn.",
                        False,
                        "Sai. Ngân hàng không bao giờ hỏi mật khẩu hay mã OTP. Người hỏi như vậy là kẻ gian.",
                    ),
                ],
            },
        },
        # ---------------------------------------------------------------
        {
            "slug": "thanh-toan-bang-ma-qr",
            "title": "Trả tiền bằng mã QR",
            "summary": "Quét mã QR ở cửa hàng bằng ứng dụng ngân hàng để trả tiền nhanh và đúng.",
            "minutes": 5,
            "body": [
                (
                    "text",
                    "<p><strong>Mã QR</strong> là ô vuông gồm nhiều chấm đen trắng. Bên trong mã có sẵn số tài "
                    "khoản, ngân hàng của người nhận, đôi khi có cả số tiền. Bạn không phải gõ số tài khoản "
                    "dài, nên ít nhầm hơn.</p>"
                    "<p>Nhiều cửa hàng dán mã QR có chữ <strong>VietQR</strong>. Đây là chuẩn mã QR chung do "
                    "NAPAS cùng các ngân hàng triển khai, nên phần lớn ứng dụng ngân hàng đều quét được.</p>",
                ),
                _img(
                    "pay-qr-scan.svg",
                    "Mở chức năng quét QR trong ứng dụng ngân hàng và đưa mã vào giữa khung.",
                    "Hình vẽ điện thoại đang mở camera, khung quét nhắm vào mã QR. Bên phải là tấm bảng "
                    "Quầy thu ngân có mã QR và dòng chữ Quét để trả tiền.",
                ),
                (
                    "steps",
                    [
                        _step("Mở ứng dụng ngân hàng của bạn và đăng nhập."),
                        _step("Chọn mục Quét QR (thường có hình ô vuông nhỏ)."),
                        _step(
                            "Đưa camera vào mã QR của cửa hàng, giữ yên tay cho tới khi máy nhận mã."
                        ),
                        _step(
                            "Xem màn hình hiện ra: tên người nhận có đúng là cửa hàng, người bán không? "
                            "Nhập số tiền nếu chưa có sẵn.",
                            "pay-confirm.svg",
                        ),
                        _step(
                            "Bấm tiếp tục, rồi xác nhận bằng mã OTP, mã PIN, vân tay hoặc khuôn mặt theo yêu cầu "
                            "của ứng dụng."
                        ),
                        _step(
                            "Khi thấy báo giao dịch thành công, đưa màn hình cho người bán xem. Người bán kiểm tra "
                            "tiền đã vào tài khoản của họ."
                        ),
                    ],
                ),
                (
                    "callout",
                    {
                        "kind": "warning",
                        "text": "Mã QR dán ở nơi công cộng có thể bị kẻ xấu dán đè mã khác lên. Vì vậy, trước khi "
                        "bấm xác nhận, luôn đọc tên người nhận hiện trên màn hình.",
                    },
                ),
                (
                    "callout",
                    {
                        "kind": "never",
                        "text": "Không quét mã QR do người lạ gửi qua tin nhắn, mạng xã hội với lời hứa nhận quà, "
                        "nhận tiền hoàn. Quét mã chỉ để trả tiền, không bao giờ để nhận tiền.",
                    },
                ),
                (
                    "callout",
                    {
                        "kind": "tip",
                        "text": "Giữ lại màn hình báo thành công (chụp màn hình) với những khoản tiền lớn, để đối chiếu khi cần.",
                    },
                ),
                (
                    "checklist",
                    [
                        "Tôi đã tìm thấy mục Quét QR trong ứng dụng ngân hàng.",
                        "Tôi đã thử quét mã QR và đọc tên người nhận trên màn hình.",
                        "Tôi đã trả thử một khoản nhỏ, ví dụ tiền mua rau.",
                        "Tôi biết đưa màn hình thành công cho người bán xem.",
                    ],
                ),
            ],
            "quiz": {
                "pass_mark": 80,
                "questions": [
                    _single(
                        "Mã QR thanh toán chứa thông tin gì?",
                        [
                            _c(
                                "Số tài khoản và ngân hàng của người nhận, có thể có cả số tiền",
                                True,
                            ),
                            _c("Mật khẩu ngân hàng của bạn"),
                            _c("Mã OTP của bạn"),
                        ],
                        "Mã QR mang thông tin người nhận để bạn không phải gõ số tài khoản. Nó không chứa mật khẩu của bạn.",
                    ),
                    _tf(
                        "VietQR là chuẩn mã QR chung, nhiều ứng dụng ngân hàng khác nhau đều quét được.",
                        True,
                        "Đúng. VietQR do NAPAS cùng các ngân hàng triển khai để các ứng dụng dùng chung một loại mã.",
                    ),
                    _single(
                        "Quét mã xong, việc quan trọng nhất trước khi bấm xác nhận là gì?",
                        [
                            _c(
                                "Đọc tên người nhận và số tiền hiện trên màn hình", True
                            ),
                            _c("Bấm xác nhận thật nhanh"),
                            _c("Tắt mạng điện thoại"),
                        ],
                        "Tên người nhận cho biết tiền sẽ vào tay ai. Sai tên thì dừng lại ngay.",
                    ),
                    _tf(
                        "Một người lạ gửi mã QR qua Zalo, nói quét vào để nhận quà. Bạn nên quét ngay.",
                        False,
                        "Sai. Quét mã QR chỉ để trả tiền. Mã do người lạ gửi kèm lời hứa nhận quà thường là lừa đảo.",
                    ),
                    _multiple(
                        "Sau khi trả tiền bằng QR ở cửa hàng, bạn nên làm gì? (chọn tất cả ý đúng)",
                        [
                            _c(
                                "Đưa màn hình giao dịch thành công cho người bán xem",
                                True,
                            ),
                            _c("Chụp lại màn hình thành công với khoản tiền lớn", True),
                            _c("Đọc mã OTP cho người bán để họ kiểm tra"),
                        ],
                        "Người bán chỉ cần xem màn hình thành công và kiểm tra tài khoản của họ. OTP thì không đọc cho ai.",
                    ),
                ],
            },
        },
        # ---------------------------------------------------------------
        {
            "slug": "kiem-tra-nguoi-nhan-han-muc",
            "title": "Kiểm tra người nhận và hạn mức",
            "summary": "Đọc kỹ màn hình xác nhận, xử lý khi sai tên và hiểu hạn mức chuyển tiền.",
            "minutes": 5,
            "body": [
                (
                    "text",
                    "<p>Trước khi tiền rời khỏi tài khoản, ứng dụng luôn hiện một <strong>màn hình xác nhận</strong>. "
                    "Đây là cơ hội cuối cùng để bạn dừng lại. Tiền đã chuyển nhầm thường rất khó lấy lại, "
                    "vì vậy hãy dành 5 giây đọc kỹ.</p>",
                ),
                _img(
                    "pay-confirm.svg",
                    "Màn hình xác nhận: tên người nhận được khoanh màu cam để nhắc bạn đọc kỹ.",
                    "Hình vẽ điện thoại mở màn hình Xác nhận giao dịch với các dòng Người nhận, Ngân hàng nhận, "
                    "Số tiền 50.000 đồng, Nội dung Mua rau, hai nút Hủy và Xác nhận. Bên phải là ba câu tự hỏi.",
                ),
                (
                    "steps",
                    [
                        _step(
                            "Đọc tên người nhận. Tên tài khoản thường viết hoa, không dấu. So với tên cửa hàng, "
                            "tên người bán hoặc người thân bạn định gửi."
                        ),
                        _step(
                            "Đọc số tiền, đếm kỹ các số 0. 50.000 đồng khác xa 500.000 đồng."
                        ),
                        _step(
                            "Xem nội dung chuyển tiền, ghi ngắn gọn như: mua rau, tiền điện tháng 5."
                        ),
                        _step(
                            "Nếu có gì không khớp, bấm Hủy hoặc Quay lại, rồi hỏi lại người bán hay người nhận."
                        ),
                        _step("Nếu đúng hết, bấm Xác nhận và hoàn tất bước xác thực."),
                        _step(
                            "Mở lịch sử giao dịch để chắc chắn khoản tiền đã đi đúng."
                        ),
                    ],
                ),
                (
                    "text",
                    "<p><strong>Hạn mức</strong> là số tiền tối đa bạn được chuyển trong một lần hoặc trong một "
                    "ngày. Hạn mức do từng ngân hàng quy định và có thể khác nhau tùy loại tài khoản. Bạn xem "
                    "hạn mức trong phần cài đặt của ứng dụng, hoặc hỏi tổng đài, quầy giao dịch. Nhiều ngân hàng "
                    "cho phép tự hạ hạn mức xuống thấp hơn để an toàn hơn.</p>",
                ),
                (
                    "callout",
                    {
                        "kind": "warning",
                        "text": "Người lạ hối thúc bạn chuyển tiền ngay, hoặc nói tên người nhận khác là do “tài khoản "
                        "của kế toán”, rất có thể đang lừa đảo. Hãy dừng lại và gọi hỏi người thân.",
                    },
                ),
                (
                    "callout",
                    {
                        "kind": "tip",
                        "text": "Lỡ chuyển nhầm, hãy gọi ngay tổng đài ngân hàng của bạn để được hướng dẫn tra soát. "
                        "Báo càng sớm càng tốt.",
                    },
                ),
                (
                    "checklist",
                    [
                        "Tôi luôn đọc tên người nhận trước khi bấm Xác nhận.",
                        "Tôi đếm kỹ các số 0 trong số tiền.",
                        "Tôi đã tìm xem hạn mức chuyển tiền của tài khoản mình.",
                        "Tôi biết bấm Hủy khi thấy điều gì không khớp.",
                    ],
                ),
            ],
            "quiz": {
                "pass_mark": 80,
                "questions": [
                    _single(
                        "Bạn định trả tiền cho cô bán rau tên Lan, nhưng màn hình hiện tên người nhận lạ. Bạn làm gì?",
                        [
                            _c("Bấm Hủy và hỏi lại người bán", True),
                            _c("Cứ bấm Xác nhận cho nhanh"),
                            _c("Chuyển gấp đôi cho chắc"),
                        ],
                        "Tên người nhận không khớp là dấu hiệu phải dừng lại. Hỏi lại trước khi trả tiền.",
                    ),
                    _single(
                        "Hạn mức chuyển tiền do ai quy định?",
                        [
                            _c("Do ngân hàng quy định, tùy loại tài khoản", True),
                            _c("Do người bán hàng quy định"),
                            _c("Không có giới hạn nào"),
                        ],
                        "Mỗi ngân hàng có quy định hạn mức riêng. Bạn xem trong ứng dụng hoặc hỏi ngân hàng.",
                    ),
                    _tf(
                        "50.000 đồng và 500.000 đồng chỉ khác một số 0 nên không cần đếm kỹ.",
                        False,
                        "Sai. Một số 0 làm số tiền gấp 10 lần. Luôn đếm kỹ các số 0 trước khi xác nhận.",
                    ),
                    _multiple(
                        "Trên màn hình xác nhận, bạn cần đọc những gì? (chọn tất cả ý đúng)",
                        [
                            _c("Tên người nhận", True),
                            _c("Số tiền", True),
                            _c("Nội dung chuyển tiền", True),
                            _c("Màu nền của ứng dụng"),
                        ],
                        "Tên, số tiền và nội dung là ba điều cần kiểm tra. Màu nền thì không quan trọng.",
                    ),
                    _single(
                        "Lỡ chuyển nhầm tiền, việc nên làm đầu tiên là gì?",
                        [
                            _c(
                                "Gọi ngay tổng đài ngân hàng của mình để được hướng dẫn",
                                True,
                            ),
                            _c("Chờ vài tuần xem có ai trả lại không"),
                            _c("Nhờ một người lạ trên mạng lấy lại tiền giúp"),
                        ],
                        "Báo ngân hàng càng sớm càng có cơ hội xử lý. Người lạ hứa lấy lại tiền thường là lừa đảo.",
                    ),
                ],
            },
        },
        # ---------------------------------------------------------------
        {
            "slug": "khong-chia-se-ma-otp",
            "title": "Không bao giờ chia sẻ mã OTP",
            "summary": "Hiểu mã OTP là gì và vì sao không được đọc mã cho bất kỳ ai.",
            "minutes": 5,
            "body": [
                (
                    "text",
                    "<p><strong>Mã OTP</strong> là mật khẩu dùng một lần, thường gồm vài chữ số, gửi qua tin nhắn "
                    "hoặc hiện trong ứng dụng ngân hàng. Mã chỉ dùng được trong thời gian ngắn. Nhập mã OTP nghĩa "
                    "là bạn <strong>đồng ý</strong> cho một giao dịch.</p>"
                    "<p>Vì vậy, đọc mã OTP cho người khác cũng giống như đưa chìa khóa két tiền cho họ. Ngân hàng "
                    "khẳng định không bao giờ yêu cầu khách hàng cung cấp mã OTP, dù qua điện thoại, tin nhắn, "
                    "mạng xã hội hay trang web.</p>",
                ),
                _img(
                    "pay-otp.svg",
                    "Tin nhắn OTP chỉ để bạn tự nhập. Người gọi xin mã là kẻ gian.",
                    "Hình vẽ điện thoại nhận tin nhắn: Mã OTP của bạn là sáu chấm, không cung cấp mã cho bất kỳ "
                    "ai, kể cả ngân hàng. Bên phải một người gọi điện nói: đọc giúp em mã OTP nhé, kèm biển cấm màu đỏ.",
                ),
                (
                    "steps",
                    [
                        _step(
                            "Khi nhận tin nhắn có mã OTP, hãy đọc cả câu: mã này dùng để làm gì?"
                        ),
                        _step(
                            "Tự hỏi: chính mình có đang làm giao dịch này không? Nếu không, đừng nhập mã ở đâu cả."
                        ),
                        _step(
                            "Chỉ nhập mã OTP vào ứng dụng ngân hàng của bạn, khi chính bạn đang thao tác."
                        ),
                        _step(
                            "Có người gọi xin mã: nói “không”, cúp máy ngay, không cần giải thích."
                        ),
                        _step(
                            "Gọi tổng đài ngân hàng theo số in trên thẻ hoặc trong ứng dụng để báo có người xin mã."
                        ),
                    ],
                ),
                (
                    "callout",
                    {
                        "kind": "never",
                        "text": "Không bao giờ đọc, nhắn hay chụp mã OTP gửi cho bất kỳ ai: không cho nhân viên ngân "
                        "hàng, không cho công an, không cho người xưng là bạn bè, người thân qua điện thoại.",
                    },
                ),
                (
                    "callout",
                    {
                        "kind": "warning",
                        "text": "Kẻ gian hay nói: “Có người chuyển nhầm tiền cho bác”, “Bác trúng thưởng, đọc mã để "
                        "nhận quà”, “Tài khoản sắp bị khóa”. Mục đích đều là để lấy mã OTP. Gặp những câu này, "
                        "hãy cúp máy.",
                    },
                ),
                (
                    "checklist",
                    [
                        "Tôi hiểu nhập mã OTP là đồng ý cho một giao dịch.",
                        "Tôi luôn đọc cả tin nhắn OTP để biết mã dùng cho việc gì.",
                        "Tôi đã dặn người thân: không ai được xin mã OTP của nhau.",
                        "Tôi biết gọi tổng đài ngân hàng khi có người xin mã.",
                    ],
                ),
            ],
            "quiz": {
                "pass_mark": 80,
                "questions": [
                    _single(
                        "Mã OTP là gì?",
                        [
                            _c("Mật khẩu dùng một lần để xác nhận giao dịch", True),
                            _c("Số tài khoản ngân hàng của bạn"),
                            _c("Mã giảm giá khi đi chợ"),
                        ],
                        "OTP là mật khẩu dùng một lần. Nhập OTP nghĩa là bạn đồng ý cho giao dịch.",
                    ),
                    _tf(
                        "Ngân hàng có thể gọi điện xin mã OTP để giúp bạn mở khóa tài khoản.",
                        False,
                        "Sai. Ngân hàng không bao giờ xin mã OTP dưới bất kỳ hình thức nào.",
                    ),
                    _single(
                        "Bạn nhận được tin nhắn OTP dù không làm giao dịch nào. Bạn nên làm gì?",
                        [
                            _c(
                                "Không nhập, không đọc mã cho ai và gọi tổng đài ngân hàng để báo",
                                True,
                            ),
                            _c("Gửi mã cho người vừa gọi điện để họ hủy giúp"),
                            _c("Nhập mã vào đường link trong tin nhắn"),
                        ],
                        "Có OTP lạ nghĩa là ai đó đang cố làm giao dịch bằng tài khoản của bạn. Hãy báo ngân hàng.",
                    ),
                    _multiple(
                        "Những câu nào là chiêu quen thuộc để xin mã OTP? (chọn tất cả ý đúng)",
                        [
                            _c(
                                "“Có người chuyển nhầm tiền cho bác, đọc mã để em lấy lại”",
                                True,
                            ),
                            _c("“Bác trúng thưởng, đọc mã để nhận quà”", True),
                            _c(
                                "“Tài khoản của bác sắp bị khóa, đọc mã để giữ lại”",
                                True,
                            ),
                        ],
                        "Cả ba câu đều là chiêu lừa. Dù lý do nghe hợp lý đến đâu, không ai được xin mã OTP của bạn.",
                    ),
                ],
            },
        },
        # ---------------------------------------------------------------
        {
            "slug": "kiem-tra-cuoi-khoa-thanh-toan",
            "title": "Bài kiểm tra cuối khóa",
            "summary": "Ôn lại cả khóa Thanh toán không dùng tiền mặt qua 9 câu hỏi.",
            "minutes": 5,
            "body": [
                (
                    "text",
                    "<p>Bạn đã học xong 4 bài về thanh toán bằng điện thoại. Bài kiểm tra có 9 câu hỏi. "
                    "Đúng từ 80% trở lên là hoàn thành khóa. Sau mỗi câu, hãy đọc lời giải thích để nhớ lâu hơn.</p>",
                ),
            ],
            "quiz": {
                "pass_mark": 80,
                "questions": [
                    _single(
                        "Bạn nên tải ứng dụng ngân hàng từ đâu?",
                        [
                            _c(
                                "CH Play hoặc App Store, đúng tên nhà phát triển là ngân hàng của mình",
                                True,
                            ),
                            _c("Đường link trong tin nhắn báo tài khoản bị khóa"),
                            _c("Tệp cài đặt do người lạ gửi qua Zalo"),
                        ],
                        "Chỉ kho ứng dụng chính thức mới đáng tin. Tệp và link người lạ gửi có thể chứa mã độc.",
                    ),
                    _tf(
                        "Mã QR thanh toán chứa số tài khoản và ngân hàng của người nhận.",
                        True,
                        "Đúng. Nhờ vậy bạn không phải tự gõ số tài khoản và ít bị nhầm.",
                    ),
                    _single(
                        "Quét mã QR xong, bạn thấy tên người nhận không phải tên cửa hàng. Bạn làm gì?",
                        [
                            _c("Bấm Hủy và hỏi lại người bán", True),
                            _c("Vẫn bấm Xác nhận"),
                            _c("Chuyển thêm tiền cho chắc"),
                        ],
                        "Mã QR có thể bị dán đè. Tên người nhận không khớp thì phải dừng lại.",
                    ),
                    _single(
                        "Theo quy định từ ngày 1/7/2024, chuyển tiền trực tuyến trên bao nhiêu một lần phải xác thực khuôn mặt hoặc vân tay?",
                        [
                            _c("Trên 10 triệu đồng", True),
                            _c("Trên 100 nghìn đồng"),
                            _c("Trên 1 tỷ đồng"),
                        ],
                        "Chuyển trên 10 triệu đồng một lần, hoặc tổng trên 20 triệu đồng một ngày, phải xác thực sinh trắc học.",
                    ),
                    _single(
                        "Hạn mức chuyển tiền là gì?",
                        [
                            _c(
                                "Số tiền tối đa được chuyển trong một lần hoặc một ngày, do ngân hàng quy định",
                                True,
                            ),
                            _c("Số tiền phí mỗi lần chuyển"),
                            _c("Số dư tối thiểu phải giữ trong tài khoản"),
                        ],
                        "Hạn mức giới hạn số tiền chuyển đi, giúp hạn chế thiệt hại nếu có sự cố.",
                    ),
                    _tf(
                        "Nhân viên ngân hàng thật có thể xin mã OTP của bạn qua điện thoại.",
                        False,
                        "Sai. Ngân hàng không bao giờ xin OTP. Ai xin OTP đều là kẻ gian.",
                    ),
                    _multiple(
                        "Những thói quen nào giúp trả tiền an toàn? (chọn tất cả ý đúng)",
                        [
                            _c("Đọc tên người nhận trước khi xác nhận", True),
                            _c("Đếm kỹ các số 0 trong số tiền", True),
                            _c("Xem lại lịch sử giao dịch sau khi trả", True),
                            _c(
                                "Cho người lạ mượn điện thoại đang mở ứng dụng ngân hàng"
                            ),
                        ],
                        "Đọc tên người nhận, đếm số 0 và xem lại lịch sử giúp bạn tránh nhầm, phát hiện sớm điều lạ. Không cho người lạ cầm máy đang mở ứng dụng.",
                    ),
                    _single(
                        "Lỡ chuyển nhầm tiền, bạn nên làm gì trước tiên?",
                        [
                            _c("Gọi ngay tổng đài ngân hàng của mình", True),
                            _c("Đăng lên mạng nhờ người lạ giúp"),
                            _c("Chờ một tháng rồi tính"),
                        ],
                        "Báo ngân hàng sớm giúp tăng cơ hội tra soát và xử lý.",
                    ),
                    _tf(
                        "Quét mã QR người lạ gửi để “nhận tiền hoàn” là cách nhận tiền an toàn.",
                        False,
                        "Sai. Quét mã QR là để trả tiền. Lời mời quét mã để nhận tiền là dấu hiệu lừa đảo.",
                    ),
                ],
            },
        },
    ],
}


# =====================================================================
# KHÓA 4. AN TOÀN TRÊN KHÔNG GIAN MẠNG
# =====================================================================

_SAFE = {
    "slug": "an-toan-tren-khong-gian-mang",
    "title": "An toàn trên không gian mạng",
    "promise": (
        "Sau khóa này, bạn có thể nhận ra cuộc gọi, tin nhắn, đường link lừa đảo, "
        "kiểm tra tin trước khi chia sẻ và biết làm gì ngay khi lỡ bị lừa."
    ),
    "topic": "safety",
    "minutes": 25,
    "cover": "safe-cover.svg",
    "intro": (
        "<p>Điện thoại giúp ta gần con cháu hơn, làm việc nhanh hơn. Nhưng kẻ gian cũng dùng điện thoại "
        "để lừa tiền, nhất là lừa người lớn tuổi.</p>"
        "<p>Khóa học này dạy bạn ba việc đơn giản: <strong>dừng lại</strong>, <strong>kiểm tra</strong> "
        "và <strong>hỏi người thân</strong> trước khi làm theo bất kỳ lời yêu cầu nào qua mạng. "
        "Khóa có 4 bài ngắn và 1 bài kiểm tra.</p>"
    ),
    "lessons": [
        # ---------------------------------------------------------------
        {
            "slug": "nhan-dien-cuoc-goi-tin-nhan-lua-dao",
            "title": "Nhận diện cuộc gọi và tin nhắn lừa đảo",
            "summary": "Ba kịch bản lừa đảo hay gặp: giả công an, giả ngân hàng, giả trúng thưởng, và cách xử lý.",
            "minutes": 5,
            "body": [
                (
                    "text",
                    "<p>Kẻ lừa đảo thường đóng vai người có quyền hoặc người mang tin vui. Ba kịch bản hay gặp:</p>"
                    "<ul>"
                    "<li><strong>Giả công an, viện kiểm sát, tòa án</strong>: nói bạn liên quan một vụ án, đòi "
                    "chuyển tiền để “xác minh”, dặn giữ bí mật, không được nói với ai.</li>"
                    "<li><strong>Giả nhân viên ngân hàng</strong>: báo tài khoản bị khóa, bị trừ tiền, rồi xin mã "
                    "OTP hoặc gửi đường link để “mở khóa”.</li>"
                    "<li><strong>Giả trúng thưởng, tặng quà</strong>: báo bạn trúng xe máy, điện thoại, tiền mặt, "
                    "nhưng phải nộp “phí nhận thưởng” trước.</li>"
                    "</ul>"
                    "<p>Công an đã nhiều lần khẳng định: cơ quan công an <strong>không bao giờ</strong> yêu cầu người "
                    "dân chuyển tiền qua điện thoại để phục vụ điều tra. Khi cần làm việc, công an có giấy mời, "
                    "giấy triệu tập, hoặc liên hệ qua công an địa phương.</p>",
                ),
                _img(
                    "safe-call.svg",
                    "Sáu dấu hiệu của một cuộc gọi lừa đảo.",
                    "Hình vẽ điện thoại có cuộc gọi đến từ số lạ, người gọi nói: Tôi là công an. Bên phải liệt "
                    "kê sáu dấu hiệu: dọa dính vụ án, hối thúc, bảo giữ bí mật, đòi chuyển tiền, xin mã OTP và "
                    "passcode, gửi link cài ứng dụng.",
                ),
                (
                    "steps",
                    [
                        _step(
                            "Bình tĩnh. Kẻ gian muốn bạn sợ hãi hoặc mừng quá mà làm theo ngay."
                        ),
                        _step(
                            "Không chuyển tiền, không đọc mã OTP, không bấm link, không cài ứng dụng theo lời người gọi."
                        ),
                        _step(
                            "Cúp máy. Bạn không cần lịch sự với người đang đe dọa mình."
                        ),
                        _step(
                            "Tự gọi lại cho cơ quan hay ngân hàng bằng số bạn biết chắc, ví dụ số in trên thẻ ngân "
                            "hàng, hoặc đến thẳng công an xã, phường."
                        ),
                        _step("Kể ngay với con cháu hoặc người thân tin cậy."),
                        _step(
                            "Phản ánh số điện thoại lừa đảo tới tổng đài 156 của nhà mạng (gọi miễn phí)."
                        ),
                    ],
                ),
                (
                    "callout",
                    {
                        "kind": "never",
                        "text": "Không bao giờ chuyển tiền cho người tự xưng công an, cán bộ qua điện thoại hay gọi video, "
                        "dù họ mặc sắc phục, đọc đúng tên và số căn cước của bạn.",
                    },
                ),
                (
                    "callout",
                    {
                        "kind": "tip",
                        "text": "Thống nhất với người nhà một “câu hỏi bí mật” chỉ cả nhà biết. Ai gọi xưng là người "
                        "thân nhờ chuyển tiền gấp, hãy hỏi câu đó và gọi lại vào số quen thuộc để kiểm tra.",
                    },
                ),
                (
                    "checklist",
                    [
                        "Tôi nhớ ba kịch bản: giả công an, giả ngân hàng, giả trúng thưởng.",
                        "Tôi biết cúp máy khi bị hối thúc chuyển tiền hay xin mã OTP.",
                        "Tôi đã lưu số công an xã, phường và tổng đài ngân hàng vào danh bạ.",
                        "Tôi đã thống nhất câu hỏi bí mật với người nhà.",
                    ],
                ),
            ],
            "quiz": {
                "pass_mark": 80,
                "questions": [
                    _tf(
                        "Công an có thể gọi điện yêu cầu bạn chuyển tiền vào một tài khoản để “xác minh” vụ án.",
                        False,
                        "Sai. Công an không bao giờ yêu cầu chuyển tiền qua điện thoại. Khi cần làm việc, công an có giấy mời, giấy triệu tập.",
                    ),
                    _multiple(
                        "Những dấu hiệu nào cho thấy cuộc gọi có thể là lừa đảo? (chọn tất cả ý đúng)",
                        [
                            _c("Đe dọa bạn liên quan đến vụ án", True),
                            _c("Hối thúc làm ngay, dặn giữ bí mật", True),
                            _c("Xin mã OTP hoặc gửi link cài ứng dụng", True),
                            _c("Con cháu gọi hỏi thăm sức khỏe bằng số quen"),
                        ],
                        "Đe dọa, hối thúc, giữ bí mật, xin mã, gửi link đều là dấu hiệu lừa đảo. Cuộc gọi hỏi thăm từ số quen thì bình thường.",
                    ),
                    _single(
                        "Bạn nhận tin báo trúng thưởng xe máy, chỉ cần nộp phí 2 triệu đồng. Bạn làm gì?",
                        [
                            _c(
                                "Không nộp tiền, xóa tin nhắn và kể với người thân",
                                True,
                            ),
                            _c("Nộp ngay kẻo mất giải"),
                            _c("Gửi số căn cước để xác nhận"),
                        ],
                        "Bắt nộp phí trước khi nhận thưởng là dấu hiệu lừa đảo rất quen thuộc.",
                    ),
                    _single(
                        "Muốn kiểm tra một cuộc gọi xưng là ngân hàng, cách an toàn là gì?",
                        [
                            _c(
                                "Cúp máy và tự gọi số tổng đài in trên thẻ hoặc trong ứng dụng ngân hàng",
                                True,
                            ),
                            _c("Gọi lại đúng số vừa gọi đến"),
                            _c("Làm theo hướng dẫn của người gọi"),
                        ],
                        "Chỉ tin số điện thoại bạn tự tìm từ nguồn chắc chắn, không tin số do người lạ đưa.",
                    ),
                    _single(
                        "Tổng đài nào nhận phản ánh cuộc gọi có dấu hiệu lừa đảo (gọi miễn phí)?",
                        [
                            _c("156", True),
                            _c("Số điện thoại ghi trong tin nhắn trúng thưởng"),
                            _c("Số do người lừa đảo đọc cho bạn"),
                        ],
                        "Tổng đài 156 của các nhà mạng tiếp nhận phản ánh cuộc gọi rác, cuộc gọi có dấu hiệu lừa đảo. "
                        "Nếu đang gặp nguy hiểm khẩn cấp, hãy gọi 113 hoặc đến công an gần nhất.",
                    ),
                ],
            },
        },
        # ---------------------------------------------------------------
        {
            "slug": "duong-link-va-ung-dung-gia",
            "title": "Đường link và ứng dụng giả",
            "summary": "Nhận ra đường link giả mạo, chỉ cài ứng dụng từ kho chính thức và biết cách tra cứu trang lừa đảo.",
            "minutes": 5,
            "body": [
                (
                    "text",
                    "<p><strong>Đường link</strong> là dòng chữ màu xanh, bấm vào sẽ mở một trang web. Kẻ gian làm "
                    "trang web giả giống hệt trang thật của ngân hàng, cơ quan nhà nước, rồi gửi link qua tin nhắn. "
                    "Nếu bạn nhập mật khẩu, mã OTP vào trang giả, chúng sẽ lấy được.</p>"
                    "<p>Nguy hiểm hơn là <strong>ứng dụng giả</strong>. Chúng gọi điện hướng dẫn bạn cài một tệp tải từ "
                    "link, ví dụ “VNeID” hay “dịch vụ công” giả. Cài xong, kẻ gian có thể điều khiển điện thoại, đọc "
                    "tin nhắn chứa mã OTP và chuyển tiền đi.</p>",
                ),
                _img(
                    "safe-link.svg",
                    "Tin nhắn trúng thưởng kèm link lạ là lừa đảo. So kỹ địa chỉ trang web.",
                    "Hình vẽ tin nhắn chúc mừng trúng thưởng 50 triệu kèm một đường link lạ và biển cấm. Bên phải so "
                    "sánh địa chỉ đúng dichvucong.gov.vn có dấu tích xanh với địa chỉ giả có dấu gạch và đuôi lạ, đánh dấu đỏ.",
                ),
                (
                    "steps",
                    [
                        _step(
                            "Gặp link trong tin nhắn, Zalo, Facebook: đừng bấm vội. Hỏi: mình có đang chờ tin này không?"
                        ),
                        _step(
                            "Đọc kỹ địa chỉ. Trang cơ quan nhà nước thường có đuôi .gov.vn. Trang giả hay thêm chữ, "
                            "thêm dấu gạch, đổi đuôi lạ."
                        ),
                        _step(
                            "Muốn vào ngân hàng hay dịch vụ công, hãy mở ứng dụng có sẵn hoặc tự gõ địa chỉ, không đi qua link."
                        ),
                        _step(
                            "Chỉ cài ứng dụng từ CH Play hoặc App Store. Ai gửi tệp cài đặt qua tin nhắn thì từ chối.",
                            "safe-fake-app.svg",
                        ),
                        _step(
                            "Nghi ngờ một trang web, bạn có thể tra cứu ở mục website lừa đảo của trang tinnhiemmang.vn."
                        ),
                    ],
                ),
                (
                    "callout",
                    {
                        "kind": "never",
                        "text": "Không bao giờ cài ứng dụng theo hướng dẫn của người lạ gọi điện, và không nhập mật khẩu, "
                        "mã OTP vào trang web mở từ đường link người khác gửi.",
                    },
                ),
                (
                    "callout",
                    {
                        "kind": "warning",
                        "text": "Tin nhắn có tên người gửi là ngân hàng hay nhà mạng vẫn có thể là giả. Cơ quan chức năng "
                        "khuyên kiểm tra kỹ cả link trong tin nhắn thương hiệu. Nếu lỡ cài ứng dụng lạ, hãy tắt "
                        "mạng điện thoại và gọi ngay ngân hàng.",
                    },
                ),
                (
                    "checklist",
                    [
                        "Tôi biết đọc đuôi địa chỉ trang web trước khi bấm.",
                        "Tôi chỉ cài ứng dụng từ CH Play hoặc App Store.",
                        "Tôi mở ngân hàng bằng ứng dụng có sẵn, không bấm link trong tin nhắn.",
                        "Tôi đã mở thử trang tinnhiemmang.vn cùng người thân.",
                    ],
                ),
            ],
            "quiz": {
                "pass_mark": 80,
                "questions": [
                    _single(
                        "Địa chỉ nào giống trang của cơ quan nhà nước thật nhất?",
                        [
                            _c("dichvucong.gov.vn", True),
                            _c("dichvucong-gov.vn-xyz.com"),
                            _c("nhan-qua-dich-vu-cong.top"),
                        ],
                        "Trang cơ quan nhà nước Việt Nam thường có đuôi .gov.vn. Trang giả hay chèn thêm chữ và đổi đuôi.",
                    ),
                    _tf(
                        "Người tự xưng cán bộ gửi tệp cài “VNeID” qua Zalo thì có thể cài, vì tên ứng dụng đúng.",
                        False,
                        "Sai. Ứng dụng giả thường mang tên thật. Chỉ cài từ CH Play hoặc App Store.",
                    ),
                    _single(
                        "Cài ứng dụng giả có thể gây hậu quả gì?",
                        [
                            _c(
                                "Kẻ gian điều khiển điện thoại, đọc tin nhắn OTP và chuyển tiền đi",
                                True,
                            ),
                            _c("Điện thoại chạy nhanh hơn"),
                            _c("Không có hậu quả gì"),
                        ],
                        "Ứng dụng giả có thể chiếm quyền điều khiển máy và lấy tiền trong tài khoản ngân hàng.",
                    ),
                    _multiple(
                        "Muốn vào ứng dụng ngân hàng an toàn, bạn làm gì? (chọn tất cả ý đúng)",
                        [
                            _c("Mở ứng dụng đã cài sẵn từ kho chính thức", True),
                            _c(
                                "Không bấm link “đăng nhập ngân hàng” trong tin nhắn",
                                True,
                            ),
                            _c("Bấm link trong tin nhắn báo tài khoản bị khóa"),
                        ],
                        "Luôn vào ngân hàng bằng ứng dụng chính thức đã cài. Link trong tin nhắn có thể là trang giả.",
                    ),
                ],
            },
        },
        # ---------------------------------------------------------------
        {
            "slug": "kiem-tra-tin-truoc-khi-chia-se",
            "title": "Kiểm tra tin trước khi chia sẻ",
            "summary": "Hỏi ba câu trước khi chia sẻ tin trên mạng và giữ kín thông tin cá nhân.",
            "minutes": 5,
            "body": [
                (
                    "text",
                    "<p>Trên mạng xã hội có cả tin thật lẫn <strong>tin giả</strong>. Tin giả thường có tiêu đề gây "
                    "sốc, nhiều dấu chấm than, giục “chia sẻ ngay”. Chia sẻ tin giả có thể làm người thân hoang mang, "
                    "thậm chí vi phạm pháp luật.</p>"
                    "<p>Trung tâm Xử lý tin giả Việt Nam khuyên: cần <strong>kiểm chứng nguồn tin</strong>, xem thông "
                    "tin đến từ đâu; nếu đến từ người lạ, thông tin không rõ ràng thì phải cảnh giác.</p>",
                ),
                _img(
                    "safe-news.svg",
                    "Trước khi bấm Chia sẻ, hãy hỏi ba câu.",
                    "Hình vẽ điện thoại mở mạng xã hội với bài đăng TIN NÓNG ba dấu chấm than, giục chia sẻ ngay, nút "
                    "Chia sẻ có biển cấm. Bên phải ghi ba câu hỏi: Ai đăng tin này, đăng ngày nào, báo chính thống có đưa tin không.",
                ),
                (
                    "steps",
                    [
                        _step(
                            "Hỏi: ai đăng tin này? Là cơ quan, tờ báo có tên tuổi hay một tài khoản lạ?"
                        ),
                        _step(
                            "Hỏi: tin đăng ngày nào? Nhiều tin cũ được đăng lại như tin mới."
                        ),
                        _step(
                            "Hỏi: báo chính thống, trang của cơ quan nhà nước có đưa tin này không?"
                        ),
                        _step(
                            "Chưa chắc chắn thì không chia sẻ. Có thể hỏi con cháu hoặc cán bộ thôn, tổ dân phố."
                        ),
                        _step(
                            "Thấy tin giả, bạn có thể báo cho Trung tâm Xử lý tin giả Việt Nam qua trang tingia.gov.vn."
                        ),
                    ],
                ),
                (
                    "text",
                    "<p><strong>Giữ kín thông tin cá nhân.</strong> Kẻ gian có thể lấy số điện thoại, số tài khoản, "
                    "họ tên từ những ảnh mà chính chúng ta đăng công khai, như ảnh chụp màn hình chuyển khoản, ảnh thẻ "
                    "căn cước, vé máy bay, rồi dùng chúng để lừa đảo.</p>",
                ),
                (
                    "callout",
                    {
                        "kind": "never",
                        "text": "Không đăng ảnh thẻ căn cước, ảnh chụp màn hình chuyển khoản, sổ đỏ hay vé máy bay lên "
                        "mạng xã hội.",
                    },
                ),
                (
                    "callout",
                    {
                        "kind": "tip",
                        "text": "Tin càng làm mình tức giận hay sợ hãi, càng nên chờ một chút và kiểm tra lại trước khi chia sẻ.",
                    },
                ),
                (
                    "checklist",
                    [
                        "Tôi nhớ ba câu hỏi: ai đăng, đăng ngày nào, báo chính thống có đưa không.",
                        "Tôi đã xem lại các ảnh mình từng đăng và ẩn ảnh có thông tin cá nhân.",
                        "Tôi biết trang tingia.gov.vn để báo tin giả.",
                        "Tôi đã nhắc người thân không đăng ảnh giấy tờ lên mạng.",
                    ],
                ),
            ],
            "quiz": {
                "pass_mark": 80,
                "questions": [
                    _multiple(
                        "Trước khi chia sẻ một tin, bạn nên hỏi những câu nào? (chọn tất cả ý đúng)",
                        [
                            _c("Ai đăng tin này?", True),
                            _c("Tin đăng ngày nào?", True),
                            _c("Báo chính thống có đưa tin này không?", True),
                            _c("Tin có nhiều người thả tim không?"),
                        ],
                        "Nguồn tin, ngày đăng và báo chính thống giúp bạn kiểm chứng. Nhiều lượt thích không chứng minh tin là thật.",
                    ),
                    _tf(
                        "Tin có tiêu đề gây sốc, giục “chia sẻ ngay kẻo không kịp” thì chắc chắn là tin thật.",
                        False,
                        "Sai. Giục chia sẻ gấp và gây sốc là dấu hiệu thường gặp của tin giả.",
                    ),
                    _single(
                        "Đăng ảnh chụp màn hình chuyển khoản lên mạng có nguy cơ gì?",
                        [
                            _c(
                                "Kẻ gian lấy họ tên, số tài khoản để dựng kịch bản lừa đảo",
                                True,
                            ),
                            _c("Không có nguy cơ gì"),
                            _c("Giúp tài khoản an toàn hơn"),
                        ],
                        "Thông tin trên ảnh chụp màn hình có thể bị kẻ gian dùng để lừa chính bạn hoặc người thân.",
                    ),
                    _single(
                        "Phát hiện tin giả, bạn có thể báo ở đâu?",
                        [
                            _c(
                                "Trung tâm Xử lý tin giả Việt Nam (tingia.gov.vn)", True
                            ),
                            _c("Chia sẻ tiếp cho nhiều người để hỏi"),
                            _c("Nhắn cho tài khoản lạ đã đăng tin"),
                        ],
                        "Trung tâm Xử lý tin giả Việt Nam có hướng dẫn nhận biết và kênh tiếp nhận phản ánh tin giả.",
                    ),
                ],
            },
        },
        # ---------------------------------------------------------------
        {
            "slug": "lam-gi-khi-bi-lua-dao",
            "title": "Làm gì khi lỡ bị lừa đảo",
            "summary": "Các việc cần làm ngay khi lỡ chuyển tiền hay lộ mã cho kẻ gian.",
            "minutes": 5,
            "body": [
                (
                    "text",
                    "<p>Ai cũng có thể bị lừa, kể cả người trẻ, người có học. Nếu chẳng may bị lừa, bạn đừng "
                    "xấu hổ, đừng giấu. <strong>Hành động nhanh</strong> trong những giờ đầu là điều quan trọng "
                    "nhất, vì kẻ gian thường rút hoặc chuyển tiền đi rất nhanh.</p>",
                ),
                _img(
                    "safe-after-scam.svg",
                    "Năm việc cần làm ngay khi lỡ bị lừa.",
                    "Sơ đồ năm vòng tròn đánh số: 1 Dừng chuyển tiền, 2 Gọi ngay ngân hàng, 3 Lưu lại bằng chứng, "
                    "4 Trình báo công an, 5 Báo cho người thân. Dòng chữ dưới: Càng nhanh, càng có cơ hội giữ lại tiền.",
                ),
                (
                    "steps",
                    [
                        _step(
                            "Dừng ngay: không chuyển thêm đồng nào, ngừng liên lạc với kẻ gian, dù họ hứa trả lại tiền."
                        ),
                        _step(
                            "Gọi ngay tổng đài ngân hàng (số in trên thẻ hoặc trong ứng dụng) hoặc đến chi nhánh gần nhất. "
                            "Báo bị lừa, đề nghị tra soát, ngăn chặn giao dịch. Nếu lỡ lộ mật khẩu, đề nghị khóa tạm tài khoản."
                        ),
                        _step(
                            "Lưu lại bằng chứng: chụp màn hình tin nhắn, số điện thoại kẻ gian, biên lai chuyển tiền, "
                            "số tài khoản người nhận. Không xóa gì cả."
                        ),
                        _step(
                            "Trình báo công an xã, phường nơi gần nhất, mang theo các bằng chứng đã lưu."
                        ),
                        _step(
                            "Đổi mật khẩu ngân hàng, mật khẩu VNeID và Zalo, Facebook nếu đã bị lộ. Gỡ ứng dụng lạ đã cài."
                        ),
                        _step(
                            "Kể cho người thân, bạn bè biết để họ cảnh giác, và phản ánh số điện thoại lừa đảo qua tổng đài 156."
                        ),
                    ],
                ),
                (
                    "callout",
                    {
                        "kind": "warning",
                        "text": "Cẩn thận với người tự xưng “hỗ trợ lấy lại tiền bị lừa” trên mạng, kể cả trang mạo danh "
                        "cơ quan công an. Đó thường là lừa đảo lần hai. Chỉ làm việc với ngân hàng và công an "
                        "nơi bạn trực tiếp đến hoặc gọi số bạn biết chắc.",
                    },
                ),
                (
                    "callout",
                    {
                        "kind": "never",
                        "text": "Không nộp thêm “phí”, “tiền bảo đảm” hay “tiền thuế” để được trả lại số tiền đã mất.",
                    },
                ),
                (
                    "callout",
                    {
                        "kind": "tip",
                        "text": "Viết năm bước này ra một tờ giấy, kèm số tổng đài ngân hàng và số công an xã, phường, "
                        "dán cạnh nơi để điện thoại.",
                    },
                ),
                (
                    "checklist",
                    [
                        "Tôi đã ghi số tổng đài ngân hàng và số công an xã, phường ra giấy.",
                        "Tôi biết cách chụp màn hình điện thoại để lưu bằng chứng.",
                        "Tôi nhớ: không tin người hứa lấy lại tiền trên mạng.",
                        "Tôi đã kể năm bước này cho một người thân.",
                    ],
                ),
            ],
            "quiz": {
                "pass_mark": 80,
                "questions": [
                    _single(
                        "Vừa nhận ra mình đã chuyển tiền cho kẻ gian, việc đầu tiên nên làm là gì?",
                        [
                            _c(
                                "Ngừng chuyển tiền và gọi ngay tổng đài ngân hàng của mình",
                                True,
                            ),
                            _c("Chuyển thêm tiền vì họ hứa sẽ trả lại cả gốc"),
                            _c("Chờ vài ngày rồi mới báo"),
                        ],
                        "Báo ngân hàng càng sớm, càng có cơ hội ngăn chặn giao dịch và giữ lại tiền.",
                    ),
                    _multiple(
                        "Những gì nên lưu lại làm bằng chứng? (chọn tất cả ý đúng)",
                        [
                            _c("Ảnh chụp màn hình tin nhắn với kẻ gian", True),
                            _c("Biên lai chuyển tiền và số tài khoản người nhận", True),
                            _c("Số điện thoại kẻ gian đã dùng", True),
                        ],
                        "Tất cả đều giúp ngân hàng và công an tra soát, điều tra. Không nên xóa gì.",
                    ),
                    _tf(
                        "Một trang mạng tự xưng hỗ trợ lấy lại tiền bị lừa, yêu cầu nộp phí trước. Bạn nên nộp để được giúp.",
                        False,
                        "Sai. Đây thường là lừa đảo lần hai. Chỉ làm việc với ngân hàng và cơ quan công an.",
                    ),
                    _single(
                        "Bạn nên trình báo vụ việc ở đâu?",
                        [
                            _c("Công an xã, phường nơi gần nhất", True),
                            _c("Một nhóm lạ trên mạng xã hội"),
                            _c("Chính số điện thoại của kẻ lừa đảo"),
                        ],
                        "Trình báo trực tiếp tại cơ quan công an, mang theo bằng chứng đã lưu.",
                    ),
                    _single(
                        "Sau khi lỡ cài ứng dụng lạ và lộ mật khẩu, bạn nên làm thêm việc gì?",
                        [
                            _c("Gỡ ứng dụng lạ và đổi các mật khẩu đã bị lộ", True),
                            _c("Giữ nguyên để tiện theo dõi"),
                            _c("Gửi mật khẩu mới cho người đã hướng dẫn cài"),
                        ],
                        "Gỡ ứng dụng lạ và đổi mật khẩu giúp chặn kẻ gian tiếp tục vào tài khoản của bạn.",
                    ),
                ],
            },
        },
        # ---------------------------------------------------------------
        {
            "slug": "kiem-tra-cuoi-khoa-an-toan",
            "title": "Bài kiểm tra cuối khóa",
            "summary": "Ôn lại cả khóa An toàn trên không gian mạng qua 10 câu hỏi.",
            "minutes": 5,
            "body": [
                (
                    "text",
                    "<p>Bạn đã học xong 4 bài về an toàn trên mạng. Bài kiểm tra có 10 câu hỏi. Đúng từ 80% trở "
                    "lên là bạn hoàn thành khóa học. Nhớ câu thần chú: <strong>dừng lại – kiểm tra – hỏi người thân</strong>.</p>",
                ),
            ],
            "quiz": {
                "pass_mark": 80,
                "questions": [
                    _tf(
                        "Công an không bao giờ yêu cầu người dân chuyển tiền qua điện thoại để phục vụ điều tra.",
                        True,
                        "Đúng. Khi cần làm việc, công an có giấy mời, giấy triệu tập hoặc liên hệ qua công an địa phương.",
                    ),
                    _single(
                        "Người gọi xưng nhân viên ngân hàng, nói tài khoản bị khóa và xin mã OTP. Bạn làm gì?",
                        [
                            _c(
                                "Không đọc mã, cúp máy, tự gọi tổng đài in trên thẻ",
                                True,
                            ),
                            _c("Đọc mã để được mở khóa nhanh"),
                            _c("Bấm vào link họ gửi"),
                        ],
                        "Ngân hàng không bao giờ xin mã OTP. Hãy tự gọi số tổng đài bạn biết chắc.",
                    ),
                    _single(
                        "Tin nhắn báo trúng thưởng, yêu cầu nộp phí nhận quà là dấu hiệu của gì?",
                        [
                            _c("Lừa đảo", True),
                            _c("Khuyến mãi thật"),
                            _c("Thông báo của cơ quan nhà nước"),
                        ],
                        "Bắt nộp phí trước khi nhận thưởng là chiêu lừa quen thuộc.",
                    ),
                    _single(
                        "Bạn nên cài ứng dụng ở đâu?",
                        [
                            _c("CH Play hoặc App Store", True),
                            _c("Tệp do người lạ gửi qua Zalo"),
                            _c("Link trong tin nhắn trúng thưởng"),
                        ],
                        "Chỉ kho ứng dụng chính thức mới an toàn. Tệp và link lạ có thể chứa mã độc.",
                    ),
                    _tf(
                        "Tin nhắn có tên người gửi là ngân hàng thì link trong đó chắc chắn an toàn.",
                        False,
                        "Sai. Tin nhắn mang tên thương hiệu vẫn có thể bị giả mạo. Hãy mở ứng dụng ngân hàng thay vì bấm link.",
                    ),
                    _multiple(
                        "Trước khi chia sẻ một tin trên mạng, bạn nên kiểm tra gì? (chọn tất cả ý đúng)",
                        [
                            _c("Ai là người đăng tin", True),
                            _c("Tin được đăng ngày nào", True),
                            _c("Báo chính thống có đưa tin không", True),
                            _c(
                                "Tiêu đề có nhiều dấu chấm than không, càng nhiều càng thật"
                            ),
                        ],
                        "Người đăng, ngày đăng và báo chính thống giúp bạn kiểm chứng. Nhiều dấu chấm than thường là dấu hiệu tin giật gân.",
                    ),
                    _single(
                        "Tổng đài nào nhận phản ánh cuộc gọi có dấu hiệu lừa đảo, gọi miễn phí?",
                        [
                            _c("156", True),
                            _c("Số ghi trong tin nhắn quảng cáo"),
                            _c("Số do kẻ gian cung cấp"),
                        ],
                        "Tổng đài 156 của nhà mạng tiếp nhận phản ánh cuộc gọi rác, cuộc gọi có dấu hiệu lừa đảo.",
                    ),
                    _single(
                        "Lỡ chuyển tiền cho kẻ gian, việc nào cần làm ngay?",
                        [
                            _c(
                                "Gọi tổng đài ngân hàng để đề nghị tra soát, ngăn chặn giao dịch",
                                True,
                            ),
                            _c("Nộp thêm phí để được trả lại tiền"),
                            _c("Xóa hết tin nhắn cho đỡ buồn"),
                        ],
                        "Báo ngân hàng ngay và giữ lại bằng chứng. Không nộp thêm bất kỳ khoản phí nào.",
                    ),
                    _tf(
                        "Người trên mạng hứa lấy lại tiền bị lừa nếu nộp phí trước là người đáng tin.",
                        False,
                        "Sai. Đây thường là lừa đảo lần hai. Chỉ làm việc với ngân hàng và công an.",
                    ),
                    _single(
                        "Câu thần chú của khóa học là gì?",
                        [
                            _c("Dừng lại – kiểm tra – hỏi người thân", True),
                            _c("Làm nhanh – chuyển ngay – giữ bí mật"),
                            _c("Bấm link – đọc mã – chờ quà"),
                        ],
                        "Dừng lại, kiểm tra và hỏi người thân giúp bạn tránh phần lớn các vụ lừa đảo.",
                    ),
                ],
            },
        },
    ],
}


COURSES = [_VNEID, _DVC, _PAY, _SAFE]
