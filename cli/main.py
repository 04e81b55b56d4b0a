"""The `docproc` command line (moved out of the library: see cli/__init__.py).

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
import warnings
from pathlib import Path
from typing import Annotated

import typer

from docproc._io import fit_name, printable, write_atomic
from docproc.errors import DocprocError, EmptyDocument

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Digitise Vietnamese court judgments.")
log = logging.getLogger("docproc")

INPUT_SUFFIXES = {".pdf", ".tif", ".tiff", ".png", ".jpg", ".jpeg", ".txt", ".docx"}


def _expand(inputs: list[Path]) -> list[Path | DocprocError]:
    """Files to process, in order; a directory argument that holds none is an error of its own (a
    directory named like a file is not silently skipped)."""
    files: list[Path | DocprocError] = []
    for item in inputs:
        if item.is_dir():
            try:
                found = [
                    p for p in sorted(item.rglob("*")) if p.suffix.lower() in INPUT_SUFFIXES and p.is_file()
                ]
            except OSError as exc:
                found = []
                log.debug("listing %s failed: %s", printable(item), type(exc).__name__)
            if found:
                files.extend(found)
            else:
                files.append(
                    EmptyDocument("a directory with no PDF, image, DOCX or text file in it", source=str(item))
                )
        else:
            files.append(item)
    return files


def _say(console: object, style: str, label: str, where: object, message: str) -> None:
    """One line on stderr: `label where: message`, the name and message shown as plain text (a path
    may hold `[/]`, rich markup, or a terminal escape sequence: none is interpreted)."""
    from rich.text import Text

    line = Text()
    line.append(label, style=style)
    line.append(f" {printable(where)}: {printable(message)}")
    console.print(line, highlight=False)  # type: ignore[attr-defined]


@app.command()
def process(
    inputs: Annotated[list[Path], typer.Argument(help="files or directories")],
    out: Annotated[Path, typer.Option("--out", "-o", help="output directory")] = Path("out"),
    drafts: Annotated[bool, typer.Option(help="also write enforcement-decision drafts")] = False,
) -> None:
    """Read each file (OCR where needed) and write NAME.json, its extraction."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from docproc.config import get_settings
    from pipelines.runner import LocalPool, error_of, run_document

    files = _expand(inputs)
    if not files:
        _fail("no input files found")
    out.mkdir(parents=True, exist_ok=True)
    first_error: DocprocError | None = None
    n_ok = 0
    show = len(files) > 1 and sys.stderr.isatty()
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    console = Console(stderr=True, highlight=False, soft_wrap=True)
    settings = get_settings()
    pool = LocalPool(settings.ocr_workers)  # pages of a scan; started once for the whole run
    with pool, Progress(*columns, console=console, disable=not show, transient=True) as bar:
        task = bar.add_task("documents", total=len(files))
        for path in files:
            if isinstance(path, DocprocError):
                first_error = first_error or path
                _say(bar.console, "red", "error", path.source, path.message)
                bar.advance(task)
                continue
            try:
                result = run_document(path, settings=settings, mapper=pool)
                if not result.ok:  # one rule for every caller (pipelines.runner); partial is written
                    code, message = result.code or "internal_error", result.message or ""
                    if code == "internal_error":
                        log.debug("unexpected failure: %s", message)
                        message = f"internal error ({message.split(' at ')[0]})"
                    raise error_of(code, message, str(path))
                data = result.extraction or {}
                name = fit_name(f"{path.stem}.json")
                write_atomic(out / name, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
                if drafts:
                    _write_drafts(data, out / fit_name(f"{path.stem}.drafts"))
                n_ok += 1
                for w in data["document"].get("warnings") or []:
                    _say(bar.console, "yellow", "warning", path.name, w)
            except DocprocError as exc:
                first_error = first_error or exc
                _say(bar.console, "red", "error", path, exc.message)
            except OSError as exc:  # the output cannot be written (disk full, permissions)
                first_error = first_error or DocprocError(type(exc).__name__)
                _say(
                    bar.console,
                    "red",
                    "error",
                    path,
                    f"cannot write the output ({exc.strerror or type(exc).__name__})",
                )
            except Exception as exc:  # a bug must not stop a run over many files
                first_error = first_error or DocprocError(type(exc).__name__)
                log.debug("unexpected failure", exc_info=True)
                _say(bar.console, "red", "error", path, f"internal error ({type(exc).__name__})")
            bar.advance(task)
    typer.echo(f"{n_ok} of {len(files)} documents written to {printable(out)}", err=True)
    if first_error is not None:
        raise typer.Exit(first_error.exit_code)


@app.command()
def text(file: Annotated[Path, typer.Argument()]) -> None:
    """Print the document text that extraction reads, page by page."""
    from pipelines.process import read_document

    try:
        doc = read_document(file)
    except DocprocError as exc:
        _fail(printable(exc), exc.exit_code)
    except Exception as exc:  # noqa: BLE001 - one line, never a traceback
        log.debug("unexpected failure", exc_info=True)
        _fail(f"{printable(file)}: internal error ({type(exc).__name__})", 1)
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
    """Check extraction JSON files against the output contract (judgment or enforcement decision)."""
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


@app.command()
def draft(
    extraction: Annotated[Path, typer.Argument(help="extraction JSON", exists=True, dir_okay=False)],
    out: Annotated[Path, typer.Option("--out", "-o", help="output directory")] = Path("drafts"),
    office: Annotated[Path | None, typer.Option(help="office settings JSON (else DOCPROC_OFFICE_*)")] = None,
    issue_date: Annotated[str | None, typer.Option(help="decision date YYYY-MM-DD (picks the law)")] = None,
    law: Annotated[str | None, typer.Option(help="law version override, e.g. 26/2008/QH12")] = None,
    received_date: Annotated[str | None, typer.Option(help="date the judgment was received")] = None,
    request_date: Annotated[str | None, typer.Option(help="date of the enforcement request")] = None,
    effective_date: Annotated[str | None, typer.Option(help="date the judgment took legal effect")] = None,
    number: Annotated[str | None, typer.Option(help="decision number, e.g. 46 (→ Số: 46/QĐ-THADS)")] = None,
    executor: Annotated[str | None, typer.Option(help="Chấp hành viên assigned (full name)")] = None,
    requester: Annotated[str | None, typer.Option(help="party id of who filed the request, e.g. P1")] = None,
    combined: Annotated[bool, typer.Option(help="one ex officio draft + one per obligee")] = False,
    pdf: Annotated[bool, typer.Option(help="also write the PDF preview")] = True,
) -> None:
    """Write the enforcement-decision drafts of an extraction (DOCX + PDF preview + JSON data)."""
    from pydantic import ValidationError

    from docproc.decisions import DraftOptions, OfficeSettings
    from pipelines.drafts import write_drafts

    try:
        data = json.loads(extraction.read_text(encoding="utf-8"))
        settings = OfficeSettings.from_file(office) if office else OfficeSettings()
        options = DraftOptions(
            issue_date=issue_date,
            law_version=law,
            judgment_received_date=received_date,
            request_date=request_date,
            judgment_effective_date=effective_date,
            decision_number=number,
            executor=executor,
            requester_id=requester,
            grouping="combined" if combined else "law",
        )
        paths = write_drafts(data, out, settings, options, pdf=pdf)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, ValidationError) as exc:
        _fail(f"{extraction.name}: {exc}")
    except DocprocError as exc:
        _fail(str(exc), exc.exit_code)
    for p in paths:
        typer.echo(str(p))


@app.command("batch")
def batch(
    out: Annotated[
        Path, typer.Option("--out", "-o", help="output directory (it names the batch: rerun to resume)")
    ],
    sources: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="SRC...",
            help="files, directories, globs or @LIST files (one path a line); `batch status --out DEST` shows a batch's state",
        ),
    ] = None,
    workers: Annotated[
        int | None, typer.Option(help="local worker processes (default: one per core)")
    ] = None,
    scheduler: Annotated[
        str | None,
        typer.Option(help="Dask scheduler address, e.g. tcp://host:8786 (default: DOCPROC_SCHEDULER)"),
    ] = None,
    retry_failed: Annotated[bool, typer.Option("--retry-failed", help="run failed documents again")] = False,
    status: Annotated[bool, typer.Option("--status", help="only show the batch's state")] = False,
    office: Annotated[
        str | None,
        typer.Option(help="at the end, import the done documents into this office of the service"),
    ] = None,
    cases: Annotated[bool, typer.Option("--cases", help="at the end, audits and the cases table")] = False,
) -> None:
    """Digitise an archive on Dask: resumable, one JSON per document plus DEST/documents.csv."""
    from pipelines.batch_cli import batch_command

    sources = sources or []
    if sources == ["status"] and not Path("status").exists():
        status = True
    if office and not status:  # check before hours of work, not after
        from api.importer import BatchImportError, resolve_target

        db = _admin_db()
        try:
            resolve_target(db.sessions, office)
        except BatchImportError as exc:
            _fail(str(exc))
        finally:
            db.engine.dispose()
    code = batch_command(
        sources, out, workers=workers, scheduler=scheduler, retry_failed=retry_failed, status=status
    )
    if office and not status and code != 2:
        _import_batch(out, office, None)
    if cases and not status and code != 2:
        from pipelines.cases import write_cases

        typer.echo(write_cases(out).lines()[-1], err=True)
    raise typer.Exit(code)


@app.command("cases")
def cases(
    inputs: Annotated[list[Path], typer.Argument(metavar="SRC...", help="files or directories", exists=True)],
    out: Annotated[Path, typer.Option("--out", "-o", help="output directory (rerun to resume)")],
    drafts: Annotated[
        bool,
        typer.Option(
            "--drafts",
            help="also OUT/drafts/: amend drafts for audited errors, each judgment's decisions (issued ones marked)",
        ),
    ] = False,
    office: Annotated[Path | None, typer.Option(help="office settings JSON (else DOCPROC_OFFICE_*)")] = None,
    issue_date: Annotated[
        str | None, typer.Option(help="date of the drafted decisions YYYY-MM-DD (picks the law)")
    ] = None,
    pdf: Annotated[bool, typer.Option(help="with --drafts, also the PDF previews")] = True,
) -> None:
    """Judgments and enforcement decisions → NAME.json, NAME.audit.json, cases.csv/.parquet, stats."""
    from pydantic import ValidationError

    from pipelines.cases import CaseDrafts, run_cases

    settings = None
    if drafts:
        from pipelines.drafts import DraftOptions, OfficeSettings

        try:
            settings = CaseDrafts(
                office=OfficeSettings.from_file(office) if office else OfficeSettings(),
                options=DraftOptions(issue_date=issue_date),
                pdf=pdf,
            )
        except (OSError, UnicodeDecodeError, json.JSONDecodeError, ValidationError) as exc:
            _fail(str(exc))
    summary = run_cases(inputs, out, drafts=settings)
    for name, message in summary.failed:
        typer.echo(f"error {name}: {message}", err=True)
    for line in summary.lines():
        typer.echo(line, err=True)
    if summary.first_error is not None:
        raise typer.Exit(summary.first_error.exit_code)


@app.command("batch-status")
def batch_status(
    out: Annotated[Path, typer.Option("--out", "-o", help="the batch's output directory")],
) -> None:
    """Show the state of the batch writing to --out (counts by state, failures by reason)."""
    from pipelines.batch_cli import batch_command

    raise typer.Exit(batch_command([], out, status=True))


# --- service (api/): serve and admin ---------------------------------------------------------------

admin_app = typer.Typer(no_args_is_help=True, help="Offices and users of the service.")
app.add_typer(admin_app, name="admin")


@app.command("serve")
def serve(
    host: Annotated[str, typer.Option(help="address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="port to listen on")] = 8000,
) -> None:
    """Run the web service (API, processing jobs) with everything under DOCPROC_DATA_DIR."""
    # The service writes scrubbed JSON lines only (api.logging_config): main()'s plain basicConfig
    # handler goes before the imports below log anything through it.
    logging.getLogger().handlers.clear()
    import uvicorn

    from api import create_app
    from api.logging_config import configure_logging
    from api.settings import get_service_settings

    settings = get_service_settings()
    os.umask(0o077)  # the database, blobs and caches it creates are readable by this user only
    configure_logging(settings.log_level)
    # Keep-alive longer than clients' (httpx: 5 s), so a client never reuses a connection being closed.
    uvicorn.run(
        create_app(settings),
        host=host,
        port=port,
        log_config=None,
        proxy_headers=False,
        timeout_keep_alive=75,
    )


def _admin_db():  # type: ignore[no-untyped-def]
    from api import open_database
    from api.settings import get_service_settings

    return open_database(get_service_settings())


@admin_app.command("create-office")
def admin_create_office(name: Annotated[str, typer.Argument(help="office name")]) -> None:
    """Create an office (users and documents belong to one)."""
    from api.admin import AdminError, create_office

    db = _admin_db()
    try:
        office_id = create_office(db.sessions, name)
    except AdminError as exc:
        _fail(str(exc), 1)
    finally:
        db.engine.dispose()
    typer.echo(f"office {office_id} created")


@admin_app.command("create-user")
def admin_create_user(
    username: Annotated[str, typer.Argument(help="user name to sign in with")],
    office: Annotated[str, typer.Option("--office", help="office name")],
    password: Annotated[
        str, typer.Option("--password", help="at least 8 characters", prompt=True, hide_input=True)
    ],
    role: Annotated[str, typer.Option("--role", help="officer, reviewer or admin")] = "officer",
) -> None:
    """Create a user of an office with a role (officer uploads, reviewer corrects, admin both)."""
    from api.admin import AdminError, create_user

    db = _admin_db()
    try:
        user_id = create_user(db.sessions, username, office=office, password=password, role=role)
    except AdminError as exc:
        _fail(str(exc), 1)
    finally:
        db.engine.dispose()
    typer.echo(f"user {user_id} created")


@admin_app.command("import-batch")
def admin_import_batch(
    out: Annotated[Path, typer.Argument(help="the batch's output directory (docproc batch --out)")],
    office: Annotated[str, typer.Option("--office", help="office name")],
    user: Annotated[
        str | None,
        typer.Option("--user", help="recorded as the uploader (default: the office's first admin)"),
    ] = None,
) -> None:
    """Import a batch's done documents into an office, for review (again: adds only what is new)."""
    _import_batch(out, office, user)


def _import_batch(out: Path, office: str, user: str | None) -> None:
    from api.importer import BatchImportError, import_batch

    try:
        report = import_batch(out, office=office, user=user)
    except BatchImportError as exc:
        _fail(str(exc), 1)
    typer.echo(report.line(), err=True)


# --- learned models (models/): train a backend, learn from reviewers' corrections -----------------


def _read_text(path: Path) -> str:
    """models/ takes text: a scan named in a corrections file is read here, as the pipeline reads it."""
    from pipelines.process import read_document

    return read_document(path).text


@app.command("train")
def train(
    backend: Annotated[
        str, typer.Argument(help="spacy, transformers, or data (write the training data only)")
    ],
    data: Annotated[
        list[Path],
        typer.Option(
            "--data",
            help="corpus folder (txt/ + gold/), corrections JSONL ({text|path, extraction}) or examples JSONL; repeatable",
        ),
    ],
    out: Annotated[Path, typer.Option("--out", "-o", help="model directory (data: output directory)")],
    epochs: Annotated[
        int | None, typer.Option(help="training epochs (default: the backend's config)")
    ] = None,
) -> None:
    """Train the spaCy or transformers recogniser on gold or corrected extractions aligned to their text."""
    if backend not in ("spacy", "transformers", "data"):
        _fail(f"unknown backend {backend!r}: spacy, transformers or data")
    from models.learn import train_command

    log = lambda m: typer.echo(m, err=True)  # noqa: E731
    raise typer.Exit(train_command(backend, data, out, epochs=epochs, log=log, read_text=_read_text))


@app.command("learn")
def learn(
    corrections: Annotated[
        list[Path],
        typer.Argument(help="JSONL of corrected extractions exported from the service", exists=True),
    ],
    backend: Annotated[
        str | None, typer.Option(help="spacy or transformers (default: DOCPROC_BACKEND, else spacy)")
    ] = None,
    dev: Annotated[Path | None, typer.Option(help="corpus to evaluate on (default: shared dev)")] = None,
    base: Annotated[
        list[Path] | None,
        typer.Option("--base", help="corpora the model is trained on (default: shared dev, openings-dev)"),
    ] = None,
    folds: Annotated[int, typer.Option(min=2, help="cross-validation folds")] = 3,
    epochs: Annotated[
        int | None, typer.Option(help="training epochs (default: the backend's config)")
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="evaluate only, never replace the model")
    ] = False,
) -> None:
    """Retrain from corrections; keep the new model only if it is better on dev (cross-validated)."""
    from docproc.config import get_settings
    from models.backends import model_path
    from models.learn import default_corpora
    from models.learn import learn as run_learn

    settings = get_settings()
    backend = backend or (settings.backend if settings.backend != "rules" else "spacy")
    corpora = default_corpora()
    dev = dev or (corpora[0] if corpora else None)
    if dev is None:
        _fail("no dev corpus found: give --dev")
    try:
        record = run_learn(
            backend,
            corrections,
            model_dir=model_path(backend, settings.models_dir),
            dev_dir=dev,
            base=base if base is not None else corpora,
            folds=folds,
            epochs=epochs,
            dry_run=dry_run,
            log=lambda m: typer.echo(m, err=True),
            read_text=_read_text,
        )
    except (OSError, ValueError, KeyError) as exc:
        _fail(str(exc))
    typer.echo("kept new model" if record["kept_new_model"] else "kept current model")


def main() -> None:
    logging.basicConfig(level=os.environ.get("DOCPROC_LOG_LEVEL", "WARNING"))
    # One line per bad file: the parsers' own complaints about it (pdfminer's and Pillow's log records
    # and warnings) are not repeated on stderr; DOCPROC_LOG_LEVEL=DEBUG shows them.
    if logging.getLogger().level > logging.DEBUG:
        for name in ("pdfminer", "pdfplumber", "PIL", "pypdfium2", "docx"):
            logging.getLogger(name).setLevel(logging.ERROR)
        logging.getLogger("docproc.ingest").setLevel(logging.ERROR)
        warnings.simplefilter("ignore")
    app()


if __name__ == "__main__":
    main()
