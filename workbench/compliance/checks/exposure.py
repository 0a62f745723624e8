"""Health data hosted in the EEA by a group headquartered outside it.

Hosting in the EEA does not end a non-EEA group's exposure to its home country's law, which
may compel it to give access to data it holds anywhere (for US groups, the CLOUD Act of 2018).
The HDS v2 referential (arrêté du 26 avril 2024) asks the host to state in its contract any
access from outside the EEA and the risks, and to publish a map of its transfers (exigences 29
and 30 in the hosts' transparency tables; shared DOMAIN.md §3.4). The checks ask; they cannot
know. Which group a provider belongs to is read from its name: to be verified.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from workbench.compliance.checks._facts import handles_health_data
from workbench.compliance.checks._proof import read_by_rule, to_verify
from workbench.compliance.checks.engine import Finding, Rule
from workbench.compliance.checks.severity import Severity
from workbench.compliance.locations import describe, outside_eea
from workbench.compliance.snapshot import EntityLink, RegisterSnapshot
from workbench.domain.enums import EntityKind
from workbench.i18n import _

# Providers headquartered in the United States that commonly host or process in the EEA.
_US_GROUPS = re.compile(
    r"\b(?:amazon|aws|microsoft|azure|google|gcp|firebase|oracle|ibm|salesforce|zendesk"
    r"|twilio|sendgrid|cloudflare|datadog|new\s*relic|sentry|stripe|okta|auth0|hubspot"
    r"|zapier|calendly|pipedrive|docusign|ovh\s+cloud\s+us)\b",
    re.I,
)


def check_foreign_group_in_eea(snapshot: RegisterSnapshot) -> Iterator[Finding]:
    for sub in snapshot.subprocessors:
        group = _US_GROUPS.search(f"{sub.name} {sub.legal_entity}")
        if (
            sub.id is None
            or group is None
            or not sub.locations
            or any(outside_eea(loc) for loc in sub.locations)  # the transfer rules apply
            or not handles_health_data(snapshot, sub)
        ):
            continue
        finding = Finding(
            HOSTING_FOREIGN_GROUP_IN_EEA.id,
            Severity.WARNING,
            _(
                "{name} holds health data in the EEA ({where}) but belongs to a group "
                "headquartered in the United States, whose law may compel it to give access "
                "from outside the EEA (CLOUD Act). The HDS v2 referential asks the host to "
                "disclose any access from outside the EEA and its risks."
            ).format(name=sub.name, where=describe(sub.locations)),
            _(
                "Ask {name} for its HDS v2 transparency statement (access from outside the EEA, "
                "which countries, exposure to non-European law), record any such access as a "
                "location with its transfer safeguard, and weigh the risk in the DPIA."
            ).format(name=sub.name),
            EntityLink(EntityKind.SUBPROCESSOR, sub.id),
            sub.name,
        )
        yield to_verify(
            finding,
            read_by_rule(
                "legal_entity",
                group.group(0),
                _("a group headquartered in the United States, by its name"),
            ),
        )


HOSTING_FOREIGN_GROUP_IN_EEA = Rule(
    "hosting-foreign-group-in-eea",
    Severity.WARNING,
    "GDPR Art. 28(1), 32, 48; HDS referential v2 (arrêté du 26 avril 2024), exigences 29-30",
)
CHECKS = (check_foreign_group_in_eea,)
