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


def test_word_lock_files_and_annotated_copies_are_left_out_of_a_folder(tmp_path):
    """A report open in Word leaves ~$报告.docx beside it; annotate leaves 报告.checked.docx."""
    seed = Path(__file__).resolve().parents[1] / "fixtures" / "formats" / "seed0.docx"
    (tmp_path / "报告.docx").write_bytes(seed.read_bytes())
    (tmp_path / "~$报告.docx").write_bytes(b"\x06fzuser" + b"\x00" * 155)  # as Word writes it
    (tmp_path / "报告.checked.docx").write_bytes(seed.read_bytes())
    (tmp_path / "只有批注版.checked.docx").write_bytes(seed.read_bytes())  # its original is not here
    names = [p.name for p in collect_paths([tmp_path])]
    assert names == ["只有批注版.checked.docx", "报告.docx"]


def test_a_lock_file_named_explicitly_says_what_it_is(tmp_path):
    from checker.api import check_file

    lock = tmp_path / "~$报告.docx"
    lock.write_bytes(b"\x06fzuser" + b"\x00" * 155)
    assert collect_paths([lock]) == [lock]
    result = check_file(lock)
    assert result.error is not None and result.error.code == "lock-file"
    assert "Word/WPS 打开文件时生成的临时文件" in result.error.message
    assert "temporary file Word/WPS keeps" in check_file(lock, lang="en").error.message
