"""Declarative column mappings (``loaders/mappings/*.yaml``) from tabular rows to records.

A mapping names the record class and, per record field, the header spellings that mean it and
how the cell is parsed. :class:`Mapping` matches a file's header once, then turns each row into a
record or a :class:`~ringtrace.errors.RecordProblem` naming the file, line and column.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from ringtrace.errors import LoadError, RecordProblem
from ringtrace.graph import records as rec
from ringtrace.loaders.values import PARSERS

_RECORD_CLASSES: dict[str, type] = {
    "RegistryRecord": rec.RegistryRecord,
    "BackPaymentRecord": rec.BackPaymentRecord,
}


_VALIDATORS: dict[type, Callable[[dict[str, Any]], Any]] = {
    rec.RegistryRecord: rec.registry_from_dict,
    rec.BackPaymentRecord: rec.backpayment_from_dict,
}


def _header_key(text: str) -> str:
    """A header as compared: without spaces, brackets, colons, asterisks and slashes, so that
    ``统一社会信用代码/注册号`` and ``统一社会信用代码（注册号）`` are one spelling."""
    return re.sub(r"[\s()（）\[\]【】*:：/／]", "", str(text)).lower()


@dataclass(frozen=True)
class FieldSpec:
    name: str
    aliases: tuple[str, ...]
    type: str
    required: bool


@dataclass(frozen=True)
class Mapping:
    name: str
    record: type
    fields: tuple[FieldSpec, ...]

    def match_header(self, header: list[str], file: str) -> dict[str, int]:
        """Column index per record field; a missing required column raises LoadError."""
        keys = [_header_key(h) for h in header]
        found: dict[str, int] = {}
        for spec in self.fields:
            for alias in spec.aliases:
                key = _header_key(alias)
                if key in keys:
                    found[spec.name] = keys.index(key)
                    break
        missing = [s for s in self.fields if s.required and s.name not in found]
        if missing:
            wanted = "; ".join(f"{s.name} (one of: {', '.join(s.aliases)})" for s in missing)
            raise LoadError(f"{file}: header lacks required column(s) {wanted}; header found: "
                            f"{', '.join(header)}")
        return found

    def score(self, header: list[str]) -> int:
        """How many of this mapping's fields the header provides (to pick a mapping)."""
        keys = {_header_key(h) for h in header}
        return sum(any(_header_key(a) in keys for a in s.aliases) for s in self.fields)

    def row(self, columns: dict[str, int], cells: list[Any], file: str,
            line: int) -> Any | RecordProblem:
        """The record of one row, or a problem naming the column at fault.

        Any failure of a cell's parser (a bad date, an overflowing number, NaN…) quarantines
        the row; the record is then validated against its declared schema
        (:mod:`ringtrace.graph.records`).
        """
        values: dict[str, Any] = {}
        for spec in self.fields:
            idx = columns.get(spec.name)
            cell = cells[idx] if idx is not None and idx < len(cells) else None
            try:
                value = PARSERS[spec.type](cell)
            except Exception as exc:  # any cell failure quarantines the row, never the file
                reason = str(exc) if isinstance(exc, ValueError) else (
                    f"cannot read the cell ({type(exc).__name__}: {exc})")
                return RecordProblem(file, line, spec.aliases[0], reason, _raw(cells))
            if value in (None, []) and spec.required:
                return RecordProblem(file, line, spec.aliases[0], "required value is empty",
                                     _raw(cells))
            if value is not None:
                values[spec.name] = value
        validate = _VALIDATORS.get(self.record)
        if validate is None:
            return self.record(**values)
        try:
            return validate(values)
        except rec.RecordInvalid as exc:
            column = next((s.aliases[0] for s in self.fields
                           if s.name == exc.field.split("[")[0]), exc.field)
            return RecordProblem(file, line, column, exc.reason, _raw(cells))


def _raw(cells: list[Any]) -> str:
    return ",".join("" if c is None else str(c) for c in cells)[:2000]


@cache
def load_mapping(name: str) -> Mapping:
    """A packaged mapping by name (``registry`` or ``backpayments``)."""
    try:
        text = resources.files("ringtrace.loaders").joinpath("mappings").joinpath(
            f"{name}.yaml").read_text("utf-8")
    except FileNotFoundError as exc:
        raise LoadError(f"no mapping named {name!r}") from exc
    data = yaml.safe_load(text)
    fields = tuple(
        FieldSpec(name=f, aliases=tuple(spec["aliases"]), type=spec.get("type", "string"),
                  required=bool(spec.get("required", False)))
        for f, spec in data["fields"].items())
    for spec in fields:
        if spec.type not in PARSERS:
            raise LoadError(f"mapping {name}: field {spec.name} has unknown type {spec.type!r}")
    return Mapping(name=name, record=_RECORD_CLASSES[data["record"]], fields=fields)
