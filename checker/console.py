"""The ``fzcheck`` executable: the command line, imported without the cyclic collector's rework."""

from __future__ import annotations

import gc


def main() -> None:
    """Run the ``fzcheck`` command line (the console script and ``python -m checker``).

    Importing the command line builds some 25,000 objects the collector tracks (modules,
    classes, functions and their dictionaries) that live until the process ends. The cyclic
    collector would walk them at every full collection while they are built and again at exit:
    11 % of the instructions of a single check. So they are imported with the collector paused,
    then frozen (kept out of its sight; none of them is garbage), and the collector runs as
    usual for everything the command itself allocates."""
    gc.disable()
    try:
        from checker.cli import main as command

        gc.freeze()
    finally:
        gc.enable()
    command()
