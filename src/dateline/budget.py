"""A time budget per document.

A document whose reading or coding takes longer than the budget is abandoned: reading it
gives an ``InputError``, coding it an uncoded document with a warning, and the run goes on.
Input-dependent costs that are known (markup counts, text length, nesting) are bounded
before the work starts; the budget catches what those bounds miss.

The budget is a ``SIGALRM`` timer, so it is enforced on the main thread of a Unix process:
the CLI, the local engine's worker processes and the API's coding process all code there.
Elsewhere (another thread, Windows) ``time_budget`` does nothing. A Python signal handler
runs between bytecodes: a single long call into C code ends before the timeout is raised,
which is why markup is screened before it reaches the parser.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

# Seconds one document may take to be read (decoded, extracted, cleaned) and, separately,
# to be coded. A long news article takes well under a second for each on one core.
DEFAULT_DOCUMENT_SECONDS = 30.0


class DocumentTimeout(BaseException):  # noqa: N818 - reads as what happened, like KeyboardInterrupt
    """A document took longer than its budget.

    A ``BaseException``, as ``KeyboardInterrupt`` is: the libraries that read and code a
    document catch ``Exception`` in places, and must not swallow the timeout.
    """

    def __init__(self, seconds: float) -> None:
        super().__init__(seconds)
        self.seconds = seconds

    def __str__(self) -> str:
        return over_budget(self.seconds)


def over_budget(seconds: float) -> str:
    """The one-line reason given for a document over its budget."""
    return (
        f"took longer than the time budget of {seconds:g} s per document: skipped "
        "(raise --time-budget if such documents are expected)"
    )


class Clock:
    """A running budget; ``restart`` gives the next document a full budget again."""

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds
        self.armed = False

    def restart(self) -> None:
        if self.armed and self.seconds:
            signal.setitimer(signal.ITIMER_REAL, self.seconds)


@contextmanager
def time_budget(seconds: float | None) -> Iterator[Clock]:
    """Raise ``DocumentTimeout`` in the body once ``seconds`` have passed (None or 0: no
    limit). A budget inside another one adds nothing: the outer one keeps running."""
    clock = Clock(seconds)
    if not _can_arm(seconds):
        yield clock
        return

    def on_alarm(signum: int, frame: FrameType | None) -> None:
        if clock.armed:
            clock.armed = False
            raise DocumentTimeout(seconds or 0.0)

    previous = signal.signal(signal.SIGALRM, on_alarm)
    clock.armed = True
    signal.setitimer(signal.ITIMER_REAL, seconds or 0.0)
    try:
        yield clock
    finally:
        clock.armed = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _can_arm(seconds: float | None) -> bool:
    if not seconds or seconds <= 0 or not hasattr(signal, "setitimer"):
        return False
    if threading.current_thread() is not threading.main_thread():
        return False
    # A timer already running belongs to an outer budget (or to the application).
    return signal.getitimer(signal.ITIMER_REAL)[0] == 0
