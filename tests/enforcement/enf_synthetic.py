"""Synthetic enforcement decisions written for these tests (people, numbers and places invented;
layout after shared/domain/decision-forms.md), one per decision type the dev corpus lacks or has
few of. Not copied from the corpus."""

from __future__ import annotations

HEAD_2024 = """CỤC THI HÀNH ÁN DÂN SỰ                          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH LÂM ĐỒNG                                   Độc lập - Tự do - Hạnh phúc
CHI CỤC THI HÀNH ÁN DÂN SỰ
THÀNH PHỐ BẢO LỘC

Số: {number}                              Bảo Lộc, ngày {date}

                                     QUYẾT ĐỊNH
                          {subject}

              CHI CỤC TRƯỞNG CHI CỤC THI HÀNH ÁN DÂN SỰ THÀNH PHỐ BẢO LỘC

"""

HEAD_2026 = """CỤC QUẢN LÝ THI HÀNH ÁN DÂN SỰ                  CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
THI HÀNH ÁN DÂN SỰ TỈNH LÂM ĐỒNG                Độc lập - Tự do - Hạnh phúc

Số: {number}                               Lâm Đồng, ngày {date}

                                     QUYẾT ĐỊNH
                          {subject}

                     TRƯỞNG THI HÀNH ÁN DÂN SỰ TỈNH LÂM ĐỒNG

"""

NOT_ENFORCEABLE = (
    HEAD_2026.format(
        number="517/QĐ-THADS", date="03 tháng 02 năm 2026", subject="Về việc chưa có điều kiện thi hành án"
    )
    + """Căn cứ điểm a khoản 1 Điều 23, điểm a khoản 1 Điều 44a Luật Thi hành án dân sự năm 2008 (được sửa đổi, bổ sung năm 2014, năm 2022);
Căn cứ Điều 9 Nghị định số 62/2015/NĐ-CP ngày 18/7/2015 của Chính phủ, được sửa đổi, bổ sung bởi Nghị định số 33/2020/NĐ-CP;
Căn cứ Bản án dân sự sơ thẩm số 31/2023/DS-ST ngày 12/10/2023 của Tòa án nhân dân thành phố Bảo Lộc, tỉnh Lâm Đồng và Bản án dân sự phúc thẩm số 77/2024/DS-PT ngày 05/6/2024 của Tòa án nhân dân tỉnh Lâm Đồng;
Căn cứ Quyết định thi hành án số 880/QĐ-CCTHADS ngày 19/7/2024 của Chi cục trưởng Chi cục Thi hành án dân sự thành phố Bảo Lộc;
Căn cứ kết quả xác minh điều kiện thi hành án ngày 20/01/2026,

                                    QUYẾT ĐỊNH:

Điều 1. Xác định người phải thi hành án chưa có điều kiện thi hành đối với khoản: ông Trịnh Văn Quân phải trả cho bà Mai Thị Yến số tiền 150.000.000 đồng (Một trăm năm mươi triệu đồng).
Người phải thi hành án: ông Trịnh Văn Quân, sinh năm 1981; địa chỉ: tổ 6, phường Lộc Sơn, thành phố Bảo Lộc, tỉnh Lâm Đồng.
Người được thi hành án: bà Mai Thị Yến, sinh năm 1979; địa chỉ: thôn 2, xã Lộc Châu, thành phố Bảo Lộc, tỉnh Lâm Đồng.
Điều 2. Khi người phải thi hành án có điều kiện thi hành án thì Chấp hành viên tiến hành xác minh và tổ chức thi hành án.
Điều 3. Chấp hành viên Võ Thị Hồng Nhung, người phải thi hành án, người được thi hành án và các cơ quan, tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này./.

Nơi nhận:                                               KT. TRƯỞNG
- Như Điều 3;                                           PHÓ TRƯỞNG
- Viện KSND tỉnh Lâm Đồng;
- Lưu: VT, HSTHA.                                       (Đã ký)

                                                        Đoàn Minh Khôi
"""
)

ENTRUST = (
    HEAD_2024.format(
        number="1204/QĐ-CCTHADS", date="18 tháng 9 năm 2023", subject="Về việc ủy thác thi hành án"
    )
    + """Căn cứ Điều 23, Điều 55, Điều 56 và Điều 57 Luật Thi hành án dân sự năm 2008 (được sửa đổi, bổ sung năm 2014, năm 2022);
Căn cứ Điều 16 Nghị định số 62/2015/NĐ-CP ngày 18/7/2015 của Chính phủ;
Căn cứ Bản án hôn nhân và gia đình sơ thẩm số 09/2023/HNGĐ-ST ngày 14/3/2023 của Tòa án nhân dân thành phố Bảo Lộc, tỉnh Lâm Đồng;
Căn cứ Quyết định thi hành án số 612/QĐ-CCTHADS ngày 02/5/2023 của Chi cục trưởng Chi cục Thi hành án dân sự thành phố Bảo Lộc;
Xét thấy người phải thi hành án có tài sản tại huyện Đức Trọng,

                                    QUYẾT ĐỊNH:

Điều 1. Ủy thác cho Chi cục Thi hành án dân sự huyện Đức Trọng, tỉnh Lâm Đồng tổ chức thi hành khoản sau:
Ông Lò Văn Tiến, sinh năm 1985; địa chỉ: thôn 4, xã Hiệp Thạnh, huyện Đức Trọng, tỉnh Lâm Đồng phải thanh toán cho bà Đặng Thị Xuân số tiền 240.000.000 đồng (Hai trăm bốn mươi triệu đồng).
Người được thi hành án: bà Đặng Thị Xuân; địa chỉ: tổ 2, phường B'Lao, thành phố Bảo Lộc, tỉnh Lâm Đồng.
Điều 2. Chi cục Thi hành án dân sự huyện Đức Trọng có trách nhiệm tổ chức thi hành theo quy định.
Điều 3. Chấp hành viên Lý Thanh Tùng và các cơ quan, tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này./.

Nơi nhận:                                               CHI CỤC TRƯỞNG
- Như Điều 3;
- Lưu: VT, HSTHA.                                       (Đã ký)
                                                        Hà Quốc Bảo
"""
)

REVOKE = (
    HEAD_2024.format(
        number="95/QĐ-CCTHADS",
        date="22 tháng 02 năm 2022",
        subject="Về việc sửa đổi, bổ sung quyết định về thi hành án",
    )
    + """Căn cứ khoản 1 Điều 23, khoản 2 Điều 37 Luật Thi hành án dân sự năm 2008 (được sửa đổi, bổ sung năm 2014);
Căn cứ Bản án kinh doanh thương mại sơ thẩm số 14/2021/KDTM-ST ngày 09/11/2021 của Tòa án nhân dân thành phố Bảo Lộc, tỉnh Lâm Đồng;
Căn cứ Quyết định thi hành án số 41/QĐ-CCTHADS ngày 10/01/2022 của Chi cục trưởng Chi cục Thi hành án dân sự thành phố Bảo Lộc;
Xét thấy Quyết định thi hành án nêu trên ghi sai số tiền phải thi hành,

                                    QUYẾT ĐỊNH:

Điều 1. Sửa đổi Điều 1 Quyết định thi hành án số 41/QĐ-CCTHADS ngày 10/01/2022 như sau:
"Công ty TNHH Nông sản Đồi Thông phải nộp 18.400.000 đồng (Mười tám triệu bốn trăm nghìn đồng) án phí kinh doanh thương mại sơ thẩm."
Người phải thi hành án: Công ty TNHH Nông sản Đồi Thông; địa chỉ: số 8 đường Trần Phú, phường 1, thành phố Bảo Lộc, tỉnh Lâm Đồng.
Điều 2. Các nội dung khác của Quyết định thi hành án số 41/QĐ-CCTHADS ngày 10/01/2022 giữ nguyên.
Điều 3. Chấp hành viên Phan Quốc Huy, người phải thi hành án và các cơ quan, tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này./.

Nơi nhận:                                               KT. CHI CỤC TRƯỞNG
- Như Điều 3;                                           PHÓ CHI CỤC TRƯỞNG
- Lưu: VT, HSTHA.
                                                        Ngô Thanh Sơn
"""
)

EXECUTE_2026 = (
    HEAD_2026.format(
        number="2210/QĐ-THADS", date="14 tháng 8 năm 2026", subject="Về việc thi hành án chủ động"
    )
    + """Căn cứ điểm a khoản 2 Điều 22 và khoản 2 Điều 33 Luật Thi hành án dân sự năm 2025;
Căn cứ Điều 8 và Điều 12 Nghị định số 152/2026/NĐ-CP ngày 13/5/2026 của Chính phủ;
Căn cứ Bản án hình sự sơ thẩm số 45/2026/HS-ST ngày 15/6/2026 của Tòa án nhân dân khu vực 3 - Lâm Đồng,

                                    QUYẾT ĐỊNH:

Điều 1. Cho thi hành án đối với: anh Hầu A Sử, sinh năm 1996; số định danh cá nhân 068096001122; nơi cư trú: thôn 3, xã Đạ Tẻh, tỉnh Lâm Đồng.
Các khoản phải thi hành:
1. Nộp 200.000 đồng án phí hình sự sơ thẩm;
2. Nộp 1.500.000 đồng án phí dân sự sơ thẩm;
3. Nộp phạt 10.000.000 đồng (Mười triệu đồng) sung ngân sách Nhà nước.
Điều 2. Thời hạn tự nguyện thi hành án là 10 ngày kể từ ngày người phải thi hành án được thông báo hợp lệ Quyết định này.
Điều 3. Chấp hành viên Lương Thị Bích, người phải thi hành án và các cơ quan, tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này./.

Nơi nhận:                                               TRƯỞNG
- Như Điều 3;                                           (Đã ký)
                                                        Cao Văn Lực
"""
)

SUSPEND = (
    HEAD_2024.format(
        number="301/QĐ-CCTHADS", date="05 tháng 4 năm 2024", subject="V/v tạm đình chỉ thi hành án"
    )
    + """Căn cứ khoản 1 Điều 23, điểm a khoản 1 Điều 49 Luật Thi hành án dân sự năm 2008 (được sửa đổi, bổ sung năm 2014);
Căn cứ Bản án dân sự phúc thẩm số 52/2023/DS-PT ngày 18/12/2023 của Tòa án nhân dân tỉnh Lâm Đồng;
Căn cứ Quyết định thi hành án số 210/QĐ-CCTHADS ngày 25/01/2024 của Chi cục trưởng Chi cục Thi hành án dân sự thành phố Bảo Lộc;
Căn cứ Quyết định kháng nghị giám đốc thẩm số 12/QĐKNGĐT-VC3-DS ngày 28/3/2024 của Viện trưởng Viện kiểm sát nhân dân cấp cao tại Thành phố Hồ Chí Minh,

                                    QUYẾT ĐỊNH:

Điều 1. Tạm đình chỉ thi hành án đối với khoản: bà Tôn Nữ Minh Châu phải giao trả cho ông Lê Khắc Vĩnh số tiền 620.000.000 đồng.
Người phải thi hành án: bà Tôn Nữ Minh Châu; địa chỉ: số 4 đường Hà Giang, phường 2, thành phố Bảo Lộc, tỉnh Lâm Đồng.
Người được thi hành án: ông Lê Khắc Vĩnh; địa chỉ: số 19 đường Lam Sơn, phường Lộc Phát, thành phố Bảo Lộc, tỉnh Lâm Đồng.
Điều 2. Chấp hành viên Phạm Thị Thanh Thảo, người phải thi hành án, người được thi hành án chịu trách nhiệm thi hành Quyết định này./.

Nơi nhận:                                               CHI CỤC TRƯỞNG
                                                        Đỗ Văn Hải
"""
)

LETTER = """Kính gửi: Ban Giám đốc Công ty TNHH Thương mại Hoa Sen

Chúng tôi xin thông báo lịch giao hàng tháng 5 như sau: đợt 1 ngày 05/5, đợt 2 ngày 20/5.
Mọi thắc mắc xin liên hệ phòng kinh doanh. Trân trọng cảm ơn.

Người gửi
Trần Thu Trang
"""
