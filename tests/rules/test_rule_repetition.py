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
