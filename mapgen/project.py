"""The library API over a map source: load it as GeoDataFrames, check it, export it.

The command line is a thin face over these functions (``mapgen validate`` is :func:`check`,
``mapgen export`` is :func:`export`), as Fiona's ``fio`` sits over Fiona::

    import mapgen
    project = mapgen.load("examples/aleppo-2016-02")      # incidents and zones as GeoDataFrames
    project.incidents = project.incidents[project.incidents.type == "airstrike"]
    mapgen.build_map(project).save("output/airstrikes.html")

geopandas is imported only by :func:`load` and GeoPackage export, never by :func:`check`.
"""
from __future__ import annotations

import copy
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mapgen.config import MapConfig, config_from_mapping
from mapgen.errors import InputError, InputErrors, MapgenError
from mapgen.readers import ReadOptions
from mapgen.source import MapSource, load_source

if TYPE_CHECKING:  # pragma: no cover
    import geopandas as gpd

    from mapgen.resolve import Resolved

#: File kinds ``export`` writes, by suffix.
EXPORT_FORMATS = {".csv": "csv", ".geojson": "geojson", ".json": "geojson", ".gpkg": "gpkg"}


@dataclass
class Project:
    """A loaded map source: its settings, and its incidents and zone versions as GeoDataFrames.

    ``incidents`` and ``zones`` may be replaced (filtered, edited, concatenated) before
    :func:`mapgen.build_map` is given the project; they are validated again then.

    Attributes
    ----------
    source : MapSource
        What was read: path, settings (``source.config``), town control rows, warnings.
    incidents : geopandas.GeoDataFrame
        Columns ``id, start, end, time_precision, type, place, geo_precision, actors, title,
        description, fatalities, sources, review`` and point ``geometry`` (EPSG:4326).
    zones : geopandas.GeoDataFrame
        Columns ``id, faction, valid_from, valid_to, status, sources`` and (multi)polygon
        ``geometry``: the drawn zones and those derived from ``zones/control.csv``.
    resolved : Resolved or None
        The place resolution used (its pins are written when a map of the project is saved).
    """

    source: MapSource
    incidents: "gpd.GeoDataFrame"
    zones: "gpd.GeoDataFrame"
    resolved: "Resolved | None" = None

    @property
    def config(self) -> MapConfig:
        """The project's settings (map.yaml)."""
        return self.source.config

    @property
    def warnings(self) -> list[InputError]:
        """Problems that do not fail a build (repaired polygons, sources without a URL...)."""
        return [*self.source.warnings, *source_warnings(self.source)]

    def build(self, **kwargs: Any) -> Any:
        """:func:`mapgen.build_map` of this project (same keyword arguments)."""
        from mapgen.build import build_map

        return build_map(self, **kwargs)

    def __repr__(self) -> str:
        return (f"<mapgen.Project {self.config.title!r}: {len(self.incidents)} incidents, "
                f"{len(self.zones)} zone versions, {self.config.timezone}, from {str(self.source.path)!r}>")


def load(source: str | Path | MapSource, *, timezone: str | None = None, home: str | None = None,
         repair: bool = False, resolve: bool = True, online: bool = False) -> Project:
    """Read, validate and (by default) place a map source, as GeoDataFrames.

    Parameters
    ----------
    source : str, Path or MapSource
        A project folder (map.yaml, events/, zones/, places.yaml) or one events or zones file
        (YAML, CSV, GeoJSON, GeoPackage, Shapefile, FlatGeobuf).
    timezone : str, optional
        IANA zone for times without an offset (map.yaml's ``timezone`` otherwise).
    home : str, optional
        The gazetteer's folder (default ``MAPGEN_HOME``).
    repair : bool
        Repair invalid zone polygons (reported in ``warnings``) instead of rejecting them.
    resolve : bool
        Give incidents named by place their coordinates and derive zones from town control
        (places.yaml, pins, gazetteer). Without it, such incidents have an empty geometry and
        ``zones/control.csv`` adds no zones.
    online : bool
        Let places the offline gazetteer cannot find be asked of the online geocoder that
        map.yaml's ``geocoder`` names (also implied by that setting).

    Returns
    -------
    Project
        Incidents and zones as GeoDataFrames in EPSG:4326.

    Raises
    ------
    InputErrors
        Every problem found, each naming file, record and field.
    """
    from mapgen.control_zones import all_zones
    from mapgen.frames import incidents_frame, zones_frame

    loaded = source if isinstance(source, MapSource) else load_source(
        source, timezone=timezone, options=ReadOptions(repair=repair))
    resolved = None
    incidents, zones = loaded.incidents, list(loaded.zones)
    if resolve:
        from mapgen.resolve import resolve_places

        resolved = resolve_places(loaded, home=home, include_review=False, online=online)
        incidents = resolved.incidents
        zones = all_zones(loaded.config, zones, resolved.control)
    tz = loaded.config.zone
    return Project(loaded, incidents_frame(incidents, tz), zones_frame(zones, tz), resolved)


def source_from_frames(incidents: Any, zones: Any = None, *, config: MapConfig | None = None,
                       path: str | Path | None = None, timezone: str | None = None,
                       options: ReadOptions | None = None, problems: list[InputError] | None = None) -> MapSource:
    """A source made of GeoDataFrames (incidents, and zones), validated like files are.

    Rows are named in errors as ``<incidents>:row LABEL: field: message``. ``config`` gives
    the settings (defaults otherwise, with ``timezone``); ``path`` where place pins belong. With
    a ``problems`` list, bad rows are added to it and left out instead of raising.
    """
    if config is None:
        try:
            config = config_from_mapping({}, "<frames>", timezone)
        except InputError as exc:
            raise InputErrors([exc]) from None
    from mapgen.frames import records_from_frame
    from mapgen.readers.base import Records
    from mapgen.source import _check_unique

    errors: list[InputError] = []
    records = Records()
    for name, frame in (("<incidents>", incidents), ("<zones>", zones)):
        if frame is None:
            continue
        if not _is_frame(frame):
            raise MapgenError(f"{name}: expected a GeoDataFrame or DataFrame, not {type(frame).__name__}")
        records.extend(records_from_frame(frame, name, config.zone, errors, options))
    _check_unique(records, errors)
    if errors and problems is None:
        raise InputErrors(errors)
    if problems is not None:
        problems.extend(errors)
    where = Path(path) if path is not None else Path("<frames>")
    return MapSource(path=where, is_project=path is not None and Path(path).is_dir(), config=config,
                     incidents=records.incidents, zones=records.zones, warnings=records.warnings)


def frames_source(source: Any, zones: Any = None, *, timezone: str | None = None,
                  options: ReadOptions | None = None,
                  problems: list[InputError] | None = None) -> tuple[MapSource, "Resolved | None"]:
    """What :func:`mapgen.build_map` builds from a :class:`Project` or a GeoDataFrame: the
    source (settings copied, so a build's title does not change the project's) and the
    project's own resolution. Raises :class:`MapgenError` for anything else."""
    if isinstance(source, Project):
        config = copy.deepcopy(source.config)
        built = source_from_frames(source.incidents, source.zones if zones is None else zones,
                                   config=config, path=source.source.path, options=options, problems=problems)
        built.is_project, built.places = source.source.is_project, source.source.places
        built.files = source.source.files
        return built, source.resolved
    if _is_frame(source):
        return source_from_frames(source, zones, timezone=timezone, options=options, problems=problems), None
    raise MapgenError(f"cannot build a map from {type(source).__name__}: give a path, a project "
                      "(mapgen.load) or a GeoDataFrame")


def _is_frame(value: Any) -> bool:
    """A pandas DataFrame or GeoDataFrame, told without importing pandas."""
    return hasattr(value, "itertuples") and hasattr(value, "columns")


# -- validate -----------------------------------------------------------------------------------

@dataclass
class CheckReport:
    """What :func:`check` found: problems (each fails), invalid records that would be left out
    (with ``skip_invalid`` or ``on_error: skip``), warnings (reported only) and counts."""

    source: MapSource
    problems: list[InputError] = field(default_factory=list)
    warnings: list[InputError] = field(default_factory=list)
    zone_count: int = 0
    skipped: list[InputError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        """``ok: 2 incidents, 3 zone versions, 2 town control rows, 1 warning``."""
        from mapgen.problems import reasons

        loaded, count, skipped = self.source, len(self.warnings), self.skipped
        bad = {(str(p.file), p.record) for p in skipped}
        kept = sum((str(i.origin.file), i.origin.record) not in bad for i in loaded.incidents)
        return (f"ok: {kept} incidents, {self.zone_count} zone versions"
                + (f"; {len(skipped)} invalid record{'s' if len(skipped) > 1 else ''} would be left out "
                   f"({reasons(skipped)})" if skipped else "")
                + (f", {len(loaded.control)} town control rows" if loaded.control else "")
                + (f", {count} warning{'s' if count > 1 else ''}" if count else ""))


def check(source: str | Path, *, timezone: str | None = None, home: str | None = None,
          repair: bool = False, skip_invalid: bool = False) -> CheckReport:
    """Check ``source`` in one pass: records, places and town control; collect every problem.

    With ``skip_invalid`` (or map.yaml's ``on_error: skip``), when every problem is an invalid
    record, they are reported as ``skipped`` instead (what ``build --skip-invalid`` leaves out).
    Raises :class:`InputErrors` only when the source cannot be read at all (no such folder, a
    bad map.yaml); problems of records and places are in the report, sorted by file and line.
    """
    from mapgen.annotations import annotation_problems, map_places
    from mapgen.control_zones import all_zones
    from mapgen.resolve import resolve_places

    problems: list[InputError] = []
    loaded = load_source(source, timezone=timezone, options=ReadOptions(repair=repair), problems=problems)
    zone_count = len(loaded.zones)
    strays: list[InputError] = []  # places resolved far from the rest of the map: worth a look
    try:
        resolved = resolve_places(loaded, home=home)
        strays = list(resolved.strays)
        zone_count = len(all_zones(loaded.config, loaded.zones, resolved.control))
        drawn = [incident for incident in resolved.incidents if not incident.review]
        problems.extend(annotation_problems(loaded.config.annotations, map_places(loaded, resolved, drawn)))
    except InputErrors as exc:
        problems.extend(exc.errors)
    problems.sort(key=lambda e: (str(e.file or ""), e.record if isinstance(e.record, int) else 0))
    skipped: list[InputError] = []
    if (skip_invalid or loaded.config.on_error == "skip") and problems and all(p.row for p in problems):
        skipped, problems = problems, []
    return CheckReport(loaded, problems, [*loaded.warnings, *strays, *source_warnings(loaded)], zone_count, skipped)


def source_warnings(loaded: MapSource) -> list[InputError]:
    """Sources without a URL, and records without a source: worth fixing, not failing."""
    found = []
    for item in [*loaded.incidents, *loaded.zones, *loaded.control]:
        if not item.sources:
            found.append(item.origin.error("sources", "no source given"))
        for number, src in enumerate(item.sources, start=1):
            if not src.url:
                found.append(item.origin.error(f"sources[{number}]", f"{src.outlet!r} has no URL"))
    return found


# -- export -------------------------------------------------------------------------------------

@dataclass
class ExportReport:
    """What :func:`export` wrote."""

    path: Path
    incidents: int
    zones: int
    warnings: list[InputError] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return f"wrote {self.path} ({self.incidents} incidents, {self.zones} zone versions)"


def export(source: str | Path, out: str | Path, *, timezone: str | None = None, home: str | None = None,
           resolve: bool = False, repair: bool = False) -> ExportReport:
    """Write the incidents and zones of ``source`` to ``out`` (atomically).

    ``.geojson``: one FeatureCollection; ``.csv``: incidents only (formula-safe cells);
    ``.gpkg``: layers ``incidents`` and ``zones`` (the frames :func:`load` gives). Reading the
    file again gives the same incidents (and zones, for GeoJSON and GeoPackage). ``resolve``
    places incidents named by place and adds the zones derived from town control.
    """
    from mapgen.writefile import write_atomic
    from mapgen.writers import features_geojson, incidents_csv

    target = Path(out)
    kind = EXPORT_FORMATS.get(target.suffix.lower())
    if kind is None:
        raise MapgenError(f"{out}: unknown export format {target.suffix or '(none)'!r}; "
                          f"use one of {', '.join(sorted(EXPORT_FORMATS))}")
    from mapgen.build import check_outputs

    check_outputs(source, [target])  # never over what it reads
    loaded = load_source(source, timezone=timezone, options=ReadOptions(repair=repair))
    incidents, zones = loaded.incidents, list(loaded.zones)
    if resolve:
        from mapgen.control_zones import all_zones
        from mapgen.resolve import resolve_places

        resolved = resolve_places(loaded, home=home)
        incidents = resolved.incidents
        zones = all_zones(loaded.config, zones, resolved.control)
    tz = loaded.config.zone
    report = ExportReport(target, len(incidents), len(zones), list(loaded.warnings))
    if kind == "csv":
        skipped = len(zones) + (0 if resolve else len(loaded.control))
        if skipped:
            report.notes.append(f"CSV holds incidents only; {skipped} zone rows left out "
                                "(export to .geojson to keep them)")
        report.zones = 0
        write_atomic(target, incidents_csv(incidents, tz).encode("utf-8"))
    elif kind == "geojson":
        write_atomic(target, features_geojson(incidents, zones, tz).encode("utf-8"))
    else:
        if loaded.control and not resolve:
            report.notes.append(f"{len(loaded.control)} town control rows left out "
                                "(--resolve turns them into zones)")
        write_geopackage(target, incidents, zones, tz)
    return report


def write_geopackage(target: Path, incidents: Any, zones: Any, tz: Any) -> None:
    """Write layers ``incidents`` and ``zones`` to a new GeoPackage, replacing ``target`` only
    once it is complete."""
    from mapgen.frames import incidents_frame, zones_frame

    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".gpkg", dir=target.parent)
    os.close(fd)
    os.unlink(tmp)  # GDAL creates the file itself
    try:
        # GeoPackage stores date-times in UTC (readers give them back as instants)
        frame = _utc(incidents_frame(incidents, tz), ("start", "end"))
        frame.to_file(tmp, layer="incidents", driver="GPKG", engine="pyogrio")
        frame = _utc(zones_frame(zones, tz), ("valid_from", "valid_to"))
        # polygons and multipolygons side by side, each kept as it is
        frame.to_file(tmp, layer="zones", driver="GPKG", engine="pyogrio", geometry_type="Unknown",
                      promote_to_multi=False)
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _utc(frame: Any, columns: tuple[str, ...]) -> Any:
    for column in columns:
        frame[column] = frame[column].dt.tz_convert("UTC")
    return frame


__all__ = ["CheckReport", "EXPORT_FORMATS", "ExportReport", "Project", "check", "export", "frames_source",
           "load", "source_from_frames", "source_warnings", "write_geopackage"]
