"""Files, folders and byte streams read without surprises: only regular files, never more than a bound.

A name given as input is one of: a folder, a regular file, or refused with what it is instead (a FIFO, a
device, a socket, a symbolic link loop or one that points nowhere). Files are opened without blocking (opening
a FIFO for reading waits for a writer) and checked again once open, so that a name swapped after it was
listed still cannot hang the run. Folders are walked without following symbolic links to folders (a link to
`..` or to itself would loop), and what a walk passes over is said: unsupported files, special entries.

File names are shown through `printable`: a name that is not valid UTF-8 (on Linux any bytes but "/" and NUL
make a name) reaches Python with lone surrogates that cannot be written anywhere.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Protocol

from elitewatch.errors import InputError

CHUNK = 1 << 20  # bytes read at a time: large enough to be fast, small enough that the overshoot does not matter
SKIP_CHUNK = 1 << 16  # bytes of a line over its bound read at a time while it is passed over

_KINDS = {
    stat.S_IFIFO: "a FIFO",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFSOCK: "a socket",
}
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)


def printable(name: str) -> str:
    """A name as it can be shown and stored: unchanged when it is valid Unicode, else the bytes of the name read
    as UTF-8 with each byte that is not shown as `\\xNN` (the file `caf\\xe9.txt`, in Latin-1, is shown
    `caf\\xe9.txt` with a real backslash). Any other lone surrogate (from a JSON escape) becomes `\\udNNN`."""
    if name.isascii():
        return name
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        pass
    try:  # os.fsdecode's surrogateescape: the surrogates stand for the bytes that were not UTF-8
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:
        return name.encode("utf-8", "backslashreplace").decode("utf-8")


def _kind(mode: int) -> str:
    return _KINDS.get(stat.S_IFMT(mode), "not a file or folder")


def not_regular(mode: int) -> str:
    """The reason a file of this mode is refused."""
    return f"not a regular file ({_kind(mode)})"


def os_reason(error: OSError, path: str | os.PathLike[str]) -> str:
    """What an error of stat or open says about the name, in words."""
    if error.errno == errno.ELOOP:
        return "a symbolic link loop"
    if error.errno in (errno.ENOENT, errno.ENOTDIR):
        return "a symbolic link to nothing" if os.path.islink(path) else "no such file or folder"
    return f"cannot read ({error.strerror or error})"


def classify(path: Path) -> str | None:
    """None for a folder, "file" for a regular file, else the reason the name is refused (without opening it)."""
    try:
        mode = os.stat(path).st_mode
    except OSError as error:
        return os_reason(error, path)
    if stat.S_ISDIR(mode):
        return None
    return "file" if stat.S_ISREG(mode) else not_regular(mode)


def open_regular(path: Path, source: str) -> tuple[BinaryIO, int]:
    """The regular file opened for reading, and its size; InputError (with the reason) for anything else."""
    try:
        fd = os.open(path, _OPEN_FLAGS)  # O_NONBLOCK: opening a FIFO returns at once instead of waiting
    except OSError as error:
        if error.errno == errno.ENXIO:  # a socket (or a FIFO opened for writing): say what it is
            kind = classify(path)
            raise InputError(kind if kind not in (None, "file") else os_reason(error, path), source=source) from None
        raise InputError(os_reason(error, path), source=source) from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):  # the name was something else when it was listed, or is a device
        os.close(fd)
        raise InputError(not_regular(info.st_mode), source=source)
    return os.fdopen(fd, "rb"), info.st_size


class Readable(Protocol):
    def read(self, size: int = ..., /) -> bytes: ...

    def readline(self, size: int = ..., /) -> bytes: ...


def read_at_most(stream: Readable, limit: int) -> bytes | None:
    """The whole stream if it holds at most `limit` bytes, else None, having read `limit` + 1 of them."""
    chunks: list[bytes] = []
    size = 0
    while size <= limit:
        chunk = stream.read(min(CHUNK, limit + 1 - size))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
    return None


def bounded_lines(stream: Readable, limit: int) -> Iterator[bytes | None]:
    """The lines of a stream, None for one longer than `limit` bytes (its end newline aside); such a line is read
    past in chunks, never held whole."""
    while line := stream.readline(limit + 1):
        if len(line) <= limit or line.endswith(b"\n"):
            yield line
            continue
        while (rest := stream.readline(SKIP_CHUNK)) and not rest.endswith(b"\n"):
            pass
        yield None


class Rewound:
    """A byte stream whose first bytes, read already (to see what it holds), are put back in front of it."""

    def __init__(self, head: bytes, rest: Readable) -> None:
        self._head = head
        self._at = 0  # how much of the head has been read again
        self._rest = rest

    def _take(self, end: int) -> bytes:
        piece = self._head[self._at : end]
        self._at += len(piece)
        return piece

    def read(self, size: int = -1, /) -> bytes:
        if size < 0:
            return self._take(len(self._head)) + self._rest.read()
        piece = self._take(self._at + size)
        return piece + self._rest.read(size - len(piece)) if len(piece) < size else piece

    def readline(self, size: int = -1, /) -> bytes:
        if self._at >= len(self._head):
            return self._rest.readline(size)
        stop = len(self._head) if size < 0 else min(len(self._head), self._at + size)
        end = self._head.find(b"\n", self._at, stop)
        piece = self._take(end + 1 if end >= 0 else stop)
        if end >= 0 or len(piece) == size or self._at < len(self._head):
            return piece
        return piece + self._rest.readline(size - len(piece) if size >= 0 else -1)


@dataclass
class FolderListing:
    """What a walk of a folder found: the files to read, the files of other types, and what it passed over."""

    files: list[Path] = field(default_factory=list)
    unsupported: list[Path] = field(default_factory=list)
    skipped: list[tuple[Path, str]] = field(default_factory=list)  # (entry, why: a FIFO, a link loop, …)


def list_folder(folder: Path, suffixes: tuple[str, ...], sidecar_suffix: str) -> FolderListing:
    """Every entry under the folder, sorted like `sorted(folder.rglob("*"))`: regular files (or links to them)
    with one of the suffixes to read, sidecars left to their files, other regular files unsupported, and the
    rest skipped with the reason. Symbolic links to folders are not followed, as rglob does not follow them."""
    listing = FolderListing()
    for path, mode, reason in sorted(_walk(folder)):
        if reason is not None:
            listing.skipped.append((path, reason))
        elif not stat.S_ISREG(mode):
            listing.skipped.append((path, not_regular(mode)))
        elif path.name.endswith(sidecar_suffix):
            continue
        elif path.suffix.lower() in suffixes:
            listing.files.append(path)
        else:
            listing.unsupported.append(path)
    return listing


def _walk(folder: Path) -> Iterator[tuple[Path, int, str | None]]:
    """(path, mode followed through links, None) of every entry but folders, or (path, 0, reason)."""
    try:
        entries = list(os.scandir(folder))
    except OSError as error:
        yield folder, 0, f"cannot list ({error.strerror or error})"
        return
    for entry in entries:
        path = folder / entry.name
        try:
            if entry.is_dir(follow_symlinks=False):
                yield from _walk(path)
                continue
            mode = entry.stat(follow_symlinks=True).st_mode
        except OSError as error:
            yield path, 0, os_reason(error, path)
            continue
        if stat.S_ISDIR(mode):
            continue  # a link to a folder: rglob does not follow it either, and it may point back up
        yield path, mode, None
