"""One router per resource."""

from api.routers import auth, documents, jobs

__all__ = ["auth", "documents", "jobs"]
