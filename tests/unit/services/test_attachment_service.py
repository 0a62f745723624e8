"""Attached files: stored once per content, hashed, size-limited, journaled and undoable."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from workbench.domain.attachments import MAX_ATTACHMENT_BYTES
from workbench.domain.enums import AttachmentCategory, EntityKind
from workbench.domain.errors import ValidationError
from workbench.domain.records import Organisation, Subprocessor
from workbench.services import Register


@pytest.fixture
def subprocessor_id(register: Register, own_org: Organisation) -> int:
    assert own_org.id is not None
    return register.subprocessors.create(Subprocessor(own_org.id, "OVH")).ids[0]


def test_a_file_is_stored_hashed_and_read_back(
    register: Register, subprocessor_id: int, tmp_path: Path
) -> None:
    source = tmp_path / "DPA OVH signé.pdf"
    source.write_bytes(b"%PDF-1.4 contrat")
    changes = register.attachments.add_file(
        source, EntityKind.SUBPROCESSOR, subprocessor_id, AttachmentCategory.DPA
    )
    [attachment] = register.attachments.of(EntityKind.SUBPROCESSOR, subprocessor_id)
    assert attachment.id == changes.ids[0]
    assert attachment.file_name == "DPA OVH signé.pdf"
    assert attachment.sha256 == hashlib.sha256(b"%PDF-1.4 contrat").hexdigest()
    assert (attachment.size, attachment.media_type) == (16, "application/pdf")
    assert register.attachments.content(changes.ids[0]) == b"%PDF-1.4 contrat"
    copy = register.attachments.write_copy(changes.ids[0], tmp_path / "out")
    again = register.attachments.write_copy(changes.ids[0], tmp_path / "out")
    assert copy.read_bytes() == again.read_bytes() == b"%PDF-1.4 contrat"
    assert copy != again  # a second copy never overwrites the first
    assert again.name == f"{copy.stem} (2){copy.suffix}"  # named as a person saves a copy


def test_adding_and_removing_are_journaled_and_undone(
    register: Register, subprocessor_id: int, tmp_path: Path
) -> None:
    source = tmp_path / "rapport.pdf"
    source.write_bytes(b"report")
    attachment_id = register.attachments.add_file(
        source, EntityKind.SUBPROCESSOR, subprocessor_id
    ).ids[0]
    register.attachments.remove(attachment_id)
    assert register.attachments.of(EntityKind.SUBPROCESSOR, subprocessor_id) == []
    assert register.journal.can_undo().label == "Remove attached file"  # type: ignore[union-attr]
    register.journal.undo()
    assert register.attachments.content(attachment_id) == b"report"  # the bytes were kept
    register.journal.undo()  # the attach itself
    assert register.attachments.of(EntityKind.SUBPROCESSOR, subprocessor_id) == []
    assert register.journal.verify().ok


def test_too_big_a_file_and_a_missing_owner_are_refused(
    register: Register, subprocessor_id: int, tmp_path: Path
) -> None:
    big = tmp_path / "scan.tiff"
    with big.open("wb") as out:
        out.truncate(MAX_ATTACHMENT_BYTES + 1)  # sparse: no 20 MiB written
    with pytest.raises(ValidationError, match=r"scan\.tiff is 20\.0 MiB.*at most 20 MiB"):
        register.attachments.add_file(big, EntityKind.SUBPROCESSOR, subprocessor_id)
    small = tmp_path / "a.txt"
    small.write_text("x")
    with pytest.raises(ValidationError, match="No subprocessor with id 999"):
        register.attachments.add_file(small, EntityKind.SUBPROCESSOR, 999)
    with pytest.raises(ValidationError, match="cannot be read"):
        register.attachments.add_file(tmp_path / "absent.pdf", EntityKind.SUBPROCESSOR, 1)
    assert register.attachments.list() == []
