"""The YAML and JSON snippets in docs/config.md and docs/ci.md load and validate."""

from __future__ import annotations

import json
import re

import pytest
import yaml

from checker.packs.pack import load_pack
from checker.run.baseline import load_baseline
from checker.run.config import load_config
from checker.run.config_apply import SettingsResolver, base_pack
from tests.conftest import ROOT

FENCE = re.compile(r"```(yaml|json)\n(.*?)```", re.S)


def snippets(doc: str) -> list[tuple[str, str]]:
    return FENCE.findall((ROOT / "docs" / doc).read_text(encoding="utf-8"))


CONFIG_SNIPPETS = snippets("config.md")


def kind_of(language: str, text: str) -> str:
    if language == "json":
        return "baseline"
    data = yaml.safe_load(text)
    if "id" in data and "version" in data:
        return "pack"
    if isinstance(data.get("rules"), list):
        return "rules-fragment"
    return "config"


def test_config_doc_has_snippets_of_every_kind():
    kinds = {kind_of(lang, text) for lang, text in CONFIG_SNIPPETS}
    assert kinds == {"config", "pack", "rules-fragment", "baseline"}


@pytest.mark.parametrize(
    ("language", "text"), CONFIG_SNIPPETS, ids=[f"config.md#{i}" for i in range(len(CONFIG_SNIPPETS))]
)
def test_config_doc_snippet_is_valid(language, text, tmp_path):
    kind = kind_of(language, text)
    if kind == "baseline":
        path = tmp_path / "baseline.json"
        path.write_text(text, encoding="utf-8")
        assert load_baseline(path).findings
        json.loads(text)
    elif kind == "pack":
        path = tmp_path / "pack.yaml"
        path.write_text(text, encoding="utf-8")
        assert load_pack(path).rules
    elif kind == "rules-fragment":
        path = tmp_path / "fragment.yaml"
        path.write_text("id: fragment\nversion: '1'\nextends: national\n" + text, encoding="utf-8")
        pack = load_pack(path)
        from checker.packs.ruletest import check_pack_examples

        new_ids = {r["id"] for r in yaml.safe_load(text)["rules"]}
        assert all(o.ok for o in check_pack_examples(pack) if o.rule in new_ids)
    else:
        path = tmp_path / ".fzcheck.yaml"
        path.write_text(text, encoding="utf-8")
        config = load_config(path)
        SettingsResolver(config, base_pack(config, None))  # rule ids exist in the pack


@pytest.mark.parametrize(("language", "text"), snippets("ci.md"))
def test_ci_doc_yaml_snippets_parse(language, text):
    data = yaml.safe_load(text) if language == "yaml" else json.loads(text)
    assert data


def test_ci_doc_lists_every_output_format():
    from checker.formats import FORMATTERS

    text = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    assert all(f"`{name}`" in text for name in FORMATTERS)
