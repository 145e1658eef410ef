"""Usage errors said plainly: a rule pack that cannot be loaded ends the command with exit 2
and a message that says what to do."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from checker.cli.translate import current_lang
from checker.i18n import t as msg
from checker.run.exitcodes import EXIT_USAGE


def error_text(exc: Exception, lang: str) -> str:
    """A pack or config error in the reader's language (other errors as they print)."""
    from checker.packs.yamlsrc import ConfigError

    return exc.describe(lang) if isinstance(exc, ConfigError) else str(exc)


def load_pack_or_exit(name: str):
    """The rule pack ``name`` (bundled name or YAML path), or exit 2 saying what to give instead."""
    from checker.packs.pack import load_pack
    from checker.packs.yamlsrc import ConfigError

    try:
        return load_pack(name)
    except (ConfigError, FileNotFoundError) as exc:
        looks_like_file = name.endswith((".yaml", ".yml")) or "/" in name
        if not looks_like_file or not Path(name).exists():
            click.echo(msg("cli.no-pack", current_lang(), name=name), err=True)
        else:
            click.echo(msg("cli.bad-pack", current_lang(), error=error_text(exc, current_lang())), err=True)
        sys.exit(EXIT_USAGE)
