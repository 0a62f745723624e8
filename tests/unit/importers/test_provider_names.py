"""A list of providers whose header is the word for them with their kind ("Prestataires de
services de paiement"), whose name cells hold the company, its postal address and a link to its
terms, beside a column of what it offers ("Modes de paiement"): the names are the companies,
the addresses their addresses, the links kept in the notes, and the other column no field.

Written on FlixBus's French list of payment providers; the tables here are Italian, Spanish,
Portuguese, German, Dutch and English, hand-written.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from importers import propose_mapping, read_records, read_tables
from importers.mapping import score_header
from importers.model import RecordKind
from importers.subprocessor_cells import split_name_cell
from workbench.domain.enums import SubprocessorCategory
from workbench.domain.records import Subprocessor

S = RecordKind.SUBPROCESSORS


@pytest.mark.parametrize(
    "header",
    [
        "Prestataires de services de paiement",  # fr: the head word first
        "Fournisseurs de services cloud",
        "Proveedores de servicios de pago",  # es
        "Fornitori di servizi di pagamento",  # it
        "Fornecedores de serviços de pagamento",  # pt
        "Prestadores de serviços de pagamento",
        "Payment service providers",  # en: the head word last
        "Payment providers",
        "Hosting vendors",
    ],
)
def test_the_word_for_the_providers_with_their_kind_names_them(header: str) -> None:
    assert score_header(header, S)[0] == "name"


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Provider location", "location_text"),  # the providers' place, not the providers
        ("Prestataire", "name"),  # a synonym, read as it was
        ("Fournisseur de services", "name"),
    ],
)
def test_headers_read_otherwise_keep_their_field(header: str, field: str) -> None:
    assert score_header(header, S)[0] == field


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (
            "Nuvola S.r.l.\nVia Roma 10, 20121 Milano\nInformativa privacy:\nhttps://nuvola.example/privacy",
            (
                "Nuvola S.r.l.",
                "Via Roma 10, 20121 Milano",
                "Informativa privacy: https://nuvola.example/privacy",
            ),
        ),
        (
            "Wolke GmbH\nDatenschutz: https://wolke.example/datenschutz\n"
            "Hauptstraße 3\n10115 Berlin",
            (
                "Wolke GmbH",
                "Hauptstraße 3\n10115 Berlin",
                "Datenschutz: https://wolke.example/datenschutz",
            ),
        ),
        (
            "Pagos Rápidos S.L.\nCalle Mayor 5, 28013 Madrid\nwww.pagos.example/privacidad",
            ("Pagos Rápidos S.L.", "Calle Mayor 5, 28013 Madrid", "www.pagos.example/privacidad"),
        ),
        ("Acme Ltd\nhttps://acme.example", ("Acme Ltd", "", "https://acme.example")),
        ("Stripe, Inc.", ("Stripe, Inc.", "", "")),
        (
            "Sinch AB\nLindhagensgatan 74\n112 18 Stockholm",
            ("Sinch AB", "Lindhagensgatan 74\n112 18 Stockholm", ""),
        ),
    ],
)
def test_a_name_cell_gives_the_name_its_address_and_its_links(
    cell: str, expected: tuple[str, str, str]
) -> None:
    assert split_name_cell(cell) == (*expected, "")  # no note about the vendor under the name


def _records(tmp_path: Path, text: str) -> list[Subprocessor]:
    path = tmp_path / "list.csv"
    path.write_text(text, encoding="utf-8")
    table = read_tables(path)[0]
    mapping = propose_mapping(table)
    assert mapping.kind is S
    found = [r.record for r in read_records(table, mapping).rows()]
    assert all(isinstance(r, Subprocessor) for r in found)
    return [r for r in found if isinstance(r, Subprocessor)]


def test_an_italian_list_of_payment_providers(tmp_path: Path) -> None:
    records = _records(
        tmp_path,
        "Fornitori di servizi di pagamento;Servizio;Metodi di pagamento\n"
        '"Nuvola Pagamenti S.p.A.\nVia Roma 10, 20121 Milano\nInformativa privacy:\n'
        'https://nuvola.example/privacy";Pagamenti online;"Carta di credito\nBonifico"\n'
        '"Satispay Europe S.A.\n53 Boulevard Royal, 2449 Luxembourg\nInformativa privacy:\n'
        'https://satispay.example/privacy";Pagamenti da mobile;"Satispay"\n',
    )
    assert [r.name for r in records] == ["Nuvola Pagamenti S.p.A.", "Satispay Europe S.A."]
    assert [r.address for r in records] == [
        "Via Roma 10, 20121 Milano",
        "53 Boulevard Royal, 2449 Luxembourg",
    ]
    assert records[0].notes == "Informativa privacy: https://nuvola.example/privacy"
    marked = {m.field for m in records[0].unconfirmed}
    assert {"address", "notes"} <= marked
    assert all(r.location_text == "" and r.locations == () for r in records)


def test_a_notes_column_keeps_its_text_before_the_links(tmp_path: Path) -> None:
    records = _records(
        tmp_path,
        "Prestataires de services de paiement;Prestation;Remarques\n"
        '"Paiements Rapides SAS\n12 rue de la Paix, 75002 Paris\nPolitique de confidentialité :\n'
        'https://paiements.example/confidentialite";Encaissements;"Cartes"\n'
        '"Virements Un SA\n3 avenue Foch, 69006 Lyon";Encaissements;"Virements"\n',
    )
    assert records[0].notes == (
        "Cartes\nPolitique de confidentialité : https://paiements.example/confidentialite"
    )
    assert records[1].notes == "Virements"


def test_the_kind_the_header_names_is_the_category(tmp_path: Path) -> None:
    records = _records(
        tmp_path,
        "Fournisseurs d'hébergement;Prestation;Pays\nNuage SAS;Sauvegardes;France\n"
        "Ciel Hébergement;Journaux;Belgique\n",
    )
    assert [r.name for r in records] == ["Nuage SAS", "Ciel Hébergement"]
    assert all(r.category is SubprocessorCategory.HOSTING for r in records)


@pytest.mark.parametrize(
    "header",
    ["Socios de pago", "Betaalpartners", "Qui ?"],  # naming no entity
)
def test_names_with_their_addresses_under_them_are_the_names(tmp_path: Path, header: str) -> None:
    records = _records(
        tmp_path,
        f"{header};Diensten\n"
        '"Betaal B.V.\nKeizersgracht 100, 1015 AA Amsterdam";"iDEAL"\n'
        '"Satispay Europe S.A.\n53 Boulevard Royal, 2449 Luxembourg";"Satispay"\n'
        '"Zahlwerk GmbH\nHauptstraße 3, 10115 Berlin";"Lastschrift"\n',
    )
    assert [r.name for r in records] == ["Betaal B.V.", "Satispay Europe S.A.", "Zahlwerk GmbH"]
    assert records[0].address == "Keizersgracht 100, 1015 AA Amsterdam"


def _second_column_field(tmp_path: Path, header: str, cells: tuple[str, str]) -> str | None:
    """The field a two-provider list's second column is mapped to, under `header`."""
    path = tmp_path / "list.csv"
    path.write_text(
        f'Prestataire;{header}\nNuage SAS;"{cells[0]}"\nCiel SARL;"{cells[1]}"\n',
        encoding="utf-8",
    )
    return propose_mapping(read_tables(path)[0]).columns[1].field


@pytest.mark.parametrize(
    ("header", "cells"),
    [
        ("Moyens de paiement", ("Carte bancaire\nVirement", "PayPal")),  # fr: "lieu de ..."
        ("Meios de pagamento", ("Cartão de crédito\nMB Way", "Multibanco")),  # pt
        ("Lieux de vente", ("Boutiques", "Site web et application")),
        ("Garanties commerciales", ("Deux ans", "Six mois")),  # a few letters from "garanties"
    ],
)
def test_a_typed_field_named_by_a_loose_likeness_none_of_the_cells_holds_is_no_field(
    tmp_path: Path, header: str, cells: tuple[str, str]
) -> None:
    assert _second_column_field(tmp_path, header, cells) is None


@pytest.mark.parametrize(
    ("header", "cells", "field"),
    [
        ("Lieux de vente", ("France", "Belgique, Luxembourg"), "location_text"),  # they fit
        ("Localisation", ("Boutiques", "Site web"), "location_text"),  # a synonym stands
    ],
)
def test_a_header_read_surely_or_fitting_its_cells_stands(
    tmp_path: Path, header: str, cells: tuple[str, str], field: str
) -> None:
    assert _second_column_field(tmp_path, header, cells) == field
