"""One engine of named rules. A rule reads a `RegisterSnapshot` and yields findings.

A finding says what is wrong (`problem`) and how to fix it (`fix`), and links to the record to
open. Rule ids are stable: scripts filter on them and the UI groups by them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from workbench.compliance.checks.severity import Severity

if TYPE_CHECKING:  # annotations only: the engine loads without the snapshot
    from workbench.compliance.snapshot import EntityLink, RegisterSnapshot
    from workbench.domain.records import Unconfirmed


@dataclass(frozen=True, slots=True)
class Finding:
    rule_id: str
    severity: Severity
    problem: str
    fix: str
    link: EntityLink
    entity_name: str = ""
    # The unconfirmed values the finding rests on: such a finding says "to be verified" and is
    # never an error (the application does not present as fact what it guessed).
    unconfirmed: tuple[Unconfirmed, ...] = ()

    @property
    def message(self) -> str:
        return f"{self.problem} {self.fix}"


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    severity: Severity  # the usual severity; a finding may say otherwise (e.g. before a deadline)
    source: str  # the law or contract it comes from


# A check reads the snapshot and yields the findings of one or more related rules.
Check = Callable[["RegisterSnapshot"], Iterable[Finding]]


def run_checks(
    snapshot: RegisterSnapshot,
    checks: Sequence[Check],
    minimum: Severity = Severity.INFO,
) -> list[Finding]:
    """Every finding at or above `minimum`, most severe first, then by rule and record."""
    findings = [f for check in checks for f in check(snapshot) if f.severity.at_least(minimum)]
    findings.sort(key=lambda f: (-f.severity.rank, f.rule_id, f.link))
    return findings
