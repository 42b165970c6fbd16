"""Map settings from ``map.yaml`` (title, time zone, factions, event types, colours) with defaults."""
from __future__ import annotations

from dataclasses import dataclass, field
import difflib
from typing import Any, Callable, Iterable, Mapping
from zoneinfo import ZoneInfo

from mapgen.annotations import Annotation, parse_annotations
from mapgen.errors import InputError, excerpt
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
    # ACLED's categories (mapgen.readers.acled) and UCDP GED's types of violence; these colours
    # were chosen by mapgen.palette.extend_palette from the eight above, then fixed
    "explosion": ("Explosion", "#000000"),
    "chemical attack": ("Chemical attack", "#C6FD84"),
    "violence against civilians": ("Violence against civilians", "#4D2100"),
    "protest": ("Protest", "#8479FD"),
    "riot": ("Riot", "#6E634D"),
    "strategic development": ("Strategic development", "#8F8FA5"),
    "state-based violence": ("State-based violence", "#0000F2"),
    "non-state violence": ("Non-state violence", "#84BB79"),
    "one-sided violence": ("One-sided violence", "#21002C"),
}
DEFAULT_FACTIONS: dict[str, tuple[str, str]] = {
    "government": ("Government and allies", "#D55E00"),
    "rebels": ("Rebels", "#009E73"),
    "ypg": ("YPG / SDF", "#FFD700"),
    "isil": ("ISIL", "#000000"),
}
MODES = ("cumulative", "window")
BASEMAPS = ("offline", "streets", "terrain", "satellite")  # the online ones: mapgen.basemap.ONLINE_LAYERS
GEOCODERS = ("nominatim",)  # online fallbacks map.yaml's ``geocoder`` may name (gazetteer.geocoder)
ON_ERROR = ("stop", "skip")
#: Fields a ``columns:`` mapping in map.yaml may name (our field -> the table's column).
COLUMN_FIELDS = ("id", "date", "start", "end", "time_precision", "type", "place", "lat", "lon",
                 "geo_precision", "actors", "title", "description", "fatalities", "sources", "review")
#: Words reports use for a known faction or event type (lower case) -> that key.
SYNONYMS: dict[str, str] = {
    "regime": "government", "syrian regime": "government", "assad regime": "government",
    "pro-government": "government", "pro-regime": "government", "saa": "government",
    "syrian government": "government", "loyalists": "government",
    "opposition": "rebels", "rebel": "rebels", "insurgents": "rebels", "fsa": "rebels",
    "free syrian army": "rebels",
    "isis": "isil", "is": "isil", "islamic state": "isil", "daesh": "isil", "daish": "isil",
    "sdf": "ypg", "ypg/sdf": "ypg", "kurds": "ypg", "kurdish forces": "ypg",
    "air strike": "airstrike", "air strikes": "airstrike", "airstrikes": "airstrike", "air raid": "airstrike",
    "bombardment": "shelling", "artillery": "shelling", "clash": "clashes", "battle": "clashes",
    "fighting": "clashes", "battles": "clashes",
}
MAX_WINDOW_DAYS = 36_500
MAX_SETTING_TEXT = 10_000  # characters of a title, description or credit


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
    # how far a town's control reaches (zones from control.csv); None: adapted to the local
    # density of towns (see mapgen.control_zones.adaptive_radii)
    control_radius_km: float | None = None
    columns: dict[str, str] = field(default_factory=dict)  # our field -> a CSV table's column
    date_format: str | None = None  # strptime format of the date columns of CSV tables
    on_error: str = "stop"  # "skip": leave invalid records out and report them
    geocoder: dict[str, Any] | None = None  # opt-in online fallback: {service, user_agent, url, min_delay_seconds}
    annotations: tuple[Annotation, ...] = ()  # editors' labels, lines, arrows and areas
    basemap: str = "offline"  # the basemap the page opens on (BASEMAPS)

    @property
    def zone(self) -> ZoneInfo:
        return get_zone(self.timezone)

    def faction(self, key: str) -> Category:
        """The faction ``key``, adding it (default or a new distinct colour) when not listed yet."""
        if key not in self.factions or not self.factions[key].color:
            self.use_factions([*self.factions, key])
        return self.factions[key]

    def event_type(self, key: str) -> Category:
        """The event type ``key``, adding it (default or a new distinct colour) when not listed yet."""
        if key not in self.event_types or not self.event_types[key].color:
            self.use_event_types([*self.event_types, key])
        return self.event_types[key]

    def use_event_types(self, keys: Iterable[str]) -> None:
        """Keep only the event types ``keys`` (the legend lists what the data uses): map.yaml's
        first in its order, then the others sorted; each gets its colour (see :func:`_use`)."""
        self.event_types = _use(self.event_types, keys, DEFAULT_EVENT_TYPES, str.capitalize)

    def use_factions(self, keys: Iterable[str]) -> None:
        """As :meth:`use_event_types`, for factions."""
        self.factions = _use(self.factions, keys, DEFAULT_FACTIONS, str)

    def suggestion(self, key: str, kind: str) -> str | None:
        """A known key that an unknown faction or event type ``key`` looks like (a misspelling or
        a synonym such as "regime" for "government"); None when ``key`` is known or like nothing.
        ``kind``: ``"faction"`` or ``"event type"``."""
        configured, defaults = ((self.factions, DEFAULT_FACTIONS) if kind == "faction"
                                else (self.event_types, DEFAULT_EVENT_TYPES))
        known = list(dict.fromkeys([*configured, *defaults]))
        if key in known:
            return None
        folded = {_fold(k): k for k in known}
        word = _fold(key)
        if word in folded:
            return folded[word]
        synonym = SYNONYMS.get(word)
        if synonym in known:
            return synonym
        close = difflib.get_close_matches(word, list(folded), n=1, cutoff=0.8)
        return folded[close[0]] if close else None


def _fold(key: str) -> str:
    """A key as compared for look-alikes: lower case, separators as single spaces."""
    return " ".join(key.lower().replace("_", " ").replace("-", " ").split())


def _use(current: dict[str, Category], keys: Iterable[str], defaults: Mapping[str, tuple[str, str]],
         label: Callable[[str], str]) -> dict[str, Category]:
    """The categories ``keys`` with their colours: map.yaml's, else the default, else chosen by
    :func:`mapgen.palette.extend_palette` to differ from every other category shown (CIEDE2000,
    also for colour-blind readers)."""
    wanted = set(keys)
    order = [k for k in current if k in wanted] + sorted(wanted.difference(current))
    result: dict[str, Category] = {}
    new: list[str] = []
    for key in order:
        known = current.get(key)
        if known is not None and known.color:
            result[key] = known
        elif key in defaults:
            default_label, colour = defaults[key]
            result[key] = Category(key, known.label if known else default_label, colour)
        else:
            new.append(key)
    if new:
        from mapgen.palette import extend_palette

        colours = extend_palette([c.color for c in result.values()], len(new))
        for key, colour in zip(new, colours):
            known = current.get(key)
            result[key] = Category(key, known.label if known else label(key), colour)
    return {key: result[key] for key in order}


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
        if not isinstance(spec.get("label", ""), (str, int, float)) or isinstance(spec.get("label"), bool):
            raise InputError("must be text", file=file, record=line, field=f"{name}.{key}.label")
        colour = str(spec.get("color") or "")  # none: the default, or one chosen when shown
        if colour and not (colour.startswith("#") and len(colour) in (4, 7)
                and all(c in "0123456789abcdefABCDEF" for c in colour[1:])):
            raise InputError(f"{excerpt(colour)} is not a #rrggbb colour", file=file, record=line,
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
    for name in ("timezone", "mode"):
        if data.get(name) is not None and not isinstance(data.get(name), str):
            raise InputError("must be text", file=file, record=line, field=name)
    tz_name = timezone or str(data.get("timezone") or "UTC")
    try:
        get_zone(tz_name)
    except ValueError as exc:
        raise InputError(str(exc), file=file, record=line, field="timezone") from None
    mode = str(data.get("mode") or "cumulative")
    if mode not in MODES:
        raise InputError(f"{excerpt(mode)} is not one of {', '.join(MODES)}", file=file, record=line, field="mode")
    window = data.get("window_days", 7)
    if isinstance(window, bool) or not isinstance(window, int) or not 1 <= window <= MAX_WINDOW_DAYS:
        raise InputError(f"must be a whole number of days, 1..{MAX_WINDOW_DAYS}", file=file, record=line,
                         field="window_days")
    view = _view(data.get("view"), file, line)
    radius = data.get("control_radius_km", "auto")
    if radius is None or (isinstance(radius, str) and radius.strip().lower() == "auto"):
        radius = None
    elif isinstance(radius, bool) or not isinstance(radius, (int, float)) or not 0 < radius <= 500:
        raise InputError("must be 'auto' or a number of kilometres, 0 < r <= 500", file=file,
                         record=line, field="control_radius_km")
    columns = data.get("columns") or {}
    if not isinstance(columns, Mapping):
        raise InputError("must be a mapping of field: column (e.g. {date: date_time, lat: latitude})",
                         file=file, record=line, field="columns")
    for key, value in columns.items():
        if str(key) not in COLUMN_FIELDS:
            raise InputError(f"{excerpt(key)} is not a field; fields: {', '.join(COLUMN_FIELDS)}", file=file,
                             record=line, field="columns")
        if not isinstance(value, str) or not value.strip():
            raise InputError("must name a column of the table", file=file, record=line, field=f"columns.{key}")
    date_format = data.get("date_format")
    if date_format is not None and (not isinstance(date_format, str) or "%" not in date_format):
        raise InputError(f"{excerpt(date_format)} is not a strptime format such as \"%m/%d/%y %I:%M %p\"",
                         file=file, record=line, field="date_format")
    on_error = str(data.get("on_error") or "stop")
    if on_error not in ON_ERROR:
        raise InputError(f"{excerpt(on_error)} is not one of {', '.join(ON_ERROR)}", file=file, record=line,
                         field="on_error")
    basemap = str(data.get("basemap") or "offline")
    if basemap not in BASEMAPS:
        raise InputError(f"{excerpt(basemap)} is not one of {', '.join(BASEMAPS)}", file=file, record=line,
                         field="basemap")
    countries = data.get("countries") or ()
    if isinstance(countries, str):
        countries = [c.strip() for c in countries.split(",")]
    if not isinstance(countries, (list, tuple)) or not all(
            isinstance(c, str) and (not c.strip() or (len(c.strip()) == 2 and c.strip().isascii()
                                                      and c.strip().isalpha())) for c in countries):
        raise InputError("must be a list of two-letter country codes, e.g. [SY, TR]", file=file, record=line,
                         field="countries")
    texts = {name: _setting_text(data.get(name), file, line, name)
             for name in ("title", "description", "credit")}
    return MapConfig(
        title=texts["title"] or "Conflict map",
        description=texts["description"],
        timezone=tz_name,
        countries=tuple(c.strip().upper() for c in countries if c.strip()),
        factions=_categories(data.get("factions"), file, "factions", line),
        event_types=_categories(data.get("event_types"), file, "event_types", line),
        credit=texts["credit"],
        mode=mode,
        window_days=window,
        view=view,
        control_radius_km=None if radius is None else float(radius),
        columns={str(k): str(v).strip() for k, v in columns.items()},
        date_format=date_format,
        on_error=on_error,
        geocoder=_geocoder(data.get("geocoder"), file, line),
        annotations=parse_annotations(data.get("annotations"), file, get_zone(tz_name)),
        basemap=basemap,
    )


def _setting_text(value: Any, file: str, line: int | None, name: str) -> str:
    """A text setting (a number is taken as its text); lists, mappings and true/false are errors."""
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise InputError(f"must be text, not a {_kind(value)}", file=file, record=line, field=name)
    text = str(value).strip()
    if len(text) > MAX_SETTING_TEXT:
        raise InputError(f"longer than {MAX_SETTING_TEXT:,} characters", file=file, record=line, field=name)
    return text


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false value"
    if isinstance(value, Mapping):
        return "mapping"
    if isinstance(value, list):
        return "list"
    return type(value).__name__
def _geocoder(value: Any, file: str, line: int | None) -> dict[str, Any] | None:
    """``geocoder: nominatim`` or ``geocoder: {service: nominatim, user_agent: ..., url: ...,
    min_delay_seconds: 1}``: the online fallback for names the offline gazetteer cannot place."""
    if value in (None, "", False, "none", "off"):
        return None
    spec = {"service": value} if isinstance(value, str) else value
    if not isinstance(spec, Mapping):
        raise InputError("must be a service name or {service, user_agent, url, min_delay_seconds}",
                         file=file, record=line, field="geocoder")
    known = {"service", "user_agent", "url", "min_delay_seconds"}
    for key in spec:
        if key not in known:
            raise InputError(f"unknown setting; known: {', '.join(sorted(known))}", file=file, record=line,
                             field=f"geocoder.{key}")
    service = str(spec.get("service") or "nominatim").lower()
    if service not in GEOCODERS:
        raise InputError(f"{service!r} is not one of {', '.join(GEOCODERS)}", file=file, record=line,
                         field="geocoder.service")
    result: dict[str, Any] = {"service": service}
    for key in ("user_agent", "url"):
        if spec.get(key) not in (None, ""):
            result[key] = str(spec[key])
    url = result.get("url", "")
    if url and not url.lower().startswith(("http://", "https://")):
        raise InputError(f"{url!r} is not an http(s) address", file=file, record=line, field="geocoder.url")
    delay = spec.get("min_delay_seconds", 1.0)
    if isinstance(delay, bool) or not isinstance(delay, (int, float)) or not 0 <= delay <= 60:
        raise InputError("must be a number of seconds, 0..60", file=file, record=line,
                         field="geocoder.min_delay_seconds")
    result["min_delay_seconds"] = float(delay)
    return result


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
