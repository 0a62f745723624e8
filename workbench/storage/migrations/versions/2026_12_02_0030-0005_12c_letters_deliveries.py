"""letters and deliveries: the language of each Art. 28(2) letter; sealed packages signed off

Revision ID: 0005_12c_letters_deliveries
Revises: 0003_breaches_requests
Create Date: 2026-12-02 00:30:00

A letter is regenerated when its notification is marked sent (the objection deadline is then
counted from the real sending date); the new version must be in the language of the first.
Notifications drafted before this revision get "" (unknown): they are regenerated in French,
the language the command line drafted them in by default.

The new `delivery` table records each sealed package handed to an auditor (`export package`):
the DPO's sign-off (who, when, up to which journal entry) and the SHA-256 of its manifest.
Nothing existing is changed.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005_12c_letters_deliveries"
down_revision: str | None = "0003_breaches_requests"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("notification", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("letter_language", sa.String(length=8), server_default="", nullable=False)
        )
    op.create_table(
        "delivery",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("signed_by", sa.String(length=300), nullable=False),
        sa.Column("signed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("journal_position", sa.Integer(), nullable=False),
        sa.Column("manifest_sha256", sa.String(length=64), nullable=False),
        sa.Column("files", sa.JSON(), nullable=False),
        sa.Column("recipient", sa.String(length=300), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("delivery", schema=None) as batch_op:
        batch_op.create_index("ix_delivery_manifest_sha256", ["manifest_sha256"], unique=False)


def downgrade() -> None:
    op.drop_table("delivery")
    with op.batch_alter_table("notification", schema=None) as batch_op:
        batch_op.drop_column("letter_language")
