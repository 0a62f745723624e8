"""Facts several rules share: which subprocessors handle health data, which are hosts."""

from __future__ import annotations

import re

from workbench.compliance.certification_status import assess
from workbench.compliance.checks._proof import Basis, basis
from workbench.compliance.snapshot import RegisterSnapshot
from workbench.domain.enums import (
    CertificationKind,
    InferenceOrigin,
    Role,
    SubprocessorCategory,
    TransferMechanism,
)
from workbench.domain.records import Certification, Subprocessor, Unconfirmed
from workbench.domain.reference import transfer_mechanisms
from workbench.i18n import _, current_locale

_HOSTING_WORDS = re.compile(r"h[ée]berg|hosting|\bhds\b|datacenter|centre de donn|iaas|paas", re.I)
_HOSTING_PHRASE = re.compile(rf"(?:{_HOSTING_WORDS.pattern})\w*", re.I)  # to the end of the word
# What a service description says about the HDS activities it needs (CSP R.1111-9). Inferred,
# so a finding names the activities it assumed; a description saying nothing needs any one.
_ACTIVITY_WORDS = (
    (re.compile(r"datacenter|centre de donn|physi", re.I), (1, 2)),
    (re.compile(r"iaas|infrastructure", re.I), (3,)),
    (re.compile(r"paas|plate-?forme|platform", re.I), (4,)),
    (re.compile(r"infog[ée]r|administration|exploitation|managed", re.I), (5,)),
    (re.compile(r"sauvegarde|backup", re.I), (6,)),
)


# "immédiatement supprimé", "deleted immediately", "transit only": data that passes through.
_TRANSIT_WORDS = re.compile(
    r"imm[ée]diatement\s+(?:supprim|effac)\w*|supprim\w*\s+imm[ée]diatement"
    r"|deleted\s+(?:immediately|at once)|immediately\s+deleted|\bnot\s+stored\b"
    r"|\ben\s+transit\b|\bin\s+transit\b|transit\s+only|aucune\s+conservation",
    re.I,
)
# Social networks whose plug-ins, pixels or pages make the site operator a joint controller
# (CJEU C-210/16 Wirtschaftsakademie, 5 June 2018; C-40/17 Fashion ID, 29 July 2019).
_SOCIAL_NETWORKS = re.compile(
    r"\b(?:linkedin|facebook|meta\s+platforms|instagram|twitter|x\s+corp|tiktok|youtube"
    r"|pinterest|snapchat)\b|r[ée]seaux?\s+socia|social\s+(?:network|media|plug-?in)",
    re.I,
)


def transit_words(sub: Subprocessor) -> str:
    """The words saying the provider keeps nothing ("immédiatement supprimé"), or ""."""
    found = _TRANSIT_WORDS.search(f"{sub.service_description} {sub.location_text}")
    return found.group(0) if found else ""


def social_network_words(sub: Subprocessor) -> str:
    """The words naming a social network (by name or description), or ""."""
    found = _SOCIAL_NETWORKS.search(f"{sub.name} {sub.legal_entity} {sub.service_description}")
    return found.group(0) if found else ""


def handles_health_data(snapshot: RegisterSnapshot, sub: Subprocessor) -> bool:
    return sub.processes_health_data or serves_health_treatments(snapshot, sub)


def serves_health_treatments(snapshot: RegisterSnapshot, sub: Subprocessor) -> bool:
    sid = sub.id if sub.id is not None else -1
    return any(t.processes_health_data for t in snapshot.treatments_by_subprocessor.get(sid, ()))


def is_host(sub: Subprocessor) -> bool:
    return sub.category is SubprocessorCategory.HOSTING or bool(
        _HOSTING_WORDS.search(sub.service_description)
    )


def health_hosts(snapshot: RegisterSnapshot) -> list[Subprocessor]:
    """Providers HDS certification concerns (CSP L.1111-8): hosts of the health data of the
    treatments they serve, and any provider that holds health data itself, whatever its
    category ("tickets including health data" at a customer-support tool)."""
    return [
        s
        for s in snapshot.subprocessors
        if s.processes_health_data or (is_host(s) and handles_health_data(snapshot, s))
    ]


def hds_applies_basis(snapshot: RegisterSnapshot, sub: Subprocessor) -> Basis:
    """The unconfirmed values that make `sub` a health data host; empty when it is stated.

    A host by its category is stated (a person classified it); a host only by the words of its
    service description ("centre de données") is the application's reading, to be confirmed:
    Twilio's "centre de données ... identifié aux États-Unis" where the data is deleted at once.
    """
    health_stated = sub.processes_health_data and not basis(sub, "data_categories")
    category_host = sub.category is SubprocessorCategory.HOSTING and not basis(sub, "category")
    if health_stated or (category_host and serves_health_treatments(snapshot, sub)):
        return ()
    found = basis(sub, "data_categories", "category")
    words = _HOSTING_PHRASE.search(sub.service_description)
    if words is not None and not category_host:
        read = Unconfirmed(
            "category",
            InferenceOrigin.RULE,
            source_text=words.group(0),
            note=_("a host by the words of its service description"),
        )
        found += (("", read),)
    return found


def needed_activities(sub: Subprocessor) -> frozenset[int]:
    needed: set[int] = set()
    for pattern, activities in _ACTIVITY_WORDS:
        if pattern.search(sub.service_description):
            needed.update(activities)
    return frozenset(needed)


def usable_hds_certificates(snapshot: RegisterSnapshot, sub: Subprocessor) -> list[Certification]:
    sid = sub.id if sub.id is not None else -1
    return [
        c
        for c in snapshot.certifications_by_subprocessor.get(sid, ())
        if c.kind is CertificationKind.HDS
        and assess(c, snapshot.today, snapshot.settings.expiring_within_days).status.is_usable
    ]


def hds_certificates(snapshot: RegisterSnapshot, sub: Subprocessor) -> list[Certification]:
    sid = sub.id if sub.id is not None else -1
    return [
        c
        for c in snapshot.certifications_by_subprocessor.get(sid, ())
        if c.kind is CertificationKind.HDS
    ]


def roles_towards(snapshot: RegisterSnapshot, sub: Subprocessor) -> frozenset[Role]:
    """What the organisation that engaged `sub` is, for the treatments `sub` serves: controller
    (the subprocessor is its processor) or processor (the subprocessor is a sub-processor,
    also where it serves another own organisation's treatment through the chain)."""
    sid = sub.id if sub.id is not None else -1
    return frozenset(
        t.role if t.organisation_id == sub.organisation_id else Role.PROCESSOR
        for t in snapshot.treatments_by_subprocessor.get(sid, ())
    )


# Decision (EU) 2021/914: module 2 controller to processor, module 3 processor to processor.
SCC_MODULE_FOR_ROLE = {
    Role.CONTROLLER: TransferMechanism.SCC_EU_2021_914_M2,
    Role.PROCESSOR: TransferMechanism.SCC_EU_2021_914_M3,
}


def mechanism_label(mechanism: TransferMechanism | None) -> str:
    if mechanism is None:
        return "?"
    info = transfer_mechanisms().get(mechanism.value)
    return info.label(current_locale()) if info else mechanism.value
