"""Stores: the embedded SQLite workspace (default) and Neo4j (server), one interface."""

from __future__ import annotations

from pathlib import Path

from ringtrace.graph.store.base import GraphStore
from ringtrace.graph.store.sqlite import SQLiteStore

__all__ = ["GraphStore", "SQLiteStore", "open_store"]


def open_store(location: str | Path, *, create: bool = False, **options: str) -> GraphStore:
    """Open the store at ``location``: a workspace directory, or a ``neo4j://``/``bolt://`` URI.

    Neo4j credentials come from ``options`` (user, password, database) or the ``NEO4J_USER`` /
    ``NEO4J_PASSWORD`` environment variables.
    """
    text = str(location)
    if text.startswith(("neo4j://", "neo4j+s://", "bolt://", "bolt+s://")):
        from ringtrace.graph.store.neo4j import Neo4jStore

        return Neo4jStore.connect(text, **options)
    return SQLiteStore.open(location, create=create)
