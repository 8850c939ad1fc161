"""Parse an altcorpus's documents with ringtrace's parser and compare each field with what
the document states (``truth.json``'s ``facts``): ``python -m tools.altcorpus.compare DIR``.

Ring figures say *that* detection missed; this says *where* the reading went wrong - a party
dropped, a period misread, an admission taken for a contest - per field, with examples.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ringtrace.loaders.judgments import parse_file
from ringtrace.loaders.judgments.tradsimp import to_simplified

DOCUMENT = {"judgment": "判决书", "mediation": "调解书", "award": "裁决书", "arb_mediation": "调解书",
            "refusal": "不予受理通知书", "employer_suit": "判决书"}
RESPONSE = {"admit": {"no_objection", "admits"}, "partial": {"partial"}, "contest": {"contests"},
            "absent": {"absent"}}


@dataclass
class Tally:
    """Checks and misses per field, with up to four examples of each miss."""

    checked: Counter[str] = field(default_factory=Counter)
    missed: Counter[str] = field(default_factory=Counter)
    examples: dict[str, list[tuple[str, str, Any, Any]]] = field(
        default_factory=lambda: defaultdict(list))

    def check(self, name: str, ok: bool, case: dict[str, Any], got: Any, want: Any) -> None:
        self.checked[name] += 1
        if not ok:
            self.missed[name] += 1
            if len(self.examples[name]) < 4:
                self.examples[name].append((case["file"], case["layout"], got, want))


def compare(corpus: Path) -> Tally:
    truth = json.loads((corpus / "truth.json").read_text("utf-8"))
    tally = Tally()
    for case in truth["cases"]:
        facts = case["facts"]
        record = parse_file(corpus / case["file"]).record
        if record is None:
            tally.check("record", False, case, None, "a record")
            continue
        tally.check("record", True, case, None, None)

        def simple(text: str | None) -> str | None:
            return to_simplified(text) if text else text

        if not case["layout"].startswith("repost"):
            tally.check("case_number", simple(record.case_number) == simple(case["case_number"]),
                        case, record.case_number, case["case_number"])
            tally.check("forum", simple(record.forum) == case["forum"], case, record.forum,
                        case["forum"])
        tally.check("document_type", DOCUMENT[facts["document"]] in (record.document_type or ""),
                    case, record.document_type, facts["document"])
        workers = [simple(p.name) for p in record.parties if p.side == "worker"]
        employers = [simple(p.name) for p in record.parties if p.side == "employer"]
        tally.check("applicant", workers == [facts["applicant"]], case, workers, facts["applicant"])
        tally.check("employer", employers == [facts["employer"]], case, employers, facts["employer"])
        supporters = [simple(p.name) for p in record.parties if p.role == "supporter"]
        tally.check("supporter", supporters == ([facts["supporter"]] if facts["supporter"] else []),
                    case, supporters, facts["supporter"])
        agents = {simple(a.name) for a in record.agents}
        wanted = {a for a in (facts["applicant_agent"], facts["employer_agent"]) if a}
        tally.check("agents", agents == wanted, case, sorted(a or "" for a in agents), sorted(wanted))
        if facts["document"] == "refusal":
            continue
        tally.check("claimed_start", record.claimed_start == facts["start"], case,
                    record.claimed_start, facts["start"])
        tally.check("claimed_end", record.claimed_end == facts["end"], case, record.claimed_end,
                    facts["end"])
        tally.check("claim_kind", (record.claim_kind == "with_amounts") == bool(facts["wages"]),
                    case, record.claim_kind, facts["wages"])
        if facts["document"] in ("judgment", "award"):
            ok = record.defendant_response in RESPONSE[facts["stance"]] or (
                facts["stance"] == "absent" and record.absent)
            tally.check("response", ok, case, record.defendant_response, facts["stance"])
    return tally


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.altcorpus.compare", description=__doc__)
    parser.add_argument("corpus", type=Path)
    tally = compare(parser.parse_args(argv).corpus)
    for name, n in tally.checked.items():
        print(f"{name:14s} {n - tally.missed[name]}/{n} = {(n - tally.missed[name]) / n:.3f}")
    for name, examples in tally.examples.items():
        print(f"== {name}")
        for example in examples:
            print("  ", *example)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
