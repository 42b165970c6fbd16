"""Value objects of the gazetteer: a Place (lat, lon order) and the Resolution of one name."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

#: Decimal places kept for coordinates in JSON output (about 1 m).
COORD_DIGITS = 5
#: Decimal places kept for scores in JSON output.
SCORE_DIGITS = 3

STATUSES = ("resolved", "ambiguous", "unresolved")


@dataclass(frozen=True)
class Place:
    """A named point on the map, in (lat, lon) order, degrees WGS84.

    Parameters
    ----------
    name : str
        The place's main name.
    lat, lon : float
        Latitude and longitude in degrees (WGS84), in that order as Leaflet and geopy use.
    country : str
        ISO-3166 alpha-2 code, upper case ("" when unknown).
    feature_code : str
        GeoNames feature code (``PPL``, ``PPLA``, ``PSTB``, ``AIRB``...).
    geonameid : int or None
        GeoNames id, when the place comes from GeoNames.
    population : int
        Population, 0 when unknown.
    source : str
        Where the place comes from: ``geonames``, ``builtin``, ``curated``, ``ocha``, ``csv``,
        ``project``.
    ref : str
        The source's own id when it is not a GeoNames id (an OCHA P-code such as ``C1234``).
    """

    name: str
    lat: float
    lon: float
    country: str
    feature_code: str = ""
    geonameid: int | None = None
    population: int = 0
    source: str = ""
    ref: str = ""

    def lonlat(self) -> tuple[float, float]:
        """Return ``(lon, lat)``: the x, y order of GeoJSON and shapely."""
        return (self.lon, self.lat)

    def _json_fields(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "lat": round(self.lat, COORD_DIGITS),
            "lon": round(self.lon, COORD_DIGITS),
            "country": self.country,
            "feature_code": self.feature_code,
            "geonameid": self.geonameid,
        }

    def record_json(self) -> dict[str, Any]:
        """Which record this is: ``{"source": ..., "geonameid" or "ref": ...}``."""
        out: dict[str, Any] = {"source": self.source}
        if self.geonameid is not None:
            out["geonameid"] = self.geonameid
        if self.ref:
            out["ref"] = self.ref
        return out


_new = object.__new__


def place_from_row(row: tuple) -> Place:
    """Return ``Place(*row[:8], ref=row[11])``, built without the frozen dataclass
    ``__init__`` (which sets each field through ``object.__setattr__``): ranking builds a few
    per resolution.
    """
    p = _new(Place)
    d = p.__dict__
    (d["name"], d["lat"], d["lon"], d["country"], d["feature_code"], d["geonameid"],
     d["population"], d["source"]) = row[:8]
    d["ref"] = (row[11] or "") if len(row) > 11 else ""
    return p


#: How a name matched, strongest first (``Resolution.match``).
MATCH_KINDS = ("exact", "alternate", "loose", "arabic", "skeleton", "fuzzy", "project")


@dataclass(frozen=True)
class Resolution:
    """What a name resolved to, and how sure the gazetteer is.

    Parameters
    ----------
    query : str
        The name as asked.
    status : str
        ``resolved`` (one confident place), ``ambiguous`` (several places fit about as well; see
        ``alternatives``) or ``unresolved`` (nothing fits well enough; ``alternatives`` may hold
        weak suggestions).
    place : Place or None
        The chosen place; None unless resolved.
    score : float
        Score of the best candidate in [0, 1] (0 when there is none).
    alternatives : tuple of Place
        Other candidates, best first (for ``ambiguous``, every close candidate).
    alternative_scores : tuple of float
        Scores of ``alternatives``, same order.
    match : str
        How the name matched the chosen (or best) place: one of :data:`MATCH_KINDS`, "" when
        nothing matched.
    context_km : float or None
        Distance in km from the chosen place to the nearest context point (``near``, the
        other places of the report or map, the map's view); None without context.
    same_place : tuple of Place
        Other records of the chosen place (the same village in GeoNames and in OCHA's list).
    alternatives_context_km : tuple of float
        Distance in km from each alternative to the nearest context point, same order as
        ``alternatives``; () without context, or when the name resolved.
    """

    query: str
    status: str
    place: Place | None
    score: float
    alternatives: tuple[Place, ...] = ()
    alternative_scores: tuple[float, ...] = field(default=(), compare=False)
    match: str = field(default="", compare=False)
    context_km: float | None = field(default=None, compare=False)
    same_place: tuple[Place, ...] = field(default=(), compare=False)
    alternatives_context_km: tuple[float, ...] = field(default=(), compare=False)

    @property
    def ok(self) -> bool:
        """True when the name resolved to one place."""
        return self.status == "resolved"

    def to_json_dict(self) -> dict[str, Any]:
        """Return the ``mapgen resolve --json`` object for this query.

        Keys: ``query, status, name, lat, lon, country, feature_code, geonameid, score,
        match, context_km, sources, alternatives``; each alternative has ``name, lat, lon,
        country, feature_code, geonameid, score`` and, with context, its ``context_km``.
        ``lat`` and ``lon`` are null unless the
        query resolved; ``sources`` lists every record of the chosen place (GeoNames id, OCHA
        P-code).
        """
        out: dict[str, Any] = {"query": self.query, "status": self.status}
        if self.place is not None:
            out.update(self.place._json_fields())
        else:
            out.update({"name": None, "lat": None, "lon": None, "country": None,
                        "feature_code": None, "geonameid": None})
        out["score"] = round(self.score, SCORE_DIGITS)
        out["match"] = self.match or None
        out["context_km"] = (round(self.context_km, 1) if self.context_km is not None
                             else None)
        out["sources"] = ([p.record_json() for p in (self.place, *self.same_place)]
                          if self.place is not None else [])
        alts = []
        scores = self.alternative_scores or (0.0,) * len(self.alternatives)
        far = self.alternatives_context_km
        for k, (alt, sc) in enumerate(zip(self.alternatives, scores)):
            item = alt._json_fields()
            item["score"] = round(sc, SCORE_DIGITS)
            if k < len(far):
                item["context_km"] = round(far[k], 1)
            alts.append(item)
        out["alternatives"] = alts
        return out


def resolution(query: str, status: str, place: Place | None, score: float,
               alternatives: tuple[Place, ...] = (), alternative_scores: tuple[float, ...] = (),
               match: str = "", same_place: tuple[Place, ...] = ()) -> Resolution:
    """Return ``Resolution(...)`` (``context_km`` None), built without the frozen dataclass
    ``__init__`` (which sets each field through ``object.__setattr__``): one is built per
    name resolved."""
    r = _new(Resolution)
    d = r.__dict__
    d["query"] = query
    d["status"] = status
    d["place"] = place
    d["score"] = score
    d["alternatives"] = alternatives
    d["alternative_scores"] = alternative_scores
    d["match"] = match
    d["context_km"] = None
    d["same_place"] = same_place
    d["alternatives_context_km"] = ()
    return r
