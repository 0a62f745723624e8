"""The Art. 28(2) notifications from the window: proposed on a change, drafted, opened.

A change to a processing's subprocessors (added, replaced, removed, moved, certificate lost)
is planned by `NotificationWorkflow.plan` off the GUI thread after a write that touches
subprocessors, treatments or certificates; the banner names the controllers to inform. The
plan reads the whole register (seconds at 10,000 treatments, all of it holding the GIL the
window needs): it is computed again only when an entry written since the last plan changes
what the plan reads (`plan_changed_after`: a treatment's subprocessors, roles or controllers,
a subprocessor's name or locations, a certificate), or when the day changed.
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
        # The banner's plan: up to which journal entry, on which day (None: to compute). What
        # was to notify when the window opened is in the Notifications view and the checks;
        # the banner speaks of changes made since, so a change that leaves the plan as it was
        # (a treatment's purpose) does not compute the plan of the whole register.
        self._planned: tuple[int, dt.date] | None = (
            NotificationWorkflow(register).latest_entry_id(),
            self._today(),
        )

    @property
    def workflow(self) -> NotificationWorkflow:
        return NotificationWorkflow(self.register)

    @property
    def planned_through(self) -> int | None:
        """The journal entry the banner's plan is up to date with (None: no plan yet)."""
        return None if self._planned is None else self._planned[0]

    def _today(self) -> dt.date:
        return self.today or dt.date.today()

    # -- proposing -----------------------------------------------------------------------------
    def propose(
        self, changes: Changes, banner: NotificationBanner, *, again: bool = False
    ) -> Job | None:
        """After a write touching subprocessors: plan, then show the banner (None if unrelated).

        The plan is kept when no entry since it changes what it reads; `again`: computed anew
        all the same (the "notified until" mark moved)."""
        if not any(changes.touches(kind) for kind in WATCHED) or self.register.read_only:
            return None
        register, today = self.register, self._today()
        fresh = not again and self._planned is not None and self._planned[1] == today
        planned = self._planned[0] if fresh and self._planned is not None else None

        def plan(_progress: Any) -> tuple[int, tuple[list[Any], dict[int, str], bool] | None]:
            workflow = NotificationWorkflow(register)
            through = workflow.latest_entry_id()  # read first: a later write is looked at next
            if planned is not None and not workflow.plan_changed_after(planned):
                return through, None
            names = {o.id or 0: o.name for o in register.organisations.list()}
            return through, (workflow.plan(today), names, workflow.notified_until() is None)

        def planned_(result: tuple[int, tuple[list[Any], dict[int, str], bool] | None]) -> None:
            through, shown = result
            if self._planned is not None and through < self._planned[0]:
                return  # an older plan, finished after a newer one
            self._planned = (through, today)
            if shown is not None:
                banner.show_plan(*shown)

        return run_job(self._parent, plan, writes=False).on_success(planned_).start()

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
        self._planned = None  # the mark moved: the next change plans anew
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
