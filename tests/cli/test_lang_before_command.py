"""``fzcheck --lang en COMMAND`` speaks English in every sub-command, as ``COMMAND --lang en`` does."""

from __future__ import annotations

import click
from click.testing import CliRunner

from checker.cli import main
from checker.cli.options import _lang_callback


def _leaf_commands(group: click.Group, prefix: tuple[str, ...] = ()):
    context = click.Context(group)
    for name in group.list_commands(context):
        command = group.get_command(context, name)
        if isinstance(command, click.Group):
            yield from _leaf_commands(command, (*prefix, name))
        else:
            yield (*prefix, name), command


def test_every_lang_option_falls_back_to_the_language_given_before_the_command():
    for path, command in _leaf_commands(main):
        for param in command.params:
            if param.name == "lang":  # its own value falls back, or it only sets the language (LANG_ONLY)
                assert param.callback is _lang_callback or not param.expose_value, " ".join(path)


def test_rules_commands_speak_the_language_given_before_them():
    runner = CliRunner()
    for args in (["--lang", "en", "rules", "types"], ["rules", "--lang", "en", "types"]):
        english = runner.invoke(main, args, prog_name="fzcheck")
        assert english.exit_code == 0, english.output
        assert "Whether the report has this part" in english.output
        assert "报告里有没有这一部分" not in english.output
    listing = runner.invoke(main, ["--lang", "en", "rules", "list"], prog_name="fzcheck")
    assert listing.exit_code == 0 and "Rule" in listing.output and "规则" not in listing.output.split("\n")[1]
