"""Long work off the GUI thread, with progress and cancel (STYLE.md B5).

A `Job` runs `fn(progress)` on a thread pool; `fn` gets a `QtProgress`, the Qt side of the
Qt-free `workbench.progress.Progress` contract, so importers, exporters and services report and
check for cancellation without knowing about Qt. Results and errors come back as signals, queued
to the GUI thread. Never pass widgets or anything tied to the GUI thread into `fn`.

Call sites read like Anki's `QueryOp`:

    run_job(self, lambda p: register.imports.apply(plan, p)) \\
        .on_success(self._applied).with_progress(_("Importing…")).start()

Writes go to `db_pool()`, one thread, so SQLite writes never contend (Anki's
`_collection_executor`); reads that may run beside them use `writes=False`.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any, Self

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, SignalInstance, Slot
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from workbench.domain.errors import WorkbenchError
from workbench.domain.os_errors import os_error_reason
from workbench.i18n import _
from workbench.progress import Cancelled

log = logging.getLogger(__name__)

# Below this, a job is quick enough that a flashing progress dialog would only distract.
PROGRESS_DIALOG_DELAY_MS = 400

_db_pool: QThreadPool | None = None
_active: set[Job] = set()


def db_pool() -> QThreadPool:
    """The pool every register write runs on: one thread, so writes are serialized."""
    global _db_pool  # noqa: PLW0603 - one pool per process, created when first needed
    if _db_pool is None:
        _db_pool = QThreadPool()
        _db_pool.setMaxThreadCount(1)
    return _db_pool


class JobSignals(QObject):
    """The signals of a `Job` (a QRunnable is not a QObject, so they need their own object)."""

    progress = Signal(int, int, str)  # done, total (0 = unknown), message
    succeeded = Signal(object)  # what fn returned
    failed = Signal(Exception)
    cancelled = Signal()


class QtProgress:
    """`workbench.progress.Progress` for a job: emits when the percentage moves, honours cancel."""

    def __init__(self, signals: JobSignals, cancel_requested: threading.Event) -> None:
        self._signals = signals
        self._cancel_requested = cancel_requested
        self._last_percent: int | None = None

    def report(self, done: int, total: int, message: str = "") -> None:
        # Emitting for every row would flood the GUI thread's event queue (Orange's
        # set_progress_value does the same); unknown totals count as -1 so they emit once.
        percent = min(100, done * 100 // total) if total > 0 else -1
        if percent != self._last_percent:
            self._last_percent = percent
            self._signals.progress.emit(done, max(total, 0), message)

    def check_cancelled(self) -> None:
        if self._cancel_requested.is_set():
            raise Cancelled


class Job(QRunnable):
    """Runs `fn(QtProgress)` once on a pool thread and reports how it ended through `signals`."""

    def __init__(self, fn: Callable[[QtProgress], Any]) -> None:
        super().__init__()
        # The Python side owns the job until it ends (see `_active`), not the pool.
        self.setAutoDelete(False)
        self._fn = fn
        self._cancel_requested = threading.Event()
        self._ended = threading.Event()  # set on the pool thread, before the end signal leaves
        self.signals = JobSignals()
        self.progress = QtProgress(self.signals, self._cancel_requested)

    def cancel(self) -> None:
        """Ask the job to stop; it does at its next `check_cancelled()`."""
        self._cancel_requested.set()

    @property
    def cancel_requested(self) -> bool:
        return self._cancel_requested.is_set()

    @property
    def ended(self) -> bool:
        return self._ended.is_set()

    def run(self) -> None:
        try:
            self.progress.check_cancelled()
            result = self._fn(self.progress)
        except Cancelled:
            self._end(self.signals.cancelled)
        except Exception as exc:  # every error must reach the GUI as a dialog, not a dead thread
            if not isinstance(exc, WorkbenchError):
                log.exception("Job failed")
            self._end(self.signals.failed, exc)
        else:
            self._end(self.signals.succeeded, result)
        finally:
            self._ended.set()  # also when fn raised what is not an Exception

    def _end(self, signal: SignalInstance, *args: object) -> None:
        # Ended first: a receiver on the GUI thread may run (and ask `active_jobs()`) as soon as
        # the signal is posted, while this thread still waits for the GIL to return from emit.
        self._ended.set()
        signal.emit(*args)


def error_text(error: BaseException) -> str:
    """What to tell the user: our own errors are written for them; others get a lead-in."""
    if isinstance(error, WorkbenchError):
        return str(error)
    if isinstance(error, OSError) and error.filename:
        return _("Cannot use the file {path}: {reason}").format(
            path=error.filename, reason=os_error_reason(error)
        )
    return _("Unexpected error: {error}").format(error=str(error) or type(error).__name__)


def show_error(parent: QWidget | None, title: str, error: BaseException) -> QMessageBox:
    """A clear, window-modal error dialog that does not block the caller (tests included)."""
    box = QMessageBox(QMessageBox.Icon.Critical, title, "", parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)  # an error names files and records: data
    box.setText(error_text(error))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


class JobRunner(QObject):
    """Builder returned by `run_job`: callbacks and progress dialog, then `start()`."""

    def __init__(self, parent: QWidget | None, fn: Callable[[QtProgress], Any], writes: bool):
        super().__init__(parent)
        self._parent_widget = parent
        self.job = Job(fn)
        self._pool = db_pool() if writes else QThreadPool.globalInstance()
        self._success: Callable[[Any], None] | None = None
        self._failure: Callable[[Exception], None] | None = None
        self._cancel: Callable[[], None] | None = None
        self._label: str | None = None
        self.dialog: QProgressDialog | None = None

    def on_success(self, callback: Callable[[Any], None]) -> Self:
        self._success = callback
        return self

    def on_failure(self, callback: Callable[[Exception], None]) -> Self:
        """Without one, a failure is shown in an error dialog."""
        self._failure = callback
        return self

    def on_cancel(self, callback: Callable[[], None]) -> Self:
        self._cancel = callback
        return self

    def with_progress(self, label: str) -> Self:
        self._label = label
        return self

    def start(self) -> Job:
        signals = self.job.signals
        signals.progress.connect(self._progressed)
        signals.succeeded.connect(self._succeeded)
        signals.failed.connect(self._failed)
        signals.cancelled.connect(self._cancelled)
        if self._label is not None:
            self.dialog = self._make_dialog(self._label)
        _active.add(self.job)
        _runners.add(self)
        self._pool.start(self.job)
        return self.job

    def _make_dialog(self, label: str) -> QProgressDialog:
        dialog = QProgressDialog(label, _("Cancel"), 0, 100, self._parent_widget)
        dialog.setWindowTitle(label.rstrip("…."))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(PROGRESS_DIALOG_DELAY_MS)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumWidth(360)
        dialog.canceled.connect(self._cancel_requested)
        dialog.setValue(0)
        return dialog

    @Slot()
    def _cancel_requested(self) -> None:
        self.job.cancel()
        if self.dialog is not None:
            self.dialog.setLabelText(_("Cancelling…"))

    @Slot(int, int, str)
    def _progressed(self, done: int, total: int, message: str) -> None:
        dialog = self.dialog
        if dialog is None or self.job.cancel_requested:
            return
        if message:
            dialog.setLabelText(message)
        # Last: a modal QProgressDialog's setValue processes events, which may deliver the
        # job's end and close the dialog under our feet.
        if total > 0:
            dialog.setRange(0, 100)
            dialog.setValue(min(100, done * 100 // total))
        else:
            dialog.setRange(0, 0)  # busy indicator: the total is not known yet

    @Slot(object)
    def _succeeded(self, result: object) -> None:
        self._finish()
        if self._success is not None:
            self._success(result)

    @Slot(Exception)
    def _failed(self, error: Exception) -> None:
        self._finish()
        if self._failure is not None:
            self._failure(error)
        else:
            show_error(self._parent_widget, _("The operation failed"), error)

    @Slot()
    def _cancelled(self) -> None:
        self._finish()
        if self._cancel is not None:
            self._cancel()

    def _finish(self) -> None:
        _active.discard(self.job)
        _runners.discard(self)
        if self.dialog is not None:
            # Closing a QProgressDialog emits `canceled`; disconnect first, then only hide.
            self.dialog.canceled.disconnect(self._cancel_requested)
            self.dialog.reset()
            self.dialog.hide()
            self.dialog.deleteLater()
            self.dialog = None


_runners: set[JobRunner] = set()


def run_job(
    parent: QWidget | None, fn: Callable[[QtProgress], Any], *, writes: bool = True
) -> JobRunner:
    """Prepare `fn` to run off the GUI thread. `writes=False` for reads that may run in parallel."""
    return JobRunner(parent, fn, writes)


def active_jobs() -> frozenset[Job]:
    """Jobs still running (or waiting for a thread); not those whose signals are in flight."""
    return frozenset(job for job in _active if not job.ended)


def shutdown(timeout_ms: int = 30_000) -> bool:
    """Cancel every job and wait for the pools to drain (on window close). False on timeout."""
    for job in list(_active):
        job.cancel()
    drained = db_pool().waitForDone(timeout_ms)
    drained = QThreadPool.globalInstance().waitForDone(timeout_ms) and drained
    if drained:
        _active.clear()
    return drained
