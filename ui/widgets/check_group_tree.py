"""The checks grouped: one collapsible heading per rule or per record, with its count."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from ui.widgets.severity import SEVERITY_COLOURS, severity_name
from workbench.compliance.check_groups import group_findings
from workbench.compliance.checks import Finding
from workbench.i18n import _

FINDING_INDEX_ROLE = Qt.ItemDataRole.UserRole + 3  # the finding's index in `findings`


class CheckGroupTree(QTreeWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.findings: list[Finding] = []
        self.setColumnCount(4)
        self.setWordWrap(True)
        self.setUniformRowHeights(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, 260)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(3, 200)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setHeaderLabels([_("Severity"), _("Problem"), _("How to fix it"), _("Record")])

    def show_groups(
        self, findings: Sequence[Finding], by: str, record_text: Callable[[Finding], str]
    ) -> None:
        """Rebuild the tree; groups start collapsed, the most severe first."""
        self.clear()
        self.findings = list(findings)
        position = {id(f): i for i, f in enumerate(self.findings)}
        for heading, members in group_findings(self.findings, by):
            group = QTreeWidgetItem([f"{heading} ({len(members)})"])
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            worst = max(members, key=lambda f: f.severity.rank).severity.value
            group.setForeground(0, SEVERITY_COLOURS.get(worst, Qt.GlobalColor.black))
            group.setToolTip(0, heading)
            for finding in members:
                child = QTreeWidgetItem(
                    [
                        severity_name(finding.severity.value),
                        finding.problem,
                        finding.fix,
                        record_text(finding),
                    ]
                )
                child.setForeground(
                    0, SEVERITY_COLOURS.get(finding.severity.value, Qt.GlobalColor.black)
                )
                child.setToolTip(1, f"{finding.problem}\n\n{finding.fix}\n\n[{finding.rule_id}]")
                child.setData(0, FINDING_INDEX_ROLE, position[id(finding)])
                group.addChild(child)
            self.addTopLevelItem(group)
            group.setFirstColumnSpanned(True)  # once in the tree: the heading spans the row

    def current_finding(self) -> Finding | None:
        item = self.currentItem()
        index = item.data(0, FINDING_INDEX_ROLE) if item is not None else None
        return self.findings[index] if isinstance(index, int) else None

    def group_counts(self) -> list[tuple[str, int]]:
        items = [self.topLevelItem(i) for i in range(self.topLevelItemCount())]
        return [(item.text(0), item.childCount()) for item in items if item is not None]
