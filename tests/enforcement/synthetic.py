"""Generated enforcement decisions: `make(seed)` writes a decision text from invented parameters and
returns the fields a correct reader must find (from those parameters, never from a corpus gold).

Layout and phrasing follow shared/domain/decision-forms.md and enforcement-law.md: the three eras of
agencies (Chi cục THADS before 1 July 2025, the provincial Thi hành án dân sự from then, Law
106/2025 from 1 July 2026), every decision type, and the variation of a real archive (Điều numbering,
bullets, amounts in digits with "đ"/"đồng"/"triệu đồng", judgment citations, honorifics, companies
with representatives, "địa chỉ hiện nay", CCCD/CMND/mã số doanh nghiệp, deputy signers, periods in
words). People, numbers and places are invented.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import get_args

from docproc.schema import DecisionType

SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"]
MIDDLE_M = ["Văn", "Hữu", "Đức", "Minh", "Quang", "Công", "Thanh"]
MIDDLE_F = ["Thị", "Thị Thu", "Thị Hồng", "Ngọc", "Thị Kim"]
GIVEN_M = ["Hùng", "Dũng", "Toàn", "Phúc", "Lâm", "Khải", "Thắng", "Tài", "Sơn", "Bình"]
GIVEN_F = ["Lan", "Hoa", "Hằng", "Nga", "Trang", "Thảo", "Yến", "Loan", "Mai", "Hương"]
PLACES = [  # (province, district, commune, kind of district)
    ("Thanh Hóa", "Nông Cống", "Trường Sơn", "huyện"),
    ("Quảng Nam", "Điện Bàn", "Điện Phước", "thị xã"),
    ("Đồng Nai", "Long Thành", "Bình Sơn", "huyện"),
    ("Hải Dương", "Kinh Môn", "Hiệp Sơn", "thị xã"),
    ("Bình Định", "Tuy Phước", "Phước Lộc", "huyện"),
    ("Phú Thọ", "Việt Trì", "Gia Cẩm", "thành phố"),
    ("Kiên Giang", "Châu Thành", "Minh Lương", "huyện"),
    ("Thái Bình", "Vũ Thư", "Tân Lập", "huyện"),
]
COMPANIES = [
    "Công ty TNHH Thương mại Hải Đăng",
    "Công ty cổ phần Xây dựng Phú An",
    "Công ty TNHH MTV Vận tải Tân Hòa",
]
BANKS = ["Ngân hàng Thương mại cổ phần Kỹ Nghệ", "Ngân hàng Nông nghiệp và Phát triển Nông thôn Việt Nam"]
UNITS = ["", "không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]
ROW_LABEL = {"fine": "Tiền phạt", "confiscation": "Tịch thu sung ngân sách Nhà nước"}
# every decision type of the contract but the catch-all
TYPES = [t for t in get_args(DecisionType) if t != "other"]


@dataclass
class Party:
    name: str
    role: str
    honorific: str = ""
    birth_year: int | None = None
    id_number: str | None = None
    address: str = ""
    org: bool = False
    rep: str | None = None

    def cite(self) -> str:
        return f"{self.honorific} {self.name}".strip()


@dataclass
class Item:
    kind: str
    amount: int | None
    obligors: list[str]
    obligees: list[str]
    text: str


@dataclass
class Sample:
    text: str
    enforcement: dict
    parties: list[Party]
    items: list[Item]
    assets: list[tuple[str, str]] = field(default_factory=list)  # (kind, identifier)


def words(n: int) -> str:
    """Vietnamese reading of an amount in đồng (sentence case), enough for the figures used here."""

    def three(x: int, full: bool) -> str:
        h, t, u = x // 100, x // 10 % 10, x % 10
        out = []
        if full or h:
            out += [UNITS[h + 1] if h else "không", "trăm"]
        if t > 1:
            out += [UNITS[t + 1], "mươi"]
            if u == 1:
                out.append("mốt")
            elif u == 5:
                out.append("lăm")
            elif u:
                out.append(UNITS[u + 1])
        elif t == 1:
            out.append("mười")
            if u:
                out.append("lăm" if u == 5 else UNITS[u + 1])
        elif u:
            if out:
                out.append("lẻ")
            out.append(UNITS[u + 1])
        return " ".join(out)

    parts, scale, first = [], ["", "nghìn", "triệu", "tỷ"], True
    groups = []
    while n:
        groups.append(n % 1000)
        n //= 1000
    for i in range(len(groups) - 1, -1, -1):
        if groups[i]:
            parts.append((three(groups[i], not first) + " " + scale[i]).strip())
            first = False
    s = " ".join(parts) + " đồng"
    return s[0].upper() + s[1:]


def money(r: random.Random, n: int) -> str:
    """An amount as a real archive writes it."""
    dotted = f"{n:,}".replace(",", ".")
    style = r.choice(["đồng", "đồng_words", "đ", "đồng_words", "triệu"])
    if style == "triệu" and n % 1_000_000 == 0:
        return f"{n // 1_000_000} triệu đồng"
    if style == "đ":
        return f"{dotted}đ"
    if style == "đồng":
        return f"{dotted} đồng"
    return f"{dotted} đồng ({words(n)})"


def person(r: random.Random, role: str, place: tuple, year: int) -> Party:
    female = r.random() < 0.5
    name = " ".join(
        [
            r.choice(SURNAMES),
            r.choice(MIDDLE_F if female else MIDDLE_M),
            r.choice(GIVEN_F if female else GIVEN_M),
        ]
    )
    hon = r.choice(["Bà", "Chị"] if female else ["Ông", "Anh"])
    idn = r.choice([None, "0" + "".join(r.choice("0123456789") for _ in range(11)), None, None])
    if idn is None and r.random() < 0.2:
        idn = "".join(r.choice("0123456789") for _ in range(9))  # an old CMND
    addr = f"thôn {r.randint(1, 9)}, xã {place[2]}, {place[3]} {place[1]}, tỉnh {place[0]}"
    return Party(name, role, hon, r.randint(1960, 1998), idn, addr)


def company(r: random.Random, role: str, name: str, place: tuple) -> Party:
    rep = " ".join([r.choice(SURNAMES), r.choice(MIDDLE_M), r.choice(GIVEN_M)])
    addr = f"số {r.randint(2, 200)} đường Trần Phú, {place[3]} {place[1]}, tỉnh {place[0]}"
    mst = "".join(r.choice("0123456789") for _ in range(10))
    return Party(name, role, "", None, mst, addr, org=True, rep=rep)


def describe(r: random.Random, p: Party, label: str, year_kw: bool = True) -> str:
    """A party line: 'Người phải thi hành án: Ông X, sinh năm ..., CCCD số ..., địa chỉ ...'."""
    bits = [p.cite().replace("Ông", r.choice(["Ông", "ông"]), 1) if not p.org else p.name]
    if p.org:
        if p.id_number:
            bits.append(f"mã số doanh nghiệp {p.id_number}")
        bits.append(f"địa chỉ trụ sở: {p.address}")
        bits.append(f"người đại diện theo pháp luật: ông {p.rep} - Giám đốc")
    else:
        if p.birth_year and year_kw:
            if r.random() < 0.25:
                bits.append(f"sinh ngày {r.randint(1, 28):02d}/{r.randint(1, 12):02d}/{p.birth_year}")
            else:
                bits.append(f"sinh năm {p.birth_year}")
        if p.id_number:
            lab = (
                ["CMND số"]
                if len(p.id_number) == 9
                else ["CCCD số", "Căn cước công dân số", "số định danh cá nhân"]
            )
            bits.append(f"{r.choice(lab)} {p.id_number}")
        if r.random() < 0.3:
            bits.append(f"địa chỉ theo bản án: xóm {r.randint(1, 9)}, xã Cũ, huyện Cũ")
            bits.append(f"địa chỉ hiện nay: {p.address}")
        else:
            bits.append(f"địa chỉ: {p.address}")
    return f"{label}: " + "; ".join(bits) + "."


def _date(r: random.Random, year: int, lo: int = 1, hi: int = 12) -> tuple[int, int, int]:
    return year, r.randint(lo, hi), r.randint(1, 28)


def iso(d: tuple[int, int, int]) -> str:
    return f"{d[0]:04d}-{d[1]:02d}-{d[2]:02d}"


def slash(r: random.Random, d: tuple[int, int, int]) -> str:
    return r.choice(
        [f"{d[2]:02d}/{d[1]:02d}/{d[0]}", f"{d[2]}/{d[1]}/{d[0]}", f"{d[2]:02d}-{d[1]:02d}-{d[0]}"]
    )


def make(seed: int, dtype: str | None = None) -> Sample:  # noqa: C901 - one decision, written top to bottom
    r = random.Random(seed)
    dtype = dtype or TYPES[seed % len(TYPES)]
    era = r.choice(["chi_cuc", "cuc", "province25", "province26"])
    place = r.choice(PLACES)
    prov, dist, _, dkind = place
    if era in ("chi_cuc", "cuc"):
        date = _date(r, r.choice([2022, 2023, 2024]))
    elif era == "province25":
        date = _date(r, 2025, 7, 12) if r.random() < 0.5 else _date(r, 2026, 1, 6)
    else:
        date = _date(r, r.choice([2026, 2027]), 7 if True else 1, 12)
    new_law = date >= (2026, 7, 1)
    num = r.randint(12, 2400)
    if era == "chi_cuc":
        agency = f"Chi cục Thi hành án dân sự {dkind} {dist}"
        parent = f"Cục Thi hành án dân sự tỉnh {prov}"
        head = r.choice(
            [
                f"CỤC THI HÀNH ÁN DÂN SỰ TỈNH {prov.upper()}\nCHI CỤC THI HÀNH ÁN DÂN SỰ\n{dkind.upper()} {dist.upper()}",
                f"CỤC THADS TỈNH {prov.upper()}\nCHI CỤC THADS {dkind.upper()} {dist.upper()}",
            ]
        )
        number, chief = f"{num}/QĐ-CCTHADS", "Chi cục trưởng"
        authority = f"CHI CỤC TRƯỞNG CHI CỤC THI HÀNH ÁN DÂN SỰ {dkind.upper()} {dist.upper()}"
        town = dist
    elif era == "cuc":
        agency, parent = f"Cục Thi hành án dân sự tỉnh {prov}", "Tổng cục Thi hành án dân sự"
        head = f"TỔNG CỤC THI HÀNH ÁN DÂN SỰ\nCỤC THI HÀNH ÁN DÂN SỰ\nTỈNH {prov.upper()}"
        number, chief = f"{num}/QĐ-CTHADS", "Cục trưởng"
        authority = f"CỤC TRƯỞNG CỤC THI HÀNH ÁN DÂN SỰ TỈNH {prov.upper()}"
        town = prov
    else:
        agency, parent = f"Thi hành án dân sự tỉnh {prov}", "Cục Quản lý thi hành án dân sự"
        head = f"CỤC QUẢN LÝ THI HÀNH ÁN DÂN SỰ\nTHI HÀNH ÁN DÂN SỰ TỈNH {prov.upper()}"
        number, chief = f"{num}/QĐ-THADS", "Trưởng"
        authority = f"TRƯỞNG THI HÀNH ÁN DÂN SỰ TỈNH {prov.upper()}"
        town = prov
    deputy = r.random() < 0.5
    executor_sign = dtype == "coercion" and r.random() < 0.4
    signer = " ".join([r.choice(SURNAMES), r.choice(MIDDLE_M + MIDDLE_F), r.choice(GIVEN_M + GIVEN_F)])
    executor = " ".join([r.choice(SURNAMES), r.choice(MIDDLE_F), r.choice(GIVEN_F)])
    if executor_sign:
        executor = signer
        title = "Chấp hành viên"
        authority = "CHẤP HÀNH VIÊN"
        sig = "CHẤP HÀNH VIÊN"
    elif deputy:
        title = "Phó " + chief
        sig = f"KT. {chief.upper()}\n{title.upper()}"
    else:
        title, sig = chief, chief.upper()

    # the judgment
    jyear = date[0] - r.choice([0, 1])
    jdate = _date(r, jyear, 1, date[1] if jyear == date[0] else 12)
    if date >= (2025, 7, 1) and jdate >= (2025, 7, 1):
        court = f"Tòa án nhân dân khu vực {r.randint(1, 12)} - {prov}"
    else:
        court = f"Tòa án nhân dân {dkind} {dist}, tỉnh {prov}"
    # parties and items
    obligor = (
        company(r, "obligor", r.choice(COMPANIES), place)
        if r.random() < 0.25
        else person(r, "obligor", place, jyear)
    )
    obligee = (
        company(r, "obligee", r.choice(BANKS), place)
        if r.random() < 0.25
        else person(r, "obligee", place, jyear)
    )
    while obligee.name == obligor.name:  # two people, two names
        obligee = person(r, "obligee", place, jyear)
    if dtype == "execute_ex_officio":
        field_ = r.choice(["HS", "DS"])
        code = {"HS": "HS-ST", "DS": "DS-ST"}[field_]
    else:
        field_ = r.choice(["DS", "KDTM", "HNGĐ", "QĐ"])
        code = {"DS": "DS-ST", "KDTM": "KDTM-ST", "HNGĐ": "HNGĐ-ST", "QĐ": "QĐST-DS"}[field_]
    jnum = f"{r.randint(3, 250)}/{jyear}/{code}"
    jd = f"ngày {slash(r, jdate)}" if r.random() < 0.7 else f"ngày {jdate[2]} tháng {jdate[1]} năm {jdate[0]}"
    label = {
        "HS": "Bản án hình sự sơ thẩm",
        "DS": "Bản án dân sự sơ thẩm",
        "KDTM": "Bản án kinh doanh thương mại sơ thẩm",
        "HNGĐ": "Bản án hôn nhân và gia đình sơ thẩm",
        "QĐ": "Quyết định công nhận sự thỏa thuận của các đương sự",
    }[field_]
    jcite = f"{r.choice([label, label.split(' sơ thẩm')[0]])} số {jnum} {jd} của {court}"
    judgment = {"number": jnum, "date": iso(jdate), "court": court}
    if field_ in ("DS", "KDTM") and r.random() < 0.35:  # appeal over first instance
        pnum = f"{r.randint(3, 150)}/{date[0]}/{code.replace('ST', 'PT')}"
        pdate = _date(r, date[0], 1, max(1, date[1] - 1))
        pcourt = f"Tòa án nhân dân tỉnh {prov}" if pdate < (2025, 7, 1) else f"Tòa án nhân dân tỉnh {prov}"
        pjd = f"ngày {slash(r, pdate)}"
        jcite = f"Bản án phúc thẩm số {pnum} {pjd} của {pcourt} và Bản án sơ thẩm số {jnum} {jd} của {court}"
        judgment = {"number": pnum, "date": iso(pdate), "court": pcourt}
    if dtype == "terminate" and jdate < (2025, 1, 1) and r.random() < 0.4:
        gnum = f"{r.randint(3, 90)}/{date[0]}/DS-GĐT"
        gdate = _date(r, date[0], 1, max(1, date[1] - 1))
        gcourt = r.choice(["Tòa án nhân dân cấp cao tại Hà Nội", "Tòa án nhân dân cấp cao tại Đà Nẵng"])
        jcite += f"; Căn cứ Quyết định giám đốc thẩm số {gnum} ngày {slash(r, gdate)} của {gcourt} hủy bản án nêu trên"
        judgment = {"number": gnum, "date": iso(gdate), "court": gcourt}
    items: list[Item] = []
    assets: list[tuple[str, str]] = []
    if dtype == "execute_ex_officio":
        fee = r.choice([200_000, 300_000, 150_000, 2_500_000])
        kind_label = "Án phí hình sự sơ thẩm" if field_ == "HS" else "Án phí dân sự sơ thẩm"
        items.append(Item("court_fee", fee, [obligor.name], [], kind_label))
        if field_ == "HS" and r.random() < 0.6:
            fine = r.choice([5_000_000, 10_000_000, 20_000_000])
            items.append(Item("fine", fine, [obligor.name], [], "Phạt tiền"))
        if field_ == "HS" and r.random() < 0.3:
            items.append(
                Item("confiscation", r.choice([3_000_000, 8_500_000]), [obligor.name], [], "Tịch thu")
            )
        if field_ == "DS" and r.random() < 0.4:
            items.append(
                Item(
                    "court_fee", r.choice([300_000, 1_000_000]), [obligor.name], [], "Án phí dân sự phúc thẩm"
                )
            )
        if field_ == "DS" and r.random() < 0.3:  # the advance the party paid, returned by the State
            items.append(Item("refund", r.choice([300_000, 625_000]), ["STATE"], [obligor.name], "Trả lại"))
        obligee = None
    elif field_ == "HNGĐ" and not obligor.org and not obligee.org and r.random() < 0.6:
        items.append(
            Item(
                "pay_money",
                r.choice([1_500_000, 2_000_000, 3_000_000]),
                [obligor.name],
                [obligee.name],
                "cấp dưỡng",
            )
        )
    elif dtype == "execute_on_request" and field_ == "DS" and not obligee.org and r.random() < 0.3:
        items.append(Item("deliver_asset", None, [obligor.name], [obligee.name], "giao xe"))
    else:
        amt = r.choice([45_000_000, 120_500_000, 7_800_000, 350_000_000, 1_250_000_000])
        items.append(Item("pay_money", amt, [obligor.name], [obligee.name], "trả"))
        if dtype == "execute_on_request" and r.random() < 0.3:
            items.append(
                Item("pay_money", r.choice([2_000_000, 3_500_000]), [obligor.name], [obligee.name], "chi phí")
            )
    obligee2 = None
    if dtype == "execute_on_request" and not obligee.org and r.random() < 0.25:
        obligee2 = person(r, "obligee", place, jyear)
        items.append(
            Item("pay_money", r.choice([15_000_000, 60_000_000]), [obligor.name], [obligee2.name], "trả")
        )
    co_obligor = None
    if dtype == "execute_on_request" and not obligor.org and r.random() < 0.4:
        co_obligor = person(r, "obligor", place, jyear)
        for it in items:
            it.obligors.append(co_obligor.name)
    parties = [p for p in (obligor, co_obligor, obligee, obligee2) if p is not None]
    table = dtype == "execute_ex_officio" and r.random() < 0.4 and all(it.kind != "refund" for it in items)

    def item_line(it: Item, bullet: str) -> str:
        if it.kind == "court_fee":
            m = r.choice(["label", "verb", "label_la"])
            if m == "label":
                return f"{bullet}{it.text}: {money(r, it.amount)}"
            if m == "label_la":
                return f"{bullet}{it.text} là {money(r, it.amount)}"
            return f"{bullet}Nộp {it.text[0].lower() + it.text[1:]} {money(r, it.amount)}"
        if it.kind == "fine":
            return f"{bullet}Phạt tiền {money(r, it.amount)} để sung vào ngân sách Nhà nước"
        if it.kind == "confiscation":
            return f"{bullet}Tịch thu sung vào ngân sách Nhà nước số tiền {money(r, it.amount)} do phạm tội mà có"
        if it.kind == "refund":
            return (
                f"{bullet}Trả lại cho {obligor.cite() if not obligor.org else obligor.name} số tiền tạm ứng án phí "
                f"{money(r, it.amount)} đã nộp theo biên lai thu số {r.randint(1000, 9999):07d}"
            )
        ob = next(p for p in parties if p.name == it.obligees[0])
        if it.text == "cấp dưỡng":
            return (
                f"{bullet}Cấp dưỡng nuôi con chung cho {ob.cite()} mỗi tháng {money(r, it.amount)}, kể từ tháng "
                f"{jdate[1]}/{jdate[0]} cho đến khi con chung đủ 18 tuổi"
            )
        if it.text == "giao xe":  # a delivered asset is an asset too (GUIDELINES: assets_delivered)
            plate = f"{r.randint(11, 99)}{r.choice('BDFGK')}1-{r.randint(100, 999)}.{r.randint(10, 99)}"
            assets.append(("vehicle", plate))
            return f"{bullet}Giao trả cho {ob.cite()} 01 xe mô tô nhãn hiệu Honda Wave, biển số {plate}"
        if it.text == "chi phí":
            return f"{bullet}Trả cho {ob.cite()} chi phí xem xét, thẩm định tại chỗ {money(r, it.amount)}"
        verb = r.choice(["Trả cho", "Phải trả cho", "Thanh toán cho"])
        if co_obligor is not None:
            verb = f"{obligor.cite()} và {co_obligor.cite()} có nghĩa vụ liên đới trả cho"
        return f"{bullet}{verb} {ob.cite()} số tiền {money(r, it.amount)}"

    bullet = r.choice(["- ", "+ ", "a) ", "", "1. "])
    lines = []
    for i, it in enumerate(items):
        b = bullet
        if bullet == "a) ":
            b = f"{'abc'[i]}) "
        elif bullet == "1. ":
            b = f"{i + 1}. "
        lines.append(item_line(it, b) + ".")
    if dtype == "execute_on_request" and r.random() < 0.4:
        plate = f"{r.randint(11, 99)}{r.choice('ABCDEH')}-{r.randint(100, 999)}.{r.randint(10, 99)}"
        assets.append(("vehicle", plate))
        lines.append(
            "Trường hợp người phải thi hành án không trả hoặc trả không đủ thì xử lý tài sản bảo đảm là "
            f"xe ô tô nhãn hiệu TOYOTA, biển kiểm soát {plate}, thuộc sở hữu của "
            f"{obligor.cite() if not obligor.org else obligor.name} để thi hành án."
        )
    if dtype == "execute_on_request" and r.random() < 0.4:
        lines.append(
            "Kể từ ngày có đơn yêu cầu thi hành án, nếu người phải thi hành án chậm trả thì còn phải chịu "
            "khoản tiền lãi của số tiền còn phải thi hành án theo mức lãi suất quy định tại khoản 2 Điều 468 "
            "Bộ luật Dân sự năm 2015."
        )
    items_block = "\n".join(lines)
    if table:  # a table as its text reaches the reader: one row a line, cells apart
        rows = [
            f"{i + 1}{' ' * r.randint(1, 6)}{ROW_LABEL.get(it.kind, it.text)}"
            f"{' ' * r.randint(1, 12)}{money(r, it.amount).split(' (')[0]}"
            for i, it in enumerate(items)
        ]
        items_block = "STT   Khoản phải thi hành          Số tiền\n" + "\n".join(rows)

    art = r.choice(["Điều {}.", "Điều {}:", "Điều {}."])
    law_cite = (
        r.choice(["Luật Thi hành án dân sự số 106/2025/QH15", "Luật Thi hành án dân sự năm 2025"])
        if new_law
        else r.choice(
            [
                "Luật Thi hành án dân sự năm 2008 (được sửa đổi, bổ sung năm 2014, năm 2022)",
                "Luật Thi hành án dân sự năm 2008, được sửa đổi, bổ sung năm 2014",
                "Luật Thi hành án dân sự số 26/2008/QH12 được sửa đổi, bổ sung năm 2014",
                "Luật Thi hành án dân sự ngày 14 tháng 11 năm 2008, được sửa đổi, bổ sung năm 2014, năm 2022",
                "Luật Thi hành án dân sự (sửa đổi, bổ sung năm 2014)",
            ]
        )
    )
    law, decree = ("106/2025/QH15", "152/2026/NĐ-CP") if new_law else ("26/2008/QH12", "62/2015/NĐ-CP")
    if not new_law and r.random() < 0.3:
        decree_cite = None
        decree = None
    elif new_law:
        decree_cite = "Nghị định số 152/2026/NĐ-CP ngày 20/5/2026 của Chính phủ"
    else:
        decree_cite = r.choice(
            [
                "Nghị định số 62/2015/NĐ-CP ngày 18/7/2015 của Chính phủ",
                "Nghị định số 62/2015/NĐ-CP ngày 18/7/2015 của Chính phủ, được sửa đổi, bổ sung bởi Nghị định số 33/2020/NĐ-CP",
            ]
        )
    article = {
        "execute_on_request": "Điều 23, Điều 35, Điều 36",
        "execute_ex_officio": "Điều 23, khoản 2 Điều 36",
        "coercion": "Điều 20, Điều 71",
        "postpone": "Điều 48",
        "suspend": "Điều 49",
        "resume": "Điều 49",
        "terminate": "Điều 50",
        "not_enforceable": "Điều 44a",
        "entrust": "Điều 55, Điều 56",
        "revoke_or_amend": "Điều 37",
    }[dtype]
    basis = [f"Căn cứ {article} {law_cite};"]
    if decree_cite:
        basis.append(f"Căn cứ {decree_cite};")
    basis.append(f"Căn cứ {jcite};")
    request_date = prior = receiving = None
    deadline = None
    if dtype == "execute_on_request":
        rq = _date(r, date[0], 1, date[1]) if date[1] > 1 else date
        rq = min(rq, date)
        request_date = iso(rq)
        basis.append(
            r.choice(
                [
                    f"Xét đơn yêu cầu thi hành án ngày {slash(r, rq)} của {obligee.cite()},",
                    f"Căn cứ đơn yêu cầu thi hành án của {obligee.cite()} đề ngày {rq[2]} tháng {rq[1]} năm {rq[0]},",
                ]
            )
        )
    else:
        pnum_ = r.randint(10, 900)
        suffix = number.split("/", 1)[1]
        pd = (
            _date(r, date[0] if date[1] > 1 else date[0] - 1, 1, max(1, date[1] - 1))
            if dtype != "execute_ex_officio"
            else None
        )
        if pd:
            prior = {"number": f"{pnum_}/{suffix}", "date": iso(pd)}
            basis.append(
                f"Căn cứ Quyết định thi hành án số {pnum_}/{suffix} ngày {slash(r, pd)} của {chief} {agency};"
            )
    subjects = {
        "execute_on_request": r.choice(["Về việc thi hành án theo yêu cầu", "V/v thi hành án theo yêu cầu"]),
        "execute_ex_officio": r.choice(["Về việc thi hành án chủ động", "Thi hành án chủ động"]),
        "coercion": "",
        "postpone": "Về việc hoãn thi hành án",
        "suspend": "Về việc tạm đình chỉ thi hành án",
        "resume": "Về việc tiếp tục thi hành án",
        "terminate": "Về việc đình chỉ thi hành án",
        "not_enforceable": "Về việc chưa có điều kiện thi hành án",
        "entrust": "Về việc ủy thác thi hành án",
        "revoke_or_amend": r.choice(
            ["Về việc sửa đổi, bổ sung quyết định về thi hành án", "Về việc thu hồi quyết định thi hành án"]
        ),
    }
    coercion = None
    if dtype == "coercion":
        coercion = r.choice(["kê biên", "khấu trừ", "thu nhập"])
        subjects["coercion"] = {
            "kê biên": "Về việc cưỡng chế kê biên quyền sử dụng đất",
            "khấu trừ": "Về việc cưỡng chế khấu trừ tiền trong tài khoản",
            "thu nhập": "Về việc cưỡng chế trừ vào thu nhập của người phải thi hành án",
        }[coercion]
    subject = subjects[dtype]
    d1 = art.format(1)
    ob_line = describe(r, obligor, "Người phải thi hành án")
    oe_line = describe(r, obligee, "Người được thi hành án") if obligee else ""
    if obligee2 is not None:
        oe_line += "\n" + describe(r, obligee2, "Người được thi hành án")
    words_days = r.choice(["10 (mười) ngày", "10 ngày", "mười ngày"])
    if dtype in ("execute_on_request", "execute_ex_officio"):
        deadline = 10
        body = (
            f"{d1} Cho thi hành án đối với: {obligor.cite() if not obligor.org else obligor.name}"
            + (f" và {co_obligor.cite()}" if co_obligor else "")
            + ".\n"
            + ob_line
            + "\n"
            + (describe(r, co_obligor, "Người phải thi hành án") + "\n" if co_obligor else "")
            + r.choice(
                ["Khoản phải thi hành:", "Các khoản phải thi hành như sau:", "Nội dung phải thi hành:"]
            )
            + "\n"
            + items_block
            + ("\n" + oe_line if oe_line else "")
            + f"\n{art.format(2)} Người phải thi hành án có thời hạn {words_days}, kể từ ngày nhận được hoặc được thông báo hợp lệ Quyết định này để tự nguyện thi hành án. Hết thời hạn trên mà không tự nguyện thi hành thì bị cưỡng chế thi hành án."
        )
    elif dtype == "coercion":
        it = items[0]
        if coercion == "kê biên":
            plot, sheet = str(r.randint(10, 900)), str(r.randint(1, 60))
            cert = f"{r.choice(['CS', 'BX', 'DA'])} {r.randint(100000, 999999)}"
            assets.append(("land_use_right", cert))
            action = (
                f"Kê biên quyền sử dụng đất tại thửa đất số {plot}, tờ bản đồ số {sheet}, diện tích {r.randint(80, 400)} m2, "
                f"tại xã {place[2]}, {dkind} {dist}, tỉnh {prov}, theo Giấy chứng nhận quyền sử dụng đất số {cert} "
                f"mang tên {obligor.cite() if not obligor.org else obligor.name}"
            )
            if not obligor.org and r.random() < 0.5:
                spouse = person(r, "related_party", place, jyear)
                parties.append(spouse)
                action += f" và {spouse.cite()}"
                oe_line += "\n" + describe(r, spouse, "Người có quyền lợi, nghĩa vụ liên quan")
        elif coercion == "khấu trừ":
            acct = "".join(r.choice("0123456789") for _ in range(13))
            assets.append(("deposit", obligor.name))
            action = (
                f"Khấu trừ số tiền {money(r, it.amount)} trong tài khoản số {acct} của "
                f"{obligor.cite() if not obligor.org else obligor.name} tại {r.choice(BANKS)} - Chi nhánh {prov}"
            )
        else:
            pct = r.choice([20, 25, 30])
            action = (
                f"Trừ vào thu nhập (tiền lương) hằng tháng của {obligor.cite()} tại Công ty TNHH May Sông Hồng, "
                f"mỗi tháng {pct}% tiền lương cho đến khi thi hành xong số tiền {money(r, it.amount)}"
            )
        body = (
            f"{d1} Cưỡng chế thi hành án đối với: {obligor.cite() if not obligor.org else obligor.name}.\n{ob_line}\n"
            f"Biện pháp cưỡng chế: {action}, để đảm bảo thi hành khoản: trả cho {obligee.cite()} số tiền {money(r, it.amount)}.\n"
            f"{oe_line}\n{art.format(2)} {r.choice(['Giao', 'Phân công', ''])} Chấp hành viên {executor} tổ chức thực hiện việc cưỡng chế theo quy định của pháp luật.".replace(
                "  ", " "
            )
        )
    else:
        verb = {
            "postpone": f"Hoãn thi hành án trong thời hạn 03 tháng đối với {obligor.cite() if not obligor.org else obligor.name}",
            "suspend": "Tạm đình chỉ thi hành án đối với khoản",
            "resume": "Tiếp tục thi hành án đối với khoản",
            "terminate": "Đình chỉ thi hành án đối với khoản",
            "not_enforceable": "Xác định người phải thi hành án chưa có điều kiện thi hành đối với khoản",
            "entrust": "",
            "revoke_or_amend": "Sửa đổi Điều 1 Quyết định thi hành án nêu trên như sau: khoản phải thi hành là",
        }[dtype]
        if dtype == "entrust":
            dist2 = r.choice([p for p in PLACES if p[0] != prov])
            receiving = (
                f"Chi cục Thi hành án dân sự {dist2[3]} {dist2[1]}, tỉnh {dist2[0]}"
                if era == "chi_cuc"
                else f"Thi hành án dân sự tỉnh {dist2[0]}"
            )
            verb = f"Ủy thác cho {receiving} tổ chức thi hành khoản"
        it = items[0]
        what = (
            f"{obligor.cite() if not obligor.org else obligor.name} phải trả cho {obligee.cite()} số tiền {money(r, it.amount)}"
            if it.kind == "pay_money"
            else f"{it.text}: {money(r, it.amount)}"
        )
        body = (
            f"{d1} {verb}: {what}.\n{ob_line}\n"
            + (oe_line + "\n" if oe_line else "")
            + f"{art.format(2)} Quyết định này có hiệu lực kể từ ngày ký."
        )
        if dtype in ("postpone", "revoke_or_amend") and r.random() < 0.3:  # the decision acted on, no item
            act = "Hoãn thi hành" if dtype == "postpone" else "Thu hồi"
            body = (
                f"{d1} {act} Quyết định thi hành án số {prior['number']} ngày {slash(r, tuple(map(int, prior['date'].split('-'))))} "
                f"của {chief} {agency} đối với {obligor.cite() if not obligor.org else obligor.name}.\n{ob_line}\n"
                + (oe_line + "\n" if oe_line else "")
                + f"{art.format(2)} Quyết định này có hiệu lực kể từ ngày ký."
            )
            items.clear()
    closing = (
        f"{art.format(3)} Chấp hành viên {executor}, người phải thi hành án, người được thi hành án và các cơ quan, "
        "tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này./."
    )
    if era in ("province25", "province26") and r.random() < 0.5:
        closing = closing.replace(
            f"{executor},", f"{executor} (Phòng Thi hành án dân sự khu vực {r.randint(1, 9)}),"
        )
    date_line = f"{town}, ngày {date[2]:02d} tháng {date[1]} năm {date[0]}"
    head_lines = head.split("\n")
    nat = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", ""]
    header = "\n".join(
        f"{h:<48}{n}".rstrip() for h, n in zip(head_lines + [""] * 3, nat + [""] * 3, strict=False) if h or n
    )
    sig_lines = sig.split("\n")
    text = (
        f"{header}\n\nSố:{r.choice([' ', '   '])}{number.replace('/', r.choice(['/', ' /', '  /']))}{' ' * 20}{date_line}\n\n{' ' * 37}QUYẾT ĐỊNH\n"
        + (f"{' ' * 26}{subject}\n" if subject else f"{' ' * 26}Về việc cưỡng chế thi hành án\n")
        + f"\n{' ' * 13}{authority}\n\n"
        + "\n".join(basis)
        + "\n\n"
        + f"{' ' * 36}QUYẾT ĐỊNH:\n\n"
        + body
        + "\n"
        + closing
        + "\n\nNơi nhận:"
        + " " * 47
        + sig_lines[0]
        + "\n- Như Điều 3;"
        + " " * 43
        + (sig_lines[1] if len(sig_lines) > 1 else "")
        + f"\n- Viện KSND {dkind} {dist};\n- Lưu: VT, HSTHA.{' ' * 39}(Đã ký)\n\n{' ' * 56}{signer}\n"
    )
    enf = {
        "agency": agency,
        "parent_agency": parent,
        "number": number,
        "date": iso(date),
        "decision_type": dtype,
        "legal_basis_law": law,
        "legal_basis_decree": decree,
        "judgment.number": judgment["number"],
        "judgment.date": judgment["date"],
        "judgment.court": judgment["court"],
        "prior_decision.number": prior["number"] if prior else None,
        "prior_decision.date": prior["date"] if prior else None,
        "request_date": request_date,
        "executor": executor,
        "signer": signer,
        "signer_title": title,
        "deadline_days": deadline,
        "receiving_agency": receiving,
    }
    return Sample(text, enf, parties, items, assets)
