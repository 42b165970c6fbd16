"""Seeded synthetic incidents and control-zone versions for benchmarks and scale tests.

Incidents fall uniformly over northern Syria (lat 35.5-37, lon 36-38.5) and over 365 days from
2024-01-01 (UTC): most at day precision, some at an exact minute, some spanning a week or a
month, with a title, a ~100-character description, a place name from a small table, one or two
actors, and one source each with its own URL. Zones are 20 areas with 10 consecutive versions
each (200 versions, ~60 vertices per ring), as the reference measurement uses.

The data is written once as JSON (``write``) and loaded by each timed build (``load_columns``),
so that every timed process starts from the same file.
"""
from __future__ import annotations

import datetime as dt
import json
import math
import random
from pathlib import Path
from typing import Any

LAT0, LAT1 = 35.5, 37.0
LON0, LON1 = 36.0, 38.5
START = dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)
DAYS = 365
TYPES = ("airstrike", "shelling", "clashes", "displacement", "humanitarian", "statement")
PLACES = ("Azaz", "Tell Rifaat", "Marea", "Hraytan", "Kafer Naya", "Nubl", "Zahraa", "Mayer",
          "Bab al-Salameh", "Anadan", "Deir Jamal", "Menagh", "Kilis", "Atareb", "Darat Izza")
ACTORS = ("Group A", "Group B", "Group C", "Group D", "Unknown")
OUTLETS = ("Example Wire", "Local Monitor", "Daily Report", "Field Notes")
WORDS = ("shelling reported near village checkpoint convoy clashes between armed groups "
         "civilians displaced airstrike market road closed local sources say casualties "
         "unconfirmed artillery positions crossing point protest detained released").split()


def _desc(rng: random.Random, i: int) -> str:
    head = f"#{i} {rng.choice(ACTORS)}: "
    words, size = [], len(head)
    while size < 96:
        word = rng.choice(WORDS)
        words.append(word)
        size += len(word) + 1
    return (head + " ".join(words))[:100]


def incident_records(n: int, seed: int = 42) -> list[dict[str, Any]]:
    """``n`` incident records (plain values, ISO times), in no particular order."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        lat = round(rng.uniform(LAT0, LAT1), 5)
        lon = round(rng.uniform(LON0, LON1), 5)
        day = rng.randrange(DAYS)
        roll = rng.random()
        start = START + dt.timedelta(days=day)
        if roll < 0.2:
            precision = "exact"
            start += dt.timedelta(minutes=rng.randrange(1440))
            end = start
        elif roll < 0.9:
            precision, end = "day", start + dt.timedelta(days=1)
        elif roll < 0.97:
            precision, end = "week", start + dt.timedelta(days=7)
        else:
            precision, end = "month", start + dt.timedelta(days=30)
        kind = TYPES[rng.randrange(len(TYPES))]
        place = PLACES[rng.randrange(len(PLACES))]
        actors = rng.sample(ACTORS, rng.choice((1, 1, 2)))
        out.append({
            "id": f"b{i}", "start": start.isoformat(), "end": end.isoformat(), "tp": precision,
            "type": kind, "place": place, "lat": lat, "lon": lon,
            "gp": "exact" if rng.random() < 0.9 else "near", "actors": actors,
            "title": f"{kind.capitalize()} near {place}", "desc": _desc(rng, i),
            "fat": rng.randrange(12) if rng.random() < 0.4 else None,
            "outlet": OUTLETS[rng.randrange(len(OUTLETS))], "url": f"https://example.org/r/{i}",
        })
    return out


def zone_records(count: int = 200, seed: int = 7, verts: int = 60) -> list[dict[str, Any]]:
    """``count`` zone versions: rings [[lon, lat], ...], each area's versions back to back."""
    rng = random.Random(seed)
    areas = max(1, count // 10)
    versions = count // areas
    factions = ("government", "rebels", "ypg", "isil")
    out = []
    for z in range(areas):
        clat = rng.uniform(LAT0 + 0.15, LAT1 - 0.15)
        clon = rng.uniform(LON0 + 0.15, LON1 - 0.15)
        cuts = sorted(rng.sample(range(1, DAYS), versions - 1))
        starts, ends = [0] + cuts, cuts + [DAYS]
        for v in range(versions):
            r0 = rng.uniform(0.05, 0.15)
            ring = []
            for k in range(verts):
                angle = 2 * math.pi * k / verts
                r = r0 * rng.uniform(0.7, 1.0)
                ring.append([round(clon + r * math.cos(angle), 5), round(clat + r * math.sin(angle), 5)])
            ring.append(ring[0])
            out.append({"id": f"z{z}-v{v}", "faction": factions[rng.randrange(len(factions))],
                        "from": (START + dt.timedelta(days=starts[v])).isoformat(),
                        "to": (START + dt.timedelta(days=ends[v])).isoformat(), "ring": ring})
    return out


FIELDS = ("id", "start", "end", "tp", "type", "place", "lat", "lon", "gp", "actors", "title", "desc",
          "fat", "outlet", "url")


def write(path: str | Path, n: int, zones: int = 200, seed: int = 42) -> Path:
    """Write the data set of ``n`` incidents and ``zones`` zone versions as one JSON file, the
    incidents as columns (one list per field: quick to load, little memory)."""
    path = Path(path)
    rows = incident_records(n, seed)
    columns = {name: [r[name] for r in rows] for name in FIELDS}
    path.write_text(json.dumps({"incidents": columns, "zones": zone_records(zones)},
                               separators=(",", ":")), encoding="utf-8")
    return path


def load(path: str | Path) -> dict[str, Any]:
    """The data set, with ``incidents`` as a list of records."""
    with open(path, encoding="utf-8") as handle:
        data = json.load(handle)
    columns = data["incidents"]
    data["incidents"] = [dict(zip(FIELDS, values)) for values in zip(*(columns[f] for f in FIELDS))]
    return data


def load_columns(path: str | Path) -> dict[str, Any]:
    """The data set as written: ``incidents`` as columns."""
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def to_source(data: dict[str, Any], *, path: str | Path = "synthetic.json", mode: str = "cumulative",
              window_days: int = 7, title: str = "Synthetic incidents") -> Any:
    """A :class:`mapgen.source.MapSource` built with the project's model classes (no reader)."""
    from mapgen.config import MapConfig
    from mapgen.model import ControlZone, Incident, Source
    from mapgen.source import MapSource

    parse = dt.datetime.fromisoformat
    rows = data["incidents"]
    columns = rows if isinstance(rows, dict) else {f: [r[f] for r in rows] for f in FIELDS}
    incidents = [  # positional: the order of Incident's fields
        Incident(ident, parse(start), parse(end), tp, kind, place, lat, lon, gp, tuple(actors), title, desc, fat,
                 (Source(outlet, url),))
        for ident, start, end, tp, kind, place, lat, lon, gp, actors, title, desc, fat, outlet, url
        in zip(*(columns[f] for f in FIELDS))]
    zones = []
    if data.get("zones"):
        from shapely.geometry import Polygon

        zones = [ControlZone(id=z["id"], faction=z["faction"], geometry=Polygon(z["ring"]),
                             valid_from=parse(z["from"]), valid_to=parse(z["to"]),
                             sources=(Source(outlet="Analyst"),))
                 for z in data["zones"]]
    config = MapConfig(title=title, mode=mode, window_days=window_days)
    return MapSource(path=Path(path), is_project=False, config=config, incidents=incidents, zones=zones)


def write_project(folder: str | Path, n: int, zones: int = 200, seed: int = 42) -> Path:
    """The same data set as a map project for ``mapgen build``: ``events/incidents.csv`` (the
    plain CSV events format) and ``zones/zones.geojson``."""
    import csv

    folder = Path(folder)
    (folder / "events").mkdir(parents=True, exist_ok=True)
    (folder / "zones").mkdir(parents=True, exist_ok=True)
    (folder / "map.yaml").write_text("title: Synthetic incidents\ntimezone: UTC\n", encoding="utf-8")
    with open(folder / "events" / "incidents.csv", "w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(["id", "date", "time_precision", "type", "place", "lat", "lon", "geo_precision",
                      "actors", "title", "description", "fatalities", "sources"])
        for r in incident_records(n, seed):
            date = r["start"] if r["tp"] == "exact" else r["start"][:10]
            out.writerow([r["id"], date, r["tp"], r["type"], r["place"], r["lat"], r["lon"], r["gp"],
                          ";".join(r["actors"]), r["title"], r["desc"], "" if r["fat"] is None else r["fat"],
                          f"{r['outlet']}|{r['url']}"])
    features = [{"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [z["ring"]]},
                 "properties": {"id": z["id"], "faction": z["faction"], "valid_from": z["from"],
                                "valid_to": z["to"]}} for z in zone_records(zones)]
    (folder / "zones" / "zones.geojson").write_text(
        json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
    return folder
