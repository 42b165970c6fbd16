"""Read YAML files safely, keeping the line number of every mapping for error messages."""
from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

import yaml

from mapgen.errors import InputError, excerpt


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


#: How many nodes aliases may add to a document beyond its own (a "billion laughs" file, whose
#: aliases expand to 10^9 nodes, is refused at once instead of filling the memory).
ALIAS_EXPANSION_LIMIT = 100_000
_MERGE_TAG = "tag:yaml.org,2002:merge"


def _expanded_size(root: yaml.Node, limit: int) -> tuple[int, int]:
    """``(distinct nodes, nodes after expanding aliases)`` of a composed document, counting no
    further than ``limit`` (aliases are shared node objects: each is sized once, memoised)."""
    sizes: dict[int, int] = {}
    order: list[yaml.Node] = []
    stack = [root]
    while stack:  # post-order without recursion: deep documents are fine
        node = stack.pop()
        if id(node) in sizes:
            continue
        sizes[id(node)] = -1
        order.append(node)
        if isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.extend((key, value))
    for node in reversed(order):
        total = 1
        if isinstance(node, yaml.SequenceNode):
            total += sum(sizes[id(child)] for child in node.value)
        elif isinstance(node, yaml.MappingNode):
            total += sum(sizes[id(k)] + sizes[id(v)] for k, v in node.value)
        sizes[id(node)] = min(total, limit * 10 + 1)
    return len(order), sizes[id(root)]


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> LineDict:
    own = {id(key) for key, _ in node.value if key.tag != _MERGE_TAG}
    loader.flatten_mapping(node)
    mapping = LineDict()
    explicit: set[Any] = set()
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            raise yaml.constructor.ConstructorError(
                None, None, "found an unhashable key", key_node.start_mark) from None
        if id(key_node) in own:  # merged keys (<<: *defaults) may be overridden; written ones not
            if key in explicit:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {excerpt(key)} (it appears twice in one mapping)",
                    key_node.start_mark)
            explicit.add(key)
        mapping[key] = loader.construct_object(value_node, deep=True)
    mapping.line = node.start_mark.line + 1
    return mapping


def _get_single_data(loader: _LineLoader) -> Any:
    node = loader.get_single_node()
    if node is None:
        return None
    distinct, expanded = _expanded_size(node, ALIAS_EXPANSION_LIMIT)
    if expanded - distinct > ALIAS_EXPANSION_LIMIT:
        raise yaml.constructor.ConstructorError(
            None, None, f"aliases expand to more than {ALIAS_EXPANSION_LIMIT:,} extra values "
            "(an alias bomb?); write the values out", node.start_mark)
    return loader.construct_document(node)


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)

#: Digits of the longest whole number read as a number; a longer one stays text, which the field
#: it is in then refuses as out of range (Python will not even convert 4,300 digits).
MAX_INT_DIGITS = 100


def _construct_int(loader: _LineLoader, node: yaml.ScalarNode) -> Any:
    if len(node.value) > MAX_INT_DIGITS:
        return node.value
    return yaml.constructor.SafeConstructor.construct_yaml_int(loader, node)


_LineLoader.add_constructor("tag:yaml.org,2002:int", _construct_int)


class _AliasCheckingLoader(_LineLoader):
    """:class:`_LineLoader` that sizes the document with its aliases expanded before building it
    (for texts that hold a ``*``: without one there are no aliases)."""

    get_single_data = _get_single_data


def load_yaml(path: str | Path) -> Any:
    """Parse ``path``; a syntax error becomes an :class:`InputError` with file and line."""
    path = Path(path)
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):  # a device or pipe could be read forever
            raise InputError("not a regular file (a folder, device or pipe)", file=str(path))
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError("file not found", file=str(path)) from None
    except OSError as exc:
        raise InputError(f"cannot read it ({exc.strerror})", file=str(path)) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(f"not UTF-8 text ({exc.reason})", file=str(path), record=line) from None
    try:
        loader = _AliasCheckingLoader if "*" in text else _LineLoader
        return yaml.load(text, Loader=loader)  # noqa: S506 - a SafeLoader subclass
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
        raise InputError(f"malformed YAML: {excerpt(str(exc), 80)}", file=str(path), record=1) from None
    except RecursionError:
        raise InputError("malformed YAML: nested too deeply", file=str(path), record=1) from None


def line_of(value: Any, fallback: int | None = None) -> int | None:
    """The line a mapping started on, if it came from :func:`load_yaml`."""
    return getattr(value, "line", None) or fallback
