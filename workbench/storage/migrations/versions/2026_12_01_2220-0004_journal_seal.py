"""journal seal: the hash version of each journal entry

Revision ID: 0004_journal_seal
Revises: 0002
Create Date: 2026-12-01 22:20:00

What this migration does to an existing register, and why it re-hashes nothing:
- it adds `journal_entry.hash_version`; every entry already in the journal gets 1 (the server
  default), meaning its hash covers what it always covered (time, author, operation id, kind,
  record id, action, before, after) but not its label nor its operation's row;
- entries written afterwards are version 2 and cover every field of the entry and of its
  operation (workbench/services/_journal.py); the chain goes on from the last version 1 hash;
- no hash is recomputed: re-hashing the old entries would turn whatever was altered in them
  (a label, an operation's author) into a valid entry, silently blessing it. Their labels and
  operation rows stay as unprotected as they were; `verify-journal` says how many entries are
  version 1, and checks that no version 1 entry follows a version 2 one.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004_journal_seal"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("journal_entry", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("hash_version", sa.Integer(), server_default="1", nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("journal_entry", schema=None) as batch_op:
        batch_op.drop_column("hash_version")
