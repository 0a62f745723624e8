"""`export package` and `verify-package`: a delivery an auditor can check byte for byte.

Each package costs a second (two registers, three lists): tests share the packages they build
and tamper with copies, and run on SQLite only (the service's SQL is the CRUD services')."""

from __future__ import annotations

import hashlib
import json
import shutil
import zipfile
from pathlib import Path

import pytest

from exporters.package_manifest import (
    MANIFEST_NAME,
    PackageError,
    read_manifest,
    verify,
)
from tests.unit.exporters.sample_register import fill_sample
from workbench.domain import Organisation
from workbench.domain.errors import ExportError
from workbench.services import Register
from workbench.services.package_service import PackageService


@pytest.fixture
def filled(register: Register) -> Register:
    fill_sample(register)
    return register


def test_a_folder_package_lists_every_file_in_the_loutre_format(
    filled: Register, tmp_path: Path
) -> None:
    target = tmp_path / "livraison"
    delivery = PackageService(filled).build(target, "fr", recipient="CNIL")
    manifest = (target / MANIFEST_NAME).read_bytes()
    lines = manifest.decode("utf-8").split("\r\n")
    assert lines[0] == "Nom du document\tTaille (octets)\tSHA256"
    assert lines[-1] == ""  # CRLF after every line, the last included
    listed = read_manifest(manifest, "contenu.txt")
    assert [entry.name for entry in listed] == sorted(
        [
            "extrait-cabinet-dr-durand.docx",  # the Art. 30(2) extract of the client served
            "registre-donnees.json",
            "registre.docx",
            "registre.xlsx",
            "sous-traitants.csv",
            "sous-traitants.docx",
            "sous-traitants.xlsx",
        ]
    )
    for entry in listed:
        data = (target / entry.name).read_bytes()
        assert (entry.size, entry.sha256) == (len(data), hashlib.sha256(data).hexdigest())
    # The sign-off: who, when, which journal position, the manifest's own fingerprint.
    assert delivery.signed_by == filled.context.author
    assert delivery.signed_at is not None
    assert delivery.recipient == "CNIL"
    assert delivery.manifest_sha256 == hashlib.sha256(manifest).hexdigest()
    assert delivery.journal_position == filled.journal.entries(limit=2)[0].id
    data = json.loads((target / "registre-donnees.json").read_text(encoding="utf-8"))
    assert data["journal_position"] == delivery.journal_position
    assert {t["name"] for t in data["treatments"]} >= {"Gestion de compte Patient"}
    assert verify(target).intact

    # The journal then says what changed since this sign-off.
    last, changes = PackageService(filled).changes_since_last_sign_off()
    assert last == delivery
    assert changes == []
    filled.organisations.create(Organisation("Clinique Nouvelle"))
    _, changes = PackageService(filled).changes_since_last_sign_off()
    assert [e.label for e in changes] == ["Create organisation"]


def test_a_changed_byte_in_any_file_is_detected(filled: Register, tmp_path: Path) -> None:
    original = tmp_path / "livraison"
    delivery = PackageService(filled).build(original, "fr")
    for victim in ("registre.docx", "registre-donnees.json", "sous-traitants.csv", MANIFEST_NAME):
        copy = tmp_path / f"copy-{victim}"
        shutil.copytree(original, copy)
        path = copy / victim
        data = bytearray(path.read_bytes())
        # In the manifest, a digit of a fingerprint: the file still parses, differently.
        middle = len(data) // 2 if victim != MANIFEST_NAME else data.rindex(b"\t") + 5
        data[middle] ^= 0x01
        path.write_bytes(bytes(data))
        try:
            verified = PackageService(filled).verify(copy)
        except PackageError:  # a manifest no longer readable is not intact either
            continue
        assert not verified.check.intact, victim
        if victim == MANIFEST_NAME:
            # A manifest changed (to match altered files) no longer has the signed-off hash.
            assert verified.sign_off is None
            assert verified.check.manifest_sha256 != delivery.manifest_sha256
        else:
            assert verified.check.changed == (victim,)
            assert verified.sign_off == delivery


def test_a_zip_package_verifies_and_names_an_added_or_removed_file(
    filled: Register, tmp_path: Path
) -> None:
    target = tmp_path / "livraison.zip"
    PackageService(filled).build(target, "en")
    with zipfile.ZipFile(target) as archive:
        names = archive.namelist()
        assert all(n.startswith("livraison/") for n in names)
        assert "livraison/register.docx" in names
        kept = {n: archive.read(n) for n in names if not n.endswith("subprocessors.csv")}
    assert verify(target).intact
    tampered = tmp_path / "tampered.zip"
    with zipfile.ZipFile(tampered, "w") as archive:
        for name, data in kept.items():
            archive.writestr(name, data)
        archive.writestr("livraison/extra.txt", b"added later")
    check = verify(tampered)
    assert check.missing == ("subprocessors.csv",)
    assert check.unlisted == ("extra.txt",)
    assert not check.intact


def test_a_package_is_never_overwritten_and_a_failed_one_leaves_nothing(
    filled: Register, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    target = out / "livraison"
    target.mkdir(parents=True)
    with pytest.raises(ExportError, match="never overwritten"):
        PackageService(filled).build(target)

    def fail(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("exporters.write_register_docx", fail)
    with pytest.raises(OSError, match="No space"):
        PackageService(filled).build(out / "other")
    assert sorted(p.name for p in out.iterdir()) == ["livraison"]  # no staging left
    assert filled.deliveries.list() == []


def test_hostile_manifests_are_refused_with_the_line(tmp_path: Path) -> None:
    header = "Nom du document\tTaille (octets)\tSHA256\r\n"
    sha = "0" * 64
    for body, message in (
        (f"../../etc/passwd\t1\t{sha}\r\n", "line 2: '../../etc/passwd' points outside"),
        (f"/etc/passwd\t1\t{sha}\r\n", "points outside"),
        ("registre.docx\tdouze\tabc\r\n", "line 2: expected name<TAB>size"),
    ):
        with pytest.raises(PackageError, match=message):
            read_manifest((header + body).encode(), "contenu.txt")
    with pytest.raises(PackageError, match="line 1"):
        read_manifest(b"hello", "contenu.txt")
    # A name holding a tab (LOUTRE allows it) is read whole.
    [entry] = read_manifest((header + f"a\tb.txt\t3\t{sha}\r\n").encode(), "contenu.txt")
    assert entry.name == "a\tb.txt"
