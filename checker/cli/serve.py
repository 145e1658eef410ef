"""``fzcheck serve``: the self-check page and API (Starlette under uvicorn)."""

from __future__ import annotations

import datetime as dt
import socket
import sys

import click

from checker.cli.options import check_options, pack_lang_today
from checker.cli.translate import current_lang
from checker.cli.usage import error_text, load_pack_or_exit
from checker.i18n import t as msg
from checker.run.exitcodes import EXIT_OK, EXIT_USAGE


def _size(value: str) -> int:
    from checker.serve.settings import parse_size

    try:
        return parse_size(value)
    except ValueError:
        raise click.BadParameter(msg("cli.bad-size", current_lang(), value=value)) from None


@click.command(help="help.serve")
@click.option("--host", default="127.0.0.1", show_default=True, metavar="meta.host", help="help.serve.host")
@click.option(
    "--port",
    default=8765,
    show_default=True,
    type=click.IntRange(0, 65535),
    metavar="meta.number",
    help="help.serve.port",
)
@click.option(
    "--workers",
    default=0,
    show_default=True,
    type=click.IntRange(0, 64),
    metavar="meta.number",
    help="help.serve.workers",
)
@click.option(
    "--max-upload", default="20MB", show_default=True, metavar="meta.size", help="help.serve.max-upload"
)
@click.option(
    "--queue",
    default=64,
    show_default=True,
    type=click.IntRange(0, 10000),
    metavar="meta.number",
    help="help.serve.queue",
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
    """Serve the self-check page and API (help: ``help.serve``)."""
    import uvicorn

    from checker.packs.yamlsrc import ConfigError
    from checker.serve.application import create_app
    from checker.serve.runner import uvicorn_config
    from checker.serve.settings import ServeSettings

    load_pack_or_exit(pack or "national")  # a bad pack: say plainly what to give instead
    settings = ServeSettings(
        check_options(pack or "national", lang, today),
        workers=workers,
        max_upload=_size(max_upload),
        queue=queue,
    )
    try:
        app = create_app(settings)
    except (ConfigError, FileNotFoundError) as exc:
        click.echo(msg("cli.bad-pack", lang, error=error_text(exc, lang)), err=True)
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
