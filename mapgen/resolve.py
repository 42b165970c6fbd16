"""Resolve incident place names to coordinates, and pin every resolution in ``places.lock.yaml``.

Order of authority: the project's own ``places.yaml``; then the pin file (so a map does not change
because another machine's gazetteer differs); then the gazetteer. Ambiguous and unresolved names
are input errors that list the alternatives. ``repin`` ignores the pins and re-resolves.

Names the offline gazetteer cannot place may be asked of an online geocoder (map.yaml
``geocoder: nominatim``, or ``online=True``): only then, and only for those names. Their pins
say ``source: online`` and are used only while the online fallback is on.
"""
from __future__ import annotations

import dataclasses
import math
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

import yaml

from mapgen.errors import InputError, InputErrors, excerpt
from mapgen.readers.yamlfile import line_of, load_yaml
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
    """Pins from a lock file; a damaged one is an input error naming it, the pin and the field."""
    if not path.exists():
        return {}
    hint = "; fix it or build with --repin"
    try:
        data = load_yaml(path) or {}
    except InputError as exc:
        raise InputError(exc.message + hint, file=exc.file, record=exc.record, field=exc.field) from None
    places = data.get("places", {}) if isinstance(data, Mapping) else None
    if not isinstance(places, Mapping):
        raise InputError("expected places: {name: {lat, lon, source}}" + hint, file=str(path))
    pins = {}
    for name, item in places.items():
        where = dict(file=str(path), record=line_of(item), field=f"places.{str(name)[:40]}")
        if not isinstance(item, Mapping):
            raise InputError("needs lat and lon" + hint, **where)
        lat, lon = item.get("lat"), item.get("lon")
        for value, low, high in ((lat, -90, 90), (lon, -180, 180)):
            if (isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value)
                    or not low <= value <= high):
                raise InputError(f"lat must be a number in -90..90 and lon in -180..180, not {excerpt(value)}"
                                 + hint, **where)
        geonameid = item.get("geonameid")
        if geonameid is not None and (isinstance(geonameid, bool) or not isinstance(geonameid, int)
                                      or not 0 < geonameid < 2**63):
            raise InputError("geonameid must be a whole number" + hint, **where)
        if not all(isinstance(item.get(k, ""), str) for k in ("source", "country")):
            raise InputError("source and country must be text" + hint, **where)
        pins[_key(str(name))] = Pin(str(name), float(lat), float(lon), item.get("source", ""), geonameid,
                                    item.get("country", ""))
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


#: Candidates listed for an ambiguous place.
AMBIGUOUS_SHOWN = 4


#: A candidate of a place not found is said to lie this far from the map, or farther (the
#: build's errors, and ``mapgen resolve``'s "N km off").
FAR_OFF_KM = 25.0


def _describe(place: Any, located: str | None = None, km: float | None = None) -> str:
    """A candidate place for a reader: its name, country and coordinates, how to write the
    name so that it means this place (see gazetteer.Gazetteer.located_name), when known, and
    how far it lies from the map's other places and view, when farther than FAR_OFF_KM."""
    how = f', written "{located}"' if located else ""
    off = f", {km:.0f} km from the map's other places" if km is not None and km > FAR_OFF_KM \
        else ""
    return f"{place.name} ({place.country or '?'}, {place.lat:.4f}, {place.lon:.4f}{how}{off})"


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


ONLINE = "online"  # the pin source of places found by the online geocoder


def resolve_places(source: MapSource, *, home: str | None = None, repin: bool = False,
                   include_review: bool = True, online: bool = False) -> Resolved:
    """Give every incident of ``source`` coordinates; raise :class:`InputErrors` for names that
    are unresolved or ambiguous, each naming the incident's file, line and the alternatives.

    With ``online`` (or map.yaml's ``geocoder``), names the gazetteer does not know are asked
    of the online geocoder (cached under ``home``) and pinned with ``source: online``.
    """
    settings = source.config.geocoder or ({"service": "nominatim"} if online else None)
    old_pins = {} if repin else read_pins(source.lock_path)
    unused_online = set()
    if settings is None:  # online pins are never used unless asked for
        unused_online = {k for k, p in old_pins.items() if p.source == ONLINE}
        old_pins = {k: p for k, p in old_pins.items() if k not in unused_online}
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
    ask_online: list[str] = []
    if pending:
        from gazetteer import Place, open_gazetteer

        extra = [Place(name=p.name, lat=p.lat, lon=p.lon, country=p.country,
                       feature_code=p.feature_code, source="project") for p in source.places]
        known = [(p.lat, p.lon) for p in pins.values()]
        known += [(i.lat, i.lon) for i in [*source.incidents, *source.control] if i.located]
        with open_gazetteer(home) as gaz:
            results = gaz.resolve_many(pending, countries=source.config.countries, extra_places=extra,
                                       view=source.config.view, context=_context_points(known))
            # how to write each name of namesakes so that it means one of them
            located = {name: [gaz.located_name(name, p, source.config.countries)
                              for p in result.alternatives[:AMBIGUOUS_SHOWN]]
                       for name, result in zip(pending, results) if result.status == "ambiguous"}
        for name, result in zip(pending, results):
            if result.status == "resolved" and result.place is not None:
                place = result.place
                pins[_key(name)] = Pin(name, place.lat, place.lon, place.source or "gazetteer",
                                       place.geonameid, place.country)
            elif result.status == "ambiguous":
                options = [_describe(p, how)
                           for p, how in zip(result.alternatives[:AMBIGUOUS_SHOWN], located[name])]
                # (what to do first: a long list is cut at the end of the line)
                todo = ("write the one meant as given, " if any(located[name]) else "") \
                    + "add it to places.yaml or give lat/lon"
                problems[_key(name)] = (f"ambiguous place {name!r} ({todo}): could be "
                                        + "; ".join(options))
            elif settings is not None:
                ask_online.append(name)
            else:
                far = list(result.alternatives_context_km) + [None] * 3
                near = "; ".join(_describe(p, km=km) for p, km in zip(result.alternatives[:3], far))
                hint = f" (closest: {near})" if near else ""
                if _key(name) in unused_online:
                    hint += (" (places.lock.yaml pins it from the online geocoder, which is used only "
                             "when map.yaml sets `geocoder:`)")
                # a place the gazetteer has, refused for lying far from the rest of the map
                what = ("no place {!r} near the map's other places" if far[0] is not None
                        and far[0] > FAR_OFF_KM else "unknown place {!r}").format(name)
                problems[_key(name)] = (f"{what}{hint}; add it to places.yaml, give lat/lon, "
                                        "or import a GeoNames dump with `mapgen gazetteer import`")
    if ask_online:
        _resolve_online(ask_online, settings or {}, source, home, pins, problems)

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
    from gazetteer.resolve import haversine_km  # vectorised: the map's places at once

    return haversine_km(lat1, lon1, lat2, lon2)


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


def _resolve_online(names: list[str], settings: Mapping[str, Any], source: MapSource, home: str | None,
                    pins: dict[str, Pin], problems: dict[str, str]) -> None:
    """Ask the online geocoder for ``names``; pin what it finds, report what it does not."""
    from gazetteer.geocoder import online_geocoder

    options = {k: v for k, v in settings.items() if k != "service"}
    geocoder = online_geocoder(str(settings.get("service") or "nominatim"), home=home, **options)
    for name in names:
        answer = geocoder.lookup(name, source.config.countries)
        if answer.place is not None:
            place = answer.place
            pins[_key(name)] = Pin(name, place.lat, place.lon, ONLINE, None, place.country)
        else:
            problems[_key(name)] = (f"unknown place {name!r}, offline and online; add it to places.yaml "
                                    "or give lat/lon")


def _locate(row: TownControl, pin: Pin) -> TownControl:
    """A control row with its town's coordinates (and country, when the row names none)."""
    return dataclasses.replace(row, lat=pin.lat, lon=pin.lon, country=row.country or pin.country)


def pins_output(source: MapSource, resolved: Resolved) -> tuple[Path, bytes] | None:
    """The lock file's path and text when its content changed, else None."""
    if not resolved.pins or not resolved.pins_changed:
        return None
    return source.lock_path, render_pins(resolved.pins).encode("utf-8")


def write_pins(source: MapSource, resolved: Resolved) -> Path | None:
    """Write the lock file when its content changed; return its path if written."""
    found = pins_output(source, resolved)
    if found is None:
        return None
    write_atomic(*found)
    return source.lock_path
