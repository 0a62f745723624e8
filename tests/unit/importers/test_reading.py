"""The seed annexes, in the layouts a DPO really has, read back with their content right."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from importers import ImportedRow, propose_mapping, read_records, read_tables
from importers.model import RecordKind
from tests.conftest import DATA_DIR
from tests.unit.importers.conftest import RecordingProgress
from workbench.domain.enums import (
    DataSensitivity,
    LegalBasis,
    LocationKind,
    RetentionUnit,
    Role,
    SubprocessorCategory,
    TransferMechanism,
)
from workbench.domain.records import Subprocessor, Treatment
from workbench.progress import Cancelled


def rows_of(name: str, **kwargs: Any) -> list[ImportedRow]:
    result = []
    for table in read_tables(DATA_DIR / name):
        result += list(read_records(table, propose_mapping(table)).rows(**kwargs))
    return result


def by_name(rows: list[ImportedRow], name: str, organisation: str = "") -> ImportedRow:
    return next(
        r
        for r in rows
        if r.record.name == name and (not organisation or r.organisation == organisation)
    )


def summary(row: ImportedRow) -> tuple[Any, ...]:
    record = row.record
    assert isinstance(record, Treatment)
    return (
        row.organisation,
        record.name,
        record.role,
        record.purpose,
        record.legal_basis,
        record.retention,
        record.data_categories,
    )


ANNEX1_LAYOUTS = ["annex1.docx", "annex1.xlsx", "annex1_semicolon_cp1252.csv"]


@pytest.mark.parametrize("name", ANNEX1_LAYOUTS)
def test_annex1_gives_every_treatment_with_its_organisation_and_role(name: str) -> None:
    rows = rows_of(name)
    by_org: dict[tuple[str, Role], int] = {}
    for row in rows:
        assert isinstance(row.record, Treatment)
        key = (row.organisation, row.record.role)
        by_org[key] = by_org.get(key, 0) + 1
    assert by_org == {
        ("Podalire (Medaviz)", Role.CONTROLLER): 18,
        ("Podalire Communauté", Role.CONTROLLER): 10,
        ("Medaviz", Role.PROCESSOR): 11,
    }


def test_annex1_layouts_read_to_the_same_records() -> None:
    docx, xlsx, csv = (list(map(summary, rows_of(n))) for n in ANNEX1_LAYOUTS)
    assert docx == xlsx
    # the Windows-1252 file has "->" where the seed has "→" (no such character in cp1252)
    assert [str(s).replace("→", "->") for s in docx] == [str(s) for s in csv]


def test_annex1_first_row_is_read_in_full() -> None:
    row = rows_of("annex1.docx")[0]
    record = row.record
    assert isinstance(record, Treatment)
    assert record.name == "Gestion de compte Patient"
    assert record.purpose == "Création, gestion et suppression du compte Patient."
    assert [c.name for c in record.data_categories] == [
        "Civilité",
        "Nom",
        "Prénom",
        "Email",
        "Numéro de mobile",
        "Date de naissance",
        "Code lieu de naissance",
        "NIR (facultatif)",
        "CP Ville (facultatif)",
    ]
    assert record.data_categories[7].sensitivity is DataSensitivity.NIR
    assert record.legal_basis is LegalBasis.CONTRACT
    assert record.legal_basis_text.startswith("Nécessaire à l'exécution du contrat")
    assert (record.retention.duration, record.retention.unit) == (5, RetentionUnit.YEAR)
    assert record.retention.start_event.startswith("la dernière mise en relation")
    assert record.retention.text.startswith("5 ans à compter de")
    assert row.provenance.sheet == "Table 1"
    assert row.provenance.row == 2


def test_health_data_is_flagged_under_a_sensitive_lead_in() -> None:
    row = by_name(
        rows_of("annex1.docx"), "Fourniture d'un service de Téléconsultation", "Podalire Communauté"
    )
    record = row.record
    assert isinstance(record, Treatment)
    sensitive = {c.name for c in record.data_categories if c.sensitivity is DataSensitivity.HEALTH}
    assert {
        "Taille (facultative)",
        "Antécédents médicaux (facultatifs)",
        "Prescription",
        "Synthèse de la consultation",
    } <= sensitive
    assert record.processes_health_data


def test_xlsx_title_rows_merged_header_spacer_repeated_header_split_row_and_footnote() -> None:
    table = read_tables(DATA_DIR / "annex1.xlsx")[0]
    assert table.header_row == 4  # under two title rows, a blank row and the merged group row
    assert table.headers == (
        "FINALITÉS",
        "DONNÉES PERSONNELLES TRAITÉES",
        "BASE LÉGALE DE TRAITEMENT",
        "DURÉE DE CONSERVATION",
    )
    rows = rows_of("annex1.xlsx")
    documents = by_name(rows, "Gestion des documents Utilisateurs").record
    assert isinstance(documents, Treatment)
    assert documents.retention.text.endswith(
        "Passé ce délai, les documents sont définitivement supprimés."
    )  # the row continued on the next page
    assert not any(r.record.name.startswith(("FINALITÉS", "*", "TRAITEMENTS")) for r in rows)


def test_html_cells_are_cleaned_and_italics_give_the_purpose() -> None:
    rows = rows_of("annex1_html_utf8bom.csv")
    assert len(rows) == 39
    record = rows[0].record
    assert isinstance(record, Treatment)
    assert record.name == "Gestion de compte Patient"
    assert record.purpose == "Création, gestion et suppression du compte Patient."
    texts = [record.purpose, record.legal_basis_text, record.retention.text]
    texts += [c.name for c in record.data_categories]
    assert not any("<" in t or "&nbsp;" in t or "\u00a0" in t for t in texts)
    assert [c.name for c in record.data_categories][:3] == ["Civilité", "Nom", "Prénom"]


@pytest.mark.parametrize("name", ["annex2.docx", "annex2.ods"])
def test_annex2_sections_become_categories_and_descriptions_give_locations(name: str) -> None:
    rows = rows_of(name)
    records = {r.record.name: r.record for r in rows}
    assert len(records) == 19
    assert all(isinstance(r, Subprocessor) for r in records.values())
    categories = {n: r.category for n, r in records.items()}  # type: ignore[union-attr]
    assert categories["Amazon Web Services (AWS)"] is SubprocessorCategory.HOSTING
    assert categories["Cloudflare"] is SubprocessorCategory.SECURITY
    assert categories["Matomo"] is SubprocessorCategory.ANALYTICS
    assert categories["Twilio"] is SubprocessorCategory.APPLICATIONS
    assert categories["Brevo"] is SubprocessorCategory.COMMUNICATION
    assert categories["Calendly"] is SubprocessorCategory.CUSTOMER_RELATION
    assert categories["YouSign"] is SubprocessorCategory.OTHER
    tableau, twilio, stripe = records["Tableau"], records["Twilio"], records["Stripe"]
    assert isinstance(tableau, Subprocessor)
    assert isinstance(twilio, Subprocessor)
    assert isinstance(stripe, Subprocessor)
    assert [(x.code, x.kind) for x in tableau.locations] == [("EU", LocationKind.REGION)]
    assert [x.code for x in records["Cloudflare"].locations] == ["US"]  # type: ignore[union-attr]
    assert twilio.transfer_mechanism is TransferMechanism.BCR
    assert stripe.transfer_mechanism is TransferMechanism.SCC_EU_2021_914_M2
    assert "Binding Corporate Rules" in twilio.transfer_text


@pytest.mark.parametrize("name", ["subcontractors.xlsx", "subcontractors_messy.csv"])
def test_vendor_list_with_multiline_cells(name: str) -> None:
    rows = rows_of(name)
    records = {r.record.name: r.record for r in rows}
    assert list(records) == [
        "Mailjet",
        "Calade Technologies (dba: Smsmode)",
        "Zendesk",
        "OVH Cloud US LLC",
        "RingOver",
        "Clever Cloud",
        "OVHcloud",
        "Auth0",
        "Batch",
    ]
    mailjet, ovh, ringover, zendesk = (
        records[n] for n in ("Mailjet", "OVH Cloud US LLC", "RingOver", "Zendesk")
    )
    assert isinstance(mailjet, Subprocessor)
    assert isinstance(ovh, Subprocessor)
    assert isinstance(ringover, Subprocessor)
    assert isinstance(zendesk, Subprocessor)
    assert [x.code for x in mailjet.locations] == ["DE", "BE"]
    assert mailjet.transfer_mechanism is TransferMechanism.NONE
    assert mailjet.transfer_text == "N/A"
    assert ovh.location_text == "USA (datacenters located in Oregon or Virginia)"
    assert [x.code for x in ovh.locations] == ["US"]
    assert records["Calade Technologies (dba: Smsmode)"].locations[0].kind is LocationKind.REGION  # type: ignore[union-attr]
    assert ringover.optional
    assert zendesk.data_categories[0].subject == "Patients"
    assert zendesk.data_categories[-1].subject == "Health professionals"
    assert zendesk.processes_health_data
    assert ovh.service_description.split("\n")[0] in ("• Data hosting", "- Data hosting")


def test_progress_is_reported_on_every_row_and_cancel_stops_reading() -> None:
    progress = RecordingProgress()
    rows = rows_of("subcontractors_messy.csv", progress=progress)
    assert len(rows) == 9
    assert [d for d, _t in progress.calls] == list(range(1, len(progress.calls) + 1))
    assert progress.calls[-1][0] == progress.calls[-1][1]
    with pytest.raises(Cancelled):
        rows_of("subcontractors_messy.csv", progress=RecordingProgress(cancel_at=3))


def test_forced_kind_and_missing_name_column() -> None:
    from workbench.domain.errors import MappingError

    table = read_tables(DATA_DIR / "subcontractors.xlsx")[0]
    mapping = propose_mapping(table, RecordKind.SUBPROCESSORS).with_field(0, None)
    with pytest.raises(
        MappingError, match=r"sheet 'Subcontractors', row 3: no column holds the name"
    ):
        read_records(table, mapping)


def test_bad_cell_names_file_sheet_row_and_column(tmp_path: Any) -> None:
    from workbench.domain.errors import ImportFileError

    path = tmp_path / "export.csv"
    path.write_text("Subprocessor,DPA signed on\nMailjet,2024-01-31\nBrevo,next week\n")
    table = read_tables(path)[0]
    with pytest.raises(ImportFileError) as caught:
        list(read_records(table, propose_mapping(table)).rows())
    assert caught.value.row == 3
    assert caught.value.column == "DPA signed on"
    assert "export.csv" in str(caught.value)
    assert "'next week' is not a date" in str(caught.value)


@pytest.mark.parametrize("name", ["annex1.xlsx", "subcontractors.xlsx"])
def test_workbooks_are_streamed_and_read_as_python_calamine_reads_them(name: str) -> None:
    """xlsx goes through the streaming reader (flat memory); python-calamine, which reads
    every sheet whole, is the reference for what the cells say."""
    from python_calamine import CalamineWorkbook

    from importers import sources

    grids = sources.open_grids(DATA_DIR / name)
    assert all(isinstance(g, sources.XlsxSheetGrid) for g in grids)
    with CalamineWorkbook.from_path(str(DATA_DIR / name)) as book:
        for grid in grids:
            expected = [
                [sources.cell_text(v) for v in row]
                for row in book.get_sheet_by_name(grid.sheet).iter_rows()
            ]
            streamed = list(grid.rows())
            assert len(streamed) == len(expected)
            for ours, reference in zip(streamed, expected, strict=True):
                assert ours == reference[: len(ours)]  # rows end at their last text
                assert not any(reference[len(ours) :])


def test_a_workbook_is_opened_once_per_import(monkeypatch: pytest.MonkeyPatch) -> None:
    # its sheet list and styles read once; each pass over a sheet reopens only the zip
    from importers import xlsx_stream

    opened: list[Path] = []
    real_init = xlsx_stream.XlsxWorkbook.__init__

    def counting_init(self: xlsx_stream.XlsxWorkbook, path: Path) -> None:
        opened.append(path)
        real_init(self, path)

    monkeypatch.setattr(xlsx_stream.XlsxWorkbook, "__init__", counting_init)
    tables = read_tables(DATA_DIR / "annex1.xlsx")
    rows = [row for t in tables for row in read_records(t, propose_mapping(t)).rows()]
    assert len(rows) == 39
    assert len(opened) == 1


def test_a_headerless_table_may_leave_column_a_empty(tmp_path: Path) -> None:
    """Annex 2's shape (no header; vendor, description; category rows) one column to the
    right: the streamed workbook keeps column A, so the mapping starts at the first text."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append([None, "HÉBERGEMENT DE DONNÉES"])
    sheet.append([None, "OVH", "Hébergement des données. Localisation centre de données : France"])
    sheet.append([None, "APPLICATIFS"])
    sheet.append([None, "Zendesk", "Support client. Localisation centre de données : États-Unis"])
    book.save(tmp_path / "annex2_shifted.xlsx")
    table = read_tables(tmp_path / "annex2_shifted.xlsx")[0]
    records = [r.record for r in read_records(table, propose_mapping(table)).rows()]
    assert [r.name for r in records] == ["OVH", "Zendesk"]
    assert [[loc.code for loc in r.locations] for r in records] == [["FR"], ["US"]]
    assert [r.category.value for r in records] == ["hosting", "applications"]


def test_a_word_file_rewritten_with_the_same_size_and_time_is_read_again(tmp_path: Path) -> None:
    """The parsed-document cache follows the content, not mtime/size (a file saved twice
    within one timestamp tick keeps both)."""
    import os
    import zipfile

    import docx

    source = tmp_path / "source.docx"
    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    for column, (header, value) in enumerate((("Sous-traitant", "Alpha"), ("Pays", "France"))):
        table.cell(0, column).text = header
        table.cell(1, column).text = value
    document.save(str(source))
    with zipfile.ZipFile(source) as archive:
        members = {i.filename: archive.read(i) for i in archive.infolist()}

    def write(path: Path, name: str) -> None:
        with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as out:
            for member, data in members.items():
                out.writestr(member, data.replace(b"Alpha", name.encode()))

    target = tmp_path / "vendors.docx"
    write(target, "Alpha")
    first = read_tables(target)
    stat = target.stat()
    write(target, "Bravo")
    os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert target.stat().st_size == stat.st_size
    second = read_tables(target)
    assert "Alpha" in repr(first[0].preview_rows)
    assert "Bravo" in repr(second[0].preview_rows)
