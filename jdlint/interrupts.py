"""Stopping on request: SIGINT (Ctrl-C) and SIGTERM end the run at once, workers included.

The handlers record which signal arrived, so the rest of jdlint can tell the user's interrupt
from a ``KeyboardInterrupt`` or ``SystemExit`` that a rule plugin raised (that one is the
plugin's bug, reported as ``rule-error``, and the run goes on).
"""

from __future__ import annotations

import contextlib
import signal
from collections.abc import Iterator
from types import FrameType
from typing import Any

#: Exit codes of a run stopped by a signal (the shell's 128 + signal number).
EXIT_INTERRUPTED = 130
EXIT_TERMINATED = 143

_received: list[int] = []


class Terminated(BaseException):
    """Raised in the main thread when SIGTERM arrives (like KeyboardInterrupt for SIGINT)."""


def requested() -> bool:
    """True once the user (or the system) asked jdlint to stop."""
    return bool(_received)


def is_stop(exc: BaseException) -> bool:
    """Is ``exc`` the run being stopped, rather than code that raised it by itself?"""
    if isinstance(exc, Terminated):
        return True
    return isinstance(exc, (KeyboardInterrupt, SystemExit)) and requested()


def _on_sigint(signum: int, frame: FrameType | None) -> None:
    _received.append(signum)
    raise KeyboardInterrupt


def _on_sigterm(signum: int, frame: FrameType | None) -> None:
    _received.append(signum)
    raise Terminated


@contextlib.contextmanager
def handled() -> Iterator[None]:
    """Install the handlers for the duration of a command (main thread only)."""
    previous: list[tuple[int, Any]] = []
    handlers: tuple[tuple[int, Any], ...] = ((signal.SIGINT, _on_sigint),
                                             (signal.SIGTERM, _on_sigterm))
    for signum, handler in handlers:
        with contextlib.suppress(ValueError, OSError):  # not the main thread, or no such signal
            previous.append((signum, signal.signal(signum, handler)))
    try:
        yield
    finally:
        for signum, handler in previous:
            with contextlib.suppress(ValueError, OSError):
                signal.signal(signum, handler)


def in_worker() -> None:
    """A worker process leaves stopping to its parent: it ignores Ctrl-C (which reaches the
    whole process group) and dies at once on SIGTERM (which the parent sends)."""
    with contextlib.suppress(ValueError, OSError):
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
