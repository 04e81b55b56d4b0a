"""What a draft needs to know about a judgment beyond the extraction's fields, read from the
extraction itself (party names, the obligation's own sentence, the case subject) with rules written
from the law and the language (shared/domain, eval/GUIDELINES.md), never from one example.

Each function answers one question a decision's wording depends on:
    state_compensation(ex, ob)   compensation to the State in a corruption / economic-order case?
    honorific(ex, party)         "ông" / "bà" for a person, as the judgment addresses them
    fee_label(ob)                the fee's own type ("án phí dân sự sơ thẩm")
    paid_by(ex, ob)              who paid the amount the court deducted (already_paid)
    deduction_consistent(ob)     does amount_vnd already deduct already_paid?
    support(ob)                  child support: the child, the end ("đến khi cháu … đủ 18 tuổi")
    seized(ex, ob, asset)        held "để đảm bảo thi hành án" (kê biên, phong tỏa) or collateral?
    contract_rate_interest(ex, ob)  does the judgment order contract-rate interest until payment?
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from docproc.decisions._rules import common
from docproc.schema import Asset, Extraction, Obligation, Party
from docproc.text import nfc

__all__ = [
    "state_compensation",
    "honorific",
    "person_name",
    "fee_label",
    "paid_by",
    "paid_on_behalf",
    "paid_to_agency",
    "deduction_consistent",
    "Support",
    "support",
    "seized",
    "contract_rate_interest",
    "amounts_in",
    "component_label",
]

STATE = "STATE"
_AMOUNT = re.compile(r"\d{1,3}(?:[.,]\d{3})+|\d+")


def _low(s: str | None) -> str:
    return nfc(s or "").lower()


def _extra(model: Any) -> dict[str, Any]:
    return model.model_extra or {}


# --- ex officio: compensation to the State ---------------------------------------------------------


def state_compensation(ex: Extraction, ob: Obligation) -> tuple[bool, str | None]:
    """(True, why) when `ob` is compensation to the State, a State body or a (probably) 100%-State
    enterprise in a corruption or economic-order case: "khoản thu khác cho Nhà nước" (NĐ 152/2026 Art.
    8(2)). A party's `state_owned` (set by the officer) overrides the name patterns."""
    if ob.kind != "pay_money" or STATE in ob.obligors:
        return False, None
    data = common()["state_compensation"]
    subject = _low(ex.case.subject)
    crime = next((c for c in data["crimes"] if c in subject), None)
    if crime is None or ex.case.type_code not in (None, "HS"):
        return False, None
    parties = {p.id: p for p in ex.parties}
    for pid in ob.obligees:
        p = parties.get(pid)
        if p is None:
            continue
        flag = _extra(p).get("state_owned")
        if flag is not None:
            if flag:
                return (
                    True,
                    f"{p.name} được cán bộ xác nhận là Nhà nước, cơ quan nhà nước hoặc doanh nghiệp 100% vốn nhà nước",
                )
            continue
        name = _low(p.name)
        if p.kind == "organization" and any(name.startswith(b) for b in data["state_bodies"]):
            return True, f"{p.name} là cơ quan, tổ chức nhà nước; vụ án về tội {crime}"
        if p.kind == "organization" and any(name.startswith(e) for e in data["state_enterprises"]):
            return (
                True,
                f"{p.name} có thể là doanh nghiệp do Nhà nước nắm giữ 100% vốn điều lệ; vụ án về tội {crime}: "
                "cần xác nhận",
            )
    return False, None


# --- persons ---------------------------------------------------------------------------------------

_HONORIFIC = re.compile(r"\b(ông|bà|anh|chị|cụ)\s+$", re.IGNORECASE)


def honorific(ex: Extraction, party: Party) -> str | None:
    """'ông' or 'bà' for a person (administrative documents use these for adults): as the judgment
    addresses the person next to the name, else by the middle name "Thị" / "Văn"; None when unknown
    and for organisations."""
    if party.kind != "person":
        return None
    word = _extra(party).get("honorific")
    if word in ("ông", "bà"):
        return word
    texts = [ob.text or "" for ob in ex.obligations] + [e.text for e in ex.evidence.values() if e.text]
    votes = {"ông": 0, "bà": 0}
    for text in texts:
        for m in re.finditer(re.escape(party.name), nfc(text)):
            h = _HONORIFIC.search(nfc(text)[max(0, m.start() - 6) : m.start()])
            if h:
                w = h.group(1).lower()
                votes["bà" if w in ("bà", "chị") else "ông" if w in ("ông", "anh") else "ông"] += w != "cụ"
    if votes["ông"] != votes["bà"]:
        return max(votes, key=lambda k: votes[k])
    words = nfc(party.name).split()
    if "Thị" in words[1:-1]:
        return "bà"
    if "Văn" in words[1:-1]:
        return "ông"
    return None


def person_name(ex: Extraction, party: Party) -> str:
    """'ông Phan Quốc Dũng', 'bà Lê Thị Thu Hằng', 'Công ty ...'; 'ông (bà) X' when unknown."""
    if party.kind != "person":
        return nfc(party.name)
    h = honorific(ex, party)
    return nfc(f"{h or 'ông (bà)'} {party.name}")


# --- fees ------------------------------------------------------------------------------------------

_FEE_AFTER = re.compile(
    r"đồng\s+((?:án phí|lệ phí)(?:\s+[^\s,.;:()]+){0,7}?\s+(?:sơ thẩm|phúc thẩm))", re.IGNORECASE
)
_FEE_ANY = re.compile(
    r"((?:án phí|lệ phí)(?:\s+[^\s,.;:()\d]+){0,7}?\s+(?:sơ thẩm|phúc thẩm)"
    r"|án phí cấp dưỡng(?: nuôi con)?|án phí ly hôn|lệ phí Tòa án)",
    re.IGNORECASE,
)
_FEE_STOP = re.compile(r"\s+(?:và|có|đối|gồm|được|tổng|là|theo|của|trong)\b.*$")


def fee_label(ob: Obligation, amount: int | None = None, *, strict: bool = False) -> str | None:
    """The fee's type as the judgment writes it ("án phí dân sự sơ thẩm", "án phí cấp dưỡng nuôi con"),
    read right after the amount (`amount`, default the obligation's). A stated total of several fees
    (`ob.components`) takes only a label printed right after the total; otherwise the first fee phrase
    of the sentence (not with `strict`)."""
    text = nfc(ob.text or "")
    if not text:
        return None
    amount = ob.amount_vnd if amount is None else amount
    strict = strict or len(ob.components) > 1
    if amount is not None:
        for m in _AMOUNT.finditer(text):
            if _to_int(m.group()) == amount:
                after = _FEE_AFTER.match(text, m.end() + 1)
                if after:
                    return _clean_fee(after.group(1))
                near = _FEE_ANY.match(text, m.end() + len(" đồng "))
                if near and text[m.end() : m.end() + 6] == " đồng ":
                    return _clean_fee(near.group(1))
    if strict:
        return None
    m = _FEE_ANY.search(text)
    return _clean_fee(m.group(1)) if m else None


def _clean_fee(label: str) -> str:
    label = _FEE_STOP.sub("", nfc(label).strip())
    return label[0].lower() + label[1:]


def _to_int(s: str) -> int:
    return int(re.sub(r"[.,]", "", s))


_LABEL_CUT = re.compile(r"[,;:(]|\bgồm\b|\btrong đó\b|\bbao gồm\b", re.IGNORECASE)
_LABEL_TAIL = re.compile(r"\s+(?:là|số tiền|với số tiền|bằng)\s*$", re.IGNORECASE)


def component_label(ob: Obligation, amount: int) -> str | None:
    """The words the judgment puts before a part of the total ("tiền làm thêm giờ 3.000.000 đồng"),
    for parts the label table does not know; None when the sentence gives no short label."""
    text = nfc(ob.text or "")
    for m in _AMOUNT.finditer(text):
        if _to_int(m.group()) != abs(amount):
            continue
        before = _LABEL_CUT.split(text[max(0, m.start() - 80) : m.start()])[-1]
        label = _LABEL_TAIL.sub("", before.strip()).strip()
        if 1 <= len(label.split()) <= 8 and not re.search(r"\d", label):
            return label[0].lower() + label[1:]
    return None


def amounts_in(text: str | None) -> list[int]:
    """Every amount in digits in a sentence ("1.342.600.000", "2,486,350,000")."""
    return [_to_int(m.group()) for m in _AMOUNT.finditer(nfc(text or "")) if len(m.group()) >= 4]


# --- amounts already paid ---------------------------------------------------------------------------

_PAID = re.compile(r"đã (?:nộp|bồi thường|trả|khắc phục|thi hành|thanh toán|giao|tự nguyện)", re.IGNORECASE)
_SOMEONE = re.compile(r"\b(?i:bị cáo|ông|bà|anh|chị|bị đơn|nguyên đơn|người)\s+[A-ZĐÀ-Ỹ]")
_CLAUSE_END = re.compile(r"[.;](?=\s|$)")


def _mentions(text: str, party: Party) -> bool:
    name = nfc(party.name)
    if name in text:
        return True
    if party.kind != "person":
        return False
    given = name.split()[-1]
    return bool(
        re.search(
            rf"\b(?i:bị cáo|ông|bà|anh|chị|bị đơn|nguyên đơn|người)\s+{re.escape(given)}\b(?!\s+[A-ZĐ])", text
        )
    )


def paid_by(ex: Extraction, ob: Obligation) -> list[str] | None:
    """Party ids of who paid the deducted amount, read from the clauses of the obligation's sentence
    that say "đã nộp / đã bồi thường ..." (the obligees named there only receive it). An officer's
    `already_paid_by` wins. None when the sentence names nobody and there are several obligors."""
    given = _extra(ob).get("already_paid_by")
    if isinstance(given, list) and given:
        return [str(p) for p in given]
    text = nfc(ob.text or "")
    parties = [p for p in ex.parties if p.id not in ob.obligees]
    found: list[str] = []
    someone_else = False
    for clause in _CLAUSE_END.split(text):
        segments = re.split(r",\s+", clause)
        for k, seg in enumerate(segments):
            if not _PAID.search(seg):
                continue
            named = [p.id for p in parties if _mentions(seg, p)]
            if not named and k > 0:  # "bị cáo A, đã nộp ..." : the name sits in the segment before
                named = [p.id for p in parties if _mentions(segments[k - 1], p)]
            found += [pid for pid in named if pid not in found]
            if not named and _SOMEONE.search(seg):
                someone_else = True
    if found:
        return found
    if someone_else:
        return None
    own = [p for p in ob.obligors if p != STATE]
    return own if len(own) == 1 else None


def paid_on_behalf(ob: Obligation) -> bool:
    """True when the sentence says the deducted amount was paid for the obligor ("bồi thường thay")."""
    return any(_PAID.search(c) and re.search(r"\bthay\b", c) for c in _CLAUSE_END.split(nfc(ob.text or "")))


def paid_to_agency(ob: Obligation) -> bool:
    """True when the deducted amount was paid into an enforcement agency ("Biên lai thu tiền ... của
    Cục / Chi cục / Thi hành án dân sự"): the agency holds it and pays it out of its own motion."""
    return any(
        _PAID.search(c) and re.search(r"thi hành án dân sự", c, re.IGNORECASE)
        for c in _CLAUSE_END.split(nfc(ob.text or ""))
    )


def deduction_consistent(ob: Obligation) -> bool | None:
    """True when the sentence shows amount_vnd is what remains after already_paid (the gross amount
    amount + paid is printed, or "còn phải" precedes the amount); False when it shows the opposite
    (the ordered figure is printed and no gross is); None when there is nothing to compare."""
    paid = _extra(ob).get("already_paid")
    if not isinstance(paid, int) or ob.amount_vnd is None:
        return None
    text = nfc(ob.text or "")
    amounts = amounts_in(text)
    if ob.amount_vnd + paid in amounts:
        return True
    if re.search(r"còn (?:phải|lại|tiếp tục)", text, re.IGNORECASE) and ob.amount_vnd in amounts:
        return True
    if ob.amount_vnd in amounts and paid in amounts:
        return False
    return None


# --- periodic payments -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Support:
    """Child support as the judgment orders it: who is supported and until when."""

    child: str | None
    end: str | None


_CHILD = re.compile(
    r"nuôi\s+(?:(?:hai|ba|\d+)\s+)?(?:con(?:\s+chung)?(?:\s+là)?\s+)?(?:cháu|con)\s+"
    r"([A-ZĐÀ-Ỹ][^\s,.;()]*(?:\s+[A-ZĐÀ-Ỹ][^\s,.;()]*)*)"
)
_END = re.compile(
    r"((?:cho\s+)?(?:đến|tới)\s+(?:khi|ngày)\s+[^.;]*?(?:đủ\s+18\s+tuổi|thành niên|trưởng thành|lao động"
    r"|\d{1,2}/\d{1,2}/\d{4}|năm\s+\d{4})[^.;,]*)",
    re.IGNORECASE,
)


def support(ob: Obligation) -> Support | None:
    """The child and the end of a child-support obligation ("cấp dưỡng nuôi con"), None otherwise."""
    text = nfc(ob.text or "")
    if "cấp dưỡng" not in text.lower():
        return None
    child = _CHILD.search(text)
    end = _END.search(text)
    end_text = end.group(1).strip() if end else None
    if end_text and not end_text.lower().startswith("cho"):
        end_text = "cho " + end_text
    return Support(child=child.group(1) if child else None, end=end_text)


# --- assets -------------------------------------------------------------------------------------------

_SEIZED = re.compile(
    r"kê biên|phong tỏa|phong toả|tạm giữ|tạm giữ|đảm bảo thi hành án|bảo đảm thi hành án|"
    r"biện pháp khẩn cấp tạm thời|ngăn chặn",
    re.IGNORECASE,
)
_COLLATERAL = re.compile(r"thế chấp|cầm cố|tài sản bảo đảm|hợp đồng bảo đảm|phát mại|phát mãi", re.IGNORECASE)


def seized(ex: Extraction, ob: Obligation, asset: Asset) -> bool:
    """True when the asset is held to secure enforcement (kê biên, phong tỏa, tạm giữ "để đảm bảo thi
    hành án") rather than given as collateral (tài sản bảo đảm) under a security contract."""
    if asset.security_contract:
        return False
    text = nfc(" ".join(x for x in (ob.text, asset.description) if x))
    if _SEIZED.search(text):
        return True
    if _COLLATERAL.search(text):
        return False
    return ex.case.type_code == "HS"


# --- interest ---------------------------------------------------------------------------------------

_CREDIT_COMPONENTS = {"interest_in_term", "interest_overdue", "interest"}


def contract_rate_interest(ex: Extraction, ob: Obligation) -> bool:
    """True when the late interest the judgment orders is the contract rate until payment (credit
    contracts: Án lệ 08/2016/AL, NQ 01/2019/NQ-HĐTP), not the Civil Code Art. 357/468 clause."""
    if not ob.late_interest or ob.kind != "pay_money":
        return False
    quote = _low(_extra(ob).get("late_interest_text"))
    if quote:
        return "thỏa thuận" in quote or "thoả thuận" in quote or "hợp đồng" in quote
    if _CREDIT_COMPONENTS & set(ob.components) or _extra(ob).get("contracts"):
        return True
    return "tín dụng" in _low(ex.case.subject)
