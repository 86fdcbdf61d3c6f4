"""Demo identity, navigation and staff of the department (the news demo is in
portal/news/demo_data.py). All text here was written for this project."""

IDENTITY = {
    "parent_body": "Ủy ban nhân dân tỉnh Phú Thọ",
    "department_name": "Sở Khoa học và Công nghệ",
    "short_name": "Sở KH&CN Phú Thọ",
    "address": "Số 1 đường Trần Phú, phường Gia Cẩm, thành phố Việt Trì, tỉnh Phú Thọ",
    "phone": "0210 3 846 123",
    "fax": "0210 3 846 124",
    "email": "vanphong@khcn.phutho.example.vn",
    "working_hours": "Sáng 7h30–11h30, chiều 13h30–17h00, từ thứ Hai đến thứ Sáu",
    "editor_in_chief": "Ông Nguyễn Văn Minh – Phó Giám đốc Sở, Trưởng ban biên tập",
    "licence": "Giấy phép thiết lập trang thông tin điện tử số 05/GP-STTTT do Sở Thông tin và Truyền thông cấp (dữ liệu mẫu)",
    "footer_text": "<p>Ghi rõ nguồn <b>Sở Khoa học và Công nghệ</b> khi phát hành lại thông tin từ trang này.</p>",
}

QUICK_LINKS = [
    "Lịch tiếp công dân",
    "Thống kê KHCN",
    "Chung tay cải cách thủ tục hành chính",
    "Cuộc thi trực tuyến",
    "Phổ biến giáo dục pháp luật",
    "Phát triển và ứng dụng công nghệ sinh học",
    "Kết quả thực hiện nhiệm vụ KHCN",
    "Nhiệm vụ KHCN đang tiến hành",
    "Thông tin KHCN",
]
# Quick links whose target already exists point at a category; the others at the path where
# the service will live (later features), which answers with the not-found page until then.
QUICK_LINK_TARGETS = {
    "Chung tay cải cách thủ tục hành chính": "cai-cach-hanh-chinh",
    "Phổ biến giáo dục pháp luật": "pho-bien-phap-luat",
    "Thông tin KHCN": "thong-tin-khcn",
    "Phát triển và ứng dụng công nghệ sinh học": "khcn-dia-phuong",
}
QUICK_LINK_PATHS = {
    "Lịch tiếp công dân": "/lich-tiep-cong-dan/",
    "Thống kê KHCN": "/thong-ke-khcn/",
    "Cuộc thi trực tuyến": "/cuoc-thi-truc-tuyen/",
    "Kết quả thực hiện nhiệm vụ KHCN": "/nhiem-vu-khcn/ket-qua/",
    "Nhiệm vụ KHCN đang tiến hành": "/nhiem-vu-khcn/dang-tien-hanh/",
}

SITE_LINKS = [
    ("Cổng thông tin điện tử Chính phủ", "https://chinhphu.vn"),
    ("Bộ Khoa học và Công nghệ", "https://mst.gov.vn"),
    ("Cổng Dịch vụ công quốc gia", "https://dichvucong.gov.vn"),
    ("Cổng thông tin điện tử tỉnh Phú Thọ", "https://phutho.gov.vn"),
    ("Cục Sở hữu trí tuệ", "https://ipvietnam.gov.vn"),
]

# Sub-items of a menu category pointing at a service's own pages (by the category's slug).
MENU_CHILDREN = {
    "thi-dua-khen-thuong": [
        ("Bảng vàng thi đua – khen thưởng", "/bang-vang/"),
        ("Công khai danh sách đề nghị khen thưởng", "/cong-khai-khen-thuong/"),
    ],
}

DEMO_USERS = [
    # username, first name, last name, group (a constant of portal.core.roles, or a group name)
    ("bientap", "Lan", "Trần Thị", "EDITORS"),
    ("truongban", "Minh", "Nguyễn Văn", "APPROVERS"),
    ("quantri", "Hùng", "Lê Quang", "ADMINISTRATORS"),
    # Citizen petitions (groups created by the feedback app): an officer and a leader.
    ("canbopakn", "Hà", "Đỗ Thu", "Cán bộ xử lý PAKN"),
    ("lanhdaopakn", "Sơn", "Vũ Ngọc", "Lãnh đạo duyệt PAKN"),
    # Emulation and awards (groups created by the awards app): an officer and the council secretary.
    ("canbotdkt", "Ngọc", "Phan Bảo", "Cán bộ thi đua – khen thưởng"),
    ("thukyhd", "Quý", "Đặng Văn", "Thư ký Hội đồng thi đua – khen thưởng"),
    # The S&T task registry (group created by the science app).
    ("quanlynv", "Thảo", "Lương Thị", "Quản lý nhiệm vụ KH&CN"),
]
