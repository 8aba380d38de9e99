"""Reading and writing files without hanging, exhausting memory or losing what a user wrote.

Every file the package reads (catalogues, legacy tables, ``pyproject.toml``) goes through
:func:`read_bytes`: only a regular file is opened (a FIFO would block forever, a device such as
``/dev/zero`` never ends) and no more than :data:`MAX_BYTES` are read. Every file the package
writes goes through :func:`write_text`: into a temporary file beside the target, then renamed
over it, so a failure never leaves a half-written file; an existing target keeps its mode; and
a target that is one of the command's inputs (by name, through a symbolic link or as a hard
link) is refused before anything is written.

No Sphinx import; errors are :class:`FileProblem` with a one-line reason.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from collections.abc import Iterable

#: The most bytes read from one input file; a real catalogue of 20,000 codes is about 4 MiB.
MAX_BYTES: Final = 64 * 1024 * 1024

_KINDS: Final = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISDIR, "a directory"),
)


class FileProblem(OSError):
    """A file that cannot be read or written as asked; ``str()`` is a one-line reason."""

    def __init__(self, path: str | os.PathLike[str], reason: str) -> None:
        super().__init__(reason)
        self.path = str(path)
        self.reason = reason

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


def _kind(mode: int) -> str | None:
    """What a file of *mode* is when it is not a regular file."""
    for test, name in _KINDS:
        if test(mode):
            return name
    return None if stat.S_ISREG(mode) else "not a regular file"


def os_reason(exc: OSError | ValueError) -> str:
    """A short, stable reason for an error of the operating system about a path."""
    if isinstance(exc, ValueError):  # "embedded null byte"
        return "the path contains a NUL character"
    reasons = {
        errno.ENOENT: "not found",
        errno.ELOOP: "a symbolic link loop (too many levels of symbolic links)",
        errno.ENAMETOOLONG: "the path is too long for the operating system",
        errno.EACCES: "permission denied",
        errno.EPERM: "permission denied",
        errno.EISDIR: "a directory, not a file",
        errno.ENOTDIR: "a part of the path is not a directory",
        errno.EROFS: "on a read-only file system",
        errno.ENOSPC: "no space left on the device",
    }
    return reasons.get(exc.errno or 0, exc.strerror or str(exc))


def read_bytes(path: str | os.PathLike[str], limit: int = MAX_BYTES) -> bytes:
    """The bytes of the regular file *path*, at most *limit* of them.

    :raises FileProblem: for a missing or unreadable file, a path the system refuses (a loop of
        symbolic links, too long, with a NUL), anything but a regular file, or a larger file.
    """
    try:
        info = os.stat(path)
    except (OSError, ValueError) as exc:
        raise FileProblem(path, os_reason(exc)) from None
    kind = _kind(info.st_mode)
    if kind is not None:
        raise FileProblem(path, f"is {kind}, not a regular file")
    if info.st_size > limit:
        raise FileProblem(path, f"is larger than {limit // (1024 * 1024)} MiB")
    try:
        # O_NONBLOCK: should the file have been swapped for a FIFO since the stat, opening it
        # returns at once instead of waiting for a writer
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except (OSError, ValueError) as exc:
        raise FileProblem(path, os_reason(exc)) from None
    with os.fdopen(fd, "rb") as stream:
        if _kind(os.fstat(stream.fileno()).st_mode) is not None:
            raise FileProblem(path, "is not a regular file")
        try:
            data = stream.read(limit + 1)
        except OSError as exc:
            raise FileProblem(path, os_reason(exc)) from None
    if len(data) > limit:
        raise FileProblem(path, f"is larger than {limit // (1024 * 1024)} MiB")
    return data


def same_file(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    """Whether *a* and *b* name one file: the same path, a symbolic link or a hard link."""
    with contextlib.suppress(OSError, ValueError):
        return os.path.samefile(a, b)
    with contextlib.suppress(OSError, ValueError):
        return os.path.realpath(a) == os.path.realpath(b)
    return False


def check_target(
    target: str | os.PathLike[str], inputs: Iterable[str | os.PathLike[str]] = ()
) -> Path:
    """The real path :func:`write_text` would write, after the checks that must come first.

    A command calls it before doing its work, so a bad ``-o`` is reported before anything is
    read or computed.

    :raises FileProblem: when *target* is one of *inputs*, not a regular file, or in a folder
        that does not exist.
    """
    for source in inputs:
        if same_file(target, source):
            raise FileProblem(
                target, f"is the input file {os.fspath(source)}; refusing to write over it"
            )
    try:
        real = Path(os.path.realpath(target))
    except (OSError, ValueError) as exc:
        raise FileProblem(target, os_reason(exc)) from None
    try:
        info = os.stat(real)
    except FileNotFoundError:
        info = None
    except (OSError, ValueError) as exc:
        raise FileProblem(target, os_reason(exc)) from None
    if info is not None:
        kind = _kind(info.st_mode)
        if kind is not None:
            raise FileProblem(target, f"is {kind}; name a regular file to write")
    if not real.parent.is_dir():
        raise FileProblem(target, f"cannot write: the folder {real.parent} does not exist")
    return real


def write_text(
    target: str | os.PathLike[str],
    text: str,
    *,
    inputs: Iterable[str | os.PathLike[str]] = (),
) -> None:
    """Write *text* (UTF-8, newlines as given) to *target* atomically.

    The text goes to a temporary file in the target's folder, which is renamed over the target
    once complete: readers see the old file or the new one, never a part. A symbolic link is
    written through (the file it points at is replaced), and an existing file keeps its
    permission bits. On any error the target is untouched and the temporary file removed.

    :raises FileProblem: as :func:`check_target`, or when writing fails.
    """
    real = check_target(target, inputs)
    try:
        mode = stat.S_IMODE(os.stat(real).st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    try:
        fd, temporary = tempfile.mkstemp(dir=real.parent, prefix=f".{real.name}.", suffix=".tmp")
    except OSError as exc:
        raise FileProblem(target, f"cannot write: {os_reason(exc)}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, real)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(exc, OSError):
            raise FileProblem(target, f"cannot write: {os_reason(exc)}") from None
        raise
