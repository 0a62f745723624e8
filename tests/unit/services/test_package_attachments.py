"""The files attached to records travel in the auditor's package: copied byte for byte, listed
in the manifest with their SHA-256, described in the JSON, and checked by verify-package.

SQLite only, like tests/unit/exporters/test_package.py: a package costs about a second."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from exporters.package_manifest import MANIFEST_NAME, read_manifest, verify
from tests.unit.exporters.sample_register import SampleIds, fill_sample
from workbench.cli.main import main
from workbench.domain.enums import AttachmentCategory, EntityKind
from workbench.progress import NullProgress
from workbench.services import Register, open_register
from workbench.services.export_service import ExportService
from workbench.services.package_attachments import attachments_in, write_attachments
from workbench.services.package_service import PackageService

# The package reads through the CRUD services (their SQL is tested on both back ends), and the
# command-line test opens the register file: SQLite only.
pytestmark = pytest.mark.sqlite_only

DPA = b"%PDF-1.7 the data processing agreement signed with OVHcloud"
POLICY = b"%PDF-1.7 the security policy of Podalire"
SECRET = b"%PDF-1.7 a contract of Clinique Voisine"


def attach(register: Register, folder: Path, name: str, content: bytes, **owner: object) -> None:
    source = folder / name
    source.write_bytes(content)
    register.attachments.add_file(source, **owner)  # type: ignore[arg-type]


@pytest.fixture
def attached(register: Register, tmp_path: Path) -> tuple[Register, SampleIds]:
    ids = fill_sample(register)
    files = tmp_path / "files"
    files.mkdir()
    attach(
        register,
        files,
        "DPA OVH <signé>.pdf",
        DPA,
        owner_kind=EntityKind.SUBPROCESSOR,
        owner_id=ids.ovh,
        category=AttachmentCategory.DPA,
    )
    attach(
        register,
        files,
        "politique.pdf",
        POLICY,
        owner_kind=EntityKind.ORGANISATION,
        owner_id=ids.podalire,
    )
    attach(
        register,
        files,
        "contrat.pdf",
        SECRET,
        owner_kind=EntityKind.ORGANISATION,
        owner_id=ids.other_own,
    )
    return register, ids


def test_a_package_carries_its_organisations_attachments_and_verify_names_a_tampered_one(
    attached: tuple[Register, SampleIds], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """One package, built as a DPO does (the command line), read back file by file."""
    register, ids = attached
    db = register.path
    register.close()
    package = tmp_path / "podalire"
    export = ["--db", str(db), "export", "package", "-o", str(package), "--lang", "en"]
    assert main(["--lang", "en", *export, "--organisation", "Podalire"]) == 0
    assert "2 attached file(s) included." in capsys.readouterr().out
    dpa = f"attachments/subprocessor-{ids.ovh}-ovhcloud/DPA OVH _signé_.pdf"
    policy = f"attachments/organisation-{ids.podalire}-podalire/politique.pdf"
    copies = sorted(p.relative_to(package).as_posix() for p in package.rglob("*.pdf"))
    assert copies == [policy, dpa]  # not Clinique Voisine's contract: another organisation
    listed = {
        line.name: line for line in read_manifest((package / MANIFEST_NAME).read_bytes(), "m")
    }
    for path, content in ((dpa, DPA), (policy, POLICY)):
        assert (package / path).read_bytes() == content
        assert (listed[path].size, listed[path].sha256) == (
            len(content),
            hashlib.sha256(content).hexdigest(),
        )
    data = json.loads((package / "register-data.json").read_text(encoding="utf-8"))
    described = {a["path"]: a for a in data["attachments"]}
    assert sorted(described) == [policy, dpa]
    assert described[dpa]["sha256"] == hashlib.sha256(DPA).hexdigest()
    assert described[dpa]["category"] == "dpa"
    assert described[dpa]["file_name"] == "DPA OVH <signé>.pdf"  # as attached, in the record
    reopened = open_register(db)
    try:
        sign_off = PackageService(reopened).verify(package).sign_off
    finally:
        reopened.close()
    assert sign_off is not None
    assert {dpa, policy} <= set(sign_off.files)

    # verify-package names an attachment changed, removed or slipped in (tampered copies).
    folder = f"attachments/subprocessor-{ids.ovh}-ovhcloud"
    changed = shutil.copytree(package, tmp_path / "changed")
    (changed / dpa).write_bytes(DPA.replace(b"OVHcloud", b"OVHcloue"))
    missing = shutil.copytree(package, tmp_path / "missing")
    (missing / policy).unlink()
    added = shutil.copytree(package, tmp_path / "added")
    (added / folder / "avenant.pdf").write_bytes(b"%PDF-1.7 slipped in later")
    assert verify(changed).changed == (dpa,)
    assert verify(missing).missing == (policy,)
    assert verify(added).unlisted == (f"{folder}/avenant.pdf",)
    for tampered, line in (
        (changed, f"Changed: {dpa}"),
        (missing, f"Missing: {policy}"),
        (added, f"Not in the manifest: {folder}/avenant.pdf"),
    ):
        assert main(["--lang", "en", "verify-package", str(tampered)]) == 1
        assert line in capsys.readouterr().out
    assert main(["--lang", "en", "verify-package", str(package)]) == 0


def test_a_whole_register_package_carries_every_attachment_under_a_french_folder(
    attached: tuple[Register, SampleIds], tmp_path: Path
) -> None:
    """Which files and where, without the documents (they cost a second)."""
    register, ids = attached
    snapshot = ExportService(register).snapshot()
    chosen = attachments_in(register, snapshot)
    assert len(chosen) == 3
    written = write_attachments(register, chosen, tmp_path, snapshot, "fr", NullProgress())
    contract = f"pieces-jointes/organisation-{ids.other_own}-clinique-voisine/contrat.pdf"
    assert contract in {p.path for p in written}
    assert (tmp_path / contract).read_bytes() == SECRET
