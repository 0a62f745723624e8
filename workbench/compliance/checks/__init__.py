"""The compliance checks: every rule, and the checks that produce their findings."""

from typing import TYPE_CHECKING

from workbench.lazy_exports import lazy_exports

if TYPE_CHECKING:
    from workbench.compliance.checks.catalogue import ALL_CHECKS, ALL_RULES
    from workbench.compliance.checks.engine import Check, Finding, Rule, run_checks
    from workbench.compliance.checks.severity import Severity

# The rule modules (and the public-holiday calendar) load when the checks are first wanted,
# not with `Severity` (the CLI's --severity choices).
__getattr__ = lazy_exports(
    __name__,
    {
        "workbench.compliance.checks.catalogue": ["ALL_CHECKS", "ALL_RULES"],
        "workbench.compliance.checks.engine": [
            "Check",
            "Finding",
            "Rule",
            "run_checks",
        ],
        "workbench.compliance.checks.severity": ["Severity"],
    },
)

__all__ = ["ALL_CHECKS", "ALL_RULES", "Check", "Finding", "Rule", "Severity", "run_checks"]
