"""Demo content for a believable Department of Science and Technology site: the news
categories and articles. All text here was written for this project. Articles are built from a
handful of themes, each with paragraphs that take a district, a year and a few figures, so the
demo spreads over several years without repeating itself word for word.
"""

# (title, slug, intro, sub-categories)
CATEGORIES = [
    (
        "Tin tức – Sự kiện",
        "tin-tuc-su-kien",
        "Hoạt động của Sở và ngành khoa học, công nghệ trong tỉnh.",
        [("Hoạt động của Sở", "hoat-dong-cua-so"), ("Khoa học và công nghệ địa phương", "khcn-dia-phuong")],
    ),
    (
        "Thi đua – Khen thưởng",
        "thi-dua-khen-thuong",
        "Phong trào thi đua, gương điển hình tiên tiến và kết quả khen thưởng.",
        [],
    ),
    ("Thông tin KH&CN", "thong-tin-khcn", "Kết quả nghiên cứu, ứng dụng và chuyển giao công nghệ.", []),
    (
        "Tiêu chuẩn – Đo lường – Chất lượng",
        "tieu-chuan-do-luong-chat-luong",
        "Quản lý đo lường, chất lượng sản phẩm, hàng hóa.",
        [],
    ),
    ("Sở hữu trí tuệ", "so-huu-tri-tue", "Bảo hộ, khai thác và phát triển tài sản trí tuệ.", []),
    (
        "Chuyển đổi số – Đổi mới sáng tạo",
        "chuyen-doi-so",
        "Chuyển đổi số và hệ sinh thái khởi nghiệp đổi mới sáng tạo.",
        [],
    ),
    (
        "Cải cách hành chính",
        "cai-cach-hanh-chinh",
        "Cải cách thủ tục hành chính, một cửa, dịch vụ công trực tuyến.",
        [],
    ),
    (
        "Phổ biến giáo dục pháp luật",
        "pho-bien-phap-luat",
        "Văn bản mới và hoạt động phổ biến pháp luật về khoa học và công nghệ.",
        [],
    ),
]

DISTRICTS = [
    "Việt Trì",
    "Phù Ninh",
    "Lâm Thao",
    "Thanh Ba",
    "Cẩm Khê",
    "Tam Nông",
    "Thanh Sơn",
    "Hạ Hòa",
    "Đoan Hùng",
    "Yên Lập",
    "Tân Sơn",
    "Thanh Thủy",
    "Phú Thọ",
]

PRODUCTS = ["chè Phú Thọ", "bưởi Đoan Hùng", "cá Sông Thao", "gạo nếp Cẩm Khê", "mật ong Tân Sơn", "măng khô Yên Lập"]

# Each theme: category slug, title pattern, paragraphs, and optionally {"month": m} for events
# held in a given month. Placeholders: {district}, {year}, {last_year}, {day}, {month} (the
# article's own date: a text never tells of a day after its publication), {n1} {n2} {n3}
# (small numbers), {product}, {quarter} (the last quarter that ended before publication).
THEMES = [
    (
        "hoat-dong-cua-so",
        "Sở KH&CN tổng kết công tác năm {last_year}, triển khai nhiệm vụ năm {year}",
        [
            "Ngày {day}/{month}/{year}, Sở Khoa học và Công nghệ tổ chức hội nghị tổng kết công tác năm {last_year} và triển khai nhiệm vụ năm {year}. Dự hội nghị có đại diện lãnh đạo UBND tỉnh, các sở, ngành và {n3} cán bộ, công chức, viên chức của Sở.",
            "Trong năm {last_year}, Sở đã tham mưu cho UBND tỉnh ban hành {n1} văn bản chỉ đạo, điều hành; quản lý {n2} nhiệm vụ khoa học và công nghệ cấp tỉnh, trong đó nghiệm thu {n1} nhiệm vụ đạt loại khá trở lên.",
            "Phát biểu chỉ đạo, đồng chí Phó Chủ tịch UBND tỉnh đề nghị ngành tập trung đưa kết quả nghiên cứu vào sản xuất, gắn nhiệm vụ khoa học với sản phẩm chủ lực của tỉnh và đẩy mạnh chuyển đổi số trong quản lý nhà nước.",
        ],
        {"month": 1},
    ),
    (
        "hoat-dong-cua-so",
        "Đoàn công tác của Sở kiểm tra tiến độ nhiệm vụ KH&CN tại huyện {district}",
        [
            "Từ ngày {day_before2} đến ngày {day}/{month}/{year}, đoàn công tác của Sở Khoa học và Công nghệ do Phó Giám đốc Sở làm trưởng đoàn đã kiểm tra tiến độ {n1} nhiệm vụ khoa học và công nghệ đang triển khai trên địa bàn huyện {district}.",
            "Các nhiệm vụ tập trung vào ứng dụng tiến bộ kỹ thuật trong sản xuất {product}, xây dựng mô hình liên kết tiêu thụ và cơ giới hóa khâu sơ chế. Đến thời điểm kiểm tra, phần lớn nội dung đã hoàn thành đúng tiến độ đăng ký.",
            "Đoàn đề nghị các đơn vị chủ trì hoàn thiện hồ sơ thanh toán, cập nhật số liệu theo dõi và chuẩn bị báo cáo đánh giá giữa kỳ trước ngày 30/{month2}/{year}.",
        ],
    ),
    (
        "khcn-dia-phuong",
        "Ứng dụng tiến bộ kỹ thuật nâng cao giá trị sản phẩm {product}",
        [
            "Từ đầu năm {year}, mô hình ứng dụng tiến bộ kỹ thuật trong sản xuất {product} tại huyện {district} đã được triển khai trên diện tích {n3} ha với sự tham gia của {n2} hộ dân.",
            "Kết quả cho thấy năng suất tăng {n1}% so với phương thức canh tác cũ; sản phẩm được cấp mã số vùng trồng, truy xuất nguồn gốc bằng mã QR và tiêu thụ ổn định qua hợp tác xã.",
            "Thời gian tới, địa phương sẽ nhân rộng mô hình, kết hợp xây dựng nhãn hiệu tập thể để nâng cao sức cạnh tranh trên thị trường.",
        ],
    ),
    (
        "thi-dua-khen-thuong",
        "Phát động phong trào thi đua yêu nước năm {year} trong ngành khoa học và công nghệ",
        [
            "Sáng ngày {day}/{month}/{year}, Sở Khoa học và Công nghệ tổ chức lễ phát động phong trào thi đua yêu nước năm {year} với chủ đề “Đổi mới sáng tạo, chuyển đổi số, hoàn thành xuất sắc nhiệm vụ”.",
            "Các phòng, đơn vị trực thuộc đã ký giao ước thi đua, đăng ký danh hiệu tập thể lao động xuất sắc, chiến sĩ thi đua cơ sở và các sáng kiến cải tiến áp dụng trong công tác chuyên môn.",
            "Giám đốc Sở yêu cầu việc bình xét khen thưởng phải công khai, đúng người, đúng việc; kịp thời biểu dương những cá nhân có cách làm hay.",
        ],
        {"month": 2},
    ),
    (
        "thong-tin-khcn",
        "Nghiệm thu đề tài nghiên cứu về {topic}",
        [
            "Hội đồng khoa học cấp tỉnh vừa nghiệm thu đề tài nghiên cứu về {topic}, do một viện nghiên cứu phối hợp với huyện {district} thực hiện trong giai đoạn {year_prev}–{year}.",
            "Đề tài đã xây dựng quy trình kỹ thuật phù hợp với điều kiện địa phương, đào tạo {n2} kỹ thuật viên cơ sở và chuyển giao kết quả cho {n1} hợp tác xã.",
            "Hội đồng đánh giá đề tài đạt loại khá, đề nghị bổ sung phân tích hiệu quả kinh tế trước khi công bố kết quả và đưa vào ứng dụng rộng rãi.",
        ],
    ),
    (
        "tieu-chuan-do-luong-chat-luong",
        "Kiểm tra nhà nước về đo lường tại các cửa hàng xăng dầu quý {quarter}",
        [
            "Trong quý {quarter}, đoàn kiểm tra của Chi cục Tiêu chuẩn Đo lường Chất lượng đã kiểm tra {n2} cửa hàng kinh doanh xăng dầu trên địa bàn tỉnh.",
            "Kết quả, các cột đo xăng dầu đều còn hiệu lực kiểm định; đoàn phát hiện {n1} trường hợp chưa niêm yết đầy đủ thông tin và đã nhắc nhở, yêu cầu khắc phục ngay.",
            "Người tiêu dùng phát hiện dấu hiệu gian lận về đo lường có thể phản ánh qua đường dây nóng của Sở hoặc chuyên mục Phản ánh, kiến nghị trên trang thông tin này.",
        ],
    ),
    (
        "so-huu-tri-tue",
        "Hỗ trợ đăng ký bảo hộ nhãn hiệu cho sản phẩm {product}",
        [
            "Từ đầu năm {year} đến nay, Sở Khoa học và Công nghệ đã hỗ trợ {n1} tổ chức, cá nhân lập hồ sơ đăng ký bảo hộ nhãn hiệu, trong đó có nhãn hiệu tập thể cho sản phẩm {product}.",
            "Việc bảo hộ giúp người sản xuất khẳng định nguồn gốc, chống hàng giả và tạo điều kiện đưa sản phẩm vào hệ thống siêu thị, sàn thương mại điện tử.",
            "Các tổ chức, cá nhân có nhu cầu được hướng dẫn miễn phí tại bộ phận một cửa của Sở trong giờ hành chính.",
        ],
    ),
    (
        "chuyen-doi-so",
        "Khởi nghiệp đổi mới sáng tạo: {n1} dự án vào vòng chung kết năm {year}",
        [
            "Cuộc thi khởi nghiệp đổi mới sáng tạo tỉnh năm {year} đã nhận được {n3} hồ sơ dự thi, trong đó {n1} dự án xuất sắc được chọn vào vòng chung kết.",
            "Các dự án tập trung vào nông nghiệp công nghệ cao, chế biến sâu nông sản, du lịch và ứng dụng công nghệ số trong giáo dục, y tế.",
            "Ban tổ chức sẽ kết nối các dự án đạt giải với quỹ đầu tư và doanh nghiệp đỡ đầu để hoàn thiện sản phẩm, sớm đưa ra thị trường.",
        ],
    ),
    (
        "cai-cach-hanh-chinh",
        "100% thủ tục hành chính của Sở được cung cấp trực tuyến toàn trình năm {year}",
        [
            "Từ đầu năm {year}, toàn bộ {n2} thủ tục hành chính thuộc thẩm quyền giải quyết của Sở Khoa học và Công nghệ đã được cung cấp dịch vụ công trực tuyến toàn trình.",
            "Tỷ lệ hồ sơ giải quyết đúng và trước hạn đạt {pct}%, không có hồ sơ quá hạn; mức độ hài lòng của người dân, doanh nghiệp tiếp tục được nâng lên.",
            "Sở tiếp tục rà soát, đơn giản hóa thành phần hồ sơ, cắt giảm thời gian giải quyết và số hóa kết quả giải quyết thủ tục hành chính.",
        ],
    ),
    (
        "pho-bien-phap-luat",
        "Hội nghị phổ biến Luật Khoa học, công nghệ và đổi mới sáng tạo tại {district}",
        [
            "Ngày {day}/{month}/{year}, Sở Khoa học và Công nghệ phối hợp với UBND huyện {district} tổ chức hội nghị phổ biến các quy định mới về khoa học, công nghệ và đổi mới sáng tạo cho {n3} đại biểu.",
            "Báo cáo viên giới thiệu những điểm mới về cơ chế tài chính, quyền sở hữu kết quả nghiên cứu và chính sách khuyến khích doanh nghiệp đầu tư cho đổi mới sáng tạo.",
            "Tài liệu hội nghị được đăng tải tại chuyên mục Phổ biến giáo dục pháp luật để cán bộ, người dân tiện tra cứu.",
        ],
    ),
]

TOPICS = [
    "giống lúa chịu hạn cho vùng trung du",
    "xử lý phụ phẩm nông nghiệp làm phân bón hữu cơ",
    "bảo tồn nguồn gen cây chè Shan",
    "quan trắc chất lượng nước sông Lô",
    "nhân giống lan rừng bằng nuôi cấy mô",
    "ứng dụng cảm biến trong tưới tiết kiệm nước",
]

# The article modelled on the reference page: an emulation conference with period statistics.
AWARDS_ARTICLE = {
    "title": "Hội nghị điển hình tiên tiến ngành khoa học và công nghệ giai đoạn 2020–2025",
    "slug": "hoi-nghi-dien-hinh-tien-tien-giai-doan-2020-2025",
    "category": "thi-dua-khen-thuong",
    "date": "2025-04-10 08:30",
    "author": "Văn phòng Sở",
    "summary": "Ngày 10/4/2025, Sở Khoa học và Công nghệ tổ chức Hội nghị điển hình tiên tiến giai đoạn 2020–2025, biểu dương 42 tập thể và cá nhân có thành tích xuất sắc trong phong trào thi đua yêu nước.",
    "paragraphs": [
        "Ngày 10/4/2025, tại hội trường Sở Khoa học và Công nghệ đã diễn ra Hội nghị điển hình tiên tiến ngành khoa học và công nghệ giai đoạn 2020–2025. Tham dự có lãnh đạo UBND tỉnh, Ban Thi đua – Khen thưởng tỉnh, lãnh đạo Sở cùng gần 150 đại biểu đại diện các tập thể, cá nhân tiêu biểu.",
        "Báo cáo tại hội nghị cho biết, giai đoạn 2020–2025, các phong trào thi đua được triển khai sâu rộng, gắn với nhiệm vụ chính trị của từng đơn vị. Ngành đã tham mưu ban hành 3 nghị quyết, 27 quyết định và kế hoạch về phát triển khoa học, công nghệ và đổi mới sáng tạo; quản lý 96 nhiệm vụ khoa học và công nghệ cấp tỉnh, trong đó 71 nhiệm vụ đã được nghiệm thu và chuyển giao.",
        "Trong giai đoạn, các tập thể và cá nhân của ngành đã vinh dự nhận nhiều hình thức khen thưởng: 02 Huân chương Lao động hạng Ba; 05 Bằng khen của Thủ tướng Chính phủ; 03 Cờ thi đua của UBND tỉnh; 38 Bằng khen của Chủ tịch UBND tỉnh; 64 lượt tập thể lao động xuất sắc; 412 lượt chiến sĩ thi đua cơ sở và 9 lượt chiến sĩ thi đua cấp tỉnh.",
        "Hội nghị cũng chỉ ra những hạn chế: có lúc, có nơi phong trào thi đua còn hình thức; việc phát hiện, bồi dưỡng và nhân rộng điển hình chưa kịp thời; cán bộ làm công tác thi đua, khen thưởng phần lớn kiêm nhiệm.",
        "Phát biểu chỉ đạo, đồng chí Phó Chủ tịch UBND tỉnh đề nghị ngành tiếp tục đổi mới nội dung, hình thức thi đua; kịp thời khen thưởng những tập thể, cá nhân có sáng kiến được áp dụng rộng rãi, bảo đảm công khai, khách quan, đúng người, đúng việc.",
    ],
    "table": {
        "caption": "Kết quả khen thưởng giai đoạn 2020–2025",
        "rows": [
            ["Hình thức khen thưởng", "Tập thể", "Cá nhân"],
            ["Huân chương Lao động hạng Ba", "01", "01"],
            ["Bằng khen của Thủ tướng Chính phủ", "02", "03"],
            ["Cờ thi đua của UBND tỉnh", "03", "–"],
            ["Bằng khen của Chủ tịch UBND tỉnh", "14", "24"],
            ["Chiến sĩ thi đua cấp tỉnh", "–", "9"],
        ],
    },
    "quote": (
        "Mẫn cán, sáng tạo, đoàn kết, trách nhiệm – đó là điều mỗi cán bộ của ngành cần khắc ghi để hoàn thành nhiệm vụ.",
        "Phó Chủ tịch UBND tỉnh",
    ),
    "image_caption": "Lãnh đạo UBND tỉnh trao Bằng khen cho các tập thể, cá nhân tiêu biểu",
    "view_count": 115,
}
