"""Masked refs: opaque per workspace, stable within it, not a plain hash of the hidden digits."""

from __future__ import annotations

import hashlib
from pathlib import Path

from ringtrace.graph.store.sqlite import SQLiteStore
from ringtrace.viz.pack_data import Masker

PERSON = "Person:张桂兰|id:410502196805021228"
PHONE = "Identifier:phone:13812345678"


def test_a_ref_is_stable_in_one_workspace_and_differs_between_workspaces(tmp_path: Path) -> None:
    with SQLiteStore.open(tmp_path / "a") as a, SQLiteStore.open(tmp_path / "b") as b:
        first = Masker(False, a.ref_key()).ref(PERSON)
        again = Masker(False, a.ref_key()).ref(PERSON)
        other = Masker(False, b.ref_key()).ref(PERSON)
    with SQLiteStore.open(tmp_path / "a") as reopened:
        later = Masker(False, reopened.ref_key()).ref(PERSON)
    assert first == again == later != other
    assert first.startswith("P-") and len(first) == 12


def test_hashing_a_guessed_id_number_does_not_find_the_ref(tmp_path: Path) -> None:
    with SQLiteStore.open(tmp_path) as store:
        masker = Masker(False, store.ref_key())
        refs = {masker.ref(PERSON), masker.ref(PHONE)}
    for node_id in (PERSON, PHONE):
        for algo in ("sha256", "sha1", "md5"):
            guess = hashlib.new(algo, node_id.encode("utf-8")).hexdigest()[:10]
            assert not any(ref.endswith(guess) for ref in refs)
    assert "410502196805021228" not in "".join(refs) and "13812345678" not in "".join(refs)


def test_unmasked_and_non_person_ids_pass_through(tmp_path: Path) -> None:
    with SQLiteStore.open(tmp_path) as store:
        key = store.ref_key()
    assert Masker(True, key).ref(PERSON) == PERSON
    assert Masker(False, key).ref("Employer:安阳市恒达劳务有限公司") == "Employer:安阳市恒达劳务有限公司"


def test_reading_the_ref_key_writes_nothing_once_it_exists(tmp_path: Path) -> None:
    with SQLiteStore.open(tmp_path) as store:
        first = store.ref_key()
        before = store.conn.total_changes
        assert store.ref_key() == first
        assert store.conn.total_changes == before
