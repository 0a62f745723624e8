"""Findings grouped by rule or by record, for the CLI (`check --group`) and the checks view:
28 "no DPA" lines read as one rule with 28 records; 3,000 findings as a few dozen groups."""

from __future__ import annotations

from collections.abc import Sequence

from workbench.compliance.checks.engine import Finding
from workbench.compliance.checks.rule_catalogue import summary


def group_key(finding: Finding, by: str) -> str:
    if by == "rule":
        return finding.rule_id
    return f"{finding.link.kind.value} {finding.link.id}"


def group_heading(members: Sequence[Finding], by: str) -> str:
    first = members[0]
    if by == "rule":
        what = summary(first.rule_id)
        return f"{first.rule_id} — {what}" if what else first.rule_id
    name = f" — {first.entity_name}" if first.entity_name else ""
    return f"{first.link.kind.value} {first.link.id}{name}"


def group_findings(findings: Sequence[Finding], by: str) -> list[tuple[str, list[Finding]]]:
    """(heading, findings) per group: the most severe groups first, then the largest."""
    if by not in ("rule", "record"):
        raise ValueError(f"group by 'rule' or 'record', not {by!r}")
    groups: dict[str, list[Finding]] = {}
    for finding in findings:
        groups.setdefault(group_key(finding, by), []).append(finding)
    ordered = sorted(
        groups.items(),
        key=lambda item: (-max(f.severity.rank for f in item[1]), -len(item[1]), item[0]),
    )
    return [(group_heading(members, by), members) for _key, members in ordered]
