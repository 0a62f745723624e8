"""Audits of subprocessors with the notice rule checked as the user types; certificates and
attached files from the subprocessor form; the grouped holder picker."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QTableWidget

from ui.change_bus import ChangeBus
from ui.dialogs.audit_dialog import AuditDialog
from ui.dialogs.certification_dialog import CertificationDialog
from ui.dialogs.subprocessor_dialog import SubprocessorDialog
from ui.widgets import row_removal
from ui.widgets.grouped_picker import holder_key
from workbench.domain.enums import (
    AttachmentCategory,
    AuditRequester,
    AuditType,
    CertificationKind,
    EntityKind,
)
from workbench.domain.records import Audit, Organisation, Subprocessor
from workbench.services import Register

pytestmark = pytest.mark.gui


def discard(form: Any) -> None:
    form.dirty = False  # closing a failed test's form asks nothing


def cell_text(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    return item.text() if item is not None else ""


@pytest.fixture
def bus() -> ChangeBus:
    return ChangeBus()


@pytest.fixture
def zendesks(register: Register, own_org: Organisation) -> tuple[int, int]:
    """Two subprocessors named Zendesk, engaged by two own organisations."""
    other = register.organisations.create(Organisation("Medaviz", own_org.kind)).ids[0]
    first = register.subprocessors.create(Subprocessor(own_org.id or 0, "Zendesk")).ids[0]
    second = register.subprocessors.create(Subprocessor(other, "Zendesk")).ids[0]
    return first, second


def test_an_audit_of_a_subprocessor_warns_of_a_short_notice_as_typed(
    qtbot: QtBot,
    register: Register,
    own_org: Organisation,
    zendesks: tuple[int, int],
    bus: ChangeBus,
) -> None:
    record = Audit(own_org.id or 0, AuditType.GDPR_CONTROLLER, AuditRequester.PARTNER)
    dialog = AuditDialog(register, bus, record)
    qtbot.addWidget(dialog, before_close_func=discard)
    picker = dialog.organisation
    texts = [picker.itemText(i).strip() for i in range(picker.count())]
    assert texts[0] == "Organisations"
    assert sorted(texts[1:3]) == ["Medaviz", "Podalire"]
    assert texts[3] == "Subprocessors"
    assert sorted(texts[4:]) == ["Zendesk — Medaviz", "Zendesk — Podalire"]
    assert not picker.model().flags(picker.model().index(3, 0)) & Qt.ItemFlag.ItemIsEnabled
    picker.setCurrentIndex(picker.findData(holder_key("subprocessor", zendesks[1])))
    dialog.audit_on.setText("2026-12-14")  # a Monday
    assert dialog.notice_check.text() == (
        "Latest acceptable notice: Nov 29, 2026 (10 working days)."
    )
    dialog.notice_on.setText("2026-12-07")  # a week before: 4 working days
    warning = dialog.notice_check.text()
    assert warning.startswith("Notice too short: 4 working days")
    assert "Latest acceptable notice for this date: Nov 29, 2026." in warning
    assert dialog.notice_check.styleSheet()  # shown as a warning
    dialog.notice_on.setText("2026-11-27")
    assert dialog.notice_check.text().startswith("Notice sufficient: 10 working days")
    assert not dialog.notice_check.styleSheet()
    assert dialog.save()
    [stored] = register.audits.list()
    assert stored.subprocessor_id == zendesks[1]
    assert stored.organisation_id == register.subprocessors.get(zendesks[1]).organisation_id


def test_dates_in_a_french_form_are_written_as_the_lists_write_them(
    qtbot: QtBot, register: Register, own_org: Organisation, bus: ChangeBus, french: None
) -> None:
    record = Audit(
        own_org.id or 0,
        AuditType.GDPR_CONTROLLER,
        AuditRequester.PARTNER,
        audit_on=dt.date(2026, 12, 9),
    )
    dialog = AuditDialog(register, bus, record)
    qtbot.addWidget(dialog, before_close_func=discard)
    assert dialog.audit_on.text() == "09/12/2026"
    assert dialog.audit_on.placeholderText() == "JJ/MM/AAAA"
    assert "24/11/2026" in dialog.notice_check.text()


def test_a_certificate_and_a_file_are_added_from_the_subprocessor_form(
    qtbot: QtBot,
    register: Register,
    zendesks: tuple[int, int],
    bus: ChangeBus,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    dialog = SubprocessorDialog(register, bus, register.subprocessors.get(zendesks[0]))
    qtbot.addWidget(dialog, before_close_func=discard)
    tab_titles = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    assert tab_titles[-1] == "Certificates and files"

    def fill_certificate(form: CertificationDialog) -> int:
        holder = form.holder.currentText().strip()
        assert holder == "Zendesk — Podalire"  # the holder is this subprocessor
        form.cert_kind.set_value(CertificationKind.ISO27001)
        form.number.setText("ISO-777")
        form.expires_on.setText("2027-03-31")
        assert form.save()
        return int(form.DialogCode.Accepted)

    monkeypatch.setattr(CertificationDialog, "exec", fill_certificate)
    assert dialog.certificates.add()
    [cert] = register.certifications.of_subprocessor(zendesks[0])
    assert (cert.kind, cert.number, cert.expires_on) == (
        CertificationKind.ISO27001,
        "ISO-777",
        dt.date(2027, 3, 31),
    )
    table = dialog.certificates.table
    assert [cell_text(table, 0, c) for c in range(3)] == [
        "ISO/IEC 27001",
        "ISO-777",
        "Mar 31, 2027",
    ]

    opened: list[str] = []

    def fake_open(url: QUrl) -> bool:
        opened.append(url.toLocalFile())
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", fake_open)
    dpa = tmp_path / "DPA Zendesk.pdf"
    dpa.write_bytes(b"%PDF-1.7 signed")
    attachments = dialog.attachments
    assert attachments.category.value() is AttachmentCategory.DPA
    assert attachments.add_file(dpa)
    assert cell_text(attachments.table, 0, 0) == "DPA Zendesk.pdf"
    attachments.table.selectRow(0)
    copy = attachments.open_selected()
    assert copy is not None
    assert opened == [str(copy)]
    assert copy.read_bytes() == b"%PDF-1.7 signed"
    assert copy.stat().st_mode & 0o077 == 0 or copy.parent.stat().st_mode & 0o077 == 0

    asked: list[str] = []
    monkeypatch.setattr(row_removal, "ask", lambda _p, _t, text: asked.append(text) or True)
    assert attachments.remove_selected()
    assert register.attachments.of(EntityKind.SUBPROCESSOR, zendesks[0]) == []
    dialog.certificates.table.selectRow(0)
    name = cell_text(dialog.certificates.table, 0, 0)
    assert dialog.certificates.remove_selected()
    assert register.certifications.of_subprocessor(zendesks[0]) == []
    assert asked == [  # one question each, naming the row removed
        "Remove “DPA Zendesk.pdf” from this record? You can undo it with Ctrl+Z.",
        f"Remove the certificate “{name}”? You can undo it with Ctrl+Z.",
    ]
