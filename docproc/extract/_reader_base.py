"""Drafts of obligations and assets, and the reader state the rule mixins share."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from docproc.extract import _confidence as C
from docproc.extract import assets as A
from docproc.extract._clauses import Clause
from docproc.extract._patterns import DONG_TIEN_RE, SPECK_COLON
from docproc.extract._word_amounts import (
    amounts_glossed,
    repair_split_digits,
    shadow_digits,
    word_amounts,
    words_support,
)
from docproc.schema import Party
from docproc.text import AmountMatch, find_amounts, parse_amount, words_to_amount

_I = re.I
STATE = "STATE"

__all__ = ["ReaderBase", "Draft", "AssetDraft", "Statement", "STATE"]


@dataclass
class Draft:
    """An obligation being read: values plus the spans and confidences its evidence will carry."""

    kind: str
    span: tuple[int, int]
    item: str
    obligors: list[str] = field(default_factory=list)
    obligees: list[str] = field(default_factory=list)
    joint: bool = False
    amount: AmountMatch | None = None
    amount_vnd: int | None = None
    components: dict[str, int] = field(default_factory=dict)
    comp_spans: dict[str, tuple[int, int]] = field(default_factory=dict)
    late_interest: bool = False
    li_span: tuple[int, int] | None = None
    secured_by: list[int] = field(default_factory=list)
    sec_spans: dict[int, tuple[tuple[int, int], float]] = field(default_factory=dict)
    extra: dict = field(default_factory=dict)
    party_spans: dict[str, tuple[int, int]] = field(default_factory=dict)
    conf: float = C.EXPLICIT
    party_conf: float = C.EXPLICIT

    @property
    def enforcement(self) -> str:
        state = STATE in self.obligors or STATE in self.obligees
        return (
            "ex_officio"
            if state or self.kind in ("court_fee", "fine", "confiscation", "refund")
            else "on_request"
        )


@dataclass
class AssetDraft:
    """An asset being read: its fields (spans relative to `base`), owners, and where it was named."""

    f: A.AssetFields
    base: int
    span: tuple[int, int]
    owners: list[str]
    owner_spans: dict[str, tuple[int, int]]
    items: set[str]
    contexts: set[str]
    conf: float
    owner_conf: float


@dataclass
class Statement:
    """A late-interest or security clause, applied to the orders it names once all are read."""

    kind: str  # "li_contract", "li_statute", "security"
    span: tuple[int, int]
    item: str
    items: list[str] = field(default_factory=list)  # "mục 2.1"
    amounts: list[int] = field(default_factory=list)
    obligors: list[str] = field(default_factory=list)
    obligees: list[str] = field(default_factory=list)
    assets: list[int] = field(default_factory=list)
    contracts: list[str] = field(default_factory=list)  # "để thu hồi nợ theo Hợp đồng tín dụng số X"
    this_item: bool = False
    pos: int = 0


def shift_amount(a: AmountMatch, off: int) -> AmountMatch:
    ws = (a.words_span[0] + off, a.words_span[1] + off) if a.words_span else None
    return dataclasses.replace(a, start=a.start + off, end=a.end + off, words_span=ws)


def amounts_of(text: str, start: int, end: int) -> list[AmountMatch]:
    """Amounts of text[start:end] (absolute offsets). "300.000 đồng tiền tạm ứng án phí" is money
    too, though "đồng tiền" alone is not a unit: add those the shared finder leaves out,
    and amounts written in words alone."""
    found = [shift_amount(a, start) for a in find_amounts(shadow_digits(text[start:end]))]
    have = {a.start for a in found}
    for m in DONG_TIEN_RE.finditer(text, start, end):
        if m.start() not in have:
            value = int(m.group("n").replace(".", ""))
            found.append(AmountMatch(m.start(), m.end(), value))
    found = repair_split_digits(text, sorted(found, key=lambda a: a.start))
    found += amounts_glossed(text, start, end, found)
    found += word_amounts(text, start, end, found)
    return sorted(found, key=lambda a: a.start)


def label_key(label: str, table: tuple[tuple[str, str], ...]) -> str | None:
    for pattern, key in table:
        if re.search(pattern, label, _I):
            return key
    return None


def fold_id(s: str | None) -> str:
    return re.sub(r"[\s.,\-/–]", "", (s or "").upper())


def _one_digit_slip(digits: int, words: int) -> bool:
    """Same length, one nonzero digit read as another nonzero digit ("3" as "2"): what OCR does to
    a number. A zero on either side is more likely words cut short ("... hai triệu" for 1.342.600.000)."""
    a, b = str(digits), str(words)
    diff = [(x, y) for x, y in zip(a, b, strict=False) if x != y]
    return len(a) == len(b) and len(diff) == 1 and "0" not in diff[0]


class ReaderBase:
    """State shared by the rule mixins: the text, its clauses, amounts and party mentions, and the
    drafts read so far. Offsets are always absolute positions in the document text."""

    def __init__(
        self, text: str, start: int, end: int, clauses: list[Clause], parties: list[Party], resolver: object
    ) -> None:
        self.text, self.s, self.e = text, start, end
        self.clauses = clauses
        self.parties = parties
        self.by_id = {p.id: p for p in parties}
        self.resolver = resolver
        self.fuzzy_spans: set[tuple[int, int]] = set()  # role word + a name resolved by closeness
        self.mentions = self._find_mentions()
        self.amounts = amounts_of(text, start, end)
        self.shadow = text[:start] + shadow_digits(text[start:end]) + text[end:]  # as the finder saw it
        self.obs: list[Draft] = []
        self.assets: list[AssetDraft] = []
        self.known: list[A.AssetFields] = []
        self.statements: list[Statement] = []
        self.custodians: list[str] = []
        self.consumed: set[int] = set()
        self.parent: tuple[Draft, Clause] | None = None

    def _find_mentions(self) -> list[tuple[int, int, str]]:
        if "\n" in self.text[self.s : self.e] and getattr(self.resolver, "text", None) == self.text:
            # A name wrapped over two lines is still one mention: match on a copy with line breaks
            # as spaces (same length, so spans are unchanged).
            try:
                self.resolver = type(self.resolver)(self.parties, self.text.replace("\n", " "))
            except Exception:  # noqa: BLE001 - keep the given resolver
                pass
        fm = getattr(self.resolver, "find_mentions", None)
        if fm is None:
            try:
                from docproc.extract.mentions import PartyResolver

                self.resolver = PartyResolver(self.parties, self.text)
                fm = self.resolver.find_mentions
            except Exception:  # noqa: BLE001 - no resolver: no mentions
                return []
        try:
            found = list(fm(self.s, self.e))
        except Exception:  # noqa: BLE001
            return []
        # "bị cáo Phượng", "bị hại Sang": a role word with a given name names one party.
        resolve = getattr(self.resolver, "resolve", None)
        if resolve is not None:
            rx = re.compile(
                r"\b(?:bị\s+cáo|bị\s+hại|bị\s+đơn|nguyên\s+đơn|người\s+bị\s+hại)\s+"
                r"(?P<n>[A-ZĐÀ-Ỹ][^\s,.;:()]*(?:\s+[A-ZĐÀ-Ỹ][^\s,.;:()]*){0,4})"
            )
            for m in rx.finditer(self.text, self.s, self.e):
                pid = None
                name = m.group("n").split()
                for k in range(len(name), 0, -1):  # longest prefix that names one party
                    pid = resolve(m.group(0)[: m.start("n") - m.start()] + " ".join(name[:k]))
                    if pid:
                        end = m.start("n") + len(" ".join(name[:k]))
                        break
                if pid:
                    found = [t for t in found if t[1] <= m.start() or t[0] >= end]
                    found.append((m.start(), end, pid))
                    exact = getattr(self.resolver, "resolve_all", None)
                    if exact is not None and not exact(self.text[m.start() : end]):
                        self.fuzzy_spans.add((m.start(), end))  # resolved by closeness only
        found.sort()
        return found

    def mention_factor(self, span: tuple[int, int]) -> float:
        """How sure the reading of the party mention at `span` is (`PartyResolver.confidence`: 1 for a
        name as written, less for one resolved by closeness through OCR damage)."""
        if span in self.fuzzy_spans:
            from docproc.extract.mentions import FUZZY_MENTION_CONFIDENCE

            return FUZZY_MENTION_CONFIDENCE
        conf = getattr(self.resolver, "confidence", None)
        try:
            return float(conf(*span)) if conf is not None else 1.0
        except Exception:  # noqa: BLE001 - a resolver without spans: as written
            return 1.0

    def pids_in(self, a: int, b: int, *, parens: bool = False) -> list[tuple[str, tuple[int, int]]]:
        """Parties mentioned in text[a:b], in order, once each (mentions in parentheses skipped)."""
        out: list[tuple[str, tuple[int, int]]] = []
        seen: set[str] = set()
        for ms, me, pid in self.mentions:
            if ms < a or me > b:
                continue
            if not parens:
                seg = self.text[a:ms]
                if seg.count("(") > seg.count(")"):
                    continue
            if pid not in seen:
                seen.add(pid)
                out.append((pid, (ms, me)))
        return out

    def _group_after(self, pos: int, limit: int) -> tuple[list[tuple[str, tuple[int, int]]], int]:
        """The run of party mentions right after `pos` ("cho ông A và bà B (…) ..."): ids and the end."""
        out: list[tuple[str, tuple[int, int]]] = []
        cur = pos
        for ms, me, pid in self.mentions:
            if ms < cur or ms >= limit:
                continue
            gap = self.text[cur:ms]
            gap_clean = re.sub(r"\([^()]*\)", "", gap)
            if not re.fullmatch(
                r"\s*(?:(?:,|và|cùng|hoặc)\s*)?(?:(?:các|hai)\s+)?(?:(?:ông|bà|anh|chị)\s+)?", gap_clean
            ):
                break
            if pid not in [p for p, _ in out]:
                out.append((pid, (ms, me)))
            cur = me
            # a closing parenthetical right after the name belongs to it
            m = re.match(r"\s*\([^()]*\)", self.text[cur:limit])
            if m:
                cur += m.end()
        return out, cur

    def accused(self) -> list[str]:
        return [p.id for p in self.parties if p.role == "accused"]

    def amounts_in(self, a: int, b: int) -> list[AmountMatch]:
        return [m for m in self.amounts if a <= m.start and m.end <= b]

    @staticmethod
    def _amount_start(am: AmountMatch) -> int:
        """Start of an amount including words written before its digits ("Hai trăm nghìn đồng (200.000
        đồng)"): what precedes the amount in the sentence ends there."""
        if am.words_span and am.words_span[0] < am.start:
            return am.words_span[0]
        return am.start

    def _after_amount(self, am: AmountMatch) -> int:
        """End of an amount including its words in parentheses (an amount in words alone ends at
        its unit)."""
        if am.words_span and am.words_span[0] >= am.end:
            close = self.text.find(")", am.words_span[1])
            return close + 1 if close >= 0 else am.words_span[1]
        if am.words_span and am.words_span[0] < am.start:  # "Hai triệu đồng (2.000.000 đồng)": its ")"
            m = re.match(r"\s*\)", self.text[am.end : am.end + 4])
            if m:
                return am.end + m.end()
        return am.end

    def _subject(self, a: int, b: int) -> list[tuple[str, tuple[int, int]]]:
        seg = self.text[a:b]
        cut = max((m.end() for m in re.finditer(rf"{SPECK_COLON}|;|\bthì\b|\.\s", seg, _I)), default=0)
        return self.pids_in(a + cut, b)

    def _set_amount(self, d: Draft, am: AmountMatch) -> None:
        if not am.words:  # "2.500.000 đồng/tháng (Hai triệu năm trăm nghìn đồng)"
            m = re.match(
                r"\s*/\s*(?:01\s+)?(?:tháng|năm)\s*\(\s*(?:bằng\s+chữ\s*:?\s*)?([^()]+?)\s*\)",
                self.text[am.end :],
            )
            if m and words_to_amount(m.group(1)) == am.value:
                s0 = am.end + m.start(1)
                am = dataclasses.replace(am, words=m.group(1), words_span=(s0, s0 + len(m.group(1))))
        d.amount, d.amount_vnd = am, am.value
        span = self.text[am.start : am.end]
        digits = parse_amount(span)
        # letters read for digits, a unit garbled, a separator displaced: read through the damage
        tail = am.end + 4  # a garbled unit is read as "đ" and blanked after it
        letters = self.shadow[am.start : tail] != self.text[am.start : tail]

        if am.words:
            d.extra.pop("_words_mismatch", None)
            said = words_to_amount(am.words)
            if said == am.value and (letters or digits != am.value and re.search(r"\d", span)):
                d.conf = C.REPAIRED  # the digits were put together again (`repair_split_digits`)
            elif said == am.value:
                d.conf = C.STATED
            elif words_support(am.words, am.value):
                d.conf = C.REPAIRED  # words OCR damaged, which still spell the digits
            else:
                d.conf = C.WEAK
                d.extra["_words_mismatch"] = True
                complete = re.search(r"đồng\W*$", am.words, _I) is not None  # not cut short by OCR
                if said is not None and complete and _one_digit_slip(am.value, said):
                    # "20.000.000 đồng (Ba mươi triệu đồng)": OCR slips on one digit; the words,
                    # several syllables long, rarely turn into another valid amount.
                    d.amount_vnd = said
        if letters:
            d.conf = min(d.conf, C.REPAIRED)
