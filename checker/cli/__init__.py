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


# Sub-commands by name (help lists them alphabetically, as Click does); each module is imported only when its
# command runs (or help lists it), so ``fzcheck check`` does not pay for serve, annotate or init.
COMMANDS = {
    "check": "checker.cli.check:check",
    "rules": "checker.cli.rules:rules",
    "baseline": "checker.cli.baseline:baseline",
    "init": "checker.cli.init:init",
    "serve": "checker.cli.serve:serve",
    "annotate": "checker.cli.annotate:annotate",
    "audit": "checker.cli.audit:audit",
}
main.lazy_commands.update(COMMANDS)

if __name__ == "__main__":  # pragma: no cover
    main()
