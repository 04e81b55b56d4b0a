"""Learned backends by name: where their model lives and how it is loaded (always from disk)."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

__all__ = ["Ner", "MODEL_DIRS", "model_path", "load_backend", "train_backend"]

MODEL_DIRS = {"spacy": "spacy-ner", "transformers": "transformers-ner"}


class Ner(Protocol):
    name: str

    def predict(self, text: str) -> list[tuple[int, int, str]]:
        """Labelled character spans of `text`."""
        ...


def model_path(backend: str, models_dir: Path | None = None) -> Path:
    """The trained model of `backend` under `models_dir` (default: settings.models_dir)."""
    if backend not in MODEL_DIRS:
        raise ValueError(f"unknown learned backend {backend!r} (spacy or transformers)")
    if models_dir is None:
        from docproc.config import get_settings

        models_dir = get_settings().models_dir
    return Path(models_dir) / MODEL_DIRS[backend]


def load_backend(backend: str, path: Path | None = None) -> Ner:
    """The trained model of `backend` from `path` (default: its directory in models_dir)."""
    path = Path(path) if path else model_path(backend)
    if backend == "spacy":
        from models.spacy_ner import load_spacy

        return load_spacy(path.resolve())
    if backend == "transformers":
        from models.hf_ner import load_transformers

        return load_transformers(path.resolve())
    raise ValueError(f"unknown learned backend {backend!r} (spacy or transformers)")


def train_backend(backend: str, examples, out: Path | None, *, epochs: int | None = None, log=None) -> Ner:  # type: ignore[no-untyped-def]
    """Train `backend` on examples (models.data.Example); saved to `out` when given."""
    if backend == "spacy":
        from models.spacy_ner import train_spacy

        return train_spacy(examples, out, epochs=epochs, log=log)
    if backend == "transformers":
        from models.hf_ner import train_transformers

        return train_transformers(examples, out, epochs=epochs, log=log)
    raise ValueError(f"unknown learned backend {backend!r} (spacy or transformers)")


def load_spacy_backend(path: Path | None = None) -> Ner:
    """Entry point `docproc.recognisers: spacy` (pyproject.toml)."""
    return load_backend("spacy", path)


def load_transformers_backend(path: Path | None = None) -> Ner:
    """Entry point `docproc.recognisers: transformers` (pyproject.toml)."""
    return load_backend("transformers", path)
