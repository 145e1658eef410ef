"""Extraction speed per format on the committed fixtures, against just reading the bytes.

Run: ``python benchmarks/bench_read.py [--repeat N]``. Prints, per format, the median time
per file and per page, the first call (which pays the library import), and the ratio to a
baseline that only reads the file's bytes. Pages are real pages for PDF and, for the other
formats, "公文页" of 616 characters (22 lines × 28 characters, GB/T 9704).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker.read import read_bytes  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "formats"
CHARS_PER_PAGE = 616
GROUPS = {
    "txt (utf-8/gbk/utf-16/big5)": "seed*.txt",
    "docx": "seed*.docx",
    "pdf": "seed*.pdf",
    "html": "seed*.html",
    "doc (antiword)": "seed*.doc",
    "wps (soffice)": "seed*.wps",
}
SLOW = {"wps (soffice)"}


def _median_seconds(action, repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def _pages(path: Path, text: str) -> float:
    if path.suffix == ".pdf":
        import pypdfium2 as pdfium

        document = pdfium.PdfDocument(path.read_bytes())
        try:
            return float(len(document))
        finally:
            document.close()
    return max(len("".join(text.split())) / CHARS_PER_PAGE, 1.0)


def bench_group(pattern: str, repeat: int) -> tuple[float, float, float, float, int] | None:
    paths = sorted(FIXTURES.glob(pattern))
    if not paths:
        return None
    first = baseline = extract = pages = 0.0
    for index, path in enumerate(paths):
        suffix = path.suffix
        start = time.perf_counter()
        source = read_bytes(path.read_bytes(), suffix)
        if index == 0:
            first = time.perf_counter() - start
        baseline += _median_seconds(path.read_bytes, repeat)
        extract += _median_seconds(lambda p=path: read_bytes(p.read_bytes(), p.suffix), repeat)
        pages += _pages(path, source.text)
    count = len(paths)
    return extract / count, extract / pages, first, extract / baseline, count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    header = f"{'format':<30}{'files':>6}{'ms/file':>10}{'ms/page':>10}{'1st call ms':>13}{'× read':>10}"
    print(header)
    print("-" * len(header))
    for name, pattern in GROUPS.items():
        try:
            row = bench_group(pattern, 1 if name in SLOW else args.repeat)
        except Exception as exc:  # a missing tool must not hide the other rows
            print(f"{name:<30} skipped: {type(exc).__name__}: {exc}")
            continue
        if row is None:
            continue
        per_file, per_page, first, ratio, count = row
        print(
            f"{name:<30}{count:>6}{per_file * 1000:>10.2f}{per_page * 1000:>10.2f}"
            f"{first * 1000:>13.1f}{ratio:>10.0f}"
        )


if __name__ == "__main__":
    main()
