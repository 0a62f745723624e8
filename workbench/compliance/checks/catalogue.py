"""Every check and every rule, gathered from the rule modules."""

from workbench.compliance.checks import (
    actors,
    breaches,
    certificates,
    exposure,
    hosting,
    records,
    retention,
    safeguards,
    statements,
    tracking,
    transfer_bases,
    transfers,
)
from workbench.compliance.checks.engine import Check, Rule

_MODULES = (
    transfers,
    transfer_bases,
    hosting,
    exposure,
    certificates,
    records,
    retention,
    actors,
    safeguards,
    tracking,
    statements,
    breaches,
)
ALL_CHECKS: tuple[Check, ...] = tuple(check for module in _MODULES for check in module.CHECKS)
ALL_RULES: tuple[Rule, ...] = tuple(
    value for module in _MODULES for value in vars(module).values() if isinstance(value, Rule)
)
