"""The service or tool named by its own column, the recipient column of a recipients table, and
the transfer tool a notes or legal-basis cell names.

Written on the fourteenth held-out set's misses (Aura App's "Serviço | Finalidade | Política",
Dispocall's "Empfänger | Zweck | Rechtsgrundlage", Baton's "Notes" column with "SCCs/IDTA",
Dycers' "Prestador | Função | ..."); the tables here are written for the rules, in the seven
languages and in csv, xlsx and docx.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from importers import propose_mapping, read_records, read_tables
from importers.countries import parse_locations
from tests.unit.importers.test_closing_headings import Writer, write_csv, write_docx, write_xlsx
from workbench.domain.enums import TransferMechanism
from workbench.domain.records import Subprocessor

SCC = TransferMechanism.SCC_EU_2021_914_M2
WRITERS: dict[str, Writer] = {"csv": write_csv, "xlsx": write_xlsx, "docx": write_docx}


def records(path: Path) -> list[object]:
    found: list[object] = []
    for table in read_tables(path):
        mapping = propose_mapping(table)
        found += [r.record for r in read_records(table, mapping).rows()]
    return found


def rows_read(path: Path) -> list[tuple[object, ...]]:
    found: list[tuple[object, ...]] = []
    for table in read_tables(path):
        for row in read_records(table, propose_mapping(table)).rows():
            found.append((row.record, row.record.unconfirmed))
    return found


# "Service | Purpose | Policy": the service's column names the records
SERVICE_TABLES = {
    "en": ["Service", "Purpose", "Policy"],
    "fr": ["Outil", "Finalité", "Politique"],
    "de": ["Dienst", "Zweck", "Datenschutz"],
    "es": ["Herramienta", "Finalidad", "Política"],
    "it": ["Servizio", "Finalità", "Informativa"],
    "pt": ["Serviço", "Finalidade", "Política"],
    "nl": ["Tool", "Doel", "Beleid"],
}
SERVICE_ROWS = [
    ["Nimbus Auth", "Authentication", "nimbus.example/privacy"],
    ["Adverto", "Advertising", "adverto.example/privacy"],
    ["Textguard", "Moderation", "textguard.example/privacy"],
]


@pytest.mark.parametrize("fmt", sorted(WRITERS))
@pytest.mark.parametrize("lang", sorted(SERVICE_TABLES))
def test_the_service_column_names_the_records(tmp_path: Path, lang: str, fmt: str) -> None:
    path = WRITERS[fmt](tmp_path / f"list.{fmt}", [SERVICE_TABLES[lang], *SERVICE_ROWS])
    found = records(path)
    assert [getattr(r, "name", None) for r in found] == ["Nimbus Auth", "Adverto", "Textguard"]
    assert all(isinstance(r, Subprocessor) for r in found)


def test_a_provider_column_keeps_the_names_beside_a_service_column(tmp_path: Path) -> None:
    rows = [["Fornecedor", "Serviço", "País"], ["Nuvem Lda", "Alojamento", "Portugal"]]
    found = records(write_csv(tmp_path / "l.csv", rows))
    assert [getattr(r, "name", None) for r in found] == ["Nuvem Lda"]


@pytest.mark.parametrize("word", ["Prestador", "Prestadores"])
def test_the_portuguese_provider_word_heads_the_names(tmp_path: Path, word: str) -> None:
    rows = [
        ["Finalidade", "Base jurídica"],
        ["Gestão de conta", "Execução de contrato"],
        ["Segurança", "Interesse legítimo"],
        ["Com quem partilhamos"],
        [word, "Função", "Dados partilhados", "Localização"],
        ["Nuvem Lda", "Alojamento", "Conta", "Portugal"],
        ["Correio SA", "E-mail", "E-mail", "França"],
    ]
    names = [getattr(r, "name", None) for r in records(write_xlsx(tmp_path / "p.xlsx", rows))]
    assert "Nuvem Lda" in names
    assert "Correio SA" in names


# "Empfänger | Zweck | Rechtsgrundlage": a recipients list, named by its first column
RECIPIENT_TABLES = {
    "en": ["Recipient", "Purpose", "Legal basis"],
    "fr": ["Destinataire", "Finalité", "Base légale"],
    "de": ["Empfänger", "Zweck", "Rechtsgrundlage"],
    "es": ["Destinatario", "Finalidad", "Base jurídica"],
    "it": ["Destinatario", "Finalità", "Base giuridica"],
    "pt": ["Destinatário", "Finalidade", "Base jurídica"],
    "nl": ["Ontvanger", "Doel", "Rechtsgrond"],
}
TOOL_WORDS = {
    "en": ("Art. 28 agreement; standard contractual clauses.", "No transfer outside the EEA."),
    "fr": ("Contrat art. 28 ; clauses contractuelles types.", "Aucun transfert hors de l'UE."),
    "de": ("AVV nach Art. 28 DSGVO; Standardvertragsklauseln.", "Keine Drittlandübermittlung."),
    "es": ("Contrato art. 28; cláusulas contractuales tipo.", "Sin transferencias fuera de la UE."),
    "it": (
        "Contratto art. 28; clausole contrattuali standard.",
        "Nessun trasferimento fuori dall'UE.",
    ),
    "pt": ("Contrato art. 28; cláusulas contratuais-tipo.", "Sem transferências para fora da UE."),
    "nl": ("Verwerkersovereenkomst; modelcontractbepalingen.", "Geen doorgifte buiten de EER."),
}


@pytest.mark.parametrize("fmt", sorted(WRITERS))
@pytest.mark.parametrize("lang", sorted(RECIPIENT_TABLES))
def test_the_recipient_column_names_the_records_and_the_basis_gives_the_tool(
    tmp_path: Path, lang: str, fmt: str
) -> None:
    tool, none = TOOL_WORDS[lang]
    rows = [
        RECIPIENT_TABLES[lang],
        ["Speech Inc.", "Real-time transcription of the caller's voice during a call", tool],
        ["Mailer SAS", "Sending transactional e-mails, never marketing ones", none],
        ["Phone GmbH", "SIP telephony provider for inbound numbers", "Art. 28 GDPR"],
    ]
    found = rows_read(WRITERS[fmt](tmp_path / f"r.{fmt}", rows))
    names = [getattr(r, "name", None) for r, _m in found]
    assert names == ["Speech Inc.", "Mailer SAS", "Phone GmbH"]
    mechanisms = [getattr(r, "transfer_mechanism", None) for r, _m in found]
    assert mechanisms == [SCC, TransferMechanism.NONE_INTRA_EEA, None]
    marked = [{m.field for m in marks} for _r, marks in found]
    assert "transfer_mechanism" in marked[0]
    assert "transfer_mechanism" in marked[1]


# a notes column naming the tool: the mechanism, inferred; the note kept
NOTES_TABLES = {
    "en": (["Sub-processor", "Purpose", "Location", "Notes"], "SCCs/IDTA as applicable"),
    "fr": (["Sous-traitant", "Service", "Pays", "Remarques"], "Clauses contractuelles types"),
    "de": (["Dienstleister", "Leistung", "Standort", "Anmerkungen"], "Standardvertragsklauseln"),
    "es": (["Proveedor", "Servicio", "País", "Notas"], "Cláusulas contractuales tipo"),
    "it": (["Fornitore", "Servizio", "Paese", "Note"], "Clausole contrattuali standard"),
    "pt": (["Fornecedor", "Serviço", "País", "Observações"], "Cláusulas contratuais-tipo"),
    "nl": (["Leverancier", "Dienst", "Land", "Opmerkingen"], "Modelcontractbepalingen (SCC)"),
}


@pytest.mark.parametrize("fmt", sorted(WRITERS))
@pytest.mark.parametrize("lang", sorted(NOTES_TABLES))
def test_a_notes_cell_naming_the_tool_gives_the_mechanism_inferred(
    tmp_path: Path, lang: str, fmt: str
) -> None:
    header, tool = NOTES_TABLES[lang]
    rows = [
        header,
        ["Cloud Ltd", "Hosting", "United Kingdom", "Primary hosting"],
        ["Ticket Inc.", "Support", "United States", tool],
    ]
    found = rows_read(WRITERS[fmt](tmp_path / f"n.{fmt}", rows))
    assert [getattr(r, "transfer_mechanism", None) for r, _m in found] == [None, SCC]
    record, marks = found[1]
    assert tool in getattr(record, "notes", "")
    assert "transfer_mechanism" in {m.field for m in marks}


def test_a_transfer_column_wins_over_the_notes(tmp_path: Path) -> None:
    rows = [
        ["Subprocessor", "Location", "Transfer mechanism", "Notes"],
        ["Ticket Inc.", "United States", "Data Privacy Framework", "SCCs as a fallback"],
    ]
    found = rows_read(write_csv(tmp_path / "w.csv", rows))
    assert getattr(found[0][0], "transfer_mechanism", None) is TransferMechanism.ADEQUACY_US_DPF


# a place cell's examples and negations name no place
@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("UK / EU regions (e.g., UK South/West Europe)", {"GB", "EU"}),
        ("Régions UE (p. ex. West Europe)", {"EU"}),
        ("EU-Regionen (z. B. North Europe)", {"EU"}),
        ("Regiones UE (por ejemplo West Europe)", {"EU"}),
        ("Regioni UE (ad es. North Europe)", {"EU"}),
        ("Regiões UE (por exemplo West Europe)", {"EU"}),
        ("EU-regio's (bijv. West Europe)", {"EU"}),
        ("United Kingdom, including outside the UK/EEA", {"GB"}),
        ("Allemagne ; aucun transfert hors UE", {"DE"}),
        ("Deutschland, keine Übermittlung außerhalb der EU", {"DE"}),
        ("España, sin transferencias fuera de la UE", {"ES"}),
        ("Irlanda, nessun trasferimento fuori dall'UE", {"IE"}),
        ("Portugal, sem transferências fora do EEE", {"PT"}),
        ("Nederland, geen doorgifte buiten de EER", {"NL"}),
    ],
)
def test_examples_and_negations_name_no_place(text: str, codes: set[str]) -> None:
    assert {location.code for location in parse_locations(text)} == codes


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_a_negated_place_adds_no_region_to_the_record(tmp_path: Path, fmt: str) -> None:
    rows = [
        ["Subprocessor", "Service", "Location"],
        ["Dev Ltd", "Engineering", "United Kingdom and remote work, including outside the UK/EEA"],
        ["Cloud Ltd", "Hosting", "UK / EU regions (e.g., UK South/West Europe)"],
    ]
    found = records(WRITERS[fmt](tmp_path / f"c.{fmt}", rows))
    assert [{x.code for x in getattr(r, "locations", ())} for r in found] == [{"GB"}, {"GB", "EU"}]
