"""A large document of an unusual shape is checked within the per-file budget, not timed out.

Each case is a shape that once made one step quadratic. Run through ``fzcheck check`` as a
user runs it: a file over 2 MB is checked in a child process under the 30-second budget, and
an overrun comes back as a ``timeout`` row.
"""

from __future__ import annotations

import json
import random
import subprocess
from pathlib import Path

from checker.text.common_han import COMMON_HAN
from tests.conftest import FZCHECK

NUMERALS = "一二三四五六七八九十"
# headings of words a report uses: characters drawn from all of U+4E00–U+9FFF are gibberish,
# which the check rightly calls garbled text
WORDS = "".join(sorted(COMMON_HAN))


def _check(path: Path) -> dict:
    done = subprocess.run(
        [*FZCHECK, "check", "--format", "json", str(path)], capture_output=True, check=False
    )
    (result,) = json.loads(done.stdout)["results"]
    return result


def test_forty_thousand_headings(tmp_path):
    """Sections no element's heading claims are handed to the catch-all element; each was
    looked for in the list already claimed with ``in``, which compares sections whole: 25,000
    headings took 19 s, 40,000 passed the budget."""
    rng = random.Random(5)
    lines = ["关于2024年法治政府建设情况的报告"]
    for i in range(40_000):
        lines.append(f"{NUMERALS[i % 10]}、" + "".join(rng.choice(WORDS) for _ in range(8)))
    path = tmp_path / "headings.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    result = _check(path)
    assert result["status"] == "ok", result.get("error")
    assert result["is_report"] and result["elements"]
