"""The desk a request runs in: its configuration and the one way to open the store."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from ringtrace.extras import require
from ringtrace.graph.store import GraphStore, open_store
from ringtrace.serve.config import ServeConfig
from ringtrace.serve.refs import Refs

flask = require("flask", "serve", purpose="ringtrace serve")

__all__ = ["Desk", "desk"]


class Desk:
    """The configuration, the references handed out (:mod:`~ringtrace.serve.refs`), and store
    access serialised by one lock."""

    def __init__(self, config: ServeConfig) -> None:
        self.config = config
        self.refs = Refs(masked=not config.unmask)
        self._lock = threading.RLock()

    @contextmanager
    def store(self) -> Iterator[GraphStore]:
        """The workspace's store for one request, under the desk's lock: an SQLite connection
        is not shared between threads, and the workspace has one writer at a time."""
        with self._lock:
            store = open_store(self.config.workspace)
            try:
                yield store
            finally:
                store.close()


def desk() -> Desk:
    """The :class:`Desk` of the app handling the current request."""
    found: Desk = flask.current_app.extensions["ringtrace"]
    return found
