"""Output files written whole or not at all, and output paths checked before any work is done.

:func:`check_output_file` and :func:`check_output_dir` turn every reason a path cannot be
written (a system folder such as /proc, a read-only folder, a folder where a file is wanted,
a file where a folder is wanted) into one :class:`OutputError` sentence, so a command fails in
a second rather than after minutes of work. :func:`atomic_path` gives a temporary file in the
target's folder and renames it over the target only when writing succeeded, so a killed run
never leaves a truncated file at the real path; temporary files of runs that were killed are
removed the next time the same target is written. Files get mode 0644 under the usual umask
022, like files any other program writes (``mkstemp`` alone would give 0600).
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path

from kg.errors import GovKGError

#: Folders of the kernel's own files: never a place for output.
SYSTEM_FOLDERS = (Path("/proc"), Path("/sys"), Path("/dev"))

_TEMP_NAME = re.compile(r"\.(?P<name>.+)-(?P<pid>\d+)-[^.]+\.tmp(?P<suffix>\.[^.]*)?")


class OutputError(GovKGError):
    """An output path that cannot be written: a system folder, read-only, a folder or a file in the way."""


def _reason(error: OSError) -> str:
    """A few words for why writing failed.

    >>> _reason(PermissionError(errno.EACCES, "Permission denied"))
    'permission denied'
    """
    return {
        errno.EACCES: "permission denied",
        errno.EPERM: "permission denied",
        errno.EROFS: "read-only file system",
        errno.ENOSPC: "no space left on the disk",
        errno.EDQUOT: "disk quota exceeded",
        errno.EISDIR: "it is a folder",
        errno.ENOTDIR: "a part of the path is a file",
        errno.ENAMETOOLONG: "the name is too long",
    }.get(error.errno, (error.strerror or str(error)).lower())


def output_error(path: str | Path, error: OSError) -> OutputError:
    """The one sentence for an OS error met while writing ``path``.

    >>> str(output_error("/ro/view.html", PermissionError(errno.EACCES, "Permission denied")))
    'Cannot write /ro/view.html (permission denied): choose a folder you can write to.'
    """
    return OutputError(f"Cannot write {path} ({_reason(error)}): choose a folder you can write to.")


def _refuse_system_folder(path: Path) -> None:
    resolved = path.resolve()
    for folder in SYSTEM_FOLDERS:
        if resolved == folder or folder in resolved.parents:
            raise OutputError(f"{path} is inside {folder}, the system's own files: choose another folder.")


def check_output_dir(path: str | Path) -> Path:
    """``path`` as a folder that exists (created if needed) and can be written; OutputError otherwise.

    >>> check_output_dir("/proc/out")
    Traceback (most recent call last):
    ...
    kg.outputs.OutputError: /proc/out is inside /proc, the system's own files: choose another folder.
    """
    folder = Path(path)
    _refuse_system_folder(folder)
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"{folder} is a file, not a folder: give a folder for the output.")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, probe = tempfile.mkstemp(dir=folder, prefix=".govkg-probe-")
        os.close(handle)
        os.unlink(probe)
    except OSError as error:
        raise output_error(folder, error) from None
    return folder


def check_output_file(path: str | Path) -> Path:
    """``path`` as a file that can be written (its folder created if needed); OutputError otherwise.

    >>> check_output_file(".")
    Traceback (most recent call last):
    ...
    kg.outputs.OutputError: . is a folder: give a file name such as view.html.
    """
    target = Path(path)
    if target.is_dir():
        raise OutputError(f"{target} is a folder: give a file name such as view.html.")
    check_output_dir(target.parent)
    return target


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def clean_stale_temps(target: Path) -> None:
    """Remove temporary files of ``target`` left by runs that were killed (their process is gone)."""
    for candidate in target.parent.glob(f".{target.name}-*.tmp*"):
        match = _TEMP_NAME.fullmatch(candidate.name)
        if not match or match["name"] != target.name:
            continue
        try:
            os.kill(int(match["pid"]), 0)
        except ProcessLookupError:
            candidate.unlink(missing_ok=True)
        except PermissionError:
            pass  # another user's live process


@contextlib.contextmanager
def atomic_path(target: str | Path) -> Iterator[Path]:
    """A temporary path beside ``target`` to write to; renamed over ``target`` when the block succeeds.

    The temporary name keeps the target's suffix, so writers that check it still accept it. On an
    error the temporary file is removed and ``target`` is untouched; an OSError becomes OutputError.

    >>> folder = Path(tempfile.mkdtemp())
    >>> with atomic_path(folder / "a.txt") as temp:
    ...     _ = temp.write_text("whole")
    >>> sorted(p.name for p in folder.iterdir()), oct((folder / "a.txt").stat().st_mode & 0o777)
    (['a.txt'], '0o644')
    """
    target = Path(target)
    try:
        clean_stale_temps(target)
        handle, name = tempfile.mkstemp(
            dir=target.parent, prefix=f".{target.name}-{os.getpid()}-", suffix=f".tmp{target.suffix}"
        )
        os.close(handle)
    except OSError as error:
        raise output_error(target, error) from None
    temp = Path(name)
    try:
        yield temp
        os.chmod(temp, 0o666 & ~_umask())
        os.replace(temp, target)
    except OSError as error:
        raise output_error(target, error) from None
    finally:
        temp.unlink(missing_ok=True)


def write_text_atomic(target: str | Path, text: str) -> Path:
    """Write ``text`` (UTF-8) to ``target`` atomically and return the path.

    >>> folder = Path(tempfile.mkdtemp())
    >>> write_text_atomic(folder / "b.txt", "甲").read_text(encoding="utf-8")
    '甲'
    """
    with atomic_path(target) as temp:
        temp.write_text(text, encoding="utf-8")
    return Path(target)
