"""A page's tables one under the other in a sheet, each under its heading and each headed by
the same row of labels: that row, written again above each part, is the header, even when the
first record's long cells hold a header word ("Hosting, back-up en e-mail" holds "e-mail") and
outscore its weak labels. Written after the format-invariance check found SeaTable's German list
("Unterauftragsverhältnisse | Adresse | Rolle") misread as a sheet; measured here on a Dutch
list, where the record won without the rule, and on lists of four other languages, whose reading
the rule leaves as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

import importers.tables
from tests.unit.importers.place_tables import csv_subprocessors

PARTS = {
    "nl": (
        ["Subverwerkingen", "Adres", "Taak"],
        [
            "Wolk B.V.",
            "Keizersgracht 100, 1015 AA Amsterdam, Nederland",
            "Hosting, back-up en e-mail",
        ],
        ["Post B.V.", "Coolsingel 5, 3012 AA Rotterdam, Nederland", "Verzenden van e-mails en sms"],
    ),
    "fr": (
        ["Relations de sous-traitance", "Adresse", "Mission"],
        [
            "Nuage SAS",
            "12 rue de la Paix, 75002 Paris, France",
            "Hébergement, sauvegarde et e-mail",
        ],
        ["Courrier SA", "3 avenue Foch, 69006 Lyon, France", "Envoi des e-mails et SMS"],
    ),
    "en": (
        ["Sub-processing relationships", "Address", "Activity"],
        [
            "Cloud Ltd",
            "1 High Street, London EC1A 1BB, United Kingdom",
            "Hosting, backup and e-mail",
        ],
        ["Mail Inc.", "500 Market Street, San Francisco, CA 94105, USA", "Sending of e-mails"],
    ),
    "es": (
        ["Relaciones de subencargo", "Dirección", "Cometido"],
        ["Nube S.L.", "Calle Mayor 5, 28013 Madrid, España", "Alojamiento, copias y e-mail"],
        ["Correo S.A.", "Avenida Diagonal 10, 08019 Barcelona, España", "Envío de e-mails y SMS"],
    ),
    "it": (
        ["Rapporti di subfornitura", "Indirizzo", "Compito"],
        ["Nuvola S.r.l.", "Via Roma 10, 20121 Milano, Italia", "Hosting, backup ed e-mail"],
        ["Posta S.p.A.", "Via Po 3, 10123 Torino, Italia", "Invio di e-mail e SMS"],
    ),
}


def stacked(language: str) -> list[list[str]]:
    header, first, second = PARTS[language]
    return [["Deel 1", "", ""], header, first, ["Deel 2", "", ""], header, second]


@pytest.mark.parametrize("language", sorted(PARTS))
def test_the_label_row_repeated_above_each_part_is_the_header(
    tmp_path: Path, language: str
) -> None:
    _header, first, second = PARTS[language]
    names = [r.name for r in csv_subprocessors(tmp_path, stacked(language))]
    assert names == [first[0], second[0]]


def test_without_the_repetition_the_first_record_was_taken_for_the_header(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importers.tables, "REPEATED_HEADER_BONUS", 0.0)
    names = [r.name for r in csv_subprocessors(tmp_path, stacked("nl"))]
    assert names[0] == "Subverwerkingen"  # the repeated header read as a record
