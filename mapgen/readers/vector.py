"""Read GIS vector files (GeoPackage, Shapefile, FlatGeobuf) through pyogrio, validated like GeoJSON.

Every layer of the file is read. Point features are incidents (attribute columns are the
model's fields, as in the GeoJSON reader; ``start``/``end`` may be date-time fields), polygons
are control zones (``faction, valid_from, valid_to, status, sources``). Errors name the layer
and the feature by position from 0: ``zones.gpkg:zones[3]: valid_from: ...``. The layers
``mapgen export -o OUT.gpkg`` writes read back to the same incidents and zones. Data in another
CRS is reprojected to EPSG:4326 with a warning.
"""
from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

from mapgen.errors import InputError
from mapgen.readers.base import ReadOptions, Records

SUFFIXES = (".gpkg", ".shp", ".fgb")


def read_vector(path: Path, tz: ZoneInfo, errors: list[InputError], options: ReadOptions) -> Records:
    """Read every layer of ``path``; each bad feature adds one error and is left out."""
    import pyogrio

    from mapgen.frames import records_from_frame

    file = str(path)
    records = Records()
    try:
        layers = [str(row[0]) for row in pyogrio.list_layers(path)]
    except Exception as exc:  # pyogrio raises its own errors and GDAL's for unreadable files
        errors.append(InputError(f"cannot read as a GIS vector file ({_reason(exc)})", file=file))
        return records
    if not layers:
        errors.append(InputError("no layers", file=file))
        return records
    for layer in layers:
        try:
            frame = pyogrio.read_dataframe(path, layer=layer)
        except Exception as exc:
            errors.append(InputError(f"cannot read layer {layer!r} ({_reason(exc)})", file=file))
            continue
        if frame.crs is None:
            frame = frame.set_crs(4326)
        elif frame.crs.to_epsg() != 4326:
            records.warnings.append(InputError(f"layer {layer!r} reprojected from {frame.crs.to_string()} "
                                               "to EPSG:4326", file=file))
            frame = frame.to_crs(4326)
        label = layer if len(layers) > 1 or path.suffix.lower() == ".gpkg" else "features"
        records.extend(records_from_frame(frame, file, tz, errors, options, row_label=label, positions=True))
    if not len(records) and not errors:
        errors.append(InputError("no records (no features)", file=file))
    return records


def sidecar_files(path: Path) -> list[Path]:
    """A Shapefile's other files (.dbf, .shx, .prj, .cpg), whose bytes shape what it reads."""
    if path.suffix.lower() != ".shp":
        return []
    return [other for other in sorted(path.parent.glob(path.stem + ".*"))
            if other != path and other.suffix.lower() in (".dbf", ".shx", ".prj", ".cpg")]


def sidecar_stamps(path: Path) -> tuple[tuple[str, int, int], ...]:
    """Size and change time of a Shapefile's other files (.dbf, .shx, .prj, .cpg): an edit of
    the attributes alone changes only the .dbf, and a cache must notice it."""
    if path.suffix.lower() != ".shp":
        return ()
    stamps = []
    for other in sorted(path.parent.glob(path.stem + ".*")):
        if other != path and other.suffix.lower() in (".dbf", ".shx", ".prj", ".cpg"):
            st = other.stat()
            stamps.append((other.suffix.lower(), st.st_size, st.st_mtime_ns))
    return tuple(stamps)


def _reason(exc: Exception) -> str:
    return " ".join(str(exc).split())[:200] or exc.__class__.__name__


__all__ = ["SUFFIXES", "read_vector", "sidecar_files", "sidecar_stamps"]
