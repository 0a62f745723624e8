"""The Art. 30(2) extract for one controller: its processing, nothing of the others'."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from exporters.docx_client_extract import write_client_extract_docx
from tests.unit.exporters.sample_register import SampleIds
from workbench.domain.errors import ExportError
from workbench.domain.snapshot import RegisterSnapshot


def document_text(path: Path) -> str:
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join(parts).replace("\u00a0", " ")


def test_the_extract_holds_the_controllers_processing_and_nothing_else(
    snapshot: RegisterSnapshot, sample_ids: SampleIds, tmp_path: Path
) -> None:
    path = tmp_path / "extrait.docx"
    write_client_extract_docx(snapshot, sample_ids.client, path, "fr")
    text = document_text(path)
    client = snapshot.organisation_by_id[sample_ids.client]
    served = [t for t in snapshot.treatments if sample_ids.client in t.controller_ids]
    others = [t for t in snapshot.treatments if t not in served]
    assert served
    assert f"Traitements effectués pour le compte de {client.legal_name or client.name}" in text
    assert "art. 30(2) du RGPD" in text
    for treatment in served:
        assert treatment.name in text
    for treatment in others:
        assert treatment.name not in text
    used = {snapshot.subprocessor_by_id[i].name for t in served for i in t.subprocessor_ids}
    unused = {s.name for s in snapshot.subprocessors} - used
    assert used
    for name in used:
        assert name in text
    for name in unused:
        assert name not in text  # another controller's chain is not this client's business
    header = "".join(p.text for p in docx.Document(str(path)).sections[0].header.paragraphs)
    assert header.startswith("Confidentiel — ")


def test_no_extract_for_an_organisation_served_by_nothing(
    snapshot: RegisterSnapshot, sample_ids: SampleIds, tmp_path: Path
) -> None:
    with pytest.raises(ExportError, match="No processing is carried out on behalf of"):
        write_client_extract_docx(snapshot, sample_ids.other_own, tmp_path / "x.docx", "en")
    assert not (tmp_path / "x.docx").exists()
