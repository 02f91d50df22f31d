"""The time budget per document (``dateline.budget``)."""

from __future__ import annotations

import signal
import threading
import time

import pytest

from dateline.budget import DocumentTimeout, over_budget, time_budget


def spin(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


def test_code_over_the_budget_is_stopped_and_the_timer_is_put_back() -> None:
    before = signal.getsignal(signal.SIGALRM)
    with pytest.raises(DocumentTimeout) as caught, time_budget(0.2):
        spin(30)
    assert caught.value.seconds == 0.2 and str(caught.value) == over_budget(0.2)
    assert signal.getsignal(signal.SIGALRM) is before
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_code_within_the_budget_runs_to_its_end() -> None:
    with time_budget(5) as clock:
        spin(0.05)
        clock.restart()
        spin(0.05)
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_the_timeout_is_not_an_exception_libraries_swallow() -> None:
    swallowed = False
    with pytest.raises(DocumentTimeout), time_budget(0.2):
        try:
            spin(30)
        except Exception:  # noqa: BLE001 - what some libraries do around their own code
            swallowed = True
    assert not swallowed


def test_restart_gives_each_document_a_full_budget() -> None:
    with time_budget(0.5) as clock:
        for _ in range(4):  # 0.8 s in all, 0.2 s between restarts
            spin(0.2)
            clock.restart()


def test_an_inner_budget_leaves_the_outer_one_running() -> None:
    with pytest.raises(DocumentTimeout) as caught, time_budget(0.3), time_budget(60):
        spin(30)
    assert caught.value.seconds == 0.3


def test_no_budget_means_no_limit() -> None:
    for seconds in (None, 0):
        with time_budget(seconds):
            spin(0.05)
        assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_outside_the_main_thread_the_budget_is_not_armed() -> None:
    timers: list[tuple[float, float]] = []

    def work() -> None:
        with time_budget(0.1):
            timers.append(signal.getitimer(signal.ITIMER_REAL))
            spin(0.3)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert timers == [(0.0, 0.0)]
