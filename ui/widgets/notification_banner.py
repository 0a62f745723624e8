"""The banner a subprocessor change raises: which controllers must be told (Art. 28(2))."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from ui.plain_text import plain_label
from workbench.compliance.notifications import PlannedNotification
from workbench.i18n import _, ngettext


class NotificationBanner(QFrame):
    draft_requested = Signal()
    show_requested = Signal()
    baseline_requested = Signal()  # "the controllers knew everything before this change"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notificationBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#notificationBanner { background: #fff6e0; border: 1px solid #e0b050; }"
        )
        self.text = plain_label()  # controller and subprocessor names are data
        self.text.setWordWrap(True)
        self.draft_button = QPushButton()
        self.draft_button.setObjectName("action_draft_notifications")
        self.show_button = QPushButton()
        self.baseline_button = QPushButton()
        self.later_button = QPushButton()
        buttons = QHBoxLayout()
        for button in (self.draft_button, self.show_button, self.baseline_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.later_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addLayout(buttons)
        self.draft_button.clicked.connect(self.draft_requested)
        self.show_button.clicked.connect(self.show_requested)
        self.baseline_button.clicked.connect(self.baseline_requested)
        self.later_button.clicked.connect(self.hide)
        self._plans: list[PlannedNotification] = []
        self._names: dict[int, str] = {}
        self._first = False
        self.hide()
        self.retranslate_ui()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def show_plan(
        self, plans: list[PlannedNotification], names: dict[int, str], first: bool
    ) -> None:
        """`first`: no notification was ever planned (every change so far counts as news)."""
        self._plans, self._names, self._first = plans, names, first
        self.retranslate_ui()
        self.setVisible(bool(plans))

    def retranslate_ui(self) -> None:
        self.draft_button.setText(_("Draft the notifications"))
        self.show_button.setText(_("Show the notifications"))
        self.baseline_button.setText(_("They knew the subprocessors before this change"))
        self.baseline_button.setVisible(self._first)
        self.later_button.setText(_("Later"))
        lines = [
            ngettext(
                "This change to the subprocessors must be notified to {count} controller, "
                "who may object to it (GDPR Art. 28(2)):",
                "This change to the subprocessors must be notified to {count} controllers, "
                "who may object to it (GDPR Art. 28(2)):",
                len(self._plans),
            ).format(count=len(self._plans))
        ]
        for plan in self._plans:
            subs = ", ".join(dict.fromkeys(i.subprocessor_name for i in plan.items))
            name = self._names.get(plan.controller_id, str(plan.controller_id))
            lines.append(f"• {name}: {subs}")
        if self._first:
            lines.append(
                _(
                    "No notification was planned from this register yet: every change recorded "
                    "so far counts as news to the controllers."
                )
            )
        self.text.setText("\n".join(lines))
