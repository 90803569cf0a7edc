"""A progress line on stderr for long batches: files done, rate and time left.

The rate is measured from the first finished file, not from the start: worker processes take
a second or two to start, and counting that time as if it were per-file work made the
estimate tens of times too long (click's progress bar does so).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from types import TracebackType
from typing import TextIO

#: Redraw at most this often (seconds).
REDRAW = 0.2


class Progress:
    def __init__(self, total: int, out: TextIO, label: str = "Checking",
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.total = total
        self.out = out
        self.label = label
        self.done = 0
        self._clock = clock
        self._first: tuple[float, int] | None = None  # when the first files finished, how many
        self._drawn = 0.0

    def __enter__(self) -> Progress:
        self._draw()
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.out.write("\r\x1b[2K")  # clear the line: the report follows on stdout
        self.out.flush()

    def update(self, n: int) -> None:
        now = self._clock()
        if self._first is None and n:
            self._first = (now, n)
        self.done += n
        if now - self._drawn >= REDRAW or self.done >= self.total:
            self._drawn = now
            self._draw()

    def eta(self) -> float | None:
        """Seconds left, from the rate since the first finished files; None until known."""
        if self._first is None:
            return None
        since, first = self._first
        elapsed = self._clock() - since
        counted = self.done - first
        if counted <= 0 or elapsed <= 0:
            return None
        return (self.total - self.done) * elapsed / counted

    def _draw(self) -> None:
        eta = self.eta()
        left = f", about {_duration(eta)} left" if eta is not None and self.done < self.total \
            else ""
        self.out.write(f"\r\x1b[2K{self.label} {self.done}/{self.total} files{left}")
        self.out.flush()


def _duration(seconds: float) -> str:
    s = max(1, round(seconds))
    return f"{s} s" if s < 60 else f"{s // 60} min {s % 60:02d} s"
