"""A one-line progress bar for terminals: inputs done / total, documents, documents/s, ETA.

No thread (worker processes may be forked while it runs): it redraws when the batch reports progress,
at most `interval` seconds apart. The CLI uses it only when stderr is a terminal and --quiet is off.
"""
from __future__ import annotations

import sys
import time
from typing import Callable, Optional, TextIO

BAR_WIDTH = 24


def format_eta(seconds: float) -> str:
    seconds = int(round(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def render(done: int, total: Optional[int], documents: int, elapsed: float) -> str:
    rate = documents / elapsed if elapsed > 0 else 0.0
    input_rate = done / elapsed if elapsed > 0 else 0.0
    if total:
        filled = min(BAR_WIDTH, BAR_WIDTH * done // total)
        eta = format_eta((total - done) / input_rate) if input_rate > 0 else "--:--"
        head = f"[{'#' * filled}{'-' * (BAR_WIDTH - filled)}] {done}/{total} files"
        tail = f"ETA {eta}"
    else:
        head, tail = f"{done} files", f"{format_eta(elapsed)} elapsed"
    return f"{head}  {documents} documents  {rate:,.1f} docs/s  {tail}"


class ProgressBar:
    def __init__(self, stream: TextIO = sys.stderr, interval: float = 0.2,
                 clock: Callable[[], float] = time.monotonic):
        self.stream = stream
        self.interval = interval
        self.clock = clock
        self.total: Optional[int] = None
        self.started = self.last_draw = 0.0
        self.width = 0

    def start(self, total: Optional[int]) -> None:
        self.total = total
        self.started = self.clock()
        self.last_draw = float("-inf")
        self.update(0, 0)

    def update(self, inputs: int, documents: int) -> None:
        now = self.clock()
        if now - self.last_draw < self.interval and inputs != self.total:
            return
        self.last_draw = now
        text = render(inputs, self.total, documents, now - self.started)
        self.stream.write("\r" + text.ljust(self.width))
        self.stream.flush()
        self.width = len(text)

    def close(self) -> None:
        """Erase the bar: the closing summary line replaces it."""
        if self.width:
            self.stream.write("\r" + " " * self.width + "\r")
            self.stream.flush()
            self.width = 0
