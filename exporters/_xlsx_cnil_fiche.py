"""One "fiche de registre" of the CNIL model register, block by block (`domain.cnil_model`).

The blocks are the model's, in its order: description, actors table, purposes, personal data on
the model's fixed rows with a description and a retention period each, the sensitive data on
theirs, data subjects, recipients, security measures, the four-column transfers table. A last
block, "Compléments du registre", carries what the register holds beyond the model (legal
basis, DPIA, review dates, the values still to be verified) under the data sheets'
headers, so that the fiche imports back into the same record (`importers.cnil_model`).

A fiche has the model's fixed rows even when empty (`full`); fiches stacked on one long sheet
(large registers) keep only the rows that say something, and each begins a printed page.
"""

from __future__ import annotations

from typing import Any

from exporters._labels import DocText
from exporters._marks import MarkNotes
from exporters._xlsx import (
    HEADER,
    LABEL,
    TEXT,
    TITLE,
    UNCONFIRMED,
    Cell,
    append_row,
    cell,
    flagged_cell,
)
from exporters._xlsx_marks import reasons_by_key
from workbench.domain import cnil_model as m
from workbench.domain.enums import DataSensitivity, LocationKind, Role
from workbench.domain.fields import TREATMENT_FIELDS, UNCONFIRMED_FIELD, format_marks
from workbench.domain.records import DataCategory, Organisation, Treatment
from workbench.domain.reference import is_eea
from workbench.domain.references import treatment_reference
from workbench.domain.snapshot import RegisterSnapshot
from workbench.i18n import N_

FICHE_WIDTHS = (52, 42, 36, 24, 32)
EXTRA_FIELDS = (
    "role", "legal_basis", "art9_condition", "legal_basis_text", "retention.text",
    "retention.duration", "retention.unit", "retention.start_event", "dpia.status",
    "dpia.reason", "dpia.done_on", "status", "created_on", "last_reviewed_on", "next_review_on",
)  # fmt: skip
# Not "notes": the register's working notes are not register content (the data sheets keep
# them for the trip back; a fiche is what an auditor reads).
RETENTION_KEYS = ("retention.text", "retention.duration", "retention.unit", "retention.start_event")
_SPECS = {f.key: f for f in (*TREATMENT_FIELDS, UNCONFIRMED_FIELD)}


def category_row(category: DataCategory) -> m.Label:
    """The model's row a category is printed on: by its recorded sensitivity, then (standard
    or "special" data) by the words of its name; the "other" row when no word fits."""
    sensitivity = category.sensitivity
    if sensitivity is DataSensitivity.NIR:
        return m.NIR_ROW
    if sensitivity is DataSensitivity.HEALTH:
        return m.HEALTH_ROW
    if sensitivity is DataSensitivity.CRIMINAL:
        return m.CRIMINAL_ROW
    words = " ".join(category.name.casefold().replace("é", "e").replace("è", "e").split())
    if sensitivity is DataSensitivity.SPECIAL:
        if "sexu" in words:
            return m.SEX_ROW
        rows, other = m.SENSITIVE_ROWS, m.OTHER_SENSITIVE_ROW
    else:
        rows, other = m.STANDARD_ROWS, m.OTHER_ROW
    return next((label for label, keys in rows if any(k in words for k in keys)), other)


class FicheWriter:
    """Writes fiches into a sheet (one fiche per sheet, or many stacked)."""

    def __init__(self, sheet: Any, text: DocText, snapshot: RegisterSnapshot, full: bool):
        self.sheet, self.text, self.snapshot, self.full = sheet, text, snapshot, full
        self.locale = text.locale
        self.rows_written = 0
        self.page_breaks: list[int] = []  # rows after which a page ends: see `close`

    def close(self) -> None:
        """Set the page breaks at once (openpyxl copies and checks the whole list on each of
        its `append`s: quadratic over 10,000 fiches), then flush the sheet."""
        from openpyxl.worksheet.pagebreak import Break

        self.sheet.row_breaks.brk = [Break(id=row) for row in self.page_breaks]
        self.sheet.close()

    def _row(self, *values: Any, style: str = TEXT, reasons: tuple[str, ...] = ()) -> None:
        label = cell(self.sheet, values[0], LABEL if style in (TEXT, UNCONFIRMED) else style)
        cells: list[Cell | None] = [label]
        if not self.full:  # a stacked fiche: only what it says (unstyled empty cells are free)
            values = tuple(v if v not in ("", None, [], ()) else None for v in values)
        for value in values[1:]:
            if value is None and not self.full:
                cells.append(None)
                continue
            cells.append(
                flagged_cell(self.sheet, value, reasons)
                if reasons
                else cell(self.sheet, value, style)
            )
        append_row(self.sheet, cells)
        self.rows_written += 1

    def _header(self, *labels: m.Label) -> None:
        self._row(*(label(self.locale) for label in labels), style=HEADER)

    def write(self, t: Treatment) -> None:
        loc, snap = self.locale, self.snapshot
        reasons = reasons_by_key(self.text, t, [*_SPECS, "data_categories", "transfers"])

        def flags(*keys: str) -> tuple[str, ...]:
            return tuple(dict.fromkeys(r for k in keys for r in reasons.get(k, ())))

        if self.rows_written:
            self.page_breaks.append(self.rows_written)
            append_row(self.sheet, [])
            self.rows_written += 1
        reference = treatment_reference(t.id)
        title = f"{m.FICHE_TITLE(loc)} {reference}{self.text.colon}{t.name}"
        append_row(self.sheet, [cell(self.sheet, title, TITLE)])
        self.rows_written += 1
        created, updated = snap.treatment_dates.get(t.id or 0, (None, None))
        self._header(m.DESCRIPTION)
        self._row(m.NAME(loc), t.name, reasons=flags("name"))
        self._row(m.REFERENCE(loc), reference)
        self._row(m.CREATED(loc), created)
        self._row(m.UPDATED(loc), updated)
        self._actors(t, flags)
        self._header(m.PURPOSES)
        self._row(m.MAIN_PURPOSE(loc), t.purpose, reasons=flags("purpose"))
        subs = t.description.split("\n") if t.description else ([""] if self.full else [])
        for number, line in enumerate(subs, start=1):
            self._row(m.SUB_PURPOSE(loc).format(number=number), line, reasons=flags("description"))
        self._data(t, flags("data_categories", "sensitive_data"), flags(*RETENTION_KEYS))
        self._listing(m.SUBJECTS, m.SUBJECT_ROW, [(s, "") for s in t.data_subjects],
                      m.DATA_COLUMNS[0], m.TYPE_COLUMNS[1], flags("data_subjects"))  # fmt: skip
        recipients = [(self.text.enum(r.kind), r.name) for r in t.recipients]
        self._listing(m.RECIPIENTS, m.RECIPIENT_ROW, recipients, *m.RECIPIENT_COLUMNS,
                      flags("recipients"))  # fmt: skip
        self._row(
            m.SUBPROCESSORS_ROW(loc), snap.subprocessor_names(t), reasons=flags("subprocessors")
        )
        self._listing(m.SECURITY, m.MEASURE_ROW, [("", s) for s in t.security_measures],
                      *m.TYPE_COLUMNS, flags("security_measures"))  # fmt: skip
        self._transfers(t, flags("transfers"))
        self._header(m.EXTRA)
        values = _extra_values(self.text, t)
        for key in EXTRA_FIELDS:
            if self.full or values[key] not in ("", None):
                self._row(_SPECS[key].header(loc), values[key], reasons=flags(key))
        if t.unconfirmed:
            self._row(UNCONFIRMED_FIELD.header(loc), format_marks(t.unconfirmed))
            notes = MarkNotes(self.text)  # printed: a cell comment does not reach the paper
            notes.add_rest(t)
            label = self.text(N_("Values to be verified"))
            self._row(label, notes.lines(), style=UNCONFIRMED)

    def _actors(self, t: Treatment, flags: Any) -> None:
        loc, snap = self.locale, self.snapshot
        self._header(m.ACTORS, *m.ACTOR_COLUMNS)
        org = snap.organisation_by_id.get(t.organisation_id)
        own = m.PROCESSOR if t.role is Role.PROCESSOR else m.CONTROLLER
        self._row(own(loc), *_contact(org, snap.organisation_name(t.organisation_id)))
        dpo = snap.organisation_by_id.get(org.dpo_organisation_id or 0) if org else None
        dpo = dpo or org
        if dpo is not None and (dpo.dpo_name or dpo.dpo_email or self.full):
            name = ", ".join(v for v in (dpo.dpo_name, dpo.dpo_company) if v)
            if org is not None and dpo is not org:
                shared = self.text(N_("group DPO, designated by {name}"))
                name = f"{name} ({shared.format(name=dpo.name)})"
            self._row(m.DPO(loc), name, "", dpo.dpo_phone, dpo.dpo_email)
        if org is not None and (org.representative or self.full):
            self._row(m.REPRESENTATIVE(loc), org.representative, org.representative_contact)
        if t.joint_controller or self.full:
            self._row(m.JOINT(loc), t.joint_controller, reasons=flags("joint_controller"))
        for label, ids, key in ((m.SERVED, t.controller_ids, "controllers"),
                                (m.GROUP_PROCESSOR, t.processor_ids, "processors")):  # fmt: skip
            for org_id in ids:
                name = snap.organisation_name(org_id)
                other = snap.organisation_by_id.get(org_id)
                self._row(label(loc), *_contact(other, name), reasons=flags(key))

    def _data(self, t: Treatment, flags: tuple[str, ...], retention: tuple[str, ...]) -> None:
        by_row: dict[m.Label, list[str]] = {}
        for category in t.data_categories:
            line = category.name
            if category.subject:
                line = f"{category.subject}{self.text.colon}{category.name}"
            by_row.setdefault(category_row(category), []).append(line)
        standard = [*(label for label, _ in m.STANDARD_ROWS), m.NIR_ROW, m.OTHER_ROW]
        sensitive = [*(label for label, _ in m.SENSITIVE_ROWS), m.HEALTH_ROW, m.SEX_ROW,
                     m.CRIMINAL_ROW, m.OTHER_SENSITIVE_ROW]  # fmt: skip
        for block, labels in ((m.DATA, standard), (m.SENSITIVE, sensitive)):
            if not self.full and not any(label in by_row for label in labels):
                continue
            self._header(block, *m.DATA_COLUMNS)
            for label in labels:
                lines = by_row.get(label)
                if lines or self.full:
                    kept = t.retention.text if lines else ""
                    self._row(label(self.locale), lines, kept, reasons=flags + retention)

    def _listing(
        self,
        block: m.Label,
        template: m.Label,
        items: list[tuple[str, str]],
        first: m.Label,
        second: m.Label,
        reasons: tuple[str, ...],
    ) -> None:
        if not items and not self.full:
            return
        self._header(block, first, second)
        for number, (kind, value) in enumerate(items or [("", "")], start=1):
            self._row(template(self.locale).format(number=number), kind, value, reasons=reasons)

    def _transfers(self, t: Treatment, reasons: tuple[str, ...]) -> None:
        rows = []
        for sub_id in t.subprocessor_ids:
            sub = self.snapshot.subprocessor_by_id.get(sub_id)
            abroad = [
                loc
                for loc in (sub.locations if sub else ())
                if loc.kind is LocationKind.COUNTRY and not is_eea(loc.code)
            ]
            if sub is not None and abroad:
                where = ", ".join(self.text.locations(abroad))
                rows.append((sub.name, where, self.text.transfer(sub), sub.transfer_text))
        if not rows and not t.transfers and not self.full:
            return
        self._header(m.TRANSFERS, *m.TRANSFER_COLUMNS)
        for number, values in enumerate(rows or ([("", "", "", "")] if self.full else []), 1):
            self._row(m.TRANSFER_ROW(self.locale).format(number=number), *values)
        self._row(m.TRANSFERS_TEXT(self.locale), t.transfers, reasons=reasons)


def _contact(org: Organisation | None, name: str) -> tuple[str, str, str, str]:
    if org is None:
        return name, "", "", ""
    return org.name, org.address, org.contact_phone, org.contact_email


def _extra_values(text: DocText, t: Treatment) -> dict[str, Any]:
    from exporters.xlsx_register import treatment_values  # the data sheet's own cell values

    return treatment_values(text, _NO_SNAPSHOT, t)


_NO_SNAPSHOT = RegisterSnapshot((), (), ())
