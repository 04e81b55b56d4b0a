"""The FastAPI app factory.

    app = create_app()                       # settings from the environment (DOCPROC_*)
    app = create_app(ServiceSettings(data_dir=...)) # explicit, e.g. in tests

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

from api import office
from api.auth import dummy_hash, secret_key
from api.db import make_engine, make_sessionmaker
from api.durability import check_durability, private_data_dir, private_sqlite_file, sweep_orphans
from api.limits import ServiceLimits
from api.middleware import BodySizeLimit, SecurityHeaders
from api.migrate import upgrade
from api.revocation import TokenRevocations
from api.routers import auth, cases, documents, drafts, jobs, review
from api.settings import ServiceSettings, get_service_settings
from api.storage import BlobStore
from api.throttle import LoginThrottle
from api.worker import JobRunner, JobSpec
from docproc.config import Settings
from docproc.errors import DocprocError
from pipelines.settings import BatchSettings

__all__ = ["create_app", "open_database", "Database"]

log = logging.getLogger("api")


@dataclass
class Database:
    engine: Engine
    sessions: sessionmaker[Session]
    url: str


def open_database(settings: BatchSettings) -> Database:
    """Engine and sessions for the configured database, migrated to the latest schema."""
    private_data_dir(settings.data_dir)
    url = settings.db_url
    private_sqlite_file(url)
    engine = make_engine(url)
    upgrade(engine)
    check_durability(engine)
    return Database(engine, make_sessionmaker(engine), url)


def _slug(status: int) -> str:
    try:
        return HTTPStatus(status).phrase.lower().replace(" ", "_").replace("-", "_")
    except ValueError:
        return "error"


def create_app(
    settings: ServiceSettings | None = None,
    *,
    run_jobs: bool = True,
    process: Callable[[JobSpec, Settings], dict[str, Any]] | None = None,
    limits: ServiceLimits | None = None,
) -> FastAPI:
    """The app. `run_jobs=False` starts no job runner (jobs wait in the queue); `process` replaces the
    pipeline call of each job (tests inject faults with it); `limits` default to the environment's."""
    settings = settings or get_service_settings()
    limits = limits or ServiceLimits()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        db = open_database(settings)
        app.state.db = db
        app.state.sessions = db.sessions
        app.state.store = BlobStore(settings.data_dir)
        sweep_orphans(app.state.store)
        app.state.secret = secret_key(settings)
        app.state.throttle = LoginThrottle(db.sessions, app.state.secret, limits)
        app.state.revocations = TokenRevocations(db.sessions)
        dummy_hash()  # made now, so that the first unknown user's sign-in costs no extra hash
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
        docs_url=None,  # Swagger UI loads from a CDN: blank offline; the schema stays at /openapi.json
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.limits = limits
    app.add_middleware(
        BodySizeLimit,
        max_bytes=limits.max_body_bytes,
        multipart_max_bytes=settings.max_file_bytes + (1 << 20),
    )
    app.add_middleware(SecurityHeaders)  # outermost: the body limit's 413 gets the headers too

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
    app.include_router(drafts.router)
    app.include_router(office.router)
    app.include_router(jobs.router)
    app.include_router(review.router)
    app.include_router(office.pages)  # /review/office before the page /review/{doc_id}
    app.include_router(cases.router)
    app.include_router(cases.pages)  # before review.pages: /review/cases is not a document id
    app.include_router(review.pages)
    return app
