"""Fixtures for the tests that need a real Neo4j server (all marked ``neo4j``).

The server comes from ``NEO4J_URI`` (``make test`` starts a throwaway one with
``tools/neo4j-dev/with-neo4j.sh``; a developer runs ``make neo4j`` and exports the URI it prints).
When no server answers, the tests are skipped with a message saying how to start one, except
under ``CI=true``, where they fail: CI must never pass by skipping them.

Every test that uses ``neo4j_store`` gets an empty database (``MATCH (n) DETACH DELETE n``);
the test data is the hand-made province of :mod:`tests.neo4j.province_data`.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from neo4j import Driver, GraphDatabase

from ringtrace.graph.store.neo4j import Neo4jStore
from ringtrace.graph.store.neo4j_uri import mask_uri
from ringtrace.graph.store.sqlite import SQLiteStore

HOW_TO_START = ("start one with `make neo4j` and export NEO4J_URI=<the bolt:// URI it prints>, "
                "or set NEO4J_URI (and NEO4J_USER / NEO4J_PASSWORD) for your own server")


@pytest.fixture(scope="session")
def neo4j_uri() -> str:
    """The URI of a reachable server, or skip (fail under CI=true) saying how to get one."""
    uri = os.environ.get("NEO4J_URI", "")
    problem = ""
    if not uri:
        problem = "no Neo4j server: NEO4J_URI is not set"
    else:
        user = os.environ.get("NEO4J_USER")
        auth = (user, os.environ.get("NEO4J_PASSWORD", "")) if user else None
        try:
            with GraphDatabase.driver(uri, auth=auth) as driver:
                driver.verify_connectivity()
        except Exception as exc:  # any failure means: no usable server here
            problem = f"cannot reach Neo4j at {mask_uri(uri)} ({type(exc).__name__}: {exc})"
    if problem:
        message = f"{problem}; {HOW_TO_START}"
        if os.environ.get("CI", "").lower() in ("true", "1", "yes"):
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    return uri


@pytest.fixture(scope="session")
def neo4j_driver(neo4j_uri: str) -> Iterator[Driver]:
    user = os.environ.get("NEO4J_USER")
    auth = (user, os.environ.get("NEO4J_PASSWORD", "")) if user else None
    with GraphDatabase.driver(neo4j_uri, auth=auth, notifications_min_severity="OFF") as driver:
        yield driver


def wipe(driver: Driver) -> None:
    """Delete every node and relationship (constraints and indexes stay)."""
    with driver.session(database=os.environ.get("NEO4J_DATABASE") or None) as session:
        session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS"
                    ).consume()


@pytest.fixture
def clean_neo4j(neo4j_driver: Driver, neo4j_uri: str) -> str:
    """An empty database; returns its URI."""
    wipe(neo4j_driver)
    return neo4j_uri


@pytest.fixture
def neo4j_store(clean_neo4j: str) -> Iterator[Neo4jStore]:
    store = Neo4jStore.connect(clean_neo4j)
    try:
        yield store
    finally:
        store.close()


@pytest.fixture
def sqlite_store(tmp_path: Path) -> Iterator[SQLiteStore]:
    store = SQLiteStore.open(tmp_path / "workspace")
    try:
        yield store
    finally:
        store.close()
