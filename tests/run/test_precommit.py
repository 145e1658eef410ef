"""The pre-commit hook, run for real with ``pre-commit run`` on a temporary repository.

pre-commit comes from the ``test`` extra. The hook's virtualenv is built the way a user's is: pip
installs the hook and its dependencies (and hatchling, in the isolated build) from the package index,
so the tests pass on a fresh machine whose base interpreter has none of the project's packages.
It is built once for the module, in its own PRE_COMMIT_HOME, and every test runs the hook from it
(``pre-commit try-repo`` builds it afresh at every call, in a store of its own: 15-40 s each).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, seed_text

HOOK_FILES = ("checker", "rules", "docs", "pyproject.toml", "README.md", ".pre-commit-hooks.yaml")
# Settings that would make the hook's virtualenv lean on the test interpreter's packages.
ISOLATION_LEAKS = ("VIRTUALENV_SYSTEM_SITE_PACKAGES", "PIP_NO_INDEX", "PIP_NO_BUILD_ISOLATION", "PYTHONPATH")
GIT_ENV = {
    "GIT_AUTHOR_NAME": "t",
    "GIT_AUTHOR_EMAIL": "t@example.org",
    "GIT_COMMITTER_NAME": "t",
    "GIT_COMMITTER_EMAIL": "t@example.org",
}


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, env={**os.environ, **GIT_ENV})


def hook_repository(target: Path) -> Path:
    """A committed snapshot of this project's working tree: the hook as users get it."""
    target.mkdir()
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in HOOK_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=ignore)
        else:
            shutil.copy2(source, target / name)
    git(target, "init", "-q")
    git(target, "add", ".")
    git(target, "commit", "-q", "-m", "snapshot")
    return target


def bad_report() -> str:
    """Seed 000 with its problems part and its plan part deleted."""
    text = seed_text("000")
    head = text.split("二、法治政府建设主要问题和不足")[0]
    return head + "\n株洲市退役军人事务局\n\n2025年1月23日\n"


@pytest.fixture(scope="module")
def work(tmp_path_factory):
    base = tmp_path_factory.mktemp("precommit")
    hooks = hook_repository(base / "hooks")
    repo = base / "work"
    repo.mkdir()
    git(repo, "init", "-q")
    (repo / "good.txt").write_text(seed_text("000"), encoding="utf-8")
    (repo / "bad.txt").write_text(bad_report(), encoding="utf-8")
    (repo / "notes.md").write_text("不是报告\n", encoding="utf-8")
    (repo / "requirements.txt").write_text("click>=8\nmsgspec\n", encoding="utf-8")
    (repo / "BAD.DOCX").write_bytes(b"not a zip archive")
    (repo / "drafts").mkdir()
    (repo / "drafts" / "draft.txt").write_text(bad_report(), encoding="utf-8")
    (repo / ".fzcheck.yaml").write_text("fail_on: error\nexclude:\n  - drafts/**\n", encoding="utf-8")
    git(repo, "add", ".")
    # what try-repo would write: the snapshot at its commit, the one hook; outside the work tree
    rev = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=hooks, check=True, capture_output=True, text=True
    ).stdout.strip()
    config = base / "pre-commit-config.yaml"
    config.write_text(f"repos:\n  - repo: {hooks}\n    rev: {rev}\n    hooks:\n      - id: fzcheck\n")
    return config, repo, base / "cache"


def run_hook(work, *files: str, verbose: bool = False) -> subprocess.CompletedProcess:
    config, repo, cache = work
    # The hook's own virtualenv installs the hook as a user's pre-commit does: pip builds it in an
    # isolated environment (hatchling from the index) and installs its dependencies. Nothing is
    # borrowed from the interpreter that runs the tests, so this passes from a bare Python too.
    env = {key: value for key, value in os.environ.items() if key not in ISOLATION_LEAKS}
    env.update(GIT_ENV)
    env["PRE_COMMIT_HOME"] = str(cache)
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pre_commit",
            "run",
            "--config",
            str(config),
            *(["--verbose"] if verbose else []),
            "--files",
            *files,
        ],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )


def test_hook_passes_a_good_report(work):
    run = run_hook(work, "good.txt")
    assert run.returncode == 0, run.stdout + run.stderr
    assert "Passed" in run.stdout


def test_hook_fails_a_report_without_problems_and_plan(work):
    run = run_hook(work, "good.txt", "bad.txt")
    assert run.returncode == 1, run.stdout + run.stderr
    assert "Failed" in run.stdout and "bad.txt" in run.stdout


def test_hook_ignores_files_it_does_not_read(work):
    run = run_hook(work, "notes.md")
    assert run.returncode == 0, run.stdout + run.stderr
    assert "no files to check" in run.stdout.lower() or "Skipped" in run.stdout


def test_hook_lets_a_text_that_is_not_a_report_through_with_a_note(work):
    """requirements.txt matches the hook's suffixes; it is no report, so it must not block the
    commit (it failed with "不是法治政府建设年度报告"), while a bad report beside it still does."""
    run = run_hook(work, "requirements.txt", verbose=True)  # pre-commit shows a passing hook's output only so
    assert run.returncode == 0, run.stdout + run.stderr
    assert "已跳过 requirements.txt：不是法治政府建设年度报告" in run.stdout
    run = run_hook(work, "requirements.txt", "bad.txt")
    assert run.returncode == 1, run.stdout + run.stderr


def test_hook_passes_a_commit_of_excluded_files_only(work):
    """pre-commit hands over only the excluded file: nothing to check is a pass (it was exit 2,
    "没有找到可检查的报告文件")."""
    run = run_hook(work, "drafts/draft.txt", verbose=True)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "都被配置文件的 exclude 排除" in run.stdout


def test_hook_checks_an_upper_case_suffix(work):
    """BAD.DOCX (unreadable) was skipped by a case-sensitive filter and committed unchecked."""
    run = run_hook(work, "BAD.DOCX")
    assert run.returncode == 1, run.stdout + run.stderr  # pre-commit's own code for a failed hook
    assert "Failed" in run.stdout and "exit code: 2" in run.stdout and "BAD.DOCX：未能检查" in run.stdout


def test_hook_files_filter_covers_every_suffix_the_readers_accept():
    import re

    import yaml

    from checker.read import supported_suffixes

    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    pattern = re.compile(hook["files"])  # pre-commit matches it with re.search
    for suffix in supported_suffixes():
        for name in (f"r{suffix}", f"reports/R{suffix.upper()}", f"a/b{suffix.title()}"):
            assert pattern.search(name), name
    for name in ("notes.md", "a.txt.bak", "data.json", "txt", "a.docx~"):
        assert not pattern.search(name), name
    assert "--skip-non-reports" in hook["entry"].split()
