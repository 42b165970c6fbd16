"""Load a map source: a project folder (map.yaml, events/, zones/, places.yaml) or one events file."""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

from mapgen.config import MapConfig, config_from_mapping
from mapgen.errors import InputError, InputErrors
from mapgen.model import ControlZone, Incident
from mapgen.readers import READERS, ReadOptions, Records, read_file
from mapgen.readers.yamlfile import line_of, load_yaml
from mapgen.towncontrol import TownControl


@dataclass(frozen=True)
class ProjectPlace:
    """A place a map project defines for itself in ``places.yaml`` (wins over the gazetteer)."""

    name: str
    lat: float
    lon: float
    country: str = ""
    feature_code: str = ""
    aliases: tuple[str, ...] = ()


@dataclass
class MapSource:
    """Everything read from a source, validated; incidents may still need their places resolved."""

    path: Path
    is_project: bool
    config: MapConfig
    incidents: list[Incident] = field(default_factory=list)
    zones: list[ControlZone] = field(default_factory=list)
    places: list[ProjectPlace] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    control: list[TownControl] = field(default_factory=list)  # town-level control, see control_zones
    warnings: list[InputError] = field(default_factory=list)  # reported, but do not fail

    @property
    def name(self) -> str:
        return self.path.name if self.is_project else self.path.stem

    @property
    def lock_path(self) -> Path:
        """Where the place pins of this source live."""
        if self.is_project:
            return self.path / "places.lock.yaml"
        return self.path.with_name(self.path.stem + ".places.lock.yaml")


def _event_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir()
                  if p.is_file() and p.suffix.lower() in READERS and not p.name.startswith("."))


def _read_places(path: Path, errors: list[InputError]) -> list[ProjectPlace]:
    """A project's own places, in either documented form of ``places.yaml`` (each optionally
    under a top-level ``places:`` key):

    - a list: ``- {name: Azaz, lat: 36.5866, lon: 37.0463, country: SY, aliases: [A'zaz]}``
    - a mapping by name: ``Azaz: {lat: 36.5866, lon: 37.0463, country: SY}``

    Anything else is an error naming the file (and line).
    """
    try:
        data = load_yaml(path)
    except InputError as exc:
        errors.append(exc)
        return []
    if data is None:
        return []
    items: Any = data["places"] if isinstance(data, Mapping) and "places" in data else data
    if items is None:
        return []
    shape = ("expected a list of places ({name, lat, lon, ...}) or a mapping of name: {lat, lon, ...}, "
             "optionally under places:")
    if isinstance(items, Mapping):
        named = []
        for name, raw in items.items():
            if not isinstance(raw, Mapping):
                errors.append(InputError("a place must be a mapping of lat, lon (country, feature_code, "
                                         "aliases)", file=str(path), record=line_of(items), field=str(name)))
                continue
            entry = type(raw)(raw)  # keeps the line it started on
            entry.__dict__.update(getattr(raw, "__dict__", {}))
            if entry.get("name") not in (None, "", name):
                errors.append(InputError(f"name {entry.get('name')!r} differs from its key {name!r}",
                                         file=str(path), record=line_of(raw), field="name"))
                continue
            entry["name"] = str(name)
            named.append(entry)
        items = named
    elif not isinstance(items, list):
        errors.append(InputError(f"{shape}, not {type(items).__name__}", file=str(path), field="places"))
        return []
    places = []
    for index, raw in enumerate(items, start=1):
        line = line_of(raw, index)
        if not isinstance(raw, Mapping):
            errors.append(InputError("a place must be a mapping", file=str(path), record=line))
            continue
        name = str(raw.get("name") or "").strip()
        if not name:
            errors.append(InputError("missing", file=str(path), record=line, field="name"))
            continue
        try:
            lat, lon = float(raw.get("lat")), float(raw.get("lon"))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            errors.append(InputError("lat and lon must be numbers", file=str(path), record=line,
                                     field="lat" if not isinstance(raw.get("lat"), (int, float)) else "lon"))
            continue
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            errors.append(InputError("outside lat -90..90 / lon -180..180", file=str(path), record=line, field="lat"))
            continue
        aliases = raw.get("aliases") or []
        places.append(ProjectPlace(
            name=name, lat=lat, lon=lon, country=str(raw.get("country") or "").upper(),
            feature_code=str(raw.get("feature_code") or ""),
            aliases=tuple(str(a) for a in aliases) if isinstance(aliases, list) else (str(aliases),),
        ))
    return places


def project_config(folder: str | Path, timezone: str | None = None) -> MapConfig:
    """The settings of the map project in ``folder`` (its map.yaml; defaults without one).
    Raises :class:`InputErrors` naming the file, line and field of a bad setting."""
    config_path = Path(folder) / "map.yaml"
    try:
        raw_config = load_yaml(config_path) if config_path.exists() else {}
        return config_from_mapping(raw_config, str(config_path), timezone)
    except InputError as exc:
        raise InputErrors([exc]) from None


def load_source(path: str | Path, *, timezone: str | None = None,
                options: ReadOptions | None = None, problems: list[InputError] | None = None,
                reader: Any = None) -> MapSource:
    """Read and validate ``path``; raise :class:`InputErrors` listing every problem found.

    With a ``problems`` list, record problems are added to it instead and the valid records are
    returned (``mapgen validate`` goes on to check places with them). ``reader`` replaces
    :func:`~mapgen.readers.read_file` (same arguments), e.g. a build cache.
    """
    path = Path(path)
    options = options or ReadOptions()
    errors: list[InputError] = []
    if not path.exists():
        raise InputErrors([InputError("no such file or folder", file=str(path))])
    if path.is_dir():
        config = project_config(path, timezone)
        if config.columns or config.date_format:  # how this project's CSV tables are laid out
            options = dataclasses.replace(options, columns=tuple(sorted(config.columns.items())),
                                          date_format=config.date_format)
        source = MapSource(path=path, is_project=True, config=config)
        source.files = _event_files(path / "events") + _event_files(path / "zones")
        if not source.files:
            errors.append(InputError("no events or zones files (expected events/*.yaml, zones/...)",
                                     file=str(path)))
        places_path = path / "places.yaml"
        if places_path.exists():
            source.places = _read_places(places_path, errors)
    else:
        try:
            config = config_from_mapping({}, str(path), timezone)
        except InputError as exc:
            raise InputErrors([exc]) from None
        config.title = path.stem.replace("-", " ").replace("_", " ").strip().capitalize() or config.title
        source = MapSource(path=path, is_project=False, config=config, files=[path])

    records = Records()
    for file in source.files:
        try:
            records.extend((reader or read_file)(file, config.zone, errors, options))
        except InputError as exc:
            errors.append(exc)
    _check_unique(records, errors)
    if errors and problems is None:
        raise InputErrors(errors)
    if problems is not None:
        problems.extend(errors)
    source.incidents = records.incidents
    source.zones = records.zones
    source.control = records.control
    source.warnings = records.warnings + lookalike_warnings(config, records)
    return source


def lookalike_warnings(config: MapConfig, records: Records) -> list[InputError]:
    """A warning for each event type or faction that is not known but looks like one that is
    ("goverment", "regime" for "government"): it would become a legend row of its own. Named at
    its first use."""
    found: list[InputError] = []
    for kind, items, attribute in (("event type", records.incidents, "type"),
                                   ("faction", [*records.zones, *records.control], "faction")):
        first: dict[str, Any] = {}
        for item in items:
            first.setdefault(getattr(item, attribute), item)
        for key, item in first.items():
            known = config.suggestion(key, kind)
            if known is not None:
                section = "event_types" if kind == "event type" else "factions"
                found.append(InputError(
                    f"{kind} {key!r} is not a known one; did you mean {known!r}? (list it under "
                    f"{section}: in map.yaml to keep it as it is)", file=item.origin.file,
                    record=item.origin.record, field=attribute))
    return found


def _check_unique(records: Records, errors: list[InputError]) -> None:
    for kind, items in (("incident", records.incidents), ("zone", records.zones)):
        seen: dict[str, Any] = {}
        for item in items:
            if item.id in seen:
                first = seen[item.id].origin
                errors.append(item.origin.error(
                    "id", f"duplicate {kind} id {item.id!r} (first at {first.file}:{first.record})"))
            else:
                seen[item.id] = item
