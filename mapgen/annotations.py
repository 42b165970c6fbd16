"""Editors' annotations from ``map.yaml``: validated at the model boundary, then located and shaped.

An annotation is a label (text at a point), a line or an arrow (two or more points) or an area
(three or more points), each point a place name or ``[lat, lon]``, with an optional date range
(``from``/``to``, inclusive whole days in the map's time zone) and a style (``color``,
``dashed``)::

    annotations:
      - type: arrow
        text: "Government advance"
        points: [Hraytan, Nubl]
        from: 2016-02-01
        to: 2016-02-05
        color: "#D55E00"

Place names are looked up among the map's own places (its incidents, ``places.yaml`` and the
pins of ``places.lock.yaml``), never in a gazetteer, so an annotation cannot move between
machines.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Callable, Mapping, Sequence
from zoneinfo import ZoneInfo

from mapgen.errors import InputError
from mapgen.timeparse import next_day, parse_instant

KINDS = ("label", "line", "arrow", "area")
MIN_POINTS = {"label": 1, "line": 2, "arrow": 2, "area": 3}
DEFAULT_COLOUR = "#333333"
MAX_TEXT = 200


@dataclass(frozen=True)
class Annotation:
    """One validated annotation; ``points`` are place names or ``(lat, lon)`` tuples."""

    index: int
    kind: str
    text: str
    points: tuple[Any, ...]
    valid_from: dt.datetime | None
    valid_to: dt.datetime | None  # exclusive: the start of the day after ``to``
    color: str
    dashed: bool
    file: str = "map.yaml"  # the map.yaml it came from, for errors found later (unknown places)


def _is_colour(value: str) -> bool:
    return (value.startswith("#") and len(value) in (4, 7)
            and all(c in "0123456789abcdefABCDEF" for c in value[1:]))


def _point(value: Any, error: Callable[[str, str], InputError], name: str) -> Any:
    if isinstance(value, str) and value.strip():
        return " ".join(value.split())
    if isinstance(value, (list, tuple)) and len(value) == 2 and not any(isinstance(v, bool) for v in value):
        try:
            lat, lon = float(value[0]), float(value[1])
        except (TypeError, ValueError):
            raise error(name, "must be a place name or [lat, lon]") from None
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise error(name, "latitude must lie within -90..90 and longitude within -180..180")
        return (lat, lon)
    raise error(name, "must be a place name or [lat, lon]")


def parse_annotations(value: Any, file: str, tz: ZoneInfo) -> tuple[Annotation, ...]:
    """Validate ``annotations:`` of a ``map.yaml``; raise :class:`InputError` naming the
    annotation's index and field."""
    if value is None:
        return ()
    if not isinstance(value, Sequence) or isinstance(value, (str, bytes)):
        raise InputError("must be a list of annotations", file=file, field="annotations")
    result = []
    for index, item in enumerate(value):
        def error(name: str, message: str, index: int = index) -> InputError:
            return InputError(message, file=file, field=f"annotations[{index}].{name}")

        if not isinstance(item, Mapping):
            raise InputError("must be a mapping with type, text and points", file=file,
                             field=f"annotations[{index}]")
        unknown = sorted(set(map(str, item)) - {"type", "text", "at", "points", "from", "to", "color", "dashed"})
        if unknown:
            raise error(unknown[0], "unknown field (use type, text, at, points, from, to, color, dashed)")
        kind = str(item.get("type") or ("label" if "at" in item else ""))
        if kind not in KINDS:
            raise error("type", f"{kind!r} is not one of {', '.join(KINDS)}")
        text = item.get("text")
        text = "" if text is None else " ".join(str(text).split())
        if len(text) > MAX_TEXT:
            raise error("text", f"longer than {MAX_TEXT} characters")
        if kind == "label" and not text:
            raise error("text", "a label needs a text")
        raw = item.get("points")
        if "at" in item:
            if raw is not None:
                raise error("at", "give either at (one point) or points, not both")
            raw = [item["at"]]
        where = "at" if "at" in item else "points"
        if not isinstance(raw, (list, tuple)) or (raw and len(raw) == 2 and all(
                isinstance(v, (int, float)) and not isinstance(v, bool) for v in raw)):
            raw = [raw] if raw is not None else []  # one [lat, lon] pair
        points = tuple(_point(p, error, f"{where}[{k}]" if where == "points" else "at") for k, p in enumerate(raw))
        if len(points) < MIN_POINTS[kind]:
            raise error(where, f"a{'n' if kind[0] in 'aeiou' else ''} {kind} needs at least {MIN_POINTS[kind]} "
                               f"point{'s' if MIN_POINTS[kind] > 1 else ''}")
        if kind == "label" and len(points) != 1:
            raise error(where, "a label has one point")
        start = end = None
        for name in ("from", "to"):
            if item.get(name) is None:
                continue
            try:
                moment, date_only = parse_instant(item[name], tz)
            except ValueError as exc:
                raise error(name, str(exc)) from None
            if name == "from":
                start = moment
            else:  # inclusive: a date alone lasts to the end of that day
                end = next_day(moment, tz) if date_only else moment
        if start is not None and end is not None and end <= start:
            raise error("to", "must not be before from")
        colour = str(item.get("color") or DEFAULT_COLOUR)
        if not _is_colour(colour):
            raise error("color", f"{colour!r} is not a #rrggbb colour")
        dashed = item.get("dashed", False)
        if not isinstance(dashed, bool):
            raise error("dashed", "must be true or false")
        result.append(Annotation(index, kind, text, points, start, end, colour, dashed, file))
    return tuple(result)


def _key(name: str) -> str:
    import unicodedata

    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def map_places(source: Any, resolved: Any, incidents: Sequence[Any]) -> dict[str, tuple[float, float]]:
    """Every place name the map knows (pins, places.yaml, its incidents' places), for annotations.

    ``source`` is the loaded :class:`~mapgen.source.MapSource`, ``resolved`` what
    :func:`~mapgen.resolve.resolve_places` made of it, ``incidents`` the incidents drawn.
    """
    from mapgen.resolve import read_pins

    known = {pin.name: (pin.lat, pin.lon) for pin in (read_pins(source.lock_path) | resolved.pins).values()}
    for place in source.places:
        for name in (place.name, *place.aliases):
            known[name] = (place.lat, place.lon)
    for incident in incidents:
        if incident.place and incident.lat is not None and incident.lon is not None:
            known.setdefault(incident.place, (incident.lat, incident.lon))
    return known


def _unknown_place(note: Annotation, k: int, name: str) -> InputError:
    where = "at" if note.kind == "label" else f"points[{k}]"
    return InputError(f"unknown place {name!r}: use a place of the map's incidents or places.yaml, "
                      "or give [lat, lon]", file=note.file, field=f"annotations[{note.index}].{where}")


def annotation_problems(annotations: Sequence[Annotation],
                        places: Mapping[str, tuple[float, float]]) -> list[InputError]:
    """One error for each place name of the annotations that ``places`` does not know."""
    known = {_key(name) for name in places}
    return [_unknown_place(note, k, point) for note in annotations for k, point in enumerate(note.points)
            if isinstance(point, str) and _key(point) not in known]


def annotation_rows(annotations: Sequence[Annotation],
                    places: Mapping[str, tuple[float, float]]) -> list[dict[str, Any]]:
    """The annotations as the page reads them, each place name replaced by its coordinates.

    ``places`` maps place names (any spelling the map uses) to ``(lat, lon)``. Times are epoch
    minutes (``to`` exclusive, ``None`` open). Raises :class:`InputError` for a name the map
    does not know.
    """
    known = {_key(name): value for name, value in places.items()}
    rows = []
    for note in annotations:
        coords = []
        for k, point in enumerate(note.points):
            if isinstance(point, str):
                found = known.get(_key(point))
                if found is None:
                    raise _unknown_place(note, k, point)
                point = found
            coords.append([round(point[0], 5), round(point[1], 5)])
        rows.append({"k": note.kind, "t": note.text, "pts": coords,
                     "from": int(note.valid_from.timestamp() // 60) if note.valid_from else None,
                     "to": int(note.valid_to.timestamp() // 60) if note.valid_to else None,
                     "c": note.color, "d": note.dashed})
    return rows
