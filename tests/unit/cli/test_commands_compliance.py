"""`dpo-workbench check` and `notify` in-process, as a script would run them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workbench.cli.main import main
from workbench.services.demo import ensure_demo_register


def demo_file(tmp_path: Path) -> str:
    """The demo register in a file of the test's own (--demo always uses its own file)."""
    path = tmp_path / "demo.sqlite"
    ensure_demo_register(path).close()
    return str(path)


def test_check_json_on_the_demo_exits_1_and_names_the_us_transfer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = demo_file(tmp_path)
    code = main(["--db", db, "check", "--json", "--today", "2026-09-01"])
    findings = json.loads(capsys.readouterr().out)
    assert code == 1
    us = [
        f
        for f in findings
        if f["rule"] == "transfer-without-mechanism" and f["entity"]["name"] == "OVH Cloud US LLC"
    ]
    assert us
    assert us[0]["severity"] == "error"
    assert us[0]["entity"]["kind"] == "subprocessor"
    assert us[0]["fix"]
    assert code == main(["--db", db, "check", "--severity", "error", "--json"])
    errors_only = json.loads(capsys.readouterr().out)
    assert {f["severity"] for f in errors_only} == {"error"}
    # no error rests on an inferred value; the findings that do say which, and why
    assert all(f["unconfirmed"] == [] for f in errors_only)
    resting = [f for f in findings if f["unconfirmed"]]
    assert resting
    assert all(m["field"] and m["reason"] for f in resting for m in f["unconfirmed"])
    art9 = [f for f in resting if f["rule"] == "treatment-art9-condition-to-verify"]
    assert len(art9) == 8  # the demo's eight Art. 9 conditions read from §5 A


def test_check_on_an_empty_register_exits_0(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(tmp_path / "r.sqlite"), "--create", "check"]) == 0
    assert "No problem found." in capsys.readouterr().out


def test_notify_plan_generate_and_list_on_the_demo(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = demo_file(tmp_path)
    assert main(["--db", db, "notify", "plan", "--json"]) == 0
    plans = json.loads(capsys.readouterr().out)
    letters = tmp_path / "letters"
    letters.mkdir()
    assert main(["--db", db, "notify", "generate", "--out", str(letters), "--json"]) == 0
    created = json.loads(capsys.readouterr().out)
    assert len(created) == len(plans)
    assert len(list(letters.glob("*.docx"))) == len(created)
    if created:
        nid = str(created[0]["id"])
        assert main(["--db", db, "notify", "mark-sent", nid, "--on", "2026-06-02"]) == 0
        assert "sent" in capsys.readouterr().out
        assert main(["--db", db, "notify", "list", "--json", "--today", "2026-09-01"]) == 0
        listed = json.loads(capsys.readouterr().out)
        assert listed[0]["effective_status"] == "deemed_accepted"


def test_deadlines_list_the_expired_certificate_as_overdue_and_export_a_calendar(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import icalendar

    db = demo_file(tmp_path)
    args = ["--db", db, "deadlines", "--days", "365", "--today", "2026-12-02"]
    assert main([*args, "--json"]) == 0
    items = json.loads(capsys.readouterr().out)
    expired = [i for i in items if i["kind"] == "certificate_expiry" and i["overdue"]]
    assert [i["entity"]["kind"] for i in expired] == ["certification"]
    assert expired[0]["date"] < "2026-12-02"
    assert main(["--lang", "fr", *args]) == 0
    table = capsys.readouterr().out
    assert "(en retard)" in table
    assert "Fin de validité d'un certificat" in table

    ics = tmp_path / "deadlines.ics"
    calendar_args = ["--db", db, "export", "calendar", "-o", str(ics), "--days", "365"]
    assert main([*calendar_args, "--today", "2026-12-02"]) == 0
    events = icalendar.Calendar.from_ical(ics.read_bytes()).walk("VEVENT")
    assert len(events) == len(items)
    first = events[0]
    assert first.decoded("DTSTART").isoformat() == items[0]["date"]
    assert str(first["SUMMARY"]).startswith("Overdue: ")
    # a re-export (another day, another language) keeps the UIDs: the calendar is updated
    assert main(["--lang", "fr", *calendar_args, "--today", "2026-12-20"]) == 0
    again = icalendar.Calendar.from_ical(ics.read_bytes()).walk("VEVENT")
    assert [str(e["UID"]) for e in again] == [str(e["UID"]) for e in events]
    assert len({str(e["UID"]) for e in events}) == len(events)


def test_check_rules_groups_totals_and_acknowledging_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from workbench.compliance.checks import ALL_RULES

    db = demo_file(tmp_path)
    assert main(["--db", db, "check", "--rules", "--json"]) == 0
    rules = json.loads(capsys.readouterr().out)
    assert len(rules) == len(ALL_RULES)
    assert all(r["reference"] and r["checks"] for r in rules)
    today = ["--today", "2026-12-02"]
    main(["--db", db, "check", "--group", "rule", *today])
    out = capsys.readouterr().out
    assert "== subprocessor-no-dpa — A processor with no Art. 28(3) contract date (" in out
    assert out.splitlines()[-1].startswith("Total: ")
    main(["--db", db, "check", "--json", *today])
    findings = json.loads(capsys.readouterr().out)
    assert all(f["reference"] for f in findings)
    assert all(f["severity"] != "error" or not f["facts"]["inferred"] for f in findings)
    target = next(f for f in findings if f["rule"] == "transfer-without-mechanism")
    key = f"{target['rule']}:{target['entity']['kind']}:{target['entity']['id']}"
    assert main(["--db", db, "check", "--ack", key, *today]) == 2  # no reason given
    capsys.readouterr()
    assert main(["--db", db, "check", "--ack", key, "--reason", "SCC signées", *today]) == 0
    capsys.readouterr()
    main(["--db", db, "check", "--json", *today])
    after = json.loads(capsys.readouterr().out)
    assert len(after) == len(findings) - 1
    main(["--db", db, "check", "--json", "--acknowledged", *today])
    every = json.loads(capsys.readouterr().out)
    assert [f["acknowledged"]["reason"] for f in every if "acknowledged" in f] == ["SCC signées"]


def test_the_demo_has_the_findings_issue_13_asks_for(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = demo_file(tmp_path)
    main(["--db", db, "check", "--json", "--today", "2026-12-02"])
    found = {(f["rule"], f["entity"]["name"]) for f in json.loads(capsys.readouterr().out)}
    assert ("transfer-invalid-basis", "Stripe") in found  # Privacy Shield
    assert ("transfer-needs-authorisation", "Stripe") in found  # "article 46-3"
    assert ("hds-own-certificate", "Podalire (Medaviz)") in found
    assert ("hds-host-to-verify", "Zendesk") in found  # tickets including health data
    assert ("transfer-scc-module-role", "Stripe") in found
    assert ("organisation-no-dpo", "Podalire Communauté") in found
    assert ("hds-transit-to-verify", "Twilio") in found
    assert ("subprocessor-joint-controller", "Facebook") in found
    assert ("subprocessor-no-dpa", "Facebook") not in found
