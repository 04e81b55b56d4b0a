"""Content-addressed storage: a file's bytes live once at blobs/<sha256[:2]>/<sha256> under the data
directory, whichever office or upload they came from. Uploads are written to tmp/ first and moved into
place only when complete, so a cut-off upload never leaves a blob behind; a temp file is locked
(flock) while its writer lives, so the sweep at start (api.durability) removes only orphans. A blob
is fsynced, file and directory, before put_file returns (and before its row is committed).

Every directory is created 0700: the blobs, page images, layouts and drafts are judgments."""

from __future__ import annotations

import fcntl
import tempfile
from pathlib import Path

from docproc._io import put_in_place

__all__ = ["BlobStore"]


class BlobStore:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.blobs = self.root / "blobs"
        self.tmp = self.root / "tmp"
        for d in (self.root, self.blobs, self.tmp, *(self.root / c for c in ("pages", "layout", "drafts"))):
            d.mkdir(parents=True, exist_ok=True, mode=0o700)

    def path(self, sha256: str) -> Path:
        if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
            raise ValueError("not a sha256 hex digest")
        return self.blobs / sha256[:2] / sha256

    def exists(self, sha256: str) -> bool:
        return self.path(sha256).exists()

    def temp_file(self) -> tuple[int, Path]:
        """A new temp file (0600), locked until `fd` is closed."""
        fd, name = tempfile.mkstemp(dir=self.tmp, prefix="upload-")
        fcntl.flock(fd, fcntl.LOCK_EX)
        return fd, Path(name)

    def put_file(self, tmp: Path, sha256: str) -> Path:
        """Move a finished temp file into place (or drop it: identical bytes are already there)."""
        dest = self.path(sha256)
        if dest.exists():
            tmp.unlink(missing_ok=True)
            return dest
        dest.parent.mkdir(exist_ok=True, mode=0o700)
        put_in_place(tmp, dest, sync_dirs=(dest.parent, self.blobs))
        return dest
