"""``checker.digests`` gives hashlib's digests, small input or large, with OpenSSL loaded or not."""

from __future__ import annotations

import hashlib
import random
import subprocess
import sys

from checker import digests
from tests.conftest import ROOT

BULK = digests.BULK_BYTES
SIZES = (0, 1, 55, 56, 63, 64, 65, 1000, 30_000, BULK - 1, BULK, BULK + 7)


def _samples() -> list[bytes]:
    rng = random.Random(16)
    seed = sorted((ROOT / "reports").glob("*.txt"))[0].read_bytes()
    return [rng.randbytes(size) for size in SIZES] + [seed, "法治政府建设".encode()]


def test_the_same_digests_as_hashlib():
    for data in _samples():
        assert digests.sha256_hex(data) == hashlib.sha256(data).hexdigest()
        assert digests.sha1_hex(data) == hashlib.sha1(data).hexdigest()


def test_the_interpreters_own_implementations_agree_with_openssl():
    """The small-input path, called directly (in this process hashlib is loaded, so the public
    functions take OpenSSL's)."""
    assert digests._small_sha256 is not None and digests._small_sha1 is not None
    for data in _samples():
        assert digests._small_sha256(data).hexdigest() == hashlib.sha256(data).hexdigest()
        assert digests._small_sha1(data).hexdigest() == hashlib.sha1(data).hexdigest()


def test_a_small_input_does_not_load_openssl_and_a_bulk_one_does():
    probe = (
        "import sys; from checker import digests;"
        "print(digests.sha256_hex(b'abc'), digests.sha1_hex(b'abc'), '_hashlib' in sys.modules);"
        "digests.sha256_hex(bytes(digests.BULK_BYTES)); print('_hashlib' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True)
    first, second = done.stdout.splitlines()
    sha256, sha1, loaded = first.split()
    assert (sha256, sha1) == (hashlib.sha256(b"abc").hexdigest(), hashlib.sha1(b"abc").hexdigest())
    assert loaded == "False" and second == "True"
