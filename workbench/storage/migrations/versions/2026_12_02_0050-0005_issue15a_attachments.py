"""attachments (files kept with records), audits of subprocessors, objection decisions

Revision ID: 0005_issue15a_attachments
Revises: 0005_issue13_acknowledgements
Create Date: 2026-12-02 00:30:00

- `attachment`: what a file attached to a record is (owner, name, size, SHA-256, category);
  journaled like any record, so adding and removing one are undone with Ctrl+Z;
- `attachment_blob`: the bytes, once per SHA-256, never journaled (an undone removal finds them);
- `audit.subprocessor_id`: the audited subprocessor, when the audit is of one;
- `notification.objection_decision`: what was decided on a controller's objection.
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0005_issue15a_attachments'
down_revision: str | None = '0005_issue13_acknowledgements'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('attachment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('owner_kind', sa.String(length=32), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=False),
    sa.Column('file_name', sa.String(length=300), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('category', sa.String(length=32), nullable=False),
    sa.Column('media_type', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('added_on', sa.Date(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_attachment'))
    )
    with op.batch_alter_table('attachment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_attachment_owner_kind'), ['owner_kind'], unique=False)
        batch_op.create_index(batch_op.f('ix_attachment_owner_id'), ['owner_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_attachment_sha256'), ['sha256'], unique=False)
    op.create_table('attachment_blob',
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('content', sa.LargeBinary(), nullable=False),
    sa.PrimaryKeyConstraint('sha256', name=op.f('pk_attachment_blob'))
    )
    with op.batch_alter_table('audit', schema=None) as batch_op:
        batch_op.add_column(sa.Column('subprocessor_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_audit_subprocessor_id'), ['subprocessor_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_audit_subprocessor_id_subprocessor'), 'subprocessor', ['subprocessor_id'], ['id'], ondelete='SET NULL')
    with op.batch_alter_table('notification', schema=None) as batch_op:
        batch_op.add_column(sa.Column('objection_decision', sa.Text(), nullable=False, server_default=''))


def downgrade() -> None:
    with op.batch_alter_table('notification', schema=None) as batch_op:
        batch_op.drop_column('objection_decision')
    with op.batch_alter_table('audit', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_audit_subprocessor_id_subprocessor'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_audit_subprocessor_id'))
        batch_op.drop_column('subprocessor_id')
    op.drop_table('attachment_blob')
    with op.batch_alter_table('attachment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_attachment_sha256'))
        batch_op.drop_index(batch_op.f('ix_attachment_owner_id'))
        batch_op.drop_index(batch_op.f('ix_attachment_owner_kind'))
    op.drop_table('attachment')
