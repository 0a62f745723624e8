"""Issue 11 in the documents: values to be verified marked with their reason, every Art. 30
actor printed or marked missing, the processing chain, the inherited security policy, and no
working notes — read back from the Word and Excel files."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pytest

from exporters import write_register_docx, write_register_xlsx
from exporters._labels import DocText
from tests.unit.exporters.chain_register import (
    ART9_NOTE,
    DPO_NOTE,
    WORKING_NOTE,
    ChainIds,
    fill_chain,
)
from workbench.domain import InferenceOrigin, Unconfirmed
from workbench.domain.fields import format_marks, parse_marks
from workbench.domain.inference import describe
from workbench.domain.references import treatment_reference
from workbench.domain.snapshot import RegisterSnapshot
from workbench.services import Register
from workbench.services.demo import load_demo
from workbench.services.export_service import ExportService

NBSP = "\u00a0"

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def plain(text: str) -> str:
    """Spaces of any kind as one: the catalogs may or may not put non-breaking ones in « »."""
    return text.replace(NBSP, " ")


@pytest.fixture
def chain(register: Register) -> ChainIds:
    return fill_chain(register)


@pytest.fixture
def chain_snapshot(register: Register, chain: ChainIds) -> RegisterSnapshot:
    return ExportService(register).snapshot()


def record_rows(document: Any, heading: str) -> dict[str, str]:
    """Label -> value of the record table that follows the Heading 3 `heading`."""
    body = document.element.body
    seen = False
    for child in body.iterchildren():
        if child.tag.endswith("}p"):
            text = "".join(t.text or "" for t in child.iter() if t.tag.endswith("}t"))
            style = child.find(f"{W}pPr/{W}pStyle")
            is_heading = style is not None and style.get(f"{W}val") == "Heading3"
            # not its entry in the contents; the heading is "T-029 — name"
            seen = seen or (is_heading and (text == heading or text.endswith(" — " + heading)))
        elif child.tag.endswith("}tbl") and seen:
            table = docx.table.Table(child, document)
            return {row.cells[0].text: row.cells[1].text for row in table.rows}
    raise AssertionError(f"no table after {heading!r}")


@pytest.fixture
def french(chain_snapshot: RegisterSnapshot, tmp_path: Path) -> Any:
    path = tmp_path / "registre.docx"
    write_register_docx(chain_snapshot, path, "fr")
    return docx.Document(str(path))


def test_a_marked_value_has_its_marker_and_its_numbered_reason(french: Any) -> None:
    rows = record_rows(french, "Gestion de compte Patient")
    assert rows["Base légale"].split("\n") == [
        "Exécution d'un contrat",
        "Médecine et prise en charge sanitaire ou sociale (art. 9.2.h) [à vérifier, note 2]",
    ]
    notes = rows["Valeurs à vérifier"].split("\n")
    assert notes == [
        f"1. Podalire (Medaviz) — E-mail du DPO{NBSP}: Supposé lors de la saisie — {DPO_NOTE}",
        f"2. Condition de l'art. 9{NBSP}: Choisi par une règle — {ART9_NOTE}",
    ]
    # The marker is a run of its own, in the marker's colour, so it is seen at a glance.
    flagged = [
        run
        for table in french.tables
        for row in table.rows
        for cell in row.cells
        for paragraph in cell.paragraphs
        for run in paragraph.runs
        if run.text.strip().startswith("[à vérifier")
    ]
    assert flagged
    assert all(str(run.font.color.rgb) == "C00000" and run.italic for run in flagged)


def test_marks_of_the_chain_and_of_a_parsed_retention_in_the_record(french: Any) -> None:
    rows = record_rows(french, "Animation de la communauté")
    assert rows["Durée de conservation (f)"] == "3 ans [à vérifier, note 3]"
    assert (
        "Twilio — États-Unis — Data Privacy Framework UE-États-Unis [à vérifier, note 2]"
        in (rows["Transferts hors EEE (e)"])
    )
    notes = plain(rows["Valeurs à vérifier"])
    assert (
        "2. Twilio — Mécanisme de transfert : Lu dans le texte « CCT + DPF » "
        "(colonne Garanties, ligne 7)"
    ) in notes
    assert "3. Durée de conservation : Lu dans le texte « 3 ans » (colonne Durée, ligne 4)" in notes


def test_annex_notes_name_the_record_they_concern(french: Any) -> None:
    texts = [p.text for p in french.paragraphs]
    assert (
        "1. Amazon Web Services — Catégorie : Choisi par une règle « Amazon Web Services »"
        in map(plain, texts)
    )
    assert (
        "1. Amazon Web Services — HDS (hébergement de données de santé) — Valide jusqu'au"
        f"{NBSP}: Calculé — Date de délivrance + 3 ans"
    ) in texts
    cover = "\n".join(texts[:20])
    assert "«\u00a0[à vérifier]\u00a0» ont été déduites par l'application" in cover


def test_art30_actors_are_printed_or_marked_missing(french: Any) -> None:
    community = record_rows(french, "Animation de la communauté")["Responsable de traitement (a)"]
    assert (
        f"Délégué à la protection des données{NBSP}: Jeanne Martin — contact@medaviz.com — "
        "01 02 03 04 05 (DPO du groupe, désigné par Podalire (Medaviz))"
    ) in community
    assert f"Immatriculation{NBSP}: RCS Vannes 981 948 631" in community
    served = record_rows(french, "Fourniture d'un service de Téléconsultation")[
        "Responsables de traitement servis (a)"
    ].split("\n")
    assert served == [
        "Partenaires",
        f"catégorie de clients — responsables de traitement non nommés{NBSP}: Non renseigné",
        "Cabinet Dr Durand",
        "Dr Anne Durand — cabinet@durand.example — 02 97 00 00 00",
    ]
    summary = next(
        t
        for t in french.tables
        if t.rows[0].cells[0].text.startswith("Responsable de traitement servi")
    )
    assert [r.cells[1].text for r in summary.rows[1:]] == [
        "Fourniture d'un service de Téléconsultation"
    ] * 2
    annex = next(
        t for t in french.tables if t.rows[0].cells[-1].text == "Responsables de traitement servis"
    )
    assert annex.rows[1].cells[-1].text.split("\n") == [
        "Partenaires",
        "catégorie de clients — responsables de traitement non nommés",
        "Cabinet Dr Durand",
    ]
    dpia = record_rows(french, "Gestion de compte Patient")["Analyse d'impact (art. 35)"]
    assert dpia == "Réalisée le 3 juin 2025"
    assert record_rows(french, "Animation de la communauté")["Analyse d'impact (art. 35)"] == (
        "Non renseigné"
    )


def test_security_policy_is_inherited_or_the_answer_is_missing(french: Any) -> None:
    policy = (
        f"Politique de sécurité de l'organisme{NBSP}: Politique de sécurité des systèmes "
        "d'information, version 3, 2 mars 2026, réf. PSSI-2026"
    )
    assert record_rows(french, "Gestion de compte Patient")["Mesures de sécurité (g)"] == policy
    teleconsultation = record_rows(french, "Fourniture d'un service de Téléconsultation")
    assert teleconsultation["Mesures de sécurité (d)"] == policy
    # Podalire Communauté has no policy and its treatment states no measure.
    assert record_rows(french, "Animation de la communauté")["Mesures de sécurité (g)"] == (
        "Non renseigné"
    )


def test_recipients_follow_the_processing_chain(french: Any) -> None:
    recipients = record_rows(french, "Animation de la communauté")["Destinataires (d)"]
    assert recipients.split("\n") == [
        "Service client (service interne)",
        "Podalire (Medaviz) — sous-traitant (art. 28)",
        f"Ses sous-traitants ultérieurs{NBSP}: Amazon Web Services, Twilio",
    ]
    direct = record_rows(french, "Gestion de compte Patient")["Destinataires (d)"]
    assert direct.split("\n") == [f"Sous-traitants{NBSP}:", "Amazon Web Services"]


def _docx_text(document: Any) -> str:
    parts = [p.text for p in document.paragraphs]
    parts += [c.text for t in document.tables for r in t.rows for c in r.cells]
    return "\n".join(parts)


def test_working_notes_are_not_register_content(
    french: Any, chain_snapshot: RegisterSnapshot, tmp_path: Path
) -> None:
    assert WORKING_NOTE not in _docx_text(french)
    path = tmp_path / "registre.xlsx"
    write_register_xlsx(chain_snapshot, path, "fr")
    book = openpyxl.load_workbook(path)
    cnil = [s for s in book.worksheets if s.title.startswith(("Fiche", "Liste des traitements"))]
    assert len(cnil) == 1 + len(chain_snapshot.treatments)
    for sheet in cnil:
        for row in sheet.iter_rows(values_only=True):
            assert not any(WORKING_NOTE in str(v) for v in row if v), sheet.title


def test_english_document_is_in_english(chain_snapshot: RegisterSnapshot, tmp_path: Path) -> None:
    path = tmp_path / "register.docx"
    write_register_docx(chain_snapshot, path, "en")
    document = docx.Document(str(path))
    rows = record_rows(document, "Animation de la communauté")
    assert rows["Retention period (f)"] == "3 ans [to be verified, note 3]"
    assert (
        "3. Retention duration: Read from the text “3 ans” (column Durée, row 4)"
        in rows["Values to be verified"]
    )
    assert "Podalire (Medaviz) — processor (Art. 28)" in rows["Recipients (d)"]
    text = _docx_text(document)
    for french_word in (
        "à vérifier",
        "Non renseigné",
        "sous-traitant",
        "Politique de sécurité de l'",
    ):
        assert french_word not in text


def test_every_origin_is_described_in_the_document_language() -> None:
    french, english = DocText("fr"), DocText("en")
    for origin in InferenceOrigin:
        mark = Unconfirmed("transfer_mechanism", origin, "CCT", "Garanties", 7)
        assert describe(mark, french) != describe(mark, english), origin
        assert "colonne Garanties, ligne 7" in describe(mark, french)


def test_cnil_fiche_has_the_actors_the_marks_and_their_reasons(
    chain_snapshot: RegisterSnapshot, chain: ChainIds, tmp_path: Path
) -> None:
    path = tmp_path / "registre.xlsx"
    write_register_xlsx(chain_snapshot, path, "fr")
    book = openpyxl.load_workbook(path)
    fiche = book[f"Fiche {treatment_reference(chain.community)}"]
    fields = {r[0].value: r for r in fiche.iter_rows() if r[0].value}
    values = {label: [c.value for c in row[1:]] for label, row in fields.items()}
    assert values["Délégué à la protection des données"][0] == (
        "Jeanne Martin (DPO du groupe, désigné par Podalire (Medaviz))"
    )
    assert values["Sous-traitant du groupe"][0] == "Podalire (Medaviz)"
    assert values["Destinataire 1"][:2] == ["service interne", "Service client"]
    assert values["Sous-traitants"][0].split("\n") == ["Amazon Web Services", "Twilio"]
    identity = fields["État civil, identité, données d'identification, images…"]
    assert identity[2].value == "3 ans"
    assert identity[2].fill.fgColor.rgb.endswith("FCE4D6")  # read from text: to be verified
    assert "Lu dans le texte" in identity[2].comment.text
    notes = values["Valeurs à vérifier"][0].split("\n")
    assert notes == [
        "1. Durée de conservation\u00a0: Lu dans le texte « 3 ans » (colonne Durée, ligne 4)"
    ]
    listing = {r[0]: r for r in book["Liste des traitements"].iter_rows(values_only=True)}
    assert listing["Animation de la communauté"][5] == "Non"  # no sensitive data


def test_excel_cells_are_shaded_with_the_reason_and_the_marks_column_reads_back(
    chain_snapshot: RegisterSnapshot, chain: ChainIds, tmp_path: Path
) -> None:
    path = tmp_path / "registre.xlsx"
    write_register_xlsx(chain_snapshot, path, "fr")
    book = openpyxl.load_workbook(path)
    sheet = book["Traitements"]
    header = [c.value for c in sheet[1]]
    by_id = {row[0].value: row for row in sheet.iter_rows(min_row=2)}
    account = by_id[chain.account]
    art9 = account[header.index("Condition de l'art. 9")]
    assert art9.value == "Médecine et prise en charge sanitaire ou sociale (art. 9.2.h)"
    assert art9.fill.fgColor.rgb.endswith("FCE4D6")
    assert art9.comment.text == f"À vérifier{NBSP}: Choisi par une règle — {ART9_NOTE}"
    assert account[header.index("Base légale (art. 6)")].comment is None
    for treatment in chain_snapshot.treatments:
        cell = by_id[treatment.id][header.index("Valeurs non confirmées")].value
        assert parse_marks(cell or "") == treatment.unconfirmed
    subs = book["Sous-traitants"]
    sub_header = [c.value for c in subs[1]]
    twilio = next(r for r in subs.iter_rows(min_row=2) if r[0].value == chain.twilio)
    assert twilio[sub_header.index("Garantie de transfert")].comment is not None
    listed = list(book["Valeurs à vérifier"].iter_rows(values_only=True))
    assert listed[0] == ("Feuille", "ID", "Nom", "Champ", "Pourquoi la vérifier")
    assert ("Sous-traitants", chain.twilio, "Twilio", "Mécanisme de transfert") in {
        r[:4] for r in listed
    }
    total = sum(
        len(r.unconfirmed)
        for group in (
            chain_snapshot.organisations,
            chain_snapshot.treatments,
            chain_snapshot.subprocessors,
            chain_snapshot.certifications,
        )
        for r in group
    )
    assert len(listed) == 1 + total


MARKS = (
    Unconfirmed("art9_condition", InferenceOrigin.RULE),
    Unconfirmed(
        "transfer_mechanism",
        InferenceOrigin.READ_FROM_TEXT,
        'CCT + "DPF" [x]\nsecond line',
        "Garanties",
        7,
        "note — é",
    ),
    Unconfirmed("retention.duration", InferenceOrigin.COMPUTED, row=0),
)


def test_marks_are_written_one_per_line_and_read_back_the_same() -> None:
    assert parse_marks("\n".join(format_marks(MARKS[:1]))) == MARKS[:1]
    lines = format_marks(MARKS)
    assert len(lines) == len(MARKS)
    assert lines[0] == '[{"field": "art9_condition", "origin": "rule"},'
    assert parse_marks("\n".join(lines)) == MARKS
    assert json.loads("\n".join(lines))[1]["column"] == "Garanties"  # plain JSON for others
    assert parse_marks("") == ()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[{"field": "a"}', "not a readable list"),
        ('{"field": "a"}', "must be a list"),
        ('[{"origin": "rule"}]', "value 1 must name its field"),
        ('[{"field": "a", "origin": "guessed"}]', "'guessed' is not an origin"),
        ('[{"field": "a", "colour": "red"}]', "unknown keys colour"),
        ('[{"field": "a", "row": "seven"}]', "whole number"),
    ],
)
def test_an_unreadable_marks_cell_says_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_marks(text)


def test_the_demo_register_in_french(register: Register, tmp_path: Path) -> None:
    """The demo as a CNIL auditor reads it: its inferred values marked, Medaviz as Podalire
    Communauté's processor, no English code or source wording, no working note."""
    load_demo(register)
    path = tmp_path / "registre.docx"
    ExportService(register).export_register(path, "docx", "fr")
    text = plain(_docx_text(docx.Document(str(path))))
    assert text.count("[à vérifier, note") >= 20
    assert "Podalire (Medaviz) — sous-traitant (art. 28)" in text
    unquoted = re.sub("«[^»]*»", "", text)  # a reason quotes the source as it is written
    for english in ("Germany", "Not specified", "to be verified", "seed"):
        assert english not in unquoted, english
    # A source's "N/A" (Zendesk's shifted row) is printed in the document's words; only a
    # reason quoting the source still shows it, between « ».
    assert "N/A" not in unquoted
    records = (
        *register.organisations.list(),
        *register.treatments.list(),
        *register.subprocessors.list(),
        *register.certifications.list(),
    )
    notes = [r.notes for r in records if len(r.notes) > 20]
    assert notes
    for note in notes:
        assert plain(note) not in text, note
