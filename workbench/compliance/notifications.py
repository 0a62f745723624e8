"""Planning Art. 28(2) notifications: which controllers to inform of which subprocessor changes.

GDPR Art. 28(2): under a general written authorisation the processor informs the controller of
any intended addition or replacement of subprocessors, giving it the opportunity to object. The
seed contract adds that a subprocessor is deemed accepted when no objection is raised, and that
the loss or withdrawal of the HDS certification is notified too (CSP L.1111-8).

Input: the journal entries since the last notification and the register as it stands. A change
reaches a controller through the treatments it has entrusted to the organisation (role
PROCESSOR, `controller_ids`) that use the subprocessor (`subprocessor_ids`).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from workbench.compliance.certification_status import is_valid_on
from workbench.compliance.snapshot import RegisterSnapshot
from workbench.domain import codec
from workbench.domain.enums import CertificationKind, EntityKind, NotificationStatus, Role
from workbench.domain.records import (
    Certification,
    JournalEntry,
    Notification,
    NotificationItem,
    Subprocessor,
    Treatment,
)
from workbench.i18n import N_


class ChangeKind(StrEnum):
    ADDED = "added"
    REPLACED = "replaced"
    REMOVED = "removed"
    NEW_LOCATION = "new_location"
    LOST_CERTIFICATION = "lost_certification"


# What each change is called where a person reads it (the CLI plan, the window).
CHANGE_LABELS = {
    ChangeKind.ADDED: N_("subprocessor added"),
    ChangeKind.REPLACED: N_("subprocessor replaced"),
    ChangeKind.REMOVED: N_("subprocessor removed"),
    ChangeKind.NEW_LOCATION: N_("new location"),
    ChangeKind.LOST_CERTIFICATION: N_("certification lost"),
}


@dataclass(frozen=True, slots=True)
class PlannedNotification:
    controller_id: int
    organisation_id: int  # the own organisation, processor for the controller
    items: tuple[NotificationItem, ...]
    treatment_ids: tuple[int, ...]  # the controller's treatments the changes touch


# The fields of each watched record that `plan_notifications` reads: a journal entry that
# changes none of them (a treatment's purpose, a subprocessor's notes) leaves the plan as it was.
# Certificates are few and each field may decide a loss (kind, dates, holder): all count.
PLAN_FIELDS: dict[EntityKind, tuple[str, ...] | None] = {
    EntityKind.TREATMENT: ("role", "controller_ids", "organisation_id", "subprocessor_ids"),
    EntityKind.SUBPROCESSOR: ("name", "legal_entity", "category", "locations", "location_text"),
    EntityKind.CERTIFICATION: None,
}


def changes_plan(entry: JournalEntry) -> bool:
    """Whether this journal entry may change the plan: it touches what the plan reads."""
    if entry.entity_kind not in PLAN_FIELDS:
        return False
    before = _plan_facts(entry.entity_kind, entry.before)
    return bool(before != _plan_facts(entry.entity_kind, entry.after))


def _plan_facts(kind: EntityKind, payload: dict[str, Any] | None) -> Any:
    if payload is None:
        return None
    if kind is EntityKind.TREATMENT and not payload.get("subprocessor_ids"):
        return None  # a treatment without subprocessors reaches no controller with a change
    fields = PLAN_FIELDS[kind]
    return payload if fields is None else tuple(payload.get(f) for f in fields)


@dataclass(frozen=True, slots=True)
class _Change:
    subprocessor: Subprocessor
    kind: ChangeKind
    detail: str = ""


def plan_notifications(
    entries: Sequence[JournalEntry],
    snapshot: RegisterSnapshot,
    since: dt.date | None,
    today: dt.date,
) -> tuple[PlannedNotification, ...]:
    """One planned notification per (controller, own organisation) with changes to announce."""
    firsts: dict[tuple[EntityKind, int], dict[str, Any] | None] = {}
    lasts: dict[tuple[EntityKind, int], dict[str, Any] | None] = {}
    for entry in entries:
        key = (entry.entity_kind, entry.entity_id)
        firsts.setdefault(key, entry.before)
        lasts[key] = entry.after

    # Treatments that used a subprocessor before the window: a removal still reaches them.
    former_users: dict[int, list[Treatment]] = defaultdict(list)
    for (kind, _tid), before in firsts.items():
        if kind is EntityKind.TREATMENT and before is not None:
            old = codec.from_dict(Treatment, before)
            for sid in old.subprocessor_ids:
                former_users[sid].append(old)

    by_target: dict[tuple[int, int], dict[tuple[int, ChangeKind], _Change]] = defaultdict(dict)
    touched_treatments: dict[tuple[int, int], set[int]] = defaultdict(set)

    def announce(change: _Change, treatments: Iterable[Treatment]) -> None:
        sid = change.subprocessor.id if change.subprocessor.id is not None else 0
        for treatment in treatments:
            if treatment.role is not Role.PROCESSOR:
                continue
            for controller_id in treatment.controller_ids:
                target = (controller_id, treatment.organisation_id)
                by_target[target].setdefault((sid, change.kind), change)
                if treatment.id is not None:
                    touched_treatments[target].add(treatment.id)

    for (kind, entity_id), before in firsts.items():
        after = lasts[(kind, entity_id)]
        if kind is EntityKind.SUBPROCESSOR:
            users = [
                *snapshot.treatments_by_subprocessor.get(entity_id, ()),
                *former_users.get(entity_id, ()),
            ]
            for change in _subprocessor_changes(before, after):
                announce(change, users)
        elif kind is EntityKind.TREATMENT and before is not None and after is not None:
            _treatment_link_changes(before, after, snapshot, announce)
        elif kind is EntityKind.CERTIFICATION:
            lost = _certificate_loss(before, after, snapshot, today)
            if lost is not None:
                sid = lost.subprocessor.id or 0
                announce(lost, snapshot.treatments_by_subprocessor.get(sid, ()))

    for change in _expired_since(snapshot, since, today):
        sid = change.subprocessor.id or 0
        announce(change, snapshot.treatments_by_subprocessor.get(sid, ()))

    plans = []
    for (controller_id, organisation_id), changes in sorted(by_target.items()):
        items = _pair_replacements(list(changes.values()))
        plans.append(
            PlannedNotification(
                controller_id=controller_id,
                organisation_id=organisation_id,
                items=tuple(items),
                treatment_ids=tuple(sorted(touched_treatments[(controller_id, organisation_id)])),
            )
        )
    return tuple(plans)


def _subprocessor_changes(
    before: dict[str, Any] | None, after: dict[str, Any] | None
) -> list[_Change]:
    if before is None and after is None:
        return []  # created and deleted within the window: nothing to announce
    if before is None:
        return [_Change(codec.from_dict(Subprocessor, after or {}), ChangeKind.ADDED)]
    old = codec.from_dict(Subprocessor, before)
    if after is None:
        return [_Change(old, ChangeKind.REMOVED)]
    new = codec.from_dict(Subprocessor, after)
    changes = []
    if (new.legal_entity or new.name).casefold() != (old.legal_entity or old.name).casefold():
        changes.append(_Change(new, ChangeKind.REPLACED, old.legal_entity or old.name))
    if {loc.code for loc in new.locations} != {loc.code for loc in old.locations}:
        codes = ", ".join(loc.code for loc in new.locations) or new.location_text
        changes.append(_Change(new, ChangeKind.NEW_LOCATION, codes))
    return changes


def _treatment_link_changes(
    before: dict[str, Any], after: dict[str, Any], snapshot: RegisterSnapshot, announce: Any
) -> None:
    old = codec.from_dict(Treatment, before)
    new = codec.from_dict(Treatment, after)
    for sid in sorted(set(new.subprocessor_ids) - set(old.subprocessor_ids)):
        sub = snapshot.subprocessor_by_id.get(sid)
        if sub is not None:
            announce(_Change(sub, ChangeKind.ADDED), [new])
    for sid in sorted(set(old.subprocessor_ids) - set(new.subprocessor_ids)):
        sub = snapshot.subprocessor_by_id.get(sid)
        if sub is not None:  # a deleted subprocessor is announced from its own entry
            announce(_Change(sub, ChangeKind.REMOVED), [old])


def _certificate_loss(
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
    snapshot: RegisterSnapshot,
    today: dt.date,
) -> _Change | None:
    if before is None:
        return None
    old = codec.from_dict(Certification, before)
    if old.kind is not CertificationKind.HDS or old.subprocessor_id is None:
        return None
    new = codec.from_dict(Certification, after) if after is not None else None
    still_valid = new is not None and new.kind is CertificationKind.HDS and is_valid_on(new, today)
    if still_valid or not is_valid_on(old, today):
        return None
    return _lost_if_uncovered(old, snapshot, today)


def _expired_since(
    snapshot: RegisterSnapshot, since: dt.date | None, today: dt.date
) -> list[_Change]:
    """HDS certificates of subprocessors that lapsed after the last notification."""
    if since is None:
        return []
    changes = []
    for cert in snapshot.certifications:
        if cert.kind is not CertificationKind.HDS or cert.subprocessor_id is None:
            continue
        lapsed_in_window = is_valid_on(cert, since) and not is_valid_on(cert, today)
        if lapsed_in_window:
            change = _lost_if_uncovered(cert, snapshot, today)
            if change is not None:
                changes.append(change)
    return changes


def _lost_if_uncovered(
    lost: Certification, snapshot: RegisterSnapshot, today: dt.date
) -> _Change | None:
    sid = lost.subprocessor_id or 0
    sub = snapshot.subprocessor_by_id.get(sid)
    if sub is None:
        return None
    others = snapshot.certifications_by_subprocessor.get(sid, ())
    if any(
        c.kind is CertificationKind.HDS and c.id != lost.id and is_valid_on(c, today)
        for c in others
    ):
        return None  # renewed: another valid HDS certificate covers the subprocessor
    return _Change(sub, ChangeKind.LOST_CERTIFICATION, lost.number)


def _pair_replacements(changes: list[_Change]) -> list[NotificationItem]:
    """An addition and a removal in the same category read as one replacement (Art. 28(2))."""
    removed = [c for c in changes if c.kind is ChangeKind.REMOVED]
    result: list[_Change] = []
    for change in changes:
        if change.kind is ChangeKind.ADDED:
            twin = next(
                (r for r in removed if r.subprocessor.category is change.subprocessor.category),
                None,
            )
            if twin is not None:
                removed.remove(twin)
                result.append(
                    _Change(change.subprocessor, ChangeKind.REPLACED, twin.subprocessor.name)
                )
                continue
        if change.kind is not ChangeKind.REMOVED:
            result.append(change)
    result.extend(removed)
    order = list(ChangeKind)
    result.sort(key=lambda c: (order.index(c.kind), c.subprocessor.name.casefold()))
    return [
        NotificationItem(c.subprocessor.id, c.subprocessor.name, c.kind.value, c.detail)
        for c in result
    ]


# -- tracking ----------------------------------------------------------------------------------
def effective_status(notification: Notification, today: dt.date) -> NotificationStatus:
    """A sent notification whose objection deadline passed without objection is deemed accepted."""
    if (
        notification.status is NotificationStatus.SENT
        and notification.objection_deadline is not None
        and today > notification.objection_deadline
    ):
        return NotificationStatus.DEEMED_ACCEPTED
    return notification.status


ALLOWED_TRANSITIONS: dict[NotificationStatus, frozenset[NotificationStatus]] = {
    NotificationStatus.DRAFT: frozenset({NotificationStatus.SENT}),
    NotificationStatus.SENT: frozenset(
        {NotificationStatus.OBJECTION_RECEIVED, NotificationStatus.DEEMED_ACCEPTED}
    ),
    NotificationStatus.OBJECTION_RECEIVED: frozenset(),
    NotificationStatus.DEEMED_ACCEPTED: frozenset(),
}
