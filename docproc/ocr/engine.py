"""OCR engines behind one small interface, chosen by `Settings.ocr_engine`.

- `TesseractEngine`: the `tesseract` command line through pytesseract (needs only the Debian
  package). The image goes to a temp file as PGM/PBM (no compression to pay for), TSV comes back; one
  thread per process (OMP_THREAD_LIMIT=1), a timeout per call, known failures turned into ours.
- `TesserocrEngine`: the same recogniser in process through the `tesserocr` wheel (optional).
- `FakeOcrEngine`: canned lines per page, for tests of the stages after OCR.

Engines work in the pixel space of the image they are given; `docproc.ocr.ocr_image` converts to
points.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import time
from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any

import numpy as np
from PIL import Image

from docproc.document import Line, Word
from docproc.errors import OcrFailed
from docproc.ocr._tsv import parse_tsv

__all__ = [
    "OcrEngine",
    "OcrTimeout",
    "TesseractEngine",
    "TesserocrEngine",
    "FakeOcrEngine",
    "Orientation",
    "tessdata_dir",
]

ImageLike = Image.Image | np.ndarray


class OcrTimeout(Exception):
    """Recognition of one page ran out of time (a page-level warning, not a document failure)."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"OCR timed out after {seconds:g} s")
        self.seconds = seconds


class Orientation(tuple[int, float]):
    """(degrees clockwise the page must turn to read upright, OSD confidence)."""

    __slots__ = ()

    @property
    def angle(self) -> int:
        return self[0]

    @property
    def confidence(self) -> float:
        return self[1]


class OcrEngine(ABC):
    """Recognise a page image: lines of words with boxes in pixels and confidences 0..1."""

    name: str = "engine"

    @abstractmethod
    def recognize(
        self, image: ImageLike, *, page_number: int, timeout: float | None = None, dpi: int | None = None
    ) -> list[Line]:
        """Words of the page in reading order. Raises OcrTimeout when `timeout` (s) is exceeded."""

    @abstractmethod
    def orientation(self, image: ImageLike, *, timeout: float | None = None) -> int:
        """Degrees (0, 90, 180, 270, clockwise) to turn the image to read it upright; 0 when unsure."""

    def load(self) -> None:  # noqa: B027 - optional hook, nothing to load by default
        """Load models now rather than on the first page (a worker warming up before work arrives)."""


def _to_pil(image: ImageLike) -> Image.Image:
    if isinstance(image, Image.Image):
        return image
    return Image.fromarray(image)


def _for_file(image: ImageLike) -> Image.Image:
    """PBM for a binary page (1 bit per pixel), PGM/PPM otherwise: uncompressed, so fast to write
    (pytesseract writes an image in its `format`, PNG when it has none)."""
    pil = _to_pil(image)
    if isinstance(image, np.ndarray) and image.ndim == 2 and _is_binary(image):
        pil = pil.convert("1", dither=Image.Dither.NONE)
    elif pil.mode not in ("L", "RGB", "1"):
        pil = pil.convert("RGB")
    elif pil is image:
        pil = pil.copy()  # never change the caller's image's format
    pil.format = "PPM"
    return pil


def _is_binary(a: np.ndarray) -> bool:
    sample = a[::7, ::7]
    return bool(np.all((sample == 0) | (sample == 255)))


_OSD_ROTATE = re.compile(r"Rotate:\s*(\d+)")
_OSD_CONF = re.compile(r"Orientation confidence:\s*([\d.]+)")


def parse_osd(text: str) -> Orientation:
    """`tesseract --psm 0` output → (clockwise degrees to turn upright, confidence)."""
    m, c = _OSD_ROTATE.search(text), _OSD_CONF.search(text)
    if not m:
        return Orientation((0, 0.0))
    return Orientation((int(m.group(1)) % 360, float(c.group(1)) if c else 0.0))


@lru_cache(maxsize=4)
def _languages(binary: str) -> frozenset[str]:
    try:
        out = subprocess.run([binary, "--list-langs"], capture_output=True, text=True, timeout=30)
    except FileNotFoundError:
        raise OcrFailed(
            f"the '{binary}' command is not installed (Debian: apt-get install tesseract-ocr tesseract-ocr-vie)"
        ) from None
    lines = (out.stdout + out.stderr).splitlines()
    return frozenset(s.strip() for s in lines if s.strip() and " " not in s.strip())


def tessdata_dir() -> str | None:
    """Where the installed Tesseract keeps its traineddata (for the in-process engine)."""
    env = os.environ.get("TESSDATA_PREFIX")
    if env:
        return env
    for d in (
        "/usr/share/tesseract-ocr/5/tessdata",
        "/usr/share/tesseract-ocr/4.00/tessdata",
        "/usr/share/tessdata",
    ):
        if os.path.isdir(d):
            return d
    return None


class TesseractEngine(OcrEngine):
    """The `tesseract` CLI: `tesseract - - -l vie --psm N --dpi D tsv`, image on stdin."""

    name = "tesseract"

    def __init__(
        self,
        *,
        lang: str = "vie",
        psm: int = 3,
        dpi: int = 300,
        binary: str = "tesseract",
        config: Mapping[str, str] | None = None,
    ) -> None:
        self.lang, self.psm, self.dpi, self.binary = lang, psm, dpi, binary
        self.config = dict(config or {})

    def check(self) -> None:
        """Raise OcrFailed unless the binary and every language of `lang` are installed."""
        if shutil.which(self.binary) is None:
            raise OcrFailed(
                f"the '{self.binary}' command is not installed "
                "(Debian: apt-get install tesseract-ocr tesseract-ocr-vie)"
            )
        have = _languages(self.binary)
        missing = [x for x in self.lang.split("+") if x not in have]
        if missing:
            raise OcrFailed(
                f"Tesseract language data missing: {', '.join(missing)} "
                f"(Debian: apt-get install tesseract-ocr-{missing[0]})"
            )

    def _run(self, args: Sequence[str], image: ImageLike, timeout: float | None, extension: str) -> str:
        """One call through pytesseract (`run_and_get_output`): the image goes to a temp file as
        PBM/PGM/PPM (uncompressed, see `_for_file`), the output file is read back. Measured as fast as
        piping through stdin (benchmarks/ocr_engines.py)."""
        import pytesseract

        os.environ["OMP_THREAD_LIMIT"] = "1"  # pytesseract passes our environment on
        if timeout is not None and timeout <= 0:
            raise OcrTimeout(0)
        pytesseract.pytesseract.tesseract_cmd = self.binary
        try:
            return pytesseract.run_and_get_output(
                _for_file(image),
                extension=extension,
                config=shlex.join(args),
                timeout=timeout or 0,
            )
        except pytesseract.TesseractNotFoundError:
            self.check()
            raise OcrFailed(f"the '{self.binary}' command could not be run") from None
        except pytesseract.TesseractError as exc:
            err, status = str(exc.message), exc.status
            if "Failed loading language" in err or "Could not initialize tesseract" in err:
                self.check()
                raise OcrFailed(f"Tesseract could not load language '{self.lang}'") from None
            if "Image too large" in err or "Empty page" in err:
                return ""
            if status < 0 or status >= 128:
                raise OcrFailed(f"Tesseract crashed (exit {status})") from None
            raise OcrFailed(f"Tesseract failed (exit {status}): {err.strip()[-200:]}") from None
        except RuntimeError as exc:  # pytesseract's "Tesseract process timeout" (after TesseractError,
            # which is a RuntimeError too)
            if "timeout" in str(exc).lower():
                raise OcrTimeout(timeout or 0) from None
            raise

    def recognize(
        self, image: ImageLike, *, page_number: int, timeout: float | None = None, dpi: int | None = None
    ) -> list[Line]:
        args = ["-l", self.lang, "--psm", str(self.psm), "--dpi", str(dpi or self.dpi)]
        for k, v in self.config.items():
            args += ["-c", f"{k}={v}"]
        tsv = self._run(["-c", "tessedit_create_tsv=1", *args], image, timeout, "tsv")
        return parse_tsv(tsv, page_number=page_number)

    def osd(self, image: ImageLike, *, timeout: float | None = None) -> Orientation:
        try:
            out = self._run(["--psm", "0", "--dpi", str(self.dpi)], image, timeout, "osd")
        except OcrFailed:
            return Orientation((0, 0.0))  # "Too few characters" and the like: no opinion
        return parse_osd(out)

    def orientation(self, image: ImageLike, *, timeout: float | None = None) -> int:
        o = self.osd(image, timeout=timeout)
        return o.angle if o.confidence >= ORIENTATION_MIN_CONFIDENCE else 0


ORIENTATION_MIN_CONFIDENCE = 2.0


class TesserocrEngine(OcrEngine):
    """Tesseract in process through the `tesserocr` wheel (bundles its own libtesseract).

    Saves the process start and image encoding of the CLI on every page. One API object per process
    and language, reused across pages.
    """

    name = "tesserocr"

    def __init__(self, *, lang: str = "vie", psm: int = 3, dpi: int = 300, path: str | None = None) -> None:
        try:
            import tesserocr  # noqa: F401
        except ImportError:
            raise OcrFailed(
                "ocr_engine 'tesserocr' needs the tesserocr package (pip install tesserocr)"
            ) from None
        self.lang, self.psm, self.dpi = lang, psm, dpi
        self.path = path or tessdata_dir()

    def _api(self, psm: int) -> Any:
        return _tesserocr_api(self.path or "", self.lang, psm)

    def load(self) -> None:
        self._api(self.psm)

    def recognize(
        self, image: ImageLike, *, page_number: int, timeout: float | None = None, dpi: int | None = None
    ) -> list[Line]:
        if timeout is not None and timeout <= 0:
            raise OcrTimeout(0)
        api = self._api(self.psm)
        pil = _to_pil(image)
        if pil.mode not in ("L", "RGB", "1"):
            pil = pil.convert("L")
        api.SetImage(pil)
        api.SetSourceResolution(dpi or self.dpi)
        ok = api.Recognize(int(timeout * 1000) if timeout else 0)
        if not ok:
            api.Clear()
            if timeout:
                raise OcrTimeout(timeout)
            raise OcrFailed("Tesseract (tesserocr) could not recognise the page")
        tsv = api.GetTSVText(0)
        api.Clear()
        return parse_tsv(tsv, page_number=page_number)

    def orientation(self, image: ImageLike, *, timeout: float | None = None) -> int:
        api = _tesserocr_api(self.path or "", "osd", 0)
        pil = _to_pil(image)
        api.SetImage(pil if pil.mode in ("L", "RGB", "1") else pil.convert("L"))
        api.SetSourceResolution(self.dpi)
        try:
            res = api.DetectOrientationScript()
        except RuntimeError:
            res = None
        finally:
            api.Clear()
        if not res or res.get("orient_conf", 0) < ORIENTATION_MIN_CONFIDENCE:
            return 0
        # tesserocr reports the angle the page is rotated by (counter-clockwise); OSD's "Rotate:" is
        # the clockwise turn that fixes it, which is the same number of degrees for 0/180 and
        # 360 - deg for 90/270.
        return (360 - int(res["orient_deg"])) % 360


@lru_cache(maxsize=4)
def _tesserocr_api(path: str, lang: str, psm: int) -> Any:
    import tesserocr

    try:
        return tesserocr.PyTessBaseAPI(path=path, lang=lang, psm=psm)
    except RuntimeError as e:
        raise OcrFailed(
            f"Tesseract (tesserocr) could not load language '{lang}' from {path or 'default'}"
        ) from e


class FakeOcrEngine(OcrEngine):
    """Canned results: `lines_by_page[n]` are the lines of page n, each a list of (text, bbox_px) or
    a finished `Line`. Records the pages it was asked for, to test callers without Tesseract."""

    name = "fake"

    def __init__(
        self,
        lines_by_page: Mapping[int, Sequence[Line | Sequence[tuple[str, tuple[float, float, float, float]]]]],
        *,
        confidence: float = 0.95,
        rotation: int = 0,
        delay: float = 0.0,
    ) -> None:
        self.lines_by_page = lines_by_page
        self.confidence = confidence
        self.rotation = rotation
        self.delay = delay
        self.calls: list[int] = []

    def recognize(
        self, image: ImageLike, *, page_number: int, timeout: float | None = None, dpi: int | None = None
    ) -> list[Line]:
        self.calls.append(page_number)
        if self.delay:
            if timeout is not None and self.delay > timeout:
                raise OcrTimeout(timeout)
            time.sleep(self.delay)
        out: list[Line] = []
        for i, line in enumerate(self.lines_by_page.get(page_number, [])):
            if isinstance(line, Line):
                out.append(line)
                continue
            words = [
                Word(text=t, bbox=tuple(map(float, b)), confidence=self.confidence, page=page_number)  # type: ignore[arg-type]
                for t, b in line
            ]
            out.append(Line(words=words, block=i))
        return out

    def orientation(self, image: ImageLike, *, timeout: float | None = None) -> int:
        return self.rotation
