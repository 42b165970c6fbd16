"""Read YAML files safely, keeping the line number of every mapping for error messages."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from mapgen.errors import InputError


class LineDict(dict):
    """A mapping from a YAML file that remembers the (1-based) line it starts on."""

    line: int = 0


class _LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """SafeLoader (libyaml's when present: about 10x faster) that keeps dates as text (the
    model parses them with the map's time zone)."""


_LineLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    mapping = LineDict()
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            raise yaml.constructor.ConstructorError(
                None, None, "found an unhashable key", key_node.start_mark) from None
        mapping[key] = loader.construct_object(value_node, deep=True)
    mapping.line = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load_yaml(path: str | Path) -> Any:
    """Parse ``path``; a syntax error becomes an :class:`InputError` with file and line."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError("file not found", file=str(path)) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(f"not UTF-8 text ({exc.reason})", file=str(path), record=line) from None
    try:
        return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = exc.problem or exc.context or "malformed YAML"
        raise InputError(f"malformed YAML: {problem}", file=str(path), record=line) from None
    except yaml.reader.ReaderError as exc:  # a control character: name its line
        line = text.count("\n", 0, exc.position) + 1
        raise InputError(f"malformed YAML: character {exc.character!r} is not allowed", file=str(path),
                         record=line) from None
    except yaml.YAMLError as exc:
        raise InputError(f"malformed YAML: {exc}", file=str(path), record=1) from None


def line_of(value: Any, fallback: int | None = None) -> int | None:
    """The line a mapping started on, if it came from :func:`load_yaml`."""
    return getattr(value, "line", None) or fallback
