"""The Cypher query pack for Neo4j Browser and Bloom users.

Each ``*.cypher`` file here is one read-only query over the graph as :mod:`ringtrace.graph.store.neo4j`
lays it out (``:RtNode:<Kind>`` nodes, schema relationship types with ``source_doc``). Its header
comment says what it answers and lists its ``$parameters``; :func:`load` reads both, so tools can
show the header and check the parameters before running the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources

_PARAM = re.compile(r"^//\s+\$(\w+)\s+(.*)$")


@dataclass(frozen=True)
class CypherQuery:
    name: str
    text: str
    summary: str
    parameters: dict[str, str]


def names() -> list[str]:
    """The queries shipped with ringtrace, sorted."""
    files = resources.files(__name__).iterdir()
    return sorted(f.name.removesuffix(".cypher") for f in files if f.name.endswith(".cypher"))


def load(name: str) -> CypherQuery:
    """One packaged query by name (``employer_profile``), with its header parsed."""
    if name not in names():
        raise KeyError(f"no Cypher query {name!r}; the pack has {', '.join(names())}")
    text = resources.files(__name__).joinpath(f"{name}.cypher").read_text("utf-8")
    header = [line for line in text.splitlines() if line.startswith("//")]
    summary_lines = []
    for line in header:
        body = line[2:].strip()
        if not body:
            break
        summary_lines.append(body)
    params = {m.group(1): m.group(2).strip() for line in header if (m := _PARAM.match(line))}
    return CypherQuery(name=name, text=text, summary=" ".join(summary_lines), parameters=params)
