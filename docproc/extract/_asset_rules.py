"""Rules that turn asset descriptions into asset drafts: secured, seized, allocated or handed-over
assets, their owners, and one asset mentioned several times merged by its identifiers."""

from __future__ import annotations

import re

from docproc.extract import _confidence as C
from docproc.extract import assets as A
from docproc.extract._clauses import Clause, in_item
from docproc.extract._patterns import (
    ALLOC_HEAD_RE,
    ALLOC_RE,
    CUSTODY_RE,
    GIVE_TO_RE,
    HOLDER_RE,
    HOLDER_STOP_RE,
    MUC_RE,
    ORDER_RE,
    OWNER_END_RE,
    OWNER_RE,
    REF_RE,
)
from docproc.extract._reader_base import AssetDraft, ReaderBase, fold_id
from docproc.extract._tolerant import compile_tolerant
from docproc.text.fold import bare

_I = re.I

# A taking verb in the facts; OCR may give it another tone ("P lẫy 01 đoạn tuýp" for "lấy"), so a verb
# read loosely (lower case, whatever its tone: "dung" in "nội dung" is no verb) is a fallback
_TAKE_RE = re.compile(r"\b(?:mang\s+theo|mang|lấy|dùng|cầm|sử\s+dụng|chuẩn\s+bị|mua|cất\s+giấu)\b", re.I)
_TAKE_LOOSE_RE = compile_tolerant(r"(?<!\w)(?:lấy|cầm|cất\s+giấu)(?!\w)")

# Where the sentence about one taking starts: a full stop, a semicolon, ", còn" / ", rồi" (however spaced).
_STORY_BOUNDARY = re.compile(r"[.;]|,\s*(?:còn|rồi)\b", re.I)

__all__ = ["AssetRules"]


# An owner label OCR damaged: "mang “ẻn ông A" (mang tên), "đứng tèn bà B", "thuộc sớ hữu của C". The
# exact OWNER_RE keeps "đứng tên hộ" apart from "đứng tên Hồ"; these are read only where that found no
# owner, and only when a party is named right after the label.
_DAMAGED_NAME_LABEL_RE = re.compile(r"\b(?:mang|đứng)\s+(?P<w>[^\s\d]{1,5})\s+", _I)
_LOOSE_OWNED_RE = compile_tolerant(r"\bthuộc\s+(?:quyền\s+)?sở\s+hữu(?:\s+của)?\s+", _I)
_HONORIFIC_GAP_RE = re.compile(r"\s*(?:(?:ông|bà|anh|chị|hộ)\s+)?", _I)


def _one_edit(a: str, b: str) -> bool:
    """Equal, or one letter replaced, dropped or added."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) <= 1
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


_CERT_WORD_RE = re.compile(r"\b(?:Giấy\s+chứng\s+nhận|GCN)", _I)
_PLOT_AT_RE = re.compile(r"\bthửa(?:\s+đất)?(?:\s+số)?\s*:?\s*(\d+[a-zA-Z]?)\b", _I)


def _body_certificate(text: str, f: A.AssetFields) -> str | None:
    """A certificate OCR made unreadable in the operative part ("Giấy chứng nhận số CK 205L."):
    the one the rest of the document gives most often for the same plot and sheet."""
    votes: dict[str, int] = {}
    for m in _PLOT_AT_RE.finditer(text):
        if m.group(1) != f.plot_number:
            continue
        end = min(len(text), m.end() + 400)
        stop = re.search(r";|\n|\.\s", text[m.start() : end])
        g = A.read_asset(text[m.start() : m.start() + stop.start() if stop else end])
        if (
            g is not None
            and g.certificate
            and not A.certificate_damaged(g.certificate)
            and (g.map_sheet or None) == (f.map_sheet or None)
        ):
            votes[g.certificate] = votes.get(g.certificate, 0) + 1
    if len({fold_id(c) for c in votes}) != 1:
        return None
    return max(votes, key=lambda c: votes[c])


def _glued_letter(value: str | None, rx: re.Pattern[str], text: str) -> str | None:
    """A plot or sheet number with a capital OCR glued onto it ("412G" for "412,"): the bare number,
    when the document writes the number bare elsewhere and never with that letter again."""
    if not value or not re.fullmatch(r"\d+[A-Z]", value):
        return None
    seen = [m.group("v") for m in rx.finditer(text)]
    if seen.count(value) == 1 and value[:-1] in seen:
        return value[:-1]
    return None


# What starts a new order rather than the next entry of an asset list: a topic heading ("Về ...:") or a verb.
_NOT_ENTRY_RE = compile_tolerant(
    r"\s*(?:[-–+•*]\s*|[a-zđ]\)\s*)?(?:Về\s[^:\n]{1,80}:|Tịch\s+thu|Buộc|Tuyên\s+bố|Xử\s+phạt|Phạt\s|Trả\s+lại|"
    r"Giao\s+trả|Hoàn\s+trả|Truy\s+thu|Tiếp\s+tục\s+(?:kê\s+biên|tạm\s+giữ|phong\s+tỏa|duy\s+trì))",
    _I,
)
# A list's dash as OCR may read it at the line's start: a tilde, an em dash, an underscore, a not-sign, or
# blanks where the reader took such a speck out of the text (blank_specks keeps the length).
_OCR_BULLET_RE = re.compile(r"[ \t]*[~—_¬=][ \t]+|[ \t]+")
_LETTERS = ("abcdđeghiklmnopqrstuvxy", "abcdefghijklmnopqrstuvwxyz")


def _next_letter(item: str, other: str) -> bool:
    """Whether point `other` ("2.e") follows point `item` ("2.đ") in Vietnamese or Latin lettering."""
    a, b = item.rpartition(".")[2].lower(), other.rpartition(".")[2].lower()
    return any(a in abc and abc.index(a) + 1 < len(abc) and abc[abc.index(a) + 1] == b for abc in _LETTERS)


class AssetRules(ReaderBase):
    def _describe_only(self, c: Clause) -> None:
        m = re.search(r"\b(?:là|gồm)\b\s*:?", self.text[c.start : c.end], _I)
        a = c.start + (m.end() if m else 0)
        for cs, ce in A.split_assets(self.text[a : c.end], a):
            f = A.read_asset(self.text[cs:ce])
            if f is not None and f.identified:
                self.known.append(f)

    def _asset_list(self, i: int, c: Clause, context: str, default_kind: str | None = None) -> list[int]:
        """Assets listed on the lines after clause i ("a) ...", "- ...", "2.1. ..."), consumed."""
        found: list[int] = []
        line = c.line
        lettered = ""  # the last lettered entry: "a) ...", "b) ..." continue it
        dashed = False  # a dash list: a line starting with a speck in the dash's place is its next entry
        for j in range(i + 1, len(self.clauses)):
            cj = self.clauses[j]
            child = cj.item != c.item and in_item(cj.item, c.item)
            if (
                c.marker == "let"
                and cj.marker == "let"
                and not child
                and _next_letter(c.item, cj.item)
                and not (lettered and _next_letter(lettered, cj.item))
            ):
                break  # "đ) Tiếp tục kê biên các tài sản sau: - ...; - ..." then "e) ...": the next point
            if (
                cj.line != line
                and self.clauses[j - 1].line != cj.line
                and _NOT_ENTRY_RE.match(self.text, cj.start)
            ):
                break  # "- Về vật chứng: Tịch thu ...": a heading or an order, not the next asset of the list
            if cj.marker == "let" and cj.line != line:
                lettered = cj.item
            first_of_line = self.clauses[j - 1].line != cj.line
            bullet = (
                _OCR_BULLET_RE.match(self.text, cj.start)
                if first_of_line and not cj.marker and dashed
                else None
            )
            if bullet is not None and A.asset_kind(self.text[bullet.end() : cj.end]) is None:
                bullet = None  # an indented line that names no asset: not an entry of the list
            dashed = dashed or cj.marker == "dash"
            listed = cj.marker in ("dash", "let") or child or bullet is not None
            if cj.line != line and not listed and cj.marker != "":
                break
            if cj.line != line and cj.marker == "" and not child and bullet is None:
                # a further sentence of the same line is fine; a new unmarked line ends the list
                if first_of_line:
                    break
            if cj.line == line:
                continue
            self.consumed.add(j)
            if first_of_line:
                # the entry is the whole line: a comma OCR read as a full stop ("150 m2. đất trồng ...")
                # must not cut the certificate or owner off its description
                end = cj.end
                for k in range(j + 1, len(self.clauses)):
                    if self.clauses[k].line != cj.line:
                        break
                    end = self.clauses[k].end
                begin = bullet.end() if bullet else cj.start
                found += self._assets_from(begin, end, context, cj.item, default_kind=default_kind)
        return found

    def _owners(self, a: int, b: int) -> list[tuple[str, tuple[int, int]]]:
        out: list[tuple[str, tuple[int, int]]] = []
        for m in OWNER_RE.finditer(self.text, a, b):
            e = OWNER_END_RE.search(self.text, m.end(), b)
            end = e.start() if e else b
            for pid, sp in self.pids_in(m.end(), end):
                if pid not in [p for p, _ in out]:
                    out.append((pid, sp))
        return out or self._owners_after_damaged_label(a, b)

    def _owners_after_damaged_label(self, a: int, b: int) -> list[tuple[str, tuple[int, int]]]:
        """Owners named after an owner label OCR damaged: "mang" / "đứng" then one short token one
        edit from "tên" (quotes and specks aside), or "thuộc sở hữu" with a wrong tone; the party must
        follow at once (an honorific between), so "mang theo" or a damaged word elsewhere names none."""
        labels = [m.end() for m in _LOOSE_OWNED_RE.finditer(self.text, a, b)]
        for m in _DAMAGED_NAME_LABEL_RE.finditer(self.text, a, b):
            w = bare(m.group("w"))  # its letters without marks, quotes or specks, in capitals
            if w and _one_edit(w, "TEN") and w != "LEN":
                labels.append(m.end())
        for pos in sorted(labels):
            gap = _HONORIFIC_GAP_RE.match(self.text, pos)
            start = gap.end() if gap else pos
            e = OWNER_END_RE.search(self.text, pos, b)
            end = e.start() if e else b
            who = self.pids_in(pos, end)
            if who and who[0][1][0] <= start:
                return who
        return []

    def _assets_from(
        self,
        a: int,
        b: int,
        context: str,
        item: str,
        *,
        default_owners: list[tuple[str, tuple[int, int]]] | None = None,
        default_kind: str | None = None,
        owner_conf: float = C.LIKELY,
        owners_win: bool = False,
    ) -> list[int]:
        """Assets described in text[a:b] (added or merged), as indices into self.assets."""
        region = self.text[a:b]
        chunks = A.split_assets(region, a)
        out: list[int] = []
        fresh: list[int] = []
        for cs, ce in chunks:
            chunk = self.text[cs:ce]
            f = A.read_asset(chunk, default_kind=default_kind)
            if f is None:
                continue
            if not f.plate and f.kind in ("vehicle", "other"):
                fixed = A.repair_plate(chunk, self.text)
                if fixed is not None:
                    f.plate, f.spans["plate"], f.kind = fixed[2], fixed[:2], "vehicle"
                    f.repaired["plate"] = A.REPAIRED_BY_DOCUMENT
            if not f.plate and f.kind in ("vehicle", "other"):
                damaged = A.read_damaged_plate(chunk, self.text)
                if damaged is not None:
                    f.plate, f.spans["plate"], f.kind = damaged[2], damaged[:2], "vehicle"
                    f.repaired["plate"] = damaged[3]
            for name, rx in (("plot_number", A.PLOT_RE), ("map_sheet", A.SHEET_RE)):
                bare = _glued_letter(getattr(f, name), rx, self.text)
                if bare is not None:
                    setattr(f, name, bare)
                    f.repaired[name] = A.REPAIRED_BY_DOCUMENT
            if f.certificate and A.certificate_damaged(f.certificate):
                cert = A.repair_certificate(f.certificate, self.text)
                body = _body_certificate(self.text, f) if cert is None and f.plot_number else None
                if cert is None and body is not None and not A.certificate_damaged(body):
                    cert = body, A.REPAIRED_BY_DOCUMENT  # the plot's certificate as the document gives it
                if cert is not None:
                    f.certificate, f.repaired["certificate"] = cert
            if not f.plate and f.kind == "vessel":
                fixed = A.repair_vessel(chunk, self.text)
                if fixed is not None:
                    f.plate, f.spans["plate"] = fixed[2], fixed[:2]
                    f.repaired["plate"] = A.REPAIRED_BY_DOCUMENT
            if (
                re.match(r"\s*(?:bản\s+chính|giấy\s+(?:chứng\s+nhận|tờ))", chunk, _I)
                and context != "evidence"
            ):
                continue
            if not f.identified and REF_RE.search(chunk):
                out += self._refer(chunk, item)
                continue
            same = (
                self._same_kind_in_item(f.kind, item) if not f.identified and context == "delivery" else None
            )
            if same is not None:
                out.append(same)  # "... được sở hữu xe ô tô BKS X. Anh B có nghĩa vụ giao xe ô tô cho chị A"
                continue
            explicit = self._owners(cs, ce)
            if owners_win and default_owners:
                owners, oconf = default_owners, owner_conf
            elif explicit:
                owners, oconf = explicit, C.EXPLICIT
            else:
                owners, oconf = (default_owners or []), owner_conf
            if not owners and f.kind in ("deposit", "shares"):
                owners, oconf = self._holder(cs, ce), C.INFERRED
            elif not owners:
                owners, oconf = self._holder(cs, ce), C.DEFAULTED  # "xe ô tô ... của bị cáo A"
            if not f.certificate and f.plot_number:
                self._inherit_certificate(f)
                if not f.certificate and _CERT_WORD_RE.search(chunk):
                    f.certificate = _body_certificate(self.text, f)
            if not owners and f.plot_number:  # a house "trên thửa đất số 245 nêu trên": the land's owners
                land = next(
                    (
                        d
                        for d in self.assets
                        if d.owners
                        and d.f.plot_number == f.plot_number
                        and (d.f.map_sheet or None) == (f.map_sheet or None)
                    ),
                    None,
                )
                if land is not None:
                    owners = [(p, land.owner_spans.get(p, land.span)) for p in land.owners]
                    oconf = C.DEFAULTED
            idx = self._merge(f, cs, ce, owners, oconf, item, context)
            out.append(idx)
            fresh.append(idx)
        # Siblings of one list share what the last one states ("... và 01 xe ..., thuộc sở hữu của X,
        # theo Hợp đồng thế chấp số ...").
        if len(fresh) > 1:
            last = self.assets[fresh[-1]]
            for k in fresh[:-1]:
                d = self.assets[k]
                if not d.owners and last.owners:
                    d.owners, d.owner_spans, d.owner_conf = (
                        list(last.owners),
                        dict(last.owner_spans),
                        C.INFERRED,
                    )
                if d.f.plot_number and not d.f.map_sheet and last.f.plot_number and last.f.map_sheet:
                    d.f.map_sheet = last.f.map_sheet  # "thửa số 10 và thửa số 11, tờ bản đồ số 2"
                    if "map_sheet" in last.f.spans:
                        s0, e0 = last.f.spans["map_sheet"]
                        d.f.spans["map_sheet_abs"] = (last.base + s0, last.base + e0)
                if not d.f.security_contract and last.f.security_contract:
                    d.f.security_contract = last.f.security_contract
                    if "security_contract" in last.f.spans:
                        d.f.spans["security_contract_abs"] = (
                            last.base + last.f.spans["security_contract"][0],
                            last.base + last.f.spans["security_contract"][1],
                        )
        return list(dict.fromkeys(out))

    def _holder(self, cs: int, ce: int) -> list[tuple[str, tuple[int, int]]]:
        """The holder of an account, savings book or shares: "tài khoản số ... của Công ty A tại Ngân
        hàng B" is A's (GUIDELINES: the bank that keeps an account is not its owner)."""
        for m in HOLDER_RE.finditer(self.text, cs, ce):  # "của Công ty X do ông A sở hữu": the first party
            stop = HOLDER_STOP_RE.search(self.text, m.end(), ce)
            who = self.pids_in(m.end(), stop.start() if stop else ce)
            if who:
                return who
        return []

    def _same_kind_in_item(self, kind: str | None, item: str) -> int | None:
        """The last asset of this kind already read in the same numbered item: a delivery naming only the
        head noun ("giao xe ô tô") hands over that asset, it names no new one."""
        top = item.split(".")[0]
        for k in range(len(self.assets) - 1, -1, -1):
            d = self.assets[k]
            if d.f.kind == kind and any(in_item(it, top) for it in d.items):
                return k
        return None

    def _refer(self, chunk: str, item: str) -> list[int]:
        refs = MUC_RE.findall(chunk)
        if refs:
            return [
                k for k, d in enumerate(self.assets) if any(in_item(it, r) for it in d.items for r in refs)
            ]
        top = item.split(".")[0]
        same = [k for k, d in enumerate(self.assets) if any(in_item(it, top) for it in d.items)]
        return same or ([len(self.assets) - 1] if self.assets else [])

    def _inherit_certificate(self, f: A.AssetFields) -> None:
        for g in self.known + [d.f for d in self.assets]:
            if (
                g.certificate
                and g.kind == f.kind
                and g.plot_number == f.plot_number
                and (g.map_sheet or None) == (f.map_sheet or None)
            ):
                f.certificate = g.certificate
                return

    def _same(self, d: AssetDraft, f: A.AssetFields) -> bool:
        g = d.f
        if f.plate and g.plate:
            return fold_id(f.plate) == fold_id(g.plate)
        if f.kind != g.kind or (f.part or None) != (g.part or None):
            return False
        if f.plot_number and g.plot_number:
            return f.plot_number == g.plot_number and (f.map_sheet or g.map_sheet) in (None, g.map_sheet)
        if f.certificate and g.certificate:
            return fold_id(f.certificate) == fold_id(g.certificate)
        return False

    def _merge(
        self,
        f: A.AssetFields,
        cs: int,
        ce: int,
        owners: list[tuple[str, tuple[int, int]]],
        oconf: float,
        item: str,
        context: str,
    ) -> int:
        for k, d in enumerate(self.assets):
            if self._same(d, f):
                for name in (
                    "plot_number",
                    "map_sheet",
                    "area_m2",
                    "address",
                    "certificate",
                    "plate",
                    "security_contract",
                ):
                    if getattr(d.f, name) is None and getattr(f, name) is not None:
                        setattr(d.f, name, getattr(f, name))
                        if name in f.repaired:
                            d.f.repaired[name] = f.repaired[name]
                        if name in f.spans:
                            s0, e0 = f.spans[name]
                            d.f.spans[name + "_abs"] = (cs + s0, cs + e0)
                if not d.owners and owners:
                    d.owners = [p for p, _ in owners]
                    d.owner_spans = dict((p, sp) for p, sp in owners)
                    d.owner_conf = oconf
                d.items.add(item)
                d.contexts.add(context)
                return k
        conf = C.IDENTIFIED if f.identified else C.INFERRED
        self.assets.append(
            AssetDraft(
                f=f,
                base=cs,
                span=(cs, ce),
                owners=[p for p, _ in owners],
                owner_spans=dict((p, sp) for p, sp in owners),
                items={item},
                contexts={context},
                conf=conf,
                owner_conf=oconf,
            )
        )
        return len(self.assets) - 1

    def _narrative_owner(self, description: str) -> tuple[str, tuple[int, int]] | None:
        """Who the facts say had an exhibit: "T lấy 01 con dao ..., còn P lấy 01 đoạn tuýp sắt" →
        the knife is T's. Only an accused named as the subject of a taking verb counts. Returns the
        party and where the facts name it."""
        words = re.sub(r"^\s*\d{1,3}\s*(?:\([^)]*\)\s*)?", "", description).split()
        if len(words) < 2:
            return None
        key = r"\s+".join(re.escape(w) for w in words[:2])
        names: list[tuple[str, str]] = []
        for p in self.parties:
            if p.role == "accused":
                toks = p.name.split()
                names += [(p.id, r"\s+".join(map(re.escape, toks))), (p.id, re.escape(toks[-1]))]
        story = self.text[: self.s]
        for m in re.finditer(key, story, _I):
            w0 = max(0, m.start() - 600)
            lo = max((b.end() for b in _STORY_BOUNDARY.finditer(story, w0, m.start())), default=w0)
            seg = story[lo : m.start()]
            verb = _TAKE_RE.search(seg)
            if not verb:  # "P lẫy 01 đoạn tuýp": the verb nearest the object, whatever its tone
                verb = next(reversed(list(_TAKE_LOOSE_RE.finditer(seg))), None)
            if not verb:
                continue
            who = []
            for pid, n in names:
                hit = re.search(rf"(?<!\w){n}(?!\w)", seg[: verb.start()])
                if hit:
                    who.append((pid, (lo + 1 + hit.start(), lo + 1 + hit.end())))
            if len({pid for pid, _ in who}) == 1:
                return who[0]
        return None

    def _custody(self, c: Clause, t: str) -> None:
        for m in CUSTODY_RE.finditer(t):
            who, _ = self._group_after(c.start + m.end(), c.end)
            self.custodians += [p for p, _ in who]

    def _allocation(self, c: Clause, start: int) -> bool:
        """ "Giao cho A được quyền sở hữu X và giao cho B quyền sử dụng Y", "A được sở hữu X": assets
        the judgment allocates, owned by whom they go to."""
        t = self.text[start : c.end]
        heads = list(GIVE_TO_RE.finditer(t))
        if heads:
            found = False
            for k, m in enumerate(heads):
                seg_end = start + heads[k + 1].start() if k + 1 < len(heads) else c.end
                who, after = self._group_after(start + m.end(), seg_end)
                v = ALLOC_RE.search(self.text, after, seg_end)
                if not who or not v or v.start() - after > 20:
                    continue
                idx = self._assets_from(
                    v.end(), seg_end, "allocation", c.item, default_owners=who, owners_win=True
                )
                found = found or bool(idx)
            return found
        m = ALLOC_HEAD_RE.search(t)
        if not m:
            return False
        who = self._subject(start, start + m.start())
        if not who or ORDER_RE.search(self.text, start, start + m.start()):
            return False
        run = ALLOC_RE.match(t, m.start())  # "được quyền sở hữu, sử dụng ...": the whole run of rights
        region = start + max(m.end(), run.end() if run else 0)
        lead = re.match(r"[^.;:]{0,50}?\b(?:là|gồm)\b\s*:?", self.text[region : c.end], _I)
        if lead:  # "được hưởng kỷ phần bằng hiện vật là quyền sử dụng đất ..."
            region += lead.end()
        idx = self._assets_from(region, c.end, "allocation", c.item, default_owners=who, owners_win=True)
        return bool(idx)
