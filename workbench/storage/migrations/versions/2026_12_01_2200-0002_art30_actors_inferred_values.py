"""Art. 30 actors as data, stated vs inferred values

Organisations get their contacts, DPO (own, external firm, or the group's), Art. 27
representative and security policy; treatments get the own organisations processing for them,
recipients as records, and a DPIA status; every record gets the list of values still to be
confirmed by a person.

Existing registers are carried forward: values that an import read out of free text before
this revision (a transfer mechanism, countries, a legal basis, a structured retention period,
a category chosen from the vendor's name) are marked unconfirmed, with the text they came from.
Nothing is dropped: `dpia_required` becomes a status (True = required, False = not required),
each recipient text becomes a recipient of kind "other".

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01 22:00:00
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op


revision: str = '0002'
down_revision: str | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# What the migration says of a mark it adds: which release inferred it, and that nobody has
# confirmed it since.
_NOTE = (
    "Lu par un import avant que le registre distingue les valeurs établies des valeurs "
    "déduites ; à confirmer."
)


def upgrade() -> None:
    with op.batch_alter_table('organisation', schema=None) as batch_op:
        batch_op.add_column(sa.Column('contact_name', sa.String(length=200), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('contact_phone', sa.String(length=50), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('dpo_phone', sa.String(length=50), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('dpo_company', sa.String(length=300), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('dpo_organisation_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('representative_contact', sa.Text(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('security_policy_title', sa.String(length=300), nullable=True))
        batch_op.add_column(sa.Column('security_policy_version', sa.String(length=50), nullable=True))
        batch_op.add_column(sa.Column('security_policy_issued_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('security_policy_reference', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('unconfirmed', sa.JSON(), nullable=False, server_default='[]'))
        batch_op.create_foreign_key(
            batch_op.f('fk_organisation_dpo_organisation_id_organisation'),
            'organisation', ['dpo_organisation_id'], ['id'], ondelete='SET NULL',
        )
    for table in ('subprocessor', 'certification'):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('unconfirmed', sa.JSON(), nullable=False, server_default='[]'))
    with op.batch_alter_table('treatment', schema=None) as batch_op:
        batch_op.add_column(sa.Column('dpia_status', sa.String(length=16), nullable=False, server_default='unknown'))
        batch_op.add_column(sa.Column('dpia_reason', sa.Text(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('dpia_done_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('unconfirmed', sa.JSON(), nullable=False, server_default='[]'))
    op.create_table('treatment_processor',
    sa.Column('treatment_id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], name=op.f('fk_treatment_processor_organisation_id_organisation'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['treatment_id'], ['treatment.id'], name=op.f('fk_treatment_processor_treatment_id_treatment'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('treatment_id', 'organisation_id', name=op.f('pk_treatment_processor'))
    )
    _carry_treatments_forward()
    _mark_imported_subprocessors()
    with op.batch_alter_table('treatment', schema=None) as batch_op:
        batch_op.drop_column('dpia_required')
    # The server defaults only filled the existing rows; the application writes every column.
    for table, columns in _DEFAULTED.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            for column in columns:
                batch_op.alter_column(column, server_default=None)


_DEFAULTED = {
    'organisation': ('contact_name', 'contact_phone', 'dpo_phone', 'dpo_company',
                     'representative_contact', 'unconfirmed'),
    'subprocessor': ('unconfirmed',),
    'certification': ('unconfirmed',),
    'treatment': ('dpia_status', 'dpia_reason', 'unconfirmed'),
}


def _mark(field: str, origin: str, source_text: str) -> dict[str, Any]:
    return {'field': field, 'origin': origin, 'source_text': source_text, 'column': '',
            'row': None, 'note': _NOTE}


def _carry_treatments_forward() -> None:
    treatment = sa.table(
        'treatment',
        sa.column('id', sa.Integer), sa.column('recipients', sa.JSON),
        sa.column('dpia_required', sa.Boolean), sa.column('dpia_status', sa.String),
        sa.column('legal_basis', sa.String), sa.column('legal_basis_text', sa.Text),
        sa.column('retention_duration', sa.Integer), sa.column('retention_text', sa.Text),
        sa.column('provenance_file', sa.Text), sa.column('unconfirmed', sa.JSON),
    )
    conn = op.get_bind()
    rows = conn.execute(sa.select(treatment)).mappings().all()
    for row in rows:
        recipients = [
            r if isinstance(r, dict) else {'name': str(r), 'kind': 'other', 'detail': ''}
            for r in (row['recipients'] or [])
        ]
        status = {True: 'required', False: 'not_required'}.get(row['dpia_required'], 'unknown')
        marks: list[dict[str, Any]] = []
        if row['provenance_file'] is not None:
            if row['legal_basis'] and row['legal_basis_text']:
                marks.append(_mark('legal_basis', 'read_from_text', row['legal_basis_text']))
            if row['retention_duration'] is not None and row['retention_text']:
                marks.append(_mark('retention', 'read_from_text', row['retention_text']))
        conn.execute(
            treatment.update()
            .where(treatment.c.id == row['id'])
            .values(recipients=recipients, dpia_status=status, unconfirmed=marks)
        )


def _mark_imported_subprocessors() -> None:
    subprocessor = sa.table(
        'subprocessor',
        sa.column('id', sa.Integer), sa.column('provenance_file', sa.Text),
        sa.column('transfer_mechanism', sa.String), sa.column('transfer_text', sa.Text),
        sa.column('locations', sa.JSON), sa.column('location_text', sa.Text),
        sa.column('category', sa.String), sa.column('name', sa.String),
        sa.column('unconfirmed', sa.JSON),
    )
    conn = op.get_bind()
    rows = conn.execute(
        sa.select(subprocessor).where(subprocessor.c.provenance_file.is_not(None))
    ).mappings().all()
    for row in rows:
        marks: list[dict[str, Any]] = []
        if row['transfer_mechanism'] and row['transfer_text']:
            marks.append(_mark('transfer_mechanism', 'read_from_text', row['transfer_text']))
        if row['locations'] and row['location_text']:
            marks.append(_mark('locations', 'read_from_text', row['location_text']))
        if row['category'] and row['category'] != 'other':
            marks.append(_mark('category', 'rule', row['name']))
        if marks:
            conn.execute(
                subprocessor.update().where(subprocessor.c.id == row['id']).values(unconfirmed=marks)
            )


def downgrade() -> None:
    with op.batch_alter_table('treatment', schema=None) as batch_op:
        batch_op.add_column(sa.Column('dpia_required', sa.Boolean(), nullable=True))
    treatment = sa.table(
        'treatment', sa.column('id', sa.Integer), sa.column('recipients', sa.JSON),
        sa.column('dpia_required', sa.Boolean), sa.column('dpia_status', sa.String),
    )
    conn = op.get_bind()
    for row in conn.execute(sa.select(treatment)).mappings().all():
        recipients = [r['name'] if isinstance(r, dict) else r for r in (row['recipients'] or [])]
        required = {'required': True, 'done': True, 'not_required': False}.get(row['dpia_status'])
        conn.execute(
            treatment.update().where(treatment.c.id == row['id'])
            .values(recipients=recipients, dpia_required=required)
        )
    op.drop_table('treatment_processor')
    with op.batch_alter_table('treatment', schema=None) as batch_op:
        for column in ('unconfirmed', 'dpia_done_on', 'dpia_reason', 'dpia_status'):
            batch_op.drop_column(column)
    for table in ('certification', 'subprocessor'):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column('unconfirmed')
    with op.batch_alter_table('organisation', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_organisation_dpo_organisation_id_organisation'), type_='foreignkey')
        for column in ('unconfirmed', 'security_policy_reference', 'security_policy_issued_on',
                       'security_policy_version', 'security_policy_title', 'representative_contact',
                       'dpo_organisation_id', 'dpo_company', 'dpo_phone', 'contact_phone',
                       'contact_name'):
            batch_op.drop_column(column)
