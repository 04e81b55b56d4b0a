"""Alembic migrations of the service schema (a package so that they ship with it)."""
