"""`dpo-workbench import` run in-process, as a user types it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import DATA_DIR
from workbench.cli.main import main
from workbench.domain.records import Organisation
from workbench.services import open_register


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "register.sqlite"
    register = open_register(path)
    register.organisations.create(Organisation(name="Podalire"))
    register.close()
    return path


def run(capsys: pytest.CaptureFixture[str], db: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["--db", str(db), "import", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def stored(db: Path) -> tuple[int, int]:
    register = open_register(db)
    try:
        return len(register.treatments.list()), len(register.subprocessors.list())
    finally:
        register.close()


def test_dry_run_prints_mapping_and_report_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], db: Path
) -> None:
    code, out, err = run(capsys, db, str(DATA_DIR / "annex1.xlsx"), "--dry-run")
    assert (code, err) == (0, "")
    assert "FINALITÉS" in out
    assert "-> name_and_purpose  (0.95)" in out
    assert "Dry run: nothing written." in out
    assert "new: 39  changed: 0  unchanged: 0  missing: 0" in out
    assert "new       Podalire / Gestion de compte Patient  [Annexe 1 row 7]" in out
    assert stored(db) == (0, 0)


def test_import_then_reimport_then_undo(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    code, out, _err = run(capsys, db, str(DATA_DIR / "annex2.docx"))
    assert code == 0
    assert "new: 19" in out
    assert "--undo" in out
    assert stored(db) == (0, 19)
    code, out, _err = run(capsys, db, str(DATA_DIR / "annex2.docx"))
    assert "new: 0  changed: 0  unchanged: 19" in out
    code, out, _err = run(capsys, db, "--undo")
    assert code == 0
    assert "Last import undone (19 records" in out
    assert stored(db) == (0, 0)


def test_json_report(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    code = main(
        ["--db", str(db), "import", str(DATA_DIR / "subcontractors.xlsx"), "--json", "--dry-run"]
    )
    out = capsys.readouterr().out
    assert code == 0
    payload = json.loads(out[out.index("{") :])
    assert payload["counts"] == {
        "new": 9,
        "changed": 0,
        "unchanged": 0,
        "duplicate": 0,
        "excluded": 0,
    }
    assert payload["unconfirmed_count"] == sum(len(i["unconfirmed"]) for i in payload["items"])
    first = payload["items"][0]
    assert [(m["field"], m["column"], m["row"]) for m in first.pop("unconfirmed")] == [
        ("data_categories", "Categories of personal data processed", 4),
        ("locations", "Server location", 4),
        ("transfer_mechanism", "Data transfer mechanism (if applicable)", 4),
        ("category", "Description", 4),  # guessed from the service's words (issue 14)
    ]
    assert first == {
        "status": "new",
        "kind": "subprocessor",
        "name": "Mailjet",
        "organisation": "Podalire",
        "row": 4,
        "sheet": "Subcontractors",
        "id": None,
        "changes": [],
        "proposal": None,
        "same_name_as": None,
    }


def test_kind_sheet_and_saved_mapping(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    code, out, _err = run(
        capsys,
        db,
        str(DATA_DIR / "subcontractors.xlsx"),
        "--kind",
        "subprocessors",
        "--sheet",
        "Subcontractors",
        "--save-mapping",
        "vendor",
        "--dry-run",
    )
    assert code == 0
    assert "Mapping saved as 'vendor'." in out
    code, out, _err = run(
        capsys, db, str(DATA_DIR / "subcontractors_messy.csv"), "--mapping", "vendor"
    )
    assert code == 0
    assert "new: 9" in out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (bytes.fromhex("d0cf11e0a1b11ae1") + bytes(100), "encrypted"),
        (b"PK\x03\x04truncated", "truncated"),
    ],
)
def test_bad_files_exit_non_zero_and_leave_the_register_untouched(
    capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "register.xlsx"
    path.write_bytes(content)
    code, _out, err = run(capsys, db, str(path))
    assert code == 2
    assert err.startswith(f"dpo-workbench: error: {path}: ")
    assert message in err
    assert stored(db) == (0, 0)


def test_unknown_profile_and_nothing_to_undo(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    code, _out, err = run(capsys, db, str(DATA_DIR / "annex2.ods"), "--mapping", "nope")
    assert code == 2
    assert "no mapping profile" in err
    code, _out, err = run(capsys, db, "--undo")
    assert code == 2
    assert "No import to undo." in err


def test_the_report_counts_the_values_that_come_in_unconfirmed_and_says_how_to_confirm(
    capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path
) -> None:
    from tests.unit.importers.vendor_files import vendor_list_xlsx

    path = vendor_list_xlsx(tmp_path / "vendors.xlsx")
    code, out, _err = run(capsys, db, str(path))
    assert code == 0
    assert "unconfirmed: 9 values came in inferred" in out
    assert "`dpo-workbench confirm KIND ID... [--field FIELD]`" in out
    assert (
        "to be verified: Transfer mechanism [transfer_mechanism]: Read from the text “CCT + DPF” "
        "(column Garanties, row 6) — the text names several mechanisms" in out
    )
    code, out, _err = run(capsys, db, str(path), "--json", "--dry-run")
    report = json.loads(out[out.index("{") :])
    assert report["unconfirmed_count"] == 0  # the same file again brings nothing new
    (stripe,) = [i for i in report["items"] if i["name"] == "Stripe"]
    assert (stripe["status"], stripe["unconfirmed"]) == ("unchanged", [])


def test_a_first_import_names_its_organisation_once(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "empty.sqlite"
    open_register(db).close()
    vendors = tmp_path / "vendors.csv"
    vendors.write_text("Subprocessor,Service\nOVHcloud,hosting\n", encoding="utf-8")
    code, out, err = run(capsys, db, str(vendors))
    assert code != 0
    assert "no organisation of its own" in err
    assert "--organisation NAME" in err
    code, out, err = run(capsys, db, str(vendors), "--organisation", "Clinique du Parc")
    assert (code, err) == (0, "")
    assert "new organisation: Clinique du Parc" in out
    code, out, _err = run(capsys, db, "--undo")  # one operation: the organisation goes too
    register = open_register(db)
    try:
        assert (register.organisations.list(), register.subprocessors.list()) == ([], [])
    finally:
        register.close()


def test_near_names_are_listed_in_the_dry_run_and_merged_only_when_decided(
    capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path
) -> None:
    first = tmp_path / "first.csv"
    first.write_text(
        "Subprocessor,Service\nCloudflare,CDN\nClinique Saint-Jean,care\n", encoding="utf-8"
    )
    assert run(capsys, db, str(first), "--organisation", "Podalire")[0] == 0
    second = tmp_path / "second.csv"
    second.write_text(
        "Subprocessor,Service\nCloudfare,CDN\nClinique Saint-Jeanne,care\n", encoding="utf-8"
    )
    code, out, _err = run(capsys, db, str(second), "--organisation", "Podalire", "--dry-run")
    assert "row 2 'Cloudfare': probably the same as 'Cloudflare' (95, typo): kept as new" in out
    assert "probably the same as 'Clinique Saint-Jean' (94, near name): kept as new" in out
    assert "new: 2  changed: 0" in out
    code, out, _err = run(
        capsys, db, str(second), "--organisation", "Podalire", "--dry-run", "--accept-fuzzy"
    )
    assert "'Cloudfare': probably the same as 'Cloudflare' (95, typo): merged (decided)" in out
    assert "new: 1  changed: 0  unchanged: 1" in out  # the near name still waits
    decisions = tmp_path / "decisions.json"
    entry = {"row": 3, "name": "Clinique Saint-Jeanne", "decision": "merge"}
    decisions.write_text(json.dumps([entry]), encoding="utf-8")
    code, out, _err = run(
        capsys, db, str(second), "--organisation", "Podalire", "--decisions", str(decisions)
    )
    assert code == 0
    assert "new: 1  changed: 0  unchanged: 1" in out
    assert stored(db) == (0, 3)


def test_a_vendors_own_list_imports_as_its_chain_and_its_next_version_shows_the_diff(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from workbench.domain.enums import OrganisationKind, Role
    from workbench.domain.records import Subprocessor, Treatment

    db = tmp_path / "chain.sqlite"
    register = open_register(db)
    own = register.organisations.create(Organisation(name="Podalire")).ids[0]
    chu = register.organisations.create(
        Organisation(name="CHU Nord", kind=OrganisationKind.CLIENT_CONTROLLER)
    ).ids[0]
    vendor = register.subprocessors.create(Subprocessor(own, "Medicloud")).ids[0]
    register.treatments.create(
        Treatment(
            own,
            "Téléconsultation",
            Role.PROCESSOR,
            controller_ids=(chu,),
            subprocessor_ids=(vendor,),
        )
    )
    register.close()
    v1, v2 = tmp_path / "v1.csv", tmp_path / "v2.csv"
    v1.write_text("Subprocessor,Service,Server location\nAWS,hosting,Ireland\n", encoding="utf-8")
    v2.write_text(
        "Subprocessor,Service,Server location\nAWS,hosting,Germany\nBrevo,e-mail,France\n",
        encoding="utf-8",
    )
    code, out, _err = run(
        capsys, db, str(v1), "--of-vendor", "Medicloud", "--listed-on", "2026-01-10"
    )
    assert code == 0
    assert "First version of the list of Medicloud: its subprocessors at chain level 2." in out
    assert "CHU Nord: added AWS" in out
    code, out, _err = run(capsys, db, str(v2), "--of-vendor", "Medicloud", "--dry-run")
    assert "Against the version of 2026-01-10 (v1.csv):" in out
    assert "  added: Brevo (FR)" in out
    assert "  moved: AWS: IE -> DE" in out
    assert "Dry run: nothing written." in out


def test_a_register_kept_in_the_cnil_model_imports_fiche_by_fiche(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """`import FILE` recognises the CNIL's model (its fiches), as the wizard does: no table
    to pick, no column to map, every processing of the list sheet and the fiches."""
    from importers import read_tables
    from importers.cnil_model import read_cnil_register

    filled = DATA_DIR / "cnil_registre_rempli.ods"
    [table] = read_tables(filled)  # what the wizard's table page offers
    assert table.headers == read_cnil_register(filled).table.headers
    db = tmp_path / "empty.sqlite"
    open_register(db).close()
    code, _out, err = run(capsys, db, str(filled))
    assert (code, err) == (0, ""), err
    register = open_register(db)
    try:
        names = sorted(t.name for t in register.treatments.list())
    finally:
        register.close()
    assert names == [
        "Dossier patient informatisé",
        "Gestion de la paie",
        "Gestion des visiteurs",
        "Vidéoprotection des accès",
    ]
