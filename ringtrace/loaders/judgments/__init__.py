"""Read real documents: judgments, rulings, mediation statements and arbitration awards.

Entry points (used by ``ringtrace ingest`` and ``ringtrace parse``)::

    outcome = parse_file(Path("judgments/2021豫0502民初1234号.txt"))
    outcome.record      # CaseRecord | None
    outcome.problems    # list[RecordProblem]: warnings, or why the file was quarantined

:func:`parse_text` never raises, whatever the text. :func:`parse_file` raises
:class:`~ringtrace.errors.LoadError` only when the file cannot be read or decoded (naming the
file and suggesting ``--encoding``). ``docs/parser.md`` lists what is extracted and how.
"""

from __future__ import annotations

from pathlib import Path

from ringtrace.errors import LoadError, RecordProblem
from ringtrace.loaders.encoding import decode_bytes
from ringtrace.loaders.judgments.outcome import relationship_confirmed
from ringtrace.loaders.judgments.parser import ParseOutcome, parse_document, sha256_text
from ringtrace.loaders.judgments.text import docx_to_text

#: The file kinds the parser reads.
SUFFIXES = (".txt", ".html", ".htm", ".docx")

__all__ = ["SUFFIXES", "ParseOutcome", "parse_file", "parse_text", "relationship_confirmed",
           "sha256_text"]


def parse_text(text: str, source_path: str | None = None) -> ParseOutcome:
    """Parse one document given as text (plain or HTML). Never raises.

    ``record.doc_id`` is the sha256 of ``text``; ``record.source_path`` is ``source_path``.
    """
    try:
        return parse_document(text, source_path)
    except Exception as exc:  # the contract: quarantine the document, never crash an ingest
        return ParseOutcome(None, [RecordProblem(
            source_path or "<text>", 1, "", f"parser error ({type(exc).__name__}: {exc}); "
            "please report this document", text[:200])])


def parse_file(path: Path, encoding: str | None = None) -> ParseOutcome:
    """Parse a ``.txt``, ``.html``/``.htm`` or ``.docx`` file.

    Text files are decoded as UTF-8 or GB18030 (detected) unless ``encoding`` is given.
    Raises :class:`~ringtrace.errors.LoadError` for a missing, unreadable or undecodable file.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise LoadError(f"{path}: not a document the parser reads (expected one of "
                        f"{', '.join(SUFFIXES)})")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise LoadError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    text = docx_to_text(data, str(path)) if suffix == ".docx" else decode_bytes(data, path,
                                                                                 encoding)
    return parse_text(text, str(path))
