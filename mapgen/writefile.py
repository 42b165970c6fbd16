"""Write files atomically: one file (a temporary file, then a rename), or several all or nothing."""
from __future__ import annotations

import errno
import fcntl
import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Sequence


def write_atomic(path: str | Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` so that readers see the old file or the whole new one, never half."""
    return write_together([(Path(path), data)])[0]


def _temp_beside(path: Path, data: bytes) -> str:
    """``data`` in a new temporary file in ``path``'s folder, flushed to disk; its name."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
    except BaseException:
        _remove(tmp)
        raise
    return tmp


def _remove(name: str | None) -> None:
    if name:
        try:
            os.unlink(name)
        except OSError:
            pass


def _failure(path: Path, exc: OSError) -> OSError:
    from mapgen.errors import OutputError

    reason = exc.strerror or exc.__class__.__name__
    return OutputError(f"cannot write {path} ({reason}); no output file was changed")


def write_together(files: Sequence[tuple[Path, bytes]]) -> list[Path]:
    """Write every ``(path, data)`` or none: all are written to temporary files first, and put in
    place only when all of them were; if putting one in place fails, those already replaced get
    their previous content back. Raises :class:`~mapgen.errors.OutputError` naming the file."""
    temps: list[str] = []
    try:
        for path, data in files:
            if path.is_dir():
                raise IsADirectoryError(errno.EISDIR, "it is a folder")
            temps.append(_temp_beside(path, data))
    except OSError as exc:
        for tmp in temps:
            _remove(tmp)
        raise _failure(path, exc) from None
    except BaseException:
        for tmp in temps:
            _remove(tmp)
        raise
    done: list[tuple[Path, str | None]] = []
    current = files[0][0] if files else Path()
    try:
        for (path, _), tmp in zip(files, temps):
            current = path
            backup = None
            if os.path.lexists(path):
                backup = tmp + ".old"
                try:
                    os.link(path, backup, follow_symlinks=False)
                except OSError:
                    shutil.copy2(path, backup, follow_symlinks=False)
            try:
                os.replace(tmp, path)
            except BaseException:
                _remove(backup)
                raise
            done.append((path, backup))
    except BaseException as exc:
        for replaced, backup in reversed(done):
            try:
                if backup:
                    os.replace(backup, replaced)
                else:
                    os.unlink(replaced)
            except OSError:
                pass
        for tmp in temps:
            _remove(tmp)
        if isinstance(exc, OSError):
            raise _failure(current, exc) from None
        raise
    for _, backup in done:
        _remove(backup)
    return [path for path, _ in files]


@contextmanager
def output_lock(out: Path) -> Iterator[None]:
    """Hold an exclusive lock on the folder of ``out`` (waiting while another build writing there
    holds it), so that one build's files are put in place after the other's, never between them.
    The folder is locked rather than a file beside the map: nothing is left behind."""
    out.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(out.parent, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock
