"""The Word register, read back with python-docx: content, styles, fields, sections."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_ORIENT

from exporters import write_register_docx
from tests.unit.exporters.conftest import RecordingProgress
from tests.unit.exporters.sample_register import FORMULA_NAME
from workbench.domain.references import treatment_reference
from workbench.domain.snapshot import RegisterSnapshot

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def all_text(document: docx.document.Document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def instructions(element: object) -> str:
    return " ".join(e.text or "" for e in element.iter(f"{W}instrText"))  # type: ignore[attr-defined]


@pytest.fixture
def dated(snapshot: RegisterSnapshot) -> RegisterSnapshot:
    return dataclasses.replace(snapshot, as_of=dt.date(2026, 11, 22), version="42")


@pytest.fixture
def french_doc(dated: RegisterSnapshot, tmp_path: Path) -> docx.document.Document:
    path = tmp_path / "registre.docx"
    write_register_docx(dated, path, "fr")
    return docx.Document(str(path))


def test_every_treatment_and_subprocessor_is_in_the_document(
    dated: RegisterSnapshot, french_doc: docx.document.Document
) -> None:
    text = all_text(french_doc)
    headings3 = {p.text for p in french_doc.paragraphs if p.style.name == "Heading 3"}
    # Each processing under its reference, the one the Excel and CNIL registers and check print.
    assert {f"{treatment_reference(t.id)} — {t.name}" for t in dated.treatments} <= headings3
    for sub in dated.subprocessors:
        assert sub.name in text
    assert "5 ans à compter de la dernière mise en relation" in text
    assert "Hébergement HDS (IaaS)" in text
    assert "HDS-2023-001" in text


def test_cover_page_names_organisation_dpo_date_and_version(
    french_doc: docx.document.Document,
) -> None:
    cover = "\n".join(p.text for p in french_doc.paragraphs[:15])
    assert "Registre des activités de traitement" in cover
    assert "Podalire SAS" in cover
    assert "Jeanne Martin" in cover
    assert "22 novembre 2026" in cover
    assert "Version\u00a0: 42" in cover


def test_french_export_uses_french_labels(french_doc: docx.document.Document) -> None:
    text = all_text(french_doc)
    assert "Registre en qualité de responsable de traitement (art. 30.1 RGPD)" in text
    assert "Registre en qualité de sous-traitant (art. 30.2 RGPD)" in text
    assert "Exécution d'un contrat" in text
    assert "Médecine et prise en charge sanitaire ou sociale (art. 9.2.h)" in text
    assert "Clauses contractuelles types 2021/914, module 2 (RT vers ST)" in text
    assert "HÉBERGEMENT DE DONNÉES" in text
    assert "États-Unis" in text
    assert "Responsable de traitement (a)" in text
    assert "Performance of a contract" not in text


def test_article_30_identity_rows_name_contacts_and_dpo(
    french_doc: docx.document.Document,
) -> None:
    rows = {}
    for table in french_doc.tables:
        for row in table.rows:
            if len(row.cells) == 2:
                rows.setdefault(row.cells[0].text, []).append(row.cells[1].text)
    controller = next(c for c in rows["Responsable de traitement (a)"] if "Podalire SAS" in c)
    assert "contact@medaviz.com" in controller
    assert (
        "Délégué à la protection des données\u00a0: Jeanne Martin — dpo@medaviz.com" in controller
    )
    assert "Podalire SAS" in rows["Sous-traitant (a)"][0]
    served = rows["Responsables de traitement servis (a)"][0]
    assert "Cabinet Dr Durand" in served
    assert "cabinet@durand.example" in served
    assert "Chiffrement au repos\nJournalisation des accès" in rows["Mesures de sécurité (g)"]


def test_english_export_uses_english_labels(dated: RegisterSnapshot, tmp_path: Path) -> None:
    path = tmp_path / "register.docx"
    write_register_docx(dated, path, "en")
    text = all_text(docx.Document(str(path)))
    assert "Record as controller (Art. 30(1) GDPR)" in text
    assert "Performance of a contract" in text
    assert "November 22, 2026" in text
    assert "United States" in text
    assert "Exécution d'un contrat" not in text


def test_lists_in_cells_are_real_bullet_paragraphs(french_doc: docx.document.Document) -> None:
    bullets = []
    for table in french_doc.tables:
        for row in table.rows:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    assert not paragraph.text.startswith(("- ", "• ")), paragraph.text
                    if paragraph.style.name == "List Bullet":
                        bullets.append(paragraph.text)
    assert "Chiffrement au repos" in bullets
    assert "Journalisation des accès" in bullets
    assert "Medical information (données de santé)" in bullets


def test_styles_are_named_so_the_user_can_restyle(french_doc: docx.document.Document) -> None:
    used = {p.style.name for p in french_doc.paragraphs}
    assert {"Heading 1", "Heading 2", "Heading 3", "Title"} <= used
    assert french_doc.styles["Register Table"] is not None
    assert {t.style.name for t in french_doc.tables} == {"Register Table"}


def test_annexes_are_in_a_landscape_section(french_doc: docx.document.Document) -> None:
    sections = french_doc.sections
    assert sections[0].orientation == WD_ORIENT.PORTRAIT
    landscape = [s for s in sections if s.orientation == WD_ORIENT.LANDSCAPE]
    assert landscape
    assert all(s.page_width > s.page_height for s in landscape)
    annex_headers = french_doc.tables[-2].rows[0].cells  # Annex 2, before the certificates
    assert [c.text for c in annex_headers] == [
        "Nom du sous-traitant",
        "Description",
        "Catégories de données personnelles traitées",
        "Localisation des serveurs",
        "Garantie de transfert (le cas échéant)",
    ]


def test_footer_has_page_fields_and_header_has_the_title(
    french_doc: docx.document.Document,
) -> None:
    section = french_doc.sections[0]
    footer = instructions(section.footer._element)
    assert "PAGE" in footer
    assert "NUMPAGES" in footer
    assert "Registre des activités de traitement" in section.header.paragraphs[0].text
    assert section.different_first_page_header_footer  # no header on the cover


def test_contents_list_every_heading_with_a_page_reference_to_its_bookmark(
    dated: RegisterSnapshot, french_doc: docx.document.Document
) -> None:
    body = french_doc.element.body
    bookmarks = {
        b.get(f"{W}name"): "".join(t.text or "" for t in b.getparent().iter(f"{W}t"))
        for b in body.iter(f"{W}bookmarkStart")
    }
    entries = [p for p in french_doc.paragraphs if p.style.name.startswith("toc ")]
    for entry in entries:
        (reference,) = re.findall(r"PAGEREF (\S+)", instructions(entry._p))
        assert bookmarks[reference] == entry.text.rstrip("\t")  # it points at its heading
    texts = [e.text.rstrip("\t") for e in entries]
    # one entry per processing, under its reference
    assert {f"{treatment_reference(t.id)} — {t.name}" for t in dated.treatments} <= set(texts)
    assert "Annexe 2 – Sous-traitants" in texts
    settings = french_doc.settings.element
    assert settings.find(f"{W}updateFields").get(f"{W}val") == "true"  # Word refreshes them


def test_formula_looking_values_are_plain_text(french_doc: docx.document.Document) -> None:
    assert FORMULA_NAME in all_text(french_doc)


def test_document_timestamp_is_the_snapshot_date(french_doc: docx.document.Document) -> None:
    props = french_doc.core_properties
    assert props.created == dt.datetime(2026, 11, 22, tzinfo=dt.UTC)
    assert props.modified == dt.datetime(2026, 11, 22, tzinfo=dt.UTC)
    assert props.language == "fr"


def test_progress_is_reported_up_to_the_total(dated: RegisterSnapshot, tmp_path: Path) -> None:
    progress = RecordingProgress()
    write_register_docx(dated, tmp_path / "r.docx", "fr", progress)
    done, total, _message = progress.reports[-1]
    assert done == total == 2 * len(dated.treatments) + len(dated.subprocessors)
    assert progress.checks >= total
