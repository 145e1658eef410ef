"""Fixes declared in packs (``fix:``): computed on the text as written, validated by schema."""

from __future__ import annotations

import textwrap

import pytest

from checker.api import check_text
from checker.packs.pack import load_pack
from checker.packs.yamlsrc import ConfigError
from tests.conftest import TODAY, seed_text


def _fixes(text: str, pack: str = "national"):
    """Rule → its first fix."""
    result = check_text(text, pack=pack, today=TODAY)
    fixes = {}
    for finding in result.findings:
        if finding.fix is not None:
            fixes.setdefault(finding.rule, finding.fix)
    return fixes


def test_padded_and_chinese_numeral_dates_get_the_standard_form():
    base = seed_text("000").rstrip().rsplit("\n", 1)[0]
    assert _fixes(base + "\n2025年01月03日")["date-form"].new == "2025年1月3日"
    fix = _fixes(base + "\n二〇二五年一月二十三日")["date-form"]
    assert (fix.old, fix.new) == ("二〇二五年一月二十三日", "2025年1月23日")


def test_request_is_deleted_with_its_full_stop_and_spacing_keeps_the_original_characters():
    text = seed_text("000").replace("现将有关情况报告如下。", "现将有关情况报告如下。妥否，请批示。")
    fixes = _fixes(text)
    assert (fixes["no-request-wording"].old, fixes["no-request-wording"].new) == ("妥否，请批示。", "")
    assert (fixes["number-spacing"].old, fixes["number-spacing"].new) == ("2024 年", "2024年")


def test_only_a_misspelt_own_name_is_fixed_not_a_different_name():
    text = seed_text("000")
    misspelt = text.replace("通过“株洲市退役军人事务局”", "通过“株洲市退役军事务局”")
    fix = _fixes(misspelt)["agency-consistency"]
    assert (fix.old, fix.new) == ("退役军事务局", "退役军人事务局")
    other = text.rstrip().rsplit("\n", 2)[0] + "\n株洲市司法局\n2025年1月23日"
    result = check_text(other, today=TODAY)
    mismatch = [f for f in result.findings if f.rule == "agency-consistency"]
    assert mismatch and all(f.fix is None for f in mismatch)  # when: {kind: typo}


def test_a_province_pack_adds_a_fix_in_yaml_only():
    text = seed_text("002")  # opens "2023 年以来，…"
    assert "opening-period" not in _fixes(text)
    fix = _fixes(text, "province-example")["opening-period"]
    assert (fix.old, fix.new) == ("2023 年以来", "2023年")


@pytest.mark.parametrize(
    "fix",
    [
        '{replace: "x", delete: true}',
        "{delete: false}",
        '{replace: ""}',
        '{trailing: ["。"], replace: "x"}',
        "{strip_spaces: true, colour: red}",
    ],
)
def test_malformed_fix_is_a_pack_error(tmp_path, fix):
    pack = tmp_path / "p.yaml"
    pack.write_text(
        textwrap.dedent(
            f"""\
            id: p
            version: "1"
            extends: national
            rules:
              - id: date-form
                fix: {fix}
            """
        ),
        encoding="utf-8",
    )
    with pytest.raises(ConfigError) as info:
        load_pack(pack)
    assert "fix" in str(info.value)
