"""Click in the user's language.

Click passes its own words ("Usage:", "Error:", "No such option", ...) through the stdlib
``gettext`` function bound at import in each of its modules; :func:`install` rebinds those names
to :func:`gettext`, which answers from the catalogue (checker.i18n_click) in the current language.
Help texts of our commands and options are catalogue keys (``help.*``) that :func:`localise`
fills in before Click reads them. The language is known before Click parses anything:
``--lang`` is read from the raw arguments (or ``FZCHECK_LANG``), so a usage error that stops the
parse is already in the right language. Help is wrapped by display width, between words or Han
characters, never inside a word.
"""

from __future__ import annotations

import gettext as stdlib_gettext
import os
import sys
from collections.abc import Iterable, Sequence

import click

from checker.i18n import DEFAULT_LANG, LANGS, MESSAGES
from checker.i18n import t as msg
from checker.i18n_click import CLICK_ZH
from checker.text.width import display_width, wrap

_state = {"lang": DEFAULT_LANG}
_SOURCE = "_fzcheck_source"  # attribute keeping a help text's catalogue key (or Click's English)
# Click creates its --help option lazily, with text already translated: map it back to Click's words.
_CLICK_ENGLISH = {chinese: english for english, chinese in CLICK_ZH.items()}


def current_lang() -> str:
    """The language Click's messages are given in."""
    return _state["lang"]


def set_lang(lang: str) -> None:
    """Speak ``lang`` from now on (unknown languages fall back to Chinese)."""
    _state["lang"] = lang if lang in LANGS else DEFAULT_LANG


def gettext(message: str) -> str:
    """Click's message in the current language."""
    if current_lang() == "zh":
        return CLICK_ZH.get(message, message)
    return message


def ngettext(singular: str, plural: str, count: int) -> str:
    """Click's singular/plural message in the current language (Chinese has one form)."""
    chosen = singular if count == 1 else plural
    if current_lang() == "zh":
        return CLICK_ZH.get(chosen) or CLICK_ZH.get(plural) or CLICK_ZH.get(singular, chosen)
    return chosen


def install() -> None:
    """Route every loaded Click module's ``_``/``ngettext`` through the catalogue (idempotent)."""
    for name, module in list(sys.modules.items()):
        if module is None or not (name == "click" or name.startswith("click.")):
            continue
        if getattr(module, "_", None) is stdlib_gettext.gettext:
            module._ = gettext  # type: ignore[attr-defined]
        if getattr(module, "ngettext", None) is stdlib_gettext.ngettext:
            module.ngettext = ngettext  # type: ignore[attr-defined]


def lang_from_args(args: Sequence[str]) -> str:
    """The ``--lang`` given on the command line, else ``FZCHECK_LANG``, else Chinese."""
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(args):
            return args[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return os.environ.get("FZCHECK_LANG", DEFAULT_LANG)


def _translated(source: str | None, lang: str) -> str | None:
    if source is None:
        return None
    source = _CLICK_ENGLISH.get(source, source)
    if source in MESSAGES:
        return msg(source, lang)
    if lang == "zh":
        return CLICK_ZH.get(source, source)
    return source


def _localise_text(obj: object, attr: str, lang: str) -> None:
    key = f"{_SOURCE}_{attr}"
    if not hasattr(obj, key):
        setattr(obj, key, getattr(obj, attr, None))
    setattr(obj, attr, _translated(getattr(obj, key), lang))


def localise(command: click.Command, lang: str) -> None:
    """Fill in ``command``'s (and its sub-commands') help texts in ``lang``; use our formatter."""
    command.context_class = Context
    command.options_metavar = msg("meta.options", lang)
    if isinstance(command, click.Group):
        command.subcommand_metavar = msg("meta.command", lang)
    _localise_text(command, "help", lang)
    _localise_text(command, "short_help", lang)
    cached_help = getattr(command, "_help_option", None)
    for param in [*command.params, *([cached_help] if cached_help is not None else [])]:
        _localise_text(param, "help", lang)
        if isinstance(param, click.Argument) or not getattr(param, "is_flag", False):
            _localise_text(param, "metavar", lang)
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            localise(sub, lang)


class HelpFormatter(click.HelpFormatter):
    """Click's help layout, wrapped by display width and never inside a word."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        if prefix is None:
            prefix = gettext("Usage:") + ("" if current_lang() == "zh" else " ")
        super().write_usage(prog, args, prefix)

    def write_heading(self, heading: str) -> None:
        colon = "：" if current_lang() == "zh" else ":"
        self.write(f"{'':>{self.current_indent}}{heading}{colon}\n")

    def _paragraphs(self, text: str, width: int, indent: str) -> list[str]:
        out: list[str] = []
        for block in text.split("\n\n"):
            if block.lstrip("\n").startswith("\b"):
                out.extend(indent + line for line in block.lstrip("\n")[1:].strip("\n").splitlines())
            elif block.strip():
                out.extend(wrap(block, width, indent, indent))
            out.append("")
        return out[:-1]

    def write_text(self, text: str) -> None:
        indent = " " * self.current_indent
        self.write("\n".join(self._paragraphs(text, self.width, indent)) + "\n")

    def write_dl(self, rows: Iterable[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        rows = list(rows)
        first_col = min(max((display_width(first) for first, _ in rows), default=0), col_max) + col_spacing
        for first, second in rows:
            self.write(f"{'':>{self.current_indent}}{first}")
            if not second:
                self.write("\n")
                continue
            if display_width(first) <= first_col - col_spacing:
                self.write(" " * (first_col - display_width(first)))
            else:
                self.write("\n" + " " * (first_col + self.current_indent))
            lines = self._paragraphs(second, max(self.width - first_col - 2 - self.current_indent, 10), "")
            self.write(lines[0] + "\n" if lines else "\n")
            for line in lines[1:]:
                self.write((" " * (first_col + self.current_indent) + line).rstrip() + "\n")


class Context(click.Context):
    """A Click context that lays out help with :class:`HelpFormatter`."""

    formatter_class = HelpFormatter


INTERRUPTED = 130  # 128 + SIGINT, as a shell reports a command ended by Ctrl+C


class Group(click.Group):
    """The top-level group: sets the language from the raw arguments before Click parses them.

    Sub-commands are registered by name in ``lazy_commands`` (``"module:attribute"``) and imported
    on first use, then given their help texts in the current language."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.lazy_commands: dict[str, str] = {}
        self.resolved: str | None = None

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.lazy_commands, *self.commands})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in self.lazy_commands:
            import importlib

            module_name, attribute = self.lazy_commands[cmd_name].split(":")
            command = getattr(importlib.import_module(module_name), attribute)
            localise(command, current_lang())
            self.add_command(command, cmd_name)
        return super().get_command(ctx, cmd_name)

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        name, command, rest = super().resolve_command(ctx, args)
        self.resolved = name  # the sub-command of the last run (checker.console's exit asks)
        return name, command, rest

    def invoke(self, ctx: click.Context):
        """Run the sub-command; a Ctrl+C that comes before it set up its own handling (an audit
        still starting its workers) ends as one does after: "已中止。" and status 130, where Click
        would say the same with status 1."""
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            click.echo(file=sys.stderr)
            click.echo(gettext("Aborted!"), file=sys.stderr)
            ctx.exit(INTERRUPTED)

    def main(self, args: Sequence[str] | None = None, *rest, **extra):  # type: ignore[override]
        arguments = list(sys.argv[1:] if args is None else args)
        self.resolved = None
        set_lang(lang_from_args(arguments))
        install()
        localise(self, current_lang())
        return super().main(arguments, *rest, **extra)


# --lang where a command has no language of its own to pass on: the raw arguments already set it.
LANG_ONLY = click.option(
    "--lang", type=click.Choice(LANGS), default=None, expose_value=False, help="help.lang"
)
