"""The breach register, the request log and the CNIL worksheet, written and read back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import docx
import openpyxl
import pytest

from exporters._typography import typography
from exporters.docx_breach_worksheet import SECTIONS
from workbench.domain import (
    DataCategory,
    DataSensitivity,
    Organisation,
    OrganisationKind,
    Role,
    Treatment,
)
from workbench.domain.breaches import AuthorityNotification, Breach
from workbench.domain.enums import BreachNature, BreachRisk, DataSubjectRight, NotificationPhase
from workbench.domain.subject_requests import DataSubjectRequest
from workbench.i18n import translator
from workbench.services import Register
from workbench.services.log_export_service import LogExportService

PARIS = ZoneInfo("Europe/Paris")
AWARE = dt.datetime(2026, 3, 27, 10, 0, tzinfo=PARIS)


@pytest.fixture
def logged(register: Register) -> Register:
    own = register.organisations.create(
        Organisation("Podalire", dpo_name="Jeanne DPO", dpo_email="dpo@example.org")
    ).ids[0]
    client = register.organisations.create(
        Organisation("Clinique du Parc", OrganisationKind.CLIENT_CONTROLLER)
    ).ids[0]
    tid = register.treatments.create(
        Treatment(own, "Hébergement", Role.PROCESSOR, controller_ids=(client,))
    ).ids[0]
    register.breaches.create(
        Breach(
            own,
            "Courriel au mauvais patient",
            aware_at=AWARE,
            natures=(BreachNature.CONFIDENTIALITY,),
            data_categories=(DataCategory("Comptes rendus", DataSensitivity.HEALTH, "Patients"),),
            subjects_count=1200,
            treatment_ids=(tid,),
            risk=BreachRisk.HIGH,
            authority_notifications=(
                AuthorityNotification(
                    dt.datetime(2026, 3, 28, 9, 0, tzinfo=PARIS),
                    "CNIL-42",
                    NotificationPhase.INITIAL,
                ),
            ),
            measures_taken="Rappel du message",
        )
    )
    register.requests.create(
        DataSubjectRequest(
            own, dt.date(2026, 1, 31), requester="J. Patient", rights=(DataSubjectRight.ACCESS,)
        )
    )
    return register


def paragraphs(path: Path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs]


def test_breach_register_in_word_says_what_was_computed_and_how(
    logged: Register, tmp_path: Path
) -> None:
    path = tmp_path / "violations.docx"
    LogExportService(logged).export("breaches", path, "docx", "fr")
    texts = paragraphs(path)
    assert texts[0].startswith("Registre des violations de données personnelles")
    assert "1. Courriel au mauvais patient" in texts
    deadline = next(t for t in texts if t.startswith("Fin des 72 heures"))
    assert "2026-03-30 11:00 (UTC+02:00)" in deadline
    assert "calculé" in deadline
    assert "Données de santé\u00a0: Oui" in texts
    assert "Nombre approximatif de personnes\u00a0: environ 1\u202f200" in texts
    notified = next(t for t in texts if t.startswith("Notifications à la CNIL"))
    assert "2026-03-28 09:00 CET" in notified
    assert "Initiale" in notified


def test_breach_register_and_request_log_in_excel_read_back(
    logged: Register, tmp_path: Path
) -> None:
    breaches, requests = tmp_path / "breaches.xlsx", tmp_path / "requests.xlsx"
    LogExportService(logged).export("breaches", breaches, "xlsx", "en")
    LogExportService(logged).export("requests", requests, "xlsx", "en")
    sheet = openpyxl.load_workbook(breaches).worksheets[0]
    header = [c.value for c in sheet[1]]
    row = dict(zip(header, [c.value for c in sheet[2]], strict=True))
    assert row["Breach"] == "Courriel au mauvais patient"
    assert row["Treatments affected"] == "Hébergement"
    assert str(row["End of the 72 hours"]).startswith("2026-03-30 11:00 (UTC+02:00) (computed:")
    sheet = openpyxl.load_workbook(requests).worksheets[0]
    header = [c.value for c in sheet[1]]
    row = dict(zip(header, [c.value for c in sheet[2]], strict=True))
    assert row["Requester"] == "J. Patient"
    assert row["Rights exercised"] == "Access (Art. 15)"
    assert str(row["Answer due"]).startswith("2026-03-02 (computed:")
    assert "Reg. 1182/71 Art. 3(4)" in str(row["Answer due"])


def test_request_log_in_word_is_a_table(logged: Register, tmp_path: Path) -> None:
    path = tmp_path / "demandes.docx"
    LogExportService(logged).export("requests", path, "docx", "fr")
    (table,) = docx.Document(str(path)).tables
    assert table.rows[0].cells[1].text == "Reçue le"
    assert table.rows[1].cells[2].text == "J. Patient"
    assert table.rows[1].cells[5].text.startswith("2026-03-02 (calculé")


@pytest.mark.parametrize("locale", ["fr", "en"])
def test_the_worksheet_follows_the_cnil_form_section_by_section(
    logged: Register, tmp_path: Path, locale: str
) -> None:
    path = tmp_path / f"worksheet_{locale}.docx"
    breach = logged.breaches.list()[0]
    assert breach.id is not None
    LogExportService(logged).export_worksheet(breach.id, path, locale)
    document = docx.Document(str(path))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    tr = translator(locale).gettext
    fix = typography(locale)  # the French document has non-breaking spaces before ":"
    assert headings == [fix(tr(title)) for title, _keys in SECTIONS]
    texts = [p.text for p in document.paragraphs]
    assert any("Jeanne DPO — dpo@example.org" in t for t in texts)
    # after an initial notification, the next one is complementary
    assert any(tr("Complementary notification") in t for t in texts)
