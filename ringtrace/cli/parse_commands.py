"""``parse``: read judgments, mediation statements and awards into case records, without a store."""

from __future__ import annotations

from pathlib import Path

import click

from ringtrace.cli.app import cli
from ringtrace.cli.output import echo, json_line
from ringtrace.errors import LoadError
from ringtrace.graph.records import CaseRecord
from ringtrace.loaders.judgments import SUFFIXES, parse_file


def _documents(paths: tuple[Path, ...]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES
                            and not p.name.startswith("."))
        else:
            found.append(path)
    return found


def summary(record: CaseRecord) -> str:
    """A few readable lines about one parsed document."""
    head = "  ".join(v for v in (record.case_number or "(no case number)", record.forum,
                                 record.document_type, record.procedure, record.cause or "")
                     if v)
    lines = [head]
    for p in record.parties:
        facts = ", ".join(v for v in (p.sex, p.birth_date, p.uscc) if v)
        lines.append(f"  {p.role_in_text or p.role}: {p.name} [{p.side}]"
                     + (f" ({facts})" if facts else ""))
    for a in record.agents:
        detail = a.law_firm or a.relation or ""
        lines.append(f"  agent {a.name} -> {', '.join(a.represents) or '?'} [{a.kind}]"
                     + (f" {detail}" if detail else ""))
    period = f"{record.claimed_start or '?'} ~ {record.claimed_end or '?'}"
    lines.append(f"  claim {record.claim_kind}, period {period}; response "
                 f"{record.defendant_response}{' (absent)' if record.absent else ''}; outcome "
                 f"{record.outcome}; decided {record.decision_date or '?'}")
    return "\n".join(lines)


@cli.command("parse")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--json", "as_json", is_flag=True,
              help="One interchange JSON object per document and line (Chinese kept readable).")
@click.option("--encoding", help="Encoding of text files (default: detect UTF-8 / GB18030).")
def parse(files: tuple[Path, ...], as_json: bool, encoding: str | None) -> None:
    """Parse judgments, mediation statements and awards (.txt, .html, .docx) into case records.

    FILES are documents or folders of documents. Problems (missing fields, doubtful codes,
    quarantined documents) go to stderr; the exit status is 1 if any document gave no record.

    \b
    Examples:
      ringtrace parse judgment.txt
      ringtrace parse judgments/ --json > cases.jsonl
      ringtrace parse award_gbk.txt --encoding gb18030
    """
    failed = 0
    for path in _documents(files):
        try:
            outcome = parse_file(path, encoding=encoding)
        except LoadError as exc:
            echo(f"error: {exc}", err=True)
            failed += 1
            continue
        for problem in outcome.problems:
            echo(f"{problem.severity}: {problem}", err=True)
        if outcome.record is None:
            failed += 1
        elif as_json:
            click.echo(json_line(outcome.record.to_dict()))
        else:
            echo(summary(outcome.record))
    if failed:
        raise click.exceptions.Exit(1)
