"""What every reader returns, and the options they share."""
from __future__ import annotations

from dataclasses import dataclass, field

from mapgen.model import ControlZone, Incident


@dataclass
class Records:
    """Validated records read from one or more files."""

    incidents: list[Incident] = field(default_factory=list)
    zones: list[ControlZone] = field(default_factory=list)

    def extend(self, other: "Records") -> None:
        self.incidents.extend(other.incidents)
        self.zones.extend(other.zones)

    def __len__(self) -> int:
        return len(self.incidents) + len(self.zones)


@dataclass(frozen=True)
class ReadOptions:
    """Reader switches: ``repair`` makes invalid polygons valid instead of rejecting them."""

    repair: bool = False
