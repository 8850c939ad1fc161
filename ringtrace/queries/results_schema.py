"""The results schema, generated from the records of :mod:`ringtrace.queries.model`.

``docs/results-schema.md`` (for people) and ``docs/schema/results.v1.json`` (a JSON Schema, for
programs that read ``ringtrace`` output) are both written from the record classes - their
fields, types and ``#:`` comments - so neither can drift from the code: a test compares the
files with what this module renders.

    python -m ringtrace.queries.results_schema          # rewrite both files
    python -m ringtrace.queries.results_schema --check  # exit 1 when either is stale

>>> schema = json_schema()
>>> schema["$defs"]["Evidence"]["properties"]["case_number"]["type"]
['string', 'null']
>>> schema["$defs"]["RingRecord"]["properties"]["links"]["items"]
{'$ref': '#/$defs/RingLink'}
"""

from __future__ import annotations

import ast
import inspect
import json
import sys
import textwrap
import types
import typing
from dataclasses import fields
from pathlib import Path
from typing import TypedDict

from ringtrace.queries import model
from ringtrace.queries.model import SCHEMA_VERSION, Record
from ringtrace.queries.rules import RuleConfig

#: the records in the order the documentation presents them: the whole scan, then its parts
RECORDS: tuple[type[Record], ...] = (
    model.StoredScan, model.ScanMeta, model.ScoredCase, model.RuleHit, model.Evidence,
    model.RingRecord, model.RingStructure, model.RingLink, model.Exposure,
    model.ExplainedGroup, model.GroupReason)

#: the JSON Schema of one field (or of what a list or object field holds): a scalar ``type``
#: (or several), ``items`` of an array, ``additionalProperties`` of an object, a ``$ref`` to a
#: record, or ``anyOf`` such; its ``description`` is the field's ``#:`` comment
FieldSchema = TypedDict("FieldSchema", {
    "type": "str | list[str]", "items": "FieldSchema", "additionalProperties": "FieldSchema",
    "$ref": str, "anyOf": "list[FieldSchema]", "required": list[str], "description": str,
}, total=False)


class RecordSchema(TypedDict):
    """The JSON Schema of one record: an object with exactly its fields."""

    type: str
    description: str
    properties: dict[str, FieldSchema]
    required: list[str]
    additionalProperties: bool


#: the JSON Schema document of a stored scan (``docs/schema/results.v1.json``)
ResultsSchema = TypedDict("ResultsSchema", {
    "$schema": str, "$id": str, "title": str, "description": str, "version": int, "$ref": str,
    "$defs": dict[str, RecordSchema]})

SCHEMA_FILE = Path("docs/schema") / f"results.v{SCHEMA_VERSION}.json"
DOC_FILE = Path("docs/results-schema.md")

_SCALARS: dict[object, str] = {str: "string", int: "integer", float: "number",
                               bool: "boolean", type(None): "null"}

_INTRO = """\
What `ringtrace scan` stores and what every reader of a scan - the terminal, the HTML pages,
the desk, packs and exports - reads back: one record per kind of object. Generated from
`ringtrace/queries/model.py` by `python -m ringtrace.queries.results_schema`; do not edit by
hand (a test checks this page and the JSON Schema
[`docs/schema/results.v{version}.json`](schema/results.v{version}.json) against the code).

Schema version **{version}**. The version goes up when a field changes meaning or goes away;
a new field does not raise it. `ringtrace scan --json` prints it as `schema_version`; the
other `--json` outputs are lists or views without an envelope, so they carry no version.

Where the records show up:

- `ringtrace scan --json`: the scan's `ScanMeta` without `rules`, plus `schema_version`.
- `ringtrace groups --json`: a list of `ExplainedGroup`.

The other `--json` outputs are the views of `ringtrace/queries/views.py` (their `to_dict`),
built from these records:

- `ringtrace rings --json`: a `RingRow` per `RingRecord`: its `rank`, `ring_id`, `score` and
  `leads`, its structure's `cases`, `applicants` and `employers`, `exposure.amount_yuan` as
  `exposure_yuan`, the names of its first two `intermediaries` and its three most frequent
  `rules` as `top_rules`.
- `ringtrace ring N --json`: a `RingDetail`, whose `cases` are `CaseView`s (the one shape
  of a case in every view); `structure` is a `RingStructure`, `exposure` an `Exposure`,
  `links` a list of `RingLink`; `evidence` maps each case id to its findings (`rule_id`,
  `summary` and a list of `Evidence`).
- `ringtrace leads --json`: a `LeadRow` each; `score` and `rule_score` are a `ScoredCase`'s
  `final_score` and `rule_score`; each `evidence` item is an `Evidence` with the `rule_id` of
  its finding.
- `ringtrace employer/agent/person --json`: an `EmployerProfile`, `AgentProfile`s or
  `PersonProfile`s; each flag is a `RuleHit`'s rule, summary and evidence,
  with the number of cases it implicates; `explained_groups` lists `ExplainedGroup`.
- An evidence pack's `pack.json`: `scan.rules` is `ScanMeta.rules`.

Ids (`graph/identity.py`): a case id is `Case:<case number>|<forum>` (`Case:sha256:<hash>` for
a document without a case number); an employer id `Employer:<normalised name>`; a person
(applicant or agent) id `Person:<name>|<birth date, ID fragment, law firm or phone>`; a ring id
`R-` and eight hex digits, derived from the ring's first case; a lead id `L-` and ten hex
digits, derived from the case id. Ring and lead ids stay the same from one scan to the next as
long as the ring keeps its first case, and the case its id.
"""


def field_docs(cls: type) -> dict[str, str]:
    """Field name -> the ``#:`` comment lines written just above it in ``cls``'s source."""
    lines, _start = inspect.getsourcelines(cls)
    tree = ast.parse(textwrap.dedent("".join(lines)))
    body = tree.body[0]
    assert isinstance(body, ast.ClassDef)
    docs = {}
    for node in body.body:
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            comment: list[str] = []
            above = node.lineno - 1  # the field's own line, counted from 0
            while above > 0 and lines[above - 1].strip().startswith("#:"):
                comment.insert(0, lines[above - 1].strip().removeprefix("#:").strip())
                above -= 1
            docs[node.target.id] = " ".join(comment).replace("``", "`")
    return docs


def _summary(cls: type) -> str:
    """The class docstring's first paragraph, on one line."""
    text = " ".join((inspect.getdoc(cls) or "").split("\n\n")[0].split())
    return text.replace("``", "`")  # reStructuredText literals as Markdown code


def _type(hint: object) -> FieldSchema:
    """The JSON Schema of one field type (what ``to_dict`` writes for it)."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if hint in _SCALARS:
        return {"type": _SCALARS[hint]}
    if origin in (types.UnionType, typing.Union):
        parts = [_type(a) for a in args]
        if all(set(p) == {"type"} for p in parts):
            return {"type": [t for p in parts
                             for t in ([p["type"]] if isinstance(p["type"], str) else p["type"])]}
        return {"anyOf": parts}
    if origin is tuple and args[1:] == (Ellipsis,):
        return {"type": "array", "items": _type(args[0])}
    if origin is dict and args[0] is str:
        return {"type": "object", "additionalProperties": _type(args[1])}
    if isinstance(hint, type) and issubclass(hint, Record):
        return {"$ref": f"#/$defs/{hint.__name__}"}
    if hint is RuleConfig:
        return {"type": "object", "required": ["scoring", "rules", "exposure", "source"],
                "description": "the rules file in force, parsed: see docs/rules.md"}
    raise TypeError(f"no JSON Schema for {hint!r}: add it to results_schema._type")


def _definition(cls: type[Record]) -> RecordSchema:
    hints = typing.get_type_hints(cls)
    docs = field_docs(cls)
    names = [f.name for f in fields(cls)]
    return {"type": "object", "description": _summary(cls),
            "properties": {n: {**_type(hints[n]), "description": docs[n]} for n in names},
            "required": names, "additionalProperties": False}


def json_schema() -> ResultsSchema:
    """The JSON Schema (2020-12) of a stored scan, one definition per record."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"ringtrace:results.v{SCHEMA_VERSION}",
        "title": "ringtrace scan results",
        "description": f"What `ringtrace scan` stores, schema version {SCHEMA_VERSION} "
                       "(docs/results-schema.md).",
        "version": SCHEMA_VERSION,
        "$ref": "#/$defs/StoredScan",
        "$defs": {cls.__name__: _definition(cls) for cls in RECORDS},
    }


def _shown(spec: FieldSchema) -> str:
    """A field type as the Markdown table shows it."""
    if "$ref" in spec:
        name = spec["$ref"].rsplit("/", 1)[1]
        return f"[{name}](#{name.lower()})"
    if "anyOf" in spec:
        return " or ".join(_shown(s) for s in spec["anyOf"])
    kind = spec["type"]
    if isinstance(kind, list):
        return " or ".join(kind)
    if kind == "array":
        return f"list of {_shown(spec['items'])}"
    if kind == "object" and "additionalProperties" in spec:
        return f"object of {_shown(spec['additionalProperties'])}"
    return str(kind)


def markdown() -> str:
    """docs/results-schema.md."""
    schema = json_schema()
    out = ["# Scan results schema", "", _INTRO.format(version=SCHEMA_VERSION)]
    for cls in RECORDS:
        spec = schema["$defs"][cls.__name__]
        out += [f"## {cls.__name__}", "", spec["description"], "",
                "| field | type | meaning |", "|---|---|---|"]
        out += [f"| `{name}` | {_shown(p)} | {p['description']} |"
                for name, p in spec["properties"].items()]
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def rendered() -> dict[Path, str]:
    """Each generated file (relative to the repository) and its text."""
    text = json.dumps(json_schema(), ensure_ascii=False, indent="  ") + "\n"
    return {SCHEMA_FILE: text, DOC_FILE: markdown()}


def main(argv: list[str]) -> int:
    """Write the files under the current directory (the repository), or with ``--check``
    report the stale ones and return 1."""
    stale = [path for path, text in rendered().items()
             if not path.is_file() or path.read_text("utf-8") != text]
    if "--check" in argv:
        for path in stale:
            print(f"{path} is stale: run python -m ringtrace.queries.results_schema")
        return 1 if stale else 0
    for path, text in rendered().items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
