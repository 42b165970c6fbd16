"""Map settings from ``map.yaml`` (title, time zone, factions, event types, colours) with defaults."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping
from zoneinfo import ZoneInfo

from mapgen.errors import InputError
from mapgen.timeparse import get_zone

# Colour-blind-safe defaults (Paul Tol's "bright"/"muted" and Okabe-Ito palettes). tests/mapgen/test_palette.py
# keeps every pair apart under simulated protanopia, deuteranopia and tritanopia (CIEDE2000).
DEFAULT_EVENT_TYPES: dict[str, tuple[str, str]] = {
    "airstrike": ("Airstrike", "#CC3311"),
    "shelling": ("Shelling", "#EE7733"),
    "clashes": ("Clashes", "#AA3377"),
    "territorial change": ("Territorial change", "#332288"),
    "displacement": ("Displacement", "#0072B2"),
    "humanitarian": ("Humanitarian", "#009977"),
    "statement": ("Statement", "#444444"),
    "diplomatic": ("Diplomatic", "#33BBEE"),
}
DEFAULT_FACTIONS: dict[str, tuple[str, str]] = {
    "government": ("Government and allies", "#D55E00"),
    "rebels": ("Rebels", "#009E73"),
    "ypg": ("YPG / SDF", "#FFD700"),
    "isil": ("ISIL", "#000000"),
}
FALLBACK_COLOURS = ("#56B4E9", "#CC79A7", "#0072B2", "#F0E442", "#882255", "#44AA99", "#999933")
MODES = ("cumulative", "window")
BASEMAPS = ("offline", "streets", "terrain", "satellite")  # the online ones: mapgen.basemap.ONLINE_LAYERS


@dataclass(frozen=True)
class Category:
    """A faction or an event type as the legend shows it."""

    key: str
    label: str
    color: str


@dataclass
class MapConfig:
    """Everything ``map.yaml`` can set; every field has a default."""

    title: str = "Conflict map"
    description: str = ""
    timezone: str = "UTC"
    countries: tuple[str, ...] = ()
    factions: dict[str, Category] = field(default_factory=dict)
    event_types: dict[str, Category] = field(default_factory=dict)
    credit: str = ""
    mode: str = "cumulative"
    window_days: int = 7
    view: list[list[float]] | None = None  # [[south, west], [north, east]] to open on
    control_radius_km: float = 10.0  # how far a town's control reaches (zones from control.csv)
    basemap: str = "offline"  # the basemap the page opens on (BASEMAPS)

    @property
    def zone(self) -> ZoneInfo:
        return get_zone(self.timezone)

    def faction(self, key: str) -> Category:
        """The faction ``key``, adding it with a fallback colour when map.yaml does not list it."""
        if key not in self.factions:
            label, colour = DEFAULT_FACTIONS.get(key, (key, _next_colour(len(self.factions))))
            self.factions[key] = Category(key, label, colour)
        return self.factions[key]

    def event_type(self, key: str) -> Category:
        """The event type ``key``, adding it with a fallback colour when unknown."""
        if key not in self.event_types:
            label, colour = DEFAULT_EVENT_TYPES.get(key, (key.capitalize(), _next_colour(len(self.event_types))))
            self.event_types[key] = Category(key, label, colour)
        return self.event_types[key]


def _next_colour(index: int) -> str:
    return FALLBACK_COLOURS[index % len(FALLBACK_COLOURS)]


def _categories(value: Any, file: str, name: str, line: int | None) -> dict[str, Category]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise InputError("must be a mapping of key: {label, color}", file=file, record=line, field=name)
    result = {}
    for key, spec in value.items():
        spec = spec or {}
        if isinstance(spec, str):
            spec = {"color": spec}
        if not isinstance(spec, Mapping):
            raise InputError("must be {label, color}", file=file, record=line, field=f"{name}.{key}")
        colour = str(spec.get("color", _next_colour(len(result))))
        if not (colour.startswith("#") and len(colour) in (4, 7)
                and all(c in "0123456789abcdefABCDEF" for c in colour[1:])):
            raise InputError(f"{colour!r} is not a #rrggbb colour", file=file, record=line,
                             field=f"{name}.{key}.color")
        result[str(key)] = Category(str(key), str(spec.get("label", key)), colour)
    return result


def config_from_mapping(data: Any, file: str, timezone: str | None = None) -> MapConfig:
    """Validate the contents of a ``map.yaml``; ``timezone`` (from the command line) wins."""
    if data is None:
        data = {}
    if not isinstance(data, Mapping):
        raise InputError("must be a mapping of settings", file=file)
    line = getattr(data, "line", None)
    tz_name = timezone or str(data.get("timezone") or "UTC")
    try:
        get_zone(tz_name)
    except ValueError as exc:
        raise InputError(str(exc), file=file, record=line, field="timezone") from None
    mode = str(data.get("mode") or "cumulative")
    if mode not in MODES:
        raise InputError(f"{mode!r} is not one of {', '.join(MODES)}", file=file, record=line, field="mode")
    window = data.get("window_days", 7)
    if isinstance(window, bool) or not isinstance(window, int) or window < 1:
        raise InputError("must be a whole number of days >= 1", file=file, record=line, field="window_days")
    view = _view(data.get("view"), file, line)
    radius = data.get("control_radius_km", 10.0)
    if isinstance(radius, bool) or not isinstance(radius, (int, float)) or not 0 < radius <= 500:
        raise InputError("must be a number of kilometres, 0 < r <= 500", file=file, record=line,
                         field="control_radius_km")
    basemap = str(data.get("basemap") or "offline")
    if basemap not in BASEMAPS:
        raise InputError(f"{basemap!r} is not one of {', '.join(BASEMAPS)}", file=file, record=line,
                         field="basemap")
    countries = data.get("countries") or ()
    if isinstance(countries, str):
        countries = [c.strip() for c in countries.split(",")]
    return MapConfig(
        title=str(data.get("title") or "Conflict map"),
        description=str(data.get("description") or ""),
        timezone=tz_name,
        countries=tuple(str(c).upper() for c in countries if str(c).strip()),
        factions=_categories(data.get("factions"), file, "factions", line),
        event_types=_categories(data.get("event_types"), file, "event_types", line),
        credit=str(data.get("credit") or ""),
        mode=mode,
        window_days=window,
        view=view,
        control_radius_km=float(radius),
        basemap=basemap,
    )


def _view(value: Any, file: str, line: int | None) -> list[list[float]] | None:
    """``view: [[south, west], [north, east]]`` -- the area the map opens on."""
    if value is None:
        return None
    try:
        (south, west), (north, east) = value
        box = [[float(south), float(west)], [float(north), float(east)]]
    except (TypeError, ValueError):
        raise InputError("must be [[south, west], [north, east]]", file=file, record=line, field="view") from None
    if not (-90 <= box[0][0] < box[1][0] <= 90 and -180 <= box[0][1] < box[1][1] <= 180):
        raise InputError("south < north and west < east, within -90..90 / -180..180", file=file,
                         record=line, field="view")
    return box
