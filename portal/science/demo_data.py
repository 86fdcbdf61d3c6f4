"""Demo content of the S&T task registry, written for this project: host organisations and
task titles of a provincial Sở KH&CN (any likeness to a real task is a coincidence)."""

ORGANISATIONS = [
    ("Trung tâm Ứng dụng tiến bộ khoa học và công nghệ", "TT ƯDTBKHCN"),
    ("Trường Đại học Nông Lâm", "ĐH Nông Lâm"),
    ("Bệnh viện Đa khoa tỉnh", "BVĐK tỉnh"),
    ("Trung tâm Khuyến nông tỉnh", "TT Khuyến nông"),
    ("Viện Nghiên cứu Kinh tế – Xã hội tỉnh", "Viện KT-XH"),
    ("Trường Cao đẳng Kỹ thuật Công nghiệp", "CĐ KTCN"),
    ("Chi cục Tiêu chuẩn Đo lường Chất lượng", "Chi cục TĐC"),
    ("Hội Văn học Nghệ thuật tỉnh", "Hội VHNT"),
    ("Công ty Cổ phần Nông sản sạch Sông Xanh", "Sông Xanh"),
    ("Trung tâm Kiểm soát bệnh tật tỉnh", "CDC tỉnh"),
]

# Which organisations host the tasks of each field (indexes into ORGANISATIONS).
HOSTS_BY_FIELD = {
    "nong-nghiep": [1, 3, 8, 0],
    "y-duoc": [2, 9],
    "ky-thuat-cong-nghe": [0, 5, 6],
    "tu-nhien": [1, 0, 4],
    "xa-hoi": [4, 5],
    "nhan-van": [7, 4],
}

# (field, kind, level, title): the fields are the slugs of portal.science.models.Field.
TITLES = [
    ("nong-nghiep", "de-tai", "tinh", "Nghiên cứu chọn tạo giống lúa chất lượng cao chịu hạn cho vùng đồi"),
    (
        "nong-nghiep",
        "du-an-sxtn",
        "tinh",
        "Sản xuất thử nghiệm rau ăn lá theo hướng nông nghiệp công nghệ cao trong nhà màng",
    ),
    ("nong-nghiep", "de-tai", "tinh", "Ứng dụng chế phẩm sinh học xử lý phụ phẩm chăn nuôi làm phân hữu cơ"),
    (
        "nong-nghiep",
        "du-an-khcn",
        "tinh",
        "Xây dựng mô hình trồng bưởi đạt tiêu chuẩn VietGAP gắn với truy xuất nguồn gốc",
    ),
    (
        "nong-nghiep",
        "de-tai",
        "co-so",
        "Đánh giá hiện trạng sâu bệnh hại trên cây chè và đề xuất biện pháp quản lý tổng hợp",
    ),
    ("nong-nghiep", "du-an-sxtn", "bo", "Hoàn thiện quy trình nhân giống cây dược liệu ba kích bằng nuôi cấy mô"),
    ("nong-nghiep", "de-tai", "tinh", "Nghiên cứu nuôi cá lăng chấm thương phẩm trong lồng trên hồ chứa thủy lợi"),
    ("nong-nghiep", "du-an-khcn", "tinh", "Ứng dụng Internet vạn vật giám sát tưới tiết kiệm nước cho cây ăn quả"),
    ("nong-nghiep", "de-tai", "tinh", "Phục tráng và phát triển giống gà đồi bản địa theo hướng hàng hóa"),
    ("nong-nghiep", "de-an", "tinh", "Đề án phát triển vùng nguyên liệu nông nghiệp công nghệ cao giai đoạn 2024–2030"),
    (
        "y-duoc",
        "de-tai",
        "tinh",
        "Nghiên cứu thực trạng đái tháo đường type 2 ở người trên 40 tuổi và giải pháp dự phòng",
    ),
    ("y-duoc", "de-tai", "tinh", "Ứng dụng kỹ thuật phẫu thuật nội soi một lỗ điều trị viêm ruột thừa cấp ở trẻ em"),
    ("y-duoc", "du-an-khcn", "tinh", "Triển khai kỹ thuật can thiệp mạch vành qua da tại bệnh viện tuyến tỉnh"),
    ("y-duoc", "de-tai", "co-so", "Đánh giá hiệu quả chương trình tiêm chủng mở rộng ở vùng đồng bào dân tộc thiểu số"),
    ("y-duoc", "de-tai", "tinh", "Điều tra, bảo tồn nguồn gen cây thuốc quý tại các xã vùng cao"),
    ("y-duoc", "du-an-sxtn", "tinh", "Sản xuất thử nghiệm trà túi lọc từ cây dược liệu địa phương"),
    ("ky-thuat-cong-nghe", "de-tai", "tinh", "Xây dựng nền tảng dữ liệu số phục vụ chính quyền số cấp xã"),
    ("ky-thuat-cong-nghe", "du-an-khcn", "tinh", "Ứng dụng công nghệ khí sinh học quy mô vừa cho trang trại chăn nuôi"),
    (
        "ky-thuat-cong-nghe",
        "de-tai",
        "tinh",
        "Nghiên cứu thiết kế, chế tạo máy sấy nông sản sử dụng năng lượng mặt trời",
    ),
    ("ky-thuat-cong-nghe", "de-tai", "co-so", "Xây dựng hệ thống cảnh báo sớm sạt lở đất cho các tuyến đường miền núi"),
    ("ky-thuat-cong-nghe", "du-an-sxtn", "tinh", "Hoàn thiện công nghệ sản xuất gạch không nung từ tro xỉ nhiệt điện"),
    (
        "ky-thuat-cong-nghe",
        "de-tai",
        "tinh",
        "Ứng dụng trí tuệ nhân tạo hỗ trợ trả lời phản ánh, kiến nghị của người dân",
    ),
    ("ky-thuat-cong-nghe", "du-an-khcn", "bo", "Chuyển giao công nghệ xử lý nước thải làng nghề chế biến tinh bột"),
    (
        "ky-thuat-cong-nghe",
        "de-an",
        "tinh",
        "Đề án hỗ trợ doanh nghiệp đổi mới công nghệ và nâng cao năng suất chất lượng",
    ),
    ("tu-nhien", "de-tai", "tinh", "Điều tra đa dạng sinh học khu bảo tồn thiên nhiên và đề xuất giải pháp bảo tồn"),
    (
        "tu-nhien",
        "de-tai",
        "quoc-gia",
        "Đánh giá tài nguyên nước dưới đất vùng trung du trong bối cảnh biến đổi khí hậu",
    ),
    ("tu-nhien", "de-tai", "tinh", "Nghiên cứu chất lượng không khí đô thị và đề xuất mạng lưới quan trắc tự động"),
    ("tu-nhien", "de-tai", "co-so", "Khảo sát hiện trạng thoái hóa đất sản xuất nông nghiệp ở vùng đồi"),
    ("xa-hoi", "de-tai", "tinh", "Giải pháp nâng cao chỉ số hài lòng của người dân đối với dịch vụ hành chính công"),
    ("xa-hoi", "de-tai", "tinh", "Nghiên cứu phát triển du lịch cộng đồng gắn với văn hóa các dân tộc thiểu số"),
    ("xa-hoi", "de-tai", "co-so", "Thực trạng và giải pháp chuyển đổi số trong doanh nghiệp nhỏ và vừa của tỉnh"),
    ("xa-hoi", "de-an", "tinh", "Đề án phát triển hệ sinh thái khởi nghiệp đổi mới sáng tạo đến năm 2030"),
    ("xa-hoi", "de-tai", "tinh", "Đánh giá tác động của chính sách hỗ trợ sản xuất hàng hóa đối với hộ nghèo"),
    ("nhan-van", "de-tai", "tinh", "Sưu tầm, nghiên cứu và giới thiệu dân ca các dân tộc trên địa bàn tỉnh"),
    ("nhan-van", "de-tai", "tinh", "Nghiên cứu, phục dựng lễ hội truyền thống phục vụ phát triển du lịch"),
    ("nhan-van", "khac", "co-so", "Biên soạn tài liệu lịch sử địa phương dùng trong trường trung học cơ sở"),
]
PLACES = ["", " tại các huyện phía Bắc", " tại các huyện phía Nam", " vùng ven đô"]

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô", "Dương", "Lương"]
MIDDLE = ["Văn", "Thị", "Minh", "Thu", "Đức", "Hồng", "Quang", "Thanh", "Ngọc", "Xuân", "Kim"]
GIVEN = ["An", "Bình", "Châu", "Dũng", "Giang", "Hà", "Hải", "Hằng", "Hiếu", "Hòa", "Khánh", "Lâm",
         "Linh", "Long", "Mai", "Nam", "Nhung", "Phong", "Quyên", "Sơn", "Tâm", "Thảo", "Toàn", "Vân"]  # fmt: skip
DEGREES = ["TS.", "ThS.", "PGS.TS.", "ThS.", "TS.", "BSCKII."]

SUMMARIES = {
    "nong-nghiep": "Nhiệm vụ xác định giải pháp kỹ thuật phù hợp điều kiện đất đai, khí hậu của tỉnh, xây dựng mô hình trình diễn và tập huấn cho nông dân.",
    "y-duoc": "Nhiệm vụ khảo sát thực trạng, đánh giá hiệu quả can thiệp và đề xuất quy trình chuyên môn áp dụng tại các cơ sở y tế của tỉnh.",
    "ky-thuat-cong-nghe": "Nhiệm vụ thiết kế, thử nghiệm và hoàn thiện giải pháp công nghệ, đánh giá hiệu quả kinh tế – kỹ thuật trước khi nhân rộng.",
    "tu-nhien": "Nhiệm vụ điều tra, khảo sát thực địa, phân tích mẫu và xây dựng bộ cơ sở dữ liệu phục vụ quản lý tài nguyên, môi trường.",
    "xa-hoi": "Nhiệm vụ khảo sát xã hội học, phân tích số liệu thống kê và đề xuất chính sách, giải pháp cho các cơ quan của tỉnh.",
    "nhan-van": "Nhiệm vụ điền dã, sưu tầm tư liệu, nghiên cứu và biên soạn ấn phẩm phục vụ bảo tồn, phát huy giá trị văn hóa.",
}  # fmt: skip
RESULTS = {
    "nong-nghiep": "Quy trình kỹ thuật được Hội đồng công nhận; mô hình trình diễn 5 ha; 3 lớp tập huấn cho 150 lượt nông dân.",
    "y-duoc": "Quy trình chuyên môn được áp dụng tại bệnh viện; báo cáo khoa học; 2 bài báo đăng tạp chí chuyên ngành.",
    "ky-thuat-cong-nghe": "01 thiết bị/hệ thống hoàn chỉnh vận hành thử nghiệm; bộ tài liệu hướng dẫn vận hành; báo cáo đánh giá hiệu quả.",
    "tu-nhien": "Bộ cơ sở dữ liệu và bản đồ chuyên đề; báo cáo tổng hợp; kiến nghị giải pháp quản lý gửi các sở, ngành.",
    "xa-hoi": "Báo cáo kiến nghị chính sách gửi Ủy ban nhân dân tỉnh; bộ số liệu khảo sát; hội thảo công bố kết quả.",
    "nhan-van": "Ấn phẩm biên soạn, xuất bản 500 bản; bộ tư liệu số hóa lưu tại Thư viện tỉnh.",
}  # fmt: skip
APPLICATIONS = {
    "nong-nghiep": "Các hợp tác xã nông nghiệp và hộ sản xuất trong vùng dự án; Trung tâm Khuyến nông tỉnh.",
    "y-duoc": "Bệnh viện Đa khoa tỉnh và các trung tâm y tế tuyến huyện.",
    "ky-thuat-cong-nghe": "Doanh nghiệp, cơ sở sản xuất trên địa bàn tỉnh; các cơ quan quản lý nhà nước liên quan.",
    "tu-nhien": "Sở Nông nghiệp và Môi trường; Ủy ban nhân dân các huyện trong vùng nghiên cứu.",
    "xa-hoi": "Ủy ban nhân dân tỉnh và các sở, ngành, địa phương.",
    "nhan-van": "Sở Văn hóa, Thể thao và Du lịch; các trường học và thư viện trên địa bàn tỉnh.",
}  # fmt: skip
EXTENSION_REASONS = [
    "Thời tiết bất lợi làm chậm vụ thí nghiệm thứ hai.",
    "Thiết bị nhập khẩu về chậm so với kế hoạch.",
    "Cần bổ sung số liệu khảo sát theo ý kiến của Hội đồng đánh giá giữa kỳ.",
]
TERMINATION_REASONS = [
    "Tổ chức chủ trì đề nghị dừng do chủ nhiệm chuyển công tác, không có người thay thế phù hợp.",
    "Kết quả kiểm tra giữa kỳ cho thấy nhiệm vụ không đạt tiến độ và mục tiêu đăng ký.",
]
