"""File names and atomic writes, the one copy for the CLI, the batch and the drafts.

Input names come from users and archives: up to 255 bytes of Vietnamese (3 bytes a letter in UTF-8),
brackets, terminal escape sequences. So a temp file never repeats the target's name (a long name plus
a prefix and suffix is over the file system's 255 bytes), an output name derived from an input name is
cut to fit, and a name is made harmless before it is printed.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

__all__ = [
    "TMP_SUFFIX",
    "NAME_MAX",
    "write_atomic",
    "atomic_path",
    "write_with",
    "remove_stale_temps",
    "fit_name",
    "printable",
]

TMP_SUFFIX = ".tmp"
NAME_MAX = 255  # bytes of one path component on ext4, xfs, btrfs, NTFS (UTF-16 units there)


def _temp_for(path: Path) -> Path:
    """A short hidden name beside `path` (`.docproc-<hash>-<random>.tmp`, 40 bytes whatever the target)."""
    tag = hashlib.sha256(os.fsencode(path.name)).hexdigest()[:8]
    return path.parent / f".docproc-{tag}-{secrets.token_hex(6)}{TMP_SUFFIX}"


@contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """Yield a temp path beside `path` to write into; on success it is fsynced and renamed over
    `path`, so a crash (even kill -9) leaves the old file or the new one, never a partial one."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = _temp_for(path)
    try:
        yield tmp
        fd = os.open(tmp, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write text (UTF-8) or bytes to `path` atomically (see `atomic_path`)."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    with atomic_path(path) as tmp:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        with os.fdopen(fd, "wb") as fh:
            fh.write(raw)


def write_with(path: Path, write: Callable[[Path], object]) -> None:
    """Let `write(tmp)` produce the file (a renderer that takes a path), then put it in place atomically."""
    with atomic_path(path) as tmp:
        write(tmp)


def remove_stale_temps(directory: Path) -> int:
    """Delete temp files that a killed writer left (`.docproc-*.tmp`, and the older `.NAME.xxxx.tmp`)."""
    n = 0
    if not directory.is_dir():
        return 0
    for p in directory.rglob(f".*{TMP_SUFFIX}"):
        if p.is_file() and not p.is_symlink():
            p.unlink(missing_ok=True)
            n += 1
    return n


def fit_name(name: str, *, limit: int = NAME_MAX) -> str:
    """`name` if its UTF-8 form fits in `limit` bytes, else its stem cut on a character boundary plus
    an 8-hex hash of the whole name (two long names that share a beginning stay apart) and its suffix."""
    if len(os.fsencode(name)) <= limit:
        return name
    stem, dot, suffix = name.rpartition(".")
    if not dot or len(suffix) > 16:
        stem, suffix = name, ""
    tail = f"~{hashlib.sha256(name.encode('utf-8', 'surrogateescape')).hexdigest()[:8]}"
    tail += f".{suffix}" if suffix else ""
    room = limit - len(tail.encode("utf-8", "surrogateescape"))
    cut = stem.encode("utf-8", "surrogateescape")[:room].decode("utf-8", "ignore")
    return cut + tail


def printable(text: object) -> str:
    """`text` safe for a terminal and a log line: control characters (C0, C1, DEL: the ESC of a colour
    or cursor sequence, a carriage return that hides the start of a line) and undecodable bytes shown
    as `\\xNN`, bidi overrides as `\\uNNNN`, never sent raw."""
    out: list[str] = []
    for ch in str(text):
        o = ord(ch)
        if o < 0x20 or 0x7F <= o < 0xA0:
            out.append(f"\\x{o:02x}")
        elif 0xDC80 <= o <= 0xDCFF:  # a byte os.fsdecode could not decode (surrogateescape)
            out.append(f"\\x{o - 0xDC00:02x}")
        elif unicodedata.category(ch) in ("Cf", "Cs", "Co", "Zl", "Zp") and o not in (0x200C, 0x200D):
            out.append(f"\\u{o:04x}")
        else:
            out.append(ch)
    return "".join(out)
