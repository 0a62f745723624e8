"""ExportService: snapshots (now, as of a date, one organisation) and the Excel round trip."""

from __future__ import annotations

import dataclasses
import datetime as dt
import time
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pytest

from importers import RecordKind, propose_mapping, read_records, read_tables
from tests.unit.exporters.sample_register import SampleIds, fill_sample
from workbench.domain import codec
from workbench.domain.errors import ValidationError
from workbench.services import Register, open_register
from workbench.services.demo import load_demo
from workbench.services.export_service import ExportService
from workbench.services.import_service import ImportService


@pytest.fixture
def ids(register: Register) -> SampleIds:
    return fill_sample(register)


def test_snapshot_holds_the_whole_register(register: Register, ids: SampleIds) -> None:
    snapshot = ExportService(register).snapshot()
    assert {t.id for t in snapshot.treatments} == {t.id for t in register.treatments.list()}
    assert len(snapshot.subprocessors) == 4
    assert len(snapshot.certifications) == 2
    assert snapshot.as_of == dt.date.today()
    assert snapshot.version  # the last journal operation


def test_one_organisation_carries_nothing_of_the_others(
    register: Register, ids: SampleIds, tmp_path: Path
) -> None:
    service = ExportService(register)
    snapshot = service.snapshot(organisation="podalire")
    assert {o.name for o in snapshot.organisations} == {"Podalire", "Cabinet Dr Durand"}
    assert [o.name for o in snapshot.own_organisations] == ["Podalire"]
    assert all(t.organisation_id == ids.podalire for t in snapshot.treatments)
    assert all(s.organisation_id == ids.podalire for s in snapshot.subprocessors)
    assert [c.number for c in snapshot.certifications] == ["HDS-2023-001"]
    for fmt in ("docx", "xlsx"):
        path = tmp_path / f"podalire.{fmt}"
        service.export_register(path, fmt, "fr", organisation="Podalire")
        text = _text_of(path)
        assert "Gestion de compte Patient" in text
        for secret in ("Clinique Voisine", "SecretVendor", "Paul Secret", "ISO-SECRET"):
            assert secret not in text, (fmt, secret)


def _text_of(path: Path) -> str:
    if path.suffix == ".docx":
        document = docx.Document(str(path))
        parts = [p.text for p in document.paragraphs]
        parts += [c.text for t in document.tables for r in t.rows for c in r.cells]
        parts += [p.text for s in document.sections for p in s.header.paragraphs]
        parts.append(document.core_properties.author)
        return "\n".join(parts)
    book = openpyxl.load_workbook(path)
    return "\n".join(
        str(v) for s in book.worksheets for row in s.iter_rows(values_only=True) for v in row if v
    )


def test_unknown_organisation_or_format_is_refused(register: Register, ids: SampleIds) -> None:
    service = ExportService(register)
    with pytest.raises(ValidationError, match="known: Cabinet Dr Durand, Clinique Voisine"):
        service.snapshot(organisation="Nobody")
    with pytest.raises(ValidationError, match="not a format"):
        service.export_register("x.csv", "csv")


def test_as_of_shows_the_register_before_a_later_change(
    register: Register, ids: SampleIds, tmp_path: Path
) -> None:
    before = dt.datetime.now(dt.UTC)
    time.sleep(0.01)
    account = register.treatments.get(ids.patient_account)
    register.treatments.update(dataclasses.replace(account, name="Comptes patients (renommé)"))
    service = ExportService(register)
    old = service.snapshot(as_of=before)
    assert "Gestion de compte Patient" in {t.name for t in old.treatments}
    assert "Comptes patients (renommé)" not in {t.name for t in old.treatments}
    assert old.as_of == before.date()
    path = tmp_path / "old.docx"
    service.export_register(path, "docx", "fr", as_of=before)
    assert "Gestion de compte Patient" in _text_of(path)
    assert "renommé" not in _text_of(path)


# The Excel register does not carry the marks of inferred values yet (issue 11, in progress in
# the exporters and importers): compared apart until it does.
NOT_YET_EXPORTED = ("unconfirmed",)


def _key_treatment(
    record: Any, orgs: dict[int, str], subs: dict[int, tuple[int, str]], same_org_links: bool
) -> tuple[Any, Any]:
    data = codec.to_dict(record)
    for volatile in ("id", "version", "provenance", "organisation_id", *NOT_YET_EXPORTED):
        data.pop(volatile)
    data["controller_ids"] = sorted(orgs[i] for i in record.controller_ids)
    data["processor_ids"] = sorted(orgs[i] for i in record.processor_ids)
    data["subprocessor_ids"] = sorted(
        subs[i][1]
        for i in record.subprocessor_ids
        if not same_org_links or subs[i][0] == record.organisation_id
    )
    return (orgs[record.organisation_id], record.role, record.name), data


def _key_subprocessor(record: Any, orgs: dict[int, str]) -> tuple[Any, Any]:
    data = codec.to_dict(record)
    for volatile in ("id", "version", "provenance", "organisation_id", *NOT_YET_EXPORTED):
        data.pop(volatile)
    # Known gap: the importer reads country codes only; a location's free-text detail
    # ("région parisienne") travels in the "Server location" text column instead.
    data["locations"] = [(loc["code"], loc["kind"]) for loc in data["locations"]]
    return (orgs[record.organisation_id], record.name), data


def _contents(
    register: Register, same_org_links: bool = True
) -> tuple[dict[Any, Any], dict[Any, Any]]:
    orgs = {o.id: o.name for o in register.organisations.list() if o.id is not None}
    subs = {
        s.id: (s.organisation_id, s.name) for s in register.subprocessors.list() if s.id is not None
    }
    treatments = dict(
        _key_treatment(t, orgs, subs, same_org_links) for t in register.treatments.list()
    )
    subprocessors = dict(_key_subprocessor(s, orgs) for s in register.subprocessors.list())
    return treatments, subprocessors


def _round_trip(register: Register, tmp_path: Path, locale: str) -> Register:
    """Export the register to Excel, import the entity sheets into a new, empty register."""
    path = tmp_path / f"demo-{locale}.xlsx"
    ExportService(register).export_register(path, "xlsx", locale)
    # Subprocessors first: the treatments name them, and links resolve to existing records.
    entity_sheets = {"fr": ("Sous-traitants", "Traitements"), "en": ("Subprocessors", "Treatments")}
    batches = []
    for sheet in entity_sheets[locale]:
        (table,) = read_tables(path, sheet)
        batches.append(read_records(table, propose_mapping(table, RecordKind.AUTO)))
    empty = open_register(tmp_path / f"empty-{locale}.sqlite")
    ImportService(empty).apply(batches)
    return empty


@pytest.mark.parametrize("locale", ["fr", "en"])
def test_excel_export_of_the_demo_imports_back_with_nothing_lost(
    register: Register, tmp_path: Path, locale: str
) -> None:
    load_demo(register)
    imported = _round_trip(register, tmp_path, locale)
    try:
        expected_treatments, expected_subs = _contents(register)
        got_treatments, got_subs = _contents(imported)
    finally:
        imported.close()
    assert len(expected_treatments) == len(register.treatments.list())  # keys are unique
    assert got_treatments.keys() == expected_treatments.keys()
    assert got_subs.keys() == expected_subs.keys()
    for key, expected in expected_treatments.items():
        assert got_treatments[key] == expected, key
    for key, expected in expected_subs.items():
        assert got_subs[key] == expected, key


def test_cross_organisation_subprocessor_links_survive_the_round_trip(
    register: Register, tmp_path: Path
) -> None:
    load_demo(register)
    imported = _round_trip(register, tmp_path, "fr")
    try:
        got, _subs = _contents(imported, same_org_links=False)
    finally:
        imported.close()
    assert got == _contents(register, same_org_links=False)[0]
