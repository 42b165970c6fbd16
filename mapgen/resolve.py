"""Resolve incident place names to coordinates, and pin every resolution in ``places.lock.yaml``.

Order of authority: the project's own ``places.yaml``; then the pin file (so a map does not change
because another machine's gazetteer differs); then the gazetteer. Ambiguous and unresolved names
are input errors that list the alternatives. ``repin`` ignores the pins and re-resolves.
"""
from __future__ import annotations

import dataclasses
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

import yaml

from mapgen.errors import InputError, InputErrors
from mapgen.model import Incident
from mapgen.source import MapSource, ProjectPlace
from mapgen.towncontrol import TownControl
from mapgen.writefile import write_atomic


@dataclass(frozen=True)
class Pin:
    """One resolution a build used."""

    name: str
    lat: float
    lon: float
    source: str
    geonameid: int | None = None
    country: str = ""

    def as_mapping(self) -> dict[str, Any]:
        data: dict[str, Any] = {"lat": round(self.lat, 6), "lon": round(self.lon, 6), "source": self.source}
        if self.geonameid is not None:
            data["geonameid"] = self.geonameid
        if self.country:
            data["country"] = self.country
        return data


def _key(name: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def read_pins(path: Path) -> dict[str, Pin]:
    """Pins from a lock file; a damaged one is an input error naming it."""
    if not path.exists():
        return {}
    try:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader) or {}  # noqa: S506
    except yaml.YAMLError as exc:
        raise InputError(f"malformed pin file ({exc.__class__.__name__}); fix it or build with --repin",
                         file=str(path)) from None
    places = data.get("places", {}) if isinstance(data, Mapping) else None
    if not isinstance(places, Mapping):
        raise InputError("expected places: {name: {lat, lon, source}}", file=str(path))
    pins = {}
    for name, item in places.items():
        try:
            pins[_key(str(name))] = Pin(str(name), float(item["lat"]), float(item["lon"]),
                                        str(item.get("source", "")), item.get("geonameid"),
                                        str(item.get("country", "")))
        except (TypeError, KeyError, ValueError):
            raise InputError("needs lat and lon; fix it or build with --repin", file=str(path),
                             field=f"places.{name}") from None
    return pins


def render_pins(pins: Mapping[str, Pin]) -> str:
    """The lock file's text: sorted, fixed precision, so it diffs cleanly."""
    body = {"places": {pin.name: pin.as_mapping() for pin in sorted(pins.values(), key=lambda p: _key(p.name))}}
    header = ("# Place pins written by `mapgen build`: the coordinates this map uses for each name.\n"
              "# Edit places.yaml to change a place; `mapgen build --repin` re-resolves all names.\n")
    return header + yaml.safe_dump(body, sort_keys=True, allow_unicode=True, width=100)


def _project_index(places: list[ProjectPlace]) -> dict[str, ProjectPlace]:
    index = {}
    for place in places:
        for name in (place.name, *place.aliases):
            index[_key(name)] = place
    return index


def _describe(place: Any) -> str:
    return f"{place.name} ({place.country or '?'}, {place.lat:.4f}, {place.lon:.4f})"


@dataclass
class Resolved:
    """Incidents with coordinates, and the pins to write after a successful build."""

    incidents: list[Incident]
    pins: dict[str, Pin]
    pins_changed: bool
    control: list[TownControl] = field(default_factory=list)  # town control rows, now located
    #: warnings for places the gazetteer put far from the rest of the map (see far_places)
    strays: list[InputError] = field(default_factory=list)

    @property
    def uses_ocha(self) -> bool:
        """True when a place of the map comes from OCHA's community list (credited)."""
        return any(pin.source == "ocha" for pin in self.pins.values())


def resolve_places(source: MapSource, *, home: str | None = None, repin: bool = False,
                   include_review: bool = True) -> Resolved:
    """Give every incident of ``source`` coordinates; raise :class:`InputErrors` for names that
    are unresolved or ambiguous, each naming the incident's file, line and the alternatives."""
    old_pins = {} if repin else read_pins(source.lock_path)
    project = _project_index(source.places)
    wanted = [i for i in source.incidents if not i.located and (include_review or not i.review)]
    wanted_control = [c for c in source.control if not c.located]  # resolved like incident places
    names = sorted({_key(i.place or ""): i.place or "" for i in [*wanted, *wanted_control]}.items())

    pins: dict[str, Pin] = {}
    pending: list[str] = []
    for key, name in names:
        if key in project:
            place = project[key]
            pins[key] = Pin(name, place.lat, place.lon, "project", None, place.country)
        elif key in old_pins:
            pins[key] = dataclasses.replace(old_pins[key], name=name)
        else:
            pending.append(name)

    problems: dict[str, str] = {}
    if pending:
        from gazetteer import Place, open_gazetteer

        extra = [Place(name=p.name, lat=p.lat, lon=p.lon, country=p.country,
                       feature_code=p.feature_code, source="project") for p in source.places]
        known = [(p.lat, p.lon) for p in pins.values()]
        known += [(i.lat, i.lon) for i in [*source.incidents, *source.control] if i.located]
        with open_gazetteer(home) as gaz:
            results = gaz.resolve_many(pending, countries=source.config.countries, extra_places=extra,
                                       view=source.config.view, context=_context_points(known))
        for name, result in zip(pending, results):
            if result.status == "resolved" and result.place is not None:
                place = result.place
                pins[_key(name)] = Pin(name, place.lat, place.lon, place.source or "gazetteer",
                                       place.geonameid, place.country)
            elif result.status == "ambiguous":
                options = "; ".join(_describe(p) for p in result.alternatives[:4])
                problems[_key(name)] = (f"ambiguous place {name!r}: could be {options}; "
                                        "add it to places.yaml or give lat/lon")
            else:
                near = "; ".join(_describe(p) for p in result.alternatives[:3])
                hint = f" (closest: {near})" if near else ""
                problems[_key(name)] = (f"unknown place {name!r}{hint}; add it to places.yaml, give lat/lon, "
                                        "or import a GeoNames dump with `mapgen gazetteer import`")

    errors = [i.origin.error("place", problems[_key(i.place or "")])
              for i in [*wanted, *wanted_control] if _key(i.place or "") in problems]
    if errors:
        raise InputErrors(errors)

    if not wanted and not wanted_control:  # every place is located: nothing to replace
        return Resolved(list(source.incidents), {}, False, list(source.control))
    strays = far_places(source, pins)
    incidents = []
    for incident in source.incidents:
        if incident.located or (not include_review and incident.review):
            incidents.append(incident)
            continue
        pin = pins[_key(incident.place or "")]
        incidents.append(dataclasses.replace(incident, lat=pin.lat, lon=pin.lon))
    control = [c if c.located else _locate(c, pins[_key(c.place)]) for c in source.control]
    changed = {k: p.as_mapping() for k, p in pins.items()} != {k: p.as_mapping() for k, p in old_pins.items()}
    return Resolved(incidents, pins, changed, control, strays)


#: Context points handed to the gazetteer: distinct places, at most this many.
MAX_CONTEXT_POINTS = 2000


def _context_points(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    distinct = sorted({(round(lat, 2), round(lon, 2)) for lat, lon in points
                       if lat is not None and lon is not None})
    step = max(1, len(distinct) // MAX_CONTEXT_POINTS)
    return distinct[::step]


#: A place the gazetteer chose is reported when it lies farther than this from every place of
#: the map's main area (or than the main area's own radius, when that is larger)...
STRAY_KM = 150.0
#: ... where the main area is the map's places within this of their median point.
AREA_KM = 400.0


def _km(lat1: Any, lon1: Any, lat2: Any, lon2: Any) -> Any:
    import numpy as np

    p1, p2 = np.radians(lat1), np.radians(lat2)
    a = (np.sin((p2 - p1) / 2) ** 2
         + np.cos(p1) * np.cos(p2) * np.sin(np.radians(np.subtract(lon2, lon1)) / 2) ** 2)
    return 2 * 6371.0088 * np.arcsin(np.sqrt(np.minimum(a, 1.0)))


def far_places(source: MapSource, pins: Mapping[str, Pin]) -> list[InputError]:
    """Warnings for places resolved by the gazetteer (now or by an earlier build's pin) that lie
    far outside the area of the map's other places and outside its ``view``: a village resolved
    to a namesake abroad, or a typo matching a town at the other end of the country. One warning
    per place, naming its first record and the distance."""
    import numpy as np

    users: dict[str, list[Any]] = {}
    for item in [*source.incidents, *source.control]:
        if not item.located and item.place:
            users.setdefault(_key(item.place), []).append(item)
    view = source.config.view
    suspects = [(key, pin) for key, pin in sorted(pins.items())
                if pin.source != "project" and key in users
                and not (view is not None and view[0][0] <= pin.lat <= view[1][0]
                         and view[0][1] <= pin.lon <= view[1][1])]
    if not suspects:
        return []
    # distinct places at about 1 km, so that 100,000 incidents cost no more than their places
    points = {(round(p.lat, 2), round(p.lon, 2)) for p in pins.values()}
    points |= {(round(i.lat, 2), round(i.lon, 2)) for i in [*source.incidents, *source.control] if i.located}
    if len(points) < 3:
        return []
    pts = np.array(sorted(points), dtype=float)
    mid_lat, mid_lon = np.median(pts[:, 0]), np.median(pts[:, 1])
    from_mid = _km(mid_lat, mid_lon, pts[:, 0], pts[:, 1])
    inner = from_mid <= AREA_KM
    core = pts[inner] if inner.sum() * 2 >= len(pts) else pts
    core_mid = _km(mid_lat, mid_lon, core[:, 0], core[:, 1])
    warnings = []
    for key, pin in suspects:
        own = (core[:, 0] == round(pin.lat, 2)) & (core[:, 1] == round(pin.lon, 2))
        rest = core[~own]
        if not len(rest):
            continue
        radius = float(core_mid[~own].max())  # the area of the map's other places
        nearest = float(_km(pin.lat, pin.lon, rest[:, 0], rest[:, 1]).min())
        if nearest <= max(STRAY_KM, radius):
            continue
        records = users[key]
        more = f" (and {len(records) - 1} more records)" if len(records) > 1 else ""
        warnings.append(records[0].origin.error("place", (
            f"{pin.name!r} was resolved to {pin.country or '?'} {pin.lat:.4f},{pin.lon:.4f} ({pin.source}), "
            f"{nearest:,.0f} km from the map's other places and outside its view{more}; if that is "
            "not the place meant, add it to places.yaml or give lat/lon")))
    return warnings


def _locate(row: TownControl, pin: Pin) -> TownControl:
    """A control row with its town's coordinates (and country, when the row names none)."""
    return dataclasses.replace(row, lat=pin.lat, lon=pin.lon, country=row.country or pin.country)


def write_pins(source: MapSource, resolved: Resolved) -> Path | None:
    """Write the lock file when its content changed; return its path if written."""
    if not resolved.pins or not resolved.pins_changed:
        return None
    write_atomic(source.lock_path, render_pins(resolved.pins).encode("utf-8"))
    return source.lock_path
