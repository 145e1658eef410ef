"""``--format github``: GitHub Actions workflow commands that annotate the changed files.

``::error file=…,line=…,col=…,title=…::message`` per finding (info → ``::notice``);
waived findings become notices marked with the reason; one line per report with its score
and verdict, an error when the report failed its gates (the exit code's policy) and a notice
when it passed; unreadable files are errors on the file, a text that is not a report an error
(a notice when ``--skip-non-reports`` let it through). Escaping follows the runner's rules:
``%``, CR and LF in the message; additionally ``:`` and ``,`` in property values.
"""

from __future__ import annotations

from collections.abc import Iterable

from checker.formats import RenderContext
from checker.formats.writing import FormatWriter, render_all
from checker.i18n import t as msg
from checker.model import Finding, Result
from checker.run.config_paths import relative_posix

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """Escape a message (the text after ``::``)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value (``file=``, ``title=``…)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, message: str, **properties: object) -> str:
    """One workflow command line; properties with value None are left out."""
    props = ",".join(
        f"{key}={escape_property(str(value))}" for key, value in properties.items() if value is not None
    )
    return f"::{name}{' ' + props if props else ''}::{escape_data(message)}"


def _finding(result: Result, finding: Finding, lang: str) -> str:
    text = f"{finding.message}\n{msg('fmt.suggestion', lang)}：{finding.suggestion}"
    name = COMMANDS[finding.severity]
    if finding.waived:
        name = "notice"
        text = f"〔{msg('fmt.waived', lang, reason=finding.waived)}〕{text}"
    return command(
        name,
        text,
        file=relative_posix(result.path),
        line=finding.line,
        col=finding.column,
        title=f"fzcheck {finding.rule}",
    )


def _summary(result: Result, lang: str) -> str:
    path = relative_posix(result.path)
    if result.status == "error":
        assert result.error is not None
        return command("error", result.error.message, file=path, title=f"fzcheck {result.error.code}")
    level = "notice" if result.passed else "error"  # the gate's verdict, as the exit code counts it
    if not result.is_report:
        return command(
            level,
            msg("fmt.not-report-row", lang, reason=result.not_report_reason),
            file=path,
            title="fzcheck",
        )
    verdict = msg("fmt.yes" if result.passed else "fmt.no", lang)
    text = msg("fmt.score-line", lang, score=f"{result.score:.1f}", grade=result.grade, verdict=verdict)
    return command(level, text, file=path, title="fzcheck")


class Writer(FormatWriter):
    """A notice per report and a command per finding, written as each report is checked."""

    def add(self, result: Result) -> None:
        lines = [_summary(result, self.ctx.lang)]
        lines.extend(_finding(result, f, self.ctx.lang) for f in result.findings)
        self.out.write("".join(line + "\n" for line in lines))


def render(results: Iterable[Result], ctx: RenderContext) -> str:
    return render_all(Writer, results, ctx)
