"""Fuzz ``fzcheck check``'s per-file path with mutated real files: one result row per input,
no traceback, bounded time and memory.

Inputs start from the format fixtures (tests/fixtures/formats: txt in several encodings,
docx, pdf, html) and are mutated with a fixed seed: byte flips, truncations, random bytes
under each suffix, broken XML inside a docx (the zip stays valid), a docx entry replaced by
random bytes or by another entry's XML, a duplicated entry name, deeply nested HTML. Every
case goes through what ``check`` runs per file (:func:`checker.run.budget.run_within` around
:func:`checker.api.analyse_file`).

A case fails when the check raises, or its row is ``internal`` / ``crash`` (a bug, not bad
input), or ``timeout`` (a hang). Prints and saves cases, failures by kind, time and peak memory.

    python benchmarks/fuzz.py --cases 10000 --seed 1
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import random
import resource
import sys
import tempfile
import time
import warnings
import zipfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "formats"
SUFFIXES = (".txt", ".docx", ".pdf", ".html")
BAD_CODES = {"internal", "crash", "timeout"}


@dataclass(frozen=True)
class Case:
    name: str  # mutation and source, for the report
    suffix: str
    data: bytes


def seeds() -> dict[str, list[bytes]]:
    """The fixture files per suffix (doc/wps need LibreOffice and are left out)."""
    out: dict[str, list[bytes]] = {suffix: [] for suffix in SUFFIXES}
    for path in sorted(FIXTURES.iterdir()):
        if path.suffix in out:
            out[path.suffix].append(path.read_bytes())
    return out


def flip(rng: random.Random, data: bytes) -> bytes:
    buffer = bytearray(data)
    for _ in range(rng.choice((1, 2, 8, 64))):
        at = rng.randrange(len(buffer))
        buffer[at] = rng.randrange(256)
    return bytes(buffer)


def truncate(rng: random.Random, data: bytes) -> bytes:
    return data[: rng.randrange(len(data))]


def random_bytes(rng: random.Random, data: bytes) -> bytes:
    return rng.randbytes(rng.choice((1, 16, 512, 4096, 65536)))


def broken_docx_xml(rng: random.Random, data: bytes) -> bytes:
    """A valid zip whose word/document.xml is cut, flipped or has a stray tag."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    target = rng.choice([n for n in source.namelist() if n.endswith(".xml")] or source.namelist())
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in source.namelist():
            body = source.read(name)
            if name == target or (name == "word/document.xml" and rng.random() < 0.5):
                choice = rng.randrange(4)
                if choice == 0:
                    body = body[: rng.randrange(max(1, len(body)))]
                elif choice == 1:
                    body = flip(rng, body)
                elif choice == 2:
                    at = rng.randrange(max(1, len(body)))
                    stray = rng.choice((b"<w:p>", b"</w:t>", b"<!--", b"&bogus;", b"\x00"))
                    body = body[:at] + stray + body[at:]
                else:
                    body = rng.randbytes(rng.randrange(1, 2048))
            archive.writestr(name, body)
    return out.getvalue()


def docx_parts(rng: random.Random, data: bytes) -> bytes:
    """A valid zip whose parts are well-formed but wrong: one part holds another's XML (the
    body holding styles), or a part name appears twice (readers disagree on which counts)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    names = source.namelist()
    main = "word/document.xml" if "word/document.xml" in names else names[0]
    target, donor = rng.choice((main, rng.choice(names))), rng.choice(names)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in names:
            archive.writestr(name, source.read(donor if name == target else name))
        if rng.random() < 0.5:
            with warnings.catch_warnings():  # zipfile warns of the duplicate it is asked for
                warnings.simplefilter("ignore")
                archive.writestr(rng.choice(names), source.read(donor))
    return out.getvalue()


def deep_html(rng: random.Random, data: bytes) -> bytes:
    tag = rng.choice(("div", "table", "span", "b", "font", "ul", "section", "p", "li", "td"))
    depth = rng.choice((100, 1000, 5000, 30000))
    inner = "法治政府建设年度报告" * rng.randrange(1, 50)
    closing = f"</{tag}>" * depth if rng.random() < 0.7 else ""
    return f"<html><body>{f'<{tag}>' * depth}{inner}{closing}</body></html>".encode()


MUTATIONS = {
    "flip": flip,
    "truncate": truncate,
    "random": random_bytes,
    "docx-xml": broken_docx_xml,
    "docx-parts": docx_parts,
    "deep-html": deep_html,
}


def cases(seed: int, count: int) -> Iterator[Case]:
    """``count`` cases, the same for the same seed."""
    rng = random.Random(seed)
    sources = seeds()
    for i in range(count):
        mutation = rng.choice(tuple(MUTATIONS))
        if mutation in ("docx-xml", "docx-parts"):
            suffix = ".docx"
        elif mutation == "deep-html":
            suffix = ".html"
        else:
            suffix = rng.choice(SUFFIXES)
        data = rng.choice(sources[suffix])
        yield Case(f"{i}:{mutation}{suffix}", suffix, MUTATIONS[mutation](rng, data))


def run_case(case: Case, folder: Path, timeout: float, memory_mb: int) -> tuple[str, float]:
    """Check one case as ``check`` does; returns its outcome ("ok", an error code, or
    "raised: …") and seconds."""
    from checker.api import analyse_file, error_result
    from checker.model import Result
    from checker.run.budget import Budget, run_within

    path = folder / f"case{case.suffix}"
    path.write_bytes(case.data)
    started = time.perf_counter()
    try:
        result = run_within(
            Budget(timeout, memory_mb),
            path,
            lambda: analyse_file(path).result,
            partial(_failure, path, error_result),
        )
    except BaseException as exc:  # a crash of the harness's own process: the worst outcome
        return f"raised: {type(exc).__name__}: {exc}", time.perf_counter() - started
    seconds = time.perf_counter() - started
    if not isinstance(result, Result):
        return "raised: no result", seconds
    if result.status == "error" and result.error is not None:
        return result.error.code, seconds
    return "ok", seconds


def _failure(path: Path, error_result, code: str, details: dict[str, object]):
    return error_result(str(path), code, "zh", **details)


def fuzz(seed: int, count: int, timeout: float = 10.0, memory_mb: int = 1024) -> dict:
    """Run ``count`` cases; a summary with the outcome counts and the failing cases."""
    outcomes: Counter[str] = Counter()
    failures: list[tuple[str, str]] = []
    slowest = 0.0
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        for case in cases(seed, count):
            outcome, seconds = run_case(case, Path(folder), timeout, memory_mb)
            outcomes[outcome if not outcome.startswith("raised") else "raised"] += 1
            slowest = max(slowest, seconds)
            if outcome in BAD_CODES or outcome.startswith("raised"):
                failures.append((case.name, outcome))
    peak_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    peak_children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {
        "seed": seed,
        "cases": count,
        "outcomes": dict(sorted(outcomes.items())),
        "failures": failures,
        "seconds": round(time.perf_counter() - started, 1),
        "slowest_case_s": round(slowest, 2),
        "peak_rss_mb": round(max(peak_self, peak_children), 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=10.0)
    args = parser.parse_args()
    summary = fuzz(args.seed, args.cases, args.timeout)
    print(json.dumps(summary, ensure_ascii=False, indent=2))
    out = ROOT / "benchmarks" / "results" / f"fuzz-{dt.date.today()}.json"
    out.write_text(json.dumps(summary, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"saved {out}")
    sys.exit(1 if summary["failures"] else 0)


if __name__ == "__main__":
    main()
