"""The gazetteer as a geopy geocoder, and the opt-in online fallback (Nominatim) with its cache.

:class:`MapgenGazetteer` answers ``geocode(query)`` offline with a :class:`geopy.location.Location`
whose ``raw`` is the gazetteer's answer (``Resolution.to_json_dict()``), so it works wherever
geopy geocoders do, e.g. ``geopandas.tools.geocode(names, provider=MapgenGazetteer())``.

:class:`OnlineGeocoder` asks an online service (Nominatim, through geopy's ``RateLimiter`` and
with a user agent naming the application) only for names the offline gazetteer cannot place,
and keeps every answer (found or not) in a JSON cache under ``MAPGEN_HOME/cache/geocoder/``, so
a name is asked once. Nothing here goes online unless an :class:`OnlineGeocoder` is made.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from typing import Any, Sequence
from urllib.parse import urlsplit

from geopy.geocoders.base import Geocoder
from geopy.location import Location

from gazetteer import db
from gazetteer.errors import GazetteerError
from gazetteer.model import Place, Resolution

#: Online services :func:`online_geocoder` knows, by the name ``geocoder:`` takes in map.yaml.
ONLINE_SERVICES = ("nominatim",)
#: The user agent sent when none is configured: Nominatim's usage policy asks for one naming the application.
DEFAULT_USER_AGENT = "mapgen-conflict-maps/0.1"
#: Seconds between two online requests (Nominatim's public servers allow one a second).
DEFAULT_MIN_DELAY = 1.0


def _location(place: Place, res: Resolution) -> Location:
    address = ", ".join(part for part in (place.name, place.country) if part)
    return Location(address, (place.lat, place.lon), res.to_json_dict())


class MapgenGazetteer(Geocoder):
    """The offline gazetteer behind geopy's geocoder interface.

    Parameters
    ----------
    home : str or os.PathLike, optional
        The gazetteer's folder (default: env ``MAPGEN_HOME``, else the user data folder).
    countries : sequence of str
        The map's countries (ISO alpha-2): places there rank first; the first is the map's own
        (look-alike spellings are matched there only).
    near : (lat, lon), optional
        A point the places are expected near.
    extra_places : sequence of Place
        A map's own places (they win over the database).

    Examples
    --------
    >>> import geopandas
    >>> geopandas.tools.geocode(["Azaz", "Kilis"], provider=MapgenGazetteer(countries=["SY", "TR"]))  # doctest: +SKIP

    ``geocode`` returns None for a name that is unknown *or ambiguous* (never a guess); with
    ``exactly_one=False`` an ambiguous name gives every close candidate. ``raw`` holds the
    gazetteer's answer: status, score, geonameid, alternatives.
    """

    def __init__(self, home: str | os.PathLike[str] | None = None, *, countries: Sequence[str] = (),
                 near: tuple[float, float] | None = None, extra_places: Sequence[Place] = ()) -> None:
        super().__init__()  # builds geopy's HTTP adapter, which this geocoder never uses
        self.home = home
        self.countries = tuple(c.upper() for c in countries)
        self.near = near
        self.extra_places = tuple(extra_places)
        self._gazetteer: Any = None

    def _open(self) -> Any:
        if self._gazetteer is None:
            from gazetteer.api import open_gazetteer

            self._gazetteer = open_gazetteer(self.home)
        return self._gazetteer

    def resolve(self, query: str) -> Resolution:
        """The gazetteer's full answer for ``query`` (resolved, ambiguous or unresolved)."""
        return self._open().resolve(query, countries=self.countries, near=self.near,
                                    extra_places=self.extra_places)

    def geocode(self, query: str, *, exactly_one: bool = True, timeout: Any = None,
                **kwargs: Any) -> Location | list[Location] | None:
        """Place ``query`` offline.

        Parameters
        ----------
        query : str
            A place name as a report spells it.
        exactly_one : bool
            True: the place, or None when the name is unknown or ambiguous. False: a list (the
            place, or an ambiguous name's candidates), or None when there is none.
        timeout : ignored
            Accepted for geopy compatibility; nothing is fetched.

        Returns
        -------
        geopy.location.Location or list of Location or None
            ``point`` is (lat, lon); ``raw`` the gazetteer's answer.
        """
        if not isinstance(query, str) or not query.strip():
            raise ValueError("empty place name")
        res = self.resolve(query)
        if res.place is not None:
            found = _location(res.place, res)
            return found if exactly_one else [found]
        if exactly_one or res.status != "ambiguous" or not res.alternatives:
            return None
        return [_location(p, res) for p in res.alternatives]

    def reverse(self, query: Any, *, exactly_one: bool = True, timeout: Any = None,
                **kwargs: Any) -> Location | None:
        """Not offered: the gazetteer names places, it does not find them from coordinates."""
        raise NotImplementedError("the offline gazetteer does not reverse-geocode")

    def __call__(self, **kwargs: Any) -> "MapgenGazetteer":
        """Return this geocoder: ``geopandas.tools.geocode`` calls the provider it is given to
        make one, so an instance can be passed where it expects a geocoder class."""
        if kwargs:
            raise TypeError(f"unexpected options for a MapgenGazetteer instance: {', '.join(sorted(kwargs))}")
        return self

    def close(self) -> None:
        """Close the gazetteer database (reopened on the next query)."""
        if self._gazetteer is not None:
            self._gazetteer.close()
            self._gazetteer = None

    def __enter__(self) -> "MapgenGazetteer":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# ---------------------------------------------------------------------------------------------
# the online fallback

@dataclass(frozen=True)
class OnlineAnswer:
    """What the online service said about a name: a place (source ``online``) or nothing."""

    query: str
    place: Place | None
    raw: Any
    cached: bool


class OnlineGeocoder:
    """Nominatim through geopy, rate-limited, with every answer cached on disk.

    Parameters
    ----------
    user_agent : str
        Sent with every request; Nominatim's usage policy asks for one naming the application.
    url : str, optional
        The service's base address (``https://host[:port][/path]``); default: the public
        Nominatim service.
    home : str or os.PathLike, optional
        ``MAPGEN_HOME``: the cache is ``cache/geocoder/nominatim-<url hash>.json`` there.
    min_delay_seconds : float
        At least this long between two requests (geopy's ``RateLimiter``).
    timeout : float
        Seconds to wait for one answer.
    """

    def __init__(self, *, user_agent: str = DEFAULT_USER_AGENT, url: str | None = None,
                 home: str | os.PathLike[str] | None = None, min_delay_seconds: float = DEFAULT_MIN_DELAY,
                 timeout: float = 10.0) -> None:
        from geopy.extra.rate_limiter import RateLimiter
        from geopy.geocoders import Nominatim

        options: dict[str, Any] = {"user_agent": user_agent or DEFAULT_USER_AGENT, "timeout": timeout}
        if url:
            parts = urlsplit(url if "://" in url else f"https://{url}")
            if parts.scheme not in ("http", "https") or not parts.netloc:
                raise GazetteerError(f"geocoder url must be an http(s) address, not {url!r}")
            options.update(scheme=parts.scheme, domain=parts.netloc + parts.path.rstrip("/"))
        self.url = url or ""
        self.service = Nominatim(**options)
        self._geocode = RateLimiter(self.service.geocode, min_delay_seconds=min_delay_seconds,
                                    max_retries=1, error_wait_seconds=max(min_delay_seconds, 0.5),
                                    swallow_exceptions=False)
        digest = hashlib.sha1(self.service.api.encode("utf-8")).hexdigest()[:10]
        self.cache_path = db.resolve_home(home) / "cache" / "geocoder" / f"nominatim-{digest}.json"
        self._cache: dict[str, Any] | None = None
        self.requests = 0

    def _load(self) -> dict[str, Any]:
        if self._cache is None:
            try:
                data = json.loads(self.cache_path.read_text(encoding="utf-8"))
                self._cache = data if isinstance(data, dict) else {}
            except (OSError, ValueError):
                self._cache = {}
        return self._cache

    def _save(self) -> None:
        path = self.cache_path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".geocoder.", dir=path.parent)
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump(self._cache, out, ensure_ascii=False, sort_keys=True, indent=0)
            os.replace(tmp, path)
        except OSError:  # a cache that cannot be written only costs requests
            pass

    def lookup(self, name: str, countries: Sequence[str] = ()) -> OnlineAnswer:
        """Ask for ``name`` (limited to ``countries`` when given), from the cache when asked before.

        Raises
        ------
        GazetteerError
            When the service cannot be reached or answers with an error.
        """
        codes = sorted(c.lower() for c in countries)
        key = json.dumps([" ".join(name.casefold().split()), codes], ensure_ascii=False)
        cache = self._load()
        cached = key in cache
        if cached:
            raw = cache[key]
        else:
            from geopy.exc import GeopyError

            try:
                found = self._geocode(name, exactly_one=True, addressdetails=True,
                                      country_codes=codes or None)
            except GeopyError as exc:
                raise GazetteerError(f"online geocoder {self.service.api}: {exc}") from None
            self.requests += 1
            raw = found.raw if found is not None else None
            cache[key] = raw
            self._save()
        return OnlineAnswer(name, _online_place(raw), raw, cached)


def _online_place(raw: Any) -> Place | None:
    if not isinstance(raw, dict):
        return None
    try:
        lat, lon = float(raw["lat"]), float(raw["lon"])
    except (KeyError, TypeError, ValueError):
        return None
    address = raw.get("address") if isinstance(raw.get("address"), dict) else {}
    label = str(raw.get("name") or raw.get("display_name") or "").split(",")[0].strip()
    return Place(name=label, lat=lat, lon=lon, country=str(address.get("country_code") or "").upper(),
                 feature_code=str(raw.get("type") or ""), source="online")


def online_geocoder(service: str = "nominatim", **options: Any) -> OnlineGeocoder:
    """The online geocoder ``service`` (one of :data:`ONLINE_SERVICES`) with ``options``
    (``user_agent, url, home, min_delay_seconds, timeout``)."""
    if service != "nominatim":
        raise GazetteerError(f"unknown online geocoder {service!r}; known: {', '.join(ONLINE_SERVICES)}")
    return OnlineGeocoder(**options)


__all__ = ["DEFAULT_USER_AGENT", "MapgenGazetteer", "ONLINE_SERVICES", "OnlineAnswer", "OnlineGeocoder",
           "online_geocoder"]
