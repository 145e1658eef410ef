"""One checking run as ``fzcheck check`` and ``fzcheck baseline`` do it.

config → files (paths or ``include``, minus ``exclude``) → per-file pack and gates →
check → waivers → baseline → gates. Commands only parse options and print.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import msgspec
from msgspec.structs import replace

from checker.api import analyse_file, error_result
from checker.model import Result
from checker.options import DEFAULT_OPTIONS, CheckOptions
from checker.packs.model import Pack
from checker.run.budget import DEFAULT_BUDGET, Budget, run_within
from checker.run.collect import collect_paths
from checker.run.config import Config, find_config, resolve
from checker.run.config_apply import FileSettings, SettingsResolver, base_pack
from checker.run.config_paths import expand_globs, glob_match, relative_posix
from checker.run.exitcodes import EXIT_OK, exit_code_of
from checker.run.gates import gate_for, judge
from checker.run.waivers import apply_waivers

if TYPE_CHECKING:
    from checker.check.previous import PreviousReport
    from checker.run.baseline import Baseline


class RunOptions(msgspec.Struct, frozen=True):
    """Command-line choices: the check options plus what a run adds (config, gates,
    baseline, waivers). None means "from the config, else the pack" — also for
    ``check.pack`` and ``check.fail_under``."""

    check: CheckOptions = DEFAULT_OPTIONS
    config_file: str | None = None
    use_config: bool = True
    fail_on: str | None = None
    baseline: str | None = None
    use_baseline: bool = True
    use_waivers: bool = True
    budget: Budget = DEFAULT_BUDGET
    skip_non_reports: bool = False  # a text that is not a report passes, with a note (the pre-commit hook)
    previous: PreviousReport | None = None  # last year's report to compare with (``--previous``)

    @property
    def lang(self) -> str:
        return self.check.lang


class Run(msgspec.Struct):
    """What a run produced: results in input order (unless handed on as they came), why each
    failed, and the exit code they add up to."""

    config: Config
    pack: Pack
    results: list[Result] = msgspec.field(default_factory=list)
    reasons: dict[str, list[str]] = msgspec.field(default_factory=dict)
    baseline: Baseline | None = None
    code: int = EXIT_OK
    skipped: list[str] = msgspec.field(default_factory=list)  # non-reports let through by skip_non_reports


def select_files(config: Config, paths: tuple[str, ...]) -> list[Path]:
    """Paths given (or the config's ``include``, or ./reports) minus ``exclude``."""
    return selection(config, paths)[0]


def selection(config: Config, paths: tuple[str, ...]) -> tuple[list[Path], int]:
    """:func:`select_files` and how many files ``exclude`` took out of it (so a run whose
    files were all excluded can say so instead of "no reports found")."""
    if paths:
        files = collect_paths(paths)
    elif config.include:
        files = [Path(relative_posix(p)) for p in expand_globs(config.root, config.include)]
    else:
        files = collect_paths(["reports"]) if Path("reports").is_dir() else []
    found = len(files)
    if config.exclude:
        files = [f for f in files if not glob_match(relative_posix(f, config.root), config.exclude)]
    return files, found - len(files)


def baseline_file(config: Config, options: RunOptions) -> str | None:
    """The baseline to apply: ``--baseline``, else the config's, else none."""
    if not options.use_baseline:
        return None
    if options.baseline:
        return options.baseline
    return str(resolve(config, config.baseline)) if config.baseline else None


def prepare(options: RunOptions) -> tuple[Config, SettingsResolver]:
    """Load config and pack; raises ConfigError / FileNotFoundError on bad input."""
    config = find_config(options.config_file, options.use_config)
    chosen = options.check.pack
    pack = chosen if isinstance(chosen, Pack) else base_pack(config, chosen)
    return config, SettingsResolver(config, pack, options.check.fail_under, options.fail_on)


def _check(file: Path, options: CheckOptions) -> Result:
    """One file's result; ``MemoryError`` goes to the budget, which makes it a ``memory`` row."""
    return analyse_file(file, options=options).result


def _check_against(file: Path, options: CheckOptions, previous: PreviousReport) -> Result:
    """One file's result with what it carried over from last year's report (``--previous``)."""
    from checker.check.previous import compare  # numpy and the audit's copy detection: only now

    return compare(analyse_file(file, options=options), previous, options, str(file.resolve()))


def _over_budget(path: str, lang: str, code: str, details: dict[str, object]) -> Result:
    return error_result(path, code, lang, **details)


def start(config: Config, resolver: SettingsResolver, options: RunOptions, apply_gates: bool = True) -> Run:
    """A run with its baseline loaded; raises BaselineError when the baseline cannot be read."""
    outcome = Run(config, resolver.pack)
    source = baseline_file(config, options)
    from checker.run.baseline import load_baseline

    outcome.baseline = load_baseline(source, options.lang) if source and apply_gates else None
    return outcome


def check_files(
    outcome: Run,
    files: Iterable[Path],
    resolver: SettingsResolver,
    options: RunOptions,
    apply_gates: bool = True,
    on_result: Callable[[Result], None] | None = None,
) -> Run:
    """Check ``files`` in order into ``outcome``: each result goes to ``on_result`` as soon as it
    is settled (and is not kept), else into ``outcome.results``."""
    for file in files:
        settings = resolver.for_file(file)
        result = run_within(
            options.budget,
            file,
            (
                partial(_check, file, file_options(options, settings))
                if options.previous is None
                else partial(_check_against, file, file_options(options, settings), options.previous)
            ),
            partial(_over_budget, str(file), options.lang),
        )
        result, reasons = settle(result, file, settings, resolver, options, outcome.baseline, apply_gates)
        if options.skip_non_reports and result.status == "ok" and not result.is_report:
            # passed: the gate lets it through, so every format shows it as skipped, not failed
            result = replace(result, passed=True)
            outcome.skipped.append(result.path)
        else:
            if reasons:
                outcome.reasons[result.path] = reasons
            outcome.code = max(outcome.code, exit_code_of(result))
        if on_result is None:
            outcome.results.append(result)
        else:
            on_result(result)
    return outcome


def file_options(options: RunOptions, settings: FileSettings) -> CheckOptions:
    """The check options one file is checked with: its pack and ``fail_under``."""
    return replace(options.check, pack=settings.pack, fail_under=settings.fail_under)


def settle(
    result: Result,
    file: Path,
    settings: FileSettings,
    resolver: SettingsResolver,
    options: RunOptions,
    baseline: Baseline | None,
    apply_gates: bool = True,
) -> tuple[Result, list[str]]:
    """One file's result after the config's waivers, the baseline and the gates; the reasons
    it failed them (``fzcheck annotate`` settles its one report the same way)."""
    if options.use_waivers:
        result = apply_waivers(result, resolver.relative(file), resolver.config.waivers)
    fail_on, recorded = settings.fail_on, None
    if baseline is not None:
        from checker.run.baseline import apply_baseline

        result = apply_baseline(result, baseline, options.lang)
        fail_on = fail_on or "info"  # with a baseline, any new finding fails
        recorded = baseline.score(result.path)
    reasons: list[str] = []
    if apply_gates:
        gate = gate_for(settings.pack.parameters, settings.fail_under, fail_on, recorded)
        result, reasons = judge(result, gate, options.lang)
    return result, reasons
