"""fzcheck: compliance checker for 法治政府建设年度报告 (annual rule-of-law government reports).

The pipeline is read → normalise → parse → locate elements → check rules → score → format.
The public API is :func:`check_text`, :func:`check_file` and :func:`check_files`.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "check_file", "check_files", "check_text"]


def __getattr__(name: str):
    """Import the API lazily so that ``import checker`` stays cheap."""
    if name in ("check_file", "check_files", "check_text"):
        from checker import api

        return getattr(api, name)
    raise AttributeError(name)
