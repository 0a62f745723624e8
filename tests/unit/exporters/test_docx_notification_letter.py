from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx

from exporters.docx_notification_letter import (
    LetterSection,
    NotificationLetter,
    write_notification_letter,
)


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
    assert "Objet : test" in texts
    assert "Identité: X SAS" in texts
    assert not any(t.startswith("Contact") for t in texts)  # empty facts are left out
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert headings == ["Nouveau : X"]
    assert document.core_properties.title == "Information"
