"""Where ``fzcheck check`` writes each ``--format``: its ``--output`` file, else the screen.

Every writer is fed each result as soon as it is checked. The screen fills as the run goes;
a file is written beside its target and takes its name only when the run is complete
(:class:`checker.outfiles.PendingFile`), so Ctrl+C or a crash leaves no half file.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import click

from checker.formats import RenderContext
from checker.formats.writing import FormatWriter, open_writer
from checker.model import Result
from checker.options import CheckOptions
from checker.outfiles import PendingFile, cannot_write
from checker.streams import write_utf8

# formats read by programs, which expect UTF-8 (JSON and SARIF by their standard, JUnit by the
# encoding its header declares, GitHub's annotations by the runner) whatever the console's code page
DATA_FORMATS = frozenset({"json", "sarif", "junit", "github"})


class Screen:
    """Standard output as a text stream for a writer, through ``click.echo`` (colour,
    encoding); a data format's text as UTF-8 bytes (:func:`checker.streams.write_utf8`)."""

    def __init__(self, color: bool, utf8: bool = False) -> None:
        self.color = color
        self.utf8 = utf8

    def write(self, text: str) -> int:
        if text and not (self.utf8 and write_utf8(text)):
            click.echo(text, nl=False, color=self.color)
        return len(text)


class Outputs:
    """One writer per format; open them with :meth:`open` before checking anything."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.writers: list[FormatWriter] = []
        self.files: list[PendingFile | None] = []  # each writer's file; None for the screen

    @classmethod
    def open(
        cls, formats: tuple[str, ...], outputs: tuple[str, ...], options: CheckOptions, color: bool
    ) -> Outputs:
        """Writers for ``formats``, the first ``len(outputs)`` into those files; raises
        :class:`checker.outfiles.CannotWrite` (no file left behind) when one cannot be made."""
        opened = cls(options.lang)
        try:
            for i, name in enumerate(formats):
                if i < len(outputs):
                    try:
                        pending = PendingFile(outputs[i])
                    except OSError as exc:
                        raise cannot_write(outputs[i], exc, options.lang) from exc
                    opened.files.append(pending)
                    with opened._naming(pending):
                        opened.writers.append(open_writer(name, pending.text, RenderContext(options, False)))
                else:
                    opened.files.append(None)
                    screen = Screen(color, utf8=name in DATA_FORMATS)
                    opened.writers.append(open_writer(name, screen, RenderContext(options, color)))
        except BaseException:
            opened.discard()
            raise
        return opened

    def add(self, result: Result) -> None:
        for writer, pending in zip(self.writers, self.files, strict=True):
            with self._naming(pending):
                writer.add(result)

    def close(self) -> None:
        """Finish every output and give each file its name."""
        try:
            for writer, pending in zip(self.writers, self.files, strict=True):
                with self._naming(pending):
                    writer.close()
            for pending in self.files:
                if pending is not None:
                    with self._naming(pending):
                        pending.commit()
        except BaseException:
            self.discard()
            raise

    @contextlib.contextmanager
    def _naming(self, pending: PendingFile | None) -> Iterator[None]:
        """A failure to write a file (a full disk, say) as :class:`CannotWrite` naming the file;
        the screen's failures (a closed pipe) are the command line's to handle."""
        try:
            yield
        except OSError as exc:
            if pending is None:
                raise
            raise cannot_write(pending.target, exc, self.lang) from exc

    def discard(self) -> None:
        """Remove the unfinished files (the targets keep what they had)."""
        for pending in self.files:
            if pending is not None:
                pending.discard()
