"""Parties (đương sự) with roles, identifiers, addresses and representatives."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from docproc.document import Document
from docproc.extract.evidence import EvidenceBuilder
from docproc.extract.sections import Sections
from docproc.schema import Party

__all__ = ["extract_parties", "PartyResolver", "fold"]


def extract_parties(document: Document, sections: Sections, ev: EvidenceBuilder) -> list[Party]:
    return []  # being written (issue 4)


# --------------------------------------------------------------------------------------------
# Folding: the resolver matches on a lower-cased copy of the text with one tone placement, whose
# characters are aligned one to one with the original (so spans carry over unchanged).
# --------------------------------------------------------------------------------------------

_OLD_TONES = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa", "oè": "òe", "oé": "óe", "oẻ": "ỏe",
    "oẽ": "õe", "oẹ": "ọe", "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}  # fmt: skip
_OLD_TONE_RE = re.compile(r"(?<!q)(" + "|".join(_OLD_TONES) + r")(?!\w)")


def fold(text: str) -> str:
    """NFC, lower case, new-style tone placement; same length as the NFC input."""
    text = unicodedata.normalize("NFC", text)
    low = text.lower()
    if len(low) != len(text):  # a rare character whose lower case is longer: keep it as is
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return _OLD_TONE_RE.sub(lambda m: _OLD_TONES[m.group(1)], low)


_HONORIFICS = ("ông", "bà", "anh", "chị", "cụ", "em", "cháu", "cô", "chú", "bác")
_MALE = {"ông", "anh", "chú", "bác"}
_FEMALE = {"bà", "chị", "cô"}
_HON_RE = re.compile(r"^(?:" + "|".join(_HONORIFICS) + r")\s+", re.IGNORECASE)

# Role words as they appear in later text, folded; several roles share one word list.
_ROLE_WORDS: dict[str, tuple[str, ...]] = {
    "plaintiff": ("nguyên đơn",),
    "defendant": ("bị đơn",),
    "related_party": (
        "người có quyền lợi, nghĩa vụ liên quan",
        "người có quyền lợi nghĩa vụ liên quan",
        "người liên quan",
    ),
    "accused": ("bị cáo",),
    "victim": ("bị hại", "người bị hại"),
    "civil_plaintiff": ("nguyên đơn dân sự",),
    "civil_defendant": ("bị đơn dân sự",),
    "claimant": ("người khởi kiện",),
    "respondent": ("người bị kiện",),
    "petitioner": ("người yêu cầu",),
}
# A role word followed by a name ("bị cáo Nguyễn Văn A", "bị đơn ông B") names that one party.
_ROLE_PREFIXES = tuple(sorted({w for ws in _ROLE_WORDS.values() for w in ws}, key=len, reverse=True))

# Heads of organisation names, longest first, and the legal-form words that sit between the head
# and the distinctive name ("Công ty TNHH Thương mại Hải Minh" → "Công ty Hải Minh").
_ORG_HEADS = (
    "ngân hàng thương mại cổ phần", "ngân hàng tmcp", "tổng công ty", "công ty", "ngân hàng",
    "hợp tác xã", "ủy ban nhân dân", "ubnd", "chi nhánh", "doanh nghiệp tư nhân", "quỹ tín dụng nhân dân",
)  # fmt: skip

_ABBREV_RE = re.compile(
    r"\(\s*(?:sau\s+đây\s+)?(?:được\s+)?(?:gọi|viết)\s+tắt\s*(?:là)?\s*:?\s*([^()]{1,160}?)\s*\)",
    re.IGNORECASE,
)
_ALT_SPLIT = re.compile(r"\s*(?:,|;|\bhoặc\b|\bhay\b|\bvà\b)\s*", re.IGNORECASE)
_QUOTES = "\"'“”‘’«»"


def _clean_alias(s: str) -> str:
    s = s.strip().strip(_QUOTES).strip()
    s = re.sub(r"^(?:là\s+)", "", s, flags=re.IGNORECASE)
    return s.strip(" .,:;" + _QUOTES)


def _name_tokens(name: str) -> list[str]:
    return [t for t in re.split(r"\s+", name.strip()) if t]


class PartyResolver:
    """Maps a mention in the operative part ("Ngân hàng", "ông H", "Công ty Hải Minh") to a party id.

    Aliases of each party: its full name (with and without honorific), honorific + given name for
    people ("ông Khải", "anh H"), the abbreviations the text introduces ("(sau đây gọi tắt là ...)"),
    the organisation head when one party alone has it ("Ngân hàng", "Công ty"), a shortening "head +
    distinctive name" ("Công ty Hải Minh"), and role words when one party alone has that role
    ("nguyên đơn"). An alias shared by several parties resolves to none of them in `resolve` and to
    all of them in `resolve_all`.

        r = PartyResolver(parties, text)
        r.resolve("ông Khải")            # "P3"
        r.find_mentions(start, end)      # [(s, e, "P1"), ...] over text[start:end]
    """

    def __init__(self, parties: list[Party], text: str) -> None:
        self.parties = parties
        self.text = text
        self._folded = fold(text)
        self._by_id = {p.id: p for p in parties}
        self._alias: dict[str, list[str]] = {}  # folded alias → party ids (order of parties)
        self._role_alias: dict[str, list[str]] = {}  # folded role word → party ids
        self._given: dict[str, list[str]] = {}  # folded given name → party ids (people)
        self._build()
        self._pattern = self._compile()

    # -- construction -------------------------------------------------------------------------
    def _add(self, table: dict[str, list[str]], alias: str, pid: str) -> None:
        key = re.sub(r"\s+", " ", fold(alias)).strip(" .,;:")
        if len(key) < 1:
            return
        ids = table.setdefault(key, [])
        if pid not in ids:
            ids.append(pid)

    def _build(self) -> None:
        heads: dict[str, list[str]] = {}
        for p in self.parties:
            name = p.name.strip()
            self._add(self._alias, name, p.id)
            stripped = _HON_RE.sub("", name)
            self._add(self._alias, stripped, p.id)
            if p.kind == "person":
                toks = _name_tokens(stripped)
                if toks:
                    self._add(self._given, toks[-1], p.id)
                    if len(toks) >= 3:  # "Thu Hường", "Văn A"
                        self._add(self._given, " ".join(toks[-2:]), p.id)
            else:
                fname = fold(name)
                for head in _ORG_HEADS:
                    if fname.startswith(head + " ") or fname == head:
                        heads.setdefault(head, []).append(p.id)
                        rest = name[len(head) :].strip()
                        for short in _org_shortenings(head, rest):
                            self._add(self._alias, short, p.id)
                        break
            for role_word in _ROLE_WORDS.get(p.role, ()):
                self._add(self._role_alias, role_word, p.id)
        # Organisation heads: "Ngân hàng", "Công ty" stand for the one party that has them.
        for head, ids in heads.items():
            generic = head
            if head.startswith("ngân hàng"):
                generic = "ngân hàng"
            for pid in ids:
                self._add(self._alias, generic, pid)
        # "Ngân hàng" also covers "Ngân hàng Thương mại cổ phần X" etc.: merge by generic head.
        self._abbreviations()

    def _abbreviations(self) -> None:
        """Aliases the text introduces: "X (sau đây gọi tắt là Y hoặc Z)" → Y, Z stand for X."""
        names = [(fold(p.name), p.id) for p in self.parties]
        for m in _ABBREV_RE.finditer(self.text):
            before = self._folded[max(0, m.start() - 300) : m.start()]
            best: tuple[int, str] | None = None
            for fname, pid in names:
                pos = before.rfind(fname)
                if pos < 0:
                    continue
                dist = len(before) - (pos + len(fname))
                if best is None or dist < best[0]:
                    best = (dist, pid)
            if best is None or best[0] > 40:
                continue
            for alt in _ALT_SPLIT.split(m.group(1)):
                alt = _clean_alias(alt)
                if alt and len(alt) >= 2:
                    # An introduced alias is specific: it overrides a shared generic head.
                    key = re.sub(r"\s+", " ", fold(alt))
                    self._alias[key] = [best[1]]

    def _compile(self) -> re.Pattern[str] | None:
        keys = set(self._alias) | set(self._role_alias)
        hon = "|".join(_HONORIFICS)
        given = "|".join(re.escape(g) for g in sorted(self._given, key=len, reverse=True))
        alts = [re.escape(k) for k in sorted(keys, key=len, reverse=True)]
        parts = []
        if given:
            parts.append(rf"(?P<hon>{hon})\s+(?P<given>{given})")
        if alts:
            parts.append(r"(?P<alias>" + "|".join(alts) + ")")
        if not parts:
            return None
        return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)")

    # -- queries --------------------------------------------------------------------------------
    def resolve_all(self, mention: str) -> list[str]:
        """All parties a mention may stand for (several for "các bị cáo", a shared role word)."""
        key = re.sub(r"\s+", " ", fold(mention)).strip(" .,;:" + _QUOTES)
        key = re.sub(r"^(?:các|những|hai|ba)\s+", "", key)
        if not key:
            return []
        if key in self._alias:
            return list(self._alias[key])
        role_ids = self._role_lookup(key)
        if role_ids is not None:
            return role_ids
        # Role word + name: "bị cáo Nguyễn Văn A", "nguyên đơn ông B".
        for rw in _ROLE_PREFIXES:
            if key.startswith(rw + " "):
                ids = self.resolve_all(key[len(rw) + 1 :])
                roles = {p for p in ids if fold(rw) in _role_words_of(self._by_id[p].role)}
                return [p for p in ids if p in roles] or ids
        hon, _, rest = key.partition(" ")
        if hon in _HONORIFICS and rest:
            if rest in self._alias:
                return list(self._alias[rest])
            return self._by_given(rest, hon)
        return self._by_given(key, None)

    def resolve(self, mention: str) -> str | None:
        """The one party a mention stands for, or None when unknown or ambiguous."""
        ids = self.resolve_all(mention)
        return ids[0] if len(ids) == 1 else None

    def find_mentions(self, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
        """Party mentions in text[start:end], as (start, end, party id), in text order.

        A mention that stands for several parties (a shared role word, "các bị cáo") yields one
        tuple per party with the same span; a role word directly followed by a name is dropped in
        favour of the name.
        """
        if self._pattern is None:
            return []
        end = len(self.text) if end is None else end
        out: list[tuple[int, int, str]] = []
        matches = list(self._pattern.finditer(self._folded, start, end))
        for i, m in enumerate(matches):
            if m.group("alias") is not None:
                key = m.group("alias")
                if key in self._role_alias and key not in self._alias:
                    nxt = matches[i + 1] if i + 1 < len(matches) else None
                    gap = self._folded[m.end() : nxt.start()] if nxt else ""
                    if nxt is not None and re.fullmatch(r"\s*", gap):
                        continue  # "bị đơn ông A": the name says who
                    ids = self._role_alias[key]
                else:
                    ids = self._alias[key]
            else:
                ids = self._by_given(m.group("given"), m.group("hon"))
            for pid in ids:
                out.append((m.start(), m.end(), pid))
        return out

    # -- helpers --------------------------------------------------------------------------------
    def _role_lookup(self, key: str) -> list[str] | None:
        if key in self._role_alias:
            return list(self._role_alias[key])
        return None

    def _by_given(self, given: str, hon: str | None) -> list[str]:
        ids = self._given.get(given, [])
        if len(ids) > 1 and hon is not None:
            female = [p for p in ids if " thị " in f" {fold(self._by_id[p].name)} "]
            if hon in _FEMALE and female:
                ids = female
            elif hon in _MALE and len(female) < len(ids):
                ids = [p for p in ids if p not in female]
        return list(ids)


def _role_words_of(role: str) -> tuple[str, ...]:
    return _ROLE_WORDS.get(role, ())


_LEGAL_WORDS = {"tnhh", "mtv", "cp", "tmcp", "và", "-", "–", "&"}
_FIELD_BIGRAMS = {
    "trách nhiệm", "hữu hạn", "một thành", "thành viên", "cổ phần", "thương mại", "dịch vụ",
    "sản xuất", "đầu tư", "xây dựng", "vận tải", "kỹ thuật", "công nghệ", "phát triển", "xuất nhập",
    "nhập khẩu", "cơ khí", "thiết bị", "y tế", "điện tử", "linh kiện", "dệt may", "bảo hiểm",
    "xây lắp", "bất động", "động sản", "du lịch", "cơ điện", "lâm sản", "chế biến", "tư vấn",
    "vật liệu", "thực phẩm", "nông nghiệp", "thủy sản", "môi trường", "cấp thoát", "thoát nước",
}  # fmt: skip


def _org_shortenings(head: str, rest: str) -> Iterable[str]:
    """"Công ty" + the distinctive tail of the name: "Công ty Hải Minh" for "Công ty TNHH Thương
    mại và Vận tải Hải Minh". The tail is the run of words after the last legal-form or trade
    word ("TNHH", "cổ phần", "Thương mại", ...)."""
    toks = _name_tokens(rest)
    low = [fold(t) for t in toks]
    i = len(toks)
    while i > 0:
        if low[i - 1] in _LEGAL_WORDS:
            break
        if i >= 2 and f"{low[i - 2]} {low[i - 1]}" in _FIELD_BIGRAMS:
            break
        i -= 1
    tail = toks[i:]
    short_head = "ngân hàng" if head.startswith("ngân hàng") else head
    if not tail:
        return []
    if len(tail) == len(toks) and short_head == head:
        return []
    return [f"{short_head} {' '.join(tail)}"]
