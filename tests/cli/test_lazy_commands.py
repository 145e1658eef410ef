"""Sub-commands are imported when they run: a plain check loads neither the service, the
annotator nor the YAML parser, and every sub-command is still there. A check from the cache
loads neither OpenSSL (``_hashlib``, 3–12 ms) nor ``json``, ``copy`` or ``heapq``:
``checker.digests`` and msgspec do their work."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from checker.cli import COMMANDS, main
from tests.conftest import ROOT

PROBE = """
import sys
from checker.cli import main
try:
    main(["check", "--today", "2025-03-01", sys.argv[1]])
except SystemExit:
    pass
names = ("checker.serve", "checker.cli.serve", "checker.annotate", "checker.cli.annotate",
         "checker.cli.init", "checker.audit", "yaml", "jsonschema", "zipfile", "_hashlib", "json",
         "copy", "heapq", "numpy", "checker.check.previous")
loaded = {name: name in sys.modules for name in names}
import json
print(json.dumps(loaded))
"""


def test_a_plain_check_imports_only_what_it_uses(tmp_path):
    seed = sorted((ROOT / "reports").glob("*.txt"))[0]
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    env.pop("FZCHECK_NO_CACHE", None)
    for run in ("first", "cached"):  # the second run reads pack and data from the cache
        done = subprocess.run(
            [sys.executable, "-c", PROBE, str(seed)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        loaded = json.loads(done.stdout.strip().splitlines()[-1])
        # a first run parses and validates the pack (YAML, jsonschema, which reads metadata by
        # zipfile and loads json and hashlib) and writes the data cache with json
        first_only = ("yaml", "jsonschema", "zipfile", "_hashlib", "json", "copy", "heapq")
        parsing = first_only if run == "first" else ()
        assert not any(loaded[name] for name in loaded if name not in parsing), (run, loaded)


def test_every_registered_command_loads_and_is_listed():
    import click

    context = click.Context(main)
    assert main.list_commands(context) == sorted(COMMANDS)
    for name in COMMANDS:
        command = main.get_command(context, name)
        assert isinstance(command, click.Command) and command.name == name
