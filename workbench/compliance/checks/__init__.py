"""The compliance checks: every rule, and the checks that produce their findings."""

from workbench.compliance.checks import (
    breaches,
    certificates,
    hosting,
    records,
    statements,
    tracking,
    transfers,
)
from workbench.compliance.checks.engine import Check, Finding, Rule, Severity, run_checks

ALL_CHECKS: tuple[Check, ...] = (
    *transfers.CHECKS,
    *hosting.CHECKS,
    *certificates.CHECKS,
    *records.CHECKS,
    *tracking.CHECKS,
    *statements.CHECKS,
    *breaches.CHECKS,
)
ALL_RULES: tuple[Rule, ...] = tuple(
    value
    for module in (transfers, hosting, certificates, records, tracking, statements, breaches)
    for value in vars(module).values()
    if isinstance(value, Rule)
)

__all__ = ["ALL_CHECKS", "ALL_RULES", "Check", "Finding", "Rule", "Severity", "run_checks"]
