"""What every reader returns: decoded text with its original line structure."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class SourceText:
    """Text extracted from one file.

    ``text`` keeps the line structure a user sees in the original (lines split on ``\\n``).
    ``line_labels`` optionally names where each line sits in the original file
    (index 0 is line 1), e.g. "第2页第5行" for a PDF or "第12段" for a docx paragraph.
    ``meta`` holds container metadata such as an HTML page's 成文日期 or 发布机构.
    """

    text: str
    format: str = "txt"
    encoding: str | None = None
    line_labels: tuple[str, ...] | None = None
    meta: dict[str, str] = field(default_factory=dict)

    def label(self, line: int) -> str | None:
        """Human location of a 1-based line in the original file, if the reader knows one."""
        if self.line_labels is None or not 1 <= line <= len(self.line_labels):
            return None
        return self.line_labels[line - 1]
