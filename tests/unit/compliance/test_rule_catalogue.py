"""The rule catalogue: every rule described and cited, the README's table generated from it."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from workbench.compliance.checks import ALL_RULES
from workbench.compliance.checks.rule_catalogue import RULE_TEXTS, catalogue_markdown
from workbench.domain import breaches, records, subject_requests

README = Path(__file__).resolve().parents[3] / "README.md"
_RECORD_TYPES = (
    records.Organisation,
    records.Treatment,
    records.Subprocessor,
    records.Certification,
    records.Audit,
    records.Notification,
    breaches.Breach,
    subject_requests.DataSubjectRequest,
)


def test_every_rule_says_what_it_checks_and_cites_its_reference() -> None:
    ids = {r.id for r in ALL_RULES}
    assert len(ids) == len(ALL_RULES)  # ids are unique
    assert set(RULE_TEXTS) == ids  # no rule undescribed, no description of a removed rule
    assert all(r.source.strip() for r in ALL_RULES)


def test_the_fields_a_rule_reads_exist_on_some_record() -> None:
    known = {f.name for t in _RECORD_TYPES for f in dataclasses.fields(t)}
    unknown = {(rule, f) for rule, text in RULE_TEXTS.items() for f in text.reads if f not in known}
    assert unknown == set()


def test_the_readme_lists_the_catalogue_as_generated() -> None:
    table = catalogue_markdown()
    assert table in README.read_text(encoding="utf-8"), "run: python tools/rule_catalogue.py"
    assert table.count("\n| `") == len(ALL_RULES)
