"""Which files a folder given on the command line stands for, and in which order."""

from __future__ import annotations

import os
from pathlib import Path

from checker.read import supported_suffixes
from checker.run.collect import collect_paths


def _by_rglob(folder: Path) -> list[Path]:
    """The definition: every supported non-folder below ``folder`` outside hidden parts, sorted as
    paths sort."""
    wanted = supported_suffixes()
    return sorted(
        p
        for p in folder.rglob("*")
        if p.suffix.lower() in wanted
        and not p.is_dir()
        and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    )


def test_a_folder_gives_its_supported_files_in_path_order_hidden_parts_left_out(tmp_path):
    tree, other = tmp_path / "tree", tmp_path / "other"
    for folder in (tree / "a" / "deep", tree / ".git" / "objects", tree / ".venv" / "lib", other / "sub"):
        folder.mkdir(parents=True)
    for name in ("a/deep/r.txt", "a/Z.TXT", "a/b.docx", "a-b.txt", "a/.q.txt", ".git/objects/x.txt"):
        (tree / name).write_text("报告", encoding="utf-8")
    (tree / ".venv" / "lib" / "y.pdf").write_bytes(b"%PDF")
    (tree / "notes.md").write_text("not a report format", encoding="utf-8")
    (tree / "folder.txt").mkdir()  # a folder named like a report is not a report
    (other / "sub" / "linked.txt").write_text("报告", encoding="utf-8")
    (tree / "link").symlink_to(other, target_is_directory=True)  # not entered, as rglob does not
    (tree / "a" / "to-file.txt").symlink_to(other / "sub" / "linked.txt")
    (tree / "broken.txt").symlink_to(tmp_path / "missing.txt")
    os.mkfifo(tree / "a" / "pipe.txt")  # kept: the reader gives it an error row
    found = collect_paths([tree])
    assert found == _by_rglob(tree)
    assert [p.relative_to(tree).as_posix() for p in found] == [
        "a/Z.TXT",
        "a/b.docx",
        "a/deep/r.txt",
        "a/pipe.txt",
        "a/to-file.txt",
        "a-b.txt",
        "broken.txt",
    ]
    assert collect_paths([tree, tree / "a-b.txt", tree / "folder.txt"])[-1] == tree / "folder.txt"
