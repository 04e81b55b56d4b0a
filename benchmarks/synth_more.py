"""More families for benchmarks/synth_judgments.py: what real courts write and the first generator did not.

    python benchmarks/synth_judgments.py --families new --n 160 --seed 9001 [--show-errors]

Labour disputes (wrongful dismissal, back pay, severance, social insurance owed to the insurance
agency, an employer with its legal representative), administrative judgments (a decision annulled,
a new one ordered, compensation by the people's committee), inheritance and land partition (plots
allocated to heirs, one heir paying the others the value of their share), sale of goods between
companies (price, late-payment interest, contract penalties, a counterclaim set off), tort
compensation (health, property, traffic accidents with an insurer), divorce with two children and
arrears, and cassation / reopening decisions that annul. Cross-cutting: amounts as "đ", "VNĐ",
"đồng chẵn", "(bằng chữ: ...)", words first; joint debts; shares; fees exempted; advance refunds;
minors with their legal representative; foreigners with passports; organisations renamed.

Written from ../shared/eval/GUIDELINES.md, ../shared/domain (operative-part-patterns.md,
court-fees.md, amounts-and-dates.md) and general knowledge of Vietnamese judgments, never from
../shared/corpus. Where the guideline does not say what the gold is, the variant is left out.
Obligations the scorer does not count (perform_act, refunds, deliver_asset) are still written into the
gold as the guideline describes them.
"""

from __future__ import annotations

from synth_judgments import BRAND, COMMUNES, DISTRICTS, Gen, Person, Synth, amount_to_words, cap, dots

NEW_FAMILIES = ("labour", "admin", "inherit", "commerce", "tort", "divorce", "cassation")

# Foreign names as passports print them (general knowledge, invented combinations).
FOREIGN = (
    ("John Michael Brown", "Hoa Kỳ", "Ông"),
    ("Kim Min Jun", "Hàn Quốc", "Ông"),
    ("Tanaka Hiroshi", "Nhật Bản", "Ông"),
    ("Sarah Elizabeth Wilson", "Úc", "Bà"),
    ("Lee Ji Eun", "Hàn Quốc", "Bà"),
    ("Pierre Laurent Martin", "Cộng hòa Pháp", "Ông"),
)
INSURERS = ("Bảo Việt Mới", "Phúc Hưng", "Toàn Cầu Việt", "Sông Lam")


class GenMore(Gen):
    """The first generator plus the families above; money is written in more of the courts' forms."""

    def money(self, n: int, tag: str = "amount") -> str:
        style = self.r.choice(
            (
                "digits",
                "digits_words",
                "words_first",
                "dong_d",
                "vnd",
                "chan",
                "bang_chu",
                "million",
                "dot_words",
                "words_only",
                "billion",
                "mixed",
                "words_commas",
            )
        )
        self.variants.append(f"{tag}:{style}")
        words = amount_to_words(n).removesuffix(" đồng").strip()
        words = words[0].upper() + words[1:]
        if style == "digits_words":
            return f"{dots(n)} đồng ({words} đồng)"
        if style == "words_first":
            return f"{words} đồng ({dots(n)} đồng)"
        if style == "dong_d":
            return f"{dots(n)}đ ({words} đồng)" if self.r.random() < 0.5 else f"{dots(n)} đ"
        if style == "vnd":
            return f"{dots(n)} VNĐ" if self.r.random() < 0.5 else f"{dots(n)} VND ({words} đồng)"
        if style == "chan":
            return f"{dots(n)} đồng ({words} đồng chẵn)" if self.r.random() < 0.5 else f"{dots(n)} đồng chẵn"
        if style == "bang_chu":
            return f"{dots(n)} đồng (bằng chữ: {words} đồng)"
        if style == "million" and n % 100_000 == 0 and n < 10_000_000_000:
            m = n / 1_000_000
            txt = f"{m:,.1f}".rstrip("0").rstrip(".").replace(",", "X").replace(".", ",").replace("X", ".")
            return f"{txt} triệu đồng"
        if style == "mixed" and n >= 1_000_000_000 and n % 1_000_000 == 0 and n % 1_000_000_000:
            return f"{n // 1_000_000_000} tỷ {n % 1_000_000_000 // 1_000_000} triệu đồng"
        if style == "words_commas" and n >= 1_000_000:
            w = words.replace(" tỷ ", " tỷ, ").replace(" triệu ", " triệu, ").replace(" nghìn ", " nghìn, ")
            return f"{dots(n)} đồng ({w} đồng)"
        if style == "words_only":
            return f"{words} đồng"
        if style == "billion" and n % 100_000_000 == 0 and n >= 1_000_000_000:
            b = f"{n / 1_000_000_000:.1f}".rstrip("0").rstrip(".").replace(".", ",")
            return f"{b} tỷ đồng"
        if style == "dot_words":
            return f"{dots(n)}đồng ({words} đồng)"
        return f"{dots(n)} đồng"

    ROLE_WORDS = {"plaintiff": "nguyên đơn", "defendant": "bị đơn", "claimant": "người khởi kiện"}

    def ref(self, p: Person) -> str:
        """Later mentions as courts write them, also behind a role word ("bị đơn ông B", "nguyên đơn Công ty A")
        or by the role alone when one party holds it ("bị đơn")."""
        base = super().ref(p)
        word = self.ROLE_WORDS.get(p.role)
        if word and self.r.random() < 0.25:
            self.variants.append("ref:role_word")
            if sum(q.role == p.role for q in self.parties) == 1 and self.r.random() < 0.4:
                return word
            return f"{word} {base}"
        return base

    # -- parties of new kinds ----------------------------------------------------------------------
    def add_named(self, role: str, name: str, short: str) -> Person:
        p = Person(f"P{len(self.parties) + 1}", name, role, "", short, org=True)
        self.parties.append(p)
        return p

    def org_block(self, label: str, p: Person, prov: str, n: int, rep_title: str, auth_title: str) -> str:
        rep, _ = self.person_name(self.r.random() < 0.5)
        auth, _ = self.person_name(self.r.random() < 0.5)
        abbr = f" (gọi tắt là {p.short})" if p.short.endswith("Bank") else ""
        lines = [f"{n}. {label}: {p.name}{abbr}; địa chỉ: {self.address(prov)}."]
        lines.append(f"Người đại diện theo pháp luật: Ông {rep} - {rep_title}.")
        if self.chance(0.7, "org:authorised"):
            lines.append(
                f"Người đại diện theo ủy quyền: Bà {auth} - {auth_title} (Văn bản ủy quyền số "
                f"{self.r.randint(10, 999)}/UQ ngày 0{self.r.randint(1, 9)}/0{self.r.randint(1, 9)}/2024). Vắng mặt."
            )
        return "\n".join(lines) + "\n"

    def company(self, role: str) -> Person:
        """A company, sometimes renamed ("trước đây là", "tên cũ") or with a branch line under it."""
        p = self.add_org(role, "company")
        if self.chance(0.15, "company:branch_named"):  # a branch sued under its own name, as written
            p.name = f"{p.name} - Chi nhánh {self.r.choice(self.provinces)}"
        return p

    def company_block(self, label: str, p: Person, prov: str, n: int) -> str:
        rep, _ = self.person_name(self.r.random() < 0.5)
        former = ""
        style = self.pick(("plain", "truoc_day", "ten_cu", "branch"), "company_block")
        if style == "truoc_day":
            former = f" (trước đây là Công ty TNHH {self.r.choice(BRAND)} Phát Đạt)"
        elif style == "ten_cu":
            former = f" (tên cũ: Công ty cổ phần {self.r.choice(BRAND)} Miền Trung)"
        out = [
            f"{n}. {label}: {p.name}{former}; trụ sở: {self.address(prov)}; mã số doanh nghiệp "
            f"{self.r.randint(10**9, 10**10 - 1)}.",
            f"Người đại diện theo pháp luật: Ông {rep} - Giám đốc.",
        ]
        if style == "branch":
            out.append(f"Địa chỉ chi nhánh: Chi nhánh {p.short} tại tỉnh {prov}, {self.address(prov)}.")
        if self.chance(0.5, "company:authorised"):
            auth, _ = self.person_name(self.r.random() < 0.5)
            out.append(f"Người đại diện theo ủy quyền: Ông {auth} - Trưởng phòng pháp chế. Có mặt.")
        return "\n".join(out) + "\n"

    def person_line(self, p: Person, prov: str, prefix: str) -> str:
        layout = self.pick(("inline", "inline", "lines", "caps"), "person_line")
        if layout == "caps":  # "1. NGUYÊN ĐƠN: Ông ..."
            head, _, rest = prefix.partition(": ")
            prefix = f"{head.upper()}: " if rest == "" and _ else prefix
        if layout == "lines":  # name, then birth and address on lines of their own
            return (
                f"{prefix}{cap(p.hon)} {p.name}\nSinh năm: {self.r.randint(1950, 1996)}\nĐịa chỉ cư trú: "
                f"{self.address(prov)}\n" + self.r.choice(("Có mặt.", "Vắng mặt."))
            )
        cccd = ""
        if self.chance(0.3, "person:cccd"):
            cccd = f"; Căn cước công dân số 0{self.r.randint(10**10, 10**11 - 1)}"
        return (
            f"{prefix}{cap(p.hon)} {p.name}, sinh năm {self.r.randint(1950, 1996)}{cccd}; địa chỉ: "
            f"{self.address(prov)}. "
            + self.r.choice(("Có mặt.", "Vắng mặt.", "(có đơn xin xét xử vắng mặt)"))
        )

    def minor(self, role: str, prov: str, prefix: str) -> tuple[Person, str]:
        """A minor party: "cháu ...", with a parent as legal representative (not a party)."""
        female = self.r.random() < 0.5
        name, given = self.person_name(female)
        p = Person(f"P{len(self.parties) + 1}", name, role, "cháu", f"cháu {given}")
        self.parties.append(p)
        self.variants.append("party:minor")
        parent, _ = self.person_name(True)
        line = (
            f"{prefix}Cháu {name}, sinh ngày 0{self.r.randint(1, 9)}/0{self.r.randint(1, 9)}/20{self.r.randint(10, 19)}; "
            f"địa chỉ: {self.address(prov)}.\nNgười đại diện theo pháp luật của cháu {given}: Bà {parent} "
            "(mẹ đẻ), cùng địa chỉ. Có mặt."
        )
        return p, line

    def foreigner(self, role: str, prefix: str) -> tuple[Person, str]:
        name, nation, hon = self.r.choice(FOREIGN)
        p = Person(f"P{len(self.parties) + 1}", name, role, hon.lower(), f"{hon.lower()} {name}")
        self.parties.append(p)
        self.variants.append("party:foreigner")
        passport = f"{self.r.choice('BCMNP')}{self.r.randint(1000000, 9999999)}"
        line = self.r.choice(
            (
                f"{prefix}{hon} {name}, sinh năm {self.r.randint(1950, 1990)}; quốc tịch: {nation}; hộ chiếu số "
                f"{passport}; địa chỉ: {self.r.randint(10, 900)} Main Street, {nation}. Vắng mặt.",
                f"{prefix}{hon} {name} (quốc tịch {nation}), sinh năm {self.r.randint(1950, 1990)}, hộ chiếu số "
                f"{passport}; nơi cư trú: {nation}. Có đơn xin xét xử vắng mặt.",
            )
        )
        return p, line

    def appeal_head(self, code: str, case: dict, appellant: Person) -> str:
        old = f"{self.r.randint(1, 99)}/{int(case['date'][:4]) - 1}/{code}-ST"
        return self.pick(
            (
                f"Chấp nhận một phần kháng cáo của {self.full(appellant)}. Sửa một phần Bản án sơ thẩm số {old} "
                "như sau:",
                f"Chấp nhận kháng cáo của {self.full(appellant)}; sửa Bản án sơ thẩm số {old}. Tuyên xử:",
                f"Sửa một phần Bản án sơ thẩm số {old} của Tòa án nhân dân cấp sơ thẩm về phần nghĩa vụ thanh "
                "toán như sau:",
            ),
            "appeal_head",
        )

    def appeal_tail(self, appellant: Person, label: str) -> list[str]:
        self.ob("refund", ["STATE"], [appellant], 300_000)
        return [
            f"{cap(self.full(appellant))} không phải chịu án phí {label} phúc thẩm; hoàn trả cho "
            f"{self.ref(appellant)} 300.000 đồng tiền tạm ứng án phí phúc thẩm đã nộp theo biên lai số "
            f"00{self.r.randint(1000, 9999)}.",
        ]

    def annul_part(self, payer: Person, payee: Person) -> str:
        """An appeal that annuls part of the first instance: the annulled order is quoted, not ordered."""
        return (
            f"Hủy một phần Bản án sơ thẩm về phần buộc {self.full(payer)} trả cho {self.full(payee)} số tiền "
            f"{dots(self.amount(10_000_000, 300_000_000))} đồng tiền lãi; giao hồ sơ vụ án cho Tòa án cấp sơ thẩm "
            "giải quyết lại theo thủ tục chung."
        )

    def kept(self) -> str:
        return self.r.choice(
            (
                "Các quyết định khác của bản án sơ thẩm không có kháng cáo, kháng nghị đã có hiệu lực pháp luật "
                "kể từ ngày hết thời hạn kháng cáo, kháng nghị.",
                "Giữ nguyên các quyết định khác của Bản án sơ thẩm không bị kháng cáo, kháng nghị.",
            )
        )

    def late(self, debtor: str) -> str:
        return self.r.choice(
            (
                "Kể từ ngày có đơn yêu cầu thi hành án của người được thi hành án cho đến khi thi hành án xong, "
                "bên phải thi hành án còn phải chịu khoản tiền lãi của số tiền còn phải thi hành án theo mức lãi "
                "suất quy định tại khoản 2 Điều 468 Bộ luật Dân sự năm 2015.",
                f"Kể từ ngày bản án có hiệu lực pháp luật và người được thi hành án có đơn yêu cầu thi hành án, nếu "
                f"{debtor} chậm thi hành thì còn phải chịu lãi đối với số tiền chậm trả theo quy định tại Điều 357, "
                "Điều 468 Bộ luật Dân sự năm 2015.",
            )
        )

    def finish(self, fam, head, case, parties, reasoning, ops, fees):  # noqa: ANN001, ANN201, D102
        if self.chance(0.3, "label:quyen_loi_va"):
            parties = parties.replace("quyền lợi, nghĩa vụ liên quan", "quyền lợi và nghĩa vụ liên quan")
        return super().finish(fam, head, case, parties, reasoning, ops, fees)

    # -- labour ------------------------------------------------------------------------------------
    def labour(self) -> Synth:
        instance = self.pick(("ST", "ST", "PT"), "instance")
        subject = self.pick(
            (
                "Tranh chấp về đơn phương chấm dứt hợp đồng lao động",
                "Tranh chấp về tiền lương, trợ cấp thôi việc",
                "Tranh chấp về bảo hiểm xã hội",
            ),
            "labour:subject",
        )
        head, case = self.header("LĐ", instance, subject, "vụ án lao động")
        prov = self.r.choice(self.provinces)
        worker = self.add_person("plaintiff")
        employer = self.company("defendant")
        parties = self.person_line(worker, prov, "1. Nguyên đơn: ") + "\n"
        parties += self.company_block("Bị đơn", employer, prov, 2)
        bhxh = None
        if "bảo hiểm" in subject or self.chance(0.4, "labour:bhxh"):
            unit = self.r.choice(("huyện", "thị xã", "thành phố"))
            bhxh = self.add_named(
                "related_party",
                f"Bảo hiểm xã hội {unit} {self.r.choice(DISTRICTS)}",
                "cơ quan Bảo hiểm xã hội",
            )
            parties += self.org_block(
                "Người có quyền lợi, nghĩa vụ liên quan", bhxh, prov, 3, "Giám đốc", "Phó Giám đốc"
            )
        ops: list[str] = []
        if instance == "PT":
            ops.append(self.appeal_head("LĐ", case, employer))
        ew, ee = self.ref(employer), self.ref(worker)
        if self.chance(0.2, "labour:nsdld"):
            ew = f"người sử dụng lao động là {employer.short}"
        if "đơn phương" in subject:
            ops.append(
                f"Tuyên bố việc {employer.name} đơn phương chấm dứt hợp đồng lao động đối với {self.full(worker)} "
                "là trái pháp luật."
            )
            if self.chance(0.5, "labour:reinstate"):
                ops.append(f"Buộc {ew} phải nhận {ee} trở lại làm việc theo hợp đồng lao động đã giao kết.")
                self.ob("perform_act", [employer], [worker], None)
        wage = self.amount(20_000_000, 200_000_000)
        comp = self.amount(10_000_000, 60_000_000)
        sev = self.amount(5_000_000, 90_000_000)
        total = wage + comp + sev
        style = self.pick(
            ("tong_so", "tong_cong_cuoi", "khau_tru", "single", "arith", "dash_list"), "labour:pay"
        )
        if style == "dash_list":
            ops.append(
                f"Buộc {ew} phải trả cho {ee} các khoản sau:\n- Tiền lương trong thời gian không được làm việc: "
                f"{dots(wage)} đồng;\n- Tiền bồi thường: {dots(comp)} đồng;\n- Trợ cấp thôi việc: {dots(sev)} đồng.\n"
                f"Tổng cộng: {self.money(total, 'labour')}."
            )
            self.ob("pay_money", [employer], [worker], total)
        elif style == "arith":
            monthly = self.amount(5_000_000, 20_000_000, 100_000)
            months = self.r.randint(2, 14)
            ops.append(
                f"Buộc {ew} phải trả cho {ee} tiền lương trong những ngày không được làm việc: {monthly:,} đồng x "
                f"{months:02d} tháng = {self.money(monthly * months, 'labour')}.".replace(",", ".")
            )
            self.ob("pay_money", [employer], [worker], monthly * months)
        elif style == "tong_so":
            ops.append(
                f"Buộc {ew} phải trả cho {ee} tổng số tiền {self.money(total, 'labour')}, gồm: tiền lương trong "
                f"những ngày không được làm việc {dots(wage)} đồng; tiền bồi thường 02 tháng tiền lương {dots(comp)} "
                f"đồng; trợ cấp thôi việc {dots(sev)} đồng."
            )
            self.ob("pay_money", [employer], [worker], total)
        elif style == "tong_cong_cuoi":
            ops.append(
                f"{cap(ew)} có nghĩa vụ thanh toán cho {ee} các khoản sau: tiền lương còn nợ {dots(wage)} đồng; tiền "
                f"trợ cấp thôi việc {dots(sev)} đồng; tiền bồi thường do vi phạm thời hạn báo trước {dots(comp)} đồng. "
                f"Tổng cộng: {self.money(total, 'labour')}."
            )
            self.ob("pay_money", [employer], [worker], total)
        elif style == "khau_tru":
            share = self.amount(2_000_000, min(20_000_000, total - 1_000_000))
            net = total - share
            ops.append(
                f"Buộc {ew} phải trả cho {ee} số tiền {dots(total)} đồng; khấu trừ phần bảo hiểm xã hội, bảo hiểm y tế, "
                f"bảo hiểm thất nghiệp người lao động phải đóng là {dots(share)} đồng, {ew} còn phải trả cho {ee} số "
                f"tiền {self.money(net, 'labour')}."
            )
            self.ob("pay_money", [employer], [worker], net)
        else:
            ops.append(f"Buộc {ew} trả cho {ee} tiền trợ cấp thôi việc là {self.money(sev, 'labour')}.")
            self.ob("pay_money", [employer], [worker], sev)
        if bhxh is not None:
            emp, own = self.amount(10_000_000, 120_000_000), self.amount(3_000_000, 40_000_000)
            ops.append(
                f"Buộc {ew} phải đóng cho {bhxh.name} số tiền bảo hiểm xã hội, bảo hiểm y tế, bảo hiểm thất nghiệp "
                f"còn nợ của {ee} từ tháng 3/2021 đến tháng 6/2024 là {self.money(emp + own, 'bhxh')}, trong đó phần "
                f"người sử dụng lao động đóng {dots(emp)} đồng, phần người lao động đóng {dots(own)} đồng."
            )
            self.ob("pay_money", [employer], [bhxh], emp + own)
        if self.chance(0.3, "labour:months_owed"):
            owed = self.amount(10_000_000, 90_000_000)
            ops.append(
                f"Buộc {ew} trả cho {ee} tiền lương còn nợ các tháng 5, 6 và 7/2024 là {self.money(owed, 'labour')}."
            )
            self.ob("pay_money", [employer], [worker], owed)
        if self.chance(0.3, "labour:worker_repays"):
            train = self.amount(5_000_000, 60_000_000)
            ops.append(
                f"Chấp nhận một phần yêu cầu phản tố của {employer.name}: buộc {ee} phải hoàn trả cho {ew} chi phí đào "
                f"tạo là {self.money(train, 'training')}."
            )
            self.ob("pay_money", [worker], [employer], train)
        if self.chance(0.5, "labour:rejected"):
            ops.append(
                f"Không chấp nhận yêu cầu của {ee} về việc buộc {ew} bồi thường tổn thất tinh thần "
                f"{dots(self.amount(10_000_000, 50_000_000))} đồng."
            )
        ops.append(self.late(ew))
        if instance == "PT":
            if self.chance(0.4, "appeal:annul_part"):
                ops.append(self.annul_part(employer, worker))
            ops.append(self.kept())
        fee = self.amount(300_000, 6_000_000)
        fees = [self.fees_line(employer, fee, "án phí lao động sơ thẩm")]
        if self.chance(0.7, "fees:exempt_worker"):
            fees.append(
                self.r.choice(
                    (
                        f"{cap(self.full(worker))} được miễn án phí lao động sơ thẩm.",
                        f"Miễn toàn bộ án phí lao động sơ thẩm cho {ee}.",
                    )
                )
            )
        if instance == "PT":
            fees.extend(self.appeal_tail(employer, "lao động"))
        reasoning = (
            f"{cap(self.full(worker))} làm việc tại {employer.name} từ năm 2015, mức lương "
            f"{dots(self.amount(6_000_000, 20_000_000, 100_000))} đồng/tháng. Nguyên đơn khởi kiện yêu cầu thanh toán "
            f"tổng số tiền {dots(total + self.amount(5_000_000, 50_000_000))} đồng."
        )
        return self.finish("labour", head, case, parties, reasoning, ops, fees)

    # -- administrative ----------------------------------------------------------------------------
    def admin(self) -> Synth:
        instance = self.pick(("ST", "ST", "PT"), "instance")
        subject = self.pick(
            (
                "Khiếu kiện quyết định hành chính trong lĩnh vực quản lý đất đai",
                "Khiếu kiện quyết định thu hồi đất, bồi thường, hỗ trợ và tái định cư",
                "Khiếu kiện quyết định xử phạt vi phạm hành chính",
            ),
            "admin:subject",
        )
        head, case = self.header("HC", instance, subject, "vụ án hành chính")
        prov = self.r.choice(self.provinces)
        claimant = self.add_person("claimant")
        d = self.r.choice(DISTRICTS)
        unit = self.pick(("huyện", "thị xã"), "admin:unit")
        if int(case["date"][:4]) >= 2025 and self.chance(0.6, "admin:commune_2025"):
            unit, d = "xã", self.r.choice(COMMUNES)  # districts are gone from 1 July 2025
        body_name = f"Ủy ban nhân dân {unit} {d}, tỉnh {prov}"
        body = self.add_named("respondent", body_name, f"Ủy ban nhân dân {unit} {d}")
        if self.chance(0.25, "admin:department"):
            body.name, body.short = f"Sở Tài nguyên và Môi trường tỉnh {prov}", "Sở Tài nguyên và Môi trường"
            unit = "tỉnh"
        spouse = None
        if self.chance(0.3, "admin:two_claimants"):
            spouse = self.add_person("claimant", claimant.hon in ("ông", "anh"))
            parties = (
                f"1. Người khởi kiện: {cap(claimant.hon)} {claimant.name}, sinh năm 1962 và {spouse.hon} {spouse.name}, "
                f"sinh năm 1965; cùng trú tại: {self.address(prov)}. Có mặt.\n"
            )
        else:
            parties = self.person_line(claimant, prov, "1. Người khởi kiện: ") + "\n"
        parties += self.org_block(
            "Người bị kiện",
            body,
            prov,
            2,
            f"Chủ tịch Ủy ban nhân dân {unit}",
            f"Phó Chủ tịch Ủy ban nhân dân {unit}",
        )
        chair = None
        if self.chance(0.4, "admin:chair"):
            chair = self.add_named("respondent", f"Chủ tịch Ủy ban nhân dân {unit} {d}", "Chủ tịch")
            parties += f"3. Người bị kiện: {chair.name}.\nNgười đại diện theo ủy quyền: Ông Phan Văn Lực - Phó Chủ tịch.\n"
        if self.chance(0.4, "admin:related"):
            rel = self.add_person("related_party")
            parties += self.person_line(rel, prov, "4. Người có quyền lợi, nghĩa vụ liên quan: ") + "\n"
        ops: list[str] = []
        if instance == "PT":
            ops.append(self.appeal_head("HC", case, claimant))
        won = self.chance(0.75, "admin:won")
        qd = f"{self.r.randint(100, 9999)}/QĐ-UBND ngày {self.r.randint(1, 28)}/{self.r.randint(1, 12)}/2022"
        who_issued = chair.name if chair else body.short
        if won:
            ops.append(
                f"Chấp nhận yêu cầu khởi kiện của {self.full(claimant)}. Hủy Quyết định số {qd} của {who_issued} về "
                "việc thu hồi đất và phê duyệt phương án bồi thường, hỗ trợ."
            )
            if self.chance(0.6, "admin:new_decision"):
                ops.append(
                    f"Buộc {body.short} thực hiện nhiệm vụ, công vụ theo quy định của pháp luật: ban hành quyết định "
                    f"bồi thường, hỗ trợ mới cho {self.ref(claimant)}."
                )
                self.ob("perform_act", [body], [claimant], None)
            if self.chance(0.6, "admin:compensation"):
                amt = self.amount(20_000_000, 900_000_000)
                who_paid = f"{self.ref(claimant)} và {self.ref(spouse)}" if spouse else self.ref(claimant)
                ops.append(
                    self.r.choice(
                        (
                            f"Buộc {body.short} phải bồi thường cho {who_paid} số tiền {self.money(amt, 'admin')}.",
                            f"{cap(body.short)} có trách nhiệm bồi thường thiệt hại cho {who_paid} "
                            f"{self.money(amt, 'admin')}.",
                        )
                    )
                )
                self.ob("pay_money", [body], [claimant, spouse] if spouse else [claimant], amt)
            if "xử phạt" in subject and self.chance(0.6, "admin:return_fine"):
                back = self.amount(2_000_000, 90_000_000, 500_000)
                ops.append(
                    f"Buộc {body.short} trả lại cho {self.ref(claimant)} số tiền {self.money(back, 'admin')} đã nộp phạt "
                    "theo quyết định bị hủy."
                )
                self.ob("pay_money", [body], [claimant], back)
            if chair is not None and self.chance(0.5, "admin:each_respondent_fee"):
                self.ob("court_fee", [body], ["STATE"], 300_000)
                self.ob("court_fee", [chair], ["STATE"], 300_000)
                fees = [
                    f"{cap(body.short)} và {chair.name} mỗi người bị kiện phải chịu 300.000 đồng án phí hành chính "
                    "sơ thẩm."
                ]
            else:
                fees = [self.fees_line(body, 300_000, "án phí hành chính sơ thẩm")]
            self.ob("refund", ["STATE"], [claimant], 300_000)
            fees.append(
                f"Hoàn trả cho {self.ref(claimant)} 300.000 đồng tiền tạm ứng án phí hành chính sơ thẩm đã nộp theo "
                f"biên lai thu số 00{self.r.randint(1000, 9999)}."
            )
        else:
            ops.append(f"Bác yêu cầu khởi kiện của {self.full(claimant)} về việc hủy Quyết định số {qd}.")
            if self.chance(0.5, "admin:exempt"):
                fees = [
                    f"{cap(self.full(claimant))} là người cao tuổi nên được miễn án phí hành chính sơ thẩm."
                ]
            else:
                fees = [
                    self.fees_line(claimant, 300_000, "án phí hành chính sơ thẩm")
                    + " Được trừ vào số tiền tạm ứng án phí đã nộp."
                ]
        if instance == "PT":
            ops.append(self.kept())
            fees.append("Các đương sự không phải chịu án phí hành chính phúc thẩm.")
        reasoning = (
            f"Ngày {qd.split('ngày ')[1]}, {who_issued} ban hành Quyết định số {qd.split(' ')[0]} thu hồi "
            f"{self.r.randint(100, 900)} m2 đất của hộ {self.full(claimant)}. Người khởi kiện yêu cầu bồi thường "
            f"{dots(self.amount(100_000_000, 2_000_000_000))} đồng."
        )
        return self.finish("admin", head, case, parties, reasoning, ops, fees)

    # -- inheritance and land partition -----------------------------------------------------------
    def plot(self, prov: str, owners: list[Person], with_house: bool) -> tuple[str, dict]:
        plot, sheet = str(self.r.randint(12, 900)), str(self.r.randint(1, 60))
        area = f"{self.r.randint(60, 900)},{self.r.randint(1, 9)}"
        house = " và nhà ở cấp 4 xây dựng trên đất" if with_house else ""
        text = self.r.choice(
            (
                f"thửa đất số {plot}, tờ bản đồ số {sheet}, diện tích {area} m2{house} tại xã {self.r.choice(COMMUNES)}, "
                f"tỉnh {prov}",
                f"quyền sử dụng đất thửa số {plot}, tờ bản đồ số {sheet}, diện tích {area}m²{house}, địa chỉ thôn "
                f"{self.r.randint(1, 9)}, xã {self.r.choice(COMMUNES)}, tỉnh {prov}",
            )
        )
        return text, self.asset("land_use_right", owners, plot_number=plot, map_sheet=sheet)

    def inherit(self) -> Synth:
        instance = self.pick(("ST", "ST", "PT"), "instance")
        subject = self.pick(
            ("Tranh chấp chia di sản thừa kế", "Tranh chấp về thừa kế tài sản"), "inherit:subject"
        )
        head, case = self.header("DS", instance, subject, "vụ án dân sự")
        prov = self.r.choice(self.provinces)
        dead, _ = self.person_name(False)
        a = self.add_person("plaintiff")
        a2 = self.add_person("plaintiff") if self.chance(0.3, "inherit:two_plaintiffs") else None
        b = self.add_person("defendant")
        if a2 is not None:
            parties = f"1. Nguyên đơn:\n{self.person_line(a, prov, '1.1. ')}\n{self.person_line(a2, prov, '1.2. ')}\n"
        else:
            parties = self.person_line(a, prov, "1. Nguyên đơn: ") + "\n"
        parties += self.person_line(b, prov, "2. Bị đơn: ") + "\n"
        parties += "3. Người có quyền lợi, nghĩa vụ liên quan:\n"
        heirs = []
        c = self.add_person("related_party")
        parties += self.person_line(c, prov, "3.1. ") + "\n"
        heirs.append(c)
        if self.chance(0.4, "inherit:minor"):
            m, line = self.minor("related_party", prov, "3.2. ")
            parties += line + "\n"
            heirs.append(m)
        if self.chance(0.4, "inherit:foreigner"):
            f, line = self.foreigner("related_party", f"3.{len(heirs) + 1}. ")
            parties += line + "\n"
            heirs.append(f)
        ops: list[str] = []
        if instance == "PT":
            ops.append(self.appeal_head("DS", case, b))
        t1, _ = self.plot(prov, [b], self.chance(0.5, "inherit:house"))
        value = self.amount(600_000_000, 3_000_000_000, 1_000_000)
        ops.append(
            f"Chấp nhận yêu cầu khởi kiện của {self.full(a)} về việc chia di sản thừa kế của cụ {dead}. Xác định di "
            f"sản thừa kế của cụ {dead} để lại có tổng giá trị {dots(value)} đồng."
        )
        ops.append(
            f"Chia cho {self.full(b)} được quyền quản lý, sử dụng {t1} (có sơ đồ kèm theo). {cap(self.ref(b))} được "
            "quyền liên hệ cơ quan nhà nước có thẩm quyền để đăng ký quyền sử dụng đất theo quy định."
        )
        if self.chance(0.3, "inherit:vehicle"):
            plate = f"{self.r.randint(11, 99)}{self.r.choice('ABCDFGHK')}-{self.r.randint(100, 999)}.{self.r.randint(10, 99)}"
            self.asset("vehicle", [c], plate=plate)
            ops.append(
                f"Chia cho {self.full(c)} được sở hữu 01 xe ô tô nhãn hiệu Ford Ranger, biển kiểm soát {plate}."
            )
        if self.chance(0.5, "inherit:second_plot"):
            t2, _ = self.plot(prov, [a], False)
            ops.append(f"Chia cho {self.full(a)} được quyền sử dụng {t2}.")
        payees = [a, *heirs]
        if a2 is not None:
            each = self.amount(50_000_000, 600_000_000, 1_000_000)
            ops.append(
                f"{cap(self.ref(b))} có nghĩa vụ thanh toán cho các nguyên đơn giá trị kỷ phần thừa kế, mỗi người "
                f"{self.money(each, 'share')}."
            )
            self.ob("pay_money", [b], [a], each)
            self.ob("pay_money", [b], [a2], each)
            payees = list(heirs)
        style = self.pick(("one_sentence", "each_sentence", "moi_nguoi", "in_allocation"), "inherit:pay")
        if style == "in_allocation":
            share = self.amount(50_000_000, 600_000_000, 1_000_000)
            k = next(i for i, x in enumerate(ops) if "(có sơ đồ kèm theo)." in x)
            ops[k] = ops[k].replace(
                " (có sơ đồ kèm theo).",
                f" (có sơ đồ kèm theo) và có nghĩa vụ thanh toán cho {self.ref(a)} giá trị kỷ phần là "
                f"{self.money(share, 'share')}.",
            )
            self.ob("pay_money", [b], [a], share)
            payees = heirs
            style = "each_sentence"
        if style == "one_sentence" and len(heirs) > 1 and self.chance(0.3, "inherit:joint_payers"):
            share = self.amount(50_000_000, 600_000_000, 1_000_000)
            ops.append(
                f"{cap(self.ref(b))} và {self.ref(heirs[0])} có nghĩa vụ liên đới thanh toán cho {self.ref(a)} giá trị "
                f"kỷ phần thừa kế là {self.money(share, 'share')}."
            )
            self.ob("pay_money", [b, heirs[0]], [a], share)
            payees = [p for p in payees if p is not a and p is not heirs[0]]
        if style == "each_sentence" and a in payees and self.chance(0.3, "inherit:second_payer"):
            x, y = (
                self.amount(50_000_000, 600_000_000, 1_000_000),
                self.amount(20_000_000, 200_000_000, 1_000_000),
            )
            ops.append(
                f"{cap(self.ref(b))} có nghĩa vụ thanh toán cho {self.ref(a)} {self.money(x, 'share')}; "
                f"{self.ref(heirs[0])} thanh toán cho {self.ref(a)} {self.money(y, 'share')}."
            )
            self.ob("pay_money", [b], [a], x)
            self.ob("pay_money", [heirs[0]], [a], y)
            payees = [p for p in payees if p is not a]
        if style == "moi_nguoi":
            share = self.amount(50_000_000, 600_000_000, 1_000_000)
            who = " và ".join(self.ref(p) for p in payees)
            ops.append(
                f"{cap(self.ref(b))} có nghĩa vụ thanh toán giá trị kỷ phần thừa kế cho {who}, mỗi người "
                f"{self.money(share, 'share')}."
            )
            for p in payees:
                self.ob("pay_money", [b], [p], share)
        else:
            parts = []
            for p in payees:
                share = self.amount(50_000_000, 600_000_000, 1_000_000)
                self.ob("pay_money", [b], [p], share)
                parts.append((p, share))
            if style == "one_sentence":
                ops.append(
                    f"{cap(self.ref(b))} có nghĩa vụ thanh toán giá trị kỷ phần thừa kế cho: "
                    + "; ".join(f"{self.ref(p)} {self.money(s, 'share')}" for p, s in parts)
                    + "."
                )
            else:
                for p, s in parts:
                    ops.append(
                        f"{cap(self.ref(b))} có nghĩa vụ thanh toán cho {self.ref(p)} giá trị kỷ phần được hưởng là "
                        f"{self.money(s, 'share')}."
                    )
        ops.append(self.late(self.ref(b)))
        if instance == "PT":
            ops.append(self.kept())
        fees = []
        if self.chance(0.3, "fees:per_party_list"):
            rows = []
            for p in (a, b):
                f = self.amount(2_000_000, 40_000_000)
                self.ob("court_fee", [p], ["STATE"], f)
                rows.append(f"+ {cap(self.full(p))}: {self.money(f, 'fee')}")
            fees.append("Án phí dân sự sơ thẩm:\n" + ";\n".join(rows) + ".")
        for p in (a, b, *heirs) if not fees else heirs:
            if p.hon == "cháu" or p.pid == heirs[0].pid and self.chance(0.5, "fees:elderly_exempt"):
                fees.append(f"{cap(self.full(p))} được miễn án phí dân sự sơ thẩm.")
                continue
            if p is b and self.chance(0.4, "fees:total_of_parts"):
                f1, f2 = self.amount(2_000_000, 40_000_000), self.amount(300_000, 3_000_000)
                self.ob("court_fee", [b], ["STATE"], f1 + f2)
                fees.append(
                    f"{cap(self.ref(b))} phải chịu án phí dân sự sơ thẩm đối với phần di sản được chia là {dots(f1)} "
                    f"đồng và án phí đối với yêu cầu không được chấp nhận là {dots(f2)} đồng, tổng cộng "
                    f"{self.money(f1 + f2, 'fee')}."
                )
                continue
            fees.append(self.fees_line(p, self.amount(2_000_000, 40_000_000), "án phí dân sự sơ thẩm"))
        refund = self.amount(1_000_000, 20_000_000)
        self.ob("refund", ["STATE"], [a], refund)
        fees.append(
            f"Hoàn trả cho {self.ref(a)} số tiền tạm ứng án phí đã nộp là {dots(refund)} đồng theo biên lai thu tiền "
            f"số 00{self.r.randint(1000, 9999)}."
        )
        if instance == "PT":
            fees.extend(self.appeal_tail(b, "dân sự"))
        reasoning = (
            f"Cụ {dead} chết năm 2016 không để lại di chúc. Di sản gồm nhà đất trị giá {dots(value)} đồng. "
            f"Nguyên đơn yêu cầu chia bằng hiện vật."
        )
        return self.finish("inherit", head, case, parties, reasoning, ops, fees)

    # -- sale of goods ------------------------------------------------------------------------------
    def commerce(self) -> Synth:
        instance = self.pick(("ST", "ST", "PT"), "instance")
        subject = self.pick(
            (
                "Tranh chấp hợp đồng mua bán hàng hóa",
                "Tranh chấp hợp đồng cung ứng dịch vụ",
                "Tranh chấp hợp đồng thi công xây dựng",
            ),
            "commerce:subject",
        )
        head, case = self.header("KDTM", instance, subject, "vụ án kinh doanh thương mại")
        prov = self.r.choice(self.provinces)
        seller = self.company("plaintiff")
        buyer = self.company("defendant")
        while buyer.short == seller.short:
            self.parties.pop()
            buyer = self.company("defendant")
        parties = self.company_block("Nguyên đơn", seller, prov, 1) + self.company_block(
            "Bị đơn", buyer, prov, 2
        )
        guar = None
        if self.chance(0.3, "commerce:guarantor"):
            guar = self.add_person("related_party")
            parties += self.person_line(guar, prov, "3. Người có quyền lợi, nghĩa vụ liên quan: ") + "\n"
        ops: list[str] = []
        if instance == "PT":
            ops.append(self.appeal_head("KDTM", case, buyer))
        price = self.amount(100_000_000, 5_000_000_000, 1_000_000)
        interest = self.amount(5_000_000, 300_000_000)
        penalty = self.amount(2_000_000, price * 8 // 100)
        total = price + interest + penalty
        sb, sl = self.ref(buyer), self.ref(seller)
        style = self.pick(("trong_do", "gom", "set_off", "guarantor", "instalments", "usd"), "commerce:order")
        if style == "instalments":
            first = self.amount(20_000_000, total - 10_000_000, 1_000_000)
            ops.append(
                f"Buộc {sb} phải thanh toán cho {sl} số tiền {self.money(total, 'goods')}, chia làm 02 đợt: đợt 1 "
                f"thanh toán {dots(first)} đồng trước ngày 30/6/2025; đợt 2 thanh toán {dots(total - first)} đồng "
                "trước ngày 31/12/2025."
            )
            self.ob("pay_money", [buyer], [seller], total)
        elif style == "usd":
            usd = self.r.randint(5_000, 200_000)
            rate = self.r.choice((23_450, 24_120, 25_300))
            total = usd * rate
            ops.append(
                f"Buộc {sb} phải thanh toán cho {sl} tiền hàng còn nợ là {usd:,} USD".replace(",", ".")
                + f", quy đổi theo tỷ giá {dots(rate)} đồng/USD tương đương {self.money(total, 'goods')}."
            )
            self.ob("pay_money", [buyer], [seller], total)
        elif style == "set_off":
            counter = self.amount(5_000_000, total // 3)
            net = total - counter
            ops.append(
                f"Chấp nhận một phần yêu cầu phản tố của {buyer.name}: {sl} phải bồi thường cho {sb} thiệt hại do "
                f"hàng kém chất lượng {dots(counter)} đồng. Đối trừ nghĩa vụ giữa các bên, {sb} còn phải thanh toán "
                f"cho {sl} số tiền {self.money(net, 'goods')}."
            )
            self.ob("pay_money", [buyer], [seller], net)
        elif style == "gom":
            ops.append(
                f"{cap(sb)} có nghĩa vụ thanh toán cho {sl} tổng số tiền {self.money(total, 'goods')}, gồm: tiền hàng "
                f"còn nợ {dots(price)} đồng, tiền lãi chậm thanh toán {dots(interest)} đồng và tiền phạt vi phạm hợp "
                f"đồng {dots(penalty)} đồng."
            )
            self.ob("pay_money", [buyer], [seller], total)
        else:
            ops.append(
                f"Buộc {sb} phải thanh toán cho {sl} tổng số tiền {self.money(total, 'goods')}, trong đó: nợ gốc tiền "
                f"hàng {dots(price)} đồng; tiền lãi do chậm thanh toán {dots(interest)} đồng; tiền phạt vi phạm hợp "
                f"đồng {dots(penalty)} đồng."
            )
            self.ob("pay_money", [buyer], [seller], total)
            if style == "guarantor" and guar is not None and self.chance(0.4, "commerce:joint_guarantor"):
                self.obligations.pop()
                ops[-1] = ops[-1].replace(
                    f"Buộc {sb} phải", f"Buộc {sb} và {self.ref(guar)} (người bảo lãnh) phải liên đới", 1
                )
                self.ob("pay_money", [buyer, guar], [seller], total)
            elif style == "guarantor" and guar is not None:
                capv = self.amount(50_000_000, total, 1_000_000)
                ops.append(
                    f"Trường hợp {sb} không thực hiện nghĩa vụ thanh toán thì {self.ref(guar)} có nghĩa vụ trả nợ thay "
                    f"trong phạm vi bảo lãnh là {self.money(capv, 'guarantee')}."
                )
                self.ob("pay_money", [guar], [seller], capv)
        if style in ("trong_do", "gom") and self.chance(0.3, "commerce:pay_monthly"):
            ops.append(
                f"{cap(sb)} được trả dần mỗi tháng {dots(self.amount(20_000_000, 90_000_000, 1_000_000))} đồng cho "
                "đến khi trả hết số nợ trên."
            )
        if self.chance(0.5, "commerce:rejected_penalty"):
            ops.append(
                f"Không chấp nhận yêu cầu của {sl} về khoản tiền phạt vi phạm vượt quá 8% giá trị phần nghĩa vụ hợp "
                f"đồng bị vi phạm là {dots(self.amount(5_000_000, 90_000_000))} đồng."
            )
        ops.append(
            f"Kể từ ngày tiếp theo của ngày xét xử sơ thẩm, {sb} còn phải chịu khoản tiền lãi chậm trả của số tiền "
            f"chưa thanh toán theo mức lãi suất {self.r.choice(('0,83%/tháng', '10%/năm', '1,5%/tháng'))} cho đến khi "
            "thi hành án xong."
        )
        if instance == "PT":
            if self.chance(0.4, "appeal:annul_part"):
                ops.append(self.annul_part(buyer, seller))
            ops.append(self.kept())
        fees = [
            self.fees_line(buyer, self.amount(3_000_000, 90_000_000), "án phí kinh doanh thương mại sơ thẩm")
        ]
        credited = False
        if self.chance(0.5, "commerce:seller_fee"):
            sfee = self.amount(3_000_000, 10_000_000)
            if self.chance(0.5, "fees:advance_credited"):
                adv = self.amount(1_000_000, sfee - 500_000)
                self.ob("court_fee", [seller], ["STATE"], sfee)
                fees.append(
                    f"{cap(sl)} phải chịu {dots(sfee)} đồng án phí kinh doanh thương mại sơ thẩm, được trừ vào số "
                    f"tiền tạm ứng án phí đã nộp là {dots(adv)} đồng; {sl} còn phải nộp tiếp {dots(sfee - adv)} đồng."
                )
                credited = True
            else:
                fees.append(
                    self.fees_line(
                        seller,
                        sfee,
                        "án phí kinh doanh thương mại sơ thẩm đối với phần yêu cầu không được chấp nhận",
                    )
                )
        refund = self.amount(3_000_000, 40_000_000)
        if not credited:
            self.ob("refund", ["STATE"], [seller], refund)
            fees.append(
                f"Trả lại cho {sl} số tiền tạm ứng án phí {self.money(refund, 'refund')} đã nộp theo biên lai thu số "
                f"00{self.r.randint(1000, 9999)} tại Thi hành án dân sự tỉnh {prov}."
            )
        if instance == "PT":
            fees.extend(self.appeal_tail(buyer, "kinh doanh thương mại"))
        reasoning = (
            f"Ngày 02/3/2023, {seller.name} và {buyer.name} ký hợp đồng số {self.r.randint(1, 99)}/2023/HĐMB, tổng giá "
            f"trị {dots(price + self.amount(100_000_000, 900_000_000, 1_000_000))} đồng. Bị đơn đã thanh toán một phần."
        )
        return self.finish("commerce", head, case, parties, reasoning, ops, fees)

    # -- tort --------------------------------------------------------------------------------------
    def tort(self) -> Synth:
        instance = self.pick(("ST", "ST", "PT"), "instance")
        kind = self.pick(("health", "property", "traffic"), "tort:kind")
        subject = {
            "health": "Tranh chấp bồi thường thiệt hại do sức khỏe bị xâm phạm",
            "property": "Tranh chấp bồi thường thiệt hại do tài sản bị xâm phạm",
            "traffic": "Tranh chấp bồi thường thiệt hại ngoài hợp đồng do tai nạn giao thông",
        }[kind]
        head, case = self.header("DS", instance, subject, "vụ án dân sự")
        prov = self.r.choice(self.provinces)
        victim = self.add_person("plaintiff")
        if kind == "health" and self.chance(0.3, "tort:minor_victim"):
            self.parties.pop()
            victim, line = self.minor("plaintiff", prov, "1. Nguyên đơn: ")
            parties = line + "\n"
        else:
            parties = self.person_line(victim, prov, "1. Nguyên đơn: ") + "\n"
        payees = [victim]
        heirs_of = ""
        if kind == "traffic" and victim.hon != "cháu" and self.chance(0.3, "tort:heirs_claim"):
            co = self.add_person("plaintiff")
            parties += self.person_line(co, prov, "1.2. Nguyên đơn: ") + "\n"
            dead, _ = self.person_name(False)
            payees = [victim, co]
            heirs_of = f" và {self.ref(co)} (là những người thừa kế của ông {dead})"
        driver = self.add_person("defendant", False)
        parties += self.person_line(driver, prov, "2. Bị đơn: ") + "\n"
        owner = insurer = None
        if kind == "traffic":
            owner = self.company("related_party")
            parties += self.company_block("Người có quyền lợi, nghĩa vụ liên quan", owner, prov, 3)
            if self.chance(0.6, "tort:insurer"):
                insurer = self.add_named(
                    "related_party",
                    f"Tổng công ty cổ phần Bảo hiểm {self.r.choice(INSURERS)}",
                    "Tổng công ty Bảo hiểm",
                )
                parties += self.org_block(
                    "Người có quyền lợi, nghĩa vụ liên quan",
                    insurer,
                    prov,
                    4,
                    "Tổng giám đốc",
                    "Giám đốc chi nhánh",
                )
        ops: list[str] = []
        if instance == "PT":
            ops.append(self.appeal_head("DS", case, driver))
        a, b, c = (self.amount(5_000_000, 150_000_000) for _ in range(3))
        total = a + b + c
        sv, sd = self.ref(victim) + heirs_of, self.ref(driver)
        items = (
            f"chi phí cứu chữa, điều trị {dots(a)} đồng; thu nhập thực tế bị mất {dots(b)} đồng; tiền bù đắp tổn thất "
            f"về tinh thần {dots(c)} đồng"
            if kind != "property"
            else f"giá trị tài sản bị hư hỏng {dots(a)} đồng; chi phí sửa chữa {dots(b)} đồng; thu nhập bị mất {dots(c)} đồng"
        )
        if owner is not None:
            style = self.pick(("lien_doi", "ky_phan", "owner_only"), "tort:owner")
            so = self.ref(owner)
            if style == "lien_doi":
                ops.append(
                    f"Buộc {sd} và {so} liên đới bồi thường cho {sv} tổng số tiền {self.money(total, 'tort')}, gồm: "
                    f"{items}."
                )
                self.ob("pay_money", [driver, owner], payees, total)
            elif style == "ky_phan":
                x = total // 2 // 1000 * 1000
                total = 2 * x
                ops.append(
                    f"{cap(sd)} và {so} phải liên đới bồi thường cho {sv} tổng số tiền {self.money(total, 'tort')}; "
                    f"chia theo kỷ phần mỗi người phải bồi thường {dots(x)} đồng."
                )
                self.ob("pay_money", [driver, owner], payees, total)
            else:
                ops.append(
                    f"Buộc {so} (chủ sở hữu nguồn nguy hiểm cao độ) phải bồi thường cho {sv} số tiền "
                    f"{self.money(total, 'tort')}, gồm: {items}."
                )
                self.ob("pay_money", [owner], payees, total)
        else:
            style = self.pick(("buoc", "tru_da_tra", "co_trach_nhiem", "list_total"), "tort:order")
            if style == "list_total":
                ops.append(
                    f"Buộc {sd} bồi thường cho {sv} các khoản: chi phí điều trị {dots(a)} đồng; tiền thu nhập bị mất "
                    f"{dots(b)} đồng; tiền tổn thất tinh thần {dots(c)} đồng. Tổng cộng: {self.money(total, 'tort')}."
                )
            elif style == "tru_da_tra" and self.chance(0.5, "tort:paid_in_brackets"):
                paid = self.amount(2_000_000, 20_000_000, 1_000_000)
                ops.append(
                    f"Buộc {sd} phải bồi thường cho {sv} tổng cộng là {dots(total + paid)} đồng (đã bồi thường được "
                    f"{dots(paid)} đồng), còn phải bồi thường tiếp {self.money(total, 'tort')}."
                )
            elif style == "tru_da_tra":
                paid = self.amount(2_000_000, 20_000_000, 1_000_000)
                ops.append(
                    f"Buộc {sd} phải bồi thường cho {sv} tổng số tiền {dots(total + paid)} đồng, được trừ số tiền "
                    f"{dots(paid)} đồng đã bồi thường trước; {sd} còn phải bồi thường {self.money(total, 'tort')}."
                )
            elif style == "co_trach_nhiem":
                ops.append(
                    f"{cap(sd)} có trách nhiệm bồi thường cho {sv} số tiền {self.money(total, 'tort')}, gồm: {items}."
                )
            else:
                ops.append(
                    f"Buộc {sd} phải bồi thường cho {sv} tổng số tiền {self.money(total, 'tort')}, gồm: {items}."
                )
            self.ob("pay_money", [driver], payees, total)
        if kind != "property" and self.chance(0.35, "tort:bhxh_refund"):
            fund = self.add_named("related_party", f"Bảo hiểm xã hội tỉnh {prov}", "Bảo hiểm xã hội tỉnh")
            parties += self.org_block(
                "Người có quyền lợi, nghĩa vụ liên quan", fund, prov, 5, "Giám đốc", "Trưởng phòng"
            )
            med = self.amount(3_000_000, 60_000_000)
            ops.append(
                f"Buộc {sd} phải hoàn trả cho {fund.name} chi phí khám, chữa bệnh bảo hiểm y tế đã chi trả cho "
                f"{self.full(victim)} là {self.money(med, 'bhyt')}."
            )
            self.ob("pay_money", [driver], [fund], med)
        if insurer is not None:
            ins = self.amount(20_000_000, 150_000_000, 1_000_000)
            ops.append(
                f"{cap(insurer.name)} có trách nhiệm chi trả cho {sv} số tiền bảo hiểm {self.money(ins, 'insurance')} "
                "theo hợp đồng bảo hiểm trách nhiệm dân sự của chủ xe cơ giới."
            )
            self.ob("pay_money", [insurer], payees, ins)
        ops.append(self.late(sd))
        if instance == "PT":
            if self.chance(0.4, "appeal:annul_part"):
                ops.append(self.annul_part(driver, victim))
            ops.append(self.kept())
        fees = []
        if kind == "health" or victim.hon == "cháu":
            fees.append(
                f"{cap(self.full(victim))} được miễn án phí dân sự sơ thẩm theo điểm d khoản 1 Điều 12 Nghị quyết "
                "326/2016/UBTVQH14."
            )
        payers = [
            p
            for p in (driver, owner)
            if p is not None and any(p.pid in o["obligors"] for o in self.obligations)
        ]
        fee = max(300_000, total // 20 // 1000 * 1000)
        if len(payers) == 2 and self.chance(0.5, "fees:moi_nguoi"):
            for p in payers:
                self.ob("court_fee", [p], ["STATE"], fee // 2 // 1000 * 1000)
            fees.append(
                f"{cap(self.ref(payers[0]))} và {self.ref(payers[1])} mỗi người phải chịu "
                f"{self.money(fee // 2 // 1000 * 1000, 'fee')} án phí dân sự sơ thẩm."
            )
        else:
            for p in payers:
                fees.append(self.fees_line(p, fee if len(payers) == 1 else fee // 2, "án phí dân sự sơ thẩm"))
        if instance == "PT":
            fees.extend(self.appeal_tail(driver, "dân sự"))
        reasoning = (
            f"Ngày 14/7/2023 xảy ra va chạm giữa {self.full(driver)} và {self.full(victim)}. Nguyên đơn yêu cầu bồi "
            f"thường {dots(total + self.amount(10_000_000, 90_000_000))} đồng."
        )
        return self.finish("tort", head, case, parties, reasoning, ops, fees)

    # -- divorce -----------------------------------------------------------------------------------
    def divorce(self) -> Synth:
        instance = self.pick(("ST", "ST", "PT"), "instance")
        subject = "Ly hôn, tranh chấp về nuôi con, chia tài sản khi ly hôn"
        head, case = self.header("HNGĐ", instance, subject, "vụ án hôn nhân và gia đình")
        prov = self.r.choice(self.provinces)
        wife = self.add_person("plaintiff", True)
        husband = self.add_person("defendant", False)
        parties = (
            self.person_line(wife, prov, "1. Nguyên đơn: ")
            + "\n"
            + self.person_line(husband, prov, "2. Bị đơn: ")
            + "\n"
        )
        bank = None
        if self.chance(0.4, "divorce:bank"):
            bank = self.add_org("related_party", "bank")
            if self.chance(0.4, "bank:branch_named"):
                bank.name = f"{bank.name} - Chi nhánh {self.r.choice(self.provinces)}"
            parties += self.org_block(
                "Người có quyền lợi, nghĩa vụ liên quan", bank, prov, 3, "Tổng giám đốc", "Giám đốc chi nhánh"
            )
        ops: list[str] = []
        if instance == "PT":
            ops.append(self.appeal_head("HNGĐ", case, husband))
        sw, sh = self.ref(wife), self.ref(husband)
        ops.append(f"Về quan hệ hôn nhân: {cap(self.full(wife))} được ly hôn {self.full(husband)}.")
        c1, _ = self.person_name(True)
        c2, _ = self.person_name(False)
        style = self.pick(("per_child", "one_sum", "start_date", "lump_sum"), "divorce:support")
        kids = f"Giao hai con chung là cháu {c1}, sinh ngày 03/4/2015 và cháu {c2}, sinh ngày 21/9/2018 cho {self.full(wife)} trực tiếp nuôi dưỡng."
        if style == "per_child":
            s1, s2 = (self.amount(1_000_000, 5_000_000, 500_000) for _ in range(2))
            self.ob("pay_money", [husband], [wife], s1)
            self.ob("pay_money", [husband], [wife], s2)
            line = (
                f"{kids} {cap(sh)} có nghĩa vụ cấp dưỡng nuôi cháu {c1} mỗi tháng {self.money(s1, 'support')} và "
                f"cấp dưỡng nuôi cháu {c2} mỗi tháng {self.money(s2, 'support')}, kể từ tháng 9/2025 cho đến khi các "
                "cháu đủ 18 tuổi."
            )
        elif style == "one_sum":
            s = self.amount(2_000_000, 8_000_000, 500_000)
            self.ob("pay_money", [husband], [wife], s)
            line = (
                f"{kids} {cap(sh)} cấp dưỡng nuôi hai con chung mỗi tháng {self.money(s, 'support')}, thời gian cấp "
                "dưỡng kể từ ngày 01/10/2025 cho đến khi các con đủ 18 tuổi."
            )
        elif style == "lump_sum":
            s = self.amount(50_000_000, 300_000_000, 1_000_000)
            self.ob("pay_money", [husband], [wife], s)
            line = (
                f"{kids} {cap(sh)} có nghĩa vụ cấp dưỡng nuôi con một lần số tiền {self.money(s, 'support')}."
            )
        else:
            s = self.amount(1_500_000, 6_000_000, 500_000)
            self.ob("pay_money", [husband], [wife], s)
            line = (
                f"{kids} Buộc {sh} cấp dưỡng nuôi con {self.money(s, 'support')}/tháng, kể từ ngày tuyên án sơ thẩm "
                "(ngày 15/8/2025) đến ngày 21/9/2036."
            )
        if self.chance(0.4, "divorce:arrears"):
            arr = self.amount(5_000_000, 60_000_000, 1_000_000)
            self.ob("pay_money", [husband], [wife], arr)
            line += f" {cap(sh)} còn phải trả cho {sw} tiền cấp dưỡng nuôi con còn thiếu từ tháng 01/2024 đến tháng 8/2025 là {self.money(arr, 'arrears')}."
        ops.append("Về con chung: " + line)
        t1, _ = self.plot(prov, [wife], True)
        diff = self.amount(100_000_000, 1_500_000_000, 1_000_000)
        self.ob("pay_money", [wife], [husband], diff)
        pay_verb = self.pick(
            (
                "có nghĩa vụ thanh toán cho",
                "có trách nhiệm giao lại cho",
                "phải có trách nhiệm thanh toán trả cho",
            ),
            "divorce:diff_verb",
        )
        prop = (
            f"Về tài sản chung: {cap(self.full(wife))} được quyền sở hữu, sử dụng {t1}. {cap(sw)} {pay_verb} {sh} "
            f"giá trị tài sản chênh lệch là {self.money(diff, 'diff')}."
        )
        if bank is not None:
            debt = self.amount(50_000_000, 900_000_000, 1_000_000)
            self.ob("pay_money", [husband], [bank], debt)
            prop += (
                f"\nVề nợ chung: {cap(sh)} có nghĩa vụ trả cho {self.ref(bank)} khoản nợ chung theo hợp đồng tín dụng "
                f"số {self.r.randint(10, 999)}/2021/HĐTD là {self.money(debt, 'debt')}."
            )
        ops.append(prop)
        if instance == "PT":
            ops.append(self.kept())
        fees = [
            self.fees_line(wife, 300_000, "án phí hôn nhân và gia đình sơ thẩm"),
            self.fees_line(
                husband,
                self.amount(3_000_000, 40_000_000),
                "án phí dân sự sơ thẩm đối với phần tài sản được chia",
            ),
        ]
        if self.chance(0.5, "divorce:support_fee"):
            fees.append(self.fees_line(husband, 300_000, "án phí dân sự sơ thẩm về cấp dưỡng nuôi con"))
        else:
            fees.append(f"{cap(self.full(wife))} được miễn án phí đối với yêu cầu cấp dưỡng nuôi con.")
        refund = self.amount(300_000, 10_000_000)
        self.ob("refund", ["STATE"], [wife], refund)
        fees.append(
            f"Hoàn trả cho {sw} số tiền tạm ứng án phí {dots(refund)} đồng đã nộp theo biên lai số "
            f"00{self.r.randint(1000, 9999)}."
        )
        if instance == "PT":
            fees.extend(self.appeal_tail(husband, "dân sự"))
        reasoning = "Nguyên đơn và bị đơn kết hôn năm 2013; có hai con chung. Tài sản chung gồm nhà đất."
        return self.finish("divorce", head, case, parties, reasoning, ops, fees)

    # -- cassation / reopening ---------------------------------------------------------------------
    def cassation(self) -> Synth:
        instance = self.pick(("GĐT", "TT"), "instance")
        code, title, subject = self.pick(
            (
                ("DS", "vụ án dân sự", "Tranh chấp hợp đồng vay tài sản"),
                ("KDTM", "vụ án kinh doanh thương mại", "Tranh chấp hợp đồng mua bán hàng hóa"),
                ("LĐ", "vụ án lao động", "Tranh chấp về đơn phương chấm dứt hợp đồng lao động"),
                ("HNGĐ", "vụ án hôn nhân và gia đình", "Tranh chấp chia tài sản sau khi ly hôn"),
            ),
            "cassation:code",
        )
        head, case = self.header(code, instance, subject, title)
        prov = self.r.choice(self.provinces)
        a = self.add_person("plaintiff")
        b = self.company("defendant") if code in ("KDTM", "LĐ") else self.add_person("defendant")
        parties = self.person_line(a, prov, "1. Nguyên đơn: ") + "\n"
        parties += (
            self.company_block("Bị đơn", b, prov, 2)
            if b.org
            else self.person_line(b, prov, "2. Bị đơn: ") + "\n"
        )
        if self.chance(0.4, "cassation:related"):
            c = self.add_person("related_party")
            parties += self.person_line(c, prov, "3. Người có quyền lợi, nghĩa vụ liên quan: ") + "\n"
        yr = int(case["date"][:4])
        st = f"{self.r.randint(1, 99)}/{yr - 2}/{code}-ST"
        pt = f"{self.r.randint(1, 99)}/{yr - 1}/{code}-PT"
        amt = self.amount(100_000_000, 2_000_000_000, 1_000_000)
        fee = amt // 20 // 1000 * 1000
        word = "giám đốc thẩm" if instance == "GĐT" else "tái thẩm"
        story = (
            f"Tại Bản án sơ thẩm số {st}, Tòa án quyết định: Buộc {self.full(b)} phải trả cho {self.full(a)} số tiền "
            f"{dots(amt)} đồng; {self.full(b)} phải chịu {dots(fee)} đồng án phí sơ thẩm. Tại Bản án phúc thẩm số {pt}, "
            f"Tòa án cấp phúc thẩm giữ nguyên bản án sơ thẩm. Tại Quyết định kháng nghị {word} số "
            f"{self.r.randint(1, 99)}/{yr}/KN-{code}, Chánh án Tòa án nhân dân tối cao kháng nghị đối với bản án phúc thẩm."
        )
        ops = [f"Chấp nhận Quyết định kháng nghị {word} của Chánh án Tòa án nhân dân tối cao."]
        style = self.pick(("whole", "quote_part", "both"), "cassation:annul")
        if style == "quote_part":
            ops.append(
                f"Hủy một phần Bản án phúc thẩm số {pt} về phần buộc {self.full(b)} phải trả cho {self.full(a)} số tiền "
                f"{self.money(amt, 'annulled')} và phần án phí."
            )
        elif style == "both":
            ops.append(
                f"Hủy toàn bộ Bản án phúc thẩm số {pt} và Bản án sơ thẩm số {st} giữa nguyên đơn {self.full(a)} với bị đơn {b.name}."
            )
        else:
            ops.append(f"Hủy toàn bộ Bản án phúc thẩm số {pt}.")
        ops.append(
            "Giao hồ sơ vụ án cho Tòa án nhân dân cấp sơ thẩm xét xử lại theo thủ tục sơ thẩm theo đúng quy định của "
            "pháp luật."
        )
        body = "\n".join(f"{i}. {x}" for i, x in enumerate(ops, 1))
        text = (
            head
            + parties
            + f"\nNỘI DUNG VỤ ÁN:\n{story}\n\nNHẬN ĐỊNH CỦA TÒA ÁN:\n[1] Tòa án các cấp chưa thu thập đầy đủ chứng cứ.\n\n"
            + "QUYẾT ĐỊNH:\nCăn cứ khoản 3 Điều 337, khoản 3 Điều 343 và Điều 345 Bộ luật Tố tụng dân sự;\n"
            + body
            + f"\n{len(ops) + 1}. Quyết định {word} có hiệu lực pháp luật kể từ ngày Hội đồng {word} ra quyết định."
            + "\n\nNơi nhận:                                   TM. HỘI ĐỒNG THẨM PHÁN\n- Các đương sự;\n- Lưu hồ sơ.\n"
        )
        gold = self.parties_only_gold(case)
        return Synth("", "cassation", text, gold, self.variants)
