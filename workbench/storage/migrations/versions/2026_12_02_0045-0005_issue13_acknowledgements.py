"""finding acknowledgements: a DPO's reasoned 'known, accepted' on one finding

Revision ID: 0005_issue13_acknowledgements
Revises: 0005_14b_vendor_list_versions
Create Date: 2026-12-02 00:45:00

Adds the append-only `finding_acknowledgement` table; an existing register simply has none.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005_issue13_acknowledgements"
down_revision: str | None = "0005_14b_vendor_list_versions"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "finding_acknowledgement",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("rule_id", sa.String(length=80), nullable=False),
        sa.Column("entity_kind", sa.String(length=32), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("author", sa.String(length=200), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("operation", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_finding_acknowledgement")),
    )
    with op.batch_alter_table("finding_acknowledgement", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_finding_acknowledgement_rule_id"), ["rule_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("finding_acknowledgement", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_finding_acknowledgement_rule_id"))
    op.drop_table("finding_acknowledgement")
