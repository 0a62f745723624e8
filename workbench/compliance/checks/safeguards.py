"""Security measures (Art. 30(1)(g), 30(2)(d)) and impact assessments (Art. 35) per record.

Both are reported per organisation when many records share the gap (one policy, one decision
on the DPIAs to make), and per treatment where the record itself states a duty not met.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from workbench.compliance.checks._proof import basis, marks, reasons, to_verify
from workbench.compliance.checks.actors import names
from workbench.compliance.checks.engine import Finding, Rule
from workbench.compliance.checks.severity import Severity
from workbench.compliance.snapshot import EntityLink, RegisterSnapshot
from workbench.domain.enums import DpiaStatus, EntityKind, Role, TreatmentStatus
from workbench.domain.records import Treatment
from workbench.i18n import _, ngettext


def check_security_measures(snapshot: RegisterSnapshot) -> Iterator[Finding]:
    without: dict[int, list[Treatment]] = defaultdict(list)
    for t in snapshot.live_treatments:
        if not any(m.strip() for m in t.security_measures):
            without[t.organisation_id].append(t)
    for oid, treatments in without.items():
        org = snapshot.organisation_by_id.get(oid)
        if org is None:
            continue
        link = EntityLink(EntityKind.ORGANISATION, oid)
        count = len(treatments)
        if org.security_policy is None:
            yield Finding(
                TREATMENT_NO_SECURITY_MEASURES.id,
                Severity.WARNING,
                ngettext(
                    "{count} record of {name} describes no security measures ({names}), and "
                    "{name} has no security policy for it to refer to (GDPR Art. 30(1)(g), "
                    "30(2)(d)).",
                    "{count} records of {name} describe no security measures ({names}), and "
                    "{name} has no security policy for them to refer to (GDPR Art. 30(1)(g), "
                    "30(2)(d)).",
                    count,
                ).format(count=count, name=org.name, names=names(treatments)),
                _(
                    "Record the organisation's security policy (title, version, date, "
                    "reference), or each record's own Art. 32 measures (access control, "
                    "logging, encryption, backups...)."
                ),
                link,
                org.name,
            )
            continue
        policy = basis(org, "security_policy")
        if policy:
            yield Finding(
                TREATMENT_NO_SECURITY_MEASURES.id,
                Severity.WARNING,
                ngettext(
                    "{count} record of {name} refers to its security policy for its security "
                    "measures (GDPR Art. 30(1)(g)), but the policy is not confirmed ({reasons}).",
                    "{count} records of {name} refer to its security policy for their security "
                    "measures (GDPR Art. 30(1)(g)), but the policy is not confirmed ({reasons}).",
                    count,
                ).format(count=count, name=org.name, reasons=reasons(policy)),
                _("Check the policy's title, version and date, and confirm or correct them."),
                link,
                org.name,
                marks(policy),
            )


def check_dpia(snapshot: RegisterSnapshot) -> Iterator[Finding]:
    unknown: dict[int, list[Treatment]] = defaultdict(list)
    for t in snapshot.live_treatments:
        if t.role is not Role.CONTROLLER or t.id is None:
            continue  # the DPIA is the controller's; a processor assists (Art. 28(3)(f))
        if t.dpia.status is DpiaStatus.UNKNOWN and t.processes_health_data:
            unknown[t.organisation_id].append(t)
        elif t.dpia.status is DpiaStatus.REQUIRED:
            active = t.status is TreatmentStatus.ACTIVE
            finding = Finding(
                TREATMENT_DPIA_NOT_DONE.id,
                Severity.ERROR if active else Severity.WARNING,
                _(
                    'A DPIA is required for the treatment "{name}" and is not recorded as '
                    "done: GDPR Art. 35(1) requires it before the processing."
                ).format(name=t.name),
                _(
                    "Carry out the impact assessment and record the date it was done, or "
                    "record why it is not required."
                ),
                EntityLink(EntityKind.TREATMENT, t.id),
                t.name,
            )
            yield to_verify(finding, basis(t, "dpia"))
    for oid, treatments in unknown.items():
        org = snapshot.organisation_by_id.get(oid)
        if org is None:
            continue
        yield Finding(
            TREATMENT_DPIA_UNKNOWN.id,
            Severity.WARNING,
            ngettext(
                "{count} treatment of {name} processes health data and has no DPIA status "
                "({names}).",
                "{count} treatments of {name} process health data and have no DPIA status "
                "({names}).",
                len(treatments),
            ).format(count=len(treatments), name=org.name, names=names(treatments))
            + " "
            + _(
                "A DPIA is required for processing health data on a large scale (GDPR "
                "Art. 35(3)(b)) and for the health processing on the CNIL's list (délibération "
                "n° 2018-327 of 11 October 2018); large scale is assumed here from the health "
                "data."
            ),
            _(
                "Record for each treatment whether a DPIA is required, not required (with the "
                "reason) or done (with its date)."
            ),
            EntityLink(EntityKind.ORGANISATION, oid),
            org.name,
        )


TREATMENT_NO_SECURITY_MEASURES = Rule(
    "treatment-no-security-measures", Severity.WARNING, "GDPR Art. 30(1)(g), 30(2)(d), 32(1)"
)
TREATMENT_DPIA_UNKNOWN = Rule(
    "treatment-dpia-unknown", Severity.WARNING, "GDPR Art. 35(3)(b); CNIL délibération 2018-327"
)
TREATMENT_DPIA_NOT_DONE = Rule("treatment-dpia-not-done", Severity.ERROR, "GDPR Art. 35(1)")
CHECKS = (check_security_measures, check_dpia)
