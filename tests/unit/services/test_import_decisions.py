"""Merges a person can trust: exact names merge, near names are proposals a person decides, rows
of one file with the same name stay apart; a first import creates its organisation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.unit.services.test_import_service import batches
from workbench.domain.enums import OrganisationKind
from workbench.domain.errors import ImportFileError, OrganisationNeededError
from workbench.domain.records import Organisation, Subprocessor
from workbench.services import Register
from workbench.services._import_decisions import MatchDecisions
from workbench.services._import_matching import VendorIndex, near_name
from workbench.services.import_service import ImportReport, ImportService, PreviewItem, RowStatus

STORED = ["Laboratoire Biomed 1", "Clinique Saint-Jean", "Cabinet Dupont", "Cloudflare"]
NEAR = ["Laboratoire Biomed 2", "Clinique Saint-Jeanne", "Cabinet Dupond", "Cloudfare Inc."]


def _vendor_csv(path: Path, rows: list[tuple[str, str]]) -> Path:
    lines = ["Subprocessor,Service"] + [f"{name},{service}" for name, service in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def near_file(register: Register, own_org: Organisation, tmp_path: Path) -> Path:
    assert own_org.id is not None
    register.subprocessors.create_many([Subprocessor(own_org.id, name) for name in STORED])
    return _vendor_csv(tmp_path / "near.csv", [(name, "hosting") for name in NEAR])


def _by_name(report: ImportReport) -> dict[str, PreviewItem]:
    return {i.name: i for i in report.items}


def _statuses(report: ImportReport) -> list[RowStatus]:
    return [i.status for i in sorted(report.items, key=lambda i: i.provenance.row or 0)]


def test_near_names_come_in_new_with_a_proposal_and_merge_nothing(
    register: Register, near_file: Path
) -> None:
    result = ImportService(register).apply(batches(near_file))
    items = result.report.items
    assert _statuses(result.report) == [RowStatus.NEW] * 4
    proposals = {i.name: i.proposal for i in items}
    assert proposals["Laboratoire Biomed 2"] is None  # another number: never proposed
    for name, other in zip(NEAR[1:], STORED[1:], strict=True):
        proposal = proposals[name]
        assert proposal is not None
        assert proposal.existing_name == other
        assert proposal.score >= 90
    assert result.report.proposals == 3
    names = sorted(s.name for s in register.subprocessors.list())
    assert names == sorted(STORED + NEAR)  # the stored names are untouched


def test_accept_fuzzy_merges_typos_only_and_a_decision_merges_a_near_name(
    register: Register, near_file: Path
) -> None:
    decisions = MatchDecisions(
        accept_fuzzy=True, rows={MatchDecisions.key(3, "Clinique Saint-Jeanne"): True}
    )
    report = ImportService(register).preview(batches(near_file), decisions=decisions)
    items = _by_name(report)
    cloudfare, jeanne, dupond = (items[n] for n in (NEAR[3], NEAR[1], NEAR[2]))
    assert (cloudfare.status, cloudfare.accepted) == (RowStatus.CHANGED, True)
    assert (jeanne.status, jeanne.accepted) == (RowStatus.CHANGED, True)
    assert (dupond.status, dupond.accepted) == (RowStatus.NEW, False)
    assert dupond.proposal is not None
    assert dupond.proposal.near_name
    assert items["Laboratoire Biomed 2"].status is RowStatus.NEW


def test_the_word_differences_that_never_make_a_typo() -> None:
    assert near_name("Laboratoire Biomed 2", "Laboratoire Biomed 1") is None
    assert near_name("Clinique Saint-Jeanne", "Clinique Saint-Jean") is True
    assert near_name("Cabinet Dupond", "Cabinet Dupont") is True
    assert near_name("Marie Dupont", "Jeanne Dupont") is True  # a first name
    assert near_name("Dupont", "Jean Dupont") is True  # a word more
    assert near_name("Cloudfare", "Cloudflare") is False


def test_candidates_come_from_blocks_among_many_stored_vendors() -> None:
    names = {i: f"Fournisseur {i:05d} Santé" for i in range(5000)}
    names[9999] = "Cloudflare"
    index = VendorIndex(names)
    proposal = index.propose("Cloudfare")
    assert proposal is not None
    assert (proposal.existing_id, proposal.near_name) == (9999, False)
    assert index.propose("Fournisseur 00042 Sante") is None  # exact: no proposal needed
    assert index.exact("Fournisseur 00042 Sante") == [42]
    nord = index.propose("Fournisseur 00043 Santé Nord")  # a word more: a near name
    assert nord is not None
    assert (nord.existing_id, nord.near_name) == (43, True)


def test_rows_of_one_file_with_one_name_stay_apart_unless_merged(
    register: Register, own_org: Organisation, tmp_path: Path
) -> None:
    rows = [("AWS", "hosting of the patient file"), ("AWS", "backups"), ("AWS", "backups")]
    path = _vendor_csv(tmp_path / "twice.csv", rows)
    service = ImportService(register)
    report = service.apply(batches(path)).report
    assert _statuses(report) == [RowStatus.NEW, RowStatus.NEW, RowStatus.DUPLICATE]
    assert [i.same_name_as for i in report.items if i.status is RowStatus.NEW] == [None, 2]
    stored = sorted(s.service_description for s in register.subprocessors.list())
    assert stored == ["backups", "hosting of the patient file"]
    again = service.preview(batches(path))  # a re-import matches them in order
    assert _statuses(again) == [RowStatus.UNCHANGED] * 2 + [RowStatus.DUPLICATE]
    merged = MatchDecisions(rows={MatchDecisions.key(3, "AWS"): True})
    other = _vendor_csv(tmp_path / "merge.csv", rows[:2])
    report = ImportService(register).preview(batches(other), decisions=merged)
    assert _statuses(report) == [RowStatus.UNCHANGED, RowStatus.DUPLICATE]


def test_a_decision_file_is_read_and_a_bad_entry_named(tmp_path: Path) -> None:
    path = tmp_path / "decisions.json"
    entries = [
        {"row": 4, "name": "Cabinet Dupond", "decision": "merge"},
        {"row": 5, "name": "Cloudfare Inc.", "decision": "separate"},
    ]
    path.write_text(json.dumps(entries), encoding="utf-8")
    decisions = MatchDecisions.read(path)
    assert decisions.decided(4, "cabinet  DUPOND") is True
    assert decisions.decided(5, "Cloudfare Inc.") is False
    assert decisions.decided(6, "Cloudfare Inc.") is None
    path.write_text(json.dumps([*entries, {"row": "7", "name": "x"}]), encoding="utf-8")
    with pytest.raises(ImportFileError, match="entry 3: expected"):
        MatchDecisions.read(path)


def test_a_first_import_creates_the_organisation_in_the_same_operation(
    register: Register, tmp_path: Path
) -> None:
    path = _vendor_csv(tmp_path / "first.csv", [("OVHcloud", "hosting")])
    service = ImportService(register)
    with pytest.raises(OrganisationNeededError, match="no organisation of its own"):
        service.preview(batches(path))
    assert service.preview(batches(path), organisation="Clinique du Parc").new_organisations == [
        "Clinique du Parc"
    ]
    assert register.organisations.list() == []
    result = service.apply(batches(path), organisation="Clinique du Parc")
    (organisation,) = register.organisations.list()
    assert (organisation.name, organisation.kind) == ("Clinique du Parc", OrganisationKind.OWN)
    assert organisation.unconfirmed == ()  # the user named it: nothing guessed
    operations = [o for o in register.journal.operations(10) if not o.undone]
    assert [o.id for o in operations] == [result.operation_id]
    service.undo_last_import()
    assert (register.organisations.list(), register.subprocessors.list()) == ([], [])
