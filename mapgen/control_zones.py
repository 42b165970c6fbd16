"""Derive dated control-zone polygons from town-level control, the way control maps are drawn.

For every period in which the set of held towns does not change, each held town gets its Voronoi
cell among all held towns, limited to a geodesic circle around the town (so that empty country
is not coloured) and clipped to the outline of the town's country (bundled Natural Earth
admin-0; when the town's country is unknown, the country whose outline holds it). The circle's
radius adapts to the local density of towns (:func:`adaptive_radii`: about the distance to the
town's second-nearest neighbour, so dense areas keep tight zones and sparse ones still join up),
or is ``radius_km`` for every town when the map sets one. The pieces are dissolved by faction
and status and smoothed (a morphological closing in metres fills the notches between circles),
without ever reaching into another faction's pieces or out of the towns' countries. The diagram is computed in metres (an azimuthal equidistant
projection centred on the towns); its edges are densified and brought back to lon/lat as one set
of lines, so neighbouring zones share their borders exactly. A faction's zone keeps one version,
with one id (``control-<faction>[-<status>]-<first day>``), for as long as its shape is unchanged.

>>> zones = zones_from_control(resolved.control, countries=("SY",))  # doctest: +SKIP
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any, Sequence

from mapgen.errors import InputError, InputErrors
from mapgen.model import ControlZone, HeldTown, Origin, Source
from mapgen.towncontrol import TownControl, folded_name, same_place

CIRCLE_VERTICES = 72
#: adaptive reach: this many times the distance to the town's k-th nearest other town, within bounds
AUTO_NEIGHBOUR = 2
AUTO_FACTOR = 1.0
AUTO_MIN_KM = 2.0
AUTO_MAX_KM = 25.0
#: the closing that smooths a zone's edge, as a share of its towns' median reach
SMOOTH_SHARE = 0.5
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
    raw: Any = None  # the union of the pieces before smoothing



def all_zones(config: Any, zones: Sequence[ControlZone], control: Sequence[TownControl]) -> list[ControlZone]:
    """A source's drawn zones followed by those derived from its located town control, with the
    map's ``control_radius_km`` and ``countries`` (what build, validate and export all show)."""
    return [*zones, *zones_from_control(control, radius_km=config.control_radius_km,
                                        countries=config.countries)]

def zones_from_control(rows: Sequence[TownControl], *, radius_km: float | None = None,
                       countries: Sequence[str] = ()) -> list[ControlZone]:
    """Zone versions for located control rows (see the module docstring).

    Parameters
    ----------
    rows : sequence of TownControl
        Rows with coordinates (:func:`mapgen.resolve.resolve_places` fills them in).
    radius_km : float or None
        How far from its town a cell may reach; None adapts it to the density of towns.
    countries : sequence of str
        ISO codes (map.yaml ``countries``): their union clips towns whose country is unknown.

    Raises
    ------
    InputErrors
        A row without coordinates, or no country known to clip to, or an unknown country code,
        or one place held by two rows at once.
    """
    if not rows:
        return []
    clips = _clip_region(rows, countries)
    check_place_overlaps(rows)
    times = sorted({r.valid_from for r in rows} | {r.valid_to for r in rows if r.valid_to is not None})
    cells = _Cells(rows, radius_km, clips)
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
        raws = {key: _raw_union(pieces, open_versions.get(key)) for key, (pieces, _) in groups.items()}
        for key in list(open_versions):
            version = open_versions[key]
            pieces = groups[key][0] if key in groups else ()
            if len(pieces) == len(version.pieces) and all(a is b for a, b in zip(pieces, version.pieces)):
                # every town's piece is unchanged; the smoothed edge may still have to give way
                # to a neighbour that changed
                smooth = cells.smooth(key, raws, groups[key][1])
                if _same_piece(smooth, version.geometry):
                    version.valid_to = following
                    seen = {id(r) for r in version.rows}
                    version.rows.extend(r for r in groups.pop(key)[1] if id(r) not in seen)
                    continue
            done.append(open_versions.pop(key))
        for key, (pieces, members) in groups.items():
            geometry = cells.smooth(key, raws, members)
            if not geometry.is_empty:
                open_versions[key] = _Version(key[0], key[1], geometry, moment, following, list(members),
                                              pieces, raws[key])
    done.extend(open_versions.values())
    return sorted((_zone(v) for v in done), key=lambda z: (z.valid_from, z.faction, z.id))


def _union(pieces: Sequence[Any]) -> Any:
    import shapely

    return shapely.union_all(list(pieces))


def _raw_union(pieces: Sequence[Any], version: "_Version | None") -> Any:
    """The union of a group's pieces (reused from its open version when the pieces are the same)."""
    if version is not None and len(pieces) == len(version.pieces) and all(
            a is b for a, b in zip(pieces, version.pieces)):
        return version.raw
    return _polygons(_union(pieces))


def check_place_overlaps(rows: Sequence[TownControl]) -> None:
    """One place held by two rows at once is an input error naming both lines.

    Rows are the same place when :func:`mapgen.towncontrol.same_place` says so once their
    coordinates are known: a name shared by towns far apart (Syria has six Ayn al-Bayda) is
    several places, two spellings resolved to one spot are one.
    """
    errors: list[InputError] = []
    located = sorted((r for r in rows if r.located), key=lambda r: (r.lat, r.lon, r.valid_from))
    by_cell: dict[tuple[int, int], list[TownControl]] = {}
    for row in located:  # a 0.05-degree grid: neighbours are looked for in the 9 cells around
        by_cell.setdefault((int(row.lat // 0.05), int(row.lon // 0.05)), []).append(row)  # type: ignore[operator]
    reported: set[tuple[int, int]] = set()
    for row in located:
        cy, cx = int(row.lat // 0.05), int(row.lon // 0.05)  # type: ignore[operator]
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                for other in by_cell.get((cy + dy, cx + dx), ()):
                    if other is row or not same_place(row, other):
                        continue
                    if (folded_name(row.place) != folded_name(other.place)
                            and (row.faction, row.status) == (other.faction, other.status)):
                        continue  # two spellings of one town, held alike: listed twice, no conflict
                    first, second = sorted((row, other), key=lambda r: (r.valid_from, _line(r.origin.record)))
                    pair = (id(first), id(second))
                    if pair in reported:
                        continue
                    if first.valid_to is None or second.valid_from < first.valid_to:
                        reported.add(pair)
                        errors.append(second.origin.error(
                            "from", f"{second.place!r} is already held by {first.faction!r} then "
                                    f"(line {first.origin.record}); end that row's 'to' first"))
    if errors:
        errors.sort(key=lambda e: (str(e.file), _line(e.record)))
        raise InputErrors(errors)


def adaptive_radii(points: Sequence[tuple[float, float]], project: Any) -> list[float]:
    """Each town's reach in metres from the local density of towns.

    ``AUTO_FACTOR`` times the distance to the town's ``AUTO_NEIGHBOUR``-th nearest other town,
    kept within ``AUTO_MIN_KM``..``AUTO_MAX_KM``: towns 3 km apart reach about 3 km, so their
    zones hug them, while towns 20 km apart in the steppe still meet their neighbours instead of
    standing as separate discs. Computed once over every town of the table, so a town's reach
    does not change from one day to the next.
    """
    import numpy as np

    if not points:
        return []
    metric = project(np.array(points, dtype=float))
    count = len(metric)
    k = min(AUTO_NEIGHBOUR, count - 1)
    radii = np.full(count, AUTO_MAX_KM * 1000.0)
    if k > 0:
        for start in range(0, count, 512):  # in blocks: bounded memory for thousands of towns
            block = metric[start:start + 512]
            d = np.hypot(block[:, None, 0] - metric[None, :, 0], block[:, None, 1] - metric[None, :, 1])
            nearest = np.partition(d, k, axis=1)[:, k]  # column 0 is the town itself
            radii[start:start + 512] = AUTO_FACTOR * nearest
    return [float(r) for r in np.clip(radii, AUTO_MIN_KM * 1000.0, AUTO_MAX_KM * 1000.0)]


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


def country_of(lon: float, lat: float, clips: dict[str, Any]) -> str:
    """The code of the country (among ``clips``) whose outline holds the point, or ``""``.

    A town's zone is cut to its own country: a Syrian town 3 km from the border must not colour
    Turkey because the map lists both countries.
    """
    from shapely import Point

    point = Point(lon, lat)
    for code, outline in clips.items():
        if code and outline.contains(point):
            return code
    return ""


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

    def __init__(self, rows: Sequence[TownControl], radius_km: float | None, clips: dict[str, Any]) -> None:
        import numpy as np
        from shapely.geometry import box

        self.clips = clips
        self.project, self.unproject = _projection(rows)
        points = sorted({(r.lon, r.lat) for r in rows})  # type: ignore[misc]
        if radius_km is None:
            radii = adaptive_radii(points, self.project)  # type: ignore[arg-type]
        else:
            radii = [radius_km * 1000.0] * len(points)
        self.radius: dict[tuple[float, float], float] = dict(zip(points, radii))  # type: ignore[arg-type]
        self.radius_m = max(radii)
        metric = self.project(np.array([(r.lon, r.lat) for r in rows], dtype=float))
        (minx, miny), (maxx, maxy) = metric.min(axis=0), metric.max(axis=0)
        margin = 3 * self.radius_m  # one frame for every period, so unchanged cells come out the same
        self.frame = box(minx - margin, miny - margin, maxx + margin, maxy + margin)
        self.circles: dict[tuple[float, float], Any] = {}
        self.known: dict[tuple[float, float], tuple[Any, Any]] = {}  # point -> (metric cell, piece)
        self.countries: dict[tuple[float, float], str] = {}

    def country(self, point: tuple[float, float], given: str) -> str:
        """The town's country: as resolved, else the one whose outline holds it."""
        if given:
            return given
        found = self.countries.get(point)
        if found is None:
            found = self.countries[point] = country_of(point[0], point[1], self.clips)
        return found

    def circle(self, point: tuple[float, float], country: str) -> Any:
        """The town's reach, already inside its country."""
        import shapely

        found = self.circles.get(point)
        if found is None:
            circle = geodesic_circle(point[0], point[1], self.radius[point])
            clip = self.clips[self.country(point, country)]
            found = self.circles[point] = _polygons(shapely.intersection(circle, clip))
        return found

    def smooth(self, key: tuple[str, str], raws: dict[tuple[str, str], Any],
               members: Sequence[TownControl]) -> Any:
        """A group's zone: its pieces' union with the notches between circles filled (a closing
        in metres), kept inside its towns' countries and out of every other group's pieces."""
        import statistics

        import shapely

        raw = raws[key]
        if raw.is_empty:
            return raw
        points = {(r.lon, r.lat) for r in members}
        distance = SMOOTH_SHARE * statistics.median(self.radius[p] for p in points)  # type: ignore[index]
        metric = shapely.transform(raw, self.project)
        closed = metric.buffer(distance, quad_segs=8).buffer(-distance, quad_segs=8)
        closed = shapely.simplify(closed, distance / 40)
        geometry = shapely.transform(closed, self.unproject)
        codes = {self.country(p, r.country) for r in members for p in [(r.lon, r.lat)]}  # type: ignore[misc]
        region = shapely.union_all([self.clips[c] for c in sorted(codes)])
        # what the closing fills stays within the group's own Voronoi cells: a gap between two
        # sides is shared along the cells' edge, never filled by both
        cells = [self.known[p][0] if p in self.known else None for p in points]
        if cells and all(c is not None for c in cells):
            region = shapely.intersection(region, shapely.union_all(cells))
        geometry = shapely.union(shapely.intersection(geometry, region), raw)
        others = [g for k, g in raws.items() if k != key and not g.is_empty]
        if others:
            geometry = shapely.difference(geometry, shapely.union_all(others))
        return shapely.normalize(_polygons(geometry))

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


    def _step(self) -> float:
        """Vertex spacing (metres) of cell edges brought back to lon/lat."""
        return min(self.radius_m / 5, 2000.0)

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
        edges = shapely.transform(_densify_on_grid(edges, self._step()), self.unproject)
        faces = shapely.get_parts(shapely.polygonize(shapely.get_parts(edges)))
        towns = shapely.points(np.array(points, dtype=float))
        which_town, which_face = shapely.STRtree(faces).query(towns, predicate="within")
        cells: list[Any] = [None] * len(points)
        for town, face in zip(which_town, which_face):
            cells[town] = shapely.normalize(faces[face])
        for index, cell in enumerate(cells):
            if cell is None:  # not expected; unproject that cell on its own
                diagram = shapely.voronoi_polygons(metric, extend_to=self.frame, ordered=True)
                dense = shapely.segmentize(diagram.geoms[index], self._step())
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
    towns: dict[tuple[str, float | None, float | None], HeldTown] = {}
    for row in sorted(rows, key=lambda r: r.valid_from):
        key = (row.place, row.lat, row.lon)
        if key not in towns:  # the earliest row of a town says since when it is held
            towns[key] = HeldTown(row.place, row.valid_from, row.sources, row.lat, row.lon)
    return ControlZone(id=f"control-{slug}{status}-{when}", faction=version.faction,
                       geometry=version.geometry, valid_from=start, valid_to=version.valid_to,
                       status=version.status, sources=tuple(sources), origin=rows[0].origin,
                       towns=tuple(sorted(towns.values(), key=lambda h: (h.place.casefold(), h.since))))


def _line(record: Any) -> int:
    return record if isinstance(record, int) else 0


__all__ = ["zones_from_control", "geodesic_circle", "adaptive_radii", "check_place_overlaps", "country_of"]
