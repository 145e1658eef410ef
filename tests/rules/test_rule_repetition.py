"""The same passage written twice; boilerplate formulas and titles do not count."""

from __future__ import annotations

from tests.rules.helpers import findings, seed


def test_repeated_sentence_in_seed_003():
    found = findings(seed("003"), "repetition")
    excerpts = [f.excerpt for f in found]
    assert any(e.startswith("利用办理业务或进行社区服务时") for e in excerpts)
    first = next(f for f in found if f.excerpt.startswith("利用办理业务"))
    assert first.line == 13 and "第13行" in first.message


def test_no_repetition_in_other_seeds():
    for key in ("000", "001", "002", "004"):
        assert findings(seed(key), "repetition") == [], key


def _repeats_by_index(text: str, k: int, step: int = 4):
    """The search spelled out with a dict of every window's first position (the reference)."""
    width = max(k - step + 1, 4)
    index = {text[i : i + width]: i for i in range(len(text) - width, -1, -1)}
    done = 0
    for q in range(0, len(text) - width + 1, step):
        if q < done:
            continue
        earlier = index[text[q : q + width]]
        if earlier + width > q:
            continue
        start, first = q, earlier
        while start > done and first > 0 and text[start - 1] == text[first - 1]:
            start, first = start - 1, first - 1
        end = q + width
        while end < len(text) and first + (end - start) < start and text[end] == text[first + end - start]:
            end += 1
        if end - start >= k and first + (end - start) <= start:
            yield first, start, end - start
            done = end


def test_repeated_runs_match_the_window_index_reference():
    import random
    import re

    from checker.check.ruletypes.repetition import _repeats
    from tests.conftest import SEEDS

    texts = [re.sub(r"[^\u4e00-\u9fff]", "", path.read_text(encoding="utf-8")) for path in SEEDS.values()]
    rng = random.Random(1)
    for _ in range(200):
        alphabet = "法治政府建设依法行政"[: rng.randint(2, 10)]
        texts.append("".join(rng.choice(alphabet) for _ in range(rng.randint(0, 400))))
    found = 0
    for text in texts:
        for k in (4, 8, 24):
            expected = list(_repeats_by_index(text, k))
            assert list(_repeats(text, k)) == expected
            found += len(expected)
    assert found > 100


def _long_texts() -> list[str]:
    """Han streams past ``LONG``: a real report's characters with a tenth of them changed, over
    and over (near-copies, the shape of a merged document); a small alphabet (repeats
    everywhere); and characters drawn from the whole block (almost none repeat)."""
    import random
    import re

    from checker.check.ruletypes.repetition import LONG
    from tests.conftest import SEEDS

    rng = random.Random(7)
    seed_chars = re.sub(r"[^\u4e00-\u9fff]", "", next(iter(SEEDS.values())).read_text(encoding="utf-8"))
    near_copies = []
    while sum(map(len, near_copies)) <= LONG:
        near_copies.append(
            "".join(c if rng.random() > 0.1 else chr(rng.randint(0x4E00, 0x9FFF)) for c in seed_chars)
        )
    return [
        "".join(near_copies),
        "".join(rng.choice("法治政府建设依法行政") for _ in range(LONG + 5_000)),
        "".join(chr(rng.randint(0x4E00, 0x9FFF)) for _ in range(LONG + 5_000)),
    ]


def test_long_bodies_looked_up_by_hash_match_the_reference():
    from checker.check.ruletypes.repetition import _repeats

    found = 0
    for text in _long_texts():
        for k in (4, 24):
            expected = list(_repeats_by_index(text, k))
            assert list(_repeats(text, k)) == expected
            found += len(expected)
    assert found > 1_000


def test_windows_sharing_a_hash_are_told_apart(monkeypatch):
    """With base 0 a window's hash is its last character: nearly every look-up meets another
    window with its hash, and each must be settled by comparing the text."""
    import checker.check.ruletypes.repetition as repetition

    monkeypatch.setattr(repetition, "_BASE", 0)
    for text in _long_texts()[::2]:
        assert list(repetition._repeats(text, 24)) == list(_repeats_by_index(text, 24))


def test_a_body_of_a_million_characters_is_checked_not_timed_out(tmp_path):
    """Looking each window up in all the text before it made the rule quadratic: a body of
    1.2 million Han characters took ~35 s, past the 30-second budget of a file."""
    import json
    import random
    import subprocess

    from tests.conftest import FZCHECK

    rng = random.Random(11)
    lines = [seed("003")]
    # characters reports use (drawn from the seeds): random ones from all of U+4E00–U+9FFF are
    # mostly rare, which the checker rightly refuses as garbled text
    common = sorted(
        {char for key in ("000", "001", "002", "003", "004") for char in seed(key) if "一" <= char <= "鿿"}
    )
    lines += ["".join(rng.choice(common) for _ in range(200)) + "。" for _ in range(6_000)]
    path = tmp_path / "merged.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    done = subprocess.run(
        [*FZCHECK, "check", "--format", "json", str(path)], capture_output=True, check=False
    )
    (result,) = json.loads(done.stdout)["results"]
    assert result["status"] == "ok", result.get("error")
    assert any(f["rule"] == "repetition" for f in result["findings"])  # seed 003 repeats a sentence


def test_stream_characters_map_back_to_their_place_in_the_paragraph():
    """Each character of the Han stream leads back to the same character of the body, with
    the pack's ignored spans (titles in 《》, stock formulas) left out, as the character-by-
    character walk it replaced found it."""
    import re

    from checker.check.ruletypes.repetition import _han_stream
    from checker.packs.pack import load_pack
    from checker.parse.structure import parse_document
    from checker.read import read_path
    from tests.conftest import SEEDS

    rule = next(r for r in load_pack("national").rules if r.id == "repetition")
    han = re.compile(r"[\u4e00-\u9fff]")
    checked = 0
    for path in SEEDS.values():
        body = parse_document(read_path(path)).body_paragraphs()
        stream = _han_stream(rule, body)
        expected = []
        for position, paragraph in enumerate(body):
            blanked = stream.ignore.sub(lambda m: " " * len(m.group(0)), paragraph.text)
            expected.extend((position, m.start()) for m in han.finditer(blanked))
        assert len(expected) == len(stream.text)
        for index in range(0, len(stream.text), 7):
            assert stream.origin(index) == expected[index]
            assert body[expected[index][0]].text[expected[index][1]] == stream.text[index]
            checked += 1
    assert checked > 1_000


def test_a_window_longer_than_a_long_body_finds_nothing():
    """A pack may ask for passages longer than the body: nothing to hash, nothing found."""
    from checker.check.ruletypes.repetition import LONG, _repeats

    text = _long_texts()[1]
    assert len(text) > LONG
    assert list(_repeats(text, len(text) + 10)) == []
