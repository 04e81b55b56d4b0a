"""Confidence levels of the rules, named for the evidence behind a value (one scale for every rule
module, so that a reviewer's "low confidence first" means the same everywhere; calibrated by
benchmarks/calibration.py: of fields ≥ 0.9, about 97 % are right on dev text)."""

from __future__ import annotations

STATED = 0.95  # written in a fixed form the rules read exactly (a header line, digits the words confirm)
IDENTIFIED = 0.9  # an identifier or label read where the form puts it (plate, certificate, "Số:")
EXPLICIT = 0.85  # read from the order's own wording (the default of an order's fields)
LIKELY = 0.8  # read from a less fixed form (a list sibling, a fee "mỗi người", a description)
PARTIAL = 0.75  # an order assembled from parts of the clause (an allocation, a handing over)
ORDER_WORD_REPAIRED = 0.8  # an order read through a word of ordering OCR damaged ("Buôc", "phai tra cho")
PHRASE_REPAIRED = 0.8  # a fact read through a legal label OCR damaged ("Giấy chứ:ø nhận", "thế chấ'")
REPAIRED = 0.7  # digits OCR broke apart or damaged, read again because the amount's words spell them
INFERRED = 0.7  # taken from a neighbouring statement (a guarantor's creditor, shared owners)
DEFAULTED = 0.6  # a default where the text says nothing specific (who receives support, an unnamed security)
WEAK = 0.5  # a guess the facts support (the story says who took an exhibit; words that disagree)
FALLBACK = 0.4  # a last resort (the accused as owners, no obligor named)
