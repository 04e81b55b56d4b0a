"""Mention resolution: from a later mention of a party ("Ngân hàng", "ông H", "bị đơn", "Công ty Hải
Minh") to its id. Kept apart from the parties list (`parties`), which finds who the parties are; this
module only maps mentions onto them, on a folded copy of the text aligned one to one with it."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from docproc.extract._fuzzy_names import (
    NameIndex,
    best_with_margin,
    damaged,
    distance,
    letters,
    max_distance,
)
from docproc.extract._lexicon import FEMALE_HONORIFICS, HONORIFICS, MALE_HONORIFICS, ROLE_LABELS
from docproc.extract._tolerant import tone_tolerant
from docproc.schema import Party
from docproc.text import words_to_amount
from docproc.text.fold import fold_tones, strip_tone

__all__ = ["PartyResolver", "fold", "FUZZY_MENTION_CONFIDENCE"]

# A mention read with damage and resolved by closeness ("Công ty cổ phần Thiết'bị X" for the party
# "Công ty cổ phần Thiết bị X") is less sure than one written as the party's name: what it decides
# (an obligor, an owner) carries this factor on its confidence (`PartyResolver.confidence`).
FUZZY_MENTION_CONFIDENCE = 0.75
# Names shorter than this (letters) are not matched by closeness: "ông An" is a given name, which
# the tone-tolerant patterns already read.
_FUZZY_MIN_LETTERS = 8

# Upper-case letters (Vietnamese included), for "a name starts here" checks.
_UP = "".join(c for c in map(chr, range(0x41, 0x1EFA)) if c.isupper() and c.isalpha())
_U = "(?-i:[" + re.escape(_UP) + "])"  # upper case even under IGNORECASE


# --------------------------------------------------------------------------------------------
# Folding: the resolver matches on a lower-cased copy of the text with one tone placement, whose
# characters are aligned one to one with the original (so spans carry over unchanged).
# --------------------------------------------------------------------------------------------


def fold(text: str) -> str:
    """NFC, lower case, one tone placement (`fold_tones`); same length as the NFC input."""
    return fold_tones(unicodedata.normalize("NFC", text))


_HONORIFICS = HONORIFICS
_MALE = MALE_HONORIFICS
_FEMALE = FEMALE_HONORIFICS
_HON_RE = re.compile(r"^(?:" + "|".join(_HONORIFICS) + r")\s+", re.IGNORECASE)

# Role words as they appear in later text, folded; several roles share one word list.
_ROLE_WORDS: dict[str, tuple[str, ...]] = {r: ps for r, ps in ROLE_LABELS.items() if r != "other"}
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
# A former or current name in parentheses ("Công ty X (nay là Công ty Y)", "(trước đây là ...)", "(tên
# gọi khác: ...)"): not part of the name, but the document may use it later.
_FORMER_RE = re.compile(
    r"\(\s*(?:nay\s+là|trước\s+(?:đây|kia)\s+(?:là|có\s+tên(?:\s+là)?)|tên\s+(?:cũ|gọi\s+khác|trước\s+đây)"
    r"(?:\s+là)?|đổi\s+tên\s+thành)\s*:?\s*([^()]{2,160}?)\s*\)",
    re.IGNORECASE,
)
# A branch named after its company: "Công ty TNHH X - Chi nhánh Nghệ An"; later text says "Công ty X".
_BRANCH_TAIL_RE = re.compile(r"\s*[-–]\s*chi\s+nhánh\b.*$", re.IGNORECASE)
# A State body named with its province: later text drops it ("Sở Tài nguyên và Môi trường tỉnh X").
_PLACE_TAIL_RE = re.compile(r"(?:,\s*|\s+)(?:tỉnh|thành\s+phố)\s+[^,]+$", re.IGNORECASE)
_ALT_SPLIT = re.compile(r"\s*(?:,|;|\bhoặc\b|\bhay\b|\bvà\b)\s*", re.IGNORECASE)
_QUOTES = "\"'“”‘’«»"


def _clean_alias(s: str) -> str:
    s = s.strip().strip(_QUOTES).strip()
    s = re.sub(r"^(?:là\s+)", "", s, flags=re.IGNORECASE)
    return s.strip(" .,:;" + _QUOTES)


def _name_tokens(name: str) -> list[str]:
    return [t for t in re.split(r"\s+", name.strip()) if t]


# Given names that also open common phrases ("Thành phố", "Nam" in "giới tính: Nam"): never bare.
_COMMON_WORDS = {
    "thành", "nam", "bắc", "đông", "tây", "tân", "hòa", "bình", "an", "phú", "long", "sơn", "hải", "trung",
    "quốc", "việt", "tổng", "công", "ngân", "nhà", "ủy", "tòa", "cơ", "hà", "kinh", "không",
}  # fmt: skip


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
        self._toneless: dict[str, str | None] = {}  # alias or given name without tones → itself
        for key in (*self._alias, *self._role_alias, *self._given):
            t = strip_tone(key)
            self._toneless[t] = key if self._toneless.get(t, key) == key else None
        self._pattern = self._compile()
        self._alias_pattern = self._compile(aliases_only=True)
        self._index: NameIndex | None = None
        self._folded_letters: str | None = None
        self.fuzzy: dict[tuple[int, int], float] = {}  # spans resolved by closeness → distance

    def _canonical(self, key: str, table: dict[str, list[str]]) -> str | None:
        """The alias a reading stands for: itself, or the one alias it equals but for tones."""
        if key in table or key in self._role_alias:
            return key
        c = self._toneless.get(strip_tone(key))
        return c if c is not None and (c in table or c in self._role_alias) else None

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
        self._introduced: dict[str, str] = {}  # folded alias → as the text introduced it ("STBank")
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
                place_less = _PLACE_TAIL_RE.sub("", name)
                if place_less != name and len(place_less.split()) >= 3:  # "Sở Tư pháp tỉnh X" → "Sở Tư pháp"
                    self._add(self._alias, place_less, p.id)
                for head in _ORG_HEADS:
                    if fname.startswith(head + " ") or fname == head:
                        heads.setdefault(head, []).append(p.id)
                        rest = _BRANCH_TAIL_RE.sub("", name[len(head) :].strip())
                        if rest != name[len(head) :].strip():  # "Công ty X - Chi nhánh Y" is also "Công ty X"
                            self._add(self._alias, name[: len(head)] + " " + rest, p.id)
                        for short in _org_shortenings(head, rest):
                            self._add(self._alias, short, p.id)
                        break
            for role_word in _ROLE_WORDS.get(p.role, ()):
                self._add(self._role_alias, role_word, p.id)
        # Organisation heads: "Ngân hàng", "Công ty" stand for the one party that has them.
        generic_ids: dict[str, list[str]] = {}
        for head, ids in heads.items():
            generic = "ngân hàng" if head.startswith("ngân hàng") else head
            generic_ids.setdefault(generic, []).extend(ids)
        self._generic_heads: set[str] = set()
        for generic, ids in generic_ids.items():
            if len(set(ids)) == 1:  # "Công ty" names a party only when one party is a company
                self._add(self._alias, generic, ids[0])
                self._generic_heads.add(generic)
        self._abbreviations()

    def _abbreviations(self) -> None:
        """Aliases the text introduces: "X (sau đây gọi tắt là Y hoặc Z)" → Y, Z stand for X.

        X is the party whose name (or a known alias, or the name's first words) ends closest before
        the parenthesis; a branch suffix in between ("... - Chi nhánh Hải Phòng") is allowed."""
        keys = {k: ids for k, ids in self._alias.items() if len(ids) == 1}
        for p in self.parties:  # the name up to its first comma: "Ủy ban nhân dân huyện B"
            head = fold(p.name).split(",")[0].strip()
            if len(head) >= 6:
                keys.setdefault(head, [p.id])
        if not keys:
            return
        rx = re.compile(
            r"(?<!\w)(?:" + "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True)) + r")(?!\w)"
        )
        found = [(m, True) for m in _ABBREV_RE.finditer(self.text)]
        found += [(m, False) for m in _FORMER_RE.finditer(self.text)]
        for m, split in found:
            lo = max(0, m.start() - 200)
            last = None
            for mm in rx.finditer(self._folded, lo, m.start()):
                last = mm
            if last is None or m.start() - last.end() > 80:
                continue
            pid = keys[last.group(0)][0]
            for alt in _ALT_SPLIT.split(m.group(1)) if split else [m.group(1)]:
                alt = _clean_alias(alt)
                if alt and len(alt) >= 2:
                    # An introduced alias is specific: it overrides a shared generic head.
                    key = re.sub(r"\s+", " ", fold(alt))
                    self._alias[key] = [pid]
                    self._introduced[key] = alt

    def _compile(self, *, aliases_only: bool = False) -> re.Pattern[str] | None:
        keys = set(self._alias) | set(self._role_alias)
        if (
            aliases_only
        ):  # "ông Diệp Quốc Đạt" tried as a whole before "ông Diệp" (another party's given name)
            if not self._alias:
                return None
            alts = "|".join(tone_tolerant(re.escape(k)) for k in sorted(self._alias, key=len, reverse=True))
            lead = "|".join([*_HONORIFICS, *(re.escape(r) for r in _ROLE_PREFIXES)])
            return re.compile(rf"(?:(?P<hon2>{lead})\s+)?(?P<alias>{alts})(?!\w)")
        hon = "|".join(_HONORIFICS)
        given = "|".join(re.escape(g) for g in sorted(self._given, key=len, reverse=True))
        # Bare given names ("Dũng lấy con dao") only when they are words, one party's, 2+ letters.
        bare = [
            g
            for g, ids in self._given.items()
            if len(ids) == 1
            and len(g) >= 2
            and " " not in g
            and g not in _COMMON_WORDS
            and self._by_id[ids[0]].role in ("accused", "victim")
        ]
        alts = [re.escape(k) for k in sorted(keys, key=len, reverse=True)]
        parts = []
        roles = "|".join(re.escape(r) for r in _ROLE_PREFIXES)
        # Names match whatever tone OCR put on a vowel ("bà Hăng", "Hô Thị Thanh Xuân"); a reading
        # maps back to its alias through `_toneless` (honorifics and role words stay exact).
        if given:
            parts.append(rf"(?P<hon>{hon}|{roles})\s+(?P<given>{tone_tolerant(given)})")
        if alts:
            parts.append(rf"(?:(?P<hon2>{hon})\s+)?(?P<alias>" + "|".join(map(tone_tolerant, alts)) + ")")
        if bare:
            parts.append(
                r"(?P<bare>" + "|".join(re.escape(b) for b in sorted(bare, key=len, reverse=True)) + ")"
            )
        if not parts:
            return None
        return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)")

    def _bare_ok(self, s: int, e: int) -> bool:
        """A capitalised word standing alone: not inside a longer proper name ("Hồ Chí Minh")."""
        t = self.text
        if not t[s].isupper():
            return False
        before = re.search(r"(\S+)\s+$", t[max(0, s - 30) : s])
        after = re.match(r"\s+(\S+)", t[e : e + 30])
        if before and before.group(1)[0].isupper() and not before.group(1).endswith((".", ":", ";", ",")):
            return False
        return not (after and after.group(1)[0].isupper())

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

    def _fuzzy_names(self) -> list[tuple[str, str]]:
        """(party id, folded alias) of the names long enough to be matched by closeness: full names
        and the shortenings one party alone has."""
        out = []
        for key, ids in self._alias.items():
            if len(ids) != 1:
                continue
            if " " in key and len(letters(key)) >= _FUZZY_MIN_LETTERS:
                out.append((ids[0], key))
            elif key in self._introduced and max_distance(self._introduced[key]) >= 1:
                out.append((ids[0], self._introduced[key]))  # "STBank", kept in its capitals
        return out

    def _fuzzy_ok(self, reading: str, pid: str, alias: str) -> bool:
        """A close reading stands for the party only when damage explains the difference: the same
        letters spaced or punctuated otherwise, a damaged word on either side, or marks alone in a
        reading the text has once, where the party's name is written more often."""
        if letters(reading) == letters(alias):
            return True
        if damaged(reading) or damaged(self._by_id[pid].name):
            return True
        if distance(reading, alias) < 1:
            if self._folded_letters is None:
                self._folded_letters = letters(self._folded)
            folded_letters = self._folded_letters
            return (
                folded_letters.count(letters(fold(reading))) == 1
                and folded_letters.count(letters(alias)) >= 2
            )
        return False

    def resolve_fuzzy(self, mention: str) -> str | None:
        """The one party a damaged mention stands for by closeness (with a margin over the next
        party), or None."""
        key = _HON_RE.sub("", re.sub(r"\s+", " ", fold(mention)).strip(" .,;:" + _QUOTES))
        if len(letters(key)) < _FUZZY_MIN_LETTERS:
            return None
        names = self._fuzzy_names()
        best = best_with_margin(key, names)
        if best is None:
            return None
        pid = best[0]
        alias = min((a for p, a in names if p == pid), key=lambda a: distance(key, a))
        return pid if self._fuzzy_ok(mention, pid, alias) else None

    def confidence(self, start: int, end: int) -> float:
        """The factor a mention's reading puts on what it decides: 1 for a name as written,
        `FUZZY_MENTION_CONFIDENCE` for one resolved by closeness."""
        return FUZZY_MENTION_CONFIDENCE if (start, end) in self.fuzzy else 1.0

    def _fuzzy_mentions(
        self, start: int, end: int, taken: list[tuple[int, int, str]]
    ) -> list[tuple[int, int, str]]:
        """Mentions the exact patterns missed because OCR damaged them (or the party line): runs of
        words close to one party's name, clearly closer to it than to any other party's."""
        names = self._fuzzy_names()
        if not names:
            return []
        if self._index is None:
            self._index = NameIndex(self.text)
        spans = [(s, e) for s, e, _p in taken]
        cands = []
        for pid, alias in names:
            for w in self._index.windows(alias, start, end):
                if any(w.start < e and w.end > s for s, e in spans):
                    continue
                if letters(w.text) == letters(alias) and fold(w.text) == alias:
                    continue  # written exactly: the patterns decided (a generic head refused it)
                cands.append((w.dist, w, pid, alias))
        cands.sort(key=lambda c: (c[0], -(c[1].end - c[1].start)))
        out: list[tuple[int, int, str]] = []
        for _d, w, pid, alias in cands:
            if any(w.start < e and w.end > s for s, e in spans):
                continue
            best = best_with_margin(w.text, names)
            if best is None or best[0] != pid or not self._fuzzy_ok(w.text, pid, alias):
                continue
            out.append((w.start, w.end, pid))
            spans.append((w.start, w.end))
            self.fuzzy[(w.start, w.end)] = best[1]
        return out

    def resolve(self, mention: str) -> str | None:
        """The one party a mention stands for, or None when unknown or ambiguous."""
        ids = self.resolve_all(mention)
        if not ids:
            return self.resolve_fuzzy(mention)
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
        skip_to = start
        for i, m in enumerate(matches):
            if m.start() < skip_to:
                continue
            if m.groupdict().get("given") is not None and self._alias_pattern is not None:
                longer = self._alias_pattern.match(self._folded, m.start(), end)
                if longer and longer.end() > m.end():
                    m, skip_to = longer, longer.end()
            gd = m.groupdict()
            if gd.get("alias") is not None:
                key = self._canonical(gd["alias"], self._alias)
                if key is None:
                    continue
                if (
                    key in self._generic_heads
                    and _OTHER_ORG_TAIL.match(self.text, m.end())
                    and not _amount_in_words_at(self.text, m.end())
                ):
                    continue  # "Công ty cổ phần Nhựa M": another company's name, not the one party's head
                if key in self._role_alias and key not in self._alias:
                    nxt = matches[i + 1] if i + 1 < len(matches) else None
                    gap = self._folded[m.end() : nxt.start()] if nxt else ""
                    if nxt is not None and re.fullmatch(r"\s*", gap):
                        continue  # "bị đơn ông A": the name says who
                    ids = self._role_alias[key]
                else:
                    ids = self._alias[key]
            elif gd.get("bare") is not None:
                if not self._bare_ok(m.start(), m.end()):
                    continue
                ids = self._given[gd["bare"]]
            else:
                given = self._canonical(gd["given"], self._given)
                if given is None:
                    continue
                ids = self._by_given(given, gd["hon"])
                if len(ids) > 1:
                    continue  # "ông H" with two men named H: unknown
            for pid in ids:
                out.append((m.start(), m.end(), pid))
        out.extend(self._fuzzy_mentions(start, end, out))
        out.sort()
        return out

    # -- helpers --------------------------------------------------------------------------------
    def _role_lookup(self, key: str) -> list[str] | None:
        if key in self._role_alias:
            return list(self._role_alias[key])
        return None

    def _by_given(self, given: str, hon: str | None) -> list[str]:
        ids = self._given.get(given, [])
        if hon is not None and hon not in _HONORIFICS:  # a role word: "bị cáo A", "nguyên đơn B"
            return [p for p in ids if hon in _role_words_of(self._by_id[p].role)]
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


# After an organisation's head: legal-form words, then a capitalised word (its own distinctive name).
_OTHER_ORG_TAIL = re.compile(
    r"(?:\s+(?i:cổ\s+phần|tnhh|trách\s+nhiệm\s+hữu\s+hạn|một\s+thành\s+viên|hai\s+thành\s+viên|thương\s+mại|"
    r"hợp\s+danh|tư\s+nhân|mtv))*\s+" + _U
)


_WORDS_TO_UNIT = re.compile(r"\s+([^\W\d_]+(?:\s+[^\W\d_]+){0,14}?)\s+đồng\b", re.I)


def _amount_in_words_at(text: str, pos: int) -> bool:
    """ "trả cho Ngân hàng Hai tỷ ... đồng": the capitalised word after the head starts the amount."""
    m = _WORDS_TO_UNIT.match(text, pos)
    return bool(m) and words_to_amount(m.group(1)) is not None


def _org_shortenings(head: str, rest: str) -> Iterable[str]:
    """ "Công ty" + the distinctive tail of the name: "Công ty Hải Minh" for "Công ty TNHH Thương
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
