"""Load YAML while remembering the line of every node, so schema errors can name it."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, NoReturn

import msgspec

from checker.digests import sha256_hex
from checker.i18n import Key, t
from checker.packs.schema_text import schema_problem
from checker.user_cache import cache_root


def _loader_class() -> Any:
    """PyYAML's loader, libyaml's when PyYAML has it (imported on first use: a check with a
    remembered pack and no config file parses no YAML)."""
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


JsonPath = tuple[str | int, ...]


class ConfigError(Exception):
    """A rule pack or config file that cannot be used: file, line and field in the message.

    ``problem`` is either ready text or a message-catalogue key (``config.*``) whose ``args`` fill it;
    ``str()`` gives the Chinese text, :meth:`describe` the text in any language.
    """

    def __init__(self, file: str, line: int | None, field: str, problem: str, **args: object) -> None:
        self.file, self.line, self.field = file, line, field
        catalogued = problem.startswith("config.")
        self.key: str | None = problem if catalogued else None
        self.params: dict[str, object] = args if catalogued else {}
        self.text = problem
        self.problem = self.problem_in("zh")
        super().__init__(self.describe("zh"))

    def problem_in(self, lang: str) -> str:
        """The problem alone, in ``lang``."""
        if self.key is None:
            return self.text
        return t(self.key, lang, **{k: _localised(v, lang) for k, v in self.params.items()})

    def describe(self, lang: str) -> str:
        """``file:line: field: problem`` in ``lang`` (control characters in the name escaped)."""
        from checker.terminal import visible

        file = visible(self.file)
        where = f"{file}:{self.line}" if self.line else file
        return f"{where}: {_shortened(self.field) or t('config.root', lang)}: {self.problem_in(lang)}"


def _localised(value: object, lang: str) -> object:
    """An argument rendered in ``lang``: a :class:`Key` looked up, a callable asked, else as it is."""
    if isinstance(value, Key):
        return t(value, lang)
    if callable(value):
        return value(lang)
    return value


class YamlDocument(msgspec.Struct, frozen=True):
    """Parsed YAML data plus the 1-based line of each JSON path in it."""

    file: str
    data: Any
    lines: dict[JsonPath, int]
    digest: str = ""  # sha256 of the text, for the validation cache

    def line_of(self, path: JsonPath) -> int | None:
        """The line of ``path`` or of its nearest ancestor that has one."""
        while True:
            if path in self.lines:
                return self.lines[path]
            if not path:
                return None
            path = path[:-1]


MAX_NODES = 200_000  # nodes after alias expansion; the national pack has about 3,000
MAX_DEPTH = 200
MAX_YAML_BYTES = 8 * 1024 * 1024


class _Counter:
    def __init__(self) -> None:
        self.nodes = 0
        self.open: set[int] = set()  # the collections being walked (an alias is its anchor's node)


def _index_lines(node: Any, path: JsonPath, lines: dict[JsonPath, int], count: _Counter) -> None:
    """Record lines, walking aliases as their users will (validation, merging): an alias
    bomb (``&a [*b, *b, …]`` nested) expands exponentially and is refused here, by count, as is
    an alias inside its own anchor; plain nesting deeper than ``MAX_DEPTH`` is refused as such."""
    count.nodes += 1
    if len(path) > MAX_DEPTH:
        raise _TooDeep(node.start_mark.line + 1)
    if count.nodes > MAX_NODES:
        raise _TooManyNodes()
    lines[path] = node.start_mark.line + 1
    if node.id not in ("mapping", "sequence"):
        return
    if id(node) in count.open:  # an alias inside its own anchor: nests without end
        raise _TooManyNodes()
    count.open.add(id(node))
    if node.id == "mapping":
        seen: set[object] = set()
        for key_node, value_node in node.value:
            key = key_node.value
            if key in seen and key != "<<":  # the later value would silently replace the first
                raise _DuplicateKey((*path, key), key_node.start_mark.line + 1)
            seen.add(key)
            lines[(*path, key)] = key_node.start_mark.line + 1
            _index_lines(value_node, (*path, key), lines, count)
            lines[(*path, key)] = key_node.start_mark.line + 1
    else:
        for i, item in enumerate(node.value):
            _index_lines(item, (*path, i), lines, count)
    count.open.discard(id(node))


class _TooManyNodes(Exception):
    pass


class _DuplicateKey(Exception):
    def __init__(self, path: JsonPath, line: int) -> None:
        super().__init__(path)
        self.path, self.line = path, line


class _TooDeep(Exception):
    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line


def load_yaml(path: str | Path) -> YamlDocument:
    """Read a YAML file; syntax errors become :class:`ConfigError` with the line."""
    from checker.read.regular import NotRegular, TooLarge, read_regular

    file = str(path)
    try:
        text = read_regular(path, MAX_YAML_BYTES).decode("utf-8-sig")
    except NotRegular as exc:
        raise ConfigError(file, None, "", "config.not-regular", kind=Key(f"kind.{exc.kind}")) from exc
    except TooLarge as exc:
        limit = MAX_YAML_BYTES // 2**20

        def too_large(lang: str) -> str:
            return t("config.why.too-large", lang, limit=limit)

        raise ConfigError(file, None, "", "config.unreadable", why=too_large) from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(file, None, "", "config.unreadable", why=Key("config.why.not-utf8")) from exc
    except OSError as exc:
        why = getattr(exc, "strerror", None) or type(exc).__name__
        raise ConfigError(file, None, "", "config.unreadable", why=why) from exc
    return parse_yaml(text, file)


def parse_yaml(text: str, file: str = "<string>") -> YamlDocument:
    import yaml

    loader = _loader_class()(text)
    try:  # one parse: the node tree gives the lines, the same tree is constructed into data
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        detail = getattr(exc, "problem", None) or ""
        hint = _typing_slip(text, line)
        if hint is not None:
            key, at = hint
            raise ConfigError(file, at, "", key, at=at) from exc
        raise ConfigError(file, line, "", "config.yaml-syntax", detail=detail) from exc
    finally:
        loader.dispose()
    lines: dict[JsonPath, int] = {}
    if node is not None:
        try:
            _index_lines(node, (), lines, _Counter())
        except _TooDeep as exc:
            raise ConfigError(file, exc.line, "", "config.too-deep", limit=MAX_DEPTH) from exc
        except _DuplicateKey as exc:
            field, first = dotted_path(exc.path), lines.get(exc.path)
            raise ConfigError(file, exc.line, field, "config.duplicate-key", first=first) from exc
        except (_TooManyNodes, RecursionError) as exc:
            raise ConfigError(file, None, "", "config.alias-bomb", limit=MAX_NODES) from exc
    return YamlDocument(file, data, lines, sha256_hex(text.encode("utf-8")))


_FULLWIDTH_COLON_KEY = re.compile(r"^\s*(?:-\s+)?[A-Za-z_][\w-]*\s*：")
# a message or suggestion opening with a value, "{missing}写明…": YAML reads a mapping
_TEXT_OPENING_BRACE = re.compile(r"^\s*(?:-\s+)?(?:message|suggestion|description)(?:_en)?\s*:\s*\{")


def _typing_slip(text: str, line: int | None) -> tuple[str, int] | None:
    """The slip a YAML syntax error most likely comes from, near where the parser stopped: a
    Chinese colon after a key (typed with a Chinese input method) or a tab in the indentation."""
    if line is None:
        return None
    lines = text.split("\n")
    for at in range(min(line, len(lines)), max(line - 3, 0), -1):
        if _FULLWIDTH_COLON_KEY.match(lines[at - 1]):
            return "config.yaml-fullwidth-colon", at
        if _TEXT_OPENING_BRACE.match(lines[at - 1]):
            return "config.yaml-brace-value", at
        if lines[at - 1][: len(lines[at - 1]) - len(lines[at - 1].lstrip())].count("\t"):
            return "config.yaml-tab", at
    return None


def _cache_dir() -> Path | None:
    root = cache_root()
    return root / "validated" if root is not None else None


def _cache_key(document: YamlDocument, schema: dict[str, Any]) -> str:
    return sha256_hex(document.digest.encode() + msgspec.json.encode(schema, order="sorted"))


def validate(document: YamlDocument, schema: dict[str, Any]) -> None:
    """Validate against a JSON Schema; the first (deepest) error names file, line, field.

    Content that validated before against the same schema is remembered in the user's
    cache (``~/.cache/fzcheck``, off with ``FZCHECK_NO_CACHE=1``), which spares start-up the
    80 ms jsonschema import; any edit to the file or the schema changes the key.
    """
    cache = _cache_dir()
    key = _cache_key(document, schema) if cache is not None and document.digest else ""
    if key and _remembered(cache / key):  # type: ignore[operator]
        _refuse_non_finite(document)
        return
    _validate(document, schema)
    _refuse_non_finite(document)
    if key:
        try:
            cache.mkdir(parents=True, exist_ok=True)  # type: ignore[union-attr]
            (cache / key).touch()  # type: ignore[operator]
        except OSError:
            pass  # a read-only home only costs the next run the validation again


def _remembered(entry: Path) -> bool:
    """Whether a validation is remembered; a cache that cannot be looked into (another user's,
    a name too long) is no cache."""
    try:
        return entry.exists()
    except OSError:
        return False


def _refuse_non_finite(document: YamlDocument) -> None:
    """YAML's ``.nan`` and ``.inf`` are numbers to JSON Schema, but no weight, score or pass mark
    can be one (a NaN score passes every gate): the first one found names its file, line, field."""
    import math

    stack: list[tuple[JsonPath, Any]] = [((), document.data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, float) and not math.isfinite(value):
            spelt = ".nan" if math.isnan(value) else (".inf" if value > 0 else "-.inf")
            line = document.line_of(path)
            raise ConfigError(document.file, line, dotted_path(path), "config.not-finite", value=spelt)
        if isinstance(value, dict):
            stack.extend(reversed([((*path, str(k)), v) for k, v in value.items()]))
        elif isinstance(value, list):
            stack.extend(reversed([((*path, i), v) for i, v in enumerate(value)]))


def _validate(document: YamlDocument, schema: dict[str, Any]) -> None:
    import jsonschema

    validator_cls = jsonschema.validators.validator_for(schema)
    validator = validator_cls(schema)
    errors = sorted(
        validator.iter_errors(document.data),
        key=lambda e: (-len(e.absolute_path), str(e.absolute_path)),
    )
    if not errors:
        return
    error = jsonschema.exceptions.best_match(errors) or errors[0]
    path = tuple(error.absolute_path)
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        allowed = set(error.schema.get("properties", {}))
        extra = [k for k in error.instance if k not in allowed]
        if extra:
            path = (*path, extra[0])
            line = document.line_of(path)
            raise ConfigError(document.file, line, dotted_path(path), "config.unknown-field", name=extra[0])
    key, args = schema_problem(error)
    raise ConfigError(document.file, document.line_of(path), dotted_path(path), key, **args)


def dotted_path(path: JsonPath) -> str:
    """``rules[3].fix.replace`` for a JSON path: how an error names its field."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


MAX_FIELD_CHARS = 80


def _shortened(field: str) -> str:
    """A field name short enough for one line of an error message."""
    return field if len(field) <= MAX_FIELD_CHARS else field[: MAX_FIELD_CHARS - 1] + "…"


def refuse_at(document: YamlDocument, path: JsonPath, key: str, **args: object) -> NoReturn:
    """Raise the :class:`ConfigError` ``key`` at ``path`` of ``document`` (its line and field)."""
    raise ConfigError(document.file, document.line_of(path), dotted_path(path), key, **args)
