"""batch manifest tables (pipelines/manifest.py) in the project's database

The batch runner also works without the service and creates these tables itself when they are
missing (`create_all(checkfirst=True)`), so this migration creates only what is not there yet.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 09:35:00
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from pipelines.manifest import metadata

    metadata.create_all(op.get_bind(), checkfirst=True)


def downgrade() -> None:
    from pipelines.manifest import metadata

    metadata.drop_all(op.get_bind(), checkfirst=True)
