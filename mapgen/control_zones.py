"""Derive dated control-zone polygons from town-level control, the way control maps are drawn.

For every period in which the set of held towns does not change, each held town gets its Voronoi
cell among all held towns, limited to a geodesic circle of ``radius_km`` around the town (so that
empty country is not coloured) and clipped to the outline of the town's country (bundled Natural
Earth admin-0; the map's ``countries`` when the town's country is unknown); the pieces are
dissolved by faction and status. The diagram is computed in metres (an azimuthal equidistant
projection centred on the towns); its edges are densified and brought back to lon/lat as one set
of lines, so neighbouring zones share their borders exactly. A faction's zone keeps one version,
with one id (``control-<faction>[-<status>]-<first day>``), for as long as its shape is unchanged.

>>> zones = zones_from_control(resolved.control, radius_km=10, countries=("SY",))  # doctest: +SKIP
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any, Sequence

from mapgen.errors import InputErrors
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
    pieces: tuple[Any, ...] = ()



def all_zones(config: Any, zones: Sequence[ControlZone], control: Sequence[TownControl]) -> list[ControlZone]:
    """A source's drawn zones followed by those derived from its located town control, with the
    map's ``control_radius_km`` and ``countries`` (what build, validate and export all show)."""
    return [*zones, *zones_from_control(control, radius_km=config.control_radius_km,
                                        countries=config.countries)]

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
    cells = _Cells(rows, radius_km * 1000.0, clips)
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
        groups = cells.pieces(active)
        for key in list(open_versions):
            version = open_versions[key]
            pieces = groups[key][0] if key in groups else ()
            if len(pieces) == len(version.pieces) and all(a is b for a, b in zip(pieces, version.pieces)):
                version.valid_to = following  # every town's piece is unchanged: the same shape
                seen = {id(r) for r in version.rows}
                version.rows.extend(r for r in groups.pop(key)[1] if id(r) not in seen)
            else:
                done.append(open_versions.pop(key))
        for key, (pieces, members) in groups.items():
            geometry = _polygons(_union(pieces))
            if not geometry.is_empty:
                open_versions[key] = _Version(key[0], key[1], geometry, moment, following, list(members),
                                              pieces)
    done.extend(open_versions.values())
    return sorted((_zone(v) for v in done), key=lambda z: (z.valid_from, z.faction, z.id))


def _union(pieces: Sequence[Any]) -> Any:
    import shapely

    return shapely.union_all(list(pieces))


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


class _Cells:
    """Each held town's piece (its Voronoi cell within its reach and its country), kept across
    periods: a piece whose cell did not change within the town's reach stays the same object, so
    unchanged zones are recognised without comparing polygons."""

    def __init__(self, rows: Sequence[TownControl], radius_m: float, clips: dict[str, Any]) -> None:
        import numpy as np
        from shapely.geometry import box

        self.radius_m = radius_m
        self.clips = clips
        self.project, self.unproject = _projection(rows)
        metric = self.project(np.array([(r.lon, r.lat) for r in rows], dtype=float))
        (minx, miny), (maxx, maxy) = metric.min(axis=0), metric.max(axis=0)
        margin = 3 * radius_m  # one frame for every period, so unchanged cells come out the same
        self.frame = box(minx - margin, miny - margin, maxx + margin, maxy + margin)
        self.circles: dict[tuple[float, float], Any] = {}
        self.known: dict[tuple[float, float], tuple[Any, Any]] = {}  # point -> (metric cell, piece)

    def circle(self, point: tuple[float, float], country: str) -> Any:
        """The town's reach, already inside its country."""
        import shapely

        found = self.circles.get(point)
        if found is None:
            circle = geodesic_circle(point[0], point[1], self.radius_m)
            found = self.circles[point] = _polygons(shapely.intersection(circle, self.clips[country]))
        return found

    def pieces(self, active: Sequence[TownControl]
               ) -> dict[tuple[str, str], tuple[tuple[Any, ...], list[TownControl]]]:
        """(faction, status) -> (the pieces of its towns, its rows) for the towns held now."""
        import shapely

        # One cell per distinct location (two names for one spot share it; the first row wins).
        by_point: dict[tuple[float, float], TownControl] = {}
        for row in active:
            by_point.setdefault((row.lon, row.lat), row)  # type: ignore[arg-type]
        points = sorted(by_point)
        found: dict[tuple[float, float], Any] = {}
        if len(points) == 1:  # a lone town: its whole reach
            point = points[0]
            found[point] = self.circle(point, by_point[point].country or "")
            old = self.known.get(point)
            if old is not None and _same_piece(old[1], found[point]):
                found[point] = old[1]
            self.known[point] = (None, found[point])
        elif points:
            for point, cell in zip(points, self._cells(points)):
                old = self.known.get(point)
                if old is not None and old[0] is not None and shapely.equals_exact(old[0], cell, tolerance=1e-9):
                    found[point] = old[1]  # the same cell: the same piece
                    continue
                piece = _polygons(shapely.intersection(self.circle(point, by_point[point].country or ""), cell))
                if old is not None and _same_piece(old[1], piece):
                    piece = old[1]  # the cell changed only beyond the town's reach
                self.known[point] = (cell, piece)
                found[point] = piece
        groups: dict[tuple[str, str], tuple[list[Any], list[TownControl]]] = {}
        for point in points:
            owner = by_point[point]
            groups.setdefault((owner.faction, owner.status), ([], []))[0].append(found[point])
        for row in active:  # every row counts as a source, also one that shares a location
            owner = by_point[(row.lon, row.lat)]  # type: ignore[index]
            groups[(owner.faction, owner.status)][1].append(row)
        return {key: (tuple(pieces), members) for key, (pieces, members) in groups.items()}


    def _cells(self, points: list[tuple[float, float]]) -> list[Any]:
        """The Voronoi cells of ``points`` in lon/lat, in order. The diagram is computed in metres;
        its edges are densified and unprojected once, as one set of lines, and the cells are
        rebuilt from them, so that neighbouring cells share their edges vertex for vertex."""
        import numpy as np
        import shapely
        from shapely.geometry import MultiPoint

        metric = MultiPoint(self.project(np.array(points, dtype=float)))
        edges = shapely.voronoi_polygons(metric, extend_to=self.frame, only_edges=True)
        edges = shapely.union(edges, self.frame.exterior)  # nodes the frame where edges end on it
        edges = shapely.transform(_densify_on_grid(edges, self.radius_m / 5), self.unproject)
        faces = shapely.get_parts(shapely.polygonize(shapely.get_parts(edges)))
        towns = shapely.points(np.array(points, dtype=float))
        which_town, which_face = shapely.STRtree(faces).query(towns, predicate="within")
        cells: list[Any] = [None] * len(points)
        for town, face in zip(which_town, which_face):
            cells[town] = shapely.normalize(faces[face])
        for index, cell in enumerate(cells):
            if cell is None:  # not expected; unproject that cell on its own
                diagram = shapely.voronoi_polygons(metric, extend_to=self.frame, ordered=True)
                dense = shapely.segmentize(diagram.geoms[index], self.radius_m / 5)
                cells[index] = shapely.normalize(shapely.make_valid(shapely.transform(dense, self.unproject)))
        return cells


def _densify_on_grid(lines: Any, step: float) -> Any:
    """Add a vertex wherever a line crosses a multiple of ``step`` in x or y (metres).

    Unlike an even split of each edge, the added vertices depend on the line alone, not on where
    its ends are: an edge that only grew or shrank far from a town keeps the vertices it had
    near the town, so the town's piece comes out the same (to rounding) and neighbouring
    pieces keep fitting together. Vectorised over every segment of every line.
    """
    import numpy as np
    import shapely

    parts = shapely.get_parts(lines)
    xy, owner = shapely.get_coordinates(parts, return_index=True)
    same = owner[1:] == owner[:-1]  # consecutive coordinates of one line make a segment
    first, second = xy[:-1][same], xy[1:][same]
    seg_owner = owner[:-1][same]
    count = len(first)
    seg_ids, ts = [np.arange(count)], [np.zeros(count)]  # every segment's start
    for axis in (0, 1):
        a1, a2 = first[:, axis], second[:, axis]
        moving = a1 != a2
        low, high = np.minimum(a1, a2), np.maximum(a1, a2)
        k_low, k_high = np.ceil(low / step), np.floor(high / step)
        marks = np.where(moving, np.maximum(k_high - k_low + 1, 0), 0).astype(np.int64)
        total = int(marks.sum())
        if not total:
            continue
        seg = np.repeat(np.arange(count), marks)
        offset = np.arange(total) - np.repeat(np.cumsum(marks) - marks, marks)
        value = (k_low[seg] + offset) * step
        t = (value - a1[seg]) / (a2[seg] - a1[seg])
        keep = (t > 0) & (t < 1)
        seg_ids.append(seg[keep])
        ts.append(t[keep])
    seg = np.concatenate(seg_ids)
    t = np.concatenate(ts)
    order = np.lexsort((t, seg))
    seg, t = seg[order], t[order]
    fresh = np.ones(len(seg), dtype=bool)
    fresh[1:] = (seg[1:] != seg[:-1]) | (t[1:] != t[:-1])  # a grid corner counts once
    seg, t = seg[fresh], t[fresh]
    points = first[seg] + t[:, None] * (second[seg] - first[seg])
    line_of = seg_owner[seg]
    # each line's last point closes it
    last = np.flatnonzero(np.r_[seg_owner[1:] != seg_owner[:-1], True])
    points = np.vstack([points, second[last]])
    line_of = np.concatenate([line_of, seg_owner[last]])
    order = np.argsort(line_of, kind="stable")
    return shapely.multilinestrings(shapely.linestrings(points[order], indices=line_of[order]))


def _same_piece(first: Any, second: Any) -> bool:
    """Equal up to floating-point noise (about a centimetre): a cell edge recomputed from a moved
    far vertex crosses the reach at the same place, give or take rounding."""
    import shapely

    return bool(shapely.equals_exact(shapely.normalize(first), shapely.normalize(second), tolerance=1e-7))


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


__all__ = ["zones_from_control", "geodesic_circle"]
