"""Finding the workspace like git finds its repository: option, environment, walking up."""

from __future__ import annotations

from pathlib import Path

import pytest

from ringtrace.errors import StoreError
from ringtrace.graph.store.sqlite import SQLiteStore
from ringtrace.graph.store.workspace import (
    CEILING_VAR,
    ENV_VAR,
    is_workspace,
    locate,
    read_pointer,
    write_pointer,
)


def make_workspace(path: Path) -> Path:
    SQLiteStore.open(path, create=True).close()
    return path


def test_the_option_wins_over_the_environment_and_the_walk(tmp_path: Path) -> None:
    make_workspace(tmp_path / "ringtrace-workspace")
    found = locate(Path("/chosen"), {ENV_VAR: "/from-env"}, tmp_path)
    assert (found.path, found.how) == (Path("/chosen"), "option")


def test_the_environment_wins_over_the_walk(tmp_path: Path) -> None:
    make_workspace(tmp_path / "ringtrace-workspace")
    found = locate(None, {ENV_VAR: "/from-env"}, tmp_path)
    assert (found.path, found.how) == (Path("/from-env"), "env")


def test_walking_up_from_a_subfolder_finds_the_workspace(tmp_path: Path) -> None:
    ws = make_workspace(tmp_path / "ringtrace-workspace")
    deep = tmp_path / "cases" / "2021"
    deep.mkdir(parents=True)
    found = locate(None, {}, deep)
    assert found.how == "folder" and found.path == ws and found.found
    assert found.searched == (deep, deep.parent, tmp_path)


def test_an_empty_folder_of_that_name_is_not_a_workspace(tmp_path: Path) -> None:
    (tmp_path / "ringtrace-workspace").mkdir()
    found = locate(None, {}, tmp_path)
    assert found.how == "default" and not found.found
    assert not is_workspace(tmp_path / "ringtrace-workspace")


def test_a_pointer_file_names_the_workspace(tmp_path: Path) -> None:
    ws = make_workspace(tmp_path / "demo-out" / "workspace")
    pointer = write_pointer(tmp_path, ws)
    assert pointer == tmp_path / ".ringtrace"
    assert pointer.read_text("utf-8").splitlines()[-1] == "demo-out/workspace"
    below = tmp_path / "notes"
    below.mkdir()
    found = locate(None, {}, below)
    assert (found.how, found.pointer) == ("pointer", pointer)
    assert found.path.resolve() == ws.resolve()


def test_a_pointer_naming_another_workspace_is_kept(tmp_path: Path) -> None:
    mine = make_workspace(tmp_path / "mine")
    demo = make_workspace(tmp_path / "demo")
    (tmp_path / ".ringtrace").write_text("mine\n", "utf-8")
    assert write_pointer(tmp_path, demo) is None
    assert read_pointer(tmp_path / ".ringtrace") == mine
    assert write_pointer(tmp_path, mine) == tmp_path / ".ringtrace"


def test_a_real_workspace_beside_a_pointer_wins(tmp_path: Path) -> None:
    make_workspace(tmp_path / "ringtrace-workspace")
    make_workspace(tmp_path / "other")
    (tmp_path / ".ringtrace").write_text("other\n", "utf-8")
    assert locate(None, {}, tmp_path).how == "folder"


def test_nothing_found_says_where_it_looked_and_how_to_point(tmp_path: Path) -> None:
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    (tmp_path / "a" / ".ringtrace").write_text("gone\n", "utf-8")
    found = locate(None, {}, deep)
    assert found.path == Path("ringtrace-workspace")
    with pytest.raises(StoreError) as err:
        found.require()
    message = str(err.value)
    assert f"looked in {deep} and its parents up to /" in message
    assert f"{tmp_path / 'a' / '.ringtrace'} names {tmp_path / 'a' / 'gone'}" in message
    assert "ringtrace -w DIR" in message and f"export {ENV_VAR}=DIR" in message


def test_a_missing_option_workspace_names_its_source(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match=r"from --workspace\): run `ringtrace ingest PATH` with the same"):
        locate(tmp_path / "nope", {}, tmp_path).require()
    with pytest.raises(StoreError, match=r"from \$RINGTRACE_WORKSPACE"):
        locate(None, {ENV_VAR: str(tmp_path / "nope")}, tmp_path).require()


def test_the_walk_stops_at_a_ceiling_directory(tmp_path: Path) -> None:
    make_workspace(tmp_path / "ringtrace-workspace")
    deep = tmp_path / "cases" / "2021"
    deep.mkdir(parents=True)
    found = locate(None, {CEILING_VAR: str(tmp_path)}, deep)
    assert found.how == "default" and found.searched == (deep, deep.parent)


def test_a_pointer_another_user_owns_is_ignored(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    make_workspace(tmp_path / "out" / "ws")
    (tmp_path / ".ringtrace").write_text("out/ws\n", "utf-8")
    assert locate(None, {}, tmp_path).how == "pointer"
    monkeypatch.setattr(os, "getuid", lambda: os.stat(tmp_path).st_uid + 1)
    found = locate(None, {CEILING_VAR: str(tmp_path.parent)}, tmp_path)
    assert found.how == "default"
    assert any("another user" in note for note in found.notes)
