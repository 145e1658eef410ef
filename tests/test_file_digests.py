"""File digests remembered by stat signature: a file is read again whenever it may have changed."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys

import pytest

from checker import file_digests
from tests.conftest import ROOT

HOUR_NS = 3600 * 10**9


@pytest.fixture
def reads(monkeypatch, tmp_path):
    """The files hashed (read) in this test, with a fresh record file of its own."""
    records = tmp_path / "cache" / "digests.marshal"  # fixed now: the file is written at exit
    monkeypatch.setattr(file_digests, "_RECORDS", file_digests.MarshalFile(lambda: records))
    hashed: list[str] = []
    real = file_digests._hash_file
    monkeypatch.setattr(file_digests, "_hash_file", lambda name: hashed.append(name) or real(name))
    return hashed


def _aged(path, content: bytes, age_ns: int = HOUR_NS) -> None:
    """Write ``content`` with a modification time ``age_ns`` in the past."""
    path.write_bytes(content)
    then = path.stat().st_mtime_ns - age_ns
    os.utime(path, ns=(then, then))


def test_an_old_unchanged_file_is_hashed_once(tmp_path, reads):
    pack = tmp_path / "pack.yaml"
    _aged(pack, "规则：依法行政\n".encode())
    expected = hashlib.sha256(pack.read_bytes()).hexdigest()
    assert file_digests.file_digest(pack) == file_digests.file_digest(str(pack)) == expected
    assert reads == [str(pack)]
    assert file_digests.file_digest(tmp_path / "missing.yaml") is None


def test_a_changed_signature_means_reading_again(tmp_path, reads):
    pack = tmp_path / "pack.yaml"
    _aged(pack, b"rules: 1\n")
    first = file_digests.file_digest(pack)
    _aged(pack, b"rules: 2\n", age_ns=HOUR_NS // 2)  # same size, another time
    assert file_digests.file_digest(pack) == hashlib.sha256(b"rules: 2\n").hexdigest() != first
    replaced = tmp_path / "other.yaml"
    _aged(replaced, b"rules: 3\n")
    os.utime(replaced, ns=(pack.stat().st_mtime_ns,) * 2)
    os.replace(replaced, pack)  # same size and time, another inode
    assert file_digests.file_digest(pack) == hashlib.sha256(b"rules: 3\n").hexdigest()
    assert len(reads) == 3


def test_a_file_hashed_soon_after_its_edit_is_never_trusted(tmp_path, reads):
    """Its next edit could keep size and time (coarse timestamps): it is read on every call
    until it is older than RACY_NS when hashed."""
    pack = tmp_path / "pack.yaml"
    pack.write_bytes(b"rules: 1\n")
    stamp = pack.stat().st_mtime_ns
    file_digests.file_digest(pack)
    pack.write_bytes(b"rules: 2\n")
    os.utime(pack, ns=(stamp, stamp))  # an edit the timestamp does not show
    assert file_digests.file_digest(pack) == hashlib.sha256(b"rules: 2\n").hexdigest()
    assert len(reads) == 2


def test_damaged_records_cost_a_read_not_a_wrong_digest(tmp_path, reads):
    pack = tmp_path / "pack.yaml"
    _aged(pack, b"rules: 1\n")
    name = str(pack.resolve())
    info = pack.stat()
    records = file_digests._RECORDS.entries()
    for damaged in ("digest", (1, 2), (info.st_size, info.st_mtime_ns, info.st_ino, None, "x" * 64)):
        records[name] = damaged
        assert file_digests.file_digest(pack) == hashlib.sha256(b"rules: 1\n").hexdigest()
    assert len(reads) == 3


def test_records_are_kept_between_runs_and_not_at_all_without_a_cache(tmp_path):
    """A second process trusts what the first hashed; with FZCHECK_NO_CACHE each one reads."""
    pack = tmp_path / "pack.yaml"
    _aged(pack, "规则\n".encode())
    probe = (
        "import sys; from checker import file_digests as f; read = f._hash_file; hashed = []\n"
        "f._hash_file = lambda name: hashed.append(name) or read(name)\n"
        "print(f.file_digest(sys.argv[1]), len(hashed))\n"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    env.pop("FZCHECK_NO_CACHE", None)
    expected = hashlib.sha256("规则\n".encode()).hexdigest()

    def run(environment: dict[str, str]) -> list[str]:
        command = [sys.executable, "-c", probe, str(pack)]
        done = subprocess.run(command, cwd=ROOT, env=environment, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        return done.stdout.split()

    assert run(env) == [expected, "1"]
    assert run(env) == [expected, "0"]
    assert (tmp_path / "cache" / "fzcheck" / "digests.marshal").is_file()
    off = {**env, "FZCHECK_NO_CACHE": "1", "XDG_CACHE_HOME": str(tmp_path / "off")}
    assert run(off) == [expected, "1"] and run(off) == [expected, "1"]
    assert not (tmp_path / "off").exists()
