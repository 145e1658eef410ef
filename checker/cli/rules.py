"""``fzcheck rules``: list, explain, validate and test rule packs; document rule types."""

from __future__ import annotations

import inspect
import sys

import click

from checker.run.exitcodes import EXIT_FAILED, EXIT_OK, EXIT_USAGE

PACK_OPTION = click.option(
    "--pack", default="national", show_default=True, help="规则包名称或 YAML 文件路径。"
)
LANG_OPTION = click.option("--lang", type=click.Choice(["zh", "en"]), default="zh")


def _load(pack: str):
    from checker.packs.pack import load_pack
    from checker.packs.yamlsrc import ConfigError

    try:
        return load_pack(pack)
    except (ConfigError, FileNotFoundError) as exc:
        click.echo(f"✗ {exc}", err=True)
        sys.exit(EXIT_USAGE)


def _type_doc(type_name: str) -> str:
    from checker.check.ruletypes import rule_type

    return inspect.cleandoc(rule_type(type_name).__doc__ or "")


@click.group()
def rules() -> None:
    """查看、解释、验证和测试规则包。"""


@rules.command("list")
@PACK_OPTION
@LANG_OPTION
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "markdown"]),
    default="text",
    show_default=True,
    help="markdown：输出 README 中的规则表。",
)
def rules_list(pack: str, lang: str, fmt: str) -> None:
    """列出规则包中的全部规则。"""
    rule_pack = _load(pack)
    if fmt == "markdown":
        from checker.packs.ruledoc import rules_markdown

        click.echo(rules_markdown(rule_pack), nl=False)
        return
    click.echo(f"{rule_pack.name}（{rule_pack.label}）")
    for rule in rule_pack.rules:
        state = "" if rule.enabled else "（已停用）"
        element = rule_pack.element(rule.element)
        name = element.name_en if lang == "en" else element.name
        click.echo(f"  {rule.id:34} {name:12} {rule.severity:8} {rule.weight:>5g}  {rule.basis}{state}")


def _indent(text: str, prefix: str = "    ") -> str:
    return "\n".join(prefix + line for line in text.splitlines())


@rules.command("explain")
@click.argument("rule_id")
@PACK_OPTION
@LANG_OPTION
def rules_explain(rule_id: str, pack: str, lang: str) -> None:
    """解释一条规则：查什么、为什么、依据、要素、级别、权重、规则类型和示例。"""
    rule_pack = _load(pack)
    rule = next((r for r in rule_pack.rules if r.id == rule_id), None)
    if rule is None:
        known = "、".join(r.id for r in rule_pack.rules)
        click.echo(f"规则包 {rule_pack.label} 中没有规则“{rule_id}”。可用：{known}", err=True)
        sys.exit(EXIT_USAGE)
    element = rule_pack.element(rule.element)
    message, suggestion = rule.text(lang)
    basis = str(rule.basis) + (f"（{rule.basis.note}）" if rule.basis.note else "")
    lines = [
        f"{rule.id}（{rule_pack.label}，{rule.source}）",
        f"  要素：{element.name}（{element.id}）",
        f"  级别：{rule.severity}　权重：{rule.weight:g}　{'启用' if rule.enabled else '已停用'}",
        *([f"  查什么：{rule.description}"] if rule.description else []),
        f"  提示：{message}",
        f"  为什么 / 依据：{basis}",
        f"  怎么改：{suggestion}",
        f"  规则类型：{rule.type}",
        _indent(_type_doc(rule.type)),
    ]
    if rule.params:
        lines.append(f"  参数：{rule.params}")
    for kind, label in (("pass", "合格示例"), ("fail", "不合格示例")):
        for passage in rule.examples.get(kind, [])[:1]:
            lines += [f"  {label}：", _indent(passage.strip(), "    │ ")]
    click.echo("\n".join(lines))


@rules.command("types")
def rules_types() -> None:
    """列出全部规则类型及其说明和参数（来自代码中的文档字符串和参数声明）。"""
    from checker.check.ruletypes import RULE_TYPES, params_schema_of
    from checker.packs.ruledoc import parameters_doc

    for name in RULE_TYPES:
        params = "\n".join(parameters_doc(params_schema_of(name)))
        click.echo(f"■ {name}\n{_indent(_type_doc(name), '  ')}\n  参数：\n{_indent(params)}\n")


@rules.command("validate")
@click.argument("pack_paths", nargs=-1, required=True)
def rules_validate(pack_paths: tuple[str, ...]) -> None:
    """用 JSON Schema 验证规则包；错误给出文件、行号和字段。"""
    from checker.packs.pack import load_pack
    from checker.packs.yamlsrc import ConfigError

    failed = False
    for path in pack_paths:
        try:
            pack = load_pack(path)
        except (ConfigError, FileNotFoundError) as exc:
            click.echo(f"✗ {exc}", err=True)
            failed = True
        else:
            click.echo(f"✓ {path}：{pack.label}，{len(pack.rules)} 条规则")
    sys.exit(EXIT_USAGE if failed else EXIT_OK)


@rules.command("test")
@click.argument("pack_paths", nargs=-1)
@click.option("--verbose", "-v", is_flag=True, help="也列出通过的示例。")
def rules_test(pack_paths: tuple[str, ...], verbose: bool) -> None:
    """运行规则包中每条规则的 examples：pass 示例不得报出该规则，fail 示例必须报出。

    不给参数时测试全国包。任一示例不符即退出码 1。
    """
    from checker.packs.ruletest import check_pack_examples

    failed = False
    for path in pack_paths or ("national",):
        rule_pack = _load(path)
        outcomes = check_pack_examples(rule_pack)
        click.echo(f"{rule_pack.label}（{path}）")
        click.echo(f"  {'规则':34} {'pass':>6} {'fail':>6}  结果")
        for rule in rule_pack.rules:
            mine = [o for o in outcomes if o.rule == rule.id]
            if not mine:
                click.echo(f"  {rule.id:34} {'-':>6} {'-':>6}  无示例")
                continue
            counts = {
                k: f"{sum(o.ok for o in mine if o.kind == k)}/{sum(o.kind == k for o in mine)}"
                for k in ("pass", "fail")
            }
            bad = [o for o in mine if not o.ok]
            click.echo(f"  {rule.id:34} {counts['pass']:>6} {counts['fail']:>6}  {'✗' if bad else '✓'}")
            for outcome in bad if not verbose else mine:
                _print_outcome(outcome)
            failed = failed or bool(bad)
    sys.exit(EXIT_FAILED if failed else EXIT_OK)


def _print_outcome(outcome) -> None:
    expect = "不应报出" if outcome.kind == "pass" else "应当报出"
    got = outcome.error or ("；".join(f.message for f in outcome.findings) or "未报出")
    head = outcome.passage.strip().splitlines()[0][:40] if outcome.passage.strip() else ""
    mark = "✓" if outcome.ok else "✗"
    click.echo(f"      {mark} {outcome.kind}[{outcome.index}]（{expect}）“{head}…” → {got}")
