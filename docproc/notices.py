"""Warnings as data: a `Notice` is {code, pointer, params}; one catalogue (data/notices.json) words it
in Vietnamese for the review page and in English for logs and the contract's `document.warnings`.

Stages emit notices, never sentences, so that the service, the review page and the logs say the same
thing in their own language and nobody parses text back. Params carry amounts, page numbers, party
ids ("P3"), codes and JSON pointers only, never names or ID numbers: notices end up in logs.

Templates are `str.format` strings over the params, with specs of our own: `{x:vnd}` an amount with the
language's thousands separator (vi "1.000.000", en "1,000,000"), `{x:money}` the same with its unit,
`{x:date}` an ISO date (vi "05/02/2026"), `{x:enforcement}` "ex_officio"/"on_request" in words. Party
ids ("P1,P2") stay ids in logs; the review page passes their names to `render` as `shown`.
In English a notice with a pointer reads "/obligations/2: ..." (the contract's `document.warnings`); in
Vietnamese the pointer is left to the review page, which labels the field. A notice whose params hold
`page` is about one page of the document: it reads "page 3: ..." / "Trang 3: ..."; the same notice
without `page` is what the page itself says ("blank page").
"""

from __future__ import annotations

import json
import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any, Literal

__all__ = ["Notice", "Lang", "catalogue", "render", "texts", "as_notice", "notice_dict", "placeholders"]

Lang = Literal["vi", "en"]
Param = str | int | float

_PAGE_PREFIX = {"vi": "Trang {page}: ", "en": "page {page}: "}
_THOUSANDS = {"vi": ".", "en": ","}


@dataclass(frozen=True)
class Notice:
    """What a stage wants a reviewer (and the log) to know: a catalogue code, the JSON Pointer of the
    value it concerns (or None), and the values its wording needs."""

    code: str
    pointer: str | None = None
    params: dict[str, Param] = field(default_factory=dict)

    def __hash__(self) -> int:
        return hash((self.code, self.pointer, tuple(sorted(self.params.items()))))

    def __str__(self) -> str:  # logs and f-strings read English
        return render(self, "en")

    def on_page(self, page: int) -> Notice:
        """The same notice said of page `page` of the document (the page's own notice has no number)."""
        return Notice(self.code, self.pointer, {**self.params, "page": page})


@lru_cache(maxsize=1)
def catalogue() -> dict[str, dict[str, str]]:
    """code -> {"vi": template, "en": template} (docproc/data/notices.json)."""
    text = resources.files("docproc.data").joinpath("notices.json").read_text(encoding="utf-8")
    return {k: v for k, v in json.loads(text).items() if not k.startswith("_")}


def placeholders(template: str) -> set[str]:
    """The param names a template uses."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


_ENFORCEMENT = {
    "vi": {"ex_officio": "chủ động", "on_request": "theo yêu cầu"},
    "en": {"ex_officio": "ex officio", "on_request": "on request"},
}


@dataclass(frozen=True)
class _Shown:
    text: str


class _Formatter(string.Formatter):
    """str.format with the catalogue's specs, and `shown` texts standing in for params."""

    def __init__(self, lang: Lang, shown: Mapping[str, str] | None) -> None:
        self.lang, self.shown = lang, shown or {}

    def get_value(self, key: int | str, args: Any, kwargs: Mapping[str, Any]) -> Any:
        if isinstance(key, str) and key in self.shown:
            return _Shown(self.shown[key])
        return super().get_value(key, args, kwargs)

    def format_field(self, value: Any, format_spec: str) -> str:
        if isinstance(value, _Shown):
            return value.text
        sep = _THOUSANDS[self.lang]
        if format_spec == "vnd":
            return f"{int(value):,}".replace(",", sep)
        if format_spec == "money":
            return f"{int(value):,}".replace(",", sep) + (" đồng" if self.lang == "vi" else " đ")
        if format_spec == "date":  # ISO in params; dd/mm/yyyy in Vietnamese
            y, m, d = str(value).split("-")
            return f"{d}/{m}/{y}" if self.lang == "vi" else str(value)
        if format_spec == "enforcement":
            return _ENFORCEMENT[self.lang].get(str(value), str(value))
        return super().format_field(value, format_spec)


def render(
    notice: Notice | Mapping[str, Any] | str, lang: Lang = "vi", shown: Mapping[str, str] | None = None
) -> str:
    """The notice's sentence in `lang`. `shown` (param -> text) is for the review page only: the names
    of the parties a param holds by id, an amount in words; logs get the params themselves. A plain
    string (a warning stored before notices existed) is returned as it is."""
    if isinstance(notice, str):
        return notice
    notice = as_notice(notice)
    entry = catalogue().get(notice.code)
    if entry is None:  # a code from a newer version: say it rather than fail
        return f"{notice.code} {dict(notice.params)}" if notice.params else notice.code
    fmt = _Formatter(lang, shown)
    text = fmt.vformat(entry[lang], (), dict(notice.params))
    if "page" in notice.params:
        text = fmt.vformat(_PAGE_PREFIX[lang], (), dict(notice.params)) + text
    if notice.pointer and lang == "en":  # the contract's warnings name the value; the review page labels it
        text = f"{notice.pointer}: {text}"
    return text


def texts(notices: Iterable[Notice | Mapping[str, Any] | str], lang: Lang = "en") -> list[str]:
    """Each notice's sentence (English by default: logs, messages, the contract's warnings)."""
    return [render(n, lang) for n in notices]


def as_notice(value: Notice | Mapping[str, Any]) -> Notice:
    """A Notice from itself or from its JSON form {code, pointer, params}."""
    if isinstance(value, Notice):
        return value
    return Notice(str(value["code"]), value.get("pointer"), dict(value.get("params") or {}))


def notice_dict(notice: Notice) -> dict[str, Any]:
    """The JSON form stored and sent: {code, pointer, params}."""
    return {"code": notice.code, "pointer": notice.pointer, "params": dict(notice.params)}
