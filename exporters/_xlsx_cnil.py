"""The CNIL model register's layout, inside the Excel export (`workbench.domain.cnil_model`).

The list sheet opens, as the model's, with the identification block of each organisation whose
register it is (organisation, head, representative, DPO), then lists the processings with the
model's columns, "Données sensibles ? Oui/non" included; the creation and update dates of a
fiche are those the journal holds for it. Then the fiches (`_xlsx_cnil_fiche`): one sheet each,
as in the model, up to `FICHE_SHEETS_UP_TO` processings; above that, one sheet per fiche makes
a workbook nobody can open, and the fiches are stacked on one "Fiches de registre" sheet, each
starting a printed page.
"""

from __future__ import annotations

from typing import Any

from exporters._files import Ticker
from exporters._labels import DocText
from exporters._xlsx import HEADER, LABEL, TITLE, add_sheet, append_row, cell
from exporters._xlsx_cnil_fiche import FICHE_WIDTHS, FicheWriter
from workbench.domain import cnil_model as m
from workbench.domain.enums import DataSensitivity
from workbench.domain.references import treatment_reference
from workbench.domain.snapshot import RegisterSnapshot

FICHE_SHEETS_UP_TO = 100
LIST_WIDTHS = (40, 22, 16, 16, 46, 12, 14, 22)


def add_cnil_sheets(workbook: Any, text: DocText, snapshot: RegisterSnapshot, tick: Ticker) -> None:
    loc = text.locale
    stacked = len(snapshot.treatments) > FICHE_SHEETS_UP_TO
    names = [
        m.FICHES_SHEET(loc) if stacked else m.FICHE_SHEET(loc).format(reference=ref)
        for ref in (treatment_reference(t.id) for t in snapshot.treatments)
    ]
    _list_sheet(workbook, text, snapshot, names)
    if stacked:
        sheet = add_sheet(workbook, m.FICHES_SHEET(loc), FICHE_WIDTHS, fit_width=True)
        writer = FicheWriter(sheet, text, snapshot, full=False)
        for treatment in snapshot.treatments:
            writer.write(treatment)
            tick()
        writer.close()
        return
    for treatment, name in zip(snapshot.treatments, names, strict=True):
        sheet = add_sheet(workbook, name, FICHE_WIDTHS, fit_width=True)
        FicheWriter(sheet, text, snapshot, full=True).write(treatment)
        sheet.close()
        tick()


def _list_sheet(
    workbook: Any, text: DocText, snapshot: RegisterSnapshot, fiche_sheets: list[str]
) -> None:
    loc = text.locale
    sheet = add_sheet(workbook, m.LIST_SHEET(loc), LIST_WIDTHS, fit_width=True)
    # written before the first row: a streamed sheet's view settings go at its head
    header_row = 2 + 6 * len(snapshot.own_organisations)
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.freeze_panes = f"A{header_row + 1}"
    append_row(sheet, [cell(sheet, m.LIST_TITLE(loc), TITLE)])
    for org in snapshot.own_organisations:
        dpo = snapshot.organisation_by_id.get(org.dpo_organisation_id or 0) or org
        block = (
            (m.ORGANISATION, org.name, org.address, org.contact_phone, org.contact_email),
            (m.HEAD, org.contact_name, "", "", ""),
            (m.REPRESENTATIVE, org.representative, org.representative_contact, "", ""),
            (m.DPO, ", ".join(v for v in (dpo.dpo_name, dpo.dpo_company) if v), "",
             dpo.dpo_phone, dpo.dpo_email),
        )  # fmt: skip
        append_row(
            sheet, [cell(sheet, v, HEADER) for v in ("", *(c(loc) for c in m.ACTOR_COLUMNS))]
        )
        for label, *values in block:
            append_row(sheet, [cell(sheet, label(loc), LABEL), *(cell(sheet, v) for v in values)])
        append_row(sheet, [])
    headers = [*(h(loc) for h in m.LIST_HEADERS), m.ORGANISATION(loc)]
    append_row(sheet, [cell(sheet, h, HEADER) for h in headers])
    for treatment, fiche in zip(snapshot.treatments, fiche_sheets, strict=True):
        created, updated = snapshot.treatment_dates.get(treatment.id or 0, (None, None))
        sensitive = any(
            c.sensitivity is not DataSensitivity.STANDARD for c in treatment.data_categories
        )
        listed = (
            treatment.name,
            treatment_reference(treatment.id),
            created,
            updated,
            treatment.purpose,
            text.yes_no(sensitive),
            fiche,
            snapshot.organisation_name(treatment.organisation_id),
        )
        append_row(sheet, [cell(sheet, v) for v in listed])
    last = header_row + len(snapshot.treatments)
    sheet.auto_filter.ref = f"A{header_row}:H{last}"
    sheet.close()
