"""Coverage-guided fuzzing of ingest (atheris): any exception other than a documented DocprocError is
a finding. Run on demand, not in CI:

    python benchmarks/fuzz_ingest.py --seeds /tmp/fuzz/seeds -- /tmp/fuzz/corpus -max_total_time=600 -rss_limit_mb=2048

`--seeds DIR` writes the starting corpus (small valid PDF, PNG, JPEG, TIFF, DOCX and text files, and the
small hostile cases of tests/hostile/make_hostile.py) into DIR and fuzzes from there; arguments after
`--` go to libFuzzer. A crashing input is saved by libFuzzer as crash-*; add it to tests/hostile/finds/
(tests/hostile/test_finds.py runs every file there through ingest).

Each input is written to a file and read as `docproc process` reads it: `ingest.load`, then for a scan
the first page's image (`load_page_image`), with small limits so that one input stays fast.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import atheris  # noqa: E402

with atheris.instrument_imports(include=["docproc"]):
    from docproc.config import Settings
    from docproc.errors import DocprocError
    from docproc.ingest import ImagePageTask, load, load_page_image

SETTINGS = Settings(
    max_file_bytes=4 * 1024 * 1024,
    max_pages=20,
    max_image_pixels=4_000_000,
    max_text_chars=200_000,
    max_text_bytes=1_000_000,
    max_archive_bytes=32 * 1024 * 1024,
    max_archive_xml_bytes=8 * 1024 * 1024,
    max_pdf_stream_bytes=16 * 1024 * 1024,
    max_pdf_decoded_bytes=64 * 1024 * 1024,
    doc_timeout_s=20,
)
_DIR = Path(tempfile.mkdtemp(prefix="fuzz-ingest-"))
_PATH = _DIR / "input"


def one_input(data: bytes) -> None:
    _PATH.write_bytes(data)
    try:
        loaded = load(_PATH, settings=SETTINGS)
        tasks = [p for p in loaded.pages if isinstance(p, ImagePageTask)]
        if tasks:
            load_page_image(tasks[0], settings=SETTINGS).close()
    except DocprocError:
        pass


def write_seeds(directory: Path) -> None:
    """Small valid inputs of every kind, and the hostile cases that are small on disk."""
    from PIL import Image, ImageDraw

    sys.path.insert(0, str(ROOT / "tests" / "hostile"))
    import make_hostile as mh

    directory.mkdir(parents=True, exist_ok=True)
    img = Image.new("L", (200, 280), 255)
    ImageDraw.Draw(img).rectangle((20, 40, 180, 50), fill=0)
    for kind, ext in (("PNG", "png"), ("JPEG", "jpg"), ("TIFF", "tif"), ("PDF", "pdf")):
        buf = io.BytesIO()
        img.save(buf, kind)
        (directory / f"seed.{ext}").write_bytes(buf.getvalue())
    (directory / "seed.txt").write_bytes(mh.GOOD_TEXT.encode())
    (directory / "seed16.txt").write_bytes(mh.GOOD_TEXT.encode("utf-16"))
    (directory / "seed.docx").write_bytes(mh._zip(mh._docx_members()))
    (directory / "seed-text.pdf").write_bytes(mh._one_page(b"BT /F1 12 Tf 72 720 Td (Ban an so 12) Tj ET"))
    small = [
        "pdf_huge_image_declared", "tiff_missing_dimensions", "tiff_truncated", "tiff_ifd_loop",
        "png_huge_declared", "jpeg_huge_declared", "pdf_encrypted", "pdf_broken_xref", "pdf_declares_many_pages",
    ]  # fmt: skip
    for name in small:
        (directory / f"hostile-{name}").write_bytes(getattr(mh, name)())
    (directory / "hostile-nested").write_bytes(mh.pdf_nested(200))
    (directory / "hostile-forms").write_bytes(mh.pdf_nested_forms(20))
    for sample in sorted((ROOT / "samples").glob("*")):
        if sample.is_file() and sample.stat().st_size < 300_000:
            (directory / f"sample-{sample.name}").write_bytes(sample.read_bytes())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=Path, help="write the seed corpus here and fuzz from it")
    args, rest = parser.parse_known_args()
    rest = [a for a in rest if a != "--"]
    if args.seeds:
        write_seeds(args.seeds)
        rest.append(str(args.seeds))
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    atheris.Setup([sys.argv[0], *rest], one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
