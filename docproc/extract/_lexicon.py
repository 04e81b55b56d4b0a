"""The words of a judgment the rules key on, written once: party roles, honorifics, verbs of ordering,
number words. Each entry is the phrase as the Civil/Criminal/Administrative Procedure Codes and the
judgment forms (Nghị quyết 01/2017/NQ-HĐTP) write it; the patterns the rule modules use are
generated from it: accented and tone-tolerant (`accented`), or without diacritics (`ascii_pattern`,
for text matched through `fold_aligned`, where OCR or a typist lost the marks).
"""

from __future__ import annotations

import re

from docproc.extract._tolerant import tone_tolerant
from docproc.text.fold import fold

# -- party roles (schema role → the labels that introduce such a party) ------------------------------
# Longer labels first within a role; the role order matters where one label contains another
# ("nguyên đơn dân sự" before "nguyên đơn").
ROLE_LABELS: dict[str, tuple[str, ...]] = {
    "civil_plaintiff": ("nguyên đơn dân sự",),
    "civil_defendant": ("bị đơn dân sự",),
    "plaintiff": ("nguyên đơn",),
    "defendant": ("bị đơn",),
    "related_party": (
        "người có quyền lợi, nghĩa vụ liên quan",
        "người có quyền lợi nghĩa vụ liên quan",
        "người liên quan",
    ),
    "accused": ("bị cáo",),
    "victim": ("người bị hại", "bị hại"),
    "claimant": ("người khởi kiện",),
    "respondent": ("người bị kiện",),
    "petitioner": ("người yêu cầu giải quyết việc dân sự", "người yêu cầu"),
    "other": ("người kế thừa quyền, nghĩa vụ tố tụng",),
}

# Honorifics before a person's name (by age and sex); the scorer and the resolver drop them.
HONORIFICS: tuple[str, ...] = ("ông", "bà", "anh", "chị", "cụ", "em", "cháu", "cô", "chú", "bác")
# Those that open a party's entry in the list ("Ông Nguyễn Văn A, sinh năm ..."); "cô", "chú", "bác"
# name relatives far more often than parties there.
NAME_HONORIFICS: tuple[str, ...] = HONORIFICS[:7]
MALE_HONORIFICS = frozenset({"ông", "anh", "chú", "bác"})
FEMALE_HONORIFICS = frozenset({"bà", "chị", "cô"})

# -- verbs of ordering (the operative part: who must pay, hand over or do what) ----------------------
# Money: longest first, so "trả nợ thay" is read before "trả".
MONEY_VERBS: tuple[str, ...] = (
    "trả nợ thay", "trả thay", "trả lại", "trả nợ", "trả", "thanh toán", "bồi thường", "hoàn trả",
    "hoàn lại", "chi trả", "nộp", "cấp dưỡng", "truy đóng", "đóng bù", "đóng tiếp", "đóng",
)  # fmt: skip
# Contributions into a fund (social insurance): "truy đóng cho bà A tại Bảo hiểm xã hội X số tiền ...";
# the payee is the fund named after "tại" / "vào", the worker is who benefits (GUIDELINES).
CONTRIBUTION_VERBS: tuple[str, ...] = ("truy đóng", "đóng bù", "đóng tiếp", "đóng")
GIVE_VERBS: tuple[str, ...] = ("giao lại", "bàn giao", "giao trả", "giao")
# Modal words that make a verb an order ("phải trả", "có nghĩa vụ thanh toán", "có trách nhiệm trả").
ORDER_MODALS: tuple[str, ...] = (
    "phải", "có nghĩa vụ", "có trách nhiệm", "đồng ý", "tự nguyện", "cam kết", "thống nhất",
)  # fmt: skip

# -- number words (amounts written in words) ---------------------------------------------------------
NUMBER_WORDS: tuple[str, ...] = (
    "không", "một", "mốt", "hai", "ba", "bốn", "tư", "năm", "lăm", "nhăm", "sáu", "bảy", "bẩy", "tám",
    "chín", "mười", "mươi", "trăm", "nghìn", "ngàn", "triệu", "tỷ", "tỉ", "linh", "lẻ",
)  # fmt: skip


def _spaced(words: str, conj: str = "và") -> str:
    """Spaces in a phrase match any run of spaces; where the phrase has a comma, a comma, "và" or
    nothing may be written ("quyền lợi, nghĩa vụ" / "quyền lợi và nghĩa vụ" / "quyền lợi nghĩa vụ"), or
    the comma OCR read as a dot or a semicolon ("quyền lợi. nghĩa vụ")."""
    sep = rf"(?:\s*[,.;]|\s+{conj})?"
    return r"\s+".join(re.escape(t[:-1]) + sep if t.endswith(",") else re.escape(t) for t in words.split())


def ascii_pattern(phrases: tuple[str, ...] | list[str]) -> str:
    """An alternation of the phrases without diacritics, longest first."""
    return "|".join(_spaced(fold(p), "va") for p in sorted(set(phrases), key=len, reverse=True))


def accented(phrases: tuple[str, ...] | list[str], *, tolerant: bool = True) -> str:
    """An alternation of the phrases as written (tone-tolerant unless told), longest first."""
    alt = "|".join(_spaced(p) for p in sorted(set(phrases), key=len, reverse=True))
    return tone_tolerant(alt) if tolerant else alt


def role_of_label(label_ascii: str) -> str | None:
    """The role a label (already folded by `fold`) names, longest label first."""
    for phrase, role in _ROLE_BY_LENGTH:
        if re.match(phrase + r"(?![a-z])", label_ascii):
            return role
    return None


_ROLE_BY_LENGTH = sorted(
    ((_spaced(fold(p), "va"), role) for role, ps in ROLE_LABELS.items() for p in ps),
    key=lambda x: len(x[0]),
    reverse=True,
)
