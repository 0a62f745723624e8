"""Retention periods confronted with the French health-sector references.

CSP R.1112-7: a health establishment keeps the medical record 20 years from the patient's last
stay or external consultation (shared DOMAIN.md §7, verified against relyens.eu and MACSF);
the CNIL's 2020 referential applies the same 20 years to private practice by analogy. A
teleconsultation record is part of the medical record, so a shorter period needs a reason.

Whether a treatment holds the medical record is read from its name and purpose: the
application's reading, so the finding is "to be verified", never an error.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from workbench.compliance.checks._proof import read_by_rule, to_verify
from workbench.compliance.checks.engine import Finding, Rule
from workbench.compliance.checks.severity import Severity
from workbench.compliance.snapshot import EntityLink, RegisterSnapshot
from workbench.domain.enums import EntityKind, RetentionUnit
from workbench.domain.records import Retention
from workbench.i18n import _

MEDICAL_RECORD_YEARS = 20  # CSP R.1112-7
_MEDICAL_RECORD = re.compile(
    r"t[ée]l[ée]-?consultation|teleconsultation|t[ée]l[ée]-?expertise|tele-?expertise"
    r"|dossier\s+(?:m[ée]dical|patient|de\s+soins)|medical\s+record|patient\s+record",
    re.I,
)
_MONTHS = {
    RetentionUnit.DAY: 1 / 30,
    RetentionUnit.WEEK: 7 / 30,
    RetentionUnit.MONTH: 1,
    RetentionUnit.YEAR: 12,
}


def _months(retention: Retention) -> float | None:
    if retention.duration is None or retention.unit is None:
        return None
    return retention.duration * _MONTHS[retention.unit]


def check_medical_record_retention(snapshot: RegisterSnapshot) -> Iterator[Finding]:
    for t in snapshot.live_treatments:
        months = _months(t.retention)
        words = _MEDICAL_RECORD.search(f"{t.name} {t.purpose}")
        if t.id is None or words is None or months is None or not t.processes_health_data:
            continue
        if months >= MEDICAL_RECORD_YEARS * 12:
            continue
        finding = Finding(
            TREATMENT_RETENTION_BELOW_MEDICAL_RECORD.id,
            Severity.WARNING,
            _(
                'The treatment "{name}" keeps its data {period}, but a medical record is kept '
                "{years} years from the last stay or consultation (CSP R.1112-7; CNIL "
                "referential of 2020 for private practice)."
            ).format(
                name=t.name,
                period=t.retention.text or "?",
                years=MEDICAL_RECORD_YEARS,
            ),
            _(
                "Set the retention to 20 years from the last consultation (28th birthday for a "
                "minor, 10 years after death), or record why a shorter period applies (the "
                "record is kept by the practitioner's own file, for instance); as processor, "
                "ask the controller which period it decided."
            ),
            EntityLink(EntityKind.TREATMENT, t.id),
            t.name,
        )
        yield to_verify(
            finding,
            read_by_rule(
                "retention",
                words.group(0),
                _("a medical record by the treatment's name or purpose"),
            ),
        )


TREATMENT_RETENTION_BELOW_MEDICAL_RECORD = Rule(
    "treatment-retention-below-medical-record", Severity.WARNING, "CSP R.1112-7"
)
CHECKS = (check_medical_record_retention,)
