"""Progress for long audits: a rich bar on a terminal, sparse log lines otherwise."""

from __future__ import annotations

import sys
import time
from typing import TextIO

from checker.i18n import t


class Progress:
    """Counts files as they finish; ``rich`` is imported only when drawing a bar."""

    def __init__(
        self,
        total: int,
        stream: TextIO | None = None,
        bar: bool | None = None,
        every: float = 5.0,
        lang: str = "zh",
    ) -> None:
        self.total = total
        self.lang = lang
        self.stream = stream or sys.stderr
        self.done = self.skipped = self.problems = 0
        self.started = time.monotonic()
        self.every = every
        self._last_log = self.started
        self._bar = None
        use_bar = self.stream.isatty() if bar is None else bar
        if use_bar and total:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )
            from rich.progress import Progress as RichProgress

            self._bar = RichProgress(
                TextColumn("[bold]" + t("progress.label", lang)),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[rate]:.0f} " + t("progress.rate", lang)),
                TimeElapsedColumn(),
                TextColumn(t("progress.left", lang)),
                TimeRemainingColumn(),
                TextColumn("{task.fields[note]}"),
                console=Console(file=self.stream),
                transient=False,
            )
            self._task = self._bar.add_task("audit", total=total, rate=0.0, note="")
            self._bar.start()

    def advance(self, status: str, skipped: bool = False) -> None:
        self.done += 1
        self.skipped += int(skipped)
        self.problems += int(status not in ("ok",))
        now = time.monotonic()
        rate = self.done / max(now - self.started, 1e-9)
        if self._bar is not None:
            note = t("progress.problems", self.lang, count=self.problems) if self.problems else ""
            self._bar.update(self._task, completed=self.done, rate=rate, note=note)
        elif now - self._last_log >= self.every or self.done == self.total:
            self._last_log = now
            left = (self.total - self.done) / rate if rate > 0 else 0
            line = t(
                "progress.line",
                self.lang,
                done=self.done,
                total=self.total,
                skipped=self.skipped,
                problems=self.problems,
                rate=f"{rate:.0f}",
                left=f"{left:.0f}",
            )
            print(
                f"fzcheck audit: {line}",
                file=self.stream,
                flush=True,
            )

    def note(self, text: str) -> None:
        if self._bar is not None:
            self._bar.console.print(text)
        else:
            print(f"fzcheck audit: {text}", file=self.stream, flush=True)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
