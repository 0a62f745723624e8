"""A CNIL model register filled in by hand (tests/data/cnil_registre_rempli.ods, built by
tests/data/make_cnil_model.py) imported into an empty register through the import service."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from importers.cnil_model import read_cnil_register
from workbench.domain.enums import DataSensitivity, RecipientKind, RetentionUnit, Role
from workbench.domain.errors import NoTableFoundError
from workbench.domain.records import DataCategory, Recipient, Treatment
from workbench.services import Register
from workbench.services.import_service import ImportService

DATA = Path(__file__).resolve().parents[2] / "data"
FILLED = DATA / "cnil_registre_rempli.ods"
HEALTH, NIR, SPECIAL = DataSensitivity.HEALTH, DataSensitivity.NIR, DataSensitivity.SPECIAL


@pytest.fixture
def imported(register: Register) -> dict[str, Treatment]:
    ImportService(register).apply([read_cnil_register(FILLED)])
    return {t.name: t for t in register.treatments.list()}


def test_every_processing_of_the_list_and_the_fiches(
    register: Register, imported: dict[str, Treatment]
) -> None:
    assert sorted(imported) == [
        "Dossier patient informatisé",
        "Gestion de la paie",
        "Gestion des visiteurs",  # on the list sheet, no fiche yet
        "Vidéoprotection des accès",
    ]
    (clinic,) = register.organisations.list()
    assert clinic.name == "Clinique du Parc"
    assert {t.organisation_id for t in imported.values()} == {clinic.id}
    assert imported["Gestion des visiteurs"].purpose == "Accueil et badge des visiteurs"


def test_a_fiche_block_by_block(imported: dict[str, Treatment]) -> None:
    paie = imported["Gestion de la paie"]
    assert paie.role is Role.CONTROLLER
    assert paie.purpose == "Calcul et versement des salaires"
    assert paie.description == "Déclarations sociales (DSN)\nGestion des absences et congés"
    assert paie.created_on == dt.date(2021, 3, 15)
    assert paie.last_reviewed_on == dt.date(2024, 9, 2)
    assert paie.data_subjects == ("Salariés (CDI, CDD et apprentis)", "Stagiaires")
    assert paie.data_categories == (
        DataCategory("Nom, prénom, adresse"),  # as typed: one line, one category
        DataCategory("Matricule"),
        DataCategory("RIB"),
        DataCategory("Salaire brut et net"),
        DataCategory("Numéros de sécurité sociale des salariés", NIR),  # the NIR row
        DataCategory("Cotisation syndicale (si retenue sur salaire)", SPECIAL),
        DataCategory("Arrêts maladie (dates uniquement)", HEALTH),
    )
    assert paie.recipients == (
        Recipient("Service RH", RecipientKind.INTERNAL),
        Recipient("Cabinet comptable Dumas", RecipientKind.PROCESSOR),
        Recipient("Organismes externes — URSSAF, caisses de retraite"),  # not one of our kinds
    )
    assert paie.security_measures == (
        "Contrôle d'accès des utilisateurs : Comptes nominatifs, mot de passe de 12 caractères",
        "Sauvegarde des données : Quotidienne, chiffrée, hors site",
        "Mesures de traçabilité",  # the "-" left in Précisions is no text
    )
    assert paie.transfers == ""  # "Organisme 1" and its "-" cells: no transfer


def test_retention_per_row_is_kept_as_written_and_its_reading_marked(
    imported: dict[str, Treatment],
) -> None:
    paie = imported["Gestion de la paie"]
    assert paie.retention.text.split("\n")[0] == (
        "État civil, identité, données d'identification, images… : 5 ans après le départ du salarié"
    )
    assert "Données concernant la santé : Durée du contrat de travail" in paie.retention.text
    dpi = imported["Dossier patient informatisé"]
    assert dpi.retention.text == "20 ans à compter du dernier séjour"  # the same on every row
    assert (dpi.retention.duration, dpi.retention.unit) == (20, RetentionUnit.YEAR)
    assert {m.field for m in dpi.unconfirmed} == {
        "retention.duration",
        "retention.unit",
        "retention.start_event",
    }  # read out of the typed text: to be verified


def test_subjects_sensitive_rows_and_the_transfers_table(imported: dict[str, Treatment]) -> None:
    dpi = imported["Dossier patient informatisé"]
    assert [(c.subject, c.name, c.sensitivity) for c in dpi.data_categories] == [
        ("Patients", "nom, prénom, date de naissance", DataSensitivity.STANDARD),
        ("Patients", "photo d'identité", DataSensitivity.STANDARD),
        ("Patients", "NIR", NIR),
        ("Patients", "antécédents, diagnostics, comptes rendus", HEALTH),
        ("Patients", "résultats d'analyses", HEALTH),
    ]
    assert dpi.transfers == (
        "Éditeur DPI (support) — Royaume-Uni — Décision d'adéquation — "
        "https://clinique-du-parc.fr/rgpd/transferts"
    )
    assert Recipient("Assurance maladie", RecipientKind.AUTHORITY) in dpi.recipients
    listed_only = imported["Gestion des visiteurs"]
    assert [m.field for m in listed_only.unconfirmed] == ["role"]  # nothing said it: assumed


def test_a_workbook_without_fiche_or_list_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.csv"
    path.write_text("Nom;Prénom\nDurand;Anne\n", encoding="utf-8")
    with pytest.raises(NoTableFoundError, match="Description du traitement"):
        read_cnil_register(path)
