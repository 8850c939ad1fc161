"""Outcome feedback files (CSV/XLSX: lead id, outcome, date, note) read into records.

Columns are matched through ``loaders/mappings/feedback.yaml`` with the same machinery as the
registry and back-payment loaders (:class:`~ringtrace.loaders.mapping.Mapping`); the same file
also declares the accepted outcomes (核实属实, 不属实, 再审检察建议, …), their spellings and
what each means for the lead. A bad row becomes a :class:`~ringtrace.errors.RecordProblem`
naming the file, line and column, and the good rows still come through.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from ringtrace.errors import LoadError, RecordProblem
from ringtrace.graph.identity import clean
from ringtrace.graph.records import FeedbackRecord
from ringtrace.loaders.mapping import FieldSpec, Mapping
from ringtrace.loaders.tabular import BadRow, read_table, undecodable
from ringtrace.loaders.values import PARSERS

__all__ = ["Outcome", "feedback_mapping", "outcomes", "read_feedback"]


@dataclass(frozen=True)
class Outcome:
    """An accepted outcome: its canonical name, what it means for the lead, its stage."""

    name: str
    verdict: bool | None
    stage: int


@cache
def _spec() -> dict[str, Any]:
    text = resources.files("ringtrace.loaders").joinpath("mappings", "feedback.yaml").read_text(
        "utf-8")
    data = yaml.safe_load(text)
    if not isinstance(data, dict) or "fields" not in data or "outcomes" not in data:
        raise LoadError("mappings/feedback.yaml must declare `fields` and `outcomes`")
    return data


@cache
def feedback_mapping() -> Mapping:
    """The column mapping of feedback files (``mappings/feedback.yaml`` ``fields``)."""
    fields = tuple(
        FieldSpec(name=name, aliases=tuple(spec["aliases"]), type=spec.get("type", "string"),
                  required=bool(spec.get("required", False)))
        for name, spec in _spec()["fields"].items())
    for spec in fields:
        if spec.type not in PARSERS:
            raise LoadError(f"mapping feedback: field {spec.name} has unknown type {spec.type!r}")
    return Mapping(name="feedback", record=FeedbackRecord, fields=fields)


@cache
def outcomes() -> dict[str, Outcome]:
    """Every accepted spelling (cleaned) -> its canonical outcome."""
    table: dict[str, Outcome] = {}
    for name, spec in _spec()["outcomes"].items():
        outcome = Outcome(name=name, verdict=spec.get("verdict"), stage=int(spec.get("stage", 0)))
        for spelling in (name, *spec.get("aliases", ())):
            table[clean(str(spelling)).lower()] = outcome
    return table


def _column(mapping: Mapping, field: str) -> str:
    return next(s.aliases[0] for s in mapping.fields if s.name == field)


def read_feedback(path: Path, encoding: str | None = None
                  ) -> Iterator[FeedbackRecord | RecordProblem]:
    """Yield one :class:`FeedbackRecord` per good row and one problem per bad row.

    Raises :class:`~ringtrace.errors.LoadError` when the file cannot be read at all or its
    header lacks the outcome or date column.
    """
    mapping = feedback_mapping()
    header, rows, used = read_table(path, encoding)
    file = str(path)
    columns = mapping.match_header(header, file)
    if "lead_id" not in columns and "case_number" not in columns:
        raise LoadError(f"{file}: header needs a lead-id column ({_column(mapping, 'lead_id')}) "
                        f"or a case-number column ({_column(mapping, 'case_number')}); header "
                        f"found: {', '.join(header)}")
    accepted = outcomes()
    for read in rows:
        if isinstance(read, BadRow):
            yield RecordProblem(file, read.line, "", read.reason)
            continue
        line, cells = read
        raw = ",".join("" if c is None else str(c) for c in cells)[:2000]
        if undecodable(cells):
            yield RecordProblem(file, line, "", f"bytes not valid {used}; pass --encoding "
                                "gb18030 or re-save the file as UTF-8", raw[:500])
            continue
        item = mapping.row(columns, cells, file, line)
        if isinstance(item, RecordProblem):
            yield item
            continue
        assert isinstance(item, FeedbackRecord)
        outcome = accepted.get(clean(item.outcome).lower())
        if outcome is None:
            names = "、".join(dict.fromkeys(o.name for o in accepted.values()))
            yield RecordProblem(file, line, _column(mapping, "outcome"),
                                f"unknown outcome {item.outcome!r}; accepted: {names}", raw)
            continue
        if not item.lead_id and not item.case_number:
            yield RecordProblem(file, line, _column(mapping, "lead_id"),
                                "the row names no lead: give the lead id (线索编号) or the case "
                                "number (案号)", raw)
            continue
        item.outcome, item.verdict, item.stage = outcome.name, outcome.verdict, outcome.stage
        item.source_file, item.source_line = file, line
        yield item
