"""The transformers backend: token classification with a small BERT-like model trained here.

Everything is local: the word-piece vocabulary is learnt from the training texts with `tokenizers`,
the model is configured from scratch (a few layers of width 128), and loading goes through
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
from models.data import LABELS, Example, bio_words

__all__ = ["HfConfig", "TransformersNer", "train_transformers", "load_transformers", "decode_bio"]

SPECIAL = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]


@dataclass(frozen=True)
class HfConfig:
    """Size and training of the from-scratch model (defaults: ~0.4 M parameters, minutes on 2 cores)."""

    vocab_size: int = 4000
    hidden: int = 64
    layers: int = 2
    heads: int = 2
    intermediate: int = 128
    window: int = 64  # words per window
    max_pieces: int = 160
    epochs: int = 15
    batch_size: int = 16
    lr: float = 3e-3
    keep_empty: float = 0.1
    threads: int = 2


def _windows(n: int, size: int, stride: int) -> list[tuple[int, int]]:
    if n <= size:
        return [(0, n)]
    starts = list(range(0, n - size, stride)) + [n - size]
    return [(s, s + size) for s in starts]


class TransformersNer:
    """A token-classification model and its fast tokenizer behind `predict(text)`."""

    name = "transformers"

    def __init__(self, model, tokenizer, window: int = 96, threads: int | None = None) -> None:  # type: ignore[no-untyped-def]
        self.model = model.eval()
        self.tokenizer = tokenizer
        self.window = window
        self.threads = threads
        self.id2label = {int(k): v for k, v in model.config.id2label.items()}

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
        for b in range(0, len(wins), 16):
            batch = wins[b : b + 16]
            enc = self.tokenizer(
                [toks[a:z] for a, z in batch],
                is_split_into_words=True,
                truncation=True,
                max_length=self.model.config.max_position_embeddings,
                padding=True,
                return_tensors="pt",
            )
            with torch.no_grad():
                logits = self.model(input_ids=enc["input_ids"], attention_mask=enc["attention_mask"]).logits
            pred = logits.argmax(-1).tolist()
            for k, (a, z) in enumerate(batch):
                seen = set()
                for pos, wid in enumerate(enc.word_ids(k)):
                    if wid is None or wid in seen:
                        continue
                    seen.add(wid)
                    centrality = min(wid + 1, z - a - wid)  # distance to the window's nearer edge
                    if centrality > best[a + wid][0]:
                        best[a + wid] = (centrality, self.id2label[pred[k][pos]])
        return decode_bio(spans, [t for _, t in best])


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
    """Training windows: (input ids, labels per piece) with -100 off first pieces and on missing."""
    rows = []
    for ex in examples:
        spans, tags = bio_words(ex)
        toks = [ex.text[s:e] for s, e in spans]
        for a, z in _windows(len(toks), cfg.window, cfg.window):
            wtags = tags[a:z]
            if not any(t not in ("O", None) for t in wtags) and rng.random() >= cfg.keep_empty:
                continue
            enc = tokenizer(toks[a:z], is_split_into_words=True, truncation=True, max_length=cfg.max_pieces)
            labels, seen = [], set()
            for wid in enc.word_ids():
                if wid is None or wid in seen or wtags[wid] is None:
                    labels.append(-100)
                else:
                    labels.append(label2id.get(wtags[wid], 0))
                if wid is not None:
                    seen.add(wid)
            rows.append((enc["input_ids"], labels))
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
    )
    model = BertForTokenClassification(config)
    rows = _encode(tokenizer, examples, label2id, cfg, rng)
    opt = torch.optim.AdamW(model.parameters(), lr=cfg.lr, weight_decay=0.01)
    steps = max(1, epochs * ((len(rows) + cfg.batch_size - 1) // cfg.batch_size))
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=cfg.lr, total_steps=steps, pct_start=0.1)
    model.train()
    for epoch in range(epochs):
        rng.shuffle(rows)
        total, t0 = 0.0, time.perf_counter()
        for b in range(0, len(rows), cfg.batch_size):
            batch = rows[b : b + cfg.batch_size]
            width = max(len(ids) for ids, _ in batch)
            ids = torch.tensor([i + [tokenizer.pad_token_id] * (width - len(i)) for i, _ in batch])
            mask = torch.tensor([[1] * len(i) + [0] * (width - len(i)) for i, _ in batch])
            labels = torch.tensor([lab + [-100] * (width - len(lab)) for _, lab in batch])
            loss = model(input_ids=ids, attention_mask=mask, labels=labels).loss
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
def load_transformers(path: Path, threads: int | None = None) -> TransformersNer:
    """A token-classification model from a local directory, never from the network."""
    from transformers import AutoModelForTokenClassification, AutoTokenizer

    path = Path(path)
    if not (path / "config.json").exists():
        from docproc.errors import DocprocError

        raise DocprocError(f"no transformers model in {path} (run `docproc train transformers`)")
    model = AutoModelForTokenClassification.from_pretrained(path, local_files_only=True)
    tokenizer = AutoTokenizer.from_pretrained(path, local_files_only=True)
    meta = path / "docproc.json"
    window = json.loads(meta.read_text(encoding="utf-8")).get("window", 96) if meta.exists() else 96
    return TransformersNer(model, tokenizer, window=int(window), threads=threads)
