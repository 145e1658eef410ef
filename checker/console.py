"""The ``fzcheck`` executable: the command line, imported without the cyclic collector's rework
and, after a check, left without the interpreter's shutdown."""

from __future__ import annotations

import atexit
import gc
import os
import sys
import threading

# Commands that leave the interpreter's shutdown nothing to do: they write each file whole and
# close it at once, start no thread or process, and hold nothing whose finaliser must run.
QUICK_EXIT = frozenset({"check"})


def main() -> None:
    """Run the ``fzcheck`` command line (the console script and ``python -m checker``).

    Importing the command line builds some 25,000 objects the collector tracks (modules,
    classes, functions and their dictionaries) that live until the process ends. The cyclic
    collector would walk them at every full collection while they are built and again at exit:
    11 % of the instructions of a single check. So they are imported with the collector paused,
    then frozen (kept out of its sight; none of them is garbage), and the collector runs as
    usual for everything the command itself allocates."""
    from checker.streams import fit_streams

    fit_streams()
    gc.disable()
    try:
        from checker.cli import main as command

        gc.freeze()
    finally:
        gc.enable()
    try:
        command()
    except SystemExit as stop:
        if getattr(command, "resolved", None) in QUICK_EXIT:
            _exit_now(stop)
        raise


def _exit_now(stop: SystemExit) -> None:
    """End the process as ``sys.exit`` would, but without the interpreter's shutdown.

    The shutdown tears down every module and object one by one: 4 % of the instructions of a
    single check, for nothing a check needs. The exit handlers still run (they write the
    caches) and both output streams are flushed; when another thread is alive, the status is
    not a number, or a stream cannot be flushed, this returns and the usual exit takes over."""
    if threading.active_count() > 1 or not (stop.code is None or isinstance(stop.code, int)):
        return
    atexit._run_exitfuncs()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):  # a closed pipe, say: the usual exit reports it
        return
    os._exit(stop.code or 0)
