"""Transfer and place wordings a register states plainly, read as stated.

Written on the seventh held-out set: Air Europa's "SO" (French "sans objet", not applicable)
read as Somalia; Hebelki's "SCCs (Modul 3: Processor → Processor …)" read as module 2, and its
"Self-Hosted EU" as no mechanism; Stakater's "Geographic Location" header mapped to nothing and
its "Legal basis" column, which names the transfer's tool, read as the subprocessor's Art. 6
basis. The inputs here are hand-written, in the other languages.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from importers import propose_mapping, read_records, read_tables
from importers.content import CONTENT_CONFIDENCE
from importers.countries import parse_locations
from importers.model import RecordKind
from importers.transfers import mechanisms_named, parse_mechanism
from workbench.domain.enums import TransferMechanism
from workbench.domain.records import Subprocessor

M1, M2, M3, M4 = (
    TransferMechanism.SCC_EU_2021_914_M1,
    TransferMechanism.SCC_EU_2021_914_M2,
    TransferMechanism.SCC_EU_2021_914_M3,
    TransferMechanism.SCC_EU_2021_914_M4,
)
INTRA = TransferMechanism.NONE_INTRA_EEA


def read(
    tmp_path: Path, rows: list[list[str]]
) -> tuple[dict[str, tuple[str | None, float]], list[Subprocessor]]:
    path = tmp_path / "liste.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows(rows)
    table = read_tables(path)[0]
    mapping = propose_mapping(table, RecordKind.SUBPROCESSORS)
    records = [r.record for r in read_records(table, mapping).rows()]
    fields = {c.header: (c.field, c.confidence) for c in mapping.columns}
    return fields, [r for r in records if isinstance(r, Subprocessor)]


@pytest.mark.parametrize(
    "cell",
    [
        "SO",
        "s.o.",
        "Sans objet",
        "N/A",
        "n.a.",
        "NA",
        "k.A.",
        "entfällt",
        "nicht zutreffend",
        "No aplica",
        "non applicabile",
        "n.v.t.",
        "niet van toepassing",
        "Não aplicável",
    ],
)
def test_a_not_applicable_cell_names_no_place(cell: str) -> None:
    assert parse_locations(cell) == ()


def test_a_country_code_in_a_list_or_a_name_still_reads() -> None:
    assert [p.code for p in parse_locations("FR, SO")] == ["FR", "SO"]
    assert [p.code for p in parse_locations("Somalia")] == ["SO"]
    assert [p.code for p in parse_locations("Namibie")] == ["NA"]


@pytest.mark.parametrize(
    ("cell", "module"),
    [
        ("Standardvertragsklauseln (Modul 3: Auftragsverarbeiter an Auftragsverarbeiter)", M3),
        ("Standardvertragsklauseln, Modul 1", M1),
        ("Cláusulas contractuales tipo (Módulo 4)", M4),
        ("clausole contrattuali tipo, modulo tre", M3),
        ("modelcontractbepalingen (module 2)", M2),
        ("Cláusulas contratuais-tipo, módulo 1", M1),
        ("CCT (sous-traitant à sous-traitant)", M3),
        ("SCC P2P", M3),
        ("SCC (C2C)", M1),
        ("Art. 46 Abs. 2 lit. c DSGVO, Modul 4", M4),
        ("Standardvertragsklauseln", M2),  # no module stated: the register's usual case
    ],
)
def test_the_module_the_cell_states_decides_it(cell: str, module: TransferMechanism) -> None:
    assert parse_mechanism(cell) is module
    assert mechanisms_named(cell) == (module,)


@pytest.mark.parametrize(
    "cell",
    [
        "Selbst gehostet (EU)",
        "On-premise (EU)",
        "Auto-hébergé dans l'UE",
        "Autoalojado en la UE",
        "Self-Hosted EEA",
    ],
)
def test_self_hosting_in_the_eea_is_no_transfer(cell: str) -> None:
    assert parse_mechanism(cell) is INTRA


@pytest.mark.parametrize(
    "cell", ["Self-hosted (US)", "selbst gehostet in den USA", "lokal", "self-hosted", "On-premise"]
)
def test_self_hosting_elsewhere_or_unplaced_is_not_read_as_intra_eea(cell: str) -> None:
    assert parse_mechanism(cell) is not INTRA


@pytest.mark.parametrize(
    ("header", "cells", "codes"),
    [
        ("Ubicación geográfica", ["Irlanda", "Alemania", "Estados Unidos"], ["IE", "DE", "US"]),
        ("Localizzazione geografica", ["Irlanda", "Germania", "Stati Uniti"], ["IE", "DE", "US"]),
        ("Geografische locatie", ["Ierland", "Duitsland", "Verenigde Staten"], ["IE", "DE", "US"]),
        ("Localização geográfica", ["Irlanda", "Alemanha", "Estados Unidos"], ["IE", "DE", "US"]),
        ("Localisation géographique", ["Irlande", "Allemagne", "États-Unis"], ["IE", "DE", "US"]),
    ],
)
def test_the_geographic_location_header_is_the_location(
    tmp_path: Path, header: str, cells: list[str], codes: list[str]
) -> None:
    rows = [["Nom", "Service", header]]
    rows += [[f"Société {i}", "Hébergement", c] for i, c in enumerate(cells)]
    fields, records = read(tmp_path, rows)
    assert fields[header][0] == "location_text"
    assert [r.locations[0].code for r in records] == codes


@pytest.mark.parametrize(
    ("header", "cells", "mechanisms"),
    [
        (  # German: the "legal basis" of a subprocessor list names the transfer's tool
            "Rechtsgrundlage",
            ["DSGVO", "Konzernvertrag", "Konzernvertrag mit Standardvertragsklauseln"],
            [None, None, M2],
        ),
        (  # Spanish
            "Base jurídica",
            ["RGPD", "Cláusulas contractuales tipo", "Decisión de adecuación"],
            [None, M2, TransferMechanism.ADEQUACY],
        ),
    ],
)
def test_a_legal_basis_column_naming_transfer_tools_is_the_mechanism(
    tmp_path: Path, header: str, cells: list[str], mechanisms: list[TransferMechanism | None]
) -> None:
    rows = [["Anbieter", "Zweck", header]]
    rows += [[f"Firma {i}", "Hosting", c] for i, c in enumerate(cells)]
    fields, records = read(tmp_path, rows)
    assert fields[header] == ("transfer_text", CONTENT_CONFIDENCE)  # inferred: shown amber
    assert [r.transfer_mechanism for r in records] == mechanisms


def test_a_legal_basis_column_naming_an_art6_basis_stays_the_basis(tmp_path: Path) -> None:
    rows = [
        ["Nom", "Finalité", "Base légale"],
        ["Brevo", "E-mails", "Exécution du contrat"],
        ["Stripe", "Paiement", "Obligation légale ; CCT"],
        ["OVH", "Hébergement", "Intérêt légitime"],
    ]
    fields, _records = read(tmp_path, rows)
    assert fields["Base légale"][0] == "legal_basis_text"


def test_not_applicable_cells_do_not_count_against_a_place_column(tmp_path: Path) -> None:
    # Italian: a transfer header the cells contradict; "n.a." cells hold no value at all
    rows = [
        ["Fornitore", "Servizio", "Trasferimento extra UE"],
        ["Alfa S.p.A.", "Pagamenti", "Stati Uniti, India"],
        ["Beta S.r.l.", "Posta", "n.a."],
        ["Gamma S.r.l.", "Archivio", "n.a."],
        ["Delta S.r.l.", "Assistenza", "Secondo il paese del cliente finale."],
    ]
    fields, records = read(tmp_path, rows)
    assert fields["Trasferimento extra UE"] == ("location_text", CONTENT_CONFIDENCE)
    assert [[p.code for p in r.locations] for r in records] == [["US", "IN"], [], [], []]
