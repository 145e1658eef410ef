"""Records are ``msgspec.Struct`` classes, not dataclasses (a ``@dataclass`` costs ~1.5 ms to
create, a Struct ~0.02 ms), and they behave as the dataclasses did where it shows: ``repr``
without back-references, pickling, deep copies."""

from __future__ import annotations

import ast
import copy
import json
import pickle
import subprocess
import sys

import msgspec
import pytest

from checker.api import analyse_file, check_file
from checker.model import Section
from checker.run.config import Config, RuleOverride
from tests.conftest import ROOT, SEEDS

CHECKER = ROOT / "checker"


def _dataclass_imports(source: str) -> list[int]:
    """Lines that import ``dataclasses`` (at the top or inside a function)."""
    return [
        node.lineno
        for node in ast.walk(ast.parse(source))
        if (isinstance(node, ast.Import) and any(a.name == "dataclasses" for a in node.names))
        or (isinstance(node, ast.ImportFrom) and node.module == "dataclasses")
    ]


def test_no_checker_module_imports_dataclasses():
    """Imports inside functions count too: a lazily created dataclass still costs its 1.5 ms."""
    uses = [
        f"{path.relative_to(ROOT)}:{line}"
        for path in sorted(CHECKER.rglob("*.py"))
        for line in _dataclass_imports(path.read_text(encoding="utf-8"))
    ]
    assert uses == []


def test_the_scan_sees_every_way_to_import_dataclasses():
    source = "import dataclasses\ndef f():\n    from dataclasses import dataclass\n    return dataclass\n"
    assert _dataclass_imports(source) == [1, 3]
    assert _dataclass_imports("import msgspec\nfrom checker import model\n") == []


# Runs ``fzcheck check`` in a fresh interpreter, then lists the classes the loaded checker
# modules define: which are dataclasses, how many are Structs.
_PLAIN_CHECK = """
import contextlib, io, json, sys
import msgspec
from checker.cli import main
sys.argv = ["fzcheck", "check", sys.argv[1]]
with contextlib.redirect_stdout(io.StringIO()):
    try:
        main()
    except SystemExit:
        pass
classes = [
    value
    for name, module in list(sys.modules.items())
    if name == "checker" or name.startswith("checker.")
    for value in vars(module).values()
    if isinstance(value, type) and value.__module__ == name
]
print(json.dumps({
    "dataclasses": sorted(c.__qualname__ for c in classes if hasattr(c, "__dataclass_fields__")),
    "structs": sum(issubclass(c, msgspec.Struct) for c in classes),
}))
"""


def test_a_plain_check_creates_no_dataclass_and_its_records_are_structs():
    done = subprocess.run(
        [sys.executable, "-c", _PLAIN_CHECK, str(SEEDS["000"])],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["dataclasses"] == []
    assert seen["structs"] >= 40  # 44 when written: model, options, packs, parse, check, run, formats


@pytest.fixture(scope="module")
def document():
    found = analyse_file(SEEDS["000"]).document
    assert found is not None
    return found


def _nested(document) -> Section:
    return next(s for s in document.all_sections() if s.parent is not None)


def test_a_section_repr_leaves_out_its_parent(document):
    child = _nested(document)
    text = repr(child)
    assert text.startswith("Section(heading=Heading(")
    assert "parent=" not in text
    assert text.endswith(f"children={child.children!r})")


def test_sections_pickle_and_deep_copy_with_their_parents(document):
    for copied in (pickle.loads(pickle.dumps(document)), copy.deepcopy(document)):
        sections = list(copied.all_sections())
        assert [s.depth for s in sections] == [s.depth for s in document.all_sections()]
        for section in sections:
            assert all(child.parent is section for child in section.children)
        child = _nested(copied)
        assert child.parent is not None and any(c is child for c in child.parent.children)
        assert repr(copied) == repr(document)


def test_a_child_section_pickled_alone_keeps_its_parent(document):
    child = _nested(document)
    again = pickle.loads(pickle.dumps(child))
    assert again.parent is not None and any(c is again for c in again.parent.children)
    assert again.depth == child.depth


def test_section_equality_is_the_dataclass_one(document):
    child = _nested(document)
    assert child == child
    assert Section(child.heading, child.paragraph) == Section(child.heading, child.paragraph)
    assert Section(child.heading, child.paragraph) != Section(child.heading, child.paragraph, parent=child)


def test_config_repr_leaves_out_key_lines_and_equality_keeps_them(tmp_path):
    rules = {"r": RuleOverride(enabled=False)}
    config = Config(file="x.yaml", root=tmp_path, rules=rules, lines={("pack",): 3})
    assert repr(config) == (
        f"Config(file='x.yaml', root={tmp_path!r}, pack=None, rules={{'r': RuleOverride(enabled=False, "
        "severity=None, weight=None)}, fail_under=None, fail_on=None, include=(), exclude=(), "
        "overrides=(), waivers=(), baseline=None)"
    )
    assert config != msgspec.structs.replace(config, lines={})
    assert pickle.loads(pickle.dumps(config)) == config


def test_results_are_frozen_and_hashable():
    result = check_file(SEEDS["000"])
    with pytest.raises(AttributeError):
        result.score = 0  # type: ignore[misc]
    assert hash(result) == hash(pickle.loads(pickle.dumps(result)))
    assert msgspec.structs.replace(result, path="y").path == "y"


def test_serve_takes_the_audit_defaults_as_values():
    """A Struct field read on the class is a descriptor, not the default."""
    from checker.audit.run import AuditOptions
    from checker.serve.settings import ServeSettings

    assert (ServeSettings().timeout, ServeSettings().memory_mb) == (
        AuditOptions().timeout,
        AuditOptions().memory_mb,
    )
