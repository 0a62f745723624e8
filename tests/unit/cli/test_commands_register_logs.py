"""`list|show|history breaches|requests`: the records as stored, their clocks under "computed"."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from workbench.cli.main import main
from workbench.domain import Organisation
from workbench.domain.breaches import Breach
from workbench.domain.enums import BreachRisk, DataSubjectRight
from workbench.domain.subject_requests import DataSubjectRequest
from workbench.services import open_register

PARIS = ZoneInfo("Europe/Paris")


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "register.sqlite"
    reg = open_register(path, author="test-dpo")
    org = reg.organisations.create(Organisation("Podalire")).ids[0]
    reg.organisations.create(Organisation("Autre"))
    bid = reg.breaches.create(
        Breach(
            org,
            "Rançongiciel sur le serveur de fichiers",
            aware_at=dt.datetime(2026, 3, 27, 10, 0, tzinfo=PARIS),
            risk=BreachRisk.HIGH,
        )
    ).ids[0]
    breach = reg.breaches.get(bid)
    reg.breaches.update(dataclasses.replace(breach, measures_taken="Serveur isolé"))
    reg.requests.create(
        DataSubjectRequest(
            org, dt.date(2026, 1, 31), requester="J. Patient", rights=(DataSubjectRight.ACCESS,)
        )
    )
    reg.close()
    return path


def run(capsys: pytest.CaptureFixture[str], db: Path, *argv: str) -> str:
    code = main(["--db", str(db), *argv])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    return out


def run_json(capsys: pytest.CaptureFixture[str], db: Path, *argv: str) -> Any:
    return json.loads(run(capsys, db, *argv, "--json"))


def test_list_breaches_json_keeps_the_record_and_puts_the_clock_under_computed(
    capsys: pytest.CaptureFixture[str], db: Path
) -> None:
    (breach,) = run_json(capsys, db, "list", "breaches")
    assert breach["title"] == "Rançongiciel sur le serveur de fichiers"
    assert breach["aware_at"] == "2026-03-27T09:00:00+00:00"
    assert breach["risk"] == "high"
    assert breach["computed"]["notification_deadline"] == "2026-03-30T09:00:00+00:00"
    assert "72 hours" in breach["computed"]["basis"]
    table = run(capsys, db, "list", "breaches")
    assert "72 H END*" in table
    assert "2026-03-30 11:00" in table  # the Paris wall clock, after the change to summer time
    assert "* computed" in table


def test_list_requests_show_and_history(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    (request,) = run_json(capsys, db, "list", "requests", "--organisation", "Podalire")
    assert request["rights"] == ["access"]
    assert request["computed"]["due_on"] == "2026-03-02"  # 28 Feb 2026 is a Saturday
    assert run_json(capsys, db, "list", "requests", "--organisation", "Autre") == []
    shown = run_json(capsys, db, "show", "request", str(request["id"]))
    assert shown["requester"] == "J. Patient"
    assert shown["computed"]["suspended"] is False
    history = run_json(capsys, db, "history", "breach", "1")
    assert [e["action"] for e in history] == ["create", "update"]
    assert history[1]["changes"]["measures_taken"] == ["", "Serveur isolé"]
    assert "Edit breach" in run(capsys, db, "history", "breach", "1")


def test_export_the_breach_register_the_request_log_and_a_worksheet(
    capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path
) -> None:
    import docx
    import openpyxl

    register_path, log_path = tmp_path / "violations.docx", tmp_path / "requests.xlsx"
    out = run(capsys, db, "export", "breaches", "--format", "docx", "-o", str(register_path))
    assert "1 records" in out
    assert any(
        p.text.startswith("Registre des violations")
        for p in docx.Document(str(register_path)).paragraphs
    )
    run(capsys, db, "export", "requests", "--format", "xlsx", "-o", str(log_path), "--lang", "en")
    sheet = openpyxl.load_workbook(log_path).worksheets[0]
    assert [c.value for c in sheet[2]][2] == "J. Patient"
    worksheet = tmp_path / "worksheet.docx"
    run(capsys, db, "export", "breach-worksheet", "1", "-o", str(worksheet), "--lang", "en")
    headings = [
        p.text for p in docx.Document(str(worksheet)).paragraphs if p.style.name == "Heading 2"
    ]
    assert headings[0] == "1. Type of notification (Art. 33(4))"
    assert len(headings) == 9
