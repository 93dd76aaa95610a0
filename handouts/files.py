"""Reading input files within limits, and writing output files so that nothing is ever
half-written or lost."""

from __future__ import annotations

import errno
import os
import re
import tempfile
from pathlib import Path

from handouts.errors import HandoutsError, Problem
from handouts.limits import MAX_FILE_MB

LEFTOVER = re.compile(r"^\..+\.[A-Za-z0-9_]{8}\.tmp$")  # a temporary file of ours


def write_atomically(files: list[tuple[Path, bytes]]) -> None:
    """Write each file through a temporary sibling and os.replace (never half a file).

    Nothing is replaced until every file is written in full beside its target; what is
    in the way (a folder where a file goes, a file where a folder goes, no permission, a
    full disk) is a HandoutsError naming the path, with nothing replaced. Temporary
    files that a killed earlier run left in these folders are removed first."""
    blocked = [Problem("a folder stands where this file is to be written", file=path,
                       hint="move or rename the folder, or write elsewhere with --out")
               for path, _ in files if path.is_dir()]
    if blocked:
        raise HandoutsError(blocked)
    staged: list[tuple[Path, Path]] = []
    target: Path | None = None
    try:
        for folder in dict.fromkeys(path.parent for path, _ in files):
            _remove_leftovers(folder)
        for target, data in files:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp",
                                        dir=target.parent)
            staged.append((Path(name), target))
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.chmod(name, _usual_mode())
        for temporary, target in staged:
            os.replace(temporary, target)
    except OSError as exc:
        raise HandoutsError([write_problem(exc, target)]) from None
    finally:
        for temporary, _ in staged:
            temporary.unlink(missing_ok=True)


def _remove_leftovers(folder: Path) -> None:
    if folder.is_dir():
        for path in folder.iterdir():
            if LEFTOVER.match(path.name) and path.is_file():
                path.unlink(missing_ok=True)


def _usual_mode() -> int:
    """What a new file gets from the user's umask (mkstemp makes it private, 0600), so a
    print server or a colleague can read the PDFs."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


_WRITE_ERRORS = {
    errno.ENOTDIR: ("a file stands where a folder is needed on the way to {path}",
                    "remove or rename that file, or write elsewhere with --out"),
    errno.EEXIST: ("a file stands where a folder is needed on the way to {path}",
                   "remove or rename that file, or write elsewhere with --out"),
    errno.EACCES: ("no permission to write {path}",
                   "choose a folder you can write to (--out), or ask for access"),
    errno.EPERM: ("no permission to write {path}",
                  "choose a folder you can write to (--out), or ask for access"),
    errno.EROFS: ("{path} is on a read-only disk", "write elsewhere with --out"),
    errno.ENOSPC: ("the disk is full: {path} cannot be written",
                   "free some space, or write elsewhere with --out"),
    errno.EDQUOT: ("your disk quota is used up: {path} cannot be written",
                   "free some space, or write elsewhere with --out"),
    errno.EFBIG: ("the file is too large for this disk: {path}", "write elsewhere with --out"),
    errno.ENAMETOOLONG: ("the path is too long: {path}", "write to a shorter folder path"),
    errno.EISDIR: ("a folder stands where a file is to be written: {path}",
                   "move or rename the folder, or write elsewhere with --out"),
}


def write_problem(exc: OSError, target: Path | None) -> Problem:
    path = exc.filename or target or "the output"
    message, hint = _WRITE_ERRORS.get(exc.errno or 0, ("cannot write {path}: " + (
        exc.strerror or str(exc)), "check the folder, or write elsewhere with --out"))
    return Problem(message.format(path=path), hint=hint)


def read_text(path: Path, max_mb: float = MAX_FILE_MB) -> str:
    """A UTF-8 text file, or HandoutsError saying what is wrong with it and where."""
    try:
        size = path.stat().st_size
        if size > max_mb * 1_000_000:
            raise HandoutsError([Problem(
                f"the file is {size / 1_000_000:.1f} MB; files of a project may be at most "
                f"{max_mb:g} MB", file=path,
                hint="a handout, brand or translation is a few kB: check that this is the "
                     "right file (or raise max_file_mb in handouts.yaml)")])
        data = path.read_bytes()
    except FileNotFoundError:
        raise HandoutsError([Problem("file not found", file=path)]) from None
    except IsADirectoryError:
        raise HandoutsError([Problem("a folder stands where a file is expected",
                                     file=path)]) from None
    except OSError as exc:
        raise HandoutsError([Problem(f"cannot read the file: {exc.strerror}",
                                     file=path)]) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = position(data[:exc.start].decode("utf-8", "replace"))
        raise HandoutsError([Problem(
            f"not UTF-8 text: byte 0x{data[exc.start]:02X} cannot be read", file=path,
            line=line, column=column,
            hint="save the file as UTF-8 in your editor")]) from None


def position(text_before: str) -> tuple[int, int]:
    """1-based (line, column) of the character after ``text_before``."""
    return text_before.count("\n") + 1, len(text_before) - (text_before.rfind("\n") + 1) + 1

