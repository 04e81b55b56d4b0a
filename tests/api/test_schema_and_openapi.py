"""The database schema comes from the Alembic migrations and matches the models; the OpenAPI
document describes every route."""

from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from api.db import make_engine
from api.migrate import alembic_config, upgrade
from api.models import Base
from pipelines.manifest import metadata as manifest_metadata


def test_migrations_build_the_models_schema_and_run_twice(database_url: str) -> None:
    engine = make_engine(database_url)
    try:
        upgrade(engine)
        upgrade(engine)  # idempotent: a restart runs it again
        with engine.connect() as conn:
            diff = compare_metadata(
                MigrationContext.configure(conn, opts={"compare_type": True}),
                [Base.metadata, manifest_metadata],
            )
        assert diff == []
        assert {
            "offices",
            "users",
            "documents",
            "jobs",
            "corrections",
            "batch_documents",
            "alembic_version",
        } <= set(inspect(engine).get_table_names())
        with engine.begin() as conn:
            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "base")
        assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    finally:
        engine.dispose()


def test_sqlite_runs_in_wal_mode(tmp_path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'x.sqlite3'}")
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    engine.dispose()


def test_openapi_documents_every_route(client) -> None:
    spec = client.get("/openapi.json").json()
    paths = spec["paths"]
    for path, method in [
        ("/auth/token", "post"),
        ("/documents", "post"),
        ("/documents", "get"),
        ("/documents/{doc_id}", "get"),
        ("/documents/{doc_id}/pages/{number}", "get"),
        ("/documents/{doc_id}/extraction", "patch"),
        ("/documents/{doc_id}/corrections", "get"),
        ("/documents/{doc_id}/drafts/{name}", "get"),
        ("/jobs/{job_id}", "get"),
    ]:
        assert method in paths[path], (path, method)
    upload = paths["/documents"]["post"]
    assert "multipart/form-data" in upload["requestBody"]["content"]
    assert {"400", "413", "415"} <= set(upload["responses"])
    patch = paths["/documents/{doc_id}/extraction"]["patch"]
    assert "application/json-patch+json" in patch["requestBody"]["content"]
    assert {"409", "422", "428"} <= set(patch["responses"])
    assert "OAuth2PasswordBearer" in spec["components"]["securitySchemes"]
