"""`check --json` written finding by finding: the same text as one `json.dump` of the list, and
the facts and fingerprints an acknowledgement stored by an earlier version still match."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
from contextlib import redirect_stdout
from typing import Any

import pytest

from workbench.cli._common import print_json, print_json_array
from workbench.compliance.acknowledgements import fingerprint, stated_facts
from workbench.compliance.checks.rule_catalogue import reads
from workbench.compliance.snapshot import EntityLink
from workbench.domain import Location, Organisation, OrganisationKind, Subprocessor, codec
from workbench.domain.enums import EntityKind
from workbench.services import Register
from workbench.services.compliance_service import ComplianceService


def _printed(write: Any, payload: Any) -> str:
    out = io.StringIO()
    with redirect_stdout(out):
        write(payload)
    return out.getvalue()


@pytest.mark.parametrize(
    "rows",
    [
        [],
        [{}],
        [{"a": 1}],
        [{"rule": "x", "nested": {"list": [1, [], {}], "text": "ligne 1\nligne 2 «é»"}}, {"b": []}],
        [[1, 2], "texte", None],
    ],
)
def test_the_streamed_array_is_the_text_of_one_dump(rows: list[Any]) -> None:
    assert _printed(print_json_array, iter(rows)) == _printed(print_json, rows)


def test_facts_and_fingerprint_are_those_of_the_whole_record_encoding(register: Register) -> None:
    org = register.organisations.create(Organisation("Medaviz", OrganisationKind.OWN)).ids[0]
    sub_id = register.subprocessors.create(
        Subprocessor(organisation_id=org, name="Outil US", locations=(Location("US"),))
    ).ids[0]
    review = ComplianceService(register).review(dt.date(2026, 12, 2))
    finding = next(f for f in review.open if f.rule_id == "transfer-without-mechanism")
    record = review.snapshot.record_by_link[EntityLink(EntityKind.SUBPROCESSOR, sub_id)]
    assert isinstance(record, Subprocessor)
    assert record.name == "Outil US"

    whole = codec.to_dict(record)
    fields = reads(finding.rule_id)
    assert fields
    assert set(fields) <= set(whole)
    assert stated_facts(review.snapshot, finding) == {f: whole[f] for f in fields}
    # the formula acknowledgements were stored with: a change here would reopen them all
    facts = {
        "rule": finding.rule_id,
        "record": ["subprocessor", sub_id],
        "stated": {f: whole[f] for f in fields},
        "inferred": [],
    }
    text = json.dumps(facts, sort_keys=True, ensure_ascii=False, default=str)
    assert fingerprint(review.snapshot, finding) == hashlib.sha256(text.encode()).hexdigest()
