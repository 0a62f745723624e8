"""The Art. 28(2) notifications from the window: proposed on a change, drafted, opened.

A change to a processing's subprocessors (added, replaced, removed, moved, certificate lost)
is planned by `NotificationWorkflow.plan` off the GUI thread after every write that touches
subprocessors, treatments or certificates; the banner names the controllers to inform.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import QWidget

from ui.change_bus import ChangeBus
from ui.dialogs.notification_dialog import NotificationDialog, change_label
from ui.jobs import Job, run_job, show_error
from ui.plain_text import ask, inform
from ui.widgets.notification_banner import NotificationBanner
from workbench.domain.enums import EntityKind
from workbench.domain.errors import WorkbenchError
from workbench.domain.records import Changes
from workbench.i18n import _, current_locale
from workbench.services import Register
from workbench.services.notification_workflow import NotificationWorkflow

WATCHED = (EntityKind.SUBPROCESSOR, EntityKind.TREATMENT, EntityKind.CERTIFICATION)


class NotificationDesk:
    def __init__(self, parent: QWidget, register: Register, bus: ChangeBus) -> None:
        self._parent = parent
        self.register = register
        self._bus = bus
        self.today: dt.date | None = None  # tests pin the day; None: today
        self.last_dialog: NotificationDialog | None = None

    @property
    def workflow(self) -> NotificationWorkflow:
        return NotificationWorkflow(self.register)

    def _today(self) -> dt.date:
        return self.today or dt.date.today()

    # -- proposing -----------------------------------------------------------------------------
    def propose(self, changes: Changes, banner: NotificationBanner) -> Job | None:
        """After a write touching subprocessors: plan, then show the banner (None if unrelated)."""
        if not any(changes.touches(kind) for kind in WATCHED) or self.register.read_only:
            return None
        register, today = self.register, self._today()

        def plan(_progress: Any) -> tuple[list[Any], dict[int, str], bool]:
            workflow = NotificationWorkflow(register)
            names = {o.id or 0: o.name for o in register.organisations.list()}
            return workflow.plan(today), names, workflow.notified_until() is None

        return (
            run_job(self._parent, plan, writes=False)
            .on_success(lambda result: banner.show_plan(*result))
            .start()
        )

    def set_baseline_but_the_last(self) -> None:
        self.workflow.set_baseline(self._today(), but_the_last=True)

    # -- drafting ------------------------------------------------------------------------------
    def draft(self) -> list[int]:
        """Draft one notification per controller with changes to announce, after asking."""
        workflow = self.workflow
        plans = workflow.plan(self._today())
        if not plans:
            inform(
                self._parent,
                _("Nothing to notify"),
                _("No change to the subprocessors is waiting to be notified."),
            )
            return []
        names = {o.id: o.name for o in self.register.organisations.list()}
        lines = [_("Draft a notification for each of these controllers?")]
        for plan in plans:
            lines.append(f"\n{names.get(plan.controller_id, plan.controller_id)}")
            lines += [f"  • {change_label(i.change)}: {i.subprocessor_name}" for i in plan.items]
        if not ask(self._parent, _("Draft the notifications"), "\n".join(lines)):
            return []
        try:
            created = workflow.generate(self._today(), current_locale())
        except WorkbenchError as exc:
            show_error(self._parent, _("Cannot draft the notifications"), exc)
            return []
        ids = tuple(n.id or 0 for n in created)
        self._bus.publish(Changes(frozenset({EntityKind.NOTIFICATION}), ids))
        return list(ids)

    def open(self, notification_id: int) -> None:
        try:
            dialog = NotificationDialog(
                self.register, self._bus, notification_id, self._parent, self._today()
            )
        except WorkbenchError as exc:
            show_error(self._parent, _("Cannot open this record"), exc)
            return
        self.last_dialog = dialog
        try:
            dialog.exec()
        finally:
            self.last_dialog = None
            dialog.deleteLater()
