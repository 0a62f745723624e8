"""Acknowledged findings: a DPO's reasoned "known, accepted" that stops a finding recurring
until the facts it rests on change.

A finding is named by its rule and its record (`FindingKey`). Its fingerprint hashes what it
rests on: the stated values of the fields its rule reads on that record (rule_catalogue) and
the inferred values it names (their field, origin and source text). Change one and the
fingerprint changes: the acknowledgement no longer matches and the finding is back.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from workbench.compliance.checks.engine import Finding
from workbench.compliance.checks.rule_catalogue import reads
from workbench.compliance.snapshot import EntityLink, RegisterSnapshot
from workbench.domain import codec

FindingKey = tuple[str, EntityLink]  # (rule id, record)


@dataclass(frozen=True, slots=True)
class Acknowledgement:
    rule_id: str
    link: EntityLink
    fingerprint: str
    reason: str
    author: str
    at: dt.datetime

    @property
    def key(self) -> FindingKey:
        return (self.rule_id, self.link)


def key_of(finding: Finding) -> FindingKey:
    return (finding.rule_id, finding.link)


def record_of(snapshot: RegisterSnapshot, link: EntityLink) -> object | None:
    return snapshot.record_by_link.get(link)


def stated_facts(snapshot: RegisterSnapshot, finding: Finding) -> dict[str, Any]:
    """The values (as JSON) of the fields the finding's rule reads on its record, except those
    the finding names as inferred (they are its `unconfirmed` facts)."""
    record = record_of(snapshot, finding.link)
    if record is None:
        return {}
    inferred = {m.field.split(".", maxsplit=1)[0] for m in finding.unconfirmed}
    present = codec.field_names(record)
    fields = [f for f in reads(finding.rule_id) if f in present and f not in inferred]
    return codec.encoded_fields(record, fields)


def fingerprint(snapshot: RegisterSnapshot, finding: Finding) -> str:
    record = record_of(snapshot, finding.link)
    fields = reads(finding.rule_id)
    if record is None:
        stated: dict[str, Any] = dict.fromkeys(fields)
    elif fields:
        stated = codec.encoded_fields(record, fields)
    else:
        values = codec.to_dict(record)
        stated = {k: values[k] for k in sorted(values) if k not in ("version", "unconfirmed")}
    facts = {
        "rule": finding.rule_id,
        "record": [finding.link.kind.value, finding.link.id],
        "stated": stated,
        "inferred": sorted([m.field, m.origin.value, m.source_text] for m in finding.unconfirmed),
    }
    text = json.dumps(facts, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def split_acknowledged(
    snapshot: RegisterSnapshot,
    findings: Iterable[Finding],
    acknowledgements: Mapping[FindingKey, Acknowledgement],
) -> tuple[list[Finding], list[tuple[Finding, Acknowledgement]]]:
    """(the findings still open, the ones an acknowledgement of the same facts covers)."""
    open_findings: list[Finding] = []
    covered: list[tuple[Finding, Acknowledgement]] = []
    for finding in findings:
        ack = acknowledgements.get(key_of(finding))
        if ack is not None and ack.fingerprint == fingerprint(snapshot, finding):
            covered.append((finding, ack))
        else:
            open_findings.append(finding)
    return open_findings, covered
