"""Files the commands write: a target that cannot be written is explained in words (exit 2, no
traceback) before any work; a run that stops half-way leaves the old file and no partial one."""

from __future__ import annotations

import errno
import io
import json
import os
import subprocess

import pytest

from checker.outfiles import PendingFile, cannot_write
from tests.conftest import FZCHECK, ROOT, SEEDS

SEED = str(SEEDS["000"])


def fzcheck(*args: str, cwd=ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*FZCHECK, *args], cwd=cwd, capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize(
    ("args", "target"),
    [
        (["check", "--format", "json", "-o", "{missing}/out.json", SEED], "{missing}/out.json"),
        (["check", "-o", "{folder}", SEED], "{folder}"),
        (["baseline", "-o", "{missing}/baseline.json", SEED], "{missing}/baseline.json"),
        (["annotate", SEED, "-o", "{missing}/a.docx"], "{missing}/a.docx"),
        (["audit", SEED, "--out", "{file}/out"], "{file}/out"),
    ],
)
def test_an_output_that_cannot_be_written_is_explained(tmp_path, args, target):
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    places = {
        "missing": str(tmp_path / "no-such-folder"),
        "folder": str(tmp_path),
        "file": str(tmp_path / "a-file"),
    }
    done = fzcheck(*(a.format(**places) for a in args))
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert f"无法写入“{target.format(**places)}”" in done.stderr
    assert "文件夹" in done.stderr  # what is wrong with it, in words
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file"]  # nothing left behind


def test_the_refusal_is_said_in_english_with_lang_en(tmp_path):
    done = fzcheck("check", "--lang", "en", "--format", "json", "-o", str(tmp_path / "no" / "x.json"), SEED)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert f"Cannot write '{tmp_path / 'no' / 'x.json'}': its folder does not exist" in done.stderr


@pytest.mark.parametrize(
    ("code", "zh", "en"),
    [
        (errno.ENOSPC, "磁盘空间已满", "the disk is full"),
        (errno.EACCES, "没有写入权限", "you may not write there"),
        (errno.EROFS, "只读", "read-only"),
        (errno.EIO, "系统拒绝写入（Input/output error）", "the system refused (Input/output error)"),
    ],
)
def test_each_refusal_says_why(code, zh, en):
    exc = OSError(code, os.strerror(code))
    assert zh in str(cannot_write("out.json", exc, "zh"))
    assert en in str(cannot_write("out.json", exc, "en"))


def test_a_stopped_check_leaves_the_old_output_and_no_partial_file(tmp_path, monkeypatch):
    import checker.run.config_run as config_run
    from checker.cli import main

    target = tmp_path / "out.json"
    target.write_text("the previous run\n", encoding="utf-8")
    real_check = config_run._check
    calls = []

    def stop_at_the_second(file, options):
        calls.append(file)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real_check(file, options)

    monkeypatch.setattr(config_run, "_check", stop_at_the_second)
    with pytest.raises(SystemExit):  # click turns Ctrl+C into "Aborted!" and exit 1
        main(["check", "--no-config", "--format", "json", "-o", str(target), SEED, str(SEEDS["001"])])
    assert target.read_text(encoding="utf-8") == "the previous run\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_a_disk_filling_up_during_the_run_names_the_file(tmp_path, monkeypatch):
    from checker.formats import jsonout

    real_add = jsonout.Writer.add
    calls = []

    def fill_up(self, result):
        calls.append(result.path)
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_add(self, result)

    monkeypatch.setattr(jsonout.Writer, "add", fill_up)
    from click.testing import CliRunner

    from checker.cli import main

    target = tmp_path / "out.json"
    arguments = ["check", "--no-config", "--format", "json", "-o", str(target), SEED, str(SEEDS["001"])]
    done = CliRunner().invoke(main, arguments)
    assert done.exit_code == 2
    assert f"无法写入“{target}”：磁盘空间已满" in done.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_complete_run_writes_every_output_with_the_usual_mode(tmp_path):
    json_file, sarif_file = tmp_path / "r.json", tmp_path / "r.sarif"
    done = fzcheck(
        "check", "--no-config", "--format", "json", "--format", "sarif", "--format", "text",
        "-o", str(json_file), "-o", str(sarif_file), SEED,
    )  # fmt: skip
    assert done.returncode in (0, 1), done.stderr
    assert json.loads(json_file.read_text(encoding="utf-8"))["results"][0]["path"] == SEED
    assert json.loads(sarif_file.read_text(encoding="utf-8"))["version"] == "2.1.0"
    assert f"━━ {SEED}" in done.stdout
    umask = os.umask(0)
    os.umask(umask)
    assert json_file.stat().st_mode & 0o777 == 0o666 & ~umask  # not mkstemp's private 0600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.json", "r.sarif"]


def test_a_pending_file_keeps_the_mode_of_the_file_it_replaces(tmp_path):
    target = tmp_path / "shared.json"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    pending = PendingFile(target)
    pending.text.write("new")
    assert target.read_text(encoding="utf-8") == "old"  # untouched until commit
    pending.commit()
    assert target.read_text(encoding="utf-8") == "new"
    assert target.stat().st_mode & 0o777 == 0o640


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_pipe_is_written_in_place_and_one_nobody_reads_is_refused(tmp_path):
    import select
    import stat

    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    done = fzcheck("check", "--no-config", "--format", "json", "-o", str(pipe), SEED)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "没有程序在读取它" in done.stderr  # refused at once, not waiting for a reader
    reading = os.open(pipe, os.O_RDONLY | os.O_NONBLOCK)  # a reader is there before the check starts
    received = b""
    try:
        process = subprocess.Popen(
            [*FZCHECK, "check", "--no-config", "--format", "json", "-o", str(pipe), SEED],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        while True:
            finished = process.poll() is not None
            ready, _, _ = select.select([reading], [], [], 0.1)
            chunk = os.read(reading, 1 << 16) if ready else b""
            received += chunk
            if finished and not chunk:
                break
    finally:
        os.close(reading)
    assert process.wait(60) in (0, 1), process.stderr.read() if process.stderr else ""
    assert json.loads(received)["results"][0]["path"] == SEED
    assert stat.S_ISFIFO(pipe.stat().st_mode)  # still the pipe, not a file put in its place


def test_a_link_keeps_pointing_at_the_file_it_names(tmp_path):
    real = tmp_path / "real.json"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "latest.json"
    link.symlink_to(real.name)
    done = fzcheck("check", "--no-config", "--format", "json", "-o", str(link), SEED)
    assert done.returncode in (0, 1), done.stderr
    assert link.is_symlink() and os.readlink(link) == "real.json"
    assert json.loads(real.read_text(encoding="utf-8"))["results"][0]["path"] == SEED


class _FullDisk(io.RawIOBase):
    """A file descriptor on a disk with no space left: every write raises ``ENOSPC``, as the
    flush when the buffer fills (and again when the file is closed) does on a real full disk."""

    def __init__(self, handle: int) -> None:
        self.handle = handle

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def close(self) -> None:
        if not self.closed:
            os.close(self.handle)
        super().close()


@pytest.mark.parametrize(
    ("lang", "said"), [("zh", "无法写入“{}”：磁盘空间已满"), ("en", "Cannot write '{}': the disk is full")]
)
def test_a_full_disk_under_streamed_json_is_a_tool_error_without_traceback(tmp_path, monkeypatch, lang, said):
    """--format json streams into its file, so the full disk is met by a buffer flush during the
    run, and again when the unfinished file is closed to be discarded: that second error must
    not replace the message (it gave three tracebacks and exit 1, "a report failed")."""
    from click.testing import CliRunner

    import checker.outfiles as outfiles
    from checker.cli import main

    def full_disk(handle, binary, encoding, newline):
        raw = _FullDisk(handle)
        buffered = io.BufferedWriter(raw)
        return buffered if binary else io.TextIOWrapper(buffered, encoding=encoding, newline=newline)

    monkeypatch.setattr(outfiles, "_open_stream", full_disk)
    target = tmp_path / "out.json"
    target.write_text("the previous run\n", encoding="utf-8")
    arguments = ["check", "--no-config", "--lang", lang, "--format", "json", "-o", str(target)]
    done = CliRunner().invoke(main, [*arguments, *(str(SEEDS[k]) for k in sorted(SEEDS))])
    assert done.exit_code == 2, done.stderr
    assert done.exception is None or isinstance(done.exception, SystemExit)
    assert said.format(target) in done.stderr
    assert "Traceback" not in done.stderr
    assert target.read_text(encoding="utf-8") == "the previous run\n"  # untouched
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]  # no unfinished file left


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs Linux's /dev/full")
def test_writing_json_to_dev_full_exits_2_with_the_message():
    done = fzcheck("check", "--no-config", "--format", "json", "-o", "/dev/full", str(ROOT / "reports"))
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert "无法写入“/dev/full”：磁盘空间已满" in done.stderr
