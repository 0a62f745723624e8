"""The Art. 30 actors in the forms: organisation identity, contacts, DPO, representative and
security policy; a treatment's processors of the group, recipients, DPIA, security note."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QWidget

from tests.ui.marked_register import POLICY, MarkedIds, marked_register
from ui.change_bus import ChangeBus
from ui.entity_editor import EntityEditor
from ui.i18n_qt import apply_language
from workbench.domain.enums import (
    DpiaStatus,
    EntityKind,
    InferenceOrigin,
    OrganisationKind,
    RecipientKind,
)
from workbench.domain.inference import describe
from workbench.domain.records import Dpia, Organisation, Recipient, SecurityPolicy, Unconfirmed
from workbench.services import Register

pytestmark = pytest.mark.gui


@pytest.fixture
def marked(tmp_path: Path) -> Iterator[tuple[Register, MarkedIds]]:
    register, ids = marked_register(tmp_path / "marked.sqlite")
    yield register, ids
    register.close()


@pytest.fixture
def editor(qtbot: QtBot, marked: tuple[Register, MarkedIds]) -> EntityEditor:
    parent = QWidget()
    qtbot.addWidget(parent)
    return EntityEditor(parent, marked[0], ChangeBus(parent))


def _form(editor: EntityEditor, qtbot: QtBot, kind: EntityKind, record: Any) -> Any:
    dialog = editor.dialog_for(kind, record)
    qtbot.addWidget(dialog, before_close_func=lambda d: setattr(d, "dirty", False))
    return dialog


def test_the_organisation_form_round_trips_every_art30_field(
    editor: EntityEditor, marked: tuple[Register, MarkedIds], qtbot: QtBot
) -> None:
    register, _ids = marked
    dialog = _form(editor, qtbot, EntityKind.ORGANISATION, Organisation(name=""))
    dialog.name.setText("Podalire Communauté")
    dialog.org_kind.set_value(OrganisationKind.CLIENT_CATEGORY)
    assert "not a named controller" in dialog.kind_hint.text()
    dialog.legal_name.setText("Podalire Communauté SAS")
    dialog.registration.setText("RCS Vannes 981 948 631")
    dialog.address.setPlainText("Le Prisme, Place Albert Einstein\n56000 Vannes")
    dialog.contact_name.setText("Accueil")
    dialog.contact_email.setText("contact@podalire.fr")
    dialog.contact_phone.setText("+33 2 97 00 00 00")
    dialog.dpo_name.setText("Jeanne Martin")
    dialog.dpo_email.setText("dpo@cabinet.fr")
    dialog.dpo_phone.setText("+33 1 00 00 00 00")
    dialog.dpo_company.setText("Cabinet Lemoine Conseil")
    dialog.representative.setText("EU Rep GmbH")
    dialog.representative_contact.setText("rep@eurep.de")
    dialog.policy_title.setText("PSSI")
    dialog.policy_version.setText("3")
    dialog.policy_issued_on.setText("01/02/2026")
    dialog.policy_reference.setText("GED/SEC/3")
    assert dialog.save()
    stored = register.organisations.get(dialog.record.id)
    assert (
        stored.kind,
        stored.legal_name,
        stored.registration,
        stored.address,
        stored.contact_name,
        stored.contact_email,
        stored.contact_phone,
    ) == (
        OrganisationKind.CLIENT_CATEGORY,
        "Podalire Communauté SAS",
        "RCS Vannes 981 948 631",
        "Le Prisme, Place Albert Einstein\n56000 Vannes",
        "Accueil",
        "contact@podalire.fr",
        "+33 2 97 00 00 00",
    )
    assert (stored.dpo_name, stored.dpo_email, stored.dpo_phone, stored.dpo_company) == (
        "Jeanne Martin",
        "dpo@cabinet.fr",
        "+33 1 00 00 00 00",
        "Cabinet Lemoine Conseil",
    )
    assert stored.dpo_organisation_id is None
    assert (stored.representative, stored.representative_contact) == (
        "EU Rep GmbH",
        "rep@eurep.de",
    )
    assert stored.security_policy == SecurityPolicy("PSSI", "3", dt.date(2026, 2, 1), "GED/SEC/3")
    reopened = _form(editor, qtbot, EntityKind.ORGANISATION, stored)
    assert reopened.build_record() == stored


def test_the_group_dpo_is_another_organisation_and_excludes_an_own_dpo(
    editor: EntityEditor, marked: tuple[Register, MarkedIds], qtbot: QtBot
) -> None:
    register, ids = marked
    dialog = _form(editor, qtbot, EntityKind.ORGANISATION, register.organisations.get(ids.group))
    picker: QComboBox = dialog.dpo_group
    assert picker.findData(ids.group) < 0  # not its own group DPO
    picker.setCurrentIndex(picker.findData(ids.sample.own))
    assert picker.currentText() == "The group's DPO, designated by Podalire"
    dialog.dpo_name.setText("Someone")
    assert not dialog.save()
    assert "group's" in dialog.error_of("dpo_organisation_id")
    dialog.dpo_name.setText("")
    dialog.policy_version.setText("2")  # a policy needs its title
    assert not dialog.save()
    assert "title" in dialog.error_of("security_policy_title")
    dialog.policy_version.setText("")
    assert dialog.save()
    stored = register.organisations.get(ids.group)
    assert stored.dpo_organisation_id == ids.sample.own
    assert stored.security_policy is None


def test_the_treatment_form_round_trips_processors_recipients_and_dpia(
    editor: EntityEditor, marked: tuple[Register, MarkedIds], qtbot: QtBot
) -> None:
    register, ids = marked
    record = register.treatments.get(ids.sample.treatments[1])
    dialog = _form(editor, qtbot, EntityKind.TREATMENT, record)
    offered = [dialog.processors.list.item(i).text() for i in range(dialog.processors.list.count())]
    assert offered == ["Podalire Communauté"]  # own organisations, not its own nor clients
    dialog.processors.list.item(0).setCheckState(Qt.CheckState.Checked)
    dialog.recipients.set_values(
        (
            Recipient("Service client", RecipientKind.INTERNAL, "les tickets"),
            Recipient("CPAM", RecipientKind.AUTHORITY),
        )
    )
    dialog.recipients._add()  # a new row, typed in the table, with a kind picked
    new_row = dialog.recipients.table.rowCount() - 1
    dialog.recipients.table.item(new_row, 0).setText("Laboratoire partenaire")
    kind_combo = dialog.recipients._combo(new_row, 1)
    kind_combo.setCurrentIndex(list(RecipientKind).index(RecipientKind.PARTNER))
    dialog.dpia.set_value(DpiaStatus.DONE)
    assert not dialog.save()
    assert dialog.error_of("dpia_done_on") == "Give the date the impact assessment was carried out."
    dialog.dpia.set_value(DpiaStatus.NOT_REQUIRED)
    assert not dialog.save()
    assert "Say why" in dialog.error_of("dpia_reason")
    dialog.dpia.set_value(DpiaStatus.DONE)
    dialog.dpia_done_on.setText("2026-06-30")
    assert dialog.save()
    stored = register.treatments.get(record.id)
    assert stored.processor_ids == (ids.group,)
    assert stored.recipients == (
        Recipient("Service client", RecipientKind.INTERNAL, "les tickets"),
        Recipient("CPAM", RecipientKind.AUTHORITY),
        Recipient("Laboratoire partenaire", RecipientKind.PARTNER),
    )
    assert stored.dpia == Dpia(DpiaStatus.DONE, "", dt.date(2026, 6, 30))
    reopened = _form(editor, qtbot, EntityKind.TREATMENT, stored)
    assert reopened.build_record() == stored


def test_a_treatment_without_measures_shows_the_policy_that_applies(
    editor: EntityEditor, marked: tuple[Register, MarkedIds], qtbot: QtBot
) -> None:
    register, ids = marked
    dialog = _form(
        editor, qtbot, EntityKind.TREATMENT, register.treatments.get(ids.sample.treatments[0])
    )
    note = dialog.policy_note.text()
    assert "the security policy of Podalire applies" in note
    assert f"{POLICY.title} (version 2.1, Mar 1, 2025, {POLICY.reference})" in note
    dialog.measures.set_values(("Chiffrement",))
    dialog.measures.changed.emit()
    assert "replace the organisation's policy" in dialog.policy_note.text()
    dialog.organisation.setCurrentIndex(dialog.organisation.findData(ids.group))
    dialog.measures.set_values(())
    dialog.measures.changed.emit()
    assert "records no security policy" in dialog.policy_note.text()


def test_the_treatment_form_is_titled_with_its_reference_and_name(
    editor: EntityEditor, marked: tuple[Register, MarkedIds], qtbot: QtBot
) -> None:
    register, ids = marked
    treatment = register.treatments.get(ids.sample.treatments[0])
    dialog = _form(editor, qtbot, EntityKind.TREATMENT, treatment)
    reference = f"T-{treatment.id:03d}"  # as the list's "Ref." column and every document
    assert dialog.windowTitle() == f"Treatment {reference}: {treatment.name}"
    apply_language("fr")
    assert dialog.windowTitle() == f"Traitement {reference} : {treatment.name}"
    blank = _form(editor, qtbot, EntityKind.TREATMENT, editor.blank(EntityKind.TREATMENT))
    assert blank.windowTitle() == "Nouveau traitement"


def test_a_mark_on_the_whole_policy_says_why_once(
    editor: EntityEditor, marked: tuple[Register, MarkedIds], qtbot: QtBot
) -> None:
    register, ids = marked
    mark = Unconfirmed("security_policy", InferenceOrigin.ASSUMED, note="la PSSI du groupe")
    record = dataclasses.replace(register.organisations.get(ids.sample.own), unconfirmed=(mark,))
    dialog = _form(editor, qtbot, EntityKind.ORGANISATION, record)
    rows = [dialog._rows[f"security_policy_{part}"] for part in ("title", "version", "reference")]
    assert all(row.marks == (mark,) for row in rows)
    assert describe(mark) in rows[0].mark_bar.reason.text()
    assert [row.mark_bar.reason.text() for row in rows[1:]] == ["as above.", "as above."]
    assert describe(mark) in dialog.policy_version.toolTip()  # the tooltip still says why
    dialog.confirm_row("security_policy_reference")  # any part confirms the whole
    assert all(row.marks == () for row in rows)
