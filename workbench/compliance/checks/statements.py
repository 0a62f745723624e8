"""Statements the register makes about itself, confronted with its own data.

The seed policy says "Medaviz n'effectue aucun transfert de données à caractère personnel de santé
hors de l'Union européenne" while its subprocessor list hosts patients' medical data at "OVH Cloud
US LLC" in the USA: one of the two is wrong, and the DPO must know which.
"""

from __future__ import annotations

from collections.abc import Iterator

from workbench.compliance.checks._facts import (
    handles_health_data,
    hds_applies_basis,
    health_hosts,
    usable_hds_certificates,
)
from workbench.compliance.checks._proof import Basis, basis, to_verify
from workbench.compliance.checks.engine import Finding, Rule
from workbench.compliance.checks.severity import Severity
from workbench.compliance.locations import outside_eea, outside_eu
from workbench.compliance.settings import Statement, StatementCode
from workbench.compliance.snapshot import EntityLink, RegisterSnapshot
from workbench.domain.enums import EntityKind
from workbench.domain.records import Subprocessor
from workbench.i18n import _


def _contradicting(statement: Statement, snapshot: RegisterSnapshot) -> list[Subprocessor]:
    scope = [
        s
        for s in snapshot.subprocessors
        if statement.organisation_id is None or s.organisation_id == statement.organisation_id
    ]
    if statement.code is StatementCode.NO_HEALTH_DATA_OUTSIDE_EU:
        return [
            s
            for s in scope
            if handles_health_data(snapshot, s) and any(outside_eu(loc) for loc in s.locations)
        ]
    if statement.code is StatementCode.NO_DATA_OUTSIDE_EEA:
        return [s for s in scope if any(outside_eea(loc) for loc in s.locations)]
    hosts = {s.id for s in health_hosts(snapshot)}
    return [s for s in scope if s.id in hosts and not usable_hds_certificates(snapshot, s)]


def check_statements(snapshot: RegisterSnapshot) -> Iterator[Finding]:
    for statement in snapshot.settings.statements:
        quoted = statement.text or statement.code.value
        where = f" ({statement.source})" if statement.source else ""
        for sub in _contradicting(statement, snapshot):
            if sub.id is None:
                continue
            finding = Finding(
                STATEMENT_CONTRADICTED.id,
                Severity.ERROR,
                _(
                    'The register states "{statement}"{where}, but {name} contradicts it '
                    "(location: {location})."
                ).format(
                    statement=quoted,
                    where=where,
                    name=sub.name,
                    location=sub.location_text or ", ".join(loc.code for loc in sub.locations),
                ),
                _(
                    "Either correct the subprocessor's record (location, data, certificate) or "
                    "withdraw the statement from the published documents and the register."
                ),
                EntityLink(EntityKind.SUBPROCESSOR, sub.id),
                sub.name,
            )
            yield to_verify(finding, _basis(statement, snapshot, sub))


def _basis(statement: Statement, snapshot: RegisterSnapshot, sub: Subprocessor) -> Basis:
    """The unconfirmed values the contradiction rests on."""
    if statement.code is StatementCode.NO_HEALTH_DATA_OUTSIDE_EU:
        return basis(sub, "locations", "data_categories")
    if statement.code is StatementCode.NO_DATA_OUTSIDE_EEA:
        return basis(sub, "locations")
    return hds_applies_basis(snapshot, sub)


STATEMENT_CONTRADICTED = Rule("statement-contradicted", Severity.ERROR, "GDPR Art. 5(1)(a), 13")
CHECKS = (check_statements,)
