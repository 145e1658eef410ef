"""Shared fixtures: the bundled real reports and corpus openings."""

from __future__ import annotations

import datetime as dt
import signal
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# the fzcheck executable in a fresh process: python -m checker enters where the console script does
FZCHECK = [sys.executable, "-m", "checker"]
REPORTS = ROOT / "reports"
CORPUS = ROOT / "tests" / "fixtures" / "corpus"
TODAY = dt.date(2026, 11, 23)

SEEDS = {
    "000": REPORTS / "000_ff357cf36fec75c2.txt",
    "001": REPORTS / "001_f491bedcbbc154a0.txt",
    "002": REPORTS / "002_bf556798e1d6e7e5.txt",
    "003": REPORTS / "003_b4af584f926d2a40.txt",
    "004": REPORTS / "004_e0bbcac91444e860.txt",
}


def pytest_configure(config) -> None:
    """The interrupt tests press Ctrl+C on fzcheck processes they start, which must begin as from a
    terminal: with SIGINT's default action. A suite started in the background of a script
    (``pytest &``) inherits SIGINT ignored and hands that on to every child, which then never sees
    the Ctrl+C (each interrupt test ran to the end and failed). A handler, unlike SIG_IGN, is not
    inherited across exec."""
    if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)


def seed_text(key: str) -> str:
    return SEEDS[key].read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def national():
    from checker.packs.pack import load_pack

    return load_pack("national")
