from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCharts import QChartView, QPieSeries

from tests.ui.sample_register import fill_register
from ui.change_bus import ChangeBus
from ui.jobs import shutdown
from ui.widgets.dashboard_data import (
    CertificateStatus,
    HostingZone,
    collect_dashboard,
    location_zone,
    subprocessor_zone,
)
from ui.widgets.dashboard_widget import DashboardWidget
from workbench.domain.enums import EntityKind, LocationKind, TransferMechanism
from workbench.domain.records import Location, Subprocessor
from workbench.services import Register

pytestmark = pytest.mark.gui
TODAY = dt.date.today()


@pytest.fixture(autouse=True)
def _drain_pools() -> Iterator[None]:
    yield
    assert shutdown(5000)


def shown_dashboard(qtbot: QtBot, register: Register, bus: ChangeBus | None = None):  # type: ignore[no-untyped-def]
    widget = DashboardWidget(register, bus)
    qtbot.addWidget(widget)
    widget.resize(1100, 900)
    with qtbot.waitSignal(widget.refreshed, timeout=10_000):
        widget.show()
    return widget


def test_counts_match_the_register(qtbot: QtBot, register: Register) -> None:
    fill_register(register)
    widget = shown_dashboard(qtbot, register)
    shown = {kind: int(card.number.text()) for kind, card in widget.count_cards.items()}
    assert shown == {
        EntityKind.TREATMENT: len(register.treatments.list()),
        EntityKind.SUBPROCESSOR: len(register.subprocessors.list()),
        EntityKind.CERTIFICATION: len(register.certifications.list()),
        EntityKind.AUDIT: len(register.audits.list()),
        EntityKind.NOTIFICATION: len(register.notifications.list()),
        EntityKind.ORGANISATION: len(register.organisations.list()),
    }
    assert shown[EntityKind.SUBPROCESSOR] == 7


def test_hosting_pie_splits_subprocessors_by_zone(qtbot: QtBot, register: Register) -> None:
    fill_register(register)
    widget = shown_dashboard(qtbot, register)
    assert widget.data is not None
    # Mailjet, Clever Cloud, Smsmode (EU region) in the EEA; Zendesk (US under DPF) and Twilio
    # (UK) adequate; OVH Cloud US without mechanism outside; Hotjar has no location.
    assert widget.data.zones == {
        HostingZone.EEA: 3,
        HostingZone.ADEQUATE: 2,
        HostingZone.OTHER: 1,
        HostingZone.UNSPECIFIED: 1,
    }
    pies = [
        s
        for v in widget.findChildren(QChartView)
        for s in v.chart().series()
        if isinstance(s, QPieSeries)
    ]
    assert len(pies) == 1
    assert sorted(piece.value() for piece in pies[0].slices()) == [1, 1, 2, 3]
    assert widget.data.countries[0] == ("US", 2, HostingZone.OTHER)


def test_certificates_are_ordered_by_expiry_with_status(qtbot: QtBot, register: Register) -> None:
    fill_register(register)
    data = collect_dashboard(register, today=TODAY)
    assert [(c.holder, c.status) for c in data.certificates] == [
        ("OVH Cloud US LLC", CertificateStatus.EXPIRED),
        ("Clever Cloud", CertificateStatus.EXPIRING),
        ("Podalire", CertificateStatus.VALID),
    ]


def test_a_change_on_the_bus_reloads_the_counts(qtbot: QtBot, register: Register) -> None:
    ids = fill_register(register)
    bus = ChangeBus()
    widget = shown_dashboard(qtbot, register, bus)
    changes = register.subprocessors.create(Subprocessor(organisation_id=ids.own, name="Brevo"))
    with qtbot.waitSignal(widget.refreshed, timeout=10_000):
        bus.publish(changes)
    assert widget.count_cards[EntityKind.SUBPROCESSOR].number.text() == "8"


def test_empty_register_draws_without_error(qtbot: QtBot, register: Register) -> None:
    widget = shown_dashboard(qtbot, register)
    assert all(card.number.text() == "0" for card in widget.count_cards.values())
    assert widget.deadlines.rowCount() == 0


def test_deadline_model_passes_the_model_tester(qtmodeltester, register: Register) -> None:  # type: ignore[no-untyped-def]
    from ui.widgets.dashboard_data import DeadlineRow
    from ui.widgets.dashboard_widget import DeadlineTableModel

    model = DeadlineTableModel()
    model.set_rows(
        [
            DeadlineRow(TODAY - dt.timedelta(days=2), "Objection period of Clinique ends"),
            DeadlineRow(TODAY + dt.timedelta(days=9), "HDS certificate of Clever Cloud expires"),
        ],
        TODAY,
    )
    qtmodeltester.check(model)
    assert model.index(0, 1).data() == "2 days late"
    assert model.index(1, 1).data() == "9 days"


@pytest.mark.parametrize(
    ("location", "mechanism", "zone"),
    [
        (Location("FR"), None, HostingZone.EEA),
        (Location("NO"), None, HostingZone.EEA),  # EEA, not EU
        (Location("EU", LocationKind.REGION), None, HostingZone.EEA),
        (Location("CH"), None, HostingZone.ADEQUATE),
        (Location("US"), None, HostingZone.OTHER),  # partial adequacy: DPF importers only
        (Location("US"), TransferMechanism.ADEQUACY_US_DPF, HostingZone.ADEQUATE),
        (Location("IN"), TransferMechanism.SCC_EU_2021_914_M3, HostingZone.OTHER),
        (Location("WORLDWIDE", LocationKind.REGION), None, HostingZone.OTHER),
        (Location("EUROPE", LocationKind.REGION), None, HostingZone.UNSPECIFIED),
    ],
)
def test_location_zone(
    location: Location, mechanism: TransferMechanism | None, zone: HostingZone
) -> None:
    assert location_zone(location, mechanism, TODAY) is zone


def test_a_subprocessor_counts_in_its_riskiest_zone() -> None:
    sub = Subprocessor(
        organisation_id=1, name="Zendesk", locations=(Location("IE"), Location("US"))
    )
    assert subprocessor_zone(sub, TODAY) is HostingZone.OTHER
    assert subprocessor_zone(Subprocessor(1, "Hotjar"), TODAY) is HostingZone.UNSPECIFIED


def test_loads_itself_when_first_shown(qtbot: QtBot, register: Register) -> None:
    fill_register(register)
    widget = DashboardWidget(register, ChangeBus())
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.refreshed, timeout=10_000):
        widget.show()
    assert widget.count_cards[EntityKind.TREATMENT].number.text() == "3"


def test_a_language_switch_redraws_the_dashboard_with_french_months(
    qtbot: QtBot, register: Register
) -> None:
    from PySide6.QtCharts import QDateTimeAxis
    from PySide6.QtCore import QDate, QLocale

    from ui.i18n_qt import apply_language

    fill_register(register)
    widget = shown_dashboard(qtbot, register)
    apply_language("fr")  # sends LanguageChange to the (top-level) dashboard
    assert widget._checks_box.title() == "Résultats des contrôles"
    assert widget.count_cards[EntityKind.TREATMENT].caption.text() == "Traitements"
    timeline = next(  # redrawn: the old charts had English titles
        v.chart()
        for v in widget.findChildren(QChartView)
        if v.chart().title() == "Validité des certificats"
    )
    axis = next(a for a in timeline.axes() if isinstance(a, QDateTimeAxis))
    # QDateTimeAxis labels follow the chart's locale, taken from QLocale's default when built.
    assert timeline.locale().language() == QLocale.Language.French
    assert timeline.locale().toString(QDate(2026, 8, 1), axis.format()) == "août 2026"


def test_no_deadline_is_said_rather_than_shown_as_an_empty_table(
    qtbot: QtBot, register: Register
) -> None:
    widget = shown_dashboard(qtbot, register)  # an empty register: nothing is due
    assert widget.deadlines.rowCount() == 0
    assert widget.no_deadlines.isVisibleTo(widget)
    assert not widget.deadline_view.isVisibleTo(widget)
    assert widget.no_deadlines.text() == "Nothing is due in the next 60 days."


def test_the_dashboard_lists_the_items_of_the_deadlines_command(register: Register) -> None:
    from workbench.services.compliance_service import ComplianceService
    from workbench.services.demo import load_demo

    load_demo(register)
    today = dt.date(2026, 12, 2)
    data = collect_dashboard(register, today=today)
    items = ComplianceService(register).deadlines(today)  # what `deadlines` prints
    assert [(r.due_on, r.what) for r in data.deadlines] == [(i.date, i.label) for i in items]
    # the expired HDS certificate of the organisation is among them, as overdue
    assert any(r.due_on < today and "expired" in r.what for r in data.deadlines)


def test_a_hidden_dashboard_reloads_when_shown_not_before(qtbot: QtBot, register: Register) -> None:
    ids = fill_register(register)
    bus = ChangeBus()
    widget = shown_dashboard(qtbot, register, bus)
    widget.hide()
    changes = register.subprocessors.create(Subprocessor(organisation_id=ids.own, name="Brevo"))
    with qtbot.assertNotEmitted(widget.refreshed, wait=600):
        bus.publish(changes)
    assert widget.count_cards[EntityKind.SUBPROCESSOR].number.text() == "7"
    with qtbot.waitSignal(widget.refreshed, timeout=10_000):
        widget.show()
    assert widget.count_cards[EntityKind.SUBPROCESSOR].number.text() == "8"


def test_the_deadlines_are_reworded_after_a_language_switch(
    qtbot: QtBot, register: Register
) -> None:
    import datetime as dt

    from ui.i18n_qt import apply_language
    from workbench.domain.enums import CertificationKind
    from workbench.domain.records import Certification

    ids = fill_register(register)
    soon = dt.date.today() + dt.timedelta(days=10)
    register.certifications.create(
        Certification(CertificationKind.HDS, organisation_id=ids.own, expires_on=soon)
    )
    widget = shown_dashboard(qtbot, register)
    assert widget.deadlines.rowCount() > 0
    english = [widget.deadlines.row_at(r).what for r in range(widget.deadlines.rowCount())]
    with qtbot.waitSignal(widget.refreshed, timeout=10_000):
        apply_language("fr")
    french = [widget.deadlines.row_at(r).what for r in range(widget.deadlines.rowCount())]
    assert len(french) == len(english)
    assert french != english
