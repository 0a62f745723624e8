"""Art. 28(2) notifications end to end: plan, generate (drafts + letters), send, object, accept.

- `plan(today)`: the changes to subprocessors since the last notification, per controller (read).
- `generate(today, locale, out_dir)`: one draft notification per controller, its Word letter, and
  the "notified until" mark moved forward, so the same change is never announced twice.
- `mark_sent`, `record_objection`: the tracked states. A sent notification whose objection
  deadline passed without objection is deemed accepted: computed on read (`effective_status`)
  and written by `refresh(today)`.
- `set_baseline()`: for a register whose subprocessors the controllers already know, declares
  every change so far as notified.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workbench.compliance.calendar import FrenchCalendar
from workbench.compliance.notifications import (
    ALLOWED_TRANSITIONS,
    PlannedNotification,
    changes_plan,
    effective_status,
    plan_notifications,
)
from workbench.compliance.snapshot import RegisterSnapshot
from workbench.domain import codec
from workbench.domain.enums import ChangeAction, EntityKind, NotificationStatus
from workbench.domain.errors import ExportError, ValidationError
from workbench.domain.file_names import file_stem, unused_path
from workbench.domain.records import Changes, JournalEntry, Notification, Subprocessor
from workbench.services._context import changes_of
from workbench.services.compliance_service import ComplianceService, read_setting, write_setting
from workbench.services.operation_labels import (
    DRAFT_NOTIFICATIONS,
    MARK_NOTIFICATION_SENT,
    NOTIFICATIONS_DEEMED_ACCEPTED,
    RECORD_OBJECTION,
    REGENERATE_LETTER,
)
from workbench.services.register import Register
from workbench.storage.models import SettingModel

MARK_KEY = "compliance.notifications.notified_until"
_WATCHED = (EntityKind.SUBPROCESSOR, EntityKind.TREATMENT, EntityKind.CERTIFICATION)


@dataclass(frozen=True, slots=True)
class NotifiedUntil:
    at: dt.datetime  # the last journal entry already announced
    on: dt.date  # the day of the last plan: certificates lapsing after it are new news


@dataclass(frozen=True, slots=True)
class NotificationView:
    notification: Notification
    controller_name: str
    status: NotificationStatus  # effective status on the day asked


class NotificationWorkflow:
    def __init__(self, register: Register) -> None:
        self._register = register
        self._compliance = ComplianceService(register)

    # -- the "notified until" mark -------------------------------------------------------------
    def notified_until(self) -> NotifiedUntil | None:
        stored = read_setting(self._register, MARK_KEY)
        if stored is None:
            return None
        return NotifiedUntil(
            dt.datetime.fromisoformat(stored["at"]), dt.date.fromisoformat(stored["on"])
        )

    def set_baseline(self, today: dt.date | None = None, *, but_the_last: bool = False) -> None:
        """Declare every change recorded so far as known to the controllers; `but_the_last`:
        all but the last operation's (the change the window just proposed to notify)."""
        today = today or dt.date.today()
        latest = self._register.journal.entries(limit=1)
        at = latest[0].at if latest else dt.datetime.now(dt.UTC)
        if but_the_last and latest:
            # one operation's entries share its time: just before it leaves it out
            at = latest[0].at - dt.timedelta(microseconds=1)
        write_setting(self._register, MARK_KEY, {"at": at.isoformat(), "on": today.isoformat()})

    # -- planning ------------------------------------------------------------------------------
    def _entries(self, since: NotifiedUntil | None) -> list[JournalEntry]:
        entries = [
            e
            for kind in _WATCHED
            for e in self._register.journal.entries(kind=kind, since=since.at if since else None)
        ]
        return sorted(entries, key=lambda e: e.id)

    def plan(self, today: dt.date | None = None) -> list[PlannedNotification]:
        today = today or dt.date.today()
        snapshot = self._compliance.snapshot(today, with_pending=False)
        return self._plan(snapshot, self._entries(self.notified_until()))

    def _plan(
        self, snapshot: RegisterSnapshot, entries: list[JournalEntry]
    ) -> list[PlannedNotification]:
        mark = self.notified_until()
        return list(
            plan_notifications(entries, snapshot, mark.on if mark else None, snapshot.today)
        )

    def latest_entry_id(self) -> int:
        """The journal's newest entry (0 when empty): where a plan read now is up to date."""
        return self._register.journal.latest_entry_id()

    def plan_changed_after(self, entry_id: int) -> bool:
        """Whether an entry written after `entry_id` may change the plan (`changes_plan`): reads
        only those entries, so a plan is computed again only when what it reads changed."""
        return any(
            changes_plan(entry)
            for kind in _WATCHED
            for entry in self._register.journal.entries(kind=kind, after_id=entry_id)
        )

    def pending_counts(self, snapshot: RegisterSnapshot) -> tuple[tuple[int, int], ...] | None:
        """Per controller, the changes not yet notified; None before any baseline."""
        mark = self.notified_until()
        if mark is None:
            return None
        plans = self._plan(snapshot, self._entries(mark))
        return tuple((p.controller_id, len(p.items)) for p in plans)

    # -- generating ----------------------------------------------------------------------------
    def generate(
        self,
        today: dt.date | None = None,
        locale: str = "fr",
        out_dir: Path | None = None,
    ) -> list[Notification]:
        """Draft one notification per controller, write the letters into `out_dir` if given.

        One transaction: the drafts and the "notified until" mark are committed only once every
        letter is written. A letter that cannot be written (a folder that cannot be created, a
        full disk) leaves no draft and no letter behind, so that the same command can be run
        again: the changes are still to notify."""
        today = today or dt.date.today()
        snapshot = self._compliance.snapshot(today, with_pending=False)
        previous = self.notified_until()
        entries = self._entries(previous)
        plans = self._plan(snapshot, entries)
        calendar = FrenchCalendar(snapshot.settings.holiday_subdivision)
        last_at = entries[-1].at if entries else None
        created: list[Notification] = []
        if not plans:
            return created
        if out_dir is not None:
            _make_folder(out_dir)
        written: list[Path] = []
        try:
            with self._register.context.write(DRAFT_NOTIFICATIONS) as uow:
                for plan in plans:
                    controller = snapshot.organisation_by_id[plan.controller_id]
                    path = (
                        unused_path(
                            out_dir, _letter_stem(controller.name, today), ".docx", set(written)
                        )
                        if out_dir is not None
                        else None
                    )
                    record = Notification(
                        controller_id=plan.controller_id,
                        organisation_id=plan.organisation_id,
                        items=plan.items,
                        created_on=today,
                        # Provisional, as if sent today; `mark_sent` sets the real one.
                        objection_deadline=calendar.deadline_after(
                            today, controller.objection_period_days
                        ),
                        document_path=str(path) if path else "",
                        letter_language=locale,
                    )
                    notification = self._register.notifications._create(uow, record)
                    created.append(notification)
                    if path is not None:
                        written.append(self._write(notification, snapshot, path, locale))
                _write_mark(uow.session, last_at, today, previous)
        except BaseException:
            for path in written:
                path.unlink(missing_ok=True)
            raise
        return created

    def write_letter(
        self, notification_id: int, path: Path, locale: str = "fr", today: dt.date | None = None
    ) -> Path:
        notification = self._register.notifications.get(notification_id)
        snapshot = self._compliance.snapshot(today, with_pending=False)
        return self._write(notification, snapshot, path, locale)

    def regenerate(
        self, notification_id: int, out_dir: Path | None = None, today: dt.date | None = None
    ) -> Notification:
        """A new version of the letter from the register as it stands, beside the earlier ones.

        The new version is dated the day the notification was sent (or `today` for a draft) and
        states the deadline the register holds; the record then points at it. Earlier versions
        are kept: they are what was, or would have been, sent."""
        current = self._register.notifications.get(notification_id)
        return self._save_with_new_letter(current, out_dir, today, REGENERATE_LETTER)

    def _save_with_new_letter(
        self,
        record: Notification,
        out_dir: Path | None,
        today: dt.date | None,
        label: str,
    ) -> Notification:
        """Write the letter of `record` as a new file, then save `record` pointing at it: one
        journaled change; the file is removed again if the change cannot be saved."""
        folder = out_dir or (Path(record.document_path).parent if record.document_path else None)
        if folder is None:
            raise ValidationError(
                {
                    "document_path": f"Notification {record.id} has no letter yet: "
                    "say in which folder to write it."
                }
            )
        _make_folder(folder)
        dated = record.sent_on or today or dt.date.today()
        snapshot = self._compliance.snapshot(dated, with_pending=False)
        controller = snapshot.organisation_by_id[record.controller_id]
        locale = record.letter_language or "fr"
        path = unused_path(folder, _letter_stem(controller.name, dated), ".docx")
        updated = dataclasses.replace(record, document_path=str(path), letter_language=locale)
        self._write(updated, snapshot, path, locale)
        try:
            self._register.notifications.update(updated, label)
        except BaseException:
            path.unlink(missing_ok=True)
            raise
        return self._register.notifications.get(record.id or 0)

    def _write(
        self, notification: Notification, snapshot: RegisterSnapshot, path: Path, locale: str
    ) -> Path:
        from exporters.docx_notification_letter import write_notification_letter
        from workbench.services.notification_letter import compose_letter

        records = {
            item.subprocessor_id: self._subprocessor_record(item.subprocessor_id, snapshot)
            for item in notification.items
            if item.subprocessor_id is not None
        }
        letter = compose_letter(
            notification, snapshot, {k: v for k, v in records.items() if v}, locale
        )
        return write_notification_letter(letter, path)

    def _subprocessor_record(self, sid: int, snapshot: RegisterSnapshot) -> Subprocessor | None:
        if sid in snapshot.subprocessor_by_id:
            return snapshot.subprocessor_by_id[sid]
        for entry in reversed(self._register.journal.history(EntityKind.SUBPROCESSOR, sid)):
            if entry.action is ChangeAction.DELETE and entry.before is not None:
                return codec.from_dict(Subprocessor, entry.before)
        return None

    # -- tracking ------------------------------------------------------------------------------
    def mark_sent(self, notification_id: int, sent_on: dt.date | None = None) -> Notification:
        sent_on = sent_on or dt.date.today()
        current = self._register.notifications.get(notification_id)
        _require_move(current, NotificationStatus.SENT)
        controller = self._register.organisations.get(current.controller_id)
        calendar = FrenchCalendar(self._compliance.settings().holiday_subdivision)
        updated = dataclasses.replace(
            current,
            status=NotificationStatus.SENT,
            sent_on=sent_on,
            objection_deadline=calendar.deadline_after(sent_on, controller.objection_period_days),
        )
        if not current.document_path:
            self._register.notifications.update(updated, MARK_NOTIFICATION_SENT)
            return self._register.notifications.get(notification_id)
        # The draft stated a provisional deadline counted from the day it was drafted: the
        # letter that goes out states the one the register now holds (the draft stays).
        return self._save_with_new_letter(updated, None, sent_on, MARK_NOTIFICATION_SENT)

    def record_objection(
        self,
        notification_id: int,
        received_on: dt.date | None = None,
        text: str = "",
        decision: str = "",
    ) -> Notification:
        received_on = received_on or dt.date.today()
        current = self._register.notifications.get(notification_id)
        _require_move(current, NotificationStatus.OBJECTION_RECEIVED)
        if current.objection_deadline is not None and received_on > current.objection_deadline:
            raise ValidationError(
                {
                    "objection_received_on": f"The objection period ended on "
                    f"{current.objection_deadline.isoformat()}: the change was deemed accepted "
                    "before this objection arrived."
                }
            )
        updated = dataclasses.replace(
            current,
            status=NotificationStatus.OBJECTION_RECEIVED,
            objection_received_on=received_on,
            objection_text=text,
            objection_decision=decision.strip(),
        )
        self._register.notifications.update(updated, RECORD_OBJECTION)
        return self._register.notifications.get(notification_id)

    def refresh(self, today: dt.date | None = None) -> Changes:
        """Write "deemed accepted" on every sent notification whose objection period is over."""
        today = today or dt.date.today()
        lapsed = [
            n
            for n in self._register.notifications.list(status=NotificationStatus.SENT.value)
            if effective_status(n, today) is NotificationStatus.DEEMED_ACCEPTED
        ]
        if not lapsed:
            return Changes()
        with self._register.context.write(NOTIFICATIONS_DEEMED_ACCEPTED) as uow:
            for n in lapsed:
                self._register.notifications._update(
                    uow, dataclasses.replace(n, status=NotificationStatus.DEEMED_ACCEPTED)
                )
        return changes_of(uow)

    def views(self, today: dt.date | None = None) -> list[NotificationView]:
        today = today or dt.date.today()
        names = {o.id: o.name for o in self._register.organisations.list()}
        return [
            NotificationView(n, names.get(n.controller_id, "?"), effective_status(n, today))
            for n in self._register.notifications.list()
        ]


def _require_move(current: Notification, target: NotificationStatus) -> None:
    if target not in ALLOWED_TRANSITIONS[current.status]:
        raise ValidationError(
            {
                "status": f"Notification {current.id} is {current.status.value}; it cannot become "
                f"{target.value} (allowed: "
                + (", ".join(s.value for s in ALLOWED_TRANSITIONS[current.status]) or "none")
                + ")."
            }
        )


def _write_mark(
    session: Any, last_at: dt.datetime | None, today: dt.date, previous: NotifiedUntil | None
) -> None:
    at = last_at or (previous.at if previous else dt.datetime.now(dt.UTC))
    value = {"at": at.isoformat(), "on": today.isoformat()}
    row = session.get(SettingModel, MARK_KEY)
    if row is None:
        session.add(SettingModel(key=MARK_KEY, value=value))
    else:
        row.value = value


def _letter_stem(controller: str, dated: dt.date) -> str:
    return f"notification-{file_stem(controller, 'controller')}-{dated.isoformat()}"


def _make_folder(folder: Path) -> None:
    """Create the letters' folder before anything is committed; refuse clearly if impossible."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(
            f"Cannot create the folder {folder} for the letters: {exc.strerror or exc}. "
            "No notification was drafted."
        ) from exc
