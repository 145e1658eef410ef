"""``fzcheck rules``: list and validate rule packs."""

from __future__ import annotations

import sys

import click

from checker.cli import EXIT_OK, EXIT_USAGE


@click.group()
def rules() -> None:
    """查看和验证规则包。"""


@rules.command("list")
@click.option("--pack", default="national", show_default=True)
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh")
def rules_list(pack: str, lang: str) -> None:
    """列出规则包中的全部规则。"""
    from checker.pack import load_pack

    rule_pack = load_pack(pack)
    click.echo(f"{rule_pack.name}（{rule_pack.label}）")
    for rule in rule_pack.rules:
        state = "" if rule.enabled else "（已停用）"
        element = rule_pack.element(rule.element)
        name = element.name_en if lang == "en" else element.name
        click.echo(f"  {rule.id:34} {name:12} {rule.severity:8} {rule.weight:>5g}  {rule.basis}{state}")


@rules.command("validate")
@click.argument("pack_paths", nargs=-1, required=True)
def rules_validate(pack_paths: tuple[str, ...]) -> None:
    """用 JSON Schema 验证规则包；错误给出文件、行号和字段。"""
    from checker.pack import load_pack
    from checker.yamlsrc import ConfigError

    failed = False
    for path in pack_paths:
        try:
            pack = load_pack(path)
        except ConfigError as exc:
            click.echo(f"✗ {exc}", err=True)
            failed = True
        else:
            click.echo(f"✓ {path}：{pack.label}，{len(pack.rules)} 条规则")
    sys.exit(EXIT_USAGE if failed else EXIT_OK)


