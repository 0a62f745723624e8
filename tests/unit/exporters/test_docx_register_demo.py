"""The demo's French Word register read back from its XML, as an auditor would read the pages:
contents with a page reference per processing, rows that never split, the source annexes'
order, French words and typography, certificate status on the register's date, marking and
document properties (issue 12)."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from workbench.domain.references import treatment_reference
from workbench.services import Register, open_register
from workbench.services.demo import load_demo
from workbench.services.export_service import ExportService

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NBSP, NNBSP = "\u00a0", "\u202f"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Register]:
    register = open_register(tmp_path_factory.mktemp("demo") / "demo.sqlite", author="test-dpo")
    load_demo(register)
    yield register
    register.engine.dispose()


@pytest.fixture(scope="module")
def package(demo: Register, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("export") / "registre.docx"
    ExportService(demo).export_register(path, "docx", "fr")
    return path


@pytest.fixture(scope="module")
def body(package: Path) -> Any:
    with zipfile.ZipFile(package) as z:
        return etree.fromstring(z.read("word/document.xml")).find(f"{W}body")


def text_of(element: Any) -> str:
    return "".join(t.text or "" for t in element.iter(f"{W}t"))


def style_of(p: Any) -> str:
    style = p.find(f"{W}pPr/{W}pStyle")
    return "" if style is None else str(style.get(f"{W}val"))


def test_contents_have_an_entry_with_a_page_reference_for_every_processing(
    demo: Register, body: Any
) -> None:
    headings = {
        b.get(f"{W}name"): text_of(b.getparent())
        for b in body.iter(f"{W}bookmarkStart")
        if style_of(b.getparent()).startswith("Heading")
    }
    entries = [
        p
        for p in body.iter(f"{W}p")
        if style_of(p).startswith("TOC") and p.find(f"{W}hyperlink") is not None
    ]
    pointed = []
    for entry in entries:
        instruction = "".join(i.text or "" for i in entry.iter(f"{W}instrText"))
        (bookmark,) = re.findall(r"PAGEREF (\S+) \\h", instruction)
        assert entry.find(f"{W}hyperlink").get(f"{W}anchor") == bookmark
        pointed.append(headings[bookmark])
    assert pointed == list(headings.values())  # every heading, in the document's order
    # one per processing, under the reference the Excel and CNIL registers and check print
    names = [f"{treatment_reference(t.id)} — {t.name}" for t in demo.treatments.list()]
    assert sorted(p for p in pointed if p in names) == sorted(names)


def test_no_row_splits_across_pages_and_header_rows_repeat(body: Any) -> None:
    rows = list(body.iter(f"{W}tr"))
    assert rows
    assert all(r.find(f"{W}trPr/{W}cantSplit") is not None for r in rows)
    annex_tables = [
        t for t in body.iter(f"{W}tbl") if t.find(f"{W}tr/{W}trPr/{W}tblHeader") is not None
    ]
    assert len(annex_tables) >= 6  # Annex 1 (3 parts), Annex 2 (2), Annex 3


def test_processor_table_comes_after_the_one_its_idem_points_at(body: Any) -> None:
    """The seed's processor rows say "Idem que les TRAITEMENTS POUR LESQUELS PODALIRE
    COMMUNAUTÉ ... (tableau ci-dessus)": that table must be above, in the body and Annex 1."""
    sequence = [
        (style_of(p), text_of(p)) for p in body.iter(f"{W}p") if style_of(p).startswith("Heading")
    ]
    annex = [t for s, t in sequence if s == "Heading2" and t.startswith("Traitements pour")]
    assert annex == [
        "Traitements pour lesquels Podalire (Medaviz) agit en qualité de responsable de traitement",
        "Traitements pour lesquels Podalire Communauté agit en qualité de responsable de "
        "traitement",
        "Traitements pour lesquels Podalire (Medaviz) agit en qualité de sous-traitant",
    ]
    titles = [t for s, t in sequence if s == "Heading1"]
    controller = titles.index("Registre en qualité de responsable de traitement (art. 30.1 RGPD)")
    processor = titles.index("Registre en qualité de sous-traitant (art. 30.2 RGPD)")
    assert controller < processor


def test_french_all_the_way_down(body: Any) -> None:
    text = "\n".join(text_of(p) for p in body.iter(f"{W}p"))
    unquoted = re.sub("«[^»]*»", "", text)  # a reason quotes the source as written
    for foreign in ("Germany", "Ireland", "United States", "N/A", "Not specified", "seed"):
        assert foreign not in unquoted, foreign
    assert "Localisation centre de données" not in unquoted
    assert "Allemagne (région de Francfort)" in unquoted  # no citation in a location's detail
    # Cloudflare's wording says more than "États-Unis": kept as written, and said so.
    assert "Tel qu'écrit dans la source\u00a0: «\u00a0Localisation centre de données" in text
    assert "sauvegarde dans l'UE (France)" in text


def test_french_typography(body: Any) -> None:
    texts = [t.text or "" for t in body.iter(f"{W}t")]
    joined = "".join(texts)
    assert not re.search(r" [:;?!]", joined)  # never a breaking space before : ; ? !
    assert f"{NBSP}:" in joined
    assert not re.search("« | »", joined)
    months = "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
    assert not re.search(rf"\b1 ({months})", joined)
    assert "1er avril 2026" in joined


def test_expired_certificate_reads_expired_on_the_register_date(body: Any) -> None:
    annex = body.findall(f"{W}tbl")[-1]
    header = [text_of(c) for c in annex.find(f"{W}tr").iter(f"{W}tc")]
    assert header[-1].startswith("Statut au ")
    statuses = [text_of(tr.findall(f"{W}tc")[-1]) for tr in annex.findall(f"{W}tr")[1:]]
    assert any(s.startswith("Expiré le 1er avril 2026") for s in statuses)
    assert not any(s.startswith("Valide jusqu'au 1er avril 2026") for s in statuses)


def test_marked_confidential_with_document_properties(package: Path) -> None:
    with zipfile.ZipFile(package) as z:
        headers = [z.read(n).decode() for n in z.namelist() if n.startswith("word/header")]
        core = etree.fromstring(z.read("docProps/core.xml"))
        settings = z.read("word/settings.xml").decode()
    assert any("Confidentiel — " in h for h in headers)
    values = {etree.QName(e).localname: e.text for e in core}
    assert values["title"] == "Registre des activités de traitement"
    assert values["creator"] == "contact@medaviz.com"  # the DPO, known by the address only
    assert values["contentStatus"] == "Confidentiel"
    assert values["version"]
    assert values["created"]
    assert values["modified"]
    assert 'w:updateFields w:val="true"' in settings
