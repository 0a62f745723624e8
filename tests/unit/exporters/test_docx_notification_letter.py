from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import docx

from exporters.docx_notification_letter import (
    LetterSection,
    NotificationLetter,
    write_notification_letter,
)
from tests.unit.exporters.chain_register import fill_chain
from workbench.domain import InferenceOrigin, Location, Subprocessor, Unconfirmed
from workbench.services import Register
from workbench.services.notification_workflow import NotificationWorkflow


def test_letter_is_laid_out_and_reads_back(tmp_path: Path) -> None:
    letter = NotificationLetter(
        language="fr",
        dated=dt.date(2026, 6, 1),
        title="Information",
        sender=("Medaviz",),
        recipient=("Clinique",),
        place_and_date="Date : 1 juin 2026",
        subject="Objet : test",
        salutation="Madame, Monsieur,",
        introduction=("Intro.",),
        sections=(LetterSection("Nouveau : X", (("Identité", "X SAS"), ("Contact", ""))),),
        conclusion=("Fin.",),
        signature=("DPO",),
    )
    path = write_notification_letter(letter, tmp_path / "letter.docx")
    document = docx.Document(str(path))
    texts = [p.text for p in document.paragraphs]
    # every text gets the French spacing when saved, also those the caller wrote with a space
    assert "Objet\u00a0: test" in texts
    assert "Date\u00a0: 1 juin 2026" in texts
    assert "Identité\u00a0: X SAS" in texts  # French spacing before the colon
    assert not any(t.startswith("Contact") for t in texts)  # empty facts are left out
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert headings == ["Nouveau\u00a0: X"]
    assert document.core_properties.title == "Information"


def test_an_inferred_fact_of_a_letter_is_marked_with_its_reason(
    register: Register, tmp_path: Path
) -> None:
    ids = fill_chain(register)
    workflow = NotificationWorkflow(register)
    today = dt.date(2026, 6, 1)
    workflow.set_baseline(today)
    brevo = register.subprocessors.create(
        Subprocessor(
            ids.medaviz,
            "Brevo",
            locations=(Location("FR"),),
            location_text="Paris ou Francfort",
            unconfirmed=(
                Unconfirmed(
                    "locations", InferenceOrigin.READ_FROM_TEXT, "Paris ou Francfort", "Pays", 3
                ),
            ),
        )
    ).ids[0]
    treatment = register.treatments.get(ids.teleconsultation)
    register.treatments.update(
        dataclasses.replace(treatment, subprocessor_ids=(*treatment.subprocessor_ids, brevo))
    )
    drafts = workflow.generate(today, "fr", tmp_path)
    [letter] = [d for d in drafts if d.controller_id == ids.durand]
    texts = [p.text for p in docx.Document(letter.document_path).paragraphs]
    # The country read from the text, in the letter's language; the source wording is the reason.
    assert "Localisation des données\u00a0: France [à vérifier, note 1]" in texts
    at = texts.index("Valeurs à vérifier")
    assert texts[at + 1].replace("\u00a0", " ") == (
        "1. Brevo — Pays : Lu dans le texte « Paris ou Francfort » (colonne Pays, ligne 3)"
    )
    assert not any("Garantie" in t and "à vérifier" in t for t in texts)  # stated: unmarked
