"""Acknowledging a finding: stored with its reason and the fingerprint of its facts, in a
journaled operation (kind "acknowledge": listed in the history, never undone as an edit)."""

from __future__ import annotations

from sqlalchemy import select

from workbench.compliance.acknowledgements import Acknowledgement, FindingKey, fingerprint
from workbench.compliance.checks.engine import Finding
from workbench.compliance.snapshot import EntityLink, RegisterSnapshot
from workbench.domain.enums import EntityKind
from workbench.domain.errors import ValidationError
from workbench.i18n import _
from workbench.services.register import Register
from workbench.storage.base import utc_now
from workbench.storage.models import FindingAcknowledgementModel

_LABEL_REASON = 160  # the operation label is at most 300 characters


class AcknowledgementService:
    def __init__(self, register: Register) -> None:
        self._context = register.context

    def active(self) -> dict[FindingKey, Acknowledgement]:
        """The latest acknowledgement of each (rule, record) that is not withdrawn."""
        latest: dict[FindingKey, Acknowledgement | None] = {}
        with self._context.read() as session:
            rows = session.scalars(
                select(FindingAcknowledgementModel).order_by(FindingAcknowledgementModel.id)
            )
            for row in rows:
                link = EntityLink(EntityKind(row.entity_kind), row.entity_id)
                latest[(row.rule_id, link)] = (
                    Acknowledgement(
                        row.rule_id, link, row.fingerprint, row.reason, row.author, row.at
                    )
                    if row.fingerprint
                    else None
                )
        return {key: ack for key, ack in latest.items() if ack is not None}

    def acknowledge(
        self, snapshot: RegisterSnapshot, finding: Finding, reason: str
    ) -> Acknowledgement:
        reason = reason.strip()
        if not reason:
            raise ValidationError(
                {"reason": _("Say why the finding is acknowledged: the reason is kept.")}
            )
        return self._write(finding.rule_id, finding.link, fingerprint(snapshot, finding), reason)

    def withdraw(self, rule_id: str, link: EntityLink) -> None:
        self._write(rule_id, link, "", "")

    def _write(
        self, rule_id: str, link: EntityLink, fingerprint: str, reason: str
    ) -> Acknowledgement:
        short = reason if len(reason) <= _LABEL_REASON else reason[: _LABEL_REASON - 1] + "…"
        label = (
            _("Acknowledged {rule} on {kind} {id}: {reason}")
            if fingerprint
            else _("Withdrew the acknowledgement of {rule} on {kind} {id}{reason}")
        ).format(rule=rule_id, kind=link.kind.value, id=link.id, reason=short)
        at = utc_now()
        with self._context.write(label, kind="acknowledge") as uow:
            uow.session.add(
                FindingAcknowledgementModel(
                    rule_id=rule_id,
                    entity_kind=link.kind.value,
                    entity_id=link.id,
                    fingerprint=fingerprint,
                    reason=reason,
                    author=self._context.author,
                    at=at,
                    operation=uow.operation,
                )
            )
        return Acknowledgement(rule_id, link, fingerprint, reason, self._context.author, at)
