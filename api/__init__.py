"""The docproc service (FastAPI): upload, processing jobs, results, corrections and drafts.

    from api import create_app
    app = create_app()

Routers by resource in `api.routers`, dependencies in `api.deps`, tables in `api.models` with
Alembic migrations in `api/migrations` (alembic.ini beside this file).
"""

from api.app import create_app, open_database

__all__ = ["create_app", "open_database"]
