"""Transfers outside the EEA need an adequacy decision or a safeguard (GDPR Art. 44 to 46)."""

from __future__ import annotations

from collections.abc import Iterator

from workbench.compliance.checks.engine import Finding, Rule, Severity
from workbench.compliance.locations import describe, outside_eea
from workbench.compliance.snapshot import EntityLink, RegisterSnapshot
from workbench.domain.enums import EntityKind, LocationKind, TransferMechanism
from workbench.domain.records import Location, Subprocessor
from workbench.domain.reference import adequacy_for, normalise_country_code
from workbench.i18n import _

_ADEQUACY_CODES = (TransferMechanism.ADEQUACY, TransferMechanism.ADEQUACY_US_DPF)


def _covered(location: Location, sub: Subprocessor, snapshot: RegisterSnapshot) -> bool:
    mechanism = sub.transfer_mechanism
    if mechanism is not None and mechanism.is_safeguard and mechanism not in _ADEQUACY_CODES:
        return True  # an Art. 46 safeguard or an Art. 49 derogation is recorded
    if location.kind is LocationKind.REGION:
        return False
    code = normalise_country_code(location.code)
    decision = adequacy_for(code, snapshot.today)
    if decision is None:
        return False
    if code == "US":
        # Decision (EU) 2023/1795 covers only importers certified under the Data Privacy Framework.
        return mechanism is TransferMechanism.ADEQUACY_US_DPF
    return True


def check_transfers(snapshot: RegisterSnapshot) -> Iterator[Finding]:
    for sub in snapshot.subprocessors:
        uncovered = [
            loc for loc in sub.locations if outside_eea(loc) and not _covered(loc, sub, snapshot)
        ]
        if not uncovered or sub.id is None:
            continue
        recorded = sub.transfer_text or (sub.transfer_mechanism or _("none"))
        yield Finding(
            TRANSFER_WITHOUT_MECHANISM.id,
            Severity.ERROR,
            _(
                "{name} processes data outside the EEA ({countries}) with no adequacy "
                'decision and no transfer mechanism (recorded: "{recorded}").'
            ).format(
                name=sub.name,
                countries=describe(uncovered),
                recorded=recorded,
            ),
            _(
                "Put standard contractual clauses (module 3 for a subprocessor) or another "
                "Art. 46 safeguard in place and record it, or move the processing into the EEA; "
                "for the USA, record the adequacy decision only if the importer is certified "
                "under the Data Privacy Framework."
            ),
            EntityLink(EntityKind.SUBPROCESSOR, sub.id),
            sub.name,
        )


TRANSFER_WITHOUT_MECHANISM = Rule("transfer-without-mechanism", Severity.ERROR, "GDPR Art. 44-46")
CHECKS = (check_transfers,)
