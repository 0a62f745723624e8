"""The register as an Excel workbook.

One sheet per entity (treatments, subprocessors, certifications) whose headers are exactly the
canonical columns of `workbench.domain.fields`: the importers map them with full confidence, so
this workbook imports back into an empty register without loss. Closed vocabularies are printed
by their labels in the workbook's language (role "Responsable de traitement", legal basis
"Intérêts légitimes", mechanism "Clauses contractuelles types..."), which the importers read
back as the codes, stated (`importers.labels`); countries keep their ISO codes.
Multi-valued cells hold one value per line; data categories are written with `format_category`
("Patients: Medical information [health]") so that subject and sensitivity survive the trip;
"Sensitive data (Art. 9)" repeats the sensitive ones for reading (the importer skips it).

Then the layout of the CNIL model register (see `_xlsx_cnil`): "Liste des traitements" and one
"fiche de registre" sheet per processing activity.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from exporters._files import Ticker
from exporters._labels import DocText
from exporters._xlsx import (
    add_sheet,
    append_row,
    cell,
    finish_table,
    flagged_cell,
    new_workbook,
    save_workbook,
    streaming,
)
from exporters._xlsx_cnil import add_cnil_sheets
from exporters._xlsx_marks import add_marks_sheet, reasons_by_key
from workbench.domain.enums import DataSensitivity
from workbench.domain.fields import (
    SUBPROCESSOR_FIELDS,
    TREATMENT_FIELDS,
    UNCONFIRMED_FIELD,
    FieldSpec,
    format_marks,
)
from workbench.domain.records import Certification, Subprocessor, Treatment
from workbench.domain.snapshot import RegisterSnapshot
from workbench.i18n import N_
from workbench.progress import NullProgress, Progress

WIDE = {"purpose", "description", "data_categories", "sensitive_data", "security_measures"}
MEDIUM = {"name", "legal_basis_text", "retention.text", "recipients", "subprocessors"}
MEDIUM |= {"service_description", "location_text", "transfer_text", "controllers", "notes"}
MEDIUM |= {"processors", "unconfirmed"}
NARROW = {"id", "retention.duration", "chain_level", "optional", "dpia.status", "dpia.done_on"}


def column_width(spec: FieldSpec) -> float:
    if spec.key in WIDE:
        return 45
    if spec.key in MEDIUM:
        return 30
    if spec.key == "organisation":
        return 24
    if spec.key in NARROW:
        return 9
    return 16


def write_register_xlsx(
    snapshot: RegisterSnapshot,
    path: str | Path,
    locale: str = "fr",
    progress: Progress | None = None,
) -> None:
    text = DocText(locale)
    progress = progress or NullProgress()
    tick = Ticker(
        progress,
        2 * len(snapshot.treatments) + len(snapshot.subprocessors),
        text(N_("Writing the Excel register")),
    )
    title = text(N_("Register of processing activities"))
    workbook = new_workbook(snapshot.as_of, title, text.locale)
    with streaming(workbook, path):
        _entity_sheet(
            workbook,
            text(N_("Treatments")),
            (*TREATMENT_FIELDS, UNCONFIRMED_FIELD),
            text,
            [(t, treatment_values(text, snapshot, t)) for t in _ticking(snapshot.treatments, tick)],
        )
        _entity_sheet(
            workbook,
            text(N_("Subprocessors")),
            (*SUBPROCESSOR_FIELDS, UNCONFIRMED_FIELD),
            text,
            [
                (s, subprocessor_values(text, snapshot, s))
                for s in _ticking(snapshot.subprocessors, tick)
            ],
        )
        _certification_sheet(workbook, text, snapshot)
        add_marks_sheet(workbook, text, snapshot)
        add_cnil_sheets(workbook, text, snapshot, tick)
        progress.check_cancelled()
        save_workbook(workbook, path, snapshot.as_of)
    tick.finish()


def _ticking(items: Any, tick: Ticker) -> Any:
    for item in items:
        tick()
        yield item


def _entity_sheet(
    workbook: Any,
    title: str,
    fields: tuple[FieldSpec, ...],
    text: DocText,
    rows: list[tuple[Treatment | Subprocessor, dict[str, Any]]],
) -> None:
    """One row per record; a value to be verified is shaded with its reason in a comment, and
    the "unconfirmed" column carries the marks themselves for the trip back."""
    sheet = add_sheet(
        workbook, title, [column_width(f) for f in fields], [f.header(text.locale) for f in fields]
    )
    for record, values in rows:
        reasons = reasons_by_key(text, record, [f.key for f in fields])
        append_row(
            sheet, [flagged_cell(sheet, values.get(f.key), reasons.get(f.key, ())) for f in fields]
        )
    finish_table(sheet, len(fields), len(rows))


def treatment_values(text: DocText, snapshot: RegisterSnapshot, t: Treatment) -> dict[str, Any]:
    """Field key -> cell value, for every column of TREATMENT_FIELDS."""
    sensitive = [c for c in t.data_categories if c.sensitivity is not DataSensitivity.STANDARD]
    retention = t.retention
    return {
        "id": t.id,
        "organisation": snapshot.organisation_name(t.organisation_id),
        "role": text.enum(t.role),
        "controllers": snapshot.controller_names(t),
        "processors": snapshot.processor_names(t),
        "name": t.name,
        "purpose": t.purpose,
        "description": t.description,
        "joint_controller": t.joint_controller,
        "data_subjects": t.data_subjects,
        "data_categories": [text.category_line(c) for c in t.data_categories],
        "sensitive_data": [text.category_label(c) for c in sensitive],
        "legal_basis": text.enum(t.legal_basis),
        "art9_condition": text.enum(t.art9_condition),
        "legal_basis_text": t.legal_basis_text,
        "retention.text": retention.text,
        "retention.duration": retention.duration,
        "retention.unit": text.enum(retention.unit),
        "retention.start_event": retention.start_event,
        "recipients": [text.recipient_line(r) for r in t.recipients],
        "transfers": t.transfers,
        "security_measures": t.security_measures,
        "subprocessors": snapshot.subprocessor_names(t),
        "dpia.status": text.enum(t.dpia.status),
        "dpia.reason": t.dpia.reason,
        "dpia.done_on": t.dpia.done_on,
        "status": text.enum(t.status),
        "created_on": t.created_on,
        "last_reviewed_on": t.last_reviewed_on,
        "next_review_on": t.next_review_on,
        "notes": t.notes,
        "unconfirmed": format_marks(t.unconfirmed),
    }


def subprocessor_values(
    text: DocText, snapshot: RegisterSnapshot, s: Subprocessor
) -> dict[str, Any]:
    return {
        "id": s.id,
        "organisation": snapshot.organisation_name(s.organisation_id),
        "name": s.name,
        "legal_entity": s.legal_entity,
        "category": text.enum(s.category),
        "service_description": s.service_description,
        "data_categories": [text.category_line(c) for c in s.data_categories],
        "locations": [loc.code for loc in s.locations],
        "location_text": s.location_text,
        "transfer_mechanism": text.enum(s.transfer_mechanism),
        "transfer_text": s.transfer_text,
        "optional": text.yes_no(s.optional),
        "dpa_signed_on": s.dpa_signed_on,
        "contract_start_on": s.contract_start_on,
        "contract_end_on": s.contract_end_on,
        "contact_name": s.contact_name,
        "contact_email": s.contact_email,
        "address": s.address,
        "chain_level": s.chain_level,
        "notes": s.notes,
        "unconfirmed": format_marks(s.unconfirmed),
    }


CERTIFICATION_COLUMNS = (
    (N_("Holder"), 28),
    (N_("Certificate"), 22),
    (N_("Name"), 22),
    (N_("Referential version"), 12),
    (N_("Number"), 16),
    (N_("Certification body"), 22),
    (N_("Scope"), 40),
    (N_("HDS activities"), 14),
    (N_("Issued on"), 12),
    (N_("Valid until"), 12),
    (N_("Last surveillance audit"), 12),
)


def _certification_sheet(workbook: Any, text: DocText, snapshot: RegisterSnapshot) -> None:
    sheet = add_sheet(
        workbook,
        text(N_("Certifications")),
        [w for _, w in CERTIFICATION_COLUMNS],
        [text(h) for h, _ in CERTIFICATION_COLUMNS],
    )
    for cert in snapshot.certifications:
        append_row(sheet, [cell(sheet, v) for v in _certification_values(text, snapshot, cert)])
    finish_table(sheet, len(CERTIFICATION_COLUMNS), len(snapshot.certifications))


def _certification_values(
    text: DocText, snapshot: RegisterSnapshot, cert: Certification
) -> list[Any]:
    holder = snapshot.organisation_name(cert.organisation_id)
    if cert.subprocessor_id in snapshot.subprocessor_by_id:
        holder = snapshot.subprocessor_by_id[cert.subprocessor_id].name
    return [
        holder,
        text.enum(cert.kind),
        cert.name,
        cert.referential_version,
        cert.number,
        cert.certifier,
        cert.scope,
        ", ".join(str(n) for n in cert.hds_activities),
        cert.issued_on,
        cert.expires_on,
        cert.last_surveillance_on,
    ]
