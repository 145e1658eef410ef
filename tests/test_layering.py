"""The import graph stays a tree of layers: no cycles, and the check stage does not reach
up into pack loading (rule types see pack data only; the loader asks the registry)."""

from __future__ import annotations

import importlib.util

from tests.conftest import ROOT

_spec = importlib.util.spec_from_file_location("import_cycles", ROOT / "scripts" / "import_cycles.py")
assert _spec is not None and _spec.loader is not None
import_cycles = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(import_cycles)


def test_checker_has_no_import_cycles_counting_imports_inside_functions():
    assert import_cycles.cycles(import_cycles.import_graph()) == []


def test_check_stage_imports_pack_data_not_the_pack_loader():
    graph = import_cycles.import_graph()
    offenders = {
        module: sorted(graph[module] & {"checker.packs.pack", "checker.api", "checker.options"})
        for module in graph
        if module.startswith(("checker.check.ruletypes", "checker.check.locate", "checker.parse"))
    }
    assert {m: deps for m, deps in offenders.items() if deps} == {}


def test_the_cycle_finder_sees_a_cycle_hidden_in_a_function():
    graph = {"a": {"b"}, "b": {"a"}, "c": {"a"}}
    assert import_cycles.cycles(graph) == [["a", "b"]]
