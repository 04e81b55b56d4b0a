"""The transformers backend: token classification with a small BERT-like model trained here.

Everything is local: the word-piece vocabulary is learnt from the training texts with `tokenizers`,
the model is configured from scratch (two layers of width 64), and loading goes through
`AutoModelForTokenClassification.from_pretrained(path, local_files_only=True)`, so a model directory
an office provides (e.g. a fine-tuned Vietnamese BERT with a fast tokenizer and BIO labels) loads the
same way and nothing is ever downloaded.

Documents are long, so they are read in windows of words; each word is labelled by the window in
which it sits most centrally. Labels are BIO tags on the first word piece of each word.
"""

from __future__ import annotations

import json
import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from models._text import decode_bio, words
from models.data import LABELS, Example, as_negatives, bio_words

__all__ = ["HfConfig", "TransformersNer", "train_transformers", "load_transformers", "decode_bio"]

SPECIAL = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]


@dataclass(frozen=True)
class HfConfig:
    """Size and training of the from-scratch model (defaults: ~0.4 M parameters, ~2 CPU minutes).

    Held-out span F1 on one fold (dev, openings, dev OCR), 11:30-11:55 UTC, with the token types
    passed at inference: 25 epochs 0.07/0.06/0.08; 80 epochs 0.13/0.15/0.12; 40 epochs with every
    empty window kept 0.12/0.11/0.10; 60 epochs with 30 % of pieces hidden (unk_rate) 0.15-0.19/
    0.21-0.25/0.15 (two runs); the same with width 128 0.11/0.04/0.11, with O weighed 0.5
    0.15/0.25/0.12, with every piece labelled 0.16/0.20/0.13, for 120 epochs 0.15/0.28/0.11."""

    vocab_size: int = 4000
    hidden: int = 64
    layers: int = 2
    heads: int = 2
    intermediate: int = 128
    window: int = 64  # words per window
    max_pieces: int = 160
    epochs: int = 60
    batch_size: int = 16
    lr: float = 3e-3
    keep_empty: float = 0.1
    o_weight: float = 1.0  # loss weight of the O tag relative to the entity tags
    unk_rate: float = 0.3  # share of word pieces replaced by [UNK] in training (word dropout)
    label_all: bool = False  # train on every piece of a word (later pieces I-), not the first only
    threads: int = 1  # measured: 2 threads on a busy 2-core machine are 10x slower than 1


def _shape(word: str) -> int:
    """Word shape as a token type: 0 lower, 1 Capitalised, 2 UPPER, 3 digits or punctuation.
    A model trained from scratch on little data cannot learn that "Thương" and "thương" differ in
    case; BERT's token-type embedding carries it (type_vocab_size = 4)."""
    if not any(c.isalpha() for c in word):
        return 3
    if word.isupper():
        return 2
    return 1 if word[0].isupper() else 0


def _type_ids(word_ids: list[int | None], toks: Sequence[str]) -> list[int]:
    return [3 if w is None else _shape(toks[w]) for w in word_ids]


def _windows(n: int, size: int, stride: int) -> list[tuple[int, int]]:
    if n <= size:
        return [(0, n)]
    starts = list(range(0, n - size, stride)) + [n - size]
    return [(s, s + size) for s in starts]


class TransformersNer:
    """A token-classification model and its fast tokenizer behind `predict(text)`."""

    name = "transformers"

    def __init__(self, model, tokenizer, window: int = 64, threads: int | None = 1) -> None:  # type: ignore[no-untyped-def]
        self.model = model.eval()
        self.tokenizer = tokenizer
        self.window = window
        self.threads = threads
        self.id2label = {int(k): v for k, v in model.config.id2label.items()}
        # models trained here carry word shapes as token types; others (type_vocab_size 2) do not
        self.shapes = getattr(model.config, "type_vocab_size", 2) >= 4

    def predict(self, text: str) -> list[tuple[int, int, str]]:
        import torch

        if self.threads:
            torch.set_num_threads(self.threads)
        spans = words(text)
        if not spans:
            return []
        toks = [text[s:e] for s, e in spans]
        n, size = len(toks), self.window
        stride = max(1, size // 2)
        best: list[tuple[float, str]] = [(-1.0, "O")] * n
        wins = _windows(n, size, stride)
        max_len = self.model.config.max_position_embeddings
        for b in range(0, len(wins), 16):
            batch = wins[b : b + 16]
            rows = [encode_words(self.tokenizer, toks[a:z], max_len) for a, z in batch]
            ids, mask, types = collate(rows, self.tokenizer.pad_token_id)
            # the token types must be the word shapes the model was trained with (they were once
            # left out here: every word read as lower case, held-out span F1 0.015)
            kwargs = {"token_type_ids": types} if self.shapes else {}
            with torch.no_grad():
                logits = self.model(input_ids=ids, attention_mask=mask, **kwargs).logits
            pred = logits.argmax(-1).tolist()
            for k, (a, z) in enumerate(batch):
                for pos, wid in first_pieces(rows[k].word_ids):
                    centrality = min(wid + 1, z - a - wid)  # distance to the window's nearer edge
                    if centrality > best[a + wid][0]:
                        best[a + wid] = (centrality, self.id2label[pred[k][pos]])
        return decode_bio(spans, [t for _, t in best])


@dataclass(frozen=True)
class Encoded:
    """One window of words as the model reads it: piece ids, the word of each piece, token types."""

    input_ids: list[int]
    word_ids: list[int | None]
    type_ids: list[int]


def encode_words(tokenizer, toks: Sequence[str], max_len: int) -> Encoded:  # type: ignore[no-untyped-def]
    """The one encoding of a window of words, shared by training and inference so the two cannot
    drift apart (word shapes as token types, [CLS] ... [SEP], truncated to `max_len` pieces)."""
    enc = tokenizer(list(toks), is_split_into_words=True, truncation=True, max_length=max_len)
    wids = enc.word_ids()
    return Encoded(list(enc["input_ids"]), wids, _type_ids(wids, toks))


def first_pieces(word_ids: Sequence[int | None]) -> list[tuple[int, int]]:
    """(piece position, word index) of the first piece of each word: where its label is read."""
    out, seen = [], set()
    for pos, wid in enumerate(word_ids):
        if wid is not None and wid not in seen:
            seen.add(wid)
            out.append((pos, wid))
    return out


def piece_labels(
    enc: Encoded, tags: Sequence[str | None], label2id: dict[str, int], *, all_pieces: bool = False
) -> list[int]:
    """Label ids per piece: the word's BIO tag on its first piece, -100 (ignored by the loss) on
    special tokens and missing words, and on later pieces unless `all_pieces` (then I- of the
    word's entity, or O). Inference reads the first piece of each word either way."""
    labels = [-100] * len(enc.input_ids)
    firsts = dict(first_pieces(enc.word_ids))
    for pos, wid in enumerate(enc.word_ids):
        if wid is None or tags[wid] is None:
            continue
        tag = tags[wid]
        if pos in firsts:
            labels[pos] = label2id.get(tag, 0)
        elif all_pieces:
            labels[pos] = label2id.get("I-" + tag[2:], 0) if tag != "O" else 0
    return labels


def collate(rows: Sequence[Encoded], pad_id: int):  # type: ignore[no-untyped-def]
    """Padded tensors (input ids, attention mask, token types) of a batch of windows."""
    import torch

    width = max(len(r.input_ids) for r in rows)
    ids = torch.tensor([r.input_ids + [pad_id] * (width - len(r.input_ids)) for r in rows])
    mask = torch.tensor([[1] * len(r.input_ids) + [0] * (width - len(r.input_ids)) for r in rows])
    types = torch.tensor([r.type_ids + [3] * (width - len(r.type_ids)) for r in rows])
    return ids, mask, types


def _label_ids(labels: Sequence[str]) -> dict[str, int]:
    tags = ["O"] + [f"{p}-{lab}" for lab in labels for p in ("B", "I")]
    return {t: i for i, t in enumerate(tags)}


def build_tokenizer(texts: Sequence[str], vocab_size: int):  # type: ignore[no-untyped-def]
    """A word-piece tokenizer learnt from `texts` (cased, NFC), wrapped for transformers."""
    from tokenizers import Tokenizer, decoders, models, normalizers, pre_tokenizers, trainers
    from transformers import PreTrainedTokenizerFast

    tok = Tokenizer(models.WordPiece(unk_token="[UNK]"))
    tok.normalizer = normalizers.NFC()
    tok.pre_tokenizer = pre_tokenizers.Sequence(
        [pre_tokenizers.WhitespaceSplit(), pre_tokenizers.Punctuation(), pre_tokenizers.Digits()]
    )
    tok.decoder = decoders.WordPiece()
    trainer = trainers.WordPieceTrainer(vocab_size=vocab_size, special_tokens=SPECIAL, min_frequency=2)
    tok.train_from_iterator(texts, trainer=trainer)
    from tokenizers.processors import TemplateProcessing

    cls_id, sep_id = tok.token_to_id("[CLS]"), tok.token_to_id("[SEP]")
    tok.post_processor = TemplateProcessing(
        single="[CLS] $A [SEP]", special_tokens=[("[CLS]", cls_id), ("[SEP]", sep_id)]
    )
    return PreTrainedTokenizerFast(
        tokenizer_object=tok,
        unk_token="[UNK]",
        pad_token="[PAD]",
        cls_token="[CLS]",
        sep_token="[SEP]",
        mask_token="[MASK]",
    )


def _encode(tokenizer, examples: Sequence[Example], label2id: dict[str, int], cfg: HfConfig, rng):  # type: ignore[no-untyped-def]
    """Training windows: (encoded window, label ids per piece; see `piece_labels`). Windows start
    at a random offset on each call (each epoch): with fixed windows a small model memorises
    positions and fails on the overlapping windows of inference."""
    rows = []
    for ex in examples:
        spans, tags = bio_words(ex)
        toks = [ex.text[s:e] for s, e in spans]
        shift = rng.randrange(cfg.window)
        bounds = [(0, min(shift, len(toks)))] if shift else []
        bounds += [
            (a + shift, z + shift) for a, z in _windows(max(0, len(toks) - shift), cfg.window, cfg.window)
        ]
        for a, z in bounds:
            if z <= a:
                continue
            wtags = tags[a:z]
            if not any(t not in ("O", None) for t in wtags) and rng.random() >= cfg.keep_empty:
                continue
            enc = encode_words(tokenizer, toks[a:z], cfg.max_pieces)
            rows.append((enc, piece_labels(enc, wtags, label2id, all_pieces=cfg.label_all)))
    return rows


def train_transformers(
    examples: Sequence[Example],
    out: Path | None = None,
    *,
    cfg: HfConfig | None = None,
    epochs: int | None = None,
    seed: int = 0,
    log: Callable[[str], None] | None = None,
) -> TransformersNer:
    """Learn a vocabulary and a small BERT token classifier from `examples`; save to `out`."""
    import torch
    from transformers import BertConfig, BertForTokenClassification

    cfg = cfg or HfConfig()
    epochs = cfg.epochs if epochs is None else epochs
    torch.manual_seed(seed)
    torch.set_num_threads(cfg.threads)
    rng = random.Random(seed)
    examples = as_negatives(examples)
    tokenizer = build_tokenizer([ex.text for ex in examples], cfg.vocab_size)
    label2id = _label_ids(LABELS)
    config = BertConfig(
        vocab_size=len(tokenizer),
        hidden_size=cfg.hidden,
        num_hidden_layers=cfg.layers,
        num_attention_heads=cfg.heads,
        intermediate_size=cfg.intermediate,
        max_position_embeddings=cfg.max_pieces,
        num_labels=len(label2id),
        id2label={i: t for t, i in label2id.items()},
        label2id=label2id,
        pad_token_id=tokenizer.pad_token_id,
        type_vocab_size=4,
    )
    model = BertForTokenClassification(config)
    rows = _encode(tokenizer, examples, label2id, cfg, rng)
    opt = torch.optim.AdamW(model.parameters(), lr=cfg.lr, weight_decay=0.01)
    steps = max(1, epochs * ((len(rows) + cfg.batch_size - 1) // cfg.batch_size))
    warm = max(1, steps // 10)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda k: min(1.0, (k + 1) / warm) * max(0.05, 1.0 - k / steps)
    )
    # O is most of the labels; `o_weight` < 1 weighs it down (measured at 0.5: no gain, so 1)
    weight = torch.ones(len(label2id))
    weight[label2id["O"]] = cfg.o_weight
    loss_fn = torch.nn.CrossEntropyLoss(weight=weight, ignore_index=-100)
    model.train()
    for epoch in range(epochs):
        if epoch:
            rows = _encode(tokenizer, examples, label2id, cfg, rng)
        rng.shuffle(rows)
        total, t0 = 0.0, time.perf_counter()
        for b in range(0, len(rows), cfg.batch_size):
            batch = rows[b : b + cfg.batch_size]
            ids, mask, types = collate([enc for enc, _ in batch], tokenizer.pad_token_id)
            labels = torch.tensor([lab + [-100] * (ids.shape[1] - len(lab)) for _, lab in batch])
            if cfg.unk_rate:
                # names in held-out documents are mostly unseen pieces: hiding some in training
                # teaches the model to read the context and the word shape instead
                drop = (torch.rand(ids.shape) < cfg.unk_rate) & (types != 3) & (mask == 1)
                ids = ids.masked_fill(drop, tokenizer.unk_token_id)
            logits = model(input_ids=ids, attention_mask=mask, token_type_ids=types).logits
            loss = loss_fn(logits.view(-1, logits.shape[-1]), labels.view(-1))
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            total += float(loss.detach())
        if log:
            log(
                f"epoch {epoch + 1}/{epochs} loss {total:.2f} ({time.perf_counter() - t0:.1f} s, {len(rows)} windows)"
            )
    model.eval()
    if out is not None:
        out = Path(out)
        out.mkdir(parents=True, exist_ok=True)
        model.save_pretrained(out)
        tokenizer.save_pretrained(out)
        (out / "docproc.json").write_text(
            json.dumps({"window": cfg.window, "task": "docproc token classification"}) + "\n",
            encoding="utf-8",
        )
    return TransformersNer(model, tokenizer, window=cfg.window, threads=cfg.threads)


@lru_cache(maxsize=4)
def load_transformers(path: Path, threads: int | None = 1) -> TransformersNer:
    """A token-classification model from a local directory, never from the network."""
    from transformers import AutoModelForTokenClassification, AutoTokenizer

    path = Path(path)
    if not (path / "config.json").exists():
        from docproc.errors import DocprocError

        raise DocprocError(f"no transformers model in {path} (run `docproc train transformers`)")
    model = AutoModelForTokenClassification.from_pretrained(path, local_files_only=True)
    tokenizer = AutoTokenizer.from_pretrained(path, local_files_only=True)
    meta = path / "docproc.json"
    window = json.loads(meta.read_text(encoding="utf-8")).get("window", 64) if meta.exists() else 64
    return TransformersNer(model, tokenizer, window=int(window), threads=threads)
