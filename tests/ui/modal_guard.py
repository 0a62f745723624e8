"""A modal dialog left unanswered by a test fails that test, instead of hanging its worker.

`QDialog.exec()`, `QMenu.exec()` and the static dialogs (`QMessageBox.question`,
`QFileDialog.getSaveFileName`, `QInputDialog.getText`…) run a nested event loop until a person
answers; offscreen nobody does, and the xdist worker waited forever (a row-key test once hung
the suite on a delete question). While a test is guarded, each of these gets a watchdog: if
the dialog is still open after `timeout_ms`, it is recorded (class, title, text) and closed,
so the call returns as if cancelled, and the test fails at teardown naming it.

Tests that answer keep working: a monkeypatched `ask`/`QMessageBox.question`/`exec` replaces
the wrapper during the test (the wrappers are installed once per session, so a monkeypatch
undone in any order restores a wrapper, never a stale one), and a dialog answered from a timer
(`QTimer.singleShot(0, …)`) is closed long before the watchdog fires.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QApplication,
    QColorDialog,
    QDialog,
    QFileDialog,
    QFontDialog,
    QInputDialog,
    QMenu,
    QMessageBox,
    QWidget,
)

STATIC_DIALOGS: dict[type, tuple[str, ...]] = {
    QMessageBox: ("question", "information", "warning", "critical", "about", "aboutQt"),
    QFileDialog: (
        "getOpenFileName",
        "getOpenFileNames",
        "getSaveFileName",
        "getExistingDirectory",
        "getOpenFileUrl",
        "getOpenFileUrls",
        "getSaveFileUrl",
        "getExistingDirectoryUrl",
    ),
    QInputDialog: ("getText", "getInt", "getDouble", "getItem", "getMultiLineText"),
    QColorDialog: ("getColor",),
    QFontDialog: ("getFont",),
}


class ModalGuard:
    def __init__(self) -> None:
        self.active = False
        self.timeout_ms = 3_000
        self.unanswered: list[str] = []
        self._installed = False

    # -- per test ------------------------------------------------------------------------------
    def start(self) -> None:
        self.install()
        self.unanswered.clear()
        self.active = True

    def stop(self) -> list[str]:
        """The dialogs left unanswered since `start`; the guard is off again."""
        self.active = False
        found, self.unanswered = self.unanswered, []
        return found

    # -- the wrappers --------------------------------------------------------------------------
    def install(self) -> None:
        if self._installed:
            return
        self._installed = True
        for cls in (QDialog, QMenu):
            cls.exec = self._guarded_exec(cls.exec)  # type: ignore[method-assign]
        for cls, names in STATIC_DIALOGS.items():
            for name in names:
                setattr(cls, name, staticmethod(self._guarded_static(getattr(cls, name), name)))

    def _guarded_exec(self, original: Callable[..., Any]) -> Callable[..., Any]:
        def exec_(widget: QWidget, *args: Any, **kwargs: Any) -> Any:
            with self._watchdog(lambda: widget, "exec"):
                return original(widget, *args, **kwargs)

        return exec_

    def _guarded_static(self, original: Callable[..., Any], name: str) -> Callable[..., Any]:
        def static(*args: Any, **kwargs: Any) -> Any:
            with self._watchdog(QApplication.activeModalWidget, name):
                return original(*args, **kwargs)

        return static

    def _watchdog(self, find: Callable[[], QWidget | None], call: str) -> _Watchdog:
        return _Watchdog(self, find, call)

    def give_up(self, widget: QWidget | None, call: str) -> None:
        if widget is None or not widget.isVisible():
            return
        self.unanswered.append(describe(widget, call))
        if isinstance(widget, QDialog):
            widget.done(QDialog.DialogCode.Rejected)
        else:
            widget.close()


class _Watchdog:
    """A single-shot timer around one blocking call, started only while a test is guarded."""

    def __init__(self, guard: ModalGuard, find: Callable[[], QWidget | None], call: str) -> None:
        self._guard, self._find, self._call = guard, find, call
        self._timer: QTimer | None = None

    def __enter__(self) -> None:
        if not self._guard.active:
            return
        self._timer = QTimer()
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(lambda: self._guard.give_up(self._find(), self._call))
        self._timer.start(self._guard.timeout_ms)

    def __exit__(self, *_exc: object) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None


def describe(widget: QWidget, call: str) -> str:
    text = widget.text() if isinstance(widget, QMessageBox) else ""
    named = f"{type(widget).__name__} {widget.windowTitle()!r}"
    if text:
        named += f" saying {text[:120]!r}"
    return f"{named}, opened by {call}()"


GUARD = ModalGuard()
