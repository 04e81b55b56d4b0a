"""The one exception tree of docproc.

    DocprocError                    exit 1, HTTP 422
    ├── UnsupportedFile             exit 3, HTTP 415  (type sniffed from the bytes is not one we read)
    ├── CorruptFile                 exit 4, HTTP 422  (a PDF/image/DOCX that cannot be parsed, or is cut off)
    ├── EncryptedFile               exit 5, HTTP 422  (password-protected PDF)
    ├── TooLarge                    exit 6, HTTP 413  (bytes, pages or pixels over the Settings limits)
    ├── EmptyDocument               exit 7, HTTP 422  (no readable text on any page)
    ├── OcrFailed                   exit 8, HTTP 500  (Tesseract missing, crashed, or timed out on every page)
    ├── ExtractionFailed            exit 9, HTTP 500
    └── TimedOut                    exit 10, HTTP 422 (reading took longer than DOCPROC_DOC_TIMEOUT_S)

Each class carries its own exit code and HTTP status so that the CLI and the API map them once, at
their edges. Messages never contain document content (it is personal data): file names at most.
"""

from __future__ import annotations

__all__ = [
    "DocprocError",
    "UnsupportedFile",
    "CorruptFile",
    "EncryptedFile",
    "TooLarge",
    "EmptyDocument",
    "OcrFailed",
    "ExtractionFailed",
    "TimedOut",
]


class DocprocError(Exception):
    exit_code: int = 1
    http_status: int = 422
    code: str = "docproc_error"

    def __init__(self, message: str, *, source: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.source = source

    def __str__(self) -> str:
        return f"{self.source}: {self.message}" if self.source else self.message


class UnsupportedFile(DocprocError):
    exit_code, http_status, code = 3, 415, "unsupported_file"


class CorruptFile(DocprocError):
    exit_code, http_status, code = 4, 422, "corrupt_file"


class EncryptedFile(DocprocError):
    exit_code, http_status, code = 5, 422, "encrypted_file"


class TooLarge(DocprocError):
    exit_code, http_status, code = 6, 413, "too_large"


class EmptyDocument(DocprocError):
    exit_code, http_status, code = 7, 422, "empty_document"


class OcrFailed(DocprocError):
    exit_code, http_status, code = 8, 500, "ocr_failed"


class ExtractionFailed(DocprocError):
    exit_code, http_status, code = 9, 500, "extraction_failed"


class TimedOut(DocprocError):
    exit_code, http_status, code = 10, 422, "timeout"
