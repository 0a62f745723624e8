"""`check`: the findings (grouped, with totals), the rule catalogue, acknowledgements.

dpo-workbench check --group rule
dpo-workbench check --rules
dpo-workbench check --ack subprocessor-no-dpa:subprocessor:7 --reason "DPA signed, on file"
"""

from __future__ import annotations

import argparse
import itertools
from typing import TYPE_CHECKING, Any

from workbench.cli._common import (
    open_for_reading,
    open_from_args,
    print_json,
    print_json_array,
    print_table,
)
from workbench.compliance.checks.severity import Severity
from workbench.domain.errors import WorkbenchError
from workbench.i18n import _

if TYPE_CHECKING:
    from collections.abc import Iterable

    from workbench.compliance.checks import Finding, Rule
    from workbench.compliance.snapshot import EntityLink, RegisterSnapshot
    from workbench.services.compliance_service import ComplianceService
    from workbench.services.register import Register


def _compliance(register: Register) -> ComplianceService:
    from workbench.services.compliance_service import ComplianceService

    return ComplianceService(register)


def finding_json(finding: Finding, snapshot: RegisterSnapshot | None = None) -> dict[str, Any]:
    from workbench.compliance.acknowledgements import fingerprint, stated_facts
    from workbench.compliance.checks.rule_catalogue import summary
    from workbench.domain.inference import describe

    rule = _rules().get(finding.rule_id)
    inferred = [
        {"field": m.field, "origin": m.origin.value, "reason": describe(m)}
        for m in finding.unconfirmed
    ]
    result: dict[str, Any] = {
        "rule": finding.rule_id,
        "severity": finding.severity.value,
        "reference": rule.source if rule else "",
        "checks": summary(finding.rule_id),
        "problem": finding.problem,
        "fix": finding.fix,
        "message": finding.message,
        "entity": {
            "kind": finding.link.kind.value,
            "id": finding.link.id,
            "reference": record_reference(finding.link),
            "name": finding.entity_name,
        },
        # the inferred values the finding rests on: it is "to be verified" until confirmed
        "unconfirmed": inferred,
    }
    if snapshot is not None:
        result["facts"] = {"stated": stated_facts(snapshot, finding), "inferred": inferred}
        result["fingerprint"] = fingerprint(snapshot, finding)
    return result


def _rules() -> dict[str, Rule]:
    from workbench.compliance.checks import ALL_RULES

    return {r.id: r for r in ALL_RULES}


def _finding_key(text: str) -> tuple[str, EntityLink]:
    from workbench.compliance.snapshot import EntityLink
    from workbench.domain.enums import EntityKind

    rule, _sep, record = text.partition(":")
    kind, _sep, number = record.partition(":")
    try:
        return rule, EntityLink(EntityKind(kind), int(number))
    except ValueError as exc:
        raise WorkbenchError(
            _("'{text}' is not RULE:KIND:ID (e.g. subprocessor-no-dpa:subprocessor:7).").format(
                text=text
            )
        ) from exc


def run_check(args: argparse.Namespace) -> int:
    if args.rules:
        return _print_rules(args.json)
    register = open_for_reading(args) if not (args.ack or args.unack) else open_from_args(args)
    if args.ack or args.unack:
        return _acknowledge(register, args)
    review = _compliance(register).review(args.today, Severity(args.severity))
    findings = review.open
    if args.json:
        rows: Iterable[dict[str, Any]] = (finding_json(f, review.snapshot) for f in findings)
        if args.acknowledged:
            rows = itertools.chain(
                rows,
                (
                    finding_json(f, review.snapshot)
                    | {"acknowledged": {"reason": a.reason, "by": a.author, "at": a.at.isoformat()}}
                    for f, a in review.acknowledged
                ),
            )
        print_json_array(rows)
    elif not findings and not review.acknowledged:
        print(_("No problem found."))
    else:
        _print_findings(findings, args.group)
        if args.acknowledged:
            for f, a in review.acknowledged:
                print(
                    _("[acknowledged] {line} — {reason} ({by}, {on})").format(
                        line=_finding_line(f), reason=a.reason, by=a.author, on=a.at.date()
                    )
                )
        print(_totals(findings, len(review.acknowledged)))
    return 1 if any(f.severity is Severity.ERROR for f in findings) else 0


def _finding_line(f: Finding) -> str:
    record = f"{f.link.kind.value} {record_reference(f.link)}"
    return f"[{f.severity.value}] {f.rule_id} ({record}): {f.message}"


def _print_findings(findings: list[Finding], group: str | None) -> None:
    if group is None:
        for f in findings:
            print(_finding_line(f))
        return
    from workbench.compliance.check_groups import group_findings

    for heading, members in group_findings(findings, group):
        print(f"== {heading} ({len(members)})")
        for f in members:
            print("   " + _finding_line(f))


def _totals(findings: list[Finding], acknowledged: int) -> str:
    counts = {s: sum(1 for f in findings if f.severity is s) for s in Severity}
    text = _("Total: {errors} errors, {warnings} warnings, {infos} info").format(
        errors=counts[Severity.ERROR],
        warnings=counts[Severity.WARNING],
        infos=counts[Severity.INFO],
    )
    if acknowledged:
        text += " " + _("({count} acknowledged, not listed: --acknowledged)").format(
            count=acknowledged
        )
    return text


def _print_rules(as_json: bool) -> int:
    from workbench.compliance.checks.rule_catalogue import summary

    rules = sorted(_rules().values(), key=lambda r: r.id)
    if as_json:
        print_json(
            [
                {
                    "id": r.id,
                    "severity": r.severity.value,
                    "reference": r.source,
                    "checks": summary(r.id),
                }
                for r in rules
            ]
        )
        return 0
    print_table(
        [_("Rule"), _("Severity"), _("Reference"), _("What it checks")],
        [[r.id, r.severity.value, r.source, summary(r.id)] for r in rules],
    )
    return 0


def _acknowledge(register: Register, args: argparse.Namespace) -> int:
    from workbench.services.acknowledgement_service import AcknowledgementService

    service = AcknowledgementService(register)
    if args.unack:
        rule, link = _finding_key(args.unack)
        service.withdraw(rule, link)
        print(
            _("Acknowledgement of {rule} on {kind} {id} withdrawn.").format(
                rule=rule, kind=link.kind.value, id=link.id
            )
        )
        return 0
    rule, link = _finding_key(args.ack)
    review = _compliance(register).review(args.today)
    finding = next((f for f in review.open if (f.rule_id, f.link) == (rule, link)), None)
    if finding is None:
        raise WorkbenchError(
            _("No open finding {rule} on {kind} {id} today: nothing to acknowledge.").format(
                rule=rule, kind=link.kind.value, id=link.id
            )
        )
    service.acknowledge(review.snapshot, finding, args.reason)
    print(
        _(
            "Acknowledged {rule} on {kind} {id}; it comes back if the facts it rests on change."
        ).format(rule=rule, kind=link.kind.value, id=link.id)
    )
    return 0


def record_reference(link: EntityLink) -> str:
    """How a message names a record: a processing by the reference its fiches print ("T-029",
    the same in the Excel, CNIL and Word registers), any other record by its id."""
    from workbench.domain.enums import EntityKind
    from workbench.domain.references import treatment_reference

    if link.kind is EntityKind.TREATMENT:
        return treatment_reference(link.id)
    return str(link.id)
