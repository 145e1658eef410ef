"""``fzcheck serve``: the local self-check page for agency staff."""

from __future__ import annotations

import datetime as dt
import sys

import click

from checker.cli.options import check_options, pack_lang_today
from checker.run.exitcodes import EXIT_OK, EXIT_USAGE


@click.command()
@click.option("--port", default=8765, show_default=True, type=click.IntRange(0, 65535), help="端口。")
@click.option("--host", default="127.0.0.1", show_default=True, help="监听地址（默认只在本机可访问）。")
@pack_lang_today
def serve(port: int, host: str, pack: str | None, lang: str, today: dt.date | None) -> None:
    """打开本机网页：把报告拖进去即可自查（文件只在本机处理）。"""
    from checker.packs.pack import load_pack
    from checker.packs.yamlsrc import ConfigError
    from checker.serve.server import make_server

    try:
        rule_pack = load_pack(pack or "national")
    except (ConfigError, FileNotFoundError) as exc:
        click.echo(f"规则包错误：{exc}", err=True)
        sys.exit(EXIT_USAGE)
    server = make_server(check_options(rule_pack, lang, today), host, port)
    click.echo(f"fzcheck 自查页面：http://{host}:{server.server_address[1]}/ （Ctrl+C 退出）")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    sys.exit(EXIT_OK)
