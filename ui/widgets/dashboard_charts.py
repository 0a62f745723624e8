"""The dashboard's pictures (QtCharts): hosting zones, countries, certificate expiry timeline.

Each function takes the plain data of `dashboard_data` and returns a ready `QChartView`.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QDateTimeAxis,
    QHorizontalStackedBarSeries,
    QLineSeries,
    QPieSeries,
    QValueAxis,
)
from PySide6.QtCore import QDate, QDateTime, QMargins, QPointF, Qt, QTime
from PySide6.QtGui import QColor, QPainter, QPen

from ui.labels import country_name
from ui.widgets.dashboard_data import CertificateExpiry, CertificateStatus, HostingZone
from workbench.i18n import _

ZONE_COLOURS = {
    HostingZone.EEA: QColor("#2e7d32"),
    HostingZone.ADEQUATE: QColor("#1565c0"),
    HostingZone.OTHER: QColor("#c62828"),
    HostingZone.UNSPECIFIED: QColor("#9e9e9e"),
}
STATUS_COLOURS = {
    CertificateStatus.VALID: QColor("#2e7d32"),
    CertificateStatus.EXPIRING: QColor("#ef6c00"),
    CertificateStatus.EXPIRED: QColor("#c62828"),
    CertificateStatus.UNKNOWN: QColor("#9e9e9e"),
}
MAX_COUNTRIES = 12
CERTIFICATE_CYCLE_DAYS = 3 * 365  # drawn from the issue date, or 3 years before expiry


def _view(chart: QChart, min_height: int) -> QChartView:
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.setBackgroundRoundness(4)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    view = QChartView(chart)
    view.setAccessibleName(chart.title())  # a picture: the screen reader reads its title
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(min_height)
    return view


def hosting_zone_chart(zones: dict[HostingZone, int]) -> QChartView:
    """A pie of subprocessors by their riskiest hosting zone."""
    series = QPieSeries()
    for zone in HostingZone:
        count = zones.get(zone, 0)
        if count:
            piece = series.append(f"{_(zone.label)} ({count})", count)
            piece.setColor(ZONE_COLOURS[zone])
            piece.setLabelVisible(True)
    series.setPieSize(0.62)
    chart = QChart()
    chart.addSeries(series)
    chart.setTitle(_("Where subprocessors host data"))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
    chart.legend().setVisible(False)
    return _view(chart, 260)


def country_chart(countries: list[tuple[str, int, HostingZone]]) -> QChartView:
    """Horizontal bars of subprocessors per country or region, coloured by zone."""
    shown = list(reversed(countries[:MAX_COUNTRIES]))  # bars are drawn bottom-up
    series = QHorizontalStackedBarSeries()
    for zone in HostingZone:
        bar_set = QBarSet(_(zone.label))
        bar_set.setColor(ZONE_COLOURS[zone])
        for _code, count, country_zone in shown:
            bar_set.append(count if country_zone is zone else 0)
        series.append(bar_set)
    chart = QChart()
    chart.addSeries(series)
    chart.setTitle(_("Subprocessors by country or region"))
    names = QBarCategoryAxis()
    names.append([country_name(code) for code, _count, _zone in shown] or [""])
    chart.addAxis(names, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(names)
    counts = QValueAxis()
    counts.setLabelFormat("%d")
    top = max((count for _code, count, _zone in shown), default=1)
    step = max(1, -(-top // 5))  # whole numbers of subprocessors, at most 6 ticks
    counts.setRange(0, step * -(-top // step))
    counts.setTickType(QValueAxis.TickType.TicksDynamic)
    counts.setTickAnchor(0)
    counts.setTickInterval(step)
    chart.addAxis(counts, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(counts)
    chart.legend().setVisible(False)  # same colours as the zone pie beside it
    return _view(chart, 260)


def _moment(day: dt.date, hour: int = 12) -> QDateTime:
    return QDateTime(QDate(day.year, day.month, day.day), QTime(hour, 0))


def _msecs(day: dt.date) -> float:
    return float(_moment(day).toMSecsSinceEpoch())


def certificate_timeline_chart(certificates: list[CertificateExpiry], today: dt.date) -> QChartView:
    """One line per certificate from issue to expiry, coloured by status, with today marked."""
    dated = [c for c in certificates if c.expires_on is not None]
    chart = QChart()
    chart.setTitle(_("Certificate validity"))
    chart.legend().setVisible(False)
    x_axis = QDateTimeAxis()
    x_axis.setFormat("MMM yyyy")
    y_axis = QCategoryAxis()
    y_axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
    chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
    starts: list[dt.date] = [today]
    ends: list[dt.date] = [today]
    for row, cert in enumerate(reversed(dated)):  # nearest expiry at the top
        expires_on = cert.expires_on or today  # never None here: filtered above
        start = cert.issued_on or expires_on - dt.timedelta(days=CERTIFICATE_CYCLE_DAYS)
        starts.append(start)
        ends.append(expires_on)
        line = QLineSeries()
        line.append(QPointF(_msecs(start), row))
        line.append(QPointF(_msecs(expires_on), row))
        pen = QPen(STATUS_COLOURS[cert.status])
        pen.setWidth(9)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        line.setPen(pen)
        chart.addSeries(line)
        line.attachAxis(x_axis)
        line.attachAxis(y_axis)
        y_axis.append(f"{cert.holder} · {cert.kind}", row)
    today_line = QLineSeries()
    today_line.setName(_("Today"))
    today_line.append(QPointF(_msecs(today), -0.6))
    today_line.append(QPointF(_msecs(today), max(len(dated), 1) - 0.4))
    today_pen = QPen(QColor("#37474f"))
    today_pen.setWidth(2)
    today_pen.setStyle(Qt.PenStyle.DashLine)
    today_line.setPen(today_pen)
    chart.addSeries(today_line)
    today_line.attachAxis(x_axis)
    today_line.attachAxis(y_axis)
    margin = dt.timedelta(days=30)
    x_axis.setRange(_moment(min(starts) - margin, 0), _moment(max(ends) + margin, 0))
    y_axis.setRange(-0.6, max(len(dated), 1) - 0.4)
    y_axis.setStartValue(-0.6)
    return _view(chart, 80 + 34 * max(len(dated), 2))
