"""The speech normaliser: a table of written → spoken Vietnamese, the fixed command interface,
and the site's glossary reaching the reader."""

import subprocess
import sys
from pathlib import Path

import pytest

from portal.accessibility.speech.normalize import Normalizer
from portal.accessibility.speech.numbers import number_words, roman_value
from portal.glossary.selectors import seed_entries

ROOT = Path(__file__).resolve().parents[3]

CASES = [
    ("Thứ Tư, 15/04/2015", "Thứ Tư, ngày mười lăm tháng tư năm hai nghìn không trăm mười lăm"),
    ("Ngày 10/4 Sở tổ chức hội nghị.", "Ngày mười tháng tư Sở tổ chức hội nghị."),
    (
        "Quý I/2024 tăng trưởng 6,5%.",
        "Quý một năm hai nghìn không trăm hai mươi tư tăng trưởng sáu phẩy năm phần trăm.",
    ),
    ("Khai mạc lúc 8h30, kết thúc 14:00.", "Khai mạc lúc tám giờ ba mươi phút, kết thúc mười bốn giờ."),
    (
        "Tổng kinh phí 2,5 tỷ đồng, trong đó 1.500.000.000 đồng từ ngân sách.",
        "Tổng kinh phí hai phẩy năm tỷ đồng, trong đó một tỷ năm trăm triệu đồng từ ngân sách.",
    ),
    ("Trao 02 Huân chương Lao động hạng Ba.", "Trao hai Huân chương Lao động hạng Ba."),
    (
        "Giai đoạn 2010-2014 và thời hạn 5-7 ngày làm việc.",
        "Giai đoạn hai nghìn không trăm mười đến hai nghìn không trăm mười bốn và thời hạn năm đến bảy ngày làm việc.",
    ),
    (
        "Theo Nghị định 224/2026/NĐ-CP của Chính phủ.",
        "Theo Nghị định số hai trăm hai mươi tư năm hai nghìn không trăm hai mươi sáu của Chính phủ.",
    ),
    (
        "Quyết định số 15/QĐ-UBND ngày 10/01/2024.",
        "Quyết định số mười lăm của Ủy ban nhân dân ngày mười tháng một năm hai nghìn không trăm hai mươi tư.",
    ),
    (
        "Luật số 29/2013/QH13 về khoa học.",
        "Luật số hai mươi chín năm hai nghìn không trăm mười ba của Quốc hội khóa mười ba về khoa học.",
    ),
    (
        "Thông tư 05/2023/TT-BKHCN.",
        "Thông tư số năm năm hai nghìn không trăm hai mươi ba của Bộ Khoa học và Công nghệ.",
    ),
    (
        "Sở KH&CN phối hợp với UBND tỉnh giải quyết PAKN và TTHC.",
        "Sở khoa học và công nghệ phối hợp với Ủy ban nhân dân tỉnh giải quyết phản ánh, kiến nghị và thủ tục hành chính.",
    ),
    (
        "Bước vào thế kỷ XXI, Đại hội Đảng lần thứ XIII, Khóa XIII.",
        "Bước vào thế kỷ hai mươi mốt, Đại hội Đảng lần thứ mười ba, Khóa mười ba.",
    ),
    (
        "Diện tích 120 ha, dài 15 km, 300 m2, 50 kg, công suất 100 MW, nhiệt độ 35°C, -5°C.",
        "Diện tích một trăm hai mươi héc ta, dài mười lăm ki lô mét, ba trăm mét vuông, năm mươi ki lô gam, công suất một trăm mê ga oát, nhiệt độ ba mươi lăm độ xê, âm năm độ xê.",
    ),
    (
        "Liên hệ: 0210.3846.123 hoặc 0912 345 678, Fax: 0210 3846 124.",
        "Liên hệ: không hai một không ba tám bốn sáu một hai ba hoặc không chín một hai ba bốn năm sáu bảy tám, Fax: không hai một không ba tám bốn sáu một hai bốn.",
    ),
    (
        "Email: skhcn@phutho.gov.vn, website https://skhcn.phutho.gov.vn/tin-tuc.",
        "Email: ét ca hát xê nờ a còng phutho chấm gov chấm vê nờ, website ét ca hát xê nờ chấm phutho chấm gov chấm vê nờ gạch chéo tin gạch ngang tuc.",
    ),
    ('Ông ấy nói: "Đây là (thử nghiệm)".', "Ông ấy nói: Đây là, thử nghiệm."),
    (
        "Mật độ 300 người/km2, tốc độ 60 km/h.",
        "Mật độ ba trăm người trên ki lô mét vuông, tốc độ sáu mươi ki lô mét trên giờ.",
    ),
    ("PGS.TS Nguyễn Văn A và ThS. Trần Thị B.", "phó giáo sư tiến sĩ Nguyễn Văn A và thạc sĩ Trần Thị B."),
    (
        "Dịch COVID-19, mạng 5G, cách mạng công nghiệp 4.0.",
        "Dịch COVID mười chín, mạng năm G, cách mạng công nghiệp bốn chấm không.",
    ),
    ("Lần thứ 2, thứ 4, giải 1, hạng 2.", "Lần thứ hai, thứ tư, giải nhất, hạng nhì."),
    (
        "Ngày 10-15/4/2024 tại TP. Hồ Chí Minh.",
        "Ngày mười đến mười lăm tháng tư năm hai nghìn không trăm hai mươi tư tại thành phố Hồ Chí Minh.",
    ),
    ("Tháng 4/2015 và tháng 12.", "Tháng tư năm hai nghìn không trăm mười lăm và tháng mười hai."),
    ("Đạt 3/4 chỉ tiêu, 120/150 hồ sơ.", "Đạt ba phần tư chỉ tiêu, một trăm hai mươi trên một trăm năm mươi hồ sơ."),
    ("Lượt xem: 1.431", "Lượt xem: một nghìn bốn trăm ba mươi mốt"),
    (
        "Giá $100, tương đương 100 USD hoặc 2.500.000đ.",
        "Giá một trăm đô la, tương đương một trăm đô la Mỹ hoặc hai triệu năm trăm nghìn đồng.",
    ),
    (
        "Gọi +84 912 345 678 hoặc đường dây nóng 1900 1234.",
        "Gọi cộng tám bốn chín một hai ba bốn năm sáu bảy tám hoặc đường dây nóng một chín không không một hai ba bốn.",
    ),
    (
        "Làm việc 8h-11h và 13h30 - 17h, phục vụ 24/7.",
        "Làm việc tám giờ đến mười một giờ và mười ba giờ ba mươi phút đến mười bảy giờ, phục vụ hai mươi tư trên bảy.",
    ),
    (
        "Từ 10/4 đến 15/4, nghỉ ngày 30/4 và 1/5.",
        "Từ ngày mười tháng tư đến ngày mười lăm tháng tư, nghỉ ngày ba mươi tháng tư và ngày một tháng năm.",
    ),
    (
        "Năm 2024 có hơn 1.000 người, tỷ lệ 3,14 và 0,05.",
        "Năm hai nghìn không trăm hai mươi tư có hơn một nghìn người, tỷ lệ ba phẩy mười bốn và không phẩy không năm.",
    ),
    (
        "Cúm H5N1, Điều 5 khoản 2, Phần II, chương IV, Đại hội XIII, mục I.",
        "Cúm H năm N một, Điều năm khoản hai, Phần hai, chương bốn, Đại hội mười ba, mục một.",
    ),
    ("Sách, báo, v.v. và KH&CN.", "Sách, báo, vân vân và khoa học và công nghệ."),
    ("Anh Trần Văn A (SĐT: 0912345678).", "Anh Trần Văn A, số điện thoại: không chín một hai ba bốn năm sáu bảy tám."),
    (
        "Nghị định số 13/2023/NĐ-CP ngày 17/4/2023 của Chính phủ.",
        "Nghị định số mười ba năm hai nghìn không trăm hai mươi ba ngày mười bảy tháng tư năm hai nghìn không trăm hai mươi ba của Chính phủ.",
    ),
    ("Luật số 29/2013/QH13.", "Luật số hai mươi chín năm hai nghìn không trăm mười ba của Quốc hội khóa mười ba."),
    (
        "Công văn 1234/UBND-KGVX ngày 05/6/2024.",
        "Công văn số một nghìn hai trăm ba mươi tư của Ủy ban nhân dân ca giê vê ích ngày năm tháng sáu năm hai nghìn không trăm hai mươi tư.",
    ),
    (
        "Thông tư liên tịch 01/2024/TTLT-BTC-BKHCN.",
        "Thông tư liên tịch số một năm hai nghìn không trăm hai mươi tư của Bộ Tài chính và Bộ Khoa học và Công nghệ.",
    ),
    ("Nhiệt độ từ 20-25°C, độ ẩm 80 %.", "Nhiệt độ từ hai mươi đến hai mươi lăm độ xê, độ ẩm tám mươi phần trăm."),
    ("Khoảng ~50 người, 3 x 4 m.", "Khoảng khoảng năm mươi người, ba nhân bốn mét."),
    ("Ngày 01/01/2025, lúc 07:05.", "Ngày một tháng một năm hai nghìn không trăm hai mươi lăm, lúc bảy giờ năm phút."),
    ("Tốc độ tăng 12,5 %/năm.", "Tốc độ tăng mười hai phẩy năm phần trăm trên năm."),
    ("15/04/2015", "ngày mười lăm tháng tư năm hai nghìn không trăm mười lăm"),
    ("ngày 10/4", "ngày mười tháng tư"),
    ("Quý I/2024", "Quý một năm hai nghìn không trăm hai mươi tư"),
    ("Quý IV năm 2023", "Quý bốn năm hai nghìn không trăm hai mươi ba"),
    ("quý 2/2025", "quý hai năm hai nghìn không trăm hai mươi lăm"),
    ("8h30", "tám giờ ba mươi phút"),
    ("14:00", "mười bốn giờ"),
    ("8h05", "tám giờ năm phút"),
    ("14h30'", "mười bốn giờ ba mươi phút"),
    ("lúc 14:30:15", "lúc mười bốn giờ ba mươi phút mười lăm giây"),
    ("1.000", "một nghìn"),
    ("12.345.678", "mười hai triệu ba trăm bốn mươi lăm nghìn sáu trăm bảy mươi tám"),
    ("2,5", "hai phẩy năm"),
    ("0,75", "không phẩy bảy mươi lăm"),
    ("02 Huân chương", "hai Huân chương"),
    ("05 năm", "năm năm"),
    ("thứ 1", "thứ nhất"),
    ("lần thứ 3", "lần thứ ba"),
    ("hạng I", "hạng nhất"),
    ("giải II", "giải nhì"),
    ("15%", "mười lăm phần trăm"),
    ("2,5 tỷ đồng", "hai phẩy năm tỷ đồng"),
    ("500.000 đồng", "năm trăm nghìn đồng"),
    ("300 triệu đồng", "ba trăm triệu đồng"),
    ("2010-2014", "hai nghìn không trăm mười đến hai nghìn không trăm mười bốn"),
    ("5-7 ngày", "năm đến bảy ngày"),
    ("2021 – 2025", "hai nghìn không trăm hai mươi mốt đến hai nghìn không trăm hai mươi lăm"),
    ("224/2026/NĐ-CP", "nghị định số hai trăm hai mươi tư năm hai nghìn không trăm hai mươi sáu của Chính phủ"),
    ("Nghị quyết số 57-NQ/TW", "Nghị quyết số năm mươi bảy của Trung ương"),
    ("Chỉ thị 12/CT-TTg", "Chỉ thị số mười hai của Thủ tướng Chính phủ"),
    ("Quyết định 1234/QĐ-SKHCN", "Quyết định số một nghìn hai trăm ba mươi tư của Sở Khoa học và Công nghệ"),
    ("Kế hoạch số 125/KH-UBND", "Kế hoạch số một trăm hai mươi lăm của Ủy ban nhân dân"),
    ("thế kỷ XXI", "thế kỷ hai mươi mốt"),
    ("Khóa XIII", "Khóa mười ba"),
    ("Chương III", "Chương ba"),
    ("15 km", "mười lăm ki lô mét"),
    ("120 ha", "một trăm hai mươi héc ta"),
    ("300 m2", "ba trăm mét vuông"),
    ("50 kg", "năm mươi ki lô gam"),
    ("100 MW", "một trăm mê ga oát"),
    ("35°C", "ba mươi lăm độ xê"),
    ("36,5 °C", "ba mươi sáu phẩy năm độ xê"),
    ("0210.3846.123", "không hai một không ba tám bốn sáu một hai ba"),
    ("0912345678", "không chín một hai ba bốn năm sáu bảy tám"),
    ("(0210) 3846 123", "không hai một không ba tám bốn sáu một hai ba"),
    ("info@skhcn.gov.vn", "info a còng ét ca hát xê nờ chấm gov chấm vê nờ"),
    ("www.phutho.gov.vn", "vê kép vê kép vê kép chấm phutho chấm gov chấm vê nờ"),
    ("“Sáng kiến”", "Sáng kiến"),
    ("(xem phụ lục)", "xem phụ lục"),
    ("[1]", "một"),
    ("Hội nghị CCHC năm 2024", "Hội nghị cải cách hành chính năm hai nghìn không trăm hai mươi tư"),
    ("Tổ chức 03 lớp tập huấn cho 150 học viên.", "Tổ chức ba lớp tập huấn cho một trăm năm mươi học viên."),
    (
        "Năm 2025, tỉnh có 1.234 doanh nghiệp KH&CN.",
        "Năm hai nghìn không trăm hai mươi lăm, tỉnh có một nghìn hai trăm ba mươi tư doanh nghiệp khoa học và công nghệ.",
    ),
    ("Tỷ lệ hồ sơ đúng hạn đạt 99,8%.", "Tỷ lệ hồ sơ đúng hạn đạt chín mươi chín phẩy tám phần trăm."),
    ("Giảm 10 - 15% chi phí.", "Giảm mười đến mười lăm phần trăm chi phí."),
    ("Sáng 25/3, tại Hà Nội.", "Sáng hai mươi lăm tháng ba, tại Hà Nội."),
    ("Ngày 2/9/1945", "Ngày hai tháng chín năm một nghìn chín trăm bốn mươi lăm"),
    ("Tháng 8/2024", "Tháng tám năm hai nghìn không trăm hai mươi tư"),
    ("Dự án có tổng mức đầu tư 1.200 tỷ đồng.", "Dự án có tổng mức đầu tư một nghìn hai trăm tỷ đồng."),
    (
        "Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị",
        "Nghị quyết số năm mươi bảy ngày hai mươi hai tháng mười hai năm hai nghìn không trăm hai mươi tư của Bộ Chính trị",
    ),
    (
        "Quyết định số 2345/QĐ-UBND ngày 15/10/2025 của UBND tỉnh",
        "Quyết định số hai nghìn ba trăm bốn mươi lăm ngày mười lăm tháng mười năm hai nghìn không trăm hai mươi lăm của Ủy ban nhân dân tỉnh",
    ),
    ("Điều 3. Hiệu lực thi hành", "Điều ba. Hiệu lực thi hành"),
    ("Khoản 1 Điều 5", "Khoản một Điều năm"),
    ("1. Mục tiêu", "một. Mục tiêu"),
    ("a) Đối tượng", "a, Đối tượng"),
    ("Giải thưởng lần thứ IV năm 2026", "Giải thưởng lần thứ tư năm hai nghìn không trăm hai mươi sáu"),
    ("Chiều dài 1,5 m, rộng 0,8 m.", "Chiều dài một phẩy năm mét, rộng không phẩy tám mét."),
    ("GDP tăng 7,09%", "GDP tăng bảy phẩy không chín phần trăm"),
    ("Lúc 7 giờ 30 phút", "Lúc bảy giờ ba mươi phút"),
    ("Nhận hồ sơ từ thứ 2 đến thứ 6.", "Nhận hồ sơ từ thứ hai đến thứ sáu."),
    ("Thứ Bảy, 01/03/2025", "Thứ Bảy, ngày một tháng ba năm hai nghìn không trăm hai mươi lăm"),
    ("ĐT: 0210 3 846 123", "điện thoại: không hai một không ba tám bốn sáu một hai ba"),
    ("Tỉnh có 13 huyện, thị, thành.", "Tỉnh có mười ba huyện, thị, thành."),
    ("Lớp 12A có 45 học sinh.", "Lớp mười hai A có bốn mươi lăm học sinh."),
    ("Phòng 305, tầng 3.", "Phòng ba trăm linh năm, tầng ba."),
    ("Văn bản không có số.", "Văn bản không có số."),
    ("Năm 1945", "Năm một nghìn chín trăm bốn mươi lăm"),
    ("Năm 2000", "Năm hai nghìn"),
    ("Năm 2005", "Năm hai nghìn không trăm linh năm"),
    ("Năm 1010", "Năm một nghìn không trăm mười"),
    ("100.000", "một trăm nghìn"),
    ("1.000.000.000", "một tỷ"),
    ("1.000.005", "một triệu không trăm linh năm"),
    ("21", "hai mươi mốt"),
    ("101", "một trăm linh một"),
    ("115", "một trăm mười lăm"),
    ("14", "mười bốn"),
    ("24", "hai mươi tư"),
    ("2,05", "hai phẩy không năm"),
    ("10,5 triệu", "mười phẩy năm triệu"),
    ("1,2 triệu USD", "một phẩy hai triệu đô la Mỹ"),
    ("$5", "năm đô la"),
    ("Điện thoại: 0210.3.846.123", "Điện thoại: không hai một không ba tám bốn sáu một hai ba"),
    ("Hotline 1900.1234", "Hotline một chín không không một hai ba bốn"),
    ("+84 210 3846 123", "cộng tám bốn hai một không ba tám bốn sáu một hai ba"),
    ("Từ 7h30 đến 11h30", "Từ bảy giờ ba mươi phút đến mười một giờ ba mươi phút"),
    ("Sáng 8h, chiều 14h", "Sáng tám giờ, chiều mười bốn giờ"),
    ("Ngày 20/11", "Ngày hai mươi tháng mười một"),
    ("Đêm 31/12", "Đêm ba mươi mốt tháng mười hai"),
    ("Số liệu quý III", "Số liệu quý ba"),
    ("Phần I và phần II", "Phần một và phần hai"),
    ("Khóa học mới", "Khóa học mới"),
    ("thế kỉ XX", "thế kỉ hai mươi"),
    ("tỷ lệ 1/2", "tỷ lệ một phần hai"),
    ("Kỳ họp thứ 10, HĐND tỉnh khóa XIX", "Kỳ họp thứ mười, Hội đồng nhân dân tỉnh khóa mười chín"),
    ("Điểm 8,5/10", "Điểm tám phẩy năm trên mười"),
    ("COVID-19", "COVID mười chín"),
    ("Tốc độ 100 Mbps", "Tốc độ một trăm mê ga bít trên giây"),
    ("Dung lượng 500 GB", "Dung lượng năm trăm gi ga bai"),
    ("Nhiệt độ 25-30°C", "Nhiệt độ hai mươi lăm đến ba mươi độ xê"),
    ("Cao 1.500 m so với mực nước biển", "Cao một nghìn năm trăm mét so với mực nước biển"),
    ("Diện tích 3.534,6 km2", "Diện tích ba nghìn năm trăm ba mươi tư phẩy sáu ki lô mét vuông"),
    ("Sản lượng 2,3 triệu tấn", "Sản lượng hai phẩy ba triệu tấn"),
    ("Giá 15.000đ/kg", "Giá mười lăm nghìn đồng một ki lô gam"),
    ("Đạt 105% kế hoạch", "Đạt một trăm linh năm phần trăm kế hoạch"),
    ("Tăng 2,5 lần", "Tăng hai phẩy năm lần"),
    ("Xếp hạng PCI thứ 15/63 tỉnh, thành phố", "Xếp hạng PCI thứ mười lăm trên sáu mươi ba tỉnh, thành phố"),
    (
        "Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân",
        "Nghị định số mười ba năm hai nghìn không trăm hai mươi ba của Chính phủ về bảo vệ dữ liệu cá nhân",
    ),
    (
        "Thông tư số 26/2020/TT-BTTTT",
        "Thông tư số hai mươi sáu năm hai nghìn không trăm hai mươi của Bộ Thông tin và Truyền thông",
    ),
    (
        "Luật Khoa học và Công nghệ số 29/2013/QH13",
        "Luật Khoa học và Công nghệ số hai mươi chín năm hai nghìn không trăm mười ba của Quốc hội khóa mười ba",
    ),
    ("Quyết định số 1131/QĐ-TTg", "Quyết định số một nghìn một trăm ba mươi mốt của Thủ tướng Chính phủ"),
    ("Công văn số 456/SKHCN-VP", "Công văn số bốn trăm năm mươi sáu của Sở Khoa học và Công nghệ Văn phòng"),
    ("Sở Khoa học và Công nghệ (Sở KH&CN)", "Sở Khoa học và Công nghệ, Sở khoa học và công nghệ"),
    ("Cuộc thi “Sáng tạo trẻ” lần thứ 5", "Cuộc thi Sáng tạo trẻ lần thứ năm"),
    ("Ông Nguyễn Văn A – Giám đốc Sở", "Ông Nguyễn Văn A, Giám đốc Sở"),
    (
        "Tham dự có đ/c Trần Văn B, Phó Chủ tịch UBND tỉnh.",
        "Tham dự có đồng chí Trần Văn B, Phó Chủ tịch Ủy ban nhân dân tỉnh.",
    ),
    ("Khoảng 70% cán bộ, công chức, viên chức.", "Khoảng bảy mươi phần trăm cán bộ, công chức, viên chức."),
    ("Hơn 2.000 lượt truy cập/ngày", "Hơn hai nghìn lượt truy cập trên ngày"),
    ("từ năm 2020 đến năm 2025", "từ năm hai nghìn không trăm hai mươi đến năm hai nghìn không trăm hai mươi lăm"),
    ("Lúc 14h00 ngày 05/12/2025", "Lúc mười bốn giờ ngày năm tháng mười hai năm hai nghìn không trăm hai mươi lăm"),
    (
        "ĐT: 0210 3 846 123; Tel: 0912.345.678; SĐT 0912345678",
        "điện thoại: không hai một không ba tám bốn sáu một hai ba; điện thoại: không chín một hai ba bốn năm sáu bảy tám; số điện thoại không chín một hai ba bốn năm sáu bảy tám",
    ),
    (
        "Ngày 20/10/2025, UBND tỉnh ban hành Quyết định số 2156/QĐ-UBND về việc phê duyệt danh mục nhiệm vụ KH&CN cấp tỉnh năm 2026.",
        "Ngày hai mươi tháng mười năm hai nghìn không trăm hai mươi lăm, Ủy ban nhân dân tỉnh ban hành Quyết định số hai nghìn một trăm năm mươi sáu về việc phê duyệt danh mục nhiệm vụ khoa học và công nghệ cấp tỉnh năm hai nghìn không trăm hai mươi sáu.",
    ),
    (
        "Tổng kinh phí thực hiện là 1,25 tỷ đồng (trong đó ngân sách tỉnh hỗ trợ 800 triệu đồng).",
        "Tổng kinh phí thực hiện là một phẩy hai mươi lăm tỷ đồng, trong đó ngân sách tỉnh hỗ trợ tám trăm triệu đồng.",
    ),
    (
        "Thời gian: 7h30 ngày 25/11/2025 (thứ Ba).",
        "Thời gian: bảy giờ ba mươi phút ngày hai mươi lăm tháng mười một năm hai nghìn không trăm hai mươi lăm, thứ Ba.",
    ),
    (
        "Địa điểm: Hội trường tầng 3, số 1526 đường Hùng Vương, TP. Việt Trì.",
        "Địa điểm: Hội trường tầng ba, số một nghìn năm trăm hai mươi sáu đường Hùng Vương, thành phố Việt Trì.",
    ),
    (
        "Hồ sơ gửi về Sở trước 17h00 ngày 30/12/2025.",
        "Hồ sơ gửi về Sở trước mười bảy giờ ngày ba mươi tháng mười hai năm hai nghìn không trăm hai mươi lăm.",
    ),
    ("Năng suất đạt 6,5 tấn/ha/vụ.", "Năng suất đạt sáu phẩy năm tấn trên héc ta trên vụ."),
    (
        "Giai đoạn 2021 - 2030, tầm nhìn đến năm 2045.",
        "Giai đoạn hai nghìn không trăm hai mươi mốt đến hai nghìn không trăm ba mươi, tầm nhìn đến năm hai nghìn không trăm bốn mươi lăm.",
    ),
    (
        "Khoảng 1.200 m² nhà xưởng, công suất 2 x 500 kVA.",
        "Khoảng một nghìn hai trăm mét vuông nhà xưởng, công suất hai nhân năm trăm ki lô vôn am pe.",
    ),
    ("Điện thoại: 02103.846.123", "Điện thoại: không hai một không ba tám bốn sáu một hai ba"),
    ("Số: 125/TB-SKHCN", "Số: thông báo số một trăm hai mươi lăm của Sở Khoa học và Công nghệ"),
    ("Kỳ họp thứ 8, Quốc hội khóa XV.", "Kỳ họp thứ tám, Quốc hội khóa mười lăm."),
    (
        "Đạt chứng nhận TCVN ISO 9001:2015.",
        "Đạt chứng nhận Tiêu chuẩn Việt Nam ISO chín nghìn không trăm linh một: hai nghìn không trăm mười lăm.",
    ),
    ("Mã số thuế 2600123456.", "Mã số thuế hai sáu không không một hai ba bốn năm sáu."),
    ("V/v triển khai nhiệm vụ năm 2026", "về việc triển khai nhiệm vụ năm hai nghìn không trăm hai mươi sáu"),
    ("Th.S Nguyễn Thị Lan", "thạc sĩ Nguyễn Thị Lan"),
    ("Nghỉ lễ từ ngày 30/4 - 1/5.", "Nghỉ lễ từ ngày ba mươi tháng tư, ngày một tháng năm."),
    (
        "Chỉ số PCI năm 2024 đạt 68,5 điểm, xếp thứ 12/63.",
        "Chỉ số PCI năm hai nghìn không trăm hai mươi tư đạt sáu mươi tám phẩy năm điểm, xếp thứ mười hai trên sáu mươi ba.",
    ),
    ("Giá xuất khẩu 3.000 USD/tấn.", "Giá xuất khẩu ba nghìn đô la Mỹ một tấn."),
    ("Tăng trưởng -2,5% so với cùng kỳ.", "Tăng trưởng âm hai phẩy năm phần trăm so với cùng kỳ."),
    (
        "Cập nhật lúc 10:45 10/11/2025",
        "Cập nhật lúc mười giờ bốn mươi lăm phút ngày mười tháng mười một năm hai nghìn không trăm hai mươi lăm",
    ),
    ("Ngày 05 tháng 12 năm 2025", "Ngày năm tháng mười hai năm hai nghìn không trăm hai mươi lăm"),
    # Service and toll-free numbers digit by digit; short ones only after "tổng đài", "gọi".
    (
        "Mọi phản ánh xin gọi tổng đài 1022 hoặc đường dây nóng 1800 1090 (miễn phí).",
        "Mọi phản ánh xin gọi tổng đài một không hai hai hoặc đường dây nóng một tám không không một không chín không, miễn phí.",
    ),
    (
        "Người dân có thể gọi số 1900 6868 để được tư vấn; cước 1.000 đồng/phút.",
        "Người dân có thể gọi số một chín không không sáu tám sáu tám để được tư vấn; cước một nghìn đồng một phút.",
    ),
    ("Khi phát hiện cháy, hãy gọi ngay 114.", "Khi phát hiện cháy, hãy gọi ngay một một bốn."),
    (
        "Tỉnh kêu gọi 300 doanh nghiệp tham gia chương trình.",
        "Tỉnh kêu gọi ba trăm doanh nghiệp tham gia chương trình.",
    ),
    ("Đã gọi 1.000 lượt trong tháng.", "Đã gọi một nghìn lượt trong tháng."),
    # Money per unit: "một", as a reader says it.
    (
        "Mức hỗ trợ tối đa 2 triệu đồng/tháng, học phí 500.000 đồng/người/khóa.",
        "Mức hỗ trợ tối đa hai triệu đồng một tháng, học phí năm trăm nghìn đồng một người một khóa.",
    ),
    (
        "Giá bán lẻ điện bình quân 2.103 đồng/kWh.",
        "Giá bán lẻ điện bình quân hai nghìn một trăm linh ba đồng một ki lô oát giờ.",
    ),
    # Energy.
    (
        "Hệ thống điện mặt trời mái nhà sản xuất 1.500 kWh mỗi tháng, cả tỉnh đạt 12 MWh.",
        "Hệ thống điện mặt trời mái nhà sản xuất một nghìn năm trăm ki lô oát giờ mỗi tháng, cả tỉnh đạt mười hai mê ga oát giờ.",
    ),
    # Months and quarters sharing one year.
    (
        "Đợt kiểm tra diễn ra trong tháng 6-8/2025 tại 12 huyện.",
        "Đợt kiểm tra diễn ra trong tháng sáu đến tháng tám năm hai nghìn không trăm hai mươi lăm tại mười hai huyện.",
    ),
    (
        "Kết quả quý I-II/2026 được báo cáo tại hội nghị.",
        "Kết quả quý một đến quý hai năm hai nghìn không trăm hai mươi sáu được báo cáo tại hội nghị.",
    ),
    ("Tháng 12-3 năm sau là mùa khô.", "Tháng mười hai đến tháng ba năm sau là mùa khô."),
    # Glossary entries glued by "&".
    (
        "Tiếp nhận 45 PAKN&TTHC qua cổng dịch vụ công.",
        "Tiếp nhận bốn mươi lăm phản ánh, kiến nghị và thủ tục hành chính qua cổng dịch vụ công.",
    ),
    (
        "Chương trình KH&CN&ĐMST tỉnh giai đoạn 2026-2030.",
        "Chương trình khoa học và công nghệ và đổi mới sáng tạo tỉnh giai đoạn hai nghìn không trăm hai mươi sáu đến hai nghìn không trăm ba mươi.",
    ),
    # The issuer of a document said once: not again when the sentence has named it before.
    (
        "UBND tỉnh đã ban hành Quyết định số 15/QĐ-UBND ngày 10/01/2024 về việc công bố thủ tục.",
        "Ủy ban nhân dân tỉnh đã ban hành Quyết định số mười lăm ngày mười tháng một năm hai nghìn không trăm hai mươi tư về việc công bố thủ tục.",
    ),
    (
        "Sở KH&CN ban hành Kế hoạch 45/KH-SKHCN triển khai nhiệm vụ năm 2026.",
        "Sở khoa học và công nghệ ban hành Kế hoạch số bốn mươi lăm triển khai nhiệm vụ năm hai nghìn không trăm hai mươi sáu.",
    ),
    (
        "Ủy ban nhân dân tỉnh có Công văn 100/UBND-KGVX gửi các sở, ngành.",
        "Ủy ban nhân dân tỉnh có Công văn số một trăm gửi các sở, ngành.",
    ),
    (
        "Thực hiện Quyết định số 15/QĐ-UBND, Sở đã tổ chức tập huấn.",
        "Thực hiện Quyết định số mười lăm của Ủy ban nhân dân, Sở đã tổ chức tập huấn.",
    ),
    (
        "Thông tư liên tịch 27/2015/TTLT-BKHCN-BTC hướng dẫn.",
        "Thông tư liên tịch số hai mươi bảy năm hai nghìn không trăm mười lăm của Bộ Khoa học và Công nghệ và Bộ Tài chính hướng dẫn.",
    ),
]


@pytest.fixture(scope="module")
def normalizer():
    return Normalizer(seed_entries())


@pytest.mark.parametrize(("written", "spoken"), CASES, ids=[c[0][:40] for c in CASES])
def test_reads_like_a_speaker(normalizer, written, spoken):
    assert normalizer(written) == spoken


def test_output_has_no_digits_and_is_stable(normalizer):
    for written, _ in CASES:
        once = normalizer(written)
        assert not any(c.isdigit() for c in once), written
        assert normalizer(once) == once, written


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (0, "không"),
        (5, "năm"),
        (10, "mười"),
        (11, "mười một"),
        (15, "mười lăm"),
        (20, "hai mươi"),
        (21, "hai mươi mốt"),
        (24, "hai mươi tư"),
        (25, "hai mươi lăm"),
        (55, "năm mươi lăm"),
        (100, "một trăm"),
        (101, "một trăm linh một"),
        (110, "một trăm mười"),
        (1001, "một nghìn không trăm linh một"),
        (1010, "một nghìn không trăm mười"),
        (10000, "mười nghìn"),
        (1_000_000, "một triệu"),
        (1_000_000_000, "một tỷ"),
        (2_000_000_000_000, "hai nghìn tỷ"),
        (-7, "âm bảy"),
    ],
)
def test_number_words(n, words):
    assert number_words(n) == words


def test_roman_numerals_are_checked():
    assert [roman_value(r) for r in ("I", "IV", "IX", "XIV", "XXI", "XIII", "XL", "MMXXVI")] == [
        1,
        4,
        9,
        14,
        21,
        13,
        40,
        2026,
    ]
    assert [roman_value(r) for r in ("IIII", "VV", "IC", "ABC", "")] == [None] * 5


@pytest.mark.django_db
def test_the_sites_glossary_is_used():
    from portal.accessibility.speech.normalize import normalize
    from portal.glossary.models import Abbreviation

    entry = Abbreviation.objects.create(abbreviation="TTĐMST", full_form="trung tâm đổi mới sáng tạo")
    assert normalize("TTĐMST tỉnh khai trương.") == "trung tâm đổi mới sáng tạo tỉnh khai trương."
    entry.full_form = "trung tâm hỗ trợ đổi mới sáng tạo"
    entry.save()  # the glossary's signal drops the cached entries
    assert normalize("TTĐMST") == "trung tâm hỗ trợ đổi mới sáng tạo"
    entry.delete()
    assert normalize("TTĐMST") == "TTĐMST"  # unknown again: left for the engine


def test_command_reads_lines_and_writes_one_line_each():
    written = "Ngày 15/04/2015, lúc 8h30\n\nSở KH&CN có 1.431 lượt xem\r\nhết"
    run = subprocess.run(
        [sys.executable, "manage.py", "tts_normalize"],
        input=written.encode("utf-8"),
        capture_output=True,
        cwd=ROOT,
        timeout=120,
        env={"PATH": "/usr/bin:/bin", "LANG": "C", "DJANGO_SETTINGS_MODULE": "portal.settings.test"},
    )
    assert run.returncode == 0, run.stderr.decode()
    assert run.stdout.decode("utf-8").split("\n") == [
        "Ngày mười lăm tháng tư năm hai nghìn không trăm mười lăm, lúc tám giờ ba mươi phút",
        "",
        "Sở khoa học và công nghệ có một nghìn bốn trăm ba mươi mốt lượt xem",
        "hết",
        "",
    ]
