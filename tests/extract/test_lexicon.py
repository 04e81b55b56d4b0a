"""The one table of roles, honorifics and verbs of ordering, and the variants generated from it."""

from __future__ import annotations

import re

from docproc.extract import _lexicon as L
from docproc.extract._patterns import ORDER_RE
from docproc.extract.parties import _ROLE_LABELS
from docproc.text.fold import fold, fold_aligned


def test_every_role_label_matches_written_with_or_without_marks_comma_or_va():
    for role, phrases in L.ROLE_LABELS.items():
        for phrase in phrases:
            for written in {
                phrase,
                phrase.replace(",", ""),
                phrase.replace(",", " và"),
                fold(phrase),
            }:
                got = next((r for rx, r in _ROLE_LABELS if rx.match(fold_aligned(written))), None)
                assert got == role, (written, got)


def test_longer_labels_win():
    assert L.role_of_label(fold("nguyên đơn dân sự: ông A")) == "civil_plaintiff"
    assert L.role_of_label(fold("các đồng nguyên đơn")) is None  # prefixes belong to the caller
    assert L.role_of_label(fold("người có quyền lợi và nghĩa vụ liên quan")) == "related_party"


def test_order_verbs_and_modals_come_from_the_table():
    for verb in L.MONEY_VERBS + L.GIVE_VERBS:
        m = ORDER_RE.search(f"Ông A phải {verb} cho bà B")
        assert m and re.sub(r"\s+", " ", m.group("verb")) == verb
    for modal in L.ORDER_MODALS:
        m = ORDER_RE.search(f"Ông A {modal} thanh toán cho bà B")
        assert m and m.group("modal").strip() == modal


def test_accented_alternatives_are_tone_tolerant_on_request():
    rx = re.compile(L.accented(("bồi thường",)))
    assert rx.fullmatch("bồi thường") and rx.fullmatch("bôi thưởng")
    assert not re.fullmatch(L.accented(("bồi thường",), tolerant=False), "bôi thưởng")
