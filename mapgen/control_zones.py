"""Derive dated control-zone polygons from town-level control, the way control maps are drawn.

For every period in which the set of held towns does not change, each held town gets its Voronoi
cell among all held towns (computed in an azimuthal equidistant projection centred on the
towns, so distances are metres), limited to a geodesic circle of ``radius_km`` around the town
so that empty country is not coloured; the cells are dissolved by faction (and status) and
each town's part is clipped to the outline of its own country (bundled Natural Earth admin-0;
the map's ``countries`` when the town's country is unknown). A faction's
zone keeps one version, with one id (faction + first day), for as long as its shape is unchanged.

>>> zones = zones_from_control(resolved.control, radius_km=10, countries=("SY",))  # doctest: +SKIP
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any, Sequence

from mapgen.errors import InputError, InputErrors
from mapgen.model import ControlZone, Origin, Source
from mapgen.towncontrol import TownControl

CIRCLE_VERTICES = 72
_SLUG_RE = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass
class _Version:
    """A zone version being built: extended while the faction's shape stays the same."""

    faction: str
    status: str
    geometry: Any
    valid_from: dt.datetime
    valid_to: dt.datetime | None
    rows: list[TownControl]


def zones_from_control(rows: Sequence[TownControl], *, radius_km: float = 10.0,
                       countries: Sequence[str] = ()) -> list[ControlZone]:
    """Zone versions for located control rows (see the module docstring).

    Parameters
    ----------
    rows : sequence of TownControl
        Rows with coordinates (:func:`mapgen.resolve.resolve_places` fills them in).
    radius_km : float
        How far from its town a cell may reach.
    countries : sequence of str
        ISO codes (map.yaml ``countries``): their union clips towns whose country is unknown.

    Raises
    ------
    InputErrors
        A row without coordinates, or no country known to clip to, or an unknown country code.
    """
    if not rows:
        return []
    clips = _clip_region(rows, countries)
    times = sorted({r.valid_from for r in rows} | {r.valid_to for r in rows if r.valid_to is not None})
    radius_m = radius_km * 1000.0
    project, unproject = _projection(rows)
    circles: dict[tuple[float, float], Any] = {}
    open_versions: dict[tuple[str, str], _Version] = {}
    done: list[_Version] = []
    previous_state: frozenset[Any] | None = None
    for index, moment in enumerate(times):
        following = times[index + 1] if index + 1 < len(times) else None
        active = sorted((r for r in rows if r.active_at(moment)), key=lambda r: (r.place, r.faction))
        state = frozenset((r.place, r.faction, r.status, r.lat, r.lon) for r in active)
        if state == previous_state:  # same towns, same hands: the open versions just go on
            for version in open_versions.values():
                version.valid_to = following
            continue
        previous_state = state
        shapes = _faction_shapes(active, radius_m, clips, project, unproject, circles)
        for key in list(open_versions):
            version = open_versions[key]
            if key in shapes and _same_shape(shapes[key][0], version.geometry):
                version.valid_to = following
                version.rows.extend(r for r in shapes.pop(key)[1] if r not in version.rows)
            else:
                done.append(open_versions.pop(key))
        for key, (geometry, members) in shapes.items():
            open_versions[key] = _Version(key[0], key[1], geometry, moment, following, list(members))
    done.extend(open_versions.values())
    return sorted((_zone(v) for v in done), key=lambda z: (z.valid_from, z.faction, z.id))


def _same_shape(first: Any, second: Any) -> bool:
    """Equal up to noise: cell edges are recomputed each period, so vertices move by millimetres."""
    return bool(first.symmetric_difference(second).area <= 1e-6 * max(first.area, second.area))


def _clip_region(rows: Sequence[TownControl], countries: Sequence[str]) -> dict[str, Any]:
    """Country code -> outline for every town's country; ``""`` -> union of the map's countries."""
    from shapely import prepare, union_all
    from shapely.geometry import shape

    from mapgen.basemap import _countries

    errors = []
    for row in rows:
        if not row.located:
            errors.append(row.origin.error("place", f"{row.place!r} has no coordinates"))
        elif not row.country and not countries:
            errors.append(row.origin.error(
                "place", f"no country known for {row.place!r} to clip its zone to; give its country "
                         "in places.yaml or set countries in map.yaml"))
    codes = sorted({r.country for r in rows if r.country} | {c.upper() for c in countries})
    outlines = {f["properties"]["iso"]: f for f in _countries()}
    for code in codes:
        if code not in outlines:
            users = [r for r in rows if r.country == code]
            where = users[0].origin if users else Origin("map.yaml")
            errors.append(where.error("countries", f"no country outline for code {code!r}"))
    if errors:
        raise InputErrors(errors)
    clips = {code: shape(outlines[code]["geometry"]) for code in codes}
    if countries:
        clips[""] = union_all([clips[c.upper()] for c in countries])
    for geom in clips.values():
        prepare(geom)
    return clips


def _projection(rows: Sequence[TownControl]) -> tuple[Any, Any]:
    """Forward and inverse coordinate functions (lon/lat arrays <-> metres) around the towns."""
    from pyproj import Transformer

    lats = [r.lat for r in rows if r.lat is not None]
    lons = [r.lon for r in rows if r.lon is not None]
    lat0, lon0 = (min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2
    crs = f"+proj=aeqd +lat_0={lat0:.6f} +lon_0={lon0:.6f} +datum=WGS84 +units=m +no_defs"
    forward = Transformer.from_crs("EPSG:4326", crs, always_xy=True)
    inverse = Transformer.from_crs(crs, "EPSG:4326", always_xy=True)

    def project(coords: Any) -> Any:
        import numpy as np

        x, y = forward.transform(coords[:, 0], coords[:, 1])
        return np.column_stack([x, y])

    def unproject(coords: Any) -> Any:
        import numpy as np

        x, y = inverse.transform(coords[:, 0], coords[:, 1])
        return np.column_stack([x, y])

    return project, unproject


def geodesic_circle(lon: float, lat: float, radius_m: float, vertices: int = CIRCLE_VERTICES) -> Any:
    """A polygon whose vertices lie ``radius_m`` from (lon, lat) on the WGS84 ellipsoid."""
    import numpy as np
    from pyproj import Geod
    from shapely.geometry import Polygon

    azimuths = np.linspace(0.0, 360.0, vertices, endpoint=False)
    lons, lats, _ = Geod(ellps="WGS84").fwd(np.full(vertices, lon), np.full(vertices, lat), azimuths,
                                             np.full(vertices, radius_m))
    return Polygon(zip(lons, lats))


def _faction_shapes(active: Sequence[TownControl], radius_m: float, clips: dict[str, Any], project: Any,
                    unproject: Any, circles: dict[tuple[float, float], Any]
                    ) -> dict[tuple[str, str], tuple[Any, list[TownControl]]]:
    """(faction, status) -> (clipped polygon in lon/lat, the rows that make it) for one period."""
    import numpy as np
    import shapely
    from shapely.geometry import MultiPoint, box

    # One cell per distinct location (two names for one spot share it; the first row wins).
    by_point: dict[tuple[float, float], TownControl] = {}
    for row in active:
        by_point.setdefault((row.lon, row.lat), row)  # type: ignore[arg-type]
    points = list(by_point)
    if not points:
        return {}
    metric = project(np.array(points, dtype=float))
    if len(points) == 1:
        cells_lonlat = [None]
    else:
        (minx, miny), (maxx, maxy) = metric.min(axis=0), metric.max(axis=0)
        frame = box(minx - 3 * radius_m, miny - 3 * radius_m, maxx + 3 * radius_m, maxy + 3 * radius_m)
        diagram = shapely.voronoi_polygons(MultiPoint(metric), extend_to=frame, ordered=True)
        cells = [shapely.segmentize(cell, radius_m / 20) for cell in diagram.geoms]
        cells_lonlat = [shapely.transform(cell, unproject) for cell in cells]
    groups: dict[tuple[str, str], tuple[list[Any], list[TownControl]]] = {}
    for point, cell in zip(points, cells_lonlat):
        row = by_point[point]
        circle = circles.get(point)
        if circle is None:  # the town's reach, already inside its country
            circle = geodesic_circle(point[0], point[1], radius_m)
            circle = circles[point] = _polygons(shapely.intersection(circle, clips[row.country or ""]))
        piece = circle if cell is None else shapely.intersection(circle, shapely.make_valid(cell))
        pieces, members = groups.setdefault((row.faction, row.status), ([], []))
        pieces.append(piece)
        members.append(row)
    shapes = {}
    for key, (pieces, members) in groups.items():
        merged = _polygons(shapely.union_all(pieces))
        if not merged.is_empty:
            shapes[key] = (merged, members)
    return shapes


def _polygons(geom: Any) -> Any:
    from shapely.geometry import MultiPolygon, Polygon

    if isinstance(geom, (Polygon, MultiPolygon)):
        return geom if geom.is_valid else _polygons(geom.buffer(0))
    parts = [p for g in getattr(geom, "geoms", ()) for p in
             (g.geoms if isinstance(g, MultiPolygon) else [g]) if isinstance(p, Polygon)]
    return MultiPolygon(parts)


def _zone(version: _Version) -> ControlZone:
    rows = sorted(version.rows, key=lambda r: (str(r.origin.file), _line(r.origin.record)))
    sources: list[Source] = []
    for row in rows:
        for src in row.sources:
            if src not in sources:
                sources.append(src)
    start = version.valid_from
    when = start.date().isoformat() + ("" if start.time() == dt.time(0) else start.strftime("T%H%M"))
    slug = _SLUG_RE.sub("-", version.faction).strip("-.") or "faction"
    status = "" if version.status == "assessed" else f"-{version.status}"
    return ControlZone(id=f"control-{slug}{status}-{when}", faction=version.faction,
                       geometry=version.geometry, valid_from=start, valid_to=version.valid_to,
                       status=version.status, sources=tuple(sources), origin=rows[0].origin)


def _line(record: Any) -> int:
    return record if isinstance(record, int) else 0


__all__ = ["zones_from_control", "geodesic_circle", "InputError"]
