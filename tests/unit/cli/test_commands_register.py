"""`dpo-workbench list|show|history` run in-process on the demo register, as a user types them."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from tests.unit.services.test_demo import annex1_rows, annex2_rows
from workbench.cli.main import main
from workbench.domain.records import Retention
from workbench.services import open_register

SUBCONTRACTOR_LIST = {
    "Mailjet",
    "Calade Technologies (dba: Smsmode)",
    "Zendesk",
    "OVH Cloud US LLC",
    "RingOver",
    "Clever Cloud",
    "OVHcloud",
    "Auth0",
    "Batch",
}
NEW_RETENTION = Retention(text="3 ans à compter de la dernière connexion", duration=3)


def run(capsys: pytest.CaptureFixture[str], db: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["--db", str(db), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys: pytest.CaptureFixture[str], db: Path, *argv: str) -> Any:
    code, out, err = run(capsys, db, *argv, "--json")
    assert (code, err) == (0, "")
    return json.loads(out)


@pytest.fixture
def db(demo_register_file: Path) -> Path:
    """The demo register in a file of the test's own (--demo always uses its own file)."""
    return demo_register_file


def test_list_subprocessors_json_has_both_seeds_with_countries_and_mechanism(
    capsys: pytest.CaptureFixture[str], db: Path
) -> None:
    listed = run_json(capsys, db, "list", "subprocessors")
    annex2 = {name for name, _, _ in annex2_rows()}
    assert sorted(s["name"] for s in listed) == sorted([*annex2, *SUBCONTRACTOR_LIST])
    for sub in listed:
        assert sub["locations"], sub["name"]
        assert all(loc["code"] and loc["kind"] for loc in sub["locations"])
        assert "transfer_mechanism" in sub
        assert "transfer_text" in sub
    by_name = {s["name"]: s for s in listed}
    ovh = by_name["OVH Cloud US LLC"]
    assert ovh["locations"] == [
        {"code": "US", "kind": "country", "detail": "datacenters located in Oregon or Virginia"}
    ]
    assert (ovh["transfer_mechanism"], ovh["transfer_text"]) == ("NONE", "N/A")
    assert by_name["Twilio"]["transfer_mechanism"] == "BCR"
    assert by_name["Stripe"]["transfer_mechanism"] == "SCC_EU_2021_914_M2"


def test_list_treatments_json_has_every_annex1_row_with_its_retention(
    capsys: pytest.CaptureFixture[str], db: Path
) -> None:
    listed = run_json(capsys, db, "list", "treatments")
    sections = annex1_rows()
    assert len(listed) == sum(len(rows) for rows in sections.values())
    for title, rows in sections.items():
        in_section = [t for t in listed if t["provenance"]["sheet"] == title]
        in_section.sort(key=lambda t: t["provenance"]["row"])
        for treatment, cells in zip(in_section, rows, strict=True):
            assert cells[0].startswith(treatment["name"])
            assert treatment["retention"]["text"]
    account = next(t for t in listed if t["name"] == "Gestion de compte Patient")
    assert account["retention"] == {
        "text": sections[next(iter(sections))][0][3],
        "duration": 5,
        "unit": "year",
        "start_event": "la dernière mise en relation",
    }


def test_list_as_table_and_organisation_filter(
    capsys: pytest.CaptureFixture[str], db: Path
) -> None:
    code, out, _ = run(capsys, db, "list", "treatments", "--organisation", "Podalire Communauté")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split()[:3] == ["ID", "ORGANISATION", "ROLE"]
    assert len(lines) == 2 + 10  # header, rule, the 10 rows of the Podalire Communauté table
    assert all("Podalire Communauté" in line for line in lines[2:])


def test_show_prints_one_record_in_full(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    listed = run_json(capsys, db, "list", "subprocessors")
    twilio = next(s for s in listed if s["name"] == "Twilio")
    shown = run_json(capsys, db, "show", "subprocessor", str(twilio["id"]))
    assert shown == twilio
    code, out, _ = run(capsys, db, "show", "subprocessor", str(twilio["id"]))
    assert code == 0
    assert "transfer_mechanism: BCR" in out
    assert "Localisation centre de données : USA" in out


def test_history_shows_before_and_after_of_a_service_update(
    capsys: pytest.CaptureFixture[str], db: Path
) -> None:
    listed = run_json(capsys, db, "list", "treatments")
    account = next(t for t in listed if t["name"] == "Gestion de compte Patient")
    old_text = account["retention"]["text"]
    reg = open_register(db, author="dpo-test-edit")
    treatment = reg.treatments.get(account["id"])
    reg.treatments.update(dataclasses.replace(treatment, retention=NEW_RETENTION))
    reg.close()

    history = run_json(capsys, db, "history", "treatment", str(account["id"]))
    assert [(e["action"], e["label"]) for e in history] == [
        ("create", "Load demo register"),
        ("update", "Edit treatment"),
    ]
    assert history[1]["author"] == "dpo-test-edit"
    before, after = history[1]["changes"]["retention"]
    assert before["text"] == old_text
    assert after["text"] == NEW_RETENTION.text
    assert set(history[1]["changes"]) == {"retention"}

    code, out, _ = run(capsys, db, "history", "treatment", str(account["id"]))
    assert code == 0
    assert "update  (Edit treatment)" in out
    assert f"-> text={NEW_RETENTION.text}" in out


def test_list_as_of_before_and_after_a_change(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    listed = run_json(capsys, db, "list", "treatments")
    account = next(t for t in listed if t["name"] == "Gestion de compte Patient")
    between = dt.datetime.now(dt.UTC).isoformat()
    reg = open_register(db)
    reg.treatments.update(
        dataclasses.replace(reg.treatments.get(account["id"]), retention=NEW_RETENTION)
    )
    reg.close()

    def retention_as_of(moment: str | None) -> str:
        extra = ["--as-of", moment] if moment else []
        rows = run_json(capsys, db, "list", "treatments", *extra)
        return str(next(t for t in rows if t["id"] == account["id"])["retention"]["text"])

    assert retention_as_of(between) == account["retention"]["text"]
    assert retention_as_of(None) == NEW_RETENTION.text
    assert retention_as_of(dt.date.today().isoformat()) == NEW_RETENTION.text
    shown = run_json(capsys, db, "show", "treatment", str(account["id"]), "--as-of", between)
    assert shown["retention"]["text"] == account["retention"]["text"]
    assert shown == next(t for t in listed if t["id"] == account["id"])


def test_as_of_a_future_day_or_before_the_register_is_a_clear_error(
    capsys: pytest.CaptureFixture[str], db: Path
) -> None:
    tomorrow = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    code, out, err = run(capsys, db, "list", "treatments", "--as-of", tomorrow)
    assert (code, out) == (2, "")
    assert "is in the future: the register can only be shown as it stood." in err
    code, out, err = run(capsys, db, "show", "treatment", "T-001", "--as-of", "2000-01-01")
    assert (code, out) == (2, "")
    assert "1 Jan 2000 23:59 is before the register existed: its first change was" in err


def test_unknown_id_exits_2_with_a_clear_message(
    capsys: pytest.CaptureFixture[str], db: Path
) -> None:
    code, out, err = run(capsys, db, "show", "treatment", "9999")
    assert code == 2
    assert out == ""
    assert err.strip() == "dpo-workbench: error: No treatment with id 9999 in this register."


def test_bad_arguments_exit_2_with_usage(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--db", str(db), "list", "treatments", "--as-of", "yesterday"])
    assert exited.value.code == 2
    assert "'yesterday' is not a date (YYYY-MM-DD or YYYY-MM-DDTHH:MM)" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exited:
        main(["--db", str(db), "show", "dragons", "1"])
    assert exited.value.code == 2
    assert "invalid choice: 'dragons'" in capsys.readouterr().err


# -- stated vs inferred: what `--json` promises and what `confirm` does ---------------------------
def test_json_lists_every_inferred_value_with_its_reason(
    capsys: pytest.CaptureFixture[str], db: Path
) -> None:
    """The done-when of issue 11: no Art. 9 condition, SCC module, expiry date, location or
    category the seeds do not state unless it is listed as unconfirmed, with a reason."""
    treatments = run_json(capsys, db, "list", "treatments")
    subprocessors = run_json(capsys, db, "list", "subprocessors")
    certifications = run_json(capsys, db, "list", "certifications")
    for record in treatments + subprocessors + certifications:
        for mark in record["unconfirmed"]:
            assert set(mark) == {"field", "origin", "source_text", "column", "row", "note"}
            assert mark["note"] or mark["source_text"], (record["id"], mark["field"])

    def marked(record: dict[str, Any], field: str) -> bool:
        return any(m["field"] == field for m in record["unconfirmed"])

    assert all(marked(t, "art9_condition") for t in treatments if t["art9_condition"])
    scc = [s for s in subprocessors if (s["transfer_mechanism"] or "").startswith("SCC_")]
    assert scc
    assert all(marked(s, "transfer_mechanism") for s in scc)
    assert all(marked(c, "expires_on") for c in certifications if c["expires_on"])
    matomo = next(s for s in subprocessors if s["name"] == "Matomo")
    assert marked(matomo, "locations")  # self-hosted: the seed gives no data-centre location
    listed = [s for s in subprocessors if s["provenance"]["file"].startswith("000_")]
    assert all(marked(s, "category") for s in listed)  # the list has no categories


def test_confirm_from_the_cli_removes_the_mark_and_shows_in_history(
    capsys: pytest.CaptureFixture[str], db: Path
) -> None:
    treatments = run_json(capsys, db, "list", "treatments")
    target = next(t for t in treatments if t["unconfirmed"])
    fields = [m["field"] for m in target["unconfirmed"]]
    target_id = str(target["id"])
    code, out, err = run(capsys, db, "confirm", "treatment", target_id, "--field", fields[0])
    assert (code, err) == (0, "")
    assert "1" in out
    after = run_json(capsys, db, "show", "treatment", str(target["id"]))
    assert [m["field"] for m in after["unconfirmed"]] == fields[1:]
    assert after["art9_condition"] == target["art9_condition"]  # the value stays
    code, out, _ = run(capsys, db, "history", "treatment", str(target["id"]))
    assert "Confirm treatment values" in out
    # a field that carries no mark is an error that names what is marked
    code, _, err = run(capsys, db, "confirm", "treatment", str(target["id"]), "--field", "name")
    assert code == 2
    assert "name" in err


def test_show_says_what_is_to_be_verified_and_why(
    capsys: pytest.CaptureFixture[str], db: Path
) -> None:
    certifications = run_json(capsys, db, "list", "certifications")
    hds = next(c for c in certifications if c["expires_on"])
    code, out, _ = run(capsys, db, "show", "certification", str(hds["id"]))
    assert code == 0
    assert "To be verified" in out
    assert "expires_on: Computed" in out
