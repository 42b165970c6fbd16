"""Start a map project: a commented map.yaml (every setting), sample events, town control and places.

The samples are real reporting from the February 2016 northern Aleppo offensive (the bundled
example), small enough to read in a minute and to replace with one's own.
"""
from __future__ import annotations

from pathlib import Path

from mapgen.errors import MapgenError
from mapgen.writefile import write_atomic

MAP_YAML = """\
# map.yaml: the settings of this map. Every key is optional; the defaults are shown in comments.

# The title above the map and in the page's <title>. Default: "Conflict map".
title: "{title}"

# A sentence or two under the title.
description: "Government forces push north of Aleppo towards Nubl and al-Zahraa (sample data: replace it)."

# IANA time zone in which dates without an offset are read and the slider's days are counted.
# Default: UTC. A date alone (2016-02-04) is that whole day in this zone.
timezone: Asia/Damascus

# ISO-3166 alpha-2 codes of the countries the map is about: the gazetteer prefers places there,
# and zones derived from town control are clipped to their outlines. Default: none.
countries: [SY, TR]

# Factions that hold ground (zones and town control): key -> label and colour (#rrggbb).
# Factions used but not listed here get a default label and a colour-blind-safe colour.
factions:
  government: {{label: "Government and allies", color: "#D55E00"}}
  rebels: {{label: "Rebels", color: "#009E73"}}
  ypg: {{label: "YPG / SDF", color: "#FFD700"}}

# Event types (an incident's `type`): key -> label and colour. Known types (airstrike, shelling,
# clashes, territorial change, displacement, humanitarian, statement, diplomatic) have defaults.
event_types:
  airstrike: {{label: "Airstrike", color: "#CC3311"}}

# A credit line shown on the map (sources, data licences).
credit: "Sample reporting: The Guardian, Al-Masdar News, Wikipedia. Places: GeoNames (CC BY 4.0)."

# cumulative (default): every incident up to the slider's day stays on the map.
# window: only the last `window_days` days are shown, older incidents fading.
mode: cumulative
window_days: 7

# The area the map opens on, [[south, west], [north, east]] in degrees. Default: fit the data.
view: [[36.30, 36.85], [36.70, 37.35]]

# How far (km) a town's control reaches when zones are derived from zones/control.csv
# (Voronoi cells of the held towns, cut at this radius): a number 0 < r <= 500, or auto (the
# default: from the density of towns, 2-25 km).
control_radius_km: 5

# The basemap the page opens on: offline (default: built in, no network request), or web tiles
# streets (OpenStreetMap), terrain (OpenTopoMap), satellite (Esri World Imagery), requested
# only then. Readers can switch with the map's Basemap list.
basemap: offline

# For a CSV in another layout: which of its columns holds each of our fields, and the format of
# its dates (Python strptime codes). Default: our own column names and ISO 8601 dates.
# columns: {{id: incident_code, date: date_time, place: location, lat: geo_latitude, lon: geo_longitude}}
# date_format: "%m/%d/%y %I:%M %p"

# stop (default): any invalid record stops the build. skip: invalid records are left out,
# counted, and listed in OUT.skipped.csv beside the map (as `mapgen build --skip-invalid`).
on_error: stop

# An online geocoder for place names the offline gazetteer cannot find: off unless set.
# Its answers are cached under MAPGEN_HOME and pinned in places.lock.yaml as `source: online`.
# geocoder: nominatim
# geocoder: {{service: nominatim, user_agent: "my-newsroom-maps", url: "https://nominatim.example.org",
#            min_delay_seconds: 1}}

# Editors' annotations, drawn above the control areas and below the incidents: labels, lines,
# arrows and areas; points are [lat, lon] or names of places the map already has; optional
# from/to dates (whole days), color and dashed.
# annotations:
#   - {{type: label, text: "Front line", points: [[36.45, 37.05]], from: 2016-02-03}}
#   - {{type: arrow, text: "Advance", points: [[36.30, 37.10], [36.38, 37.00]], color: "#D55E00"}}
#   - {{type: area, text: "Besieged", points: [[36.2, 37.1], [36.25, 37.2], [36.15, 37.2]], dashed: true}}
"""

EVENTS_YAML = """\
# Incidents (sample: replace with your own). One file or many; YAML, CSV, GeoJSON, GeoPackage...
# A date alone is the whole day in map.yaml's time zone. `place` is looked up in places.yaml,
# then the gazetteer; or give lat: and lon: instead.
incidents:
  - id: nubl-zahraa-siege-broken
    date: 2016-02-03
    place: Nubl
    type: territorial change
    actors: [Syrian Army, Hezbollah]
    title: "Government forces reach Nubl and al-Zahraa"
    description: "The advance from the south reached the two besieged towns, cutting the road from Aleppo to the Turkish border."
    sources:
      - outlet: Wikipedia
        url: https://en.wikipedia.org/wiki/Siege_of_Nubl_and_Al-Zahraa
  - id: azaz-road-airstrikes
    start: 2016-02-01
    end: 2016-02-04
    time_precision: week       # exact | day | week | month
    place: Azaz
    geo_precision: near        # exact | near | region
    type: airstrike
    actors: [Russian Air Force]
    title: "Air strikes on roads south of Azaz"
    sources:
      - outlet: The Guardian
        url: https://www.theguardian.com/world/2016/feb/04/syrian-rebels-losing-grip-on-aleppo
"""

CONTROL_CSV = """\
place,faction,from,to,status,sources
Nubl,government,2016-02-01,,assessed,Wikipedia|https://en.wikipedia.org/wiki/Siege_of_Nubl_and_Al-Zahraa
Azaz,rebels,2016-02-01,,assessed,Wikipedia|https://en.wikipedia.org/wiki/Northern_Aleppo_offensive_(February_2016)
Tell Rifaat,rebels,2016-02-01,2016-02-14,assessed,Wikipedia|https://en.wikipedia.org/wiki/Northern_Aleppo_offensive_(February_2016)
Tell Rifaat,ypg,2016-02-15,,claimed,Wikipedia|https://en.wikipedia.org/wiki/Northern_Aleppo_offensive_(February_2016)
"""

PLACES_YAML = """\
# Places this map defines itself: they win over the gazetteer. Two forms are accepted:
#   a list:     - {name: Azaz, lat: 36.58662, lon: 37.04628, country: SY, aliases: [A'zaz]}
#   a mapping:  Azaz: {lat: 36.58662, lon: 37.04628, country: SY}
# (either one may sit under a top-level `places:` key). Coordinates from GeoNames (CC BY 4.0).
places:
  - name: Azaz
    lat: 36.58662
    lon: 37.04628
    country: SY
    aliases: ["A'zaz", I'zaz]
  - {name: Nubl, lat: 36.37867, lon: 36.99294, country: SY}
  - {name: Tell Rifaat, lat: 36.47362, lon: 37.09672, country: SY}
"""


def init_project(folder: str | Path, *, title: str | None = None) -> list[Path]:
    """Write a new map project into ``folder`` (created; it must be empty or absent).

    Returns the files written: ``map.yaml``, ``events/incidents.yaml``, ``zones/control.csv``
    and ``places.yaml``. Raises :class:`MapgenError` if ``folder`` is a file or not empty.
    """
    root = Path(folder)
    if root.exists() and (not root.is_dir() or any(root.iterdir())):
        raise MapgenError(f"{root}: exists and is not an empty folder; `mapgen init` starts a new project")
    name = title or (root.resolve().name.replace("-", " ").replace("_", " ").strip().capitalize() or "Conflict map")
    files = {
        "map.yaml": MAP_YAML.format(title=name.replace('"', "'")),
        "events/incidents.yaml": EVENTS_YAML,
        "zones/control.csv": CONTROL_CSV,
        "places.yaml": PLACES_YAML,
    }
    written = []
    for rel, text in files.items():
        path = root / rel
        write_atomic(path, text.encode("utf-8"))
        written.append(path)
    return written


__all__ = ["init_project"]
