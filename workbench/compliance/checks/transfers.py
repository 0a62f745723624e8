"""Transfers outside the EEA need an adequacy decision or a safeguard (GDPR Art. 44 to 46).

Only a confirmed mechanism counts: one the application read from free text or chose by a rule
is reported "to be confirmed" and does not cover the transfer until a person confirms it; the
countries, when inferred, make the conclusion "to be verified" too.
"""

from __future__ import annotations

from collections.abc import Iterator

from workbench.compliance.checks._facts import mechanism_label, roles_towards
from workbench.compliance.checks._proof import basis, marks, reasons, to_verify
from workbench.compliance.checks.engine import Finding, Rule
from workbench.compliance.checks.severity import Severity
from workbench.compliance.locations import describe, outside_eea
from workbench.compliance.snapshot import EntityLink, RegisterSnapshot
from workbench.domain.enums import EntityKind, LocationKind, Role, TransferMechanism
from workbench.domain.records import Location, Subprocessor
from workbench.domain.reference import adequacy_for, normalise_country_code
from workbench.i18n import _

_ADEQUACY_CODES = (TransferMechanism.ADEQUACY, TransferMechanism.ADEQUACY_US_DPF)


def is_safeguard(mechanism: TransferMechanism | None) -> bool:
    """An Art. 46 safeguard or an Art. 49 derogation: covers a transfer to any country."""
    return mechanism is not None and mechanism.is_safeguard and mechanism not in _ADEQUACY_CODES


def covered(
    location: Location, mechanism: TransferMechanism | None, snapshot: RegisterSnapshot
) -> bool:
    if is_safeguard(mechanism):
        return True
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


def stated_mechanism(sub: Subprocessor) -> TransferMechanism | None:
    """The mechanism a person stated or confirmed; None while it is only inferred."""
    return None if basis(sub, "transfer_mechanism") else sub.transfer_mechanism


def scc_advice(snapshot: RegisterSnapshot, sub: Subprocessor) -> str:
    """Which standard contractual clauses fit the organisation's role (Decision (EU) 2021/914)."""
    roles = roles_towards(snapshot, sub)
    if roles == {Role.CONTROLLER}:
        return _("standard contractual clauses 2021/914 module 2 (the organisation is controller)")
    if roles == {Role.PROCESSOR}:
        return _(
            "standard contractual clauses 2021/914 module 3 (the organisation is processor, "
            "this is its subprocessor)"
        )
    return _(
        "standard contractual clauses 2021/914 (module 2 where the organisation is controller, "
        "module 3 where it is processor)"
    )


def check_transfers(snapshot: RegisterSnapshot) -> Iterator[Finding]:
    for sub in snapshot.subprocessors:
        if sub.id is None:
            continue
        link = EntityLink(EntityKind.SUBPROCESSOR, sub.id)
        stated = stated_mechanism(sub)
        countries = basis(sub, "locations")
        uncovered = [
            loc for loc in sub.locations if outside_eea(loc) and not covered(loc, stated, snapshot)
        ]
        would_cover = []
        if sub.transfer_mechanism is not stated:
            # Inferred: say what it would cover, and do not count it.
            would_cover = [
                loc for loc in uncovered if covered(loc, sub.transfer_mechanism, snapshot)
            ]
            if would_cover:
                yield _inferred_mechanism(snapshot, sub, would_cover, link)
                uncovered = [loc for loc in uncovered if loc not in would_cover]
        if uncovered:
            yield to_verify(_without_mechanism(snapshot, sub, uncovered, link), countries)
        elif countries and not would_cover and not is_safeguard(stated):
            yield Finding(
                TRANSFER_TO_VERIFY.id,
                Severity.WARNING,
                _(
                    "The countries of {name} ({countries}) are not confirmed, and whether its "
                    "data leaves the EEA without a safeguard rests on them (GDPR Art. 44-46): "
                    "{reasons}."
                ).format(
                    name=sub.name, countries=describe(sub.locations), reasons=reasons(countries)
                ),
                _("Confirm the countries where the data is processed, or correct them."),
                link,
                sub.name,
                marks(countries),
            )


def _inferred_mechanism(
    snapshot: RegisterSnapshot, sub: Subprocessor, locations: list[Location], link: EntityLink
) -> Finding:
    rests_on = basis(sub, "transfer_mechanism", "locations")
    return Finding(
        TRANSFER_TO_VERIFY.id,
        Severity.WARNING,
        _(
            "The transfer mechanism of {name} ({mechanism}) is to be confirmed: {reasons}. Until "
            "a person confirms it, the transfer to {countries} is not counted as covered "
            "(GDPR Art. 44-46)."
        ).format(
            name=sub.name,
            mechanism=mechanism_label(sub.transfer_mechanism),
            reasons=reasons(rests_on),
            countries=describe(locations),
        ),
        _(
            "Check the mechanism in {name}'s contract (for the USA: its Data Privacy Framework "
            "certification) and confirm or correct it; otherwise put {clauses} in place."
        ).format(name=sub.name, clauses=scc_advice(snapshot, sub)),
        link,
        sub.name,
        marks(rests_on),
    )


def _without_mechanism(
    snapshot: RegisterSnapshot, sub: Subprocessor, uncovered: list[Location], link: EntityLink
) -> Finding:
    recorded = sub.transfer_text or (sub.transfer_mechanism or _("none"))
    if all(normalise_country_code(loc.code) == "US" for loc in uncovered):
        # The US has an adequacy decision for certified importers: the question is whether
        # this one is certified, not whether a decision exists (Decision (EU) 2023/1795).
        problem = _(
            "{name} processes data in the United States with no transfer basis recorded "
            '(recorded: "{recorded}"): the adequacy decision for the United States (EU-US Data '
            "Privacy Framework, Decision (EU) 2023/1795) covers only importers certified under "
            "it, and no certification of {name} is recorded."
        ).format(name=sub.name, recorded=recorded)
        fix = _(
            "Check whether {name} is certified on the Data Privacy Framework list and, if so, "
            "record the DPF adequacy decision; otherwise put {clauses} or another Art. 46 "
            "safeguard in place and record it, or move the processing into the EEA."
        ).format(name=sub.name, clauses=scc_advice(snapshot, sub))
    else:
        problem = _(
            "{name} processes data outside the EEA ({countries}) with no adequacy "
            'decision and no transfer mechanism (recorded: "{recorded}").'
        ).format(name=sub.name, countries=describe(uncovered), recorded=recorded)
        fix = _(
            "Put {clauses} or another Art. 46 safeguard in place and record it, or move the "
            "processing into the EEA; for the USA, record the adequacy decision only if the "
            "importer is certified under the Data Privacy Framework."
        ).format(clauses=scc_advice(snapshot, sub))
    return Finding(TRANSFER_WITHOUT_MECHANISM.id, Severity.ERROR, problem, fix, link, sub.name)


TRANSFER_WITHOUT_MECHANISM = Rule("transfer-without-mechanism", Severity.ERROR, "GDPR Art. 44-46")
TRANSFER_TO_VERIFY = Rule("transfer-to-verify", Severity.WARNING, "GDPR Art. 44-46")
CHECKS = (check_transfers,)
