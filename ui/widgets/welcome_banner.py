"""What an empty register shows first: the three ways to start, instead of blank tables."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from workbench.i18n import _


class WelcomeBanner(QFrame):
    import_requested = Signal()
    demo_requested = Signal()
    organisation_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomeBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#welcomeBanner { background: #eef4fb; border: 1px solid #9bbbe0; }")
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: bold; font-size: 12pt;")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.import_button = QPushButton()
        self.demo_button = QPushButton()
        self.organisation_button = QPushButton()
        self.import_button.clicked.connect(self.import_requested)
        self.demo_button.clicked.connect(self.demo_requested)
        self.organisation_button.clicked.connect(self.organisation_requested)
        buttons = QHBoxLayout()
        for button in (self.import_button, self.organisation_button, self.demo_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.text)
        layout.addLayout(buttons)
        self.retranslate_ui()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.title.setText(_("This register is empty"))
        self.text.setText(
            _(
                "Bring in the tables you already have (Word annexes, Excel or CSV lists from "
                "your vendors, or a register exported by DPO Workbench), start with your "
                "organisation, or look around the demo register built from a health company's "
                "privacy policy. You can also drop a file on this window."
            )
        )
        self.import_button.setText(_("Import a file…"))
        self.organisation_button.setText(_("Add my organisation…"))
        self.demo_button.setText(_("Open the demo register"))
