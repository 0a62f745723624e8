"""Art. 30(1)(d) recipients as records and the Art. 35 DPIA status, from their columns."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from importers import ImportedRow, propose_mapping, read_records, read_tables
from workbench.domain.enums import DpiaStatus, InferenceOrigin, RecipientKind
from workbench.domain.fields import TREATMENT_FIELDS
from workbench.domain.inference import is_stated, marks_on
from workbench.domain.records import Dpia, Recipient, Treatment


def treatments(path: Path) -> dict[str, ImportedRow]:
    (table,) = read_tables(path)
    return {r.record.name: r for r in read_records(table, propose_mapping(table)).rows()}


def header(key: str, locale: str) -> str:
    return next(s.header(locale) for s in TREATMENT_FIELDS if s.key == key)


@pytest.mark.parametrize("locale", ["fr", "en"])
def test_the_exports_recipient_and_dpia_columns_read_back_in_either_language(
    tmp_path: Path, locale: str
) -> None:
    keys = ("name", "recipients", "dpia.status", "dpia.reason", "dpia.done_on")
    path = tmp_path / f"registre_{locale}.csv"
    path.write_text(
        ";".join(header(k, locale) for k in keys)
        + "\n"
        + 'Téléconsultation;"Service client [internal]\nCPAM [authority]\nLaboratoire";'
        + "done;;2025-03-14\n"
        + "Newsletter;;not_required;Pas de données sensibles ni de profilage;\n",
        encoding="utf-8",
    )
    rows = treatments(path)
    tele = rows["Téléconsultation"]
    assert isinstance(tele.record, Treatment)
    assert tele.record.recipients == (
        Recipient("Service client", RecipientKind.INTERNAL),
        Recipient("CPAM", RecipientKind.AUTHORITY),
        Recipient("Laboratoire", RecipientKind.OTHER),
    )
    assert tele.record.dpia == Dpia(DpiaStatus.DONE, "", dt.date(2025, 3, 14))
    assert {"recipients", "dpia"} <= tele.fields
    newsletter = rows["Newsletter"].record
    assert newsletter.dpia == Dpia(  # type: ignore[union-attr]
        DpiaStatus.NOT_REQUIRED, "Pas de données sensibles ni de profilage"
    )
    assert is_stated(newsletter, "dpia")


def test_a_dpia_column_in_peoples_words_is_read_and_marked_unknown_words_warned(
    tmp_path: Path,
) -> None:
    path = tmp_path / "registre.csv"
    path.write_text(
        "Traitement;AIPD\nTéléconsultation;Oui\nAgenda;En cours de réflexion\n", encoding="utf-8"
    )
    rows = treatments(path)
    tele = rows["Téléconsultation"].record
    assert tele.dpia.status is DpiaStatus.REQUIRED  # type: ignore[union-attr]
    (mark,) = marks_on(tele, "dpia.status")
    assert (mark.origin, mark.source_text, mark.column, mark.row) == (
        InferenceOrigin.READ_FROM_TEXT,
        "Oui",
        "AIPD",
        2,
    )
    agenda = rows["Agenda"]
    assert agenda.record.dpia.status is DpiaStatus.UNKNOWN  # type: ignore[union-attr]
    assert agenda.warnings == (
        "DPIA status 'En cours de réflexion' not recognised (expected required, not required "
        "or done); left unknown.",
    )
