"""The self-check service under load: seed uploads at concurrency 1, 10 and 50 against
checking the same files in-process (``check_file``, one process, serial) in the same run.

A real uvicorn on a free loopback port, with the default worker pool (one check process
per core). Prints requests/s and p50/p95 latency per level and the ratio of throughput to
the in-process baseline. Run: python benchmarks/bench_serve.py
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from checker.api import check_file
from checker.serve.application import create_app
from checker.serve.runner import serving
from checker.serve.settings import ServeSettings

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "tests" / "fixtures" / "formats").glob("seed*.docx"))


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def baseline(rounds: int) -> dict[str, float]:
    """In-process ``check_file`` of the seeds, one after the other."""
    for path in SEEDS:  # warm the pack and the segmenter, as the service's workers are
        check_file(path)
    times = []
    started = time.perf_counter()
    for _ in range(rounds):
        for path in SEEDS:
            begun = time.perf_counter()
            check_file(path)
            times.append(time.perf_counter() - begun)
    wall = time.perf_counter() - started
    return {
        "per_s": len(times) / wall,
        "p50_ms": 1000 * percentile(times, 0.5),
        "p95_ms": 1000 * percentile(times, 0.95),
    }


def load(base: str, concurrency: int, requests: int) -> dict[str, float]:
    """``requests`` seed uploads, ``concurrency`` at a time; every answer must be a checked result."""
    payloads = [(path.name, path.read_bytes()) for path in SEEDS]
    client = httpx.Client(timeout=120, limits=httpx.Limits(max_connections=concurrency))

    def one(index: int) -> float:
        name, data = payloads[index % len(payloads)]
        begun = time.perf_counter()
        answer = client.post(f"{base}/api/check", files={"file": (name, data)})
        elapsed = time.perf_counter() - begun
        if answer.status_code != 200 or answer.json()["results"][0]["status"] != "ok":
            raise RuntimeError(f"upload {index}: HTTP {answer.status_code}")
        return elapsed

    for index in range(len(payloads)):  # warm every worker's caches
        one(index)
    started = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as threads:
        times = list(threads.map(one, range(requests)))
    wall = time.perf_counter() - started
    client.close()
    return {
        "per_s": requests / wall,
        "p50_ms": 1000 * percentile(times, 0.5),
        "p95_ms": 1000 * percentile(times, 0.95),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=100, help="uploads per concurrency level")
    parser.add_argument("--rounds", type=int, default=10, help="baseline rounds over the seeds")
    parser.add_argument("--workers", type=int, default=0, help="check processes (0: one per core)")
    args = parser.parse_args()
    settings = ServeSettings(workers=args.workers, queue=64)
    reference = baseline(args.rounds)
    rows = {"in-process check_file (baseline)": reference}
    with serving(create_app(settings)) as base:
        for concurrency in (1, 10, 50):
            rows[f"serve, concurrency {concurrency}"] = load(base, concurrency, args.requests)
    print(f"{len(SEEDS)} seed docx files, {args.requests} uploads per level, {settings.jobs} check processes")
    print(f"{'':34} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'× baseline':>11}")
    for name, row in rows.items():
        ratio = row["per_s"] / reference["per_s"]
        print(f"{name:34} {row['per_s']:8.1f} {row['p50_ms']:8.1f} {row['p95_ms']:8.1f} {ratio:11.2f}")
    out = ROOT / "benchmarks" / "results" / f"serve-{dt.date.today()}.json"
    out.write_text(json.dumps({"workers": settings.jobs, "rows": rows}, indent=2), encoding="utf-8")
    print(f"saved {out}")


if __name__ == "__main__":
    main()
