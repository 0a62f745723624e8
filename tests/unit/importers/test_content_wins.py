"""A column's content overrules its header when the cells plainly hold another typed field.

Written on Hook0's "Base de transfert hors UE" ("CCT 2021/914 + DPF", "N/A"): a header that
reads as the yes/no transfer flag over cells naming transfer tools. The tables here are other
layouts in other languages; each mapping the content chose is inferred (its confidence is the
content one, shown amber in the wizard) and the header stands whenever its cells fit it.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from importers import propose_mapping, read_records, read_tables
from importers.content import CONTENT_CONFIDENCE, overruling_field
from importers.model import ColumnMapping, RecordKind
from importers.vocabulary import TRANSFER_OUTSIDE_EEA
from workbench.domain.enums import TransferMechanism
from workbench.domain.records import Subprocessor

S = RecordKind.SUBPROCESSORS


def read(tmp_path: Path, rows: list[list[str]]) -> tuple[ColumnMapping, list[Subprocessor]]:
    path = tmp_path / "list.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows(rows)
    table = read_tables(path)[0]
    mapping = propose_mapping(table, S)
    records = [r.record for r in read_records(table, mapping).rows()]
    assert all(isinstance(r, Subprocessor) for r in records)
    return mapping, [r for r in records if isinstance(r, Subprocessor)]


def field_of(mapping: ColumnMapping, header: str) -> tuple[str | None, float]:
    column = next(c for c in mapping.columns if c.header == header)
    return column.field, column.confidence


@pytest.mark.parametrize(
    ("header", "cells", "mechanisms"),
    [
        (  # German: a "third-country transfer" header over the tools used
            "Drittlandübermittlung",
            ["EU-Standardvertragsklauseln", "Angemessenheitsbeschluss", "-"],
            [
                TransferMechanism.SCC_EU_2021_914_M2,
                TransferMechanism.ADEQUACY,
                TransferMechanism.NONE,
            ],
        ),
        (  # Spanish
            "Transferencia internacional",
            ["Cláusulas contractuales tipo", "N/A", "Cláusulas contractuales tipo"],
            [
                TransferMechanism.SCC_EU_2021_914_M2,
                TransferMechanism.NONE,
                TransferMechanism.SCC_EU_2021_914_M2,
            ],
        ),
    ],
)
def test_a_transfer_flag_header_over_transfer_tools_is_the_mechanism(
    tmp_path: Path, header: str, cells: list[str], mechanisms: list[TransferMechanism]
) -> None:
    names = ["Mailgun Technologies", "Brevo SAS", "Hetzner Online"]
    mapping, records = read(
        tmp_path, [["Name", header], *([n, c] for n, c in zip(names, cells, strict=True))]
    )
    assert field_of(mapping, header) == ("transfer_text", CONTENT_CONFIDENCE)
    assert [r.transfer_mechanism for r in records] == mechanisms


def test_a_location_header_over_e_mail_addresses_is_the_e_mail(tmp_path: Path) -> None:
    mapping, records = read(
        tmp_path,
        [
            ["Fornitore", "Sede", "Servizio"],
            ["Aruba S.p.A.", "privacy@aruba.it", "Hosting"],
            ["Mailchimp", "dpo@mailchimp.com", "Newsletter"],
        ],
    )
    assert field_of(mapping, "Sede") == ("contact_email", CONTENT_CONFIDENCE)
    assert [r.contact_email for r in records] == ["privacy@aruba.it", "dpo@mailchimp.com"]
    assert all(r.locations == () for r in records)


@pytest.mark.parametrize(
    ("header_field", "cells"),
    [
        (TRANSFER_OUTSIDE_EEA, ["Ja", "Nee", "Ja"]),  # Dutch yes/no: the flag stands
        (TRANSFER_OUTSIDE_EEA, ["Sì", "No", "N/A"]),  # Italian
        (TRANSFER_OUTSIDE_EEA, ["N/A", "-", "N/A"]),  # no tool named: nothing to overrule with
        ("location_text", ["UE (CCT)", "Irlande (SCC)", "USA (DPF)"]),  # places with their tool
        ("name", ["privacy@aruba.it", "dpo@mailchimp.com"]),  # the name is never overruled
    ],
)
def test_the_header_stands_when_its_cells_fit_it(header_field: str, cells: list[str]) -> None:
    assert overruling_field(header_field, cells, S) is None
