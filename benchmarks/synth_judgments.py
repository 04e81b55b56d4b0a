"""New judgments the rules have never seen, written from parameters, with the gold the generator knows.

    python benchmarks/synth_judgments.py [--n 60] [--seed 1300] [--show-errors] [--out DIR]

Why: the dev figures are near perfect, so what is left is the variation real courts add. This writes
whole judgments (header, parties, reasoning, operative part) from ../shared/eval/GUIDELINES.md,
../shared/domain (operative-part phrasing, fees) and general Vietnamese, never from ../shared/corpus:
names from docproc/text/data/surnames.json (public surname lists) and the short list of common given
names below (general knowledge), provinces from docproc/text/data/provinces.json, communes and
companies invented. What varies is what courts vary: header layouts (court name split over lines or
columns, post-2025 regional courts, high courts), party lists (bullets, two parties joined by "và",
former names "(nay là ...)", "cùng trú tại", representatives by authorisation, organisations with a
legal representative), orders without "Buộc", appeals that amend, criminal civil liability and
exhibits, security links in credit and criminal judgments, assets of many kinds, amounts written in
words first. Each document's gold is what the generator wrote, scored like score.py (its `facts`).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from docproc.text import amount_to_words  # noqa: E402

FACTS = ("parties", "money", "amounts", "court_fees", "assets", "security")
CASE_FIELDS = ("number", "date", "type_code", "instance", "court")

# Common Vietnamese middle and given names (general knowledge, not from the corpus).
MIDDLE_M = ("Văn", "Đức", "Hữu", "Minh", "Quốc", "Công", "Thành", "Trọng", "Xuân", "Đình")
MIDDLE_F = ("Thị", "Ngọc", "Thu", "Kim", "Thanh", "Mỹ", "Bích", "Hồng", "Thùy", "Phương")
GIVEN_M = (
    "Hùng",
    "Dũng",
    "Tuấn",
    "Long",
    "Nam",
    "Phong",
    "Sơn",
    "Thắng",
    "Khoa",
    "Lộc",
    "Tài",
    "Hiếu",
    "Cường",
    "Đạt",
    "Kiên",
    "Quân",
    "Vinh",
    "Toàn",
    "Hải",
    "Bình",
    "Thịnh",
    "Trung",
    "Nghĩa",
    "Lâm",
)
GIVEN_F = (
    "Lan",
    "Hoa",
    "Hương",
    "Mai",
    "Nga",
    "Hạnh",
    "Yến",
    "Trang",
    "Thảo",
    "Linh",
    "Nhung",
    "Huyền",
    "Loan",
    "Dung",
    "Oanh",
    "Tâm",
    "Vân",
    "Xuân",
    "Liên",
    "Châu",
    "Diệp",
    "Quyên",
    "Ngân",
    "Thư",
)
COMMUNES = (
    "Tân Lập",
    "Hòa Bình",
    "Quang Trung",
    "Đông Hưng",
    "Phú Lộc",
    "An Thạnh",
    "Thạnh Mỹ",
    "Hưng Đạo",
    "Yên Lạc",
    "Bình Minh",
    "Tiên Phong",
    "Hợp Tiến",
    "Trung Sơn",
    "Đồng Tâm",
    "Nghĩa Phú",
)
TRADE = ("Thương mại và Dịch vụ", "Xây dựng", "Vận tải", "Đầu tư Phát triển", "Sản xuất", "Thủy sản")
BRAND = (
    "Hưng Phát",
    "Minh Quang",
    "Đại Lộc",
    "Thành Công",
    "Phúc An",
    "Tân Tiến",
    "Việt Hà",
    "Sao Mai",
    "Nam Việt",
    "Hoàng Long",
    "Bảo Tín",
    "Kim Ngân",
)
BANK = ("Phương Đông Mới", "Sông Hồng", "Đại Phát", "Hưng Thịnh", "Bắc Á Mới", "Đông Dương", "Sài Thành")
DISTRICTS = ("Yên Thành", "Tân Châu", "Đức Phổ", "Thanh Liêm", "Phú Tân", "Krông Pắc", "Hòa Vang")
HIGH = ("Hà Nội", "Đà Nẵng", "Thành phố Hồ Chí Minh")


def _load_provinces() -> list[str]:
    data = json.loads((ROOT / "docproc/text/data/provinces.json").read_text(encoding="utf-8"))
    return [p for p in data["current"] if p not in ("Hà Nội", "Huế", "Hải Phòng", "Đà Nẵng", "Cần Thơ")]


def _load_surnames() -> list[str]:
    data = json.loads((ROOT / "docproc/text/data/surnames.json").read_text(encoding="utf-8"))
    return list(data["surnames"][:60])


def cap(s: str) -> str:
    """Upper-case the first letter only (str.capitalize would lower a name's other capitals)."""
    return s[:1].upper() + s[1:]


def dots(n: int) -> str:
    return f"{n:,}".replace(",", ".")


@dataclass
class Person:
    pid: str
    name: str
    role: str
    hon: str  # "ông" / "bà" / "" for organisations
    short: str  # how later text calls them
    org: bool = False


@dataclass
class Synth:
    """One generated document: its text and the gold the generator knows."""

    name: str
    family: str
    text: str
    gold: dict
    variants: list[str] = field(default_factory=list)


class Gen:
    """Writes one document from a random stream; every choice is recorded in `variants`."""

    def __init__(self, rng: random.Random) -> None:
        self.r = rng
        self.provinces = _load_provinces()
        self.surnames = _load_surnames()
        self.used: set[str] = set()
        self.parties: list[Person] = []
        self.assets: list[dict] = []
        self.obligations: list[dict] = []
        self.variants: list[str] = []

    # -- small pieces ----------------------------------------------------------------------------
    def pick(self, seq, tag: str | None = None):  # noqa: ANN001, ANN201
        v = self.r.choice(seq)
        if tag:
            self.variants.append(f"{tag}={v}")
        return v

    def chance(self, p: float, tag: str) -> bool:
        v = self.r.random() < p
        if v:
            self.variants.append(tag)
        return v

    def person_name(self, female: bool) -> tuple[str, str]:
        for _ in range(50):
            sur = self.r.choice(self.surnames)
            mid = self.r.choice(MIDDLE_F if female else MIDDLE_M)
            given = self.r.choice(GIVEN_F if female else GIVEN_M)
            if given in self.used:
                continue
            self.used.add(given)
            if self.r.random() < 0.25:  # anonymised the way published judgments are
                given_initial = given[0]
                if given_initial in self.used:
                    continue
                self.used.add(given_initial)
                return f"{sur} {mid} {given_initial}", given_initial
            return f"{sur} {mid} {given}", given
        raise RuntimeError("names exhausted")

    def add_person(self, role: str, female: bool | None = None) -> Person:
        female = self.r.random() < 0.5 if female is None else female
        name, given = self.person_name(female)
        young = self.r.random() < 0.3
        hon = ("chị" if female else "anh") if young else ("bà" if female else "ông")
        if young:
            self.variants.append("hon:anh_chi")
        p = Person(f"P{len(self.parties) + 1}", name, role, hon, f"{hon} {given}")
        self.parties.append(p)
        return p

    def add_org(self, role: str, kind: str) -> Person:
        if kind == "bank":
            brand = self.r.choice(BANK)
            name = f"Ngân hàng Thương mại cổ phần {brand}"
            short = "Ngân hàng"
            if self.chance(0.4, "bank:abbreviation"):
                # "(gọi tắt là PĐMBank)" in the parties list, the abbreviation later
                short = "".join(w[0] for w in brand.split()) + "Bank"
        else:
            form = self.r.choice(("Công ty TNHH", "Công ty cổ phần"))
            brand = self.r.choice(BRAND)
            name = f"{form} {self.r.choice(TRADE)} {brand}"
            short = f"Công ty {brand}"
        p = Person(f"P{len(self.parties) + 1}", name, role, "", short, org=True)
        self.parties.append(p)
        return p

    def address(self, prov: str) -> str:
        c = self.r.choice(COMMUNES)
        return self.r.choice(
            (
                f"Thôn {self.r.randint(1, 12)}, xã {c}, tỉnh {prov}",
                f"Số {self.r.randint(2, 199)} đường {self.r.choice(COMMUNES)}, phường {c}, tỉnh {prov}",
                f"Tổ dân phố {self.r.randint(1, 9)}, phường {c}, tỉnh {prov}",
            )
        )

    def amount(self, lo: int, hi: int, step: int = 1000) -> int:
        return self.r.randrange(lo // step, hi // step) * step

    def money(self, n: int, tag: str = "amount") -> str:
        """An amount as courts write it: digits, digits with words, words first, "triệu đồng"."""
        style = self.r.choice(
            ("digits", "digits_words", "words_first", "words_first", "million", "dong_d", "comma", "space")
        )
        self.variants.append(f"{tag}:{style}")
        words = amount_to_words(n).removesuffix(" đồng").strip()
        words = words[0].upper() + words[1:]
        if style == "digits":
            return f"{dots(n)} đồng"
        if style == "digits_words":
            return f"{dots(n)} đồng ({words} đồng)"
        if style == "words_first":
            return f"{words} đồng ({dots(n)} đồng)"
        if style == "million" and n % 100_000 == 0 and n < 10_000_000_000:
            m = n / 1_000_000
            txt = f"{m:,.1f}".rstrip("0").rstrip(".").replace(",", "X").replace(".", ",").replace("X", ".")
            return f"{txt} triệu đồng"
        if style == "comma":
            return f"{n:,} đồng"
        if style == "space":
            return f"{n:,} đồng".replace(",", " ")
        return f"{dots(n)}đ"

    def ref(self, p: Person) -> str:
        """A later mention: full name with honorific, or the short form."""
        if p.org:
            return self.r.choice((p.name, p.short))
        return self.r.choice((f"{p.hon} {p.name}", f"{p.hon} {p.name}", p.short))

    def full(self, p: Person) -> str:
        return p.name if p.org else f"{p.hon} {p.name}"

    def ob(
        self,
        kind: str,
        obligors: list[Person] | list[str],
        obligees: list[Person] | list[str],
        amount: int | None,
        secured: list[str] | None = None,
    ) -> dict:
        def ids(xs):  # noqa: ANN001, ANN202
            return [x if isinstance(x, str) else x.pid for x in xs]

        o = {
            "id": f"O{len(self.obligations) + 1}",
            "kind": kind,
            "obligors": ids(obligors),
            "obligees": ids(obligees),
            "amount_vnd": amount,
            "secured_by": list(secured or []),
        }
        self.obligations.append(o)
        return o

    def asset(self, kind: str, owners: list[Person], **ident: str) -> dict:
        a = {"id": f"A{len(self.assets) + 1}", "kind": kind, "owners": [p.pid for p in owners], **ident}
        self.assets.append(a)
        return a

    # -- header ----------------------------------------------------------------------------------
    def court(self, instance: str, when: int) -> tuple[list[str], str, str]:
        """Left-column header lines, the NHÂN DANH line, and the gold court name."""
        prov = self.r.choice(self.provinces)
        if instance in ("GĐT", "TT"):
            if self.chance(0.4, "court:supreme"):
                gold = "Tòa án nhân dân tối cao"
                return (
                    ["TÒA ÁN NHÂN DÂN TỐI CAO", "HỘI ĐỒNG THẨM PHÁN"],
                    "HỘI ĐỒNG THẨM PHÁN\n" + gold.upper(),
                    gold,
                )
            city = self.pick(HIGH, "court:high")
            gold = f"Tòa án nhân dân cấp cao tại {city}"
            left = self.r.choice(
                (
                    ["TÒA ÁN NHÂN DÂN CẤP CAO", f"TẠI {city.upper()}"],
                    ["TÒA ÁN NHÂN DÂN", f"CẤP CAO TẠI {city.upper()}"],
                )
            )
            return left, "ỦY BAN THẨM PHÁN\n" + gold.upper(), gold
        if instance == "PT" and self.r.random() < 0.4:
            city = self.pick(HIGH, "court:high")
            gold = f"Tòa án nhân dân cấp cao tại {city}"
            left = self.r.choice(
                (
                    ["TÒA ÁN NHÂN DÂN CẤP CAO", f"TẠI {city.upper()}"],
                    ["TÒA ÁN NHÂN DÂN", f"CẤP CAO TẠI {city.upper()}"],
                )
            )
            return left, gold.upper(), gold
        if instance == "PT" or (when < 2025 and self.r.random() < 0.3):
            gold = f"Tòa án nhân dân tỉnh {prov}"
            self.variants.append("court:province")
            left = self.r.choice(
                (["TÒA ÁN NHÂN DÂN", f"TỈNH {prov.upper()}"], [f"TÒA ÁN NHÂN DÂN TỈNH {prov.upper()}"])
            )
            return left, gold.upper(), gold
        if when >= 2025:
            n = self.r.randint(1, 12)
            gold = f"Tòa án nhân dân khu vực {n} - {prov}"
            self.variants.append("court:regional")
            left = self.r.choice(
                (
                    ["TÒA ÁN NHÂN DÂN", f"KHU VỰC {n} - {prov.upper()}"],
                    [f"TÒA ÁN NHÂN DÂN KHU VỰC {n}", prov.upper()],
                    [f"TÒA ÁN NHÂN DÂN KHU VỰC {n} - {prov.upper()}"],
                )
            )
            return left, gold.upper(), gold
        d = self.r.choice(DISTRICTS)
        unit = self.pick(("huyện", "huyện", "thành phố", "thị xã", "quận"), "court:district")
        gold = f"Tòa án nhân dân {unit} {d}, tỉnh {prov}"
        left = self.r.choice(
            (
                [f"TÒA ÁN NHÂN DÂN {unit.upper()} {d.upper()}", f"TỈNH {prov.upper()}"],
                ["TÒA ÁN NHÂN DÂN", f"{unit.upper()} {d.upper()}", f"TỈNH {prov.upper()}"],
            )
        )
        return left, gold.upper(), gold

    def header(self, code: str, instance: str, subject: str, title: str) -> tuple[str, dict]:
        year = self.r.choice((2019, 2021, 2023, 2024, 2025, 2026))
        left, nhan_danh, court = self.court(instance, year)
        month, day = self.r.randint(1, 12), self.r.randint(1, 28)
        num = f"{self.r.randint(1, 420):02d}/{year}/{code}-{instance}"
        right = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
        lines = []
        width = max(len(x) for x in left) + self.r.randint(4, 14)
        for i in range(max(len(left), len(right))):
            a = left[i] if i < len(left) else ""
            b = right[i] if i < len(right) else ""
            lines.append((a.center(width) if self.r.random() < 0.5 else a.ljust(width)) + b)
        date_line = self.pick(
            (
                f"Ngày: {day:02d} - {month} - {year}",
                f"Ngày {day:02d}/{month:02d}/{year}",
                f"Ngày {day} tháng {month} năm {year}",
            ),
            "date_style",
        )
        spaced = num.replace("/", " /", 1) if self.chance(0.2, "num:spaced") else num
        num_line = self.pick((f"Bản án số: {spaced}", f"Số: {spaced}", f"Bản án số {spaced}"), "num_style")
        if instance in ("GĐT", "TT"):
            title_word = "GIÁM ĐỐC THẨM" if instance == "GĐT" else "TÁI THẨM"
            num_line = f"QUYẾT ĐỊNH {title_word}\nSố: {spaced}"
        layout = self.pick(("two_columns", "two_columns", "published_title"), "layout")
        if layout == "published_title":
            # a published judgment page: its title line, then the court on one line, then the text
            head = (
                f"BẢN ÁN {num} NGÀY {day:02d}/{month:02d}/{year} VỀ {subject.upper()}\n\n{court.upper()}\n\n"
                f"- Thành phần Hội đồng xét xử {({'ST': 'sơ thẩm', 'PT': 'phúc thẩm', 'TT': 'tái thẩm'}).get(instance, 'giám đốc thẩm')} "
                "gồm có:\n"
            )
        else:
            head = "\n".join(lines) + f"\n\n{num_line}\n{date_line}\nV/v {subject}\n\nNHÂN DANH\n"
            head += f"NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n{nhan_danh}\n\n"
        inst_word = {"ST": "sơ thẩm", "PT": "phúc thẩm", "GĐT": "giám đốc thẩm", "TT": "tái thẩm"}[instance]
        head += f"Thành phần Hội đồng xét xử {inst_word} gồm có:\nThẩm phán - Chủ tọa phiên tòa: Ông Lưu Quang Tiến.\n"
        head += f"Thư ký phiên tòa: Bà Tạ Thị Kim Thoa - Thư ký {court}.\n\n"
        head += (
            f"Ngày {day} tháng {month} năm {year}, tại trụ sở {court} xét xử {inst_word} công khai {title} "
            f'thụ lý số {self.r.randint(10, 900)}/{year}/TL{instance}-{code} về "{subject}", giữa:\n\n'
        )
        case = {
            "court": court,
            "number": num,
            "date": f"{year}-{month:02d}-{day:02d}",
            "type_code": code.replace("Đ", "D"),
            "instance": instance.replace("Đ", "D"),
            "subject": subject,
        }
        return head, case

    # -- parties ---------------------------------------------------------------------------------
    def party_block(self, label: str, people: list[Person], prov: str, n: int) -> str:
        bullet = self.r.choice((f"{n}. ", "- ", "* ", ""))
        if len(people) == 2 and not any(p.org for p in people) and self.r.random() < 0.6:
            self.variants.append("parties:va")
            a, b = people
            addr = self.address(prov)
            return (
                f"{bullet}{label}: {a.hon.capitalize()} {a.name}, sinh năm {self.r.randint(1950, 1995)} và "
                f"{b.hon} {b.name}, sinh năm {self.r.randint(1950, 1995)}; cùng trú tại: {addr}. Có mặt.\n"
            )
        out = [f"{bullet}{label}:"]
        for i, p in enumerate(people):
            sub = (
                f"{n}.{i + 1}. "
                if len(people) > 1 and bullet == f"{n}. "
                else ("+ " if len(people) > 1 else "")
            )
            if p.org:
                former = ""
                if self.chance(0.3, "parties:nay_la"):
                    former = f" (trước đây là {p.name.replace(self.r.choice(BRAND + BANK), 'Phú Quý', 1)})"
                    former = self.r.choice((former, f" (nay là {p.name} - chi nhánh {prov})"))
                    if "nay là" in former:
                        # "(nay là ...)": the printed name is the one the document uses; keep it.
                        pass
                rep, _ = self.person_name(self.r.random() < 0.5)
                auth, _ = self.person_name(self.r.random() < 0.5)
                if p.short.endswith("Bank"):
                    former += self.r.choice((f" (gọi tắt là {p.short})", f" (sau đây viết tắt là {p.short})"))
                line = (
                    f"{sub}{p.name}{former}; địa chỉ trụ sở: {self.address(prov)}.\n"
                    f"Người đại diện theo pháp luật: Ông {rep} - Tổng giám đốc.\n"
                    f"Người đại diện theo ủy quyền: Bà {auth} - Chuyên viên (Giấy ủy quyền số "
                    f"{self.r.randint(10, 99)}/UQ ngày 12/3/2024). Có mặt."
                )
                out.append(line if not sub else line)
            else:
                line = (
                    f"{sub}{p.hon.capitalize()} {p.name}, sinh năm {self.r.randint(1955, 1998)}; "
                    f"địa chỉ: {self.address(prov)}. " + self.r.choice(("Có mặt.", "Vắng mặt.", "(có mặt)"))
                )
                if self.chance(0.25, "parties:rep_authorised"):
                    rep, _ = self.person_name(self.r.random() < 0.5)
                    line += self.r.choice(
                        (
                            f"\nNgười đại diện theo ủy quyền của {p.hon} {p.name.split()[-1]}: Ông {rep}, sinh năm "
                            f"1980 (Văn bản ủy quyền ngày 05/6/2024). Có mặt.",
                            f" Người đại diện theo ủy quyền: Ông {rep} (theo văn bản ủy quyền ngày 05/6/2024).",
                        )
                    )
                if self.chance(0.15, "parties:lawyer"):
                    law, _ = self.person_name(self.r.random() < 0.5)
                    line += (
                        f"\nNgười bảo vệ quyền và lợi ích hợp pháp của {p.hon} {p.name.split()[-1]}: Luật sư {law} - "
                        f"Văn phòng luật sư {self.r.choice(BRAND)}, Đoàn luật sư tỉnh {prov}."
                    )
                out.append(line)
        if len(people) > 1 and self.chance(0.3, "parties:cung_dia_chi"):
            out.append(f"Cùng địa chỉ: {self.address(prov)}.")
        sep = "\n" if self.r.random() < 0.7 or len(people) > 1 else " "
        return out[0] + sep + "\n".join(out[1:]) + "\n"

    # -- families --------------------------------------------------------------------------------
    def land(self, owners: list[Person], prov: str) -> tuple[str, dict]:
        plot, sheet = str(self.r.randint(12, 900)), str(self.r.randint(1, 60))
        cert = f"{self.r.choice(('BK', 'CH', 'AB', 'CS', 'DK', 'BT'))} {self.r.randint(100000, 999999)}"
        area = f"{self.r.randint(60, 900)},{self.r.randint(1, 9)}"
        holders = " và ".join(self.full(p) for p in owners)
        style = self.r.choice(("cert", "plot_only", "cert"))
        self.variants.append(f"land:{style}")
        if style == "plot_only":
            text = (
                f"quyền sử dụng đất tại thửa đất số {plot}, tờ bản đồ số {sheet}, diện tích {area} m2, tại xã "
                f"{self.r.choice(COMMUNES)}, tỉnh {prov} đứng tên {holders}"
            )
            return text, self.asset("land_use_right", owners, plot_number=plot, map_sheet=sheet)
        text = (
            f"quyền sử dụng đất và tài sản gắn liền với đất tại thửa đất số {plot}, tờ bản đồ số {sheet}, diện tích "
            f"{area} m2, địa chỉ xã {self.r.choice(COMMUNES)}, tỉnh {prov} theo Giấy chứng nhận quyền sử dụng đất "
            f"số {cert} do Ủy ban nhân dân huyện {self.r.choice(DISTRICTS)} cấp ngày 0{self.r.randint(1, 9)}/"
            f"0{self.r.randint(1, 9)}/20{self.r.randint(10, 19)} mang tên {holders}"
        )
        return text, self.asset("land_use_right", owners, certificate=cert, plot_number=plot, map_sheet=sheet)

    def movable(self, owner: Person) -> tuple[str, dict]:
        kind = self.pick(("vehicle", "vessel", "machinery", "deposit", "savings", "shares"), "asset")
        who = self.full(owner)
        if kind == "vehicle":
            plate = f"{self.r.randint(11, 99)}{self.r.choice('ABCDFGHK')}-{self.r.randint(100, 999)}.{self.r.randint(10, 99)}"
            t = f"xe ô tô nhãn hiệu Toyota Vios, biển kiểm soát {plate}, đứng tên {who}"
            return t, self.asset("vehicle", [owner], plate=plate)
        if kind == "vessel":
            reg = f"{self.r.choice(('KG', 'BTh', 'QNg', 'NA', 'BĐ'))}-{self.r.randint(90000, 99999)}-TS"
            t = f"tàu cá vỏ thép số đăng ký {reg}, công suất {self.r.randint(300, 900)} CV của {who}"
            return t, self.asset("vessel", [owner], plate=reg)
        if kind == "machinery":
            t = (
                f"01 máy xúc đào bánh xích nhãn hiệu Komatsu PC200, số máy {self.r.randint(10000, 99999)} "
                f"thuộc sở hữu của {who}"
            )
            return t, self.asset("machinery", [owner])
        if kind == "deposit":
            t = (
                f"số dư tài khoản số {self.r.randint(10**9, 10**10)} của {who} mở tại Ngân hàng Thương mại cổ phần "
                f"{self.r.choice(BANK)}"
            )
            return t, self.asset("deposit", [owner])
        if kind == "savings":
            t = f"sổ tiết kiệm số {self.r.randint(10**6, 10**7)} đứng tên {who}"
            return t, self.asset("deposit", [owner])
        n = self.r.randint(5, 90) * 1000
        if self.chance(0.5, "shares:custody"):
            words = amount_to_words(n).removesuffix(" đồng").strip()
            t = (
                f"{dots(n)} ({words}) cổ phiếu mã chứng khoán {self.r.choice(('HPX', 'MQG', 'TTA'))} của Công ty cổ phần "
                f"{self.r.choice(BRAND)} thuộc sở hữu của {who}, lưu ký tại tài khoản số {self.r.randint(100, 999)}C"
                f"{self.r.randint(100000, 999999)} mở tại Công ty cổ phần Chứng khoán {self.r.choice(BANK)}"
            )
        else:
            t = f"{dots(n)} cổ phần của {who} tại Công ty cổ phần {self.r.choice(BRAND)}"
        return t, self.asset("shares", [owner])

    def fees_line(self, payer: Person, amount: int, label: str) -> str:
        self.ob("court_fee", [payer], ["STATE"], amount)
        return self.r.choice(
            (
                f"{cap(self.ref(payer))} phải chịu {self.money(amount, 'fee')} {label}.",
                f"{cap(self.ref(payer))} phải nộp {label} là {self.money(amount, 'fee')}.",
            )
        )

    def credit(self) -> Synth:
        instance = self.pick(("ST", "ST", "PT"), "instance")
        code = self.pick(("KDTM", "DS"), "code")
        subject = "Tranh chấp hợp đồng tín dụng"
        head, case = self.header(code, instance, subject, "vụ án kinh doanh thương mại")
        prov = self.r.choice(self.provinces)
        bank = self.add_org("plaintiff", "bank")
        if self.chance(0.4, "debtor:company"):
            debtors = [self.add_org("defendant", "company")]
        else:
            h = self.add_person("defendant", False)
            w = self.add_person("defendant", True)
            debtors = [h, w]
        third = [self.add_person("related_party")] if self.chance(0.5, "third_party_mortgagor") else []
        parties = self.party_block("Nguyên đơn", [bank], prov, 1) + self.party_block(
            "Bị đơn", debtors, prov, 2
        )
        if third:
            parties += self.party_block("Người có quyền lợi, nghĩa vụ liên quan", third, prov, 3)
        owners = third or ([debtors[0]] if debtors[0].org else debtors)
        collateral = []
        t, a = self.land(owners, prov)
        collateral.append((t, a))
        if self.chance(0.6, "second_collateral"):
            collateral.append(self.movable(owners[0]))
        principal = self.amount(200_000_000, 3_000_000_000, 1_000_000)
        i1, i2 = self.amount(5_000_000, 300_000_000), self.amount(1_000_000, 80_000_000)
        total = principal + i1 + i2
        ids = [a["id"] for _, a in collateral]
        obligors = debtors
        names = " và ".join(self.ref(p) for p in obligors)
        liable = " liên đới" if len(obligors) > 1 else ""
        verb = self.pick(("buoc", "co_nghia_vu", "chap_nhan_phai_tra", "thanh_toan"), "order")
        money = self.money(total, "debt")
        parts = (
            f", trong đó: nợ gốc {dots(principal)} đồng; nợ lãi trong hạn {dots(i1)} đồng; nợ lãi quá hạn "
            f"{dots(i2)} đồng"
        )
        if self.chance(0.3, "credit:two_contracts"):
            c1 = self.amount(50_000_000, total - 10_000_000, 1_000)
            c2 = total - c1
            parts = (
                f", trong đó: theo Hợp đồng tín dụng số {self.r.randint(10, 99)}/2019/HĐTD là {dots(c1)} đồng; theo Hợp "
                f"đồng tín dụng số {self.r.randint(10, 99)}/2020/HĐTD là {dots(c2)} đồng"
            )
        if verb == "buoc":
            order = f"Buộc {names}{liable} phải trả cho {self.ref(bank)} tổng số tiền {money}{parts}."
        elif verb == "co_nghia_vu":
            order = f"{names[0].upper() + names[1:]} có nghĩa vụ{liable} thanh toán cho {self.ref(bank)} số tiền {money}{parts}."
        elif verb == "chap_nhan_phai_tra":
            order = (
                f"Chấp nhận yêu cầu khởi kiện của {bank.name}. {names[0].upper() + names[1:]} phải{liable} trả "
                f"cho {self.ref(bank)} số tiền {money}{parts}."
            )
        else:
            order = (
                f"{names[0].upper() + names[1:]} phải{liable} thanh toán cho {self.ref(bank)} {money}{parts}."
            )
        self.ob("pay_money", obligors, [bank], total, ids)
        contract = f"{self.r.randint(10, 999)}/{self.r.randint(2015, 2022)}/HĐTC"
        sec_style = self.pick(("hdtc", "ke_bien", "yeu_cau_thads", "phat_mai"), "security")
        listed = "; ".join(t for t, _ in collateral)
        if sec_style == "hdtc":
            sec = (
                f"Trường hợp {names} không trả được nợ hoặc trả không đầy đủ thì {self.ref(bank)} có quyền yêu "
                f"cầu cơ quan thi hành án dân sự có thẩm quyền xử lý tài sản bảo đảm theo Hợp đồng thế chấp số "
                f"{contract} ngày 10/5/2019, gồm: {listed} để thu hồi nợ."
            )
        elif sec_style == "ke_bien":
            sec = f"Nếu {names} không trả được nợ thì {self.ref(bank)} được quyền đề nghị kê biên, phát mại tài sản thế chấp là {listed} để thu hồi nợ."
        elif sec_style == "yeu_cau_thads":
            sec = (
                f"Trường hợp {names} không thực hiện nghĩa vụ trả nợ, {self.ref(bank)} được quyền yêu cầu cơ quan "
                f"thi hành án xử lý tài sản thế chấp là {listed} để bảo đảm thi hành án."
            )
        else:
            sec = f"Nếu không trả được nợ thì tài sản thế chấp là {listed} sẽ bị phát mại để thu hồi nợ cho {self.ref(bank)}."
        ops = []
        if instance == "PT":
            ops.append(
                f"Chấp nhận một phần kháng cáo của {self.full(debtors[0])}. Sửa bản án sơ thẩm số "
                f"{self.r.randint(1, 99)}/{int(case['date'][:4]) - 1}/{code}-ST như sau:"
            )
        ops.append(order)
        ops.append(
            "Kể từ ngày tiếp theo của ngày xét xử sơ thẩm, bên phải thi hành án còn phải tiếp tục chịu khoản tiền "
            "lãi quá hạn của số tiền nợ gốc chưa thanh toán theo mức lãi suất các bên thỏa thuận trong hợp đồng tín dụng."
        )
        ops.append(sec)
        fee = self.amount(5_000_000, 90_000_000)
        fee_lines = [self.fees_line(debtors[0], fee, "án phí kinh doanh thương mại sơ thẩm")]
        refund = self.amount(2_000_000, 40_000_000)
        self.ob("refund", ["STATE"], [bank], refund)
        fee_lines.append(
            f"Hoàn trả cho {self.ref(bank)} số tiền tạm ứng án phí {dots(refund)} đồng đã nộp theo biên lai thu số "
            f"00{self.r.randint(1000, 9999)}."
        )
        if instance == "PT":
            fee_lines.append(f"{cap(self.full(debtors[0]))} không phải chịu án phí phúc thẩm.")
        reasoning = (
            f"Ngày 15/3/2018, {bank.name} và bên vay ký hợp đồng tín dụng, số tiền vay {dots(principal + 100_000_000)} "
            "đồng. Bên vay vi phạm nghĩa vụ trả nợ."
        )
        if instance == "PT":
            old = self.amount(300_000_000, 4_000_000_000, 1_000_000)
            reasoning += (
                f" Bản án sơ thẩm đã tuyên: Buộc {self.full(debtors[0])} phải trả cho {bank.name} số tiền {dots(old)} "
                "đồng. Bị đơn kháng cáo."
            )
        return self.finish("credit", head, case, parties, reasoning, ops, fee_lines)

    def criminal(self) -> Synth:
        instance = self.pick(("ST", "ST", "PT"), "instance")
        subject = self.r.choice(
            ("Lừa đảo chiếm đoạt tài sản", "Cố ý gây thương tích", "Lạm dụng tín nhiệm chiếm đoạt tài sản")
        )
        head, case = self.header("HS", instance, subject, "vụ án hình sự")
        head = head.replace(f' về "{subject}", giữa:', " đối với các bị cáo:")
        prov = self.r.choice(self.provinces)
        accused = [self.add_person("accused", False)]
        if self.chance(0.5, "two_accused"):
            accused.append(self.add_person("accused"))
        victims = [self.add_person("victim")]
        if self.chance(0.4, "victim_company"):
            victims.append(self.add_org("victim", "company"))
        if self.chance(0.3, "three_victims"):
            victims.append(self.add_person("victim"))
        parties = ""
        for i, a in enumerate(accused):
            parties += (
                f"{i + 1}. {a.name}, sinh năm {self.r.randint(1975, 2000)} tại tỉnh {prov}; nơi cư trú: "
                f"{self.address(prov)}; nghề nghiệp: lao động tự do. Có mặt.\n"
            )
        parties += "- Bị hại:\n" + "".join(
            f"+ {self.full(v)[0].upper() + self.full(v)[1:]}; địa chỉ: {self.address(prov)}. Có mặt.\n"
            for v in victims
        )
        ops = [
            f"Tuyên bố bị cáo {accused[0].name}"
            + (f" và {accused[1].name}" if len(accused) > 1 else "")
            + f' phạm tội "{subject}".',
            f"Xử phạt bị cáo {accused[0].name} {self.r.randint(2, 9)} năm tù.",
        ]
        if instance == "PT":
            ops = [
                f"Chấp nhận một phần kháng cáo của bị hại. Sửa bản án hình sự sơ thẩm số {self.r.randint(10, 300)}/"
                f"{int(case['date'][:4]) - 1}/HS-ST về phần trách nhiệm dân sự như sau:",
                *ops[1:],
            ]
        civil_head = self.pick(
            (
                "Về trách nhiệm dân sự:",
                "Về trách nhiệm dân sự: Căn cứ Điều 48 Bộ luật Hình sự,",
                "Về bồi thường thiệt hại:",
            ),
            "civil_head",
        )
        comp = []
        for v in victims:
            amt = self.amount(20_000_000, 900_000_000)
            who = accused if len(accused) == 1 or self.r.random() < 0.5 else [accused[0]]
            joint = " liên đới" if len(who) > 1 else ""
            names = " và ".join(f"bị cáo {a.name}" for a in who)
            style = self.pick(("buoc", "phai", "co_trach_nhiem", "ky_phan"), "comp_verb")
            if style == "ky_phan" and len(who) > 1:
                half = amt // 2 // 1000 * 1000
                amt = half * 2
                comp.append(
                    f"Các bị cáo {' và '.join(a.name for a in who)} liên đới bồi thường cho {self.ref(v)} tổng số tiền "
                    f"{self.money(amt, 'comp')}, chia theo kỷ phần mỗi bị cáo phải bồi thường {dots(half)} đồng."
                )
            elif style == "buoc" or style == "ky_phan":
                comp.append(
                    f"Buộc {names} phải{joint} bồi thường cho {self.ref(v)} số tiền {self.money(amt, 'comp')}."
                )
            elif style == "phai":
                comp.append(
                    f"{names[0].upper() + names[1:]} phải{joint} bồi thường cho bị hại {self.full(v)} {self.money(amt, 'comp')}."
                )
            else:
                comp.append(
                    f"{names[0].upper() + names[1:]} có trách nhiệm{joint} bồi thường cho {self.ref(v)} số tiền {self.money(amt, 'comp')}."
                )
            self.ob("pay_money", who, [v], amt)
        comp_obs = list(self.obligations)
        fine_ob = None
        if self.chance(0.6, "fine"):
            fine = self.amount(10_000_000, 100_000_000, 5_000_000)
            fine_ob = self.ob("fine", [accused[0]], ["STATE"], fine)
        # security: assets kept under seizure for the debtor's compensation (and maybe the fine)
        debtor = next(a for a in reversed(accused) if any(a.pid in o["obligors"] for o in comp_obs))
        held = [self.land([debtor], prov) if self.r.random() < 0.5 else self.movable(debtor)]
        if self.chance(0.3, "keep:two_assets"):
            held.append(self.movable(debtor))
        target = [o for o in comp_obs if debtor.pid in o["obligors"]]
        incl_fine = (
            fine_ob is not None and fine_ob["obligors"] == [debtor.pid] and self.chance(0.5, "secures_fine")
        )
        for o in target + ([fine_ob] if incl_fine else []):
            o["secured_by"].extend(a["id"] for _, a in held)
        keep = self.pick(("duy_tri_ke_bien", "tiep_tuc_ke_bien", "tam_giu", "phong_toa"), "keep")
        verb = {
            "duy_tri_ke_bien": "Tiếp tục duy trì biện pháp kê biên đối với",
            "tiep_tuc_ke_bien": "Tiếp tục kê biên",
            "tam_giu": "Tiếp tục tạm giữ",
            "phong_toa": "Tiếp tục duy trì lệnh phong tỏa đối với",
        }[keep]
        lettered = len(comp) > 1 and not incl_fine and self.chance(0.5, "civil:lettered")
        what = (
            "các khoản bồi thường"
            if lettered
            else "khoản bồi thường" + (" và tiền phạt" if incl_fine else "")
        )
        if lettered:
            letters = "abcdđeg"
            refs = [letters[comp_obs.index(o)] for o in target]
            what += " tại " + ("các điểm " + ", ".join(refs) if len(refs) > 1 else f"điểm {refs[0]}")
        if len(held) > 1:
            keep_line = (
                f"{verb} các tài sản sau để đảm bảo thi hành {what} của bị cáo {debtor.name}:\n"
                + ";\n".join(f"- {cap(t)}" for t, _ in held)
                + "."
            )
        else:
            keep_line = f"{verb} {held[0][0]} để đảm bảo thi hành {what} của bị cáo {debtor.name}."
        if lettered:
            items = [*comp, keep_line]
            ops.append(civil_head + "\n" + "\n".join(f"{'abcdđeg'[k]}) {x}" for k, x in enumerate(items)))
        else:
            ops.append(civil_head + " " + comp[0])
            ops.extend(comp[1:])
        if fine_ob is not None:
            ops.append(
                f"Về hình phạt bổ sung: Phạt bị cáo {accused[0].name} {self.money(fine_ob['amount_vnd'], 'fine')} "
                "sung ngân sách Nhà nước."
            )
        exhibit_lines = []
        if self.chance(0.5, "confiscate_vehicle"):
            plate = f"{self.r.randint(11, 99)}{self.r.choice('BCDFGH')}1-{self.r.randint(100, 999)}.{self.r.randint(10, 99)}"
            self.asset("vehicle", [accused[0]], plate=plate)
            self.ob("confiscation", [accused[0]], ["STATE"], None)
            exhibit_lines.append(
                f"Tịch thu sung ngân sách Nhà nước 01 xe mô tô biển kiểm soát {plate} của bị cáo {accused[0].name}."
            )
        if self.chance(0.5, "destroy_exhibits"):
            n1, n2 = self.r.randint(2, 60), self.r.randint(2, 60)
            w1, w2 = (amount_to_words(x).removesuffix(" đồng").strip() for x in (n1, n2))
            owner = accused[-1]
            self.asset("other", [owner])
            self.asset("other", [owner])
            self.ob("confiscation", [owner], ["STATE"], None)
            exhibit_lines.append(
                f"Tịch thu tiêu hủy {n1:02d} ({w1}) thẻ ngân hàng và {n2:02d} ({w2}) sim điện thoại thu giữ của "
                f"bị cáo {owner.name}."
            )
        if not lettered:
            exhibit_lines.append(keep_line)
        if exhibit_lines:
            head_word = self.pick(
                ("Về xử lý vật chứng:", "Về vật chứng và biện pháp bảo đảm thi hành án:"), "exhibit_head"
            )
            ops.append(head_word + " " + exhibit_lines[0])
            ops.extend(exhibit_lines[1:])
        fee_lines = []
        each = len(accused) > 1 and self.chance(0.4, "fees:moi_bi_cao")
        if each:
            for a in accused:
                self.ob("court_fee", [a], ["STATE"], 200_000)
            fee_lines.append("Mỗi bị cáo phải chịu 200.000 đồng án phí hình sự sơ thẩm.")
        for a in accused:
            civil = [o["amount_vnd"] // 20 // 1000 * 1000 for o in comp_obs if o["obligors"] == [a.pid]]
            if each:
                for x in civil:
                    fee_lines.append(self.fees_line(a, x, "án phí dân sự sơ thẩm"))
                continue
            if civil and self.chance(0.5, "fees:one_sentence"):
                self.ob("court_fee", [a], ["STATE"], 200_000)
                for x in civil:
                    self.ob("court_fee", [a], ["STATE"], x)
                parts = " và ".join(f"{self.money(x, 'fee')} án phí dân sự sơ thẩm" for x in civil)
                fee_lines.append(
                    f"Bị cáo {a.name} phải chịu {self.money(200_000, 'fee')} án phí hình sự sơ thẩm và {parts}."
                )
                continue
            fee_lines.append(self.fees_line(a, 200_000, "án phí hình sự sơ thẩm"))
            for x in civil:
                fee_lines.append(self.fees_line(a, x, "án phí dân sự sơ thẩm"))
        reasoning = f"Bị cáo đã chiếm đoạt của bị hại số tiền lớn. Quá trình điều tra đã kê biên tài sản của bị cáo {accused[-1].name}."
        if instance == "PT":
            # the first-instance orders quoted in the story are history, not orders (GUIDELINES)
            reasoning += (
                f" Bản án sơ thẩm đã tuyên: Buộc bị cáo {accused[0].name} phải bồi thường cho bị hại "
                f"{dots(self.amount(10_000_000, 90_000_000))} đồng; bị cáo phải chịu 200.000 đồng án phí hình sự sơ thẩm. "
                "Bị hại kháng cáo yêu cầu tăng mức bồi thường."
            )
        return self.finish("criminal", head, case, parties, reasoning, ops, fee_lines)

    def loan(self) -> Synth:
        subject = "Tranh chấp hợp đồng vay tài sản"
        head, case = self.header("DS", "ST", subject, "vụ án dân sự")
        prov = self.r.choice(self.provinces)
        lender = self.add_person("plaintiff")
        b1, b2 = self.add_person("defendant", False), self.add_person("defendant", True)
        parties = self.party_block("Nguyên đơn", [lender], prov, 1) + self.party_block(
            "Bị đơn", [b1, b2], prov, 2
        )
        amt = self.amount(50_000_000, 900_000_000, 1_000_000)
        style = self.pick(
            ("co_nghia_vu", "chap_nhan", "buoc_tra", "hoan_tra", "chi_tra", "tru_con", "vnd", "guarantor"),
            "order",
        )
        names = f"{self.ref(b1)} và {self.ref(b2)}"
        if style == "co_nghia_vu":
            order = f"{names[0].upper() + names[1:]} có nghĩa vụ liên đới trả cho {self.ref(lender)} số tiền {self.money(amt, 'loan')}."
        elif style == "chap_nhan":
            order = (
                f"Chấp nhận yêu cầu khởi kiện của {self.full(lender)}: {names} phải liên đới trả cho "
                f"{self.ref(lender)} {self.money(amt, 'loan')}."
            )
        elif style == "hoan_tra":
            order = f"{cap(names)} có nghĩa vụ liên đới hoàn trả cho {self.ref(lender)} số tiền {self.money(amt, 'loan')}."
        elif style == "chi_tra":
            order = f"{cap(names)} phải liên đới chi trả cho {self.ref(lender)} số tiền vay còn nợ là {self.money(amt, 'loan')}."
        elif style == "tru_con":
            paid = self.amount(5_000_000, 40_000_000, 1_000_000)
            order = (
                f"Buộc {names} liên đới trả cho {self.ref(lender)} số tiền {dots(amt + paid)} đồng, được trừ số tiền "
                f"{dots(paid)} đồng đã trả; {names} còn phải trả {self.money(amt, 'loan')}."
            )
        elif style == "vnd":
            order = f"Buộc {names} liên đới trả cho {self.ref(lender)} số tiền {dots(amt)} VNĐ."
        else:
            order = f"Buộc {names} liên đới trả cho {self.ref(lender)} số tiền nợ gốc và lãi là {self.money(amt, 'loan')}."
        secured = []
        ops = [order]
        if style == "guarantor":
            g = self.add_person("related_party")
            parties += self.party_block("Người có quyền lợi, nghĩa vụ liên quan", [g], prov, 3)
            cap_amt = amt // 2 // 1_000_000 * 1_000_000
            self.ob("pay_money", [g], [lender], cap_amt)
            ops.append(
                f"Trường hợp {names} không trả được nợ thì {self.ref(g)} (người bảo lãnh) có nghĩa vụ trả nợ thay "
                f"trong phạm vi bảo lãnh là {self.money(cap_amt, 'guarantee')}."
            )
        if self.chance(0.5, "loan_secured"):
            t, a = self.movable(b1) if self.r.random() < 0.5 else self.land([b1, b2], prov)
            secured = [a["id"]]
            ops.append(f"Tiếp tục duy trì biện pháp khẩn cấp tạm thời phong tỏa {t} để đảm bảo thi hành án.")
        self.ob("pay_money", [b1, b2], [lender], amt, secured)
        ops.append(
            "Kể từ ngày có đơn yêu cầu thi hành án của người được thi hành án cho đến khi thi hành án xong, "
            "bên phải thi hành án còn phải chịu khoản tiền lãi của số tiền còn phải thi hành án theo mức lãi "
            "suất quy định tại khoản 2 Điều 468 Bộ luật Dân sự năm 2015."
        )
        fee = max(300_000, amt // 20 // 1000 * 1000)
        fee_lines = [
            self.fees_line(b1, fee // 2, "án phí dân sự sơ thẩm"),
            self.fees_line(b2, fee // 2, "án phí dân sự sơ thẩm"),
        ]
        reasoning = f"Năm 2022 bị đơn vay của nguyên đơn {dots(amt + 20_000_000)} đồng, đã trả một phần."
        return self.finish("loan", head, case, parties, reasoning, ops, fee_lines)

    def family(self) -> Synth:
        """Divorce: child support, common property allocated (assets owned by who receives them), the
        difference paid, fees on each share."""
        instance = self.pick(("ST", "ST", "PT"), "instance")
        subject = "Ly hôn, tranh chấp nuôi con, chia tài sản chung khi ly hôn"
        head, case = self.header("HNGĐ", instance, subject, "vụ án hôn nhân và gia đình")
        prov = self.r.choice(self.provinces)
        wife = self.add_person("plaintiff", True)
        husband = self.add_person("defendant", False)
        parties = self.party_block("Nguyên đơn", [wife], prov, 1) + self.party_block(
            "Bị đơn", [husband], prov, 2
        )
        if self.chance(0.3, "family:related_bank"):
            bank = self.add_org("related_party", "bank")
            parties += self.party_block("Người có quyền lợi, nghĩa vụ liên quan", [bank], prov, 3)
        ops = []
        if instance == "PT":
            ops.append(
                f"Chấp nhận một phần kháng cáo của {self.full(husband)}. Sửa bản án sơ thẩm số "
                f"{self.r.randint(1, 99)}/{int(case['date'][:4]) - 1}/HNGĐ-ST như sau:"
            )
        ops.append(f"Về quan hệ hôn nhân: {cap(self.full(wife))} được ly hôn {self.full(husband)}.")
        child, _ = self.person_name(self.r.random() < 0.5)
        support = self.amount(1_500_000, 6_000_000, 500_000)
        self.ob("pay_money", [husband], [wife], support)
        verb = self.pick(("co_nghia_vu", "cap_duong", "buoc"), "support_verb")
        sup = self.money(support, "support")
        if verb == "co_nghia_vu":
            line = f"{cap(self.ref(husband))} có nghĩa vụ cấp dưỡng nuôi con mỗi tháng {sup}"
        elif verb == "cap_duong":
            line = f"{cap(self.ref(husband))} cấp dưỡng nuôi cháu {child} mỗi tháng {sup}"
        else:
            line = f"Buộc {self.ref(husband)} cấp dưỡng nuôi con chung là cháu {child} số tiền {sup}/tháng"
        ops.append(
            f"Về con chung: Giao cháu {child}, sinh ngày 12/5/2017 cho {self.full(wife)} trực tiếp nuôi dưỡng. "
            f"{line}, kể từ tháng 8/2025 cho đến khi cháu đủ 18 tuổi."
        )
        gets_w = [self.land([wife], prov)]
        gets_h = [self.movable(husband)]
        if self.chance(0.5, "family:second_movable"):
            gets_h.append(self.movable(husband))
        diff = self.amount(100_000_000, 2_000_000_000, 1_000_000)
        self.ob("pay_money", [wife], [husband], diff)
        alloc_w = "; ".join(t for t, _ in gets_w)
        alloc_h = "; ".join(t for t, _ in gets_h)
        pay = self.pick(("co_nghia_vu", "phai_tra", "thanh_toan"), "diff_verb")
        pay_line = {
            "co_nghia_vu": f"{cap(self.ref(wife))} có nghĩa vụ thanh toán cho {self.ref(husband)} giá trị chênh lệch "
            f"là {self.money(diff, 'diff')}.",
            "phai_tra": f"{cap(self.ref(wife))} phải trả cho {self.ref(husband)} phần chênh lệch {self.money(diff, 'diff')}.",
            "thanh_toan": f"{cap(self.ref(wife))} thanh toán cho {self.ref(husband)} số tiền {self.money(diff, 'diff')}.",
        }[pay]
        hand = ""
        car = next((a for _, a in gets_h if a["kind"] in ("vehicle", "vessel")), None)
        if car is not None and self.chance(0.7, "family:hand_over"):
            noun = "xe ô tô" if car["kind"] == "vehicle" else "tàu cá"
            hand = f" {cap(self.ref(wife))} có nghĩa vụ giao {noun} cùng giấy tờ đăng ký cho {self.ref(husband)}."
            o = self.ob("deliver_asset", [wife], [husband], None)
            o["assets_delivered"] = [car["id"]]
        ops.append(
            f"Về tài sản chung: {cap(self.full(wife))} được quyền sở hữu, sử dụng {alloc_w}.\n"
            f"{cap(self.full(husband))} được sở hữu {alloc_h}.{hand}\n{pay_line}"
        )
        fee_lines = [
            self.fees_line(wife, 300_000, "án phí ly hôn sơ thẩm"),
            self.fees_line(
                wife,
                self.amount(5_000_000, 60_000_000),
                "án phí dân sự sơ thẩm đối với phần tài sản được chia",
            ),
            self.fees_line(
                husband,
                self.amount(5_000_000, 60_000_000),
                "án phí dân sự sơ thẩm đối với phần tài sản được chia",
            ),
            self.fees_line(husband, 300_000, "án phí cấp dưỡng nuôi con"),
        ]
        reasoning = "Nguyên đơn và bị đơn kết hôn năm 2012; mâu thuẫn trầm trọng. Tài sản chung gồm nhà đất và động sản."
        return self.finish("family", head, case, parties, reasoning, ops, fee_lines)

    def decision(self) -> Synth:
        """A decision recognising the parties' settlement (QĐST-DS): parties and orders inside QUYẾT ĐỊNH."""
        year = self.r.choice((2021, 2023, 2024, 2025, 2026))
        left, _, court = self.court("ST", year)
        prov = self.r.choice(self.provinces)
        month, day = self.r.randint(1, 12), self.r.randint(1, 28)
        num = f"{self.r.randint(1, 300):02d}/{year}/QĐST-DS"
        right = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
        width = max(len(x) for x in left) + 6
        lines = [
            (left[k] if k < len(left) else "").ljust(width) + (right[k] if k < len(right) else "")
            for k in range(max(len(left), len(right)))
        ]
        head = "\n".join(lines) + (
            f"\n\nSố: {num}{' ' * 20}{prov}, ngày {day:02d} tháng {month:02d} năm {year}\n\nQUYẾT ĐỊNH\n"
            f"CÔNG NHẬN SỰ THỎA THUẬN CỦA CÁC ĐƯƠNG SỰ\n\n{court.upper()}\n\n"
            "Căn cứ vào Điều 212 và Điều 213 của Bộ luật Tố tụng dân sự;\n"
            f"Căn cứ vào biên bản hòa giải thành ngày {day} tháng {month} năm {year}.\n\nXÉT THẤY:\n"
            "Các thỏa thuận của các đương sự là tự nguyện, không vi phạm điều cấm của luật.\n\n"
        )
        case = {
            "court": court,
            "number": num,
            "date": f"{year}-{month:02d}-{day:02d}",
            "type_code": "DS",
            "instance": "ST",
            "subject": None,
        }
        lender = (
            self.add_org("plaintiff", "bank")
            if self.chance(0.4, "decision:bank")
            else self.add_person("plaintiff")
        )
        b1, b2 = self.add_person("defendant", False), self.add_person("defendant", True)
        parties = self.party_block("Nguyên đơn", [lender], prov, 1) + self.party_block(
            "Bị đơn", [b1, b2], prov, 2
        )
        amt = self.amount(100_000_000, 2_000_000_000, 1_000_000)
        self.ob("pay_money", [b1, b2], [lender], amt)
        names = f"{self.ref(b1)} và {self.ref(b2)}"
        orders = [
            self.r.choice(
                (
                    f"{cap(names)} cùng có nghĩa vụ liên đới thanh toán cho {self.ref(lender)} tổng số tiền "
                    f"{self.money(amt, 'settle')}.",
                    f"{cap(names)} đồng ý trả cho {self.ref(lender)} số tiền {self.money(amt, 'settle')}.",
                    f"{cap(names)} có trách nhiệm trả cho {self.ref(lender)} {self.money(amt, 'settle')}.",
                )
            )
        ]
        fee = max(300_000, amt // 40 // 1000 * 1000)
        fee_line = self.fees_line(b1, fee, "án phí dân sự sơ thẩm")
        text = (
            head
            + "QUYẾT ĐỊNH:\n\n1. Công nhận sự thỏa thuận của các đương sự:\n"
            + parties
            + "\n2. Sự thỏa thuận của các đương sự cụ thể như sau:\n"
            + "\n".join(f"{'abc'[k]}) {x}" for k, x in enumerate(orders))
            + f"\n\n3. Về án phí: {fee_line}\n\n4. Quyết định này có hiệu lực pháp luật ngay sau khi được ban hành "
            "và không bị kháng cáo, kháng nghị theo thủ tục phúc thẩm.\n\nNơi nhận:          THẨM PHÁN\n- Các đương sự.\n"
        )
        gold = {
            "schema_version": "1",
            "document": {"source": "synth", "pages": 0, "kind": "decision"},
            "case": case,
            "parties": [
                {"id": p.pid, "role": p.role, "kind": "organization" if p.org else "person", "name": p.name}
                for p in self.parties
            ],
            "obligations": self.obligations,
            "assets": self.assets,
        }
        return Synth("", "decision", text, gold, self.variants)

    def opening(self) -> Synth:
        """A published opening: header, hearing and the parties list, often cut inside the list."""
        code, what = self.pick(
            (
                ("DS", "vụ án dân sự"),
                ("KDTM", "vụ án kinh doanh thương mại"),
                ("HNGĐ", "vụ án hôn nhân và gia đình"),
                ("LĐ", "vụ án lao động"),
            ),
            "opening_code",
        )
        instance = self.pick(("ST", "PT", "GĐT"), "instance")
        head, case = self.header(code, instance, "Tranh chấp hợp đồng", what)
        prov = self.r.choice(self.provinces)
        blocks = []
        plaintiffs = [
            self.add_org("plaintiff", "company") if self.r.random() < 0.3 else self.add_person("plaintiff")
        ]
        defendants = [self.add_person("defendant")]
        if self.chance(0.4, "opening:two_defendants"):
            defendants.append(self.add_person("defendant"))
        related = [self.add_person("related_party") for _ in range(self.r.randint(0, 3))]
        if related and self.chance(0.3, "opening:related_org"):
            related.append(self.add_org("related_party", "company"))
        labels = ["Nguyên đơn", "Bị đơn", "Người có quyền lợi, nghĩa vụ liên quan"]
        if self.chance(0.2, "opening:upper_labels"):
            labels = [x.upper() for x in labels]
        if self.chance(0.3, "opening:inline"):
            # one paragraph: "Nguyên đơn: Ông A, sinh năm ...; bị đơn: Bà B, ...; người có quyền lợi ...: ông C và bà D."
            def who(ps: list[Person]) -> str:
                return " và ".join(
                    p.name if p.org else f"{p.hon} {p.name}, sinh năm {self.r.randint(1950, 1999)}"
                    for p in ps
                )

            parts = [f"{labels[0]}: {cap(who(plaintiffs))}", f"{labels[1].lower()}: {who(defendants)}"]
            if related:
                parts.append(f"{labels[2].lower()}: {who(related)}")
            blocks.append("; ".join(parts) + ".\n")
        else:
            blocks.append(self.party_block(labels[0], plaintiffs, prov, 1))
            blocks.append(self.party_block(labels[1], defendants, prov, 2))
            if related:
                blocks.append(self.party_block(labels[2], related, prov, 3))
        if self.chance(0.3, "opening:witness"):
            w, _ = self.person_name(self.r.random() < 0.5)
            blocks.append(f"- Người làm chứng: Ông {w}, sinh năm 1970; địa chỉ: {self.address(prov)}.\n")
        if instance == "PT":
            blocks.append(f"- Người kháng cáo: Bị đơn {self.full(defendants[0])}.\n")
        text = head + "".join(blocks) + "\nNỘI DUNG VỤ ÁN:\nTheo đơn khởi kiện ..."
        gold = self.parties_only_gold(case)
        return Synth("", "opening", text, gold, self.variants)

    def parties_only_gold(self, case: dict) -> dict:
        """The gold of a document that orders nothing (an opening, a cassation ruling): case and parties."""
        return {
            "schema_version": "1",
            "document": {"source": "synth", "pages": 0, "kind": "judgment"},
            "case": case,
            "parties": [
                {"id": p.pid, "role": p.role, "kind": "organization" if p.org else "person", "name": p.name}
                for p in self.parties
            ],
            "obligations": [],
            "assets": [],
        }

    def finish(
        self, fam: str, head: str, case: dict, parties: str, reasoning: str, ops: list[str], fees: list[str]
    ) -> Synth:
        numbered = self.r.random() < 0.6
        body = []
        for i, op in enumerate(ops, 1):
            body.append(f"{i}. {op}" if numbered else f"- {op}")
        n = len(ops) + 1
        body.append(
            (f"{n}. Về án phí: " if numbered else "Về án phí: ") + " ".join(fees)
            if self.r.random() < 0.5
            else (f"{n}. Về án phí:\n" if numbered else "Về án phí:\n") + "\n".join(f"- {f}" for f in fees)
        )
        body.append(
            "Trường hợp bản án được thi hành theo quy định tại Điều 2 Luật Thi hành án dân sự thì người được thi hành "
            "án dân sự, người phải thi hành án dân sự có quyền thỏa thuận thi hành án, quyền yêu cầu thi hành án, "
            "tự nguyện thi hành án hoặc bị cưỡng chế thi hành án theo quy định tại các Điều 6, 7, 7a và 9 Luật "
            "Thi hành án dân sự; thời hiệu thi hành án được thực hiện theo quy định tại Điều 30 Luật Thi hành án dân sự."
        )
        opening = self.pick(("QUYẾT ĐỊNH:", "QUYẾT ĐỊNH:\nTuyên xử:", "QUYẾT ĐỊNH:\nXử:"), "opening")
        text = (
            head
            + parties
            + "\nNỘI DUNG VỤ ÁN:\n"
            + reasoning
            + "\n\nNHẬN ĐỊNH CỦA TÒA ÁN:\n[1] Xét yêu cầu là có căn cứ.\n\n"
            + opening
            + "\nCăn cứ Điều 357, Điều 468 Bộ luật Dân sự năm 2015;\n"
            + "\n".join(body)
            + "\n\nNơi nhận:                                   TM. HỘI ĐỒNG XÉT XỬ\n- Các đương sự;\n- Lưu hồ sơ.     Lưu Quang Tiến\n"
        )
        gold = {
            "schema_version": "1",
            "document": {"source": "synth", "pages": 0, "kind": "judgment"},
            "case": case,
            "parties": [
                {"id": p.pid, "role": p.role, "kind": "organization" if p.org else "person", "name": p.name}
                for p in self.parties
            ],
            "obligations": self.obligations,
            "assets": self.assets,
        }
        return Synth("", fam, text, gold, self.variants)


FAMILIES = ("credit", "criminal", "loan", "family", "opening", "decision")


def generate(n: int, seed: int = 1300, families: tuple[str, ...] = FAMILIES) -> list[Synth]:
    """n documents, families in turn; the same seed gives the same documents. The families of
    benchmarks/synth_more.py (labour, administrative, inheritance, ...) are written by its subclass."""
    gen: type[Gen] = Gen
    if set(families) - set(FAMILIES):
        from synth_more import GenMore

        gen = GenMore
    out = []
    for i in range(n):
        g = gen(random.Random(seed * 1000 + i))
        s = getattr(g, families[i % len(families)])()
        s.name = f"synth-{seed}-{i:03d}"
        s.gold["document"]["source"] = s.name + ".txt"
        out.append(s)
    return out


def _scorer():  # noqa: ANN202  (a module object)
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def score(docs: list[Synth], show_errors: bool = False) -> dict[str, dict[str, float]]:
    """Per-family and overall F1 per fact, and case-field accuracy, like score.py."""
    from docproc.document import Document
    from docproc.extract import extract

    sc = _scorer()
    tallies: dict[str, dict[str, list[int]]] = {}
    for s in docs:
        pred = extract(Document.from_text(s.text, source=s.name + ".txt")).to_json_dict()
        gf, pf = sc.facts(s.gold), sc.facts(pred)
        for group in ("all", s.family):
            t = tallies.setdefault(group, {k: [0, 0, 0] for k in FACTS} | {f: [0, 0] for f in CASE_FIELDS})
            for key in FACTS:
                tp = sum((gf[key] & pf[key]).values())
                t[key][0] += tp
                t[key][1] += sum(pf[key].values()) - tp
                t[key][2] += sum(gf[key].values()) - tp
            for f, (hit, n) in sc.case_hits(s.gold, pred).items():
                t[f][0] += hit
                t[f][1] += n
        if show_errors:
            for key in FACTS:
                for fact in gf[key] - pf[key]:
                    print(f"{s.name}\t{s.family}\t{key}\tmissed\t{fact}")
                for fact in pf[key] - gf[key]:
                    print(f"{s.name}\t{s.family}\t{key}\tspurious\t{fact}")
            for f, (hit, _) in sc.case_hits(s.gold, pred).items():
                if not hit:
                    print(
                        f"{s.name}\t{s.family}\tcase.{f}\twrong\t{s.gold['case'][f]!r} != {pred['case'].get(f)!r}"
                    )
    rows: dict[str, dict[str, float]] = {}
    for group, t in tallies.items():
        row: dict[str, float] = {}
        f1s = []
        for key in FACTS:
            f1 = sc.prf(*t[key])[2]
            f1s.append(f1)
            row[key] = round(f1, 3)
        row["macro"] = round(sum(f1s) / len(f1s), 3)
        for f in CASE_FIELDS:
            row[f] = round(t[f][0] / t[f][1], 3) if t[f][1] else 1.0
        rows[group] = row
    return rows


def _families(spec: str) -> tuple[str, ...]:
    if spec == "old":
        return FAMILIES
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from synth_more import NEW_FAMILIES

    if spec == "new":
        return NEW_FAMILIES
    if spec == "all":
        return FAMILIES + NEW_FAMILIES
    return tuple(x.strip() for x in spec.split(",") if x.strip())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=60)
    ap.add_argument("--seed", type=int, default=1300)
    ap.add_argument("--show-errors", action="store_true")
    ap.add_argument("--out", type=Path, help="write NAME.txt and gold/NAME.json here")
    ap.add_argument(
        "--families",
        default="old",
        help="old (the six above, the regression set), new (benchmarks/synth_more.py), all, or a comma list",
    )
    args = ap.parse_args(argv)
    families = _families(args.families)
    docs = generate(args.n, args.seed, families)
    if args.out:
        (args.out / "gold").mkdir(parents=True, exist_ok=True)
        for s in docs:
            (args.out / f"{s.name}.txt").write_text(s.text, encoding="utf-8")
            (args.out / "gold" / f"{s.name}.json").write_text(
                json.dumps(s.gold, ensure_ascii=False, indent=1), "utf-8"
            )
    rows = score(docs, args.show_errors)
    cols = ["macro", *FACTS, *CASE_FIELDS]
    print(f"{'group':<10}" + "".join(f"{c[:8]:>9}" for c in cols))
    for group in ("all", *families):
        if group in rows:
            print(f"{group:<10}" + "".join(f"{rows[group][c]:>9.3f}" for c in cols))
    print(
        f"{args.n} documents, seed {args.seed}; variants used: {len(Counter(v for s in docs for v in s.variants))}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
