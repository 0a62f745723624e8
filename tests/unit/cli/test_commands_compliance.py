"""`dpo-workbench check` and `notify` in-process, as a script would run them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workbench.cli.main import main


def test_check_json_on_the_demo_exits_1_and_names_the_us_transfer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "demo.sqlite")
    code = main(["--db", db, "--demo", "check", "--json", "--today", "2026-09-01"])
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
    assert code == main(["--db", db, "--demo", "check", "--severity", "error", "--json"])
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
    assert main(["--db", str(tmp_path / "r.sqlite"), "check"]) == 0
    assert "No problem found." in capsys.readouterr().out


def test_notify_plan_generate_and_list_on_the_demo(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "demo.sqlite")
    assert main(["--db", db, "--demo", "notify", "plan", "--json"]) == 0
    plans = json.loads(capsys.readouterr().out)
    letters = tmp_path / "letters"
    letters.mkdir()
    assert main(["--db", db, "--demo", "notify", "generate", "--out", str(letters), "--json"]) == 0
    created = json.loads(capsys.readouterr().out)
    assert len(created) == len(plans)
    assert len(list(letters.glob("*.docx"))) == len(created)
    if created:
        nid = str(created[0]["id"])
        assert main(["--db", db, "--demo", "notify", "mark-sent", nid, "--on", "2026-06-02"]) == 0
        assert "sent" in capsys.readouterr().out
        assert (
            main(["--db", db, "--demo", "notify", "list", "--json", "--today", "2026-09-01"]) == 0
        )
        listed = json.loads(capsys.readouterr().out)
        assert listed[0]["effective_status"] == "deemed_accepted"
