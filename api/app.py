"""The FastAPI app factory.

    app = create_app()                       # settings from the environment (DOCPROC_*)
    app = create_app(Settings(data_dir=...)) # explicit, e.g. in tests

Starting the app migrates the database to the latest schema, opens the blob store under
`data_dir` and starts the job runner; stopping it hands running jobs back to the queue.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker
from starlette.exceptions import HTTPException as StarletteHTTPException

from api.auth import secret_key
from api.db import make_engine, make_sessionmaker
from api.migrate import upgrade
from api.routers import auth, cases, documents, jobs, review
from api.storage import BlobStore
from api.worker import JobRunner, JobSpec
from docproc.config import Settings, get_settings
from docproc.errors import DocprocError

__all__ = ["create_app", "open_database", "Database"]

log = logging.getLogger("api")


@dataclass
class Database:
    engine: Engine
    sessions: sessionmaker[Session]
    url: str


def open_database(settings: Settings) -> Database:
    """Engine and sessions for the configured database, migrated to the latest schema."""
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    url = settings.db_url
    engine = make_engine(url)
    upgrade(engine)
    return Database(engine, make_sessionmaker(engine), url)


def _slug(status: int) -> str:
    try:
        return HTTPStatus(status).phrase.lower().replace(" ", "_").replace("-", "_")
    except ValueError:
        return "error"


def create_app(
    settings: Settings | None = None,
    *,
    run_jobs: bool = True,
    process: Callable[[JobSpec, Settings], dict[str, Any]] | None = None,
) -> FastAPI:
    """The app. `run_jobs=False` starts no job runner (jobs wait in the queue); `process` replaces the
    pipeline call of each job (tests inject faults with it)."""
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        db = open_database(settings)
        app.state.db = db
        app.state.sessions = db.sessions
        app.state.store = BlobStore(settings.data_dir)
        app.state.secret = secret_key(settings)
        runner = JobRunner(settings, db.sessions, db.url, settings.data_dir, process=process)
        app.state.runner = runner
        if run_jobs:
            runner.start()
        log.info("service started", extra={"worker": runner.worker_id})
        try:
            yield
        finally:
            if run_jobs:
                runner.stop()
            db.engine.dispose()

    app = FastAPI(
        title="docproc",
        summary="Digitise Vietnamese court judgments: upload, extraction, corrections, decision drafts.",
        version="0.1.0",
        lifespan=lifespan,
    )
    app.state.settings = settings

    @app.exception_handler(DocprocError)
    async def _docproc_error(_: Request, exc: DocprocError) -> JSONResponse:
        return JSONResponse({"error": exc.code, "detail": exc.message}, status_code=exc.http_status)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        return JSONResponse(
            {"error": _slug(exc.status_code), "detail": exc.detail},
            status_code=exc.status_code,
            headers=getattr(exc, "headers", None),
        )

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [
            {"loc": list(e.get("loc", ())), "msg": e.get("msg"), "type": e.get("type")} for e in exc.errors()
        ]
        return JSONResponse({"error": "invalid_request", "detail": errors}, status_code=422)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.error("unhandled error", exc_info=exc, extra={"method": request.method, "path": request.url.path})
        return JSONResponse({"error": "internal_error", "detail": "unexpected server error"}, status_code=500)

    @app.get("/health", tags=["health"])
    def health() -> dict[str, str]:
        return {"status": "ok"}

    app.include_router(auth.router)
    app.include_router(documents.router)
    app.include_router(jobs.router)
    app.include_router(review.router)
    app.include_router(cases.router)
    app.include_router(cases.pages)  # before review.pages: /review/cases is not a document id
    app.include_router(review.pages)
    return app
