"""The published subprocessor list in Word, Excel and CSV: the seed's five columns, the
certificates with their status, and whose subprocessor each one is."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import docx
import openpyxl
from docx.enum.section import WD_ORIENT

from exporters import (
    write_subprocessors_csv,
    write_subprocessors_docx,
    write_subprocessors_xlsx,
)
from tests.unit.exporters.sample_register import FORMULA_NAME, FORMULA_VALUES
from workbench.domain.snapshot import RegisterSnapshot

SEED_COLUMNS_EN = [
    "Subcontractor name",
    "Description",
    "Categories of personal data processed",
    "Server location",
    "Data transfer mechanism (if applicable)",
]


def test_word_list_has_the_seed_columns_and_every_subprocessor(
    snapshot: RegisterSnapshot, tmp_path: Path
) -> None:
    path = tmp_path / "subcontractors.docx"
    write_subprocessors_docx(snapshot, path, "en")
    document = docx.Document(str(path))
    assert document.sections[0].orientation == WD_ORIENT.LANDSCAPE
    # Two organisations engage subprocessors: one part each, under its name.
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert headings == ["Clinique Voisine", "Podalire SAS"]
    other, table = document.tables
    assert [c.text for c in table.rows[0].cells] == [*SEED_COLUMNS_EN, "Certifications"]
    assert [r.cells[0].paragraphs[0].text for r in other.rows[1:]] == ["OTHER", "SecretVendor"]
    names = [row.cells[0].paragraphs[0].text for t in document.tables for row in t.rows[1:]]
    for sub in snapshot.subprocessors:
        assert sub.name in names
    assert "DATA HOSTING" in names  # the category rows, as in Annex 2
    twilio = next(row for row in table.rows if row.cells[0].paragraphs[0].text == "Twilio")
    assert "(optional)" in twilio.cells[0].text
    # The countries in the document's language, not the source's "USA, sauvegarde dans l'UE".
    assert twilio.cells[3].text == "United States, European Union"
    assert twilio.cells[4].text.startswith("Standard contractual clauses 2021/914, module 2")
    categories = twilio.cells[2].paragraphs
    assert [p.text for p in categories] == ["Patients:", "Phone number"]
    assert categories[1].style.name == "List Bullet"


def test_excel_list_in_french(snapshot: RegisterSnapshot, tmp_path: Path) -> None:
    path = tmp_path / "sous-traitants.xlsx"
    write_subprocessors_xlsx(snapshot, path, "fr")
    sheet = openpyxl.load_workbook(path)["Liste des sous-traitants"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == (
        "Organisation",
        "Catégorie",
        "Nom du sous-traitant",
        "Entité juridique",
        "Description",
        "Catégories de données personnelles traitées",
        "Localisation des serveurs",
        "Garantie de transfert (le cas échéant)",
        "Certifications",
        "À vérifier",
    )
    by_name = {r[2]: r for r in rows[1:]}
    assert set(by_name) >= {"OVHcloud", "Twilio (optionnel)", FORMULA_NAME}
    assert by_name["OVHcloud"][0] == "Podalire"
    assert by_name["SecretVendor"][0] == "Clinique Voisine"
    assert by_name["OVHcloud"][1] == "Hébergement de données"
    assert by_name["OVHcloud"][5].split("\n") == [
        "Patients\u00a0: Identification data",
        "Patients\u00a0: Medical information (données de santé)",
    ]
    assert by_name["OVHcloud"][6] == "France"
    assert by_name["OVHcloud"][7] == "Sans objet"  # the source's "N/A", in French
    assert by_name[FORMULA_NAME][1] == "Autres"  # not the certificate kind sharing "other"
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.page_setup.fitToWidth == 1
    assert sheet.freeze_panes == "A2"
    for row in sheet.iter_rows():
        assert all(cell.data_type != "f" for cell in row)


def test_csv_list_is_excel_friendly_and_injection_safe(
    snapshot: RegisterSnapshot, tmp_path: Path
) -> None:
    path = tmp_path / "sous-traitants.csv"
    write_subprocessors_csv(snapshot, path, "fr")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    assert rows[0][:3] == ["Organisation", "Catégorie", "Nom du sous-traitant"]
    names = [r[2] for r in rows[1:]]
    assert "OVHcloud" in names
    assert "'" + FORMULA_NAME in names  # a leading quote: never run as a formula
    formula_row = rows[1 + names.index("'" + FORMULA_NAME)]
    assert formula_row[4] == "'" + FORMULA_VALUES[0]
    assert formula_row[6] == "'" + FORMULA_VALUES[1]
    assert len(rows) == 1 + len(snapshot.subprocessors)


def test_english_csv_uses_commas(snapshot: RegisterSnapshot, tmp_path: Path) -> None:
    path = tmp_path / "subcontractors.csv"
    write_subprocessors_csv(snapshot, path, "en")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        header = next(csv.reader(handle))
    name, *rest = SEED_COLUMNS_EN
    assert header == [
        "Organisation",
        "Category",
        name,
        "Legal entity",
        *rest,
        "Certifications",
        "To be verified",
    ]


def test_a_transfer_out_of_the_eea_with_no_recorded_basis_is_not_stated(
    snapshot: RegisterSnapshot, tmp_path: Path
) -> None:
    from dataclasses import replace

    from workbench.domain import Location, TransferMechanism

    unknown = replace(
        snapshot.subprocessors[0],
        name="Sentry",
        locations=(Location("US"),),
        transfer_mechanism=None,
        transfer_text="",
    )
    intra_eea = replace(unknown, name="Brevo", locations=(Location("FR"),))
    # The source's "N/A" for a US location is no safeguard: not printed as "not applicable".
    said_none = replace(
        unknown, name="OVH US", transfer_mechanism=TransferMechanism.NONE, transfer_text="N/A"
    )
    extended = replace(
        snapshot, subprocessors=(*snapshot.subprocessors, unknown, intra_eea, said_none)
    )
    path = tmp_path / "sous-traitants.csv"
    write_subprocessors_csv(extended, path, "fr")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = {r[2]: r for r in csv.reader(handle, delimiter=";")}
    assert rows["Sentry"][7] == "Non renseignée"
    assert rows["Brevo"][7] == "Sans objet"
    assert rows["OVH US"][7] == "Non renseignée"


def test_certificates_say_what_they_are_worth_on_the_list_date(
    snapshot: RegisterSnapshot, tmp_path: Path
) -> None:
    from dataclasses import replace

    before, after = (
        replace(snapshot, as_of=dt.date(2026, 12, 1)),
        replace(snapshot, as_of=dt.date(2027, 6, 1)),
    )
    for current, expected in (
        (before, "HDS v2 (activités HDS 1, 2, 3, 4, 5, 6) — Valide jusqu'au 1er avril 2027"),
        (after, "HDS v2 (activités HDS 1, 2, 3, 4, 5, 6) — Expiré le 1er avril 2027"),
    ):
        path = tmp_path / "sous-traitants.csv"
        write_subprocessors_csv(current, path, "fr")
        with path.open(encoding="utf-8-sig", newline="") as handle:
            rows = {r[2]: r for r in csv.reader(handle, delimiter=";")}
        assert rows["OVHcloud"][8].replace("\u00a0", " ").replace("1 avril", "1er avril") == (
            expected
        )
        assert rows["SecretVendor"][8] == ""


def test_two_vendors_of_one_name_at_two_organisations_stay_apart(
    snapshot: RegisterSnapshot, tmp_path: Path
) -> None:
    from dataclasses import replace

    mine, theirs = (
        replace(s, name="Zendesk", legal_entity=entity)
        for s, entity in zip(
            (
                snapshot.subprocessors[0],
                next(s for s in snapshot.subprocessors if s.name == "SecretVendor"),
            ),
            ("Zendesk Inc.", "Zendesk International Ltd"),
            strict=True,
        )
    )
    doubled = replace(snapshot, subprocessors=(mine, theirs))
    path = tmp_path / "sous-traitants.csv"
    write_subprocessors_csv(doubled, path, "fr")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))[1:]
    assert sorted((r[0], r[2], r[3]) for r in rows) == [
        ("Clinique Voisine", "Zendesk", "Zendesk International Ltd"),
        ("Podalire", "Zendesk", "Zendesk Inc."),
    ]
