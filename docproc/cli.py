"""The `docproc` command line.

    docproc process FILE_OR_DIR... --out DIR     extraction JSON per document
    docproc text FILE                             the text extraction reads, page by page
    docproc validate FILE.json...                 check JSON against the output contract

Errors are DocprocError subclasses, each with its exit code; one bad file never stops a run over many
(the run then exits with the code of the first failure, after finishing the rest).
"""

from __future__ import annotations

import json
import logging
import os
import sys
import tempfile
from pathlib import Path
from typing import Annotated

import typer

from docproc.errors import DocprocError

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Digitise Vietnamese court judgments.")
log = logging.getLogger("docproc")

INPUT_SUFFIXES = {".pdf", ".tif", ".tiff", ".png", ".jpg", ".jpeg", ".txt", ".docx"}


def _expand(inputs: list[Path]) -> list[Path]:
    files: list[Path] = []
    for item in inputs:
        if item.is_dir():
            files.extend(
                p for p in sorted(item.rglob("*")) if p.is_file() and p.suffix.lower() in INPUT_SUFFIXES
            )
        else:
            files.append(item)
    return files


def write_atomic(path: Path, data: str) -> None:
    """Write via a temp file and rename, so a crash never leaves a half-written output."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@app.command()
def process(
    inputs: Annotated[list[Path], typer.Argument(help="files or directories", exists=True)],
    out: Annotated[Path, typer.Option("--out", "-o", help="output directory")] = Path("out"),
    drafts: Annotated[bool, typer.Option(help="also write enforcement-decision drafts")] = False,
) -> None:
    """Read each file (OCR where needed) and write NAME.json, its extraction."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from pipelines.process import process_file

    files = _expand(inputs)
    if not files:
        _fail("no input files found")
    out.mkdir(parents=True, exist_ok=True)
    first_error: DocprocError | None = None
    n_ok = 0
    show = len(files) > 1 and sys.stderr.isatty()
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, disable=not show, transient=True) as bar:
        task = bar.add_task("documents", total=len(files))
        for path in files:
            try:
                result = process_file(path)
                data = result.extraction.to_json_dict()
                write_atomic(out / f"{path.stem}.json", json.dumps(data, ensure_ascii=False, indent=2) + "\n")
                if drafts:
                    _write_drafts(data, out / f"{path.stem}.drafts")
                n_ok += 1
                for w in result.extraction.document.warnings:
                    bar.console.print(f"[yellow]warning[/] {path.name}: {w}", highlight=False)
            except DocprocError as exc:
                first_error = first_error or exc
                bar.console.print(f"[red]error[/] {path}: {exc.message}", highlight=False)
            bar.advance(task)
    typer.echo(f"{n_ok} of {len(files)} documents written to {out}", err=True)
    if first_error is not None:
        raise typer.Exit(first_error.exit_code)


@app.command()
def text(file: Annotated[Path, typer.Argument(exists=True, dir_okay=False)]) -> None:
    """Print the document text that extraction reads, page by page."""
    from pipelines.process import read_document

    try:
        doc = read_document(file)
    except DocprocError as exc:
        _fail(str(exc), exc.exit_code)
    if not doc.pages:
        typer.echo(doc.text)
        return
    for k, page in enumerate(doc.pages, start=1):
        conf = page.mean_confidence
        info = f"{page.source}" + (f", confidence {conf:.2f}" if page.source == "ocr" and conf else "")
        typer.echo(f"=== page {k} ({info}) ===")
        typer.echo(doc.page_text(k))
        for w in page.warnings:
            typer.echo(f"[warning: {w}]")


@app.command()
def validate(files: Annotated[list[Path], typer.Argument(exists=True, dir_okay=False)]) -> None:
    """Check extraction JSON files against the output contract (the shared JSON Schema)."""
    from docproc.validation import validate_extraction

    bad = 0
    for f in files:
        try:
            data = json.loads(f.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            typer.echo(f"{f}: not JSON ({exc})", err=True)
            bad += 1
            continue
        errors = validate_extraction(data)
        for e in errors:
            typer.echo(f"{f}: {e}", err=True)
        bad += bool(errors)
        if not errors:
            typer.echo(f"{f}: valid")
    if bad:
        raise typer.Exit(1)


def _write_drafts(extraction: dict, out_dir: Path) -> None:
    from pipelines.drafts import write_drafts

    write_drafts(extraction, out_dir)


def _fail(message: str, code: int = 2) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


# --- commands of other areas are registered below (lazy imports keep `docproc text` fast) -------


def main() -> None:
    logging.basicConfig(level=os.environ.get("DOCPROC_LOG_LEVEL", "WARNING"))
    app()


if __name__ == "__main__":
    main()
