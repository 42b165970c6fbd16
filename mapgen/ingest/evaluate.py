"""Score an ingest against a hand annotation: precision and recall of places and timestamps.

An annotation (YAML) lists a report's entries by their stamp as written, each with its place
mentions as ``[text as written, place key]``, and the true coordinates of every place key with
a tolerance in km. A found mention is right when its entry and text match an annotated one and
its resolved point lies within that place's tolerance. Countries are not map points and are
left out on both sides; names left unresolved are not counted as found. Texts are compared
without articles and kind words ("Oncupinar Gate" is the annotated "Oncupinar").

A mention may carry a third item: ``near`` (the text places the event near the place),
``speaker`` (someone speaks or meets there, or the name stands for a government; not an
incident) or ``past`` (the text tells of an earlier time there; background, not an incident).
In an annotation with ``roles: true`` every mention was so marked, and the roles found are
scored too, as is ``incidents``: the mentions that become drafts (neither speaker nor past)
against the annotated mentions that are incidents.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

import yaml

from mapgen.ingest.report import IngestResult
from mapgen.ingest.textkeys import distance_km, name_core


@dataclass
class Score:
    """Counts behind a precision/recall pair."""

    true_pos: int = 0
    found: int = 0
    expected: int = 0
    misses: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.true_pos / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.true_pos / self.expected if self.expected else 1.0

    def add(self, other: "Score") -> None:
        self.true_pos += other.true_pos
        self.found += other.found
        self.expected += other.expected
        self.misses += other.misses
        self.wrong += other.wrong


@dataclass
class Evaluation:
    """Scores of one report (or several, added up)."""

    name: str
    places: Score = field(default_factory=Score)      # found, resolved and within tolerance
    detected: Score = field(default_factory=Score)    # found as a place name (any resolution)
    stamps: Score = field(default_factory=Score)
    near: Score = field(default_factory=Score)        # geo_precision near, where roles are annotated
    speaker: Score = field(default_factory=Score)     # a speaker's whereabouts, not an incident
    past: Score = field(default_factory=Score)        # an earlier time's place, not an incident
    incidents: Score = field(default_factory=Score)   # mentions that become drafts, where roles are annotated
    refused: str = ""                                 # the error when the report was refused

    def add(self, other: "Evaluation") -> None:
        self.places.add(other.places)
        self.detected.add(other.detected)
        self.stamps.add(other.stamps)
        self.near.add(other.near)
        self.speaker.add(other.speaker)
        self.past.add(other.past)
        self.incidents.add(other.incidents)


def load_annotation(path: str | Path) -> dict[str, Any]:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    if not isinstance(data, Mapping) or "entries" not in data or "places" not in data:
        raise ValueError(f"{path}: not an ingest annotation (needs places: and entries:)")
    return dict(data)


def refused(annotation: Mapping[str, Any], name: str, error: str) -> Evaluation:
    """The score of a report that ingest refused: everything annotated is missed."""
    ev = Evaluation(name or str(annotation.get("report", "")), refused=error)
    for entry in annotation["entries"]:
        if entry.get("stamp"):
            ev.stamps.expected += 1
            ev.stamps.misses.append(str(entry["stamp"]))
        for item in entry.get("mentions") or []:
            ev.places.expected += 1
            ev.detected.expected += 1
            ev.places.misses.append(f"{entry.get('stamp') or '(headline)'}: {item[0]}")
            role = item[2] if len(item) > 2 else ""
            if annotation.get("roles") and role in ROLES:
                getattr(ev, role).expected += 1
            if annotation.get("roles") and role not in NOT_INCIDENTS:
                ev.incidents.expected += 1
                ev.incidents.misses.append(f"{entry.get('stamp') or '(headline)'}: {item[0]}")
    return ev


#: Roles scored, and the roles of a mention that is no incident (it becomes no draft).
ROLES = ("near", "speaker", "past")
NOT_INCIDENTS = frozenset({"speaker", "past"})


def _role(mention: Any) -> str:
    role = getattr(mention, "role", "")
    if role in NOT_INCIDENTS:
        return role
    return "near" if mention.precision == "near" else ""


def evaluate(result: IngestResult, annotation: Mapping[str, Any], name: str = "") -> Evaluation:
    """Compare what :func:`~mapgen.ingest.ingest_text` found with the annotation."""
    ev = Evaluation(name or str(annotation.get("report", "")))
    roles = bool(annotation.get("roles"))
    places = annotation["places"]
    # timestamps
    found_stamps = Counter(" ".join(s.text.split()) for s in result.stamps)
    want_stamps = Counter(" ".join(str(e["stamp"]).split()) for e in annotation["entries"] if e.get("stamp"))
    hit = found_stamps & want_stamps
    ev.stamps = Score(sum(hit.values()), sum(found_stamps.values()), sum(want_stamps.values()),
                      sorted((want_stamps - found_stamps).elements()),
                      sorted((found_stamps - want_stamps).elements()))
    for entry in annotation["entries"]:
        stamp, want_time = entry.get("stamp"), entry.get("time")
        if not stamp or not want_time:
            continue
        got = [s for s in result.stamps if " ".join(s.text.split()) == " ".join(str(stamp).split())]
        if not got:
            continue
        if len(str(want_time)) == 10:
            same = got[0].moment.date().isoformat() == str(want_time) and got[0].precision == "day"
        else:
            same = got[0].moment == dt.datetime.fromisoformat(str(want_time))
        if not same:
            ev.stamps.true_pos -= 1
            ev.stamps.wrong.append(f"{stamp}: read as {got[0].moment.isoformat()}, expected {want_time}")
    # place mentions, entry by entry
    by_stamp: dict[str | None, list[Any]] = {}
    for mention in result.found.mentions:
        entry = result.entries[mention.entry]
        key = " ".join(entry.stamp.text.split()) if entry.stamp else None
        by_stamp.setdefault(key, []).append(mention)
    annotated_keys = set()
    for entry in annotation["entries"]:
        key = " ".join(str(entry["stamp"]).split()) if entry.get("stamp") else None
        annotated_keys.add(key)
        found = list(by_stamp.get(key, []))
        ev.places.found += len(found)
        ev.detected.found += len(found)
        if roles:
            ev.incidents.found += sum(_role(m) not in NOT_INCIDENTS for m in found)
        for item in entry.get("mentions") or []:
            text, place_key = item[0], item[1]
            want_role = item[2] if len(item) > 2 else ""
            truth = places[place_key]
            ev.places.expected += 1
            ev.detected.expected += 1
            same_text = [m for m in found if name_core(m.text) == name_core(text)]
            want_incident = want_role not in NOT_INCIDENTS
            if roles and want_incident:
                ev.incidents.expected += 1
            if not same_text:
                if roles and want_incident:
                    ev.incidents.misses.append(f"{key or '(headline)'}: {text}")
                if roles and want_role in ROLES:
                    getattr(ev, want_role).expected += 1
                    getattr(ev, want_role).misses.append(f"{key or '(headline)'}: {text} (not found)")
                ev.places.misses.append(f"{key or '(headline)'}: {text}")
                ev.detected.misses.append(f"{key or '(headline)'}: {text}")
                continue
            ev.detected.true_pos += 1
            right = [m for m in same_text if distance_km(m.place.lat, m.place.lon, truth["lat"], truth["lon"])
                     <= float(truth.get("tolerance_km", 10))]
            if roles:
                got_role = _role((right or same_text)[0])
                got_incident = got_role not in NOT_INCIDENTS
                if want_incident and got_incident and right:
                    ev.incidents.true_pos += 1
                elif want_incident:
                    ev.incidents.misses.append(f"{key or '(headline)'}: {text} ({got_role or 'wrong place'})")
                elif got_incident:
                    ev.incidents.wrong.append(f"{key or '(headline)'}: {text} (annotated {want_role})")
                for role in ROLES:
                    score: Score = getattr(ev, role)
                    score.expected += want_role == role
                    score.found += got_role == role
                    if want_role == role and got_role == role:
                        score.true_pos += 1
                    elif want_role == role:
                        score.misses.append(f"{key or '(headline)'}: {text}")
                    elif got_role == role:
                        score.wrong.append(f"{key or '(headline)'}: {text}")
            if right:
                ev.places.true_pos += 1
                found.remove(right[0])
            else:
                wrong = same_text[0]
                ev.places.wrong.append(f"{key or '(headline)'}: {text} -> {wrong.place.name} "
                                       f"({wrong.place.lat:.3f}, {wrong.place.lon:.3f}), expected {place_key}")
                found.remove(wrong)
        for extra in found:
            if not any(name_core(extra.text) == name_core(item[0]) for item in entry.get("mentions") or []):
                ev.places.wrong.append(f"{key or '(headline)'}: {extra.text} -> {extra.place.name} (not a place mention)")
                ev.detected.wrong.append(f"{key or '(headline)'}: {extra.text}")
                if roles and _role(extra) not in NOT_INCIDENTS:
                    ev.incidents.wrong.append(f"{key or '(headline)'}: {extra.text} (not a place mention)")
    # mentions in entries the annotation does not know (a stamp read where there is none)
    for key, found in by_stamp.items():
        if key not in annotated_keys:
            ev.places.found += len(found)
            ev.detected.found += len(found)
            ev.places.wrong += [f"{key}: {m.text} (entry not in the annotation)" for m in found]
            if roles:
                extra = [m for m in found if _role(m) not in NOT_INCIDENTS]
                ev.incidents.found += len(extra)
                ev.incidents.wrong += [f"{key}: {m.text} (entry not in the annotation)" for m in extra]
    return ev


def format_row(ev: Evaluation) -> str:
    p, d, s = ev.places, ev.detected, ev.stamps
    row = (f"{ev.name:44} places P={p.precision:.3f} R={p.recall:.3f} ({p.true_pos}/{p.found} found, "
           f"{p.expected} annotated) | names P={d.precision:.3f} R={d.recall:.3f} | "
           f"stamps P={s.precision:.3f} R={s.recall:.3f} ({s.true_pos}/{s.expected})")
    for role in ROLES:
        score: Score = getattr(ev, role)
        if score.expected or score.found:
            row += f" | {role} {score.true_pos}/{score.expected} (+{len(score.wrong)} wrong)"
    i = ev.incidents
    if i.expected or i.found:
        row += f" | incidents P={i.precision:.3f} R={i.recall:.3f} ({i.true_pos}/{i.found})"
    if ev.refused:
        row += f" | REFUSED: {ev.refused}"
    return row
