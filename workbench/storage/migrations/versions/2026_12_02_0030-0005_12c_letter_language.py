"""notification letter language: the language each Art. 28(2) letter was drafted in

Revision ID: 0005_12c_letter_language
Revises: 0003_breaches_requests
Create Date: 2026-12-02 00:30:00

A letter is regenerated when its notification is marked sent (the objection deadline is then
counted from the real sending date); the new version must be in the language of the first.
Notifications drafted before this revision get "" (unknown): they are regenerated in French,
the language the command line drafted them in by default.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005_12c_letter_language"
down_revision: str | None = "0003_breaches_requests"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("notification", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("letter_language", sa.String(length=8), server_default="", nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("notification", schema=None) as batch_op:
        batch_op.drop_column("letter_language")
