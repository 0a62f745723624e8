"""Rows whose spanning cells were flattened are realigned under their columns.

Written on Lydia's and Orange's legal-basis tables (a general purpose spanning its processings,
a purpose spanning its bullet descriptions); the tables here are Spanish, French and English,
hand-written.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from importers import propose_mapping, read_records, read_tables
from importers.row_spans import SpanProfile
from workbench.domain.enums import InferenceOrigin, LegalBasis
from workbench.domain.records import Treatment


def _treatments(tmp_path: Path, rows: list[list[str]]) -> list[Treatment]:
    path = tmp_path / "table.xlsx"
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append([cell or None for cell in row])
    book.save(path)
    (table,) = read_tables(path)
    records = [r.record for r in read_records(table, propose_mapping(table)).rows()]
    assert all(isinstance(r, Treatment) for r in records)
    return records  # type: ignore[return-value]


def test_a_spanned_group_column_is_taken_from_the_row_above_and_marked(tmp_path: Path) -> None:
    records = _treatments(
        tmp_path,
        [
            ["Purpose", "Processing activity", "Carried out by", "Legal basis"],
            ["Customer account", "Opening the account", "Shop Ltd", "Performance of a contract"],
            ["Closing the account", "Shop Ltd", "Performance of a contract", ""],
            ["Marketing", "Sending the newsletter", "Mailer Inc", "Consent"],
        ],
    )
    assert [r.name for r in records] == [
        "Opening the account",
        "Closing the account",
        "Sending the newsletter",
    ]
    assert [r.purpose for r in records] == ["Customer account", "Customer account", "Marketing"]
    assert [r.legal_basis for r in records] == [
        LegalBasis.CONTRACT,
        LegalBasis.CONTRACT,
        LegalBasis.CONSENT,
    ]
    marks = {m.field: m for m in records[1].unconfirmed}
    assert marks["purpose"].origin is InferenceOrigin.RULE
    assert "row above" in marks["purpose"].note
    assert not any("span" in m.note for m in records[0].unconfirmed + records[2].unconfirmed)


def test_a_bullet_row_under_a_spanned_name_continues_the_record(tmp_path: Path) -> None:
    records = _treatments(
        tmp_path,
        [
            ["Finalidad", "Descripción", "Base jurídica"],
            ["Gestionar pedidos", "• Registrar el pedido", "Ejecución del contrato"],
            ["• Enviar la factura", "Obligación legal"],
            ["Enviar boletines", "• Preparar el envío", "Consentimiento"],
        ],
    )
    assert [r.name for r in records] == ["Gestionar pedidos", "Enviar boletines"]
    assert [r.legal_basis for r in records] == [LegalBasis.CONTRACT, LegalBasis.CONSENT]
    assert "Enviar la factura" in records[0].description


def test_a_row_with_its_last_cells_empty_stays_where_it_stands(tmp_path: Path) -> None:
    # the basis where it stands agrees with its column: an optional last column left empty
    records = _treatments(
        tmp_path,
        [
            ["Finalité", "Base légale", "Justification de l'intérêt légitime"],
            ["Gérer les comptes", "Exécution du contrat", ""],
            ["Mesurer l'audience", "Intérêt légitime", "Améliorer le site"],
            ["Respecter la loi", "Obligation légale"],
        ],
    )
    assert [r.name for r in records] == [
        "Gérer les comptes",
        "Mesurer l'audience",
        "Respecter la loi",
    ]
    assert records[2].legal_basis is LegalBasis.LEGAL_OBLIGATION


def test_a_row_is_moved_only_when_its_cells_agree_with_the_columns_there() -> None:
    full = [["Purpose", "Processing", "Party", "Legal basis"]]
    full += [["Service", "Send data", "Acme", "Consent"]]
    spans = SpanProfile(4, full[1:], name_index=1)
    assert spans.shift_of(["Analyse data", "Acme", "Consent", ""]) == 1
    assert spans.shift_of(["Analyse data", "Foo", "Bar", ""]) == 0  # nothing agrees moved
    assert spans.shift_of(["", "Acme", "Consent", ""]) == 0  # not the first cells


def test_a_lone_first_cell_reading_as_a_name_is_a_record_under_a_span() -> None:
    rows = [
        ["Security", "Operating and updating the technical platform", "Legitimate interests"],
        ["Commercial use", "Creating reports on the deals for partner companies", "Consent"],
    ]
    spans = SpanProfile(3, rows, name_index=1)
    # as long as the names, longer than the first column's group titles: moved to the name
    assert spans.shift_of(["Creating aggregated statistics for commercial purposes", "", ""]) == 1
    # as short as a group title: a title or the continuation of the row above (tables.py)
    assert spans.shift_of(["Regulatory compliance", "", ""]) == 0
    assert SpanProfile(3, rows, name_index=0).shift_of(["Creating aggregated data", "", ""]) == 0


def test_a_lone_name_under_a_span_is_a_record_without_a_basis(tmp_path: Path) -> None:
    records = _treatments(
        tmp_path,
        [
            ["Finalité générale", "Traitement", "Base légale"],
            [
                "Sécurité",
                "Surveiller et mettre à jour les serveurs de la plateforme",
                "Intérêt légitime",
            ],
            [
                "Usage commercial",
                "Établir des rapports de ventes pour les partenaires",
                "Intérêt légitime",
            ],
            ["Produire des statistiques agrégées et anonymes sur les ventes", "", ""],
        ],
    )
    assert [r.name for r in records][
        -1
    ] == "Produire des statistiques agrégées et anonymes sur les ventes"
    assert records[-1].purpose == "Usage commercial"
    assert records[-1].legal_basis is None
    assert len(records) == 3


def test_a_lone_text_in_a_column_of_row_numbers_is_not_moved_to_the_names() -> None:
    """A row number spans no rows: a text alone in the numbers' column ("Planned subprocessors",
    "Sous-traitants prévus", "Geplante Dienste") is a title, never a name whose cells were
    flattened, however many words the names have."""
    rows = [
        ["1", "Cloud Hosting Services Ltd", "Application hosting", "Ireland"],
        ["2", "Brevo", "Transactional e-mail", "France"],
    ]
    spans = SpanProfile(4, rows, name_index=1)
    for title in ("Planned subprocessors", "Sous-traitants prévus", "Geplante Dienste"):
        assert spans.shift_of([title, "", "", ""]) == 0
    # a column of words beside the names: the rule above still moves a name-long text
    words = [["Hosting", *rows[0][1:]], ["E-mail", *rows[1][1:]]]
    assert SpanProfile(4, words, name_index=1).shift_of(["Chat Desk Ltd", "", "", ""]) == 1


def test_a_title_row_in_a_numbered_table_is_no_record(tmp_path: Path) -> None:
    path = tmp_path / "numbered.xlsx"
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in [
        ["Nr.", "Unterauftragsverarbeiter", "Zweck", "Land"],
        ["1", "Wolke Rechenzentrum GmbH", "Hosting", "Deutschland"],
        ["2", "Zahl", "Zahlungen", "Österreich"],
        ["Geplante Dienste"],
        ["3", "Post AG", "Briefversand", "Schweiz"],
    ]:
        sheet.append(row)
    book.save(path)
    (table,) = read_tables(path)
    names = [r.record.name for r in read_records(table, propose_mapping(table)).rows()]
    assert names == ["Wolke Rechenzentrum GmbH", "Zahl", "Post AG"]
