"""A vendor's own subprocessor list imported as its chain: versions, diff, Art. 28(2) plan."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.unit.services.test_import_service import batches
from workbench.domain.enums import OrganisationKind, Role
from workbench.domain.errors import WorkbenchError
from workbench.domain.records import Organisation, Subprocessor, Treatment
from workbench.services import Register
from workbench.services.import_service import ImportService
from workbench.services.notification_workflow import NotificationWorkflow

V1 = "Subprocessor,Service,Server location\nAWS,hosting,Ireland\nTwilio,SMS,United States\n"
V2 = "Subprocessor,Service,Server location\nAWS,hosting,Germany\nBrevo,e-mail,France\n"


@pytest.fixture
def chain(register: Register, own_org: Organisation) -> tuple[int, int, int]:
    """Podalire uses Medicloud for a treatment it carries out for the CHU Nord."""
    assert own_org.id is not None
    chu = register.organisations.create(
        Organisation(name="CHU Nord", kind=OrganisationKind.CLIENT_CONTROLLER)
    ).ids[0]
    vendor = register.subprocessors.create(Subprocessor(own_org.id, "Medicloud")).ids[0]
    treatment = register.treatments.create(
        Treatment(
            own_org.id,
            "Téléconsultation",
            role=Role.PROCESSOR,
            controller_ids=(chu,),
            subprocessor_ids=(vendor,),
        )
    ).ids[0]
    NotificationWorkflow(register).set_baseline()  # the CHU knows Medicloud already
    return chu, vendor, treatment


def _list(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_vendor_list_comes_in_as_its_chain_then_a_new_version_shows_its_diff(
    register: Register, chain: tuple[int, int, int], tmp_path: Path
) -> None:
    chu, vendor, treatment = chain
    service = ImportService(register)
    first = service.vendor_list(
        batches(_list(tmp_path, "medicloud-2026-01.csv", V1)),
        "Medicloud",
        apply=True,
        listed_on=dt.date(2026, 1, 10),
    )
    assert first.diff.previous is None
    assert [e.name for e in first.diff.added] == ["AWS", "Twilio"]
    stored = {s.name: s for s in register.subprocessors.list()}
    assert (stored["AWS"].chain_level, stored["Twilio"].chain_level) == (2, 2)
    assert stored["AWS"].organisation_id == stored["Medicloud"].organisation_id
    links = register.treatments.get(treatment).subprocessor_ids
    assert set(links) == {vendor, stored["AWS"].id, stored["Twilio"].id}

    NotificationWorkflow(register).set_baseline()  # the CHU was told of the first list

    second_file = batches(_list(tmp_path, "medicloud-2026-03.csv", V2))
    preview = service.vendor_list(second_file, "Medicloud")  # writes nothing
    assert [e.name for e in preview.diff.added] == ["Brevo"]
    assert len(register.subprocessors.list()) == 3
    second = service.vendor_list(
        second_file, "Medicloud", apply=True, listed_on=dt.date(2026, 3, 2)
    )
    diff = second.diff
    assert [e.name for e in diff.added] == ["Brevo"]
    assert [e.name for e in diff.removed] == ["Twilio"]
    assert [(a.locations, b.locations) for a, b in diff.moved] == [(("IE",), ("DE",))]
    versions = service.vendor_list_versions("Medicloud")
    assert [(v.listed_on, v.source) for v in versions] == [
        (dt.date(2026, 1, 10), "medicloud-2026-01.csv"),
        (dt.date(2026, 3, 2), "medicloud-2026-03.csv"),
    ]
    assert len(versions[1].content_hash) == 64
    assert versions[0].content_hash != versions[1].content_hash

    (plan,) = NotificationWorkflow(register).plan()  # Art. 28(2): the CHU is told
    assert plan.controller_id == chu
    assert treatment in plan.treatment_ids
    told = {(i.subprocessor_name, i.change, i.detail) for i in plan.items}
    # Brevo in, Twilio out, both of one category: the plan reads it as a replacement
    assert told == {("Brevo", "replaced", "Twilio"), ("AWS", "new_location", "DE")}

    service.undo_last_import()  # the version goes with its import
    assert len(service.vendor_list_versions("Medicloud")) == 1
    again = service.vendor_list(
        batches(_list(tmp_path, "medicloud-2026-01.csv", V1)), "Medicloud", apply=True
    )
    assert again.operation_id == ""  # the same list again: no new version


def test_an_unknown_vendor_is_named(
    register: Register, own_org: Organisation, tmp_path: Path
) -> None:
    with pytest.raises(WorkbenchError, match="no subprocessor named 'Nobody'"):
        ImportService(register).vendor_list(batches(_list(tmp_path, "v.csv", V1)), "Nobody")
