"""``fzcheck serve``: the self-check page and API (Starlette under uvicorn)."""

from __future__ import annotations

import datetime as dt
import socket
import sys

import click

from checker.cli.options import pack_lang_today
from checker.run.exitcodes import EXIT_OK, EXIT_USAGE


def _size(value: str) -> int:
    from checker.serve.settings import parse_size

    try:
        return parse_size(value)
    except ValueError:
        raise click.BadParameter(f"“{value}”不是有效的大小，例如 20MB、512KB。") from None


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="监听地址（默认只在本机可访问）。")
@click.option(
    "--port",
    default=8765,
    show_default=True,
    type=click.IntRange(0, 65535),
    help="端口（0 为任选空闲端口）。",
)
@click.option(
    "--workers",
    default=0,
    show_default=True,
    type=click.IntRange(0, 64),
    help="同时检查的工作进程数（0 为每个 CPU 核一个）。",
)
@click.option("--max-upload", default="20MB", show_default=True, help="单次上传的大小上限，超过即答 413。")
@click.option(
    "--queue",
    default=64,
    show_default=True,
    type=click.IntRange(0, 10000),
    help="可排队等待的检查数，满了答 503。",
)
@pack_lang_today
def serve(
    host: str,
    port: int,
    workers: int,
    max_upload: str,
    queue: int,
    pack: str | None,
    lang: str,
    today: dt.date | None,
) -> None:
    """启动自查网页和接口：把报告拖进去即可检查（默认只在本机可访问）。"""
    import uvicorn

    from checker.packs.yamlsrc import ConfigError
    from checker.serve.app import create_app
    from checker.serve.runner import uvicorn_config
    from checker.serve.settings import ServeSettings

    settings = ServeSettings(
        pack=pack or "national",
        lang=lang,
        today=today,
        workers=workers,
        max_upload=_size(max_upload),
        queue=queue,
    )
    try:
        app = create_app(settings)
    except (ConfigError, FileNotFoundError) as exc:
        click.echo(f"规则包错误：{exc}", err=True)
        sys.exit(EXIT_USAGE)
    try:
        listener = socket.create_server((host, port), backlog=2048)
    except OSError as exc:
        click.echo(f"无法监听 {host}:{port}：{exc.strerror or exc}", err=True)
        sys.exit(EXIT_USAGE)
    bound = listener.getsockname()[1]
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"fzcheck 自查页面：http://{shown}:{bound}/ （接口说明 /docs；Ctrl+C 退出）")
    server = uvicorn.Server(uvicorn_config(app, log_level="warning"))
    try:
        server.run(sockets=[listener])
    except KeyboardInterrupt:
        pass
    finally:
        listener.close()
    sys.exit(EXIT_OK)
