"""The reference data the checks rely on: current, and each entry with its source."""

from __future__ import annotations

import datetime as dt

from workbench.domain.reference import adequacy_decisions, adequacy_for


def test_every_adequacy_entry_names_its_source() -> None:
    missing = [code for code, d in adequacy_decisions().items() if not d.source.strip()]
    assert missing == []


def test_adequacy_as_of_december_2026() -> None:
    brazil = adequacy_decisions()["BR"]
    assert "2026/179" in brazil.decision  # the decision's number, not only its date
    assert adequacy_for("BR", dt.date(2026, 1, 25)) is None
    assert adequacy_for("BR", dt.date(2026, 1, 26)) is brazil
    uk = adequacy_decisions()["GB"]
    assert uk.renewed == dt.date(2025, 12, 19)
    assert adequacy_for("GB", dt.date(2026, 12, 1)) is uk
    assert adequacy_for("GB", dt.date(2032, 1, 1)) is None
    # Art. 45(1): an international organisation, which no country code can name
    epo = adequacy_decisions()["EPO"]
    assert epo.kind == "international_organisation"
    assert epo.adopted == dt.date(2025, 7, 15)


def test_every_transfer_mechanism_names_its_source_and_void_ones_are_no_safeguard() -> None:
    from workbench.domain import TransferMechanism
    from workbench.domain.reference import transfer_mechanisms

    mechanisms = transfer_mechanisms()
    assert set(mechanisms) == {m.value for m in TransferMechanism}
    assert [code for code, m in mechanisms.items() if not m.source.strip()] == []
    void = {code for code, m in mechanisms.items() if not m.valid}
    assert void == {m.value for m in TransferMechanism if m.is_void}
    assert "INVALID_PRIVACY_SHIELD" in void
