"""``fzcheck rules``: list, explain, validate and test rule packs; document rule types."""

from __future__ import annotations

import sys

import click

from checker.cli.options import lang_option
from checker.cli.translate import LANG_ONLY, current_lang
from checker.cli.usage import error_text, load_pack_or_exit
from checker.i18n import t
from checker.run.exitcodes import EXIT_FAILED, EXIT_OK, EXIT_USAGE
from checker.text.width import table

PACK_OPTION = click.option(
    "--pack", default="national", show_default=True, metavar="meta.pack", help="help.pack"
)
_load = load_pack_or_exit


@click.group(help="help.rules")
@LANG_ONLY
def rules() -> None:
    """The ``rules`` commands (help: ``help.rules``)."""


def rules_table(rule_pack, lang: str) -> list[str]:
    """The pack's rules as a table aligned by display width: id, element, level, weight, basis."""
    header = [t(f"rules.col.{name}", lang) for name in ("rule", "element", "severity", "weight", "basis")]
    rows = [header]
    for rule in rule_pack.rules:
        element = rule_pack.element(rule.element)
        state = "" if rule.enabled else t("rules.disabled", lang)
        rows.append(
            [
                rule.id,
                element.name_en if lang == "en" else element.name,
                t(f"severity.{rule.severity}", lang),
                f"{rule.weight:g}",
                f"{rule.basis}{state}",
            ]
        )
    return table(rows, aligns="<<<><", indent="  ")


@rules.command("list", help="help.rules.list")
@PACK_OPTION
@lang_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "markdown"]),
    default="text",
    show_default=True,
    help="help.rules.list.format",
)
def rules_list(pack: str, lang: str, fmt: str) -> None:
    """List a pack's rules (help: ``help.rules.list``)."""
    rule_pack = _load(pack)
    if fmt == "markdown":
        from checker.packs.ruledoc import rules_markdown

        click.echo(rules_markdown(rule_pack), nl=False)
        return
    click.echo(
        f"{rule_pack.name}（{rule_pack.label}）" if lang == "zh" else f"{rule_pack.name} ({rule_pack.label})"
    )
    click.echo("\n".join(rules_table(rule_pack, lang)))
    click.echo(t("rules.count", lang, count=len(rule_pack.rules)))
    total = sum(rule.weight for rule in rule_pack.rules if rule.enabled)
    if total > 0:  # weights need not add up to 100: the score is their share
        click.echo(t("rules.weights", lang, total=f"{total:g}", point=f"{100 / total:.2g}"))


VERBOSE_OPTION = click.option("--verbose", "-v", is_flag=True, help="help.verbose-patterns")


@rules.command("explain", help="help.rules.explain")
@click.argument("rule_id", metavar="meta.rule")
@PACK_OPTION
@lang_option
@VERBOSE_OPTION
def rules_explain(rule_id: str, pack: str, lang: str, verbose: bool) -> None:
    """Explain one rule (help: ``help.rules.explain``)."""
    from checker.packs.ruledoc import explain

    rule_pack = _load(pack)
    rule = next((r for r in rule_pack.rules if r.id == rule_id), None)
    if rule is None:
        known = t("rt.list-separator", lang).join(r.id for r in rule_pack.rules)
        click.echo(t("cli.no-rule", lang, pack=rule_pack.label, rule=rule_id, known=known), err=True)
        sys.exit(EXIT_USAGE)
    click.echo(explain(rule, rule_pack, lang, verbose))


@rules.command("types", help="help.rules.types")
@PACK_OPTION
@lang_option
@VERBOSE_OPTION
def rules_types(pack: str, lang: str, verbose: bool) -> None:
    """Document every rule type (help: ``help.rules.types``)."""
    from checker.packs.ruledoc import explain_types

    click.echo(explain_types(_load(pack), lang, verbose))


@rules.command("validate", help="help.rules.validate")
@click.argument("pack_paths", nargs=-1, required=True, metavar="meta.packs")
@LANG_ONLY
def rules_validate(pack_paths: tuple[str, ...]) -> None:
    """Validate packs against the schema (help: ``help.rules.validate``)."""
    from checker.packs.pack import load_pack
    from checker.packs.yamlsrc import ConfigError

    lang = current_lang()
    failed = False
    for path in pack_paths:
        try:
            pack = load_pack(path)
        except (ConfigError, FileNotFoundError) as exc:
            click.echo(f"✗ {error_text(exc, lang)}", err=True)
            failed = True
        else:
            click.echo(t("rules.valid", lang, path=path, label=pack.label, count=len(pack.rules)))
    sys.exit(EXIT_USAGE if failed else EXIT_OK)


@rules.command("test", help="help.rules.test")
@click.argument("pack_paths", nargs=-1, metavar="meta.packs-optional")
@click.option("--verbose", "-v", is_flag=True, help="help.rules.test.verbose")
@LANG_ONLY
def rules_test(pack_paths: tuple[str, ...], verbose: bool) -> None:
    """Run every rule's examples (help: ``help.rules.test``)."""
    from checker.packs.ruletest import check_pack_examples

    lang = current_lang()
    failed = False
    for path in pack_paths or ("national",):
        rule_pack = _load(path)
        outcomes = check_pack_examples(rule_pack)
        click.echo(f"{rule_pack.label}（{path}）" if lang == "zh" else f"{rule_pack.label} ({path})")
        rows = [[t("rules.col.rule", lang), "pass", "fail", t("rules.test.result", lang)]]
        details: list[list] = [[]]
        for rule in rule_pack.rules:
            mine = [o for o in outcomes if o.rule == rule.id]
            if not mine:
                rows.append([rule.id, "-", "-", t("rules.test.none", lang)])
                details.append([])
                continue
            counts = {
                k: f"{sum(o.ok for o in mine if o.kind == k)}/{sum(o.kind == k for o in mine)}"
                for k in ("pass", "fail")
            }
            bad = [o for o in mine if not o.ok]
            rows.append([rule.id, counts["pass"], counts["fail"], "✗" if bad else "✓"])
            details.append(bad if not verbose else mine)
            failed = failed or bool(bad)
        for line, shown in zip(table(rows, aligns="<>><", indent="  "), details, strict=True):
            click.echo(line)
            for outcome in shown:
                _print_outcome(outcome, lang)
    sys.exit(EXIT_FAILED if failed else EXIT_OK)


def _print_outcome(outcome, lang: str) -> None:
    expect = t("rules.test.expect-" + outcome.kind, lang)
    separator = t("cli.reason-separator", lang)
    got = outcome.error or (
        separator.join(f.message for f in outcome.findings) or t("rules.test.not-raised", lang)
    )
    head = outcome.passage.strip().splitlines()[0][:40] if outcome.passage.strip() else ""
    mark = "✓" if outcome.ok else "✗"
    click.echo(
        f"      {mark} {outcome.kind}[{outcome.index}]{t('ui.where', lang, where=expect)}“{head}…” → {got}"
    )
