"""Show that a speed change left the results alone: snapshot the outputs, then compare snapshots.

A snapshot holds, for a fixed ``--today``:

* ``reports.json``: ``fzcheck check --format json reports/`` (the five seeds);
* ``fixtures.json``: the same over ``tests/fixtures`` (every format, encodings, bad files);
* ``encodings.json``: the seeds re-encoded as GB18030, UTF-16 and Latin-1/cp1252 mojibake;
* ``corpus.json``: ``check --format json`` over a generated corpus (``make_corpus.py``, seed 7);
* ``results.json`` and ``results.csv``: ``fzcheck audit`` of that corpus.

Take one snapshot on the code before a change and one after, then compare byte for byte:

    python benchmarks/same_outputs.py snapshot /tmp/before      # on the old commit
    python benchmarks/same_outputs.py snapshot /tmp/after       # on the new one
    python benchmarks/same_outputs.py compare /tmp/before /tmp/after
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from installed import FZCHECK

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
TODAY = "2025-03-01"
FILES = ("reports.json", "fixtures.json", "encodings.json", "corpus.json", "results.json", "results.csv")


def _check_json(paths: list[str], target: Path, cwd: Path) -> None:
    """``fzcheck check --format json`` over ``paths`` into ``target`` (any exit code but a crash)."""
    command = [FZCHECK, "check", "--no-config", "--format", "json", "--today", TODAY, *paths]
    done = subprocess.run(command, cwd=cwd, capture_output=True, check=False)
    if done.returncode not in (0, 1, 2) or not done.stdout:
        raise SystemExit(f"check failed ({done.returncode}): {done.stderr.decode(errors='replace')[-800:]}")
    target.write_bytes(done.stdout)


def _encodings(folder: Path) -> None:
    """The seeds in the encodings the reader has to undo."""
    folder.mkdir(parents=True)
    for seed in sorted((ROOT / "reports").glob("*.txt")):
        text = seed.read_text(encoding="utf-8")
        stem = seed.stem
        (folder / f"{stem}.gb18030.txt").write_bytes(text.encode("gb18030"))
        (folder / f"{stem}.utf16.txt").write_bytes(text.encode("utf-16"))
        (folder / f"{stem}.bom.txt").write_bytes(text.encode("utf-8-sig"))
        (folder / f"{stem}.latin1-mojibake.txt").write_bytes(text.encode("utf-8").decode("latin-1").encode())
        raw = text.encode("utf-8").decode("cp1252", errors="replace")
        (folder / f"{stem}.cp1252-mojibake.txt").write_bytes(raw.encode())
        half = len(text) // 2
        mixed = text[:half] + text[half:].encode("utf-8").decode("latin-1")
        (folder / f"{stem}.half-mojibake.txt").write_bytes(mixed.encode())


def snapshot(target: Path, n: int) -> None:
    sys.path.insert(0, str(HERE))
    sys.path.insert(0, str(ROOT))
    from make_corpus import build

    target.mkdir(parents=True, exist_ok=True)
    _check_json(["reports"], target / "reports.json", ROOT)
    _check_json(["tests/fixtures"], target / "fixtures.json", ROOT)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        _encodings(work / "encodings")
        _check_json(["encodings"], target / "encodings.json", work)
        build(n, work / "corpus")
        (work / "corpus" / "manifest.json").unlink()
        _check_json(["corpus"], target / "corpus.json", work)
        command = [FZCHECK, "audit", "corpus", "--out", "out", "--today", TODAY, "--no-progress"]
        done = subprocess.run(command, cwd=work, capture_output=True, check=False)
        if done.returncode not in (0, 1):
            detail = done.stderr.decode(errors="replace")[-800:]
            raise SystemExit(f"audit failed ({done.returncode}): {detail}")
        for name in ("results.json", "results.csv"):
            (target / name).write_bytes((work / "out" / name).read_bytes())
    print(f"snapshot of {n} generated reports in {target}")


def compare(before: Path, after: Path) -> int:
    differ = 0
    for name in FILES:
        old, new = (before / name).read_bytes(), (after / name).read_bytes()
        same = old == new
        differ += not same
        print(f"{name:16} {'identical' if same else 'DIFFERENT'} ({len(old)} / {len(new)} bytes)")
    return 1 if differ else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    take = sub.add_parser("snapshot")
    take.add_argument("target", type=Path)
    take.add_argument("--n", type=int, default=1000)
    both = sub.add_parser("compare")
    both.add_argument("before", type=Path)
    both.add_argument("after", type=Path)
    args = parser.parse_args()
    if args.command == "snapshot":
        snapshot(args.target, args.n)
    else:
        sys.exit(compare(args.before, args.after))


if __name__ == "__main__":
    main()
