"""Small map projects as module constants (shapely's tests/common.py style)."""
from __future__ import annotations

MAP_YAML = """\
title: Fixture map
timezone: Asia/Damascus
countries: [SY, TR]
factions:
  government: {label: Government and allies, color: "#D55E00"}
  rebels: {label: Rebels, color: "#009E73"}
"""

PLACES_YAML = """\
places:
  - {name: Alpha, lat: 36.5, lon: 37.0, country: SY}
  - {name: Bravo, lat: 36.3, lon: 37.2, country: SY, aliases: [Bravo Town]}
"""

# Four incidents over four days. f-2 is stamped 23:30 UTC on 2 Feb, which is 3 Feb in Damascus.
EVENTS_YAML = """\
incidents:
  - id: f-1
    date: 2016-02-01
    place: Alpha
    type: airstrike
    actors: [Air force]
    title: Strike on Alpha
    description: A strike hit the market.
    fatalities: 3
    sources:
      - {outlet: Example News, url: "https://example.org/f-1", published: "2016-02-01T10:00Z"}
      - {outlet: Second Outlet, url: "http://example.net/report?id=1&x=2"}
  - id: f-2
    date: 2016-02-02T23:30+00:00
    place: Bravo Town
    type: shelling
    title: Shelling of Bravo
    sources: [{outlet: Example News, url: "https://example.org/f-2"}]
  - id: f-3
    start: 2016-02-02
    end: 2016-02-03
    lat: 36.1
    lon: 37.4
    geo_precision: near
    type: clashes
    title: Clashes near the road
    sources: [{outlet: Wire}]
  - id: f-4
    date: 2016-02-04
    time_precision: week
    lat: 36.2
    lon: 36.9
    type: displacement
    title: Families leave
"""

ZONES_YAML = """\
zones:
  - id: gov-before
    faction: government
    valid_from: 2016-02-01
    valid_to: 2016-02-02
    sources: [{outlet: Analyst, url: "https://example.org/control"}]
    geometry: {type: Polygon, coordinates: [[[37.0, 36.0], [37.3, 36.0], [37.3, 36.3], [37.0, 36.3], [37.0, 36.0]]]}
  - id: gov-after
    faction: government
    valid_from: 2016-02-03
    status: claimed
    geometry: {type: Polygon, coordinates: [[[37.0, 36.0], [37.5, 36.0], [37.5, 36.5], [37.0, 36.5], [37.0, 36.0]]]}
  - id: rebels-all
    faction: rebels
    valid_from: 2016-02-01
    geometry: {type: Polygon, coordinates: [[[36.7, 36.4], [36.95, 36.4], [36.95, 36.7], [36.7, 36.7], [36.7, 36.4]]]}
"""

PROJECT = {
    "map.yaml": MAP_YAML,
    "places.yaml": PLACES_YAML,
    "events/incidents.yaml": EVENTS_YAML,
    "zones/control.yaml": ZONES_YAML,
}

# What the page must show at the end of each day (cumulative mode).
EXPECTED = {
    "2016-02-01": ({"f-1"}, {"gov-before", "rebels-all"}),
    "2016-02-02": ({"f-1", "f-3"}, {"gov-before", "rebels-all"}),
    "2016-02-03": ({"f-1", "f-2", "f-3"}, {"gov-after", "rebels-all"}),
    "2016-02-04": ({"f-1", "f-2", "f-3", "f-4"}, {"gov-after", "rebels-all"}),
}

#: One more incident, for a project's events/report.yaml: a source added after a build.
NEW_INCIDENT = """\
incidents:
  - id: r-1
    date: 2016-02-03
    lat: 36.4
    lon: 37.1
    type: airstrike
    title: New report
"""
