"""Art. 28(2) notifications through the services, from the journal to "deemed accepted"."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import docx
import pytest

from workbench.domain import (
    Certification,
    CertificationKind,
    DataCategory,
    DataSensitivity,
    Location,
    NotificationStatus,
    Organisation,
    OrganisationKind,
    Role,
    Subprocessor,
    SubprocessorCategory,
    TransferMechanism,
    Treatment,
)
from workbench.domain.errors import ExportError, ValidationError
from workbench.domain.file_names import file_stem, unused_path
from workbench.services import Register
from workbench.services.compliance_service import ComplianceService
from workbench.services.notification_workflow import NotificationWorkflow

TODAY = dt.date(2026, 6, 1)


@pytest.fixture
def setup(register: Register, own_org: Organisation) -> tuple[Register, int, int, int]:
    """A controller whose hosting treatment the own organisation carries out; baseline set."""
    clinic_id = register.organisations.create(
        Organisation(
            "Clinique du Parc",
            OrganisationKind.CLIENT_CONTROLLER,
            contact_email="dpo@clinique.fr",
            objection_period_days=30,
        )
    ).ids[0]
    host_id = register.subprocessors.create(
        Subprocessor(
            own_org.id or 0,
            "OVHcloud",
            category=SubprocessorCategory.HOSTING,
            locations=(Location("FR"),),
        )
    ).ids[0]
    treatment_id = register.treatments.create(
        Treatment(
            own_org.id or 0,
            "Hébergement du dossier patient",
            role=Role.PROCESSOR,
            purpose="Héberger",
            controller_ids=(clinic_id,),
            subprocessor_ids=(host_id,),
            data_categories=(DataCategory("Santé", DataSensitivity.HEALTH),),
        )
    ).ids[0]
    NotificationWorkflow(register).set_baseline(TODAY)
    return register, clinic_id, host_id, treatment_id


def add_backup_provider(register: Register, treatment_id: int, organisation_id: int) -> int:
    sid = register.subprocessors.create(
        Subprocessor(
            organisation_id,
            "Sauvegarde SAS",
            legal_entity="Sauvegarde SAS",
            category=SubprocessorCategory.HOSTING,
            service_description="Sauvegarde",
            locations=(Location("DE"),),
            location_text="Francfort (Allemagne)",
            transfer_mechanism=TransferMechanism.NONE_INTRA_EEA,
            contract_start_on=dt.date(2026, 7, 1),
            contact_email="dpo@sauvegarde.eu",
            address="1 rue du Backup, Paris",
        )
    ).ids[0]
    register.certifications.create(
        Certification(
            CertificationKind.HDS,
            subprocessor_id=sid,
            number="HDS-42",
            hds_activities=(6,),
            referential_version="v2",
            issued_on=dt.date(2025, 1, 1),
            expires_on=dt.date(2028, 1, 1),
        )
    )
    treatment = register.treatments.get(treatment_id)
    register.treatments.update(
        dataclasses.replace(treatment, subprocessor_ids=(*treatment.subprocessor_ids, sid))
    )
    return sid


def letter_text(path: Path) -> str:
    document = docx.Document(str(path))
    return "\n".join(p.text for p in document.paragraphs)


def test_nothing_to_notify_right_after_the_baseline(setup: tuple[Register, int, int, int]) -> None:
    register = setup[0]
    assert NotificationWorkflow(register).plan(TODAY) == []
    assert NotificationWorkflow(register).generate(TODAY) == []


def test_full_cycle_added_subprocessor_to_deemed_accepted(
    setup: tuple[Register, int, int, int], own_org: Organisation, tmp_path: Path
) -> None:
    register, clinic_id, _host, treatment_id = setup
    workflow = NotificationWorkflow(register)
    sid = add_backup_provider(register, treatment_id, own_org.id or 0)

    [plan] = workflow.plan(TODAY)
    assert plan.controller_id == clinic_id
    assert plan.treatment_ids == (treatment_id,)
    assert [(i.subprocessor_id, i.change) for i in plan.items] == [(sid, "added")]
    checks = ComplianceService(register).check(TODAY)
    assert "notification-pending" in {f.rule_id for f in checks}

    [draft] = workflow.generate(TODAY, "fr", tmp_path)
    assert draft.status is NotificationStatus.DRAFT
    text = letter_text(Path(draft.document_path))
    for expected in (
        "Nouveau sous-traitant ultérieur\u00a0: Sauvegarde SAS",  # French spacing
        "Allemagne",
        "1 rue du Backup",
        "HDS v2 (6. Sauvegarde)",
        "juillet 2026",  # the contract's effective date
        "Clinique du Parc",
        "délai de 30 jours",
        "article 28(2)",
    ):
        assert expected in text, expected
    assert workflow.plan(TODAY) == []  # announced once
    assert "notification-pending" not in {
        f.rule_id for f in ComplianceService(register).check(TODAY)
    }

    sent = workflow.mark_sent(draft.id or 0, dt.date(2026, 6, 2))
    # 2 June + 30 days = Thursday 2 July 2026, a working day.
    assert sent.status is NotificationStatus.SENT
    assert sent.objection_deadline == dt.date(2026, 7, 2)

    views = {v.notification.id: v.status for v in workflow.views(dt.date(2026, 7, 2))}
    assert views[draft.id] is NotificationStatus.SENT
    views = {v.notification.id: v.status for v in workflow.views(dt.date(2026, 7, 3))}
    assert views[draft.id] is NotificationStatus.DEEMED_ACCEPTED
    assert list(workflow.refresh(dt.date(2026, 7, 3)).ids) == [draft.id]
    stored = register.notifications.get(draft.id or 0)
    assert stored.status is NotificationStatus.DEEMED_ACCEPTED
    with pytest.raises(ValidationError, match="deemed_accepted"):
        workflow.record_objection(draft.id or 0, dt.date(2026, 7, 4))


def test_objection_path(setup: tuple[Register, int, int, int], own_org: Organisation) -> None:
    register, _clinic, _host, treatment_id = setup
    workflow = NotificationWorkflow(register)
    add_backup_provider(register, treatment_id, own_org.id or 0)
    [draft] = workflow.generate(TODAY)
    with pytest.raises(ValidationError, match="draft"):
        workflow.record_objection(draft.id or 0, TODAY)
    workflow.mark_sent(draft.id or 0, TODAY)
    with pytest.raises(ValidationError, match="objection period ended"):
        workflow.record_objection(draft.id or 0, dt.date(2026, 8, 1))
    objected = workflow.record_objection(draft.id or 0, dt.date(2026, 6, 15), "Pas d'accord")
    assert objected.status is NotificationStatus.OBJECTION_RECEIVED
    assert objected.objection_text == "Pas d'accord"
    assert workflow.refresh(dt.date(2026, 9, 1)).ids == ()  # never deemed accepted


def test_removed_replaced_relocated_and_lost_certification(
    setup: tuple[Register, int, int, int], own_org: Organisation
) -> None:
    register, clinic_id, host_id, treatment_id = setup
    workflow = NotificationWorkflow(register)
    backup = add_backup_provider(register, treatment_id, own_org.id or 0)
    workflow.generate(TODAY)

    host = register.subprocessors.get(host_id)
    register.subprocessors.update(dataclasses.replace(host, locations=(Location("DE"),)))
    [cert] = register.certifications.of_subprocessor(backup)
    register.certifications.delete(cert.id or 0)
    [plan] = workflow.plan(TODAY)
    assert {(i.subprocessor_name, i.change) for i in plan.items} == {
        ("OVHcloud", "new_location"),
        ("Sauvegarde SAS", "lost_certification"),
    }
    workflow.generate(TODAY)

    register.subprocessors.delete(backup)
    newcomer = register.subprocessors.create(
        Subprocessor(
            own_org.id or 0,
            "Backup GmbH",
            category=SubprocessorCategory.HOSTING,
            locations=(Location("DE"),),
        )
    ).ids[0]
    treatment = register.treatments.get(treatment_id)
    register.treatments.update(
        dataclasses.replace(treatment, subprocessor_ids=(*treatment.subprocessor_ids, newcomer))
    )
    [plan] = workflow.plan(TODAY)
    assert plan.controller_id == clinic_id
    assert [(i.subprocessor_name, i.change, i.detail) for i in plan.items] == [
        ("Backup GmbH", "replaced", "Sauvegarde SAS")
    ]


def test_an_hds_certificate_lapsing_is_announced_once(
    setup: tuple[Register, int, int, int], own_org: Organisation
) -> None:
    register, _clinic, _host, treatment_id = setup
    workflow = NotificationWorkflow(register)
    backup = add_backup_provider(register, treatment_id, own_org.id or 0)
    workflow.generate(TODAY)
    assert workflow.plan(dt.date(2027, 12, 31)) == []
    [plan] = workflow.plan(dt.date(2028, 1, 2))
    assert [(i.subprocessor_id, i.change) for i in plan.items] == [(backup, "lost_certification")]
    workflow.generate(dt.date(2028, 1, 2))
    assert workflow.plan(dt.date(2028, 1, 3)) == []


def test_a_change_to_a_subprocessor_of_no_processor_treatment_reaches_nobody(
    setup: tuple[Register, int, int, int], own_org: Organisation
) -> None:
    register = setup[0]
    register.subprocessors.create(Subprocessor(own_org.id or 0, "Outil interne"))
    assert NotificationWorkflow(register).plan(TODAY) == []


def test_english_letter(
    setup: tuple[Register, int, int, int], own_org: Organisation, tmp_path: Path
) -> None:
    register, _clinic, _host, treatment_id = setup
    add_backup_provider(register, treatment_id, own_org.id or 0)
    [draft] = NotificationWorkflow(register).generate(TODAY, "en", tmp_path)
    text = letter_text(Path(draft.document_path))
    assert "New subprocessor: Sauvegarde SAS" in text
    assert "within 30 days" in text
    assert "July 1, 2026" in text


# -- the letters as sent: the register's deadline, all-or-nothing, file names -------------
Setup = tuple[Register, int, int, int]


def serve(register: Register, treatment_id: int, name: str, kind: OrganisationKind) -> int:
    """`name` becomes one more controller of the treatment (before the change to notify)."""
    controller_id = register.organisations.create(Organisation(name, kind)).ids[0]
    treatment = register.treatments.get(treatment_id)
    register.treatments.update(
        dataclasses.replace(treatment, controller_ids=(*treatment.controller_ids, controller_id))
    )
    return controller_id


def test_the_letter_marked_sent_states_the_deadline_the_register_holds(
    setup: Setup, own_org: Organisation, tmp_path: Path
) -> None:
    register, _clinic, _host, treatment_id = setup
    workflow = NotificationWorkflow(register)
    add_backup_provider(register, treatment_id, own_org.id or 0)
    [draft] = workflow.generate(TODAY, "fr", tmp_path)
    draft_text = letter_text(Path(draft.document_path))
    # Drafted 1 June: provisional deadline 1 July, said to be provisional.
    assert "soit au plus tard le 1er juillet 2026" in draft_text or "1 juillet 2026" in draft_text
    assert "Brouillon" in draft_text

    sent = workflow.mark_sent(draft.id or 0, dt.date(2026, 6, 10))
    assert sent.objection_deadline == dt.date(2026, 7, 10)
    assert sent.document_path != draft.document_path
    assert Path(draft.document_path).exists()  # the earlier version is kept
    sent_text = letter_text(Path(sent.document_path))
    assert "10 juin 2026" in sent_text  # dated the day it was sent
    assert "10 juillet 2026" in sent_text  # and the deadline counted from it
    assert "Brouillon" not in sent_text
    # One journaled change: undoing it puts the draft and its letter back.
    again = workflow.regenerate(sent.id or 0)
    assert again.document_path not in (sent.document_path, draft.document_path)
    assert "10 juillet 2026" in letter_text(Path(again.document_path))


def test_a_folder_that_cannot_be_made_leaves_no_draft(
    setup: Setup, own_org: Organisation, tmp_path: Path
) -> None:
    register, _clinic, _host, treatment_id = setup
    workflow = NotificationWorkflow(register)
    add_backup_provider(register, treatment_id, own_org.id or 0)
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(ExportError, match="No notification was drafted"):
        workflow.generate(TODAY, "fr", blocker / "letters")
    assert register.notifications.list() == []
    assert len(workflow.plan(TODAY)) == 1  # still to notify


def test_a_letter_that_fails_midway_rolls_everything_back(
    setup: Setup, own_org: Organisation, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    register, _clinic, _host, treatment_id = setup
    serve(register, treatment_id, "Centre Hospitalier Sud", OrganisationKind.CLIENT_CONTROLLER)
    workflow = NotificationWorkflow(register)
    add_backup_provider(register, treatment_id, own_org.id or 0)
    real_write = NotificationWorkflow._write
    calls: list[Path] = []

    def write_then_fail(self, notification, snapshot, path, locale):  # type: ignore[no-untyped-def]
        if calls:
            raise OSError(28, "No space left on device")
        calls.append(real_write(self, notification, snapshot, path, locale))
        return calls[-1]

    monkeypatch.setattr(NotificationWorkflow, "_write", write_then_fail)
    with pytest.raises(OSError, match="No space left"):
        workflow.generate(TODAY, "fr", tmp_path)
    assert len(calls) == 1
    assert not calls[0].exists()  # the first letter, written, was removed
    assert register.notifications.list() == []
    assert len(workflow.plan(TODAY)) == 2


def test_file_names_keep_every_script_and_never_collide(
    setup: Setup, own_org: Organisation, tmp_path: Path
) -> None:
    register, clinic_id, _host, treatment_id = setup
    for name in ("Клиника Альфа", "Клиника Бета", "Clinique Sainte-Thérèse"):
        serve(register, treatment_id, name, OrganisationKind.CLIENT_CONTROLLER)
    serve(register, treatment_id, "Partenaires", OrganisationKind.CLIENT_CATEGORY)
    add_backup_provider(register, treatment_id, own_org.id or 0)
    drafts = NotificationWorkflow(register).generate(TODAY, "fr", tmp_path)
    names = sorted(Path(n.document_path).name for n in drafts)
    assert names == [
        "notification-clinique-du-parc-2026-06-01.docx",
        "notification-clinique-sainte-thérèse-2026-06-01.docx",
        "notification-partenaires-2026-06-01.docx",
        "notification-клиника-альфа-2026-06-01.docx",
        "notification-клиника-бета-2026-06-01.docx",
    ]
    by_controller = {n.controller_id: n for n in drafts}
    letter = letter_text(Path(by_controller[clinic_id].document_path))
    assert "Clinique du Parc" in letter
    circular = next(n for n in drafts if "partenaires" in n.document_path)
    text = letter_text(Path(circular.document_path))
    assert "À chacun de nos clients de la catégorie : Partenaires" in text.replace("\u00a0", " ")


def test_file_stem_and_unused_path(tmp_path: Path) -> None:
    assert file_stem("Clinique  Sainte-Thérèse / Nord", "x") == "clinique-sainte-thérèse-nord"
    assert file_stem("Cafe\u0301", "x") == "café"  # one name however the accent was typed
    assert file_stem('<>:"|?*', "controller") == "controller"
    assert len(file_stem("é" * 400, "x").encode()) <= 150
    (tmp_path / "a.docx").write_text("")
    assert unused_path(tmp_path, "a", ".docx") == tmp_path / "a-2.docx"
    assert unused_path(tmp_path, "b", ".docx", {tmp_path / "b.docx"}) == tmp_path / "b-2.docx"


def test_a_baseline_but_the_last_change_keeps_that_change_to_notify(
    register: Register, own_org: Organisation
) -> None:
    clinic = register.organisations.create(
        Organisation("Clinique", OrganisationKind.CLIENT_CONTROLLER)
    ).ids[0]
    treatment_id = register.treatments.create(
        Treatment(own_org.id or 0, "Hébergement", role=Role.PROCESSOR, controller_ids=(clinic,))
    ).ids[0]
    sid = add_backup_provider(register, treatment_id, own_org.id or 0)
    workflow = NotificationWorkflow(register)
    workflow.set_baseline(TODAY, but_the_last=True)  # the treatment update is still news
    [plan] = workflow.plan(TODAY)
    assert [(i.subprocessor_id, i.change) for i in plan.items] == [(sid, "added")]
    [draft] = workflow.generate(TODAY)
    workflow.mark_sent(draft.id or 0, TODAY)
    objected = workflow.record_objection(draft.id or 0, TODAY, "Non", decision=" Maintenu ")
    assert objected.objection_decision == "Maintenu"


@pytest.mark.sqlite_only  # wording, not SQL
def test_the_letter_words_a_certificate_as_the_subprocessor_list_does(
    setup: tuple[Register, int, int, int], own_org: Organisation, tmp_path: Path
) -> None:
    """One wording (workbench.compliance.certificate_wording) for the letter and the
    documents: the same certificate on the same date reads the same in both."""
    from exporters.subprocessor_list import write_subprocessors_docx
    from workbench.services.export_service import ExportService

    register, _clinic, _host, treatment_id = setup
    add_backup_provider(register, treatment_id, own_org.id or 0)
    [draft] = NotificationWorkflow(register).generate(TODAY, "fr", tmp_path)
    letter = letter_text(Path(draft.document_path))
    snapshot = dataclasses.replace(ExportService(register).snapshot(), as_of=TODAY)
    write_subprocessors_docx(snapshot, tmp_path / "liste.docx", "fr")
    document = docx.Document(str(tmp_path / "liste.docx"))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    texts = [p.text for p in document.paragraphs] + cells
    [listed] = {
        line for t in texts for line in t.split("\n") if line.startswith("HDS v2 (activités HDS 6)")
    }
    status = listed.split(" — ", 1)[1]
    assert "2028" in status  # where it stands on the letter's date, with the deciding date
    assert f"HDS v2 (6. Sauvegarde) — {status}" in letter


def test_a_new_plan_only_when_an_entry_changes_what_the_plan_reads(
    setup: tuple[Register, int, int, int],
) -> None:
    register, _clinic, host_id, _treatment_id = setup
    workflow = NotificationWorkflow(register)
    start = workflow.latest_entry_id()
    host = register.subprocessors.get(host_id)
    register.subprocessors.update(dataclasses.replace(host, service_description="Hébergement"))
    register.treatments.create(Treatment(host.organisation_id, "Sans sous-traitant"))
    assert not workflow.plan_changed_after(start)  # notes, and a treatment reaching no one
    host = register.subprocessors.get(host_id)
    register.subprocessors.update(
        dataclasses.replace(host, locations=(Location("FR"), Location("DE")))
    )
    assert workflow.plan_changed_after(start)
    assert not workflow.plan_changed_after(workflow.latest_entry_id())
