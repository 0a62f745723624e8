"""Facts several rules share: which subprocessors handle health data, which are hosts."""

from __future__ import annotations

import re

from workbench.compliance.certification_status import assess
from workbench.compliance.snapshot import RegisterSnapshot
from workbench.domain.enums import CertificationKind, SubprocessorCategory
from workbench.domain.records import Certification, Subprocessor

_HOSTING_WORDS = re.compile(r"h[ée]berg|hosting|\bhds\b|datacenter|centre de donn|iaas|paas", re.I)
# What a service description says about the HDS activities it needs (CSP R.1111-9). Inferred,
# so a finding names the activities it assumed; a description saying nothing needs any one.
_ACTIVITY_WORDS = (
    (re.compile(r"datacenter|centre de donn|physi", re.I), (1, 2)),
    (re.compile(r"iaas|infrastructure", re.I), (3,)),
    (re.compile(r"paas|plate-?forme|platform", re.I), (4,)),
    (re.compile(r"infog[ée]r|administration|exploitation|managed", re.I), (5,)),
    (re.compile(r"sauvegarde|backup", re.I), (6,)),
)


def handles_health_data(snapshot: RegisterSnapshot, sub: Subprocessor) -> bool:
    if sub.processes_health_data:
        return True
    sid = sub.id if sub.id is not None else -1
    return any(t.processes_health_data for t in snapshot.treatments_by_subprocessor.get(sid, ()))


def is_host(sub: Subprocessor) -> bool:
    return sub.category is SubprocessorCategory.HOSTING or bool(
        _HOSTING_WORDS.search(sub.service_description)
    )


def health_hosts(snapshot: RegisterSnapshot) -> list[Subprocessor]:
    return [s for s in snapshot.subprocessors if is_host(s) and handles_health_data(snapshot, s)]


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
