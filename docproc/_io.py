"""File names, atomic writes and file hashes: the one copy for the library, the CLI, the batch and the
service.

Input names come from users and archives: up to 255 bytes of Vietnamese (3 bytes a letter in UTF-8),
brackets, terminal escape sequences. So a temp file never repeats the target's name (a long name plus
a prefix and suffix is over the file system's 255 bytes), an output name derived from an input name is
cut to fit, and a name is made harmless before it is printed.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import secrets
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

__all__ = [
    "TMP_SUFFIX",
    "NAME_MAX",
    "BLOCK",
    "write_atomic",
    "atomic_path",
    "write_with",
    "fsync_file",
    "fsync_dir",
    "put_in_place",
    "new_hash",
    "sha256_file",
    "sha256_text",
    "OverLimit",
    "remove_stale_temps",
    "fit_name",
    "printable",
]

TMP_SUFFIX = ".tmp"
BLOCK = 1 << 20  # files are read (hashed, copied) 1 MiB at a time: memory stays flat whatever their size
NAME_MAX = 255  # bytes of one path component on ext4, xfs, btrfs, NTFS (UTF-16 units there)


def _temp_for(path: Path) -> Path:
    """A short hidden name beside `path` (`.docproc-<hash>-<random>.tmp`, 40 bytes whatever the target)."""
    tag = sha256_text(path.name)[:8]
    return path.parent / f".docproc-{tag}-{secrets.token_hex(6)}{TMP_SUFFIX}"


def fsync_file(path: Path) -> None:
    """Flush a file's bytes to the disk."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(path: Path) -> None:
    """Make a rename or a new entry in directory `path` durable."""
    with contextlib.suppress(OSError):  # some file systems cannot fsync a directory
        fsync_file(path)


def put_in_place(tmp: Path, path: Path, *, sync_dirs: Iterable[Path] | None = None) -> None:
    """Rename a finished `tmp` over `path`, its bytes fsynced first; then fsync `sync_dirs` (those
    whose entries must survive a power cut: the target's directory, a new parent's parent)."""
    fsync_file(tmp)
    os.replace(tmp, path)
    for d in sync_dirs or ():
        fsync_dir(d)


@contextmanager
def atomic_path(path: Path, *, sync_dir: bool = False) -> Iterator[Path]:
    """Yield a temp path beside `path` to write into; on success it is fsynced and renamed over
    `path`, so a crash (even kill -9) leaves the old file or the new one, never a partial one.
    `sync_dir` also fsyncs the directory, so the new name survives a power cut."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = _temp_for(path)
    try:
        yield tmp
        put_in_place(tmp, path, sync_dirs=(path.parent,) if sync_dir else ())
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_atomic(path: Path, data: str | bytes, *, sync_dir: bool = False) -> None:
    """Write text (UTF-8) or bytes to `path` atomically (see `atomic_path`)."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    with atomic_path(path, sync_dir=sync_dir) as tmp:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        with os.fdopen(fd, "wb") as fh:
            fh.write(raw)


def write_with(path: Path, write: Callable[[Path], object]) -> None:
    """Let `write(tmp)` produce the file (a renderer that takes a path), then put it in place atomically."""
    with atomic_path(path) as tmp:
        write(tmp)


class OverLimit(ValueError):
    """The file had more bytes than the caller's limit (it grew after its size was checked)."""


def new_hash() -> hashlib._Hash:
    """The hash that names a file's bytes everywhere (manifest, blob store, extraction): sha256."""
    return hashlib.sha256()


def sha256_file(
    path: Path, *, limit: int | None = None, each: Callable[[bytes], object] | None = None
) -> str:
    """The sha256 (hex) of a file read in `BLOCK`s; `each(block)` sees every block (to copy the file
    or keep its first bytes in the same read). Raises OverLimit past `limit` bytes, OSError."""
    h = new_hash()
    seen = 0
    with open(path, "rb") as fh:
        while block := fh.read(BLOCK):
            seen += len(block)
            if limit is not None and seen > limit:
                raise OverLimit(f"more than {limit} bytes")
            h.update(block)
            if each is not None:
                each(block)
    return h.hexdigest()


def sha256_text(text: str) -> str:
    """The sha256 (hex) of a string's UTF-8 bytes (a file name's undecodable bytes kept as they were)."""
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()


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
    tail = f"~{sha256_text(name)[:8]}"
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
