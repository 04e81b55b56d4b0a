"""Content-addressed storage: a file's bytes live once at blobs/<sha256[:2]>/<sha256> under the data
directory, whichever office or upload they came from. Uploads are written to tmp/ first and moved into
place only when complete, so a cut-off upload never leaves a blob behind."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

__all__ = ["BlobStore"]


class BlobStore:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.blobs = self.root / "blobs"
        self.tmp = self.root / "tmp"
        self.blobs.mkdir(parents=True, exist_ok=True)
        self.tmp.mkdir(parents=True, exist_ok=True)

    def path(self, sha256: str) -> Path:
        if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
            raise ValueError("not a sha256 hex digest")
        return self.blobs / sha256[:2] / sha256

    def exists(self, sha256: str) -> bool:
        return self.path(sha256).exists()

    def temp_file(self) -> tuple[int, Path]:
        fd, name = tempfile.mkstemp(dir=self.tmp, prefix="upload-")
        return fd, Path(name)

    def put_file(self, tmp: Path, sha256: str) -> Path:
        """Move a finished temp file into place (or drop it: identical bytes are already there)."""
        dest = self.path(sha256)
        if dest.exists():
            tmp.unlink(missing_ok=True)
            return dest
        dest.parent.mkdir(parents=True, exist_ok=True)
        os.replace(tmp, dest)
        return dest
