from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget

from ui.jobs import Job, QtProgress, active_jobs, db_pool, run_job, shutdown
from workbench.domain.errors import ValidationError
from workbench.progress import Cancelled

pytestmark = pytest.mark.gui


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture(autouse=True)
def _drain_pools() -> Iterator[None]:
    yield
    assert shutdown(5000)


def count_to(total: int) -> Callable[[QtProgress], int]:
    def work(progress: QtProgress) -> int:
        for done in range(total + 1):
            progress.check_cancelled()
            progress.report(done, total, f"row {done}")
        return total

    return work


def test_progress_emitted_once_per_percent_then_result(qtbot: QtBot, parent: QWidget) -> None:
    seen: list[tuple[int, int, str]] = []
    runner = run_job(parent, count_to(1000))
    runner.job.signals.progress.connect(lambda d, t, m: seen.append((d, t, m)))
    with qtbot.waitSignal(runner.job.signals.succeeded, timeout=5000) as blocker:
        runner.start()
    assert blocker.args == [1000]
    percents = [d * 100 // t for d, t, _m in seen]
    assert percents == list(range(101))  # 1001 reports, 101 emissions, in order
    assert seen[-1] == (1000, 1000, "row 1000")
    assert not active_jobs()


def test_unknown_total_emits_once(qtbot: QtBot, parent: QWidget) -> None:
    def work(progress: QtProgress) -> None:
        for done in range(50):
            progress.report(done, 0, "reading")

    runner = run_job(parent, work)
    seen: list[int] = []
    runner.job.signals.progress.connect(lambda d, t, m: seen.append(t))
    with qtbot.waitSignal(runner.job.signals.succeeded, timeout=5000):
        runner.start()
    assert seen == [0]


def test_failure_reaches_the_callback_with_the_error(qtbot: QtBot, parent: QWidget) -> None:
    def work(progress: QtProgress) -> None:
        raise ValidationError({"name": "A treatment needs a name."})

    errors: list[Exception] = []
    successes: list[object] = []
    runner = run_job(parent, work).on_failure(errors.append).on_success(successes.append)
    with qtbot.waitSignal(runner.job.signals.failed, timeout=5000):
        runner.start()
    qtbot.waitUntil(lambda: len(errors) == 1)  # the runner's slot may come after the test's
    assert isinstance(errors[0], ValidationError)
    assert errors[0].problems == {"name": "A treatment needs a name."}
    assert successes == []


def test_failure_without_callback_shows_a_clear_dialog(qtbot: QtBot, parent: QWidget) -> None:
    def work(progress: QtProgress) -> None:
        raise FileNotFoundError(2, "No such file or directory", "/nowhere/annex.xlsx")

    runner = run_job(parent, work)
    with qtbot.waitSignal(runner.job.signals.failed, timeout=5000):
        runner.start()

    def boxes() -> list[QMessageBox]:
        return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]

    qtbot.waitUntil(lambda: len(boxes()) == 1)
    box = boxes()[0]
    assert "/nowhere/annex.xlsx" in box.text()
    assert "Traceback" not in box.text()
    box.close()


def test_cancel_stops_the_work_and_skips_success(qtbot: QtBot, parent: QWidget) -> None:
    started = threading.Event()
    steps: list[int] = []

    def work(progress: QtProgress) -> None:
        started.set()
        for step in range(10_000):
            progress.check_cancelled()
            steps.append(step)
            time.sleep(0.001)

    cancelled: list[bool] = []
    successes: list[object] = []
    runner = run_job(parent, work).on_success(successes.append)
    runner.on_cancel(lambda: cancelled.append(True))
    job = runner.start()
    assert started.wait(5)
    with qtbot.waitSignal(job.signals.cancelled, timeout=5000):
        job.cancel()
    qtbot.waitUntil(lambda: cancelled == [True])
    assert successes == []
    assert len(steps) < 10_000


def test_progress_dialog_cancel_button_cancels_the_job(qtbot: QtBot, parent: QWidget) -> None:
    started = threading.Event()

    def work(progress: QtProgress) -> None:
        started.set()
        while True:
            progress.check_cancelled()
            time.sleep(0.005)

    runner = run_job(parent, work).with_progress("Importing…")
    job = runner.start()
    assert runner.dialog is not None
    assert runner.dialog.labelText() == "Importing…"
    assert started.wait(5)
    with qtbot.waitSignal(job.signals.cancelled, timeout=5000):
        cancel_button = runner.dialog.findChild(QPushButton)
        assert cancel_button is not None
        assert cancel_button.text() == "Cancel"
        qtbot.mouseClick(cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: runner.dialog is None)


def test_progress_dialog_follows_the_percentage(qtbot: QtBot, parent: QWidget) -> None:
    release = threading.Event()

    def work(progress: QtProgress) -> None:
        progress.report(3, 4, "Row 3 of 4")
        release.wait(5)

    runner = run_job(parent, work).with_progress("Exporting…")
    job = runner.start()
    dialog = runner.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.value() == 75)
    assert dialog.labelText() == "Row 3 of 4"
    with qtbot.waitSignal(job.signals.succeeded, timeout=5000):
        release.set()
    qtbot.waitUntil(lambda: runner.dialog is None)


def test_write_jobs_never_overlap(qtbot: QtBot, parent: QWidget) -> None:
    assert db_pool().maxThreadCount() == 1
    first_started = threading.Event()
    first_release = threading.Event()
    order: list[str] = []

    def first(progress: QtProgress) -> None:
        order.append("first started")
        first_started.set()
        first_release.wait(5)
        order.append("first ended")

    def second(progress: QtProgress) -> None:
        order.append("second started")

    run_job(parent, first).start()
    second_job = run_job(parent, second).start()
    # Waiting for the first job, not a fixed time for it to start (a loaded machine may take
    # longer); the pause after only gives a wrongly parallel second job time to show.
    assert first_started.wait(5)
    qtbot.wait(50)
    assert order == ["first started"]
    with qtbot.waitSignal(second_job.signals.succeeded, timeout=5000):
        first_release.set()
    assert order == ["first started", "first ended", "second started"]


def test_reads_run_beside_a_running_write(qtbot: QtBot, parent: QWidget) -> None:
    release = threading.Event()
    write = run_job(parent, lambda p: release.wait(5)).start()
    read = run_job(parent, lambda p: "counts", writes=False)
    with qtbot.waitSignal(read.job.signals.succeeded, timeout=5000) as blocker:
        read.start()
    assert blocker.args == ["counts"]
    with qtbot.waitSignal(write.signals.succeeded, timeout=5000):
        release.set()


def test_shutdown_cancels_running_jobs_and_waits(qtbot: QtBot, parent: QWidget) -> None:
    started = threading.Event()
    finished = threading.Event()

    def work(progress: QtProgress) -> None:
        started.set()
        try:
            while True:
                progress.check_cancelled()
                time.sleep(0.005)
        finally:
            finished.set()

    job = run_job(parent, work).start()
    assert started.wait(5)
    assert job in active_jobs()
    assert shutdown(5000)
    assert finished.is_set()
    qtbot.waitUntil(lambda: not active_jobs())


def test_a_job_cancelled_before_it_starts_never_runs_fn() -> None:
    calls: list[int] = []
    job = Job(lambda p: calls.append(1))
    results: list[str] = []
    job.signals.cancelled.connect(lambda: results.append("cancelled"))
    job.cancel()
    job.run()  # synchronously, as the pool would
    assert calls == []
    with pytest.raises(Cancelled):
        job.progress.check_cancelled()


def fail(progress: QtProgress) -> None:
    raise ValidationError({"name": "A treatment needs a name."})


@pytest.mark.parametrize(
    ("work", "cancel_first", "outcome"),
    [(count_to(3), False, "succeeded"), (fail, False, "failed"), (count_to(3), True, "cancelled")],
)
def test_a_job_has_ended_when_its_end_signal_leaves(
    work: Callable[[QtProgress], object], cancel_first: bool, outcome: str
) -> None:
    # A direct connection runs in the emitting thread, at the moment of emit: what it sees is
    # what a queued slot on the GUI thread may see if it runs before `emit` returns (the pool
    # thread waiting for the GIL). It used to see a job still running.
    job = Job(work)
    if cancel_first:
        job.cancel()
    ended_at_emit: list[bool] = []
    getattr(job.signals, outcome).connect(
        lambda *args: ended_at_emit.append(job.ended), Qt.ConnectionType.DirectConnection
    )
    job.run()
    assert ended_at_emit == [True]
    assert job not in active_jobs()


def test_a_job_is_no_longer_active_once_its_work_ended(qtbot: QtBot, parent: QWidget) -> None:
    # Even before its queued signals reach the GUI thread (a window closing asks about
    # active jobs right after shutdown() drained the pools).
    job = run_job(parent, lambda p: "done").start()
    assert shutdown(5000)
    assert job.ended
    assert not active_jobs()
