from __future__ import annotations

import json
from pathlib import Path

from models._text import decode_bio, fold, words
from models.align import find_exact, find_fuzzy
from models.data import Example, bio_words, chunks, example_from_extraction, load_corpus, load_data

from .conftest import make_doc


def test_fold_keeps_length_and_tone_placement() -> None:
    s = "Hoà Bình, UỶ BAN"
    assert len(fold(s)) == len(s)
    assert fold(s) == "hòa bình, ủy ban"


def test_exact_search_allows_line_breaks() -> None:
    text = fold("Bị đơn: Công ty TNHH\nMinh Phát; Công ty TNHH Minh Phát.")
    assert find_exact(text, "Công ty TNHH Minh Phát") == [(8, 30), (32, 54)]


def test_fuzzy_search_finds_ocr_damaged_name() -> None:
    text = fold("Nguyên đơn: ông Trần Vǎn Au, sinh năm 1970")
    (s, e, edits), *_ = find_fuzzy(text, "Trần Văn An")
    assert text[s:e] == "trần vǎn au" and edits == 2
    assert find_fuzzy(text, "Hoàng Thị Dung") == []


def test_gold_values_become_labelled_spans() -> None:
    text, gold = make_doc(1)
    ex = example_from_extraction("d1", text, gold)
    got = {(text[s:e], lab) for s, e, lab in ex.spans}
    assert ("Lê Thị Bình", "PARTY_PLAINTIFF") in got
    assert ("Công ty cổ phần Sao Mai", "PARTY_DEFENDANT") in got
    assert ("Hoàng Thị Dung", "REP") in got
    assert ("107.000.000 đồng", "AMOUNT") in got  # the operative part's mention, not the claim's
    assert ("5.100.000 đồng", "FEE") in got
    assert ("BK 300101", "CERT") in got and ("41", "PLOT") in got
    assert not ex.unaligned
    # later mentions of a party are neither positive nor negative
    amount_spans = [s for s, e, lab in ex.spans if lab == "AMOUNT"]
    assert all(
        text[s:e] in ("Lê Thị Bình", "Công ty cổ phần Sao Mai", "107.000.000 đồng") for s, e in ex.missing
    )
    assert any(text[s:e] == "107.000.000 đồng" and s < amount_spans[0] for s, e in ex.missing)


def test_fuzzy_alignment_on_ocr_like_text() -> None:
    text, gold = make_doc(0)
    noisy = text.replace("Trần Văn An", "Trần Vǎn Au")
    assert "PARTY_PLAINTIFF" in {
        lab for *_, lab in example_from_extraction("x", noisy, gold, fuzzy=True).spans
    }
    assert "PARTY_PLAINTIFF" not in {lab for *_, lab in example_from_extraction("x", noisy, gold).spans}


def test_bio_tags_and_decoding_round_trip() -> None:
    text, gold = make_doc(2)
    ex = example_from_extraction("d2", text, gold)
    spans, tags = bio_words(ex)
    assert None in tags  # repeated mentions are not annotated
    clean = [t or "O" for t in tags]
    assert set(decode_bio(spans, clean)) == set(ex.spans)


def test_chunks_never_cut_a_span() -> None:
    text, gold = make_doc(3)
    ex = example_from_extraction("d3", text, gold)
    pieces = chunks([ex], max_chars=60)
    assert len(pieces) > 1
    assert sorted(ex.text[s:e] for s, e, _ in ex.spans) == sorted(
        p.text[s:e] for p in pieces for s, e, _ in p.spans
    )


def test_words_split_punctuation_but_keep_numbers() -> None:
    text = "số tiền 1.250.000.000 đồng; xe 37C-123.45."
    assert [text[s:e] for s, e in words(text)] == [
        "số", "tiền", "1.250.000.000", "đồng", ";", "xe", "37C", "-", "123.45", ".",
    ]  # fmt: skip


def test_sources_corpus_corrections_and_examples(corpus: Path, tmp_path: Path) -> None:
    exs = load_corpus(corpus)
    assert len(exs) == 6 and all(ex.spans for ex in exs)
    text, gold = make_doc(4)
    path_doc = tmp_path / "doc.txt"
    path_doc.write_text(text, encoding="utf-8")
    corr = tmp_path / "corrections.jsonl"
    corr.write_text(
        json.dumps({"id": "c1", "text": text, "extraction": gold}, ensure_ascii=False)
        + "\n"
        + json.dumps({"path": str(path_doc), "extraction": gold}, ensure_ascii=False)
        + "\n",
        encoding="utf-8",
    )
    got = load_data([corr])
    assert [len(g.spans) for g in got] == [len(exs[4].spans)] * 2
    assert got[0].id == "c1"
    dumped = tmp_path / "examples.jsonl"
    dumped.write_text(json.dumps(exs[0].to_json(), ensure_ascii=False) + "\n", encoding="utf-8")
    (back,) = load_data([dumped])
    assert isinstance(back, Example) and back.spans == exs[0].spans and back.missing == exs[0].missing
