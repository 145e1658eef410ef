"""The ``fzcheck`` command line."""

from __future__ import annotations

import click

from checker import __version__
from checker.cli.translate import LANG_ONLY, Group
from checker.run.exitcodes import EXIT_FAILED, EXIT_OK, EXIT_USAGE, exit_code

__all__ = ["EXIT_FAILED", "EXIT_OK", "EXIT_USAGE", "exit_code", "main"]


@click.group(cls=Group, help="help.main", context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="fzcheck", help="help.version")
@LANG_ONLY
def main() -> None:
    """fzcheck：法治政府建设年度报告合规检查工具。"""


def _register() -> None:
    """Attach the sub-commands; each lives in its own module."""
    from checker.cli.annotate import annotate
    from checker.cli.baseline import baseline
    from checker.cli.check import check
    from checker.cli.init import init
    from checker.cli.rules import rules
    from checker.cli.serve import serve

    main.add_command(check)
    main.add_command(rules)
    main.add_command(baseline)
    main.add_command(init)
    main.add_command(serve)
    main.add_command(annotate)
    try:
        from checker.cli.audit import audit
    except ImportError:  # audit is optional until its module lands
        return
    main.add_command(audit)


_register()

if __name__ == "__main__":  # pragma: no cover
    main()
