"""Pack numeric columns and string tables into the compact form the page decodes once.

Numbers travel as one deflated, base64-encoded buffer of byte planes: each column is stored as
unsigned integers of the fewest bytes that hold it (optionally delta- and zigzag-coded), low
byte plane first, so that the nearly constant high planes cost almost nothing after deflate.
Strings travel as one joined text (deflated UTF-8) plus a lengths column per table in UTF-16
code units (what JavaScript's ``String.prototype.slice`` counts): no quotes, commas or escapes
per string, and the page reads and parses a third of the bytes. No folium here.
"""
from __future__ import annotations

import base64
import re
import threading
import zlib
from typing import Any, Iterable, Sequence

import numpy as np

INT_LIMIT = 2**31  # the page reads columns into Int32Array
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")  # characters outside the BMP


class Packer:
    """Collects columns and text tables; :meth:`result` returns the JSON-ready description."""

    def __init__(self) -> None:
        self._planes: list[bytes] = []
        self.columns: list[list[Any]] = []
        self.texts: dict[str, str] = {}
        self._ahead_items: dict[str, list[str]] = {}
        self._ahead: tuple[list[str], threading.Thread, list[Any]] | None = None

    def ints(self, name: str, values: Sequence[int] | np.ndarray, *, delta: bool = False) -> None:
        """Add an integer column. ``delta`` stores differences from the previous value."""
        arr = np.asarray(values, dtype=np.int64)
        base = int(arr.min()) if arr.size else 0
        if delta and arr.size:
            coded = np.diff(arr, prepend=base)
        else:
            coded = arr - base
        zigzag = bool(coded.size and int(coded.min()) < 0)
        if zigzag:
            coded = (coded << 1) ^ (coded >> 63)
        top = int(coded.max()) if coded.size else 0
        if top >= INT_LIMIT or base >= INT_LIMIT or base < -INT_LIMIT:
            raise ValueError(f"column {name} is outside the 32-bit range the page reads")
        width = 1 if top < 2**8 else 2 if top < 2**16 else 3 if top < 2**24 else 4
        planes = coded.astype("<u4").view(np.uint8).reshape(-1, 4)[:, :width]
        self._planes.append(np.ascontiguousarray(planes.T).tobytes())
        self.columns.append([name, int(arr.size), width, base, int(delta), int(zigzag)])

    def strings(self, name: str, values: Iterable[str]) -> None:
        """Add a string table: the joined text, and its lengths as column ``name``."""
        items = self._ahead_items.pop(name, None)
        if items is None:
            items = list(values)
            self.texts[name] = "".join(items)
        joined = self.texts[name]
        if joined.isascii() or not _ASTRAL.search(joined):
            lengths = np.fromiter(map(len, items), dtype=np.int64, count=len(items))
        else:  # characters outside the BMP count as two UTF-16 code units in the browser
            lengths = np.array([len(s.encode("utf-16-le")) // 2 for s in items], dtype=np.int64)
        self.ints(name, lengths)

    def deflate_ahead(self, tables: dict[str, list[str]], level: int = 1) -> None:
        """Start deflating string tables (the first of a group that :meth:`result` deflates
        together, in that order) in a thread, while the caller packs the rest: zlib works without
        Python's lock, so on a second core. Each table is added later with :meth:`strings` as
        usual (its lengths column where the caller wants it). ``level``: zlib's, for the group."""
        names = list(tables)
        for name, items in tables.items():
            self.texts[name] = "".join(items)
            self._ahead_items[name] = items
        texts = [self.texts[name] for name in names]
        out: list[Any] = []

        def work() -> None:
            deflate = zlib.compressobj(level)
            out.append(deflate)
            for text in texts:
                out.append(deflate.compress(text.encode("utf-8", "surrogatepass")))

        thread = threading.Thread(target=work, name="mapgen-deflate", daemon=True)
        thread.start()
        self._ahead = (list(names), thread, out)

    def result(self, lazy: tuple[str, ...] = (), **extra: Any) -> dict[str, Any]:
        """``bin``: the deflated number planes; ``text``: the string tables, joined in the order
        of ``tables``, as deflated UTF-8 (a fast level: the text is large and already costs the
        page more to read and parse than to inflate). Tables named in ``lazy`` go to
        ``lazyText``/``lazyTables`` instead: the page inflates those after its first drawing."""
        raw = b"".join(self._planes)
        numbers: list[bytes] = []  # deflated in a thread while the texts are (zlib releases the lock)
        worker = threading.Thread(target=lambda: numbers.append(zlib.compress(raw, 3)),
                                  name="mapgen-deflate-numbers", daemon=True)
        worker.start()
        eager = [name for name in self.texts if name not in lazy]
        later = [name for name in self.texts if name in lazy]
        text, lazy_text = self._deflate(eager), self._deflate(later)
        worker.join()
        if not numbers:
            raise RuntimeError("deflating the number columns failed")
        return {"cols": self.columns, "bin": base64.b64encode(numbers[0]).decode("ascii"), "tables": eager,
                "text": text, "lazyTables": later, "lazyText": lazy_text, **extra}

    def _deflate(self, names: list[str]) -> str:
        deflate, parts = zlib.compressobj(1), []
        if self._ahead is not None and self._ahead[0] == names[:len(self._ahead[0])]:
            done, thread, out = self._ahead
            self._ahead = None
            thread.join()
            if len(out) != len(done) + 1:
                raise RuntimeError("deflating the text tables failed")
            deflate, parts = out[0], out[1:]
            names = names[len(done):]
        for name in names:  # table by table: no second copy of all the text
            parts.append(deflate.compress(self.texts[name].encode("utf-8", "surrogatepass")))
        parts.append(deflate.flush())
        return base64.b64encode(b"".join(parts)).decode("ascii")


def unpack(data: dict[str, Any]) -> dict[str, Any]:
    """Inverse of :class:`Packer` (for tests and tools): column name -> list of values or strings."""
    raw = zlib.decompress(base64.b64decode(data["bin"]))
    out: dict[str, Any] = {}
    offset = 0
    for name, count, width, base, delta, zigzag in data["cols"]:
        planes = np.frombuffer(raw, dtype=np.uint8, count=count * width, offset=offset).reshape(width, count)
        offset += count * width
        values = np.zeros(count, dtype=np.int64)
        for k in range(width):
            values |= planes[k].astype(np.int64) << (8 * k)
        if zigzag:
            values = (values >> 1) ^ -(values & 1)
        values = np.cumsum(values) + base if delta else values + base
        out[name] = values.tolist()
    for text_key, tables_key in (("text", "tables"), ("lazyText", "lazyTables")):
        encoded = zlib.decompress(base64.b64decode(data[text_key])).decode("utf-8", "surrogatepass").encode(
            "utf-16-le", "surrogatepass")
        start = 0
        for name in data[tables_key]:
            strings = []
            for length in out[name]:
                strings.append(encoded[start * 2:(start + length) * 2].decode("utf-16-le"))
                start += length
            out[name] = strings
    return out
