"""docs/results-schema.md and the JSON Schema agree with the records, and with a real scan."""

from __future__ import annotations

from pathlib import Path
from typing import Any, cast

from ringtrace.graph.store import SQLiteStore
from ringtrace.queries import results_schema
from ringtrace.queries.model import SCHEMA_VERSION
from tests.scanned_province import ScannedProvince

ROOT = Path(__file__).resolve().parents[2]

_TYPES: dict[str, type | tuple[type, ...]] = {"string": str, "integer": int, "number": (int, float), "boolean": bool,
          "null": type(None), "object": dict, "array": list}


def problems(value: Any, spec: dict[str, Any], defs: dict[str, Any], where: str = "$"
             ) -> list[str]:
    """Where ``value`` breaks ``spec`` (the subset of JSON Schema the generator writes)."""
    if "$ref" in spec:
        return problems(value, defs[spec["$ref"].rsplit("/", 1)[1]], defs, where)
    if "anyOf" in spec:
        found = [problems(value, s, defs, where) for s in spec["anyOf"]]
        return [] if any(not f for f in found) else found[0]
    kinds = spec["type"] if isinstance(spec["type"], list) else [spec["type"]]
    if not any(isinstance(value, _TYPES[k]) and not (k != "boolean" and isinstance(value, bool))
               for k in kinds):
        return [f"{where}: {type(value).__name__}, not {'/'.join(kinds)}"]
    out: list[str] = []
    if isinstance(value, dict):
        for key in spec.get("required", []):
            if key not in value:
                out.append(f"{where}: no {key}")
        props = spec.get("properties")
        for key, item in value.items():
            if props is not None and key not in props:
                out.append(f"{where}: unknown key {key}")
            elif props is not None:
                out += problems(item, props[key], defs, f"{where}.{key}")
            elif isinstance(spec.get("additionalProperties"), dict):
                out += problems(item, spec["additionalProperties"], defs, f"{where}[{key!r}]")
    if isinstance(value, list) and "items" in spec:
        for i, item in enumerate(value):
            out += problems(item, spec["items"], defs, f"{where}[{i}]")
    return out


def test_the_schema_files_are_generated_from_the_records() -> None:
    for path, text in results_schema.rendered().items():
        assert (ROOT / path).read_text("utf-8") == text, (
            f"{path} differs from the records in ringtrace/queries/model.py: "
            "run python -m ringtrace.queries.results_schema")


def test_every_field_says_what_it_means() -> None:
    schema = results_schema.json_schema()
    assert schema["version"] == SCHEMA_VERSION
    for name, spec in schema["$defs"].items():
        assert spec["description"], f"{name} has no docstring"
        for field, prop in spec["properties"].items():
            assert prop["description"], f"{name}.{field} has no #: comment"


def test_a_stored_scan_is_valid_against_the_schema(scanned_province: ScannedProvince) -> None:
    # read as the plain JSON document it is, by the generic checker above
    schema = cast("dict[str, Any]", results_schema.json_schema())
    with SQLiteStore.open(scanned_province.workspace, create=False) as store:
        raw = store.load_scan()
    assert raw is not None
    assert problems(raw, schema, schema["$defs"]) == []
    # and the check is real: a renamed key and a wrong type are both caught
    ring = dict(raw["rings"][0])
    ring["ringid"] = ring.pop("ring_id")
    ring["rank"] = "1"
    assert problems(ring, {"$ref": "#/$defs/RingRecord"}, schema["$defs"], "ring") == [
        "ring: no ring_id", "ring.rank: str, not integer", "ring: unknown key ringid"]
