"""The ``fzcheck`` command line."""

from __future__ import annotations

import click

from checker import __version__
from checker.cli.translate import LANG_ONLY, Group, current_lang, install
from checker.i18n import t as msg
from checker.run.exitcodes import EXIT_FAILED, EXIT_OK, EXIT_USAGE, exit_code

__all__ = ["EXIT_FAILED", "EXIT_OK", "EXIT_USAGE", "exit_code", "main"]


# Click's messages through the catalogue before its decorators word any: else each asks gettext,
# which searches the disk for catalogue files and imports ``locale`` (~4 M instructions a command).
install()


def _print_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    """``--version``: worded when it is asked for, in the language of this run."""
    if value and not ctx.resilient_parsing:
        click.echo(msg("ui.version", current_lang(), prog="fzcheck", version=__version__))
        ctx.exit()


@click.group(cls=Group, help="help.main", context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--version", is_flag=True, expose_value=False, is_eager=True, callback=_print_version, help="help.version"
)
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
