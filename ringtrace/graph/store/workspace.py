"""Finding the workspace the way git finds its repository.

An investigator runs ``ringtrace rings`` from wherever the case folder is, often a subfolder;
``make demo`` leaves its workspace in ``demo-out/workspace``. Typing ``-w`` every time is
what people forget, and a command that silently opens (or creates) the wrong workspace is
worse than one that stops. So the workspace is, in order:

1. the ``--workspace``/``-w`` option, if given;
2. ``$RINGTRACE_WORKSPACE``, if set;
3. walking up from the current directory, in each directory: the directory itself if it is a
   workspace, a ``ringtrace-workspace/`` in it that is a workspace (holds ``ringtrace.sqlite``;
   an empty folder of that name is not one), or a pointer file ``.ringtrace`` naming a
   workspace (``ringtrace demo`` writes one);
4. otherwise ``./ringtrace-workspace``, which only commands that create a workspace
   (``ingest``) may use; the others stop with an error that says where they looked.

As with git's ``safe.directory``, the walk takes only folders and pointer files owned by the
user running ringtrace: a ``.ringtrace`` another user left in ``/tmp`` must not send this
user's confidential documents into their workspace. ``$RINGTRACE_CEILING_DIRECTORIES`` (paths
separated like ``$PATH``, as git's ``GIT_CEILING_DIRECTORIES``) stops the walk before it
reaches them.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ringtrace.errors import StoreError
from ringtrace.graph.store.sqlite import DB_NAME

#: The folder name looked for in the current directory and its parents.
DEFAULT_NAME = "ringtrace-workspace"
#: A small text file naming a workspace (its first non-comment line; relative to the file).
POINTER_NAME = ".ringtrace"
#: The environment variable naming the workspace.
ENV_VAR = "RINGTRACE_WORKSPACE"
#: Directories the walk up does not enter (``os.pathsep``-separated).
CEILING_VAR = "RINGTRACE_CEILING_DIRECTORIES"

#: How a workspace was chosen (``Located.how``).
HOW = ("option", "env", "here", "folder", "pointer", "default")


def is_workspace(path: Path) -> bool:
    """Does ``path`` hold a ringtrace workspace (its SQLite store)?

    >>> is_workspace(Path("/nonexistent"))
    False
    """
    return (path / DB_NAME).is_file()


@dataclass(frozen=True)
class Located:
    """The workspace a command will use, and how it was chosen.

    ``how`` is one of :data:`HOW`; ``searched`` lists the directories walked (for the error
    when nothing was found) and ``notes`` what was skipped there (a stale pointer).
    """

    path: Path
    how: str
    searched: tuple[Path, ...] = ()
    notes: tuple[str, ...] = ()
    pointer: Path | None = None

    @property
    def found(self) -> bool:
        """A workspace exists where this points."""
        return is_workspace(self.path)

    def describe(self) -> str:
        """Where the workspace came from, for messages: "from -w", "found at …"."""
        return {
            "option": f"{self.path} (from --workspace)",
            "env": f"{self.path} (from ${ENV_VAR})",
            "here": f"{self.path} (the current directory)",
            "folder": f"{self.path} (found walking up from the current directory)",
            "pointer": f"{self.path} (named by {self.pointer})",
            "default": f"{self.path} (the default)",
        }[self.how]

    def require(self) -> Path:
        """The workspace's path, or a :class:`StoreError` that says where it looked and how to
        point at one."""
        if self.found:
            return self.path
        if self.how in ("option", "env"):
            source = "--workspace" if self.how == "option" else f"${ENV_VAR}"
            raise StoreError(
                f"no workspace at {self.path} (from {source}): run `ringtrace ingest PATH` "
                f"with the same {source} to create one there, or point {source} at an existing "
                f"workspace (a folder holding {DB_NAME})")
        tops = [str(p) for p in self.searched]
        where = (f"{tops[0]} and its parents up to {tops[-1]}" if len(tops) > 1
                 else (tops[0] if tops else "the current directory"))
        notes = "".join(f"; {n}" for n in self.notes)
        raise StoreError(
            f"no workspace found: looked in {where} for a {DEFAULT_NAME}/ folder holding "
            f"{DB_NAME} or a {POINTER_NAME} file naming one, and ${ENV_VAR} is not set{notes}. "
            f"Run `ringtrace ingest PATH` to create ./{DEFAULT_NAME}, or point at one with "
            f"`ringtrace -w DIR …` or `export {ENV_VAR}=DIR`")


def read_pointer(pointer: Path) -> Path | None:
    """The workspace a pointer file names (relative paths are relative to the file), or None.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     _ = (Path(d) / ".ringtrace").write_text("# written by ringtrace demo\\nout/ws\\n")
    ...     read_pointer(Path(d) / ".ringtrace") == Path(d) / "out" / "ws"
    True
    """
    try:
        text = pointer.read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            return pointer.parent / Path(line).expanduser()
    return None


def locate(option: Path | None, env: Mapping[str, str], cwd: Path) -> Located:
    """The workspace for a command run in ``cwd`` (see the module docstring for the order)."""
    if option is not None:
        return Located(option, "option")
    if env.get(ENV_VAR):
        return Located(Path(env[ENV_VAR]), "env")
    searched: list[Path] = []
    notes: list[str] = []
    ceilings = {Path(p).resolve() for p in env.get(CEILING_VAR, "").split(os.pathsep) if p}
    for directory in (cwd, *cwd.parents):
        if directory.resolve() in ceilings:
            break
        searched.append(directory)
        if not _mine(directory):
            if is_workspace(directory) or is_workspace(directory / DEFAULT_NAME) or \
                    (directory / POINTER_NAME).is_file():
                notes.append(f"{directory} belongs to another user: its workspace or pointer "
                             "is not used")
            continue
        if is_workspace(directory):
            return Located(_shown(directory, cwd), "here", tuple(searched))
        if is_workspace(directory / DEFAULT_NAME) and _mine(directory / DEFAULT_NAME):
            return Located(_shown(directory / DEFAULT_NAME, cwd), "folder", tuple(searched))
        pointer = directory / POINTER_NAME
        if pointer.is_file() and not _mine(pointer):
            notes.append(f"{pointer} belongs to another user: ignored")
        elif pointer.is_file():
            named = read_pointer(pointer)
            if named is not None and is_workspace(named):
                return Located(_shown(named, cwd), "pointer", tuple(searched), pointer=pointer)
            notes.append(f"{pointer} names {named or 'nothing'}, which is not a workspace")
    return Located(Path(DEFAULT_NAME), "default", tuple(searched), tuple(notes))


def _mine(path: Path) -> bool:
    """Is ``path`` owned by the user running ringtrace (always true where there are no
    owners to compare)?"""
    if not hasattr(os, "getuid"):
        return True
    try:
        return path.stat().st_uid == os.getuid()
    except OSError:
        return False


def write_pointer(directory: Path, workspace: Path) -> Path | None:
    """Write ``directory/.ringtrace`` naming ``workspace``; the pointer's path, or None when a
    pointer there already names another workspace (it is kept: the analyst put it there).
    """
    pointer = directory / POINTER_NAME
    target = workspace.resolve()
    if pointer.exists():
        named = read_pointer(pointer) if pointer.is_file() else None
        if named is None or named.resolve() != target:
            return None
    try:
        shown = target.relative_to(directory.resolve())
    except ValueError:
        shown = target
    pointer.write_text("# the ringtrace workspace for commands run here and below (written by "
                       f"`ringtrace demo`)\n{shown}\n", "utf-8")
    return pointer


def _shown(path: Path, cwd: Path) -> Path:
    """``path`` relative to ``cwd`` when it lies below it (shorter messages), else as is."""
    try:
        return path.relative_to(cwd)
    except ValueError:
        return path
