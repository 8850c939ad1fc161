"""Ground truth for every case, document and mention: who each printed name really is.

Detection and entity resolution are scored against what the documents *print* (masked,
traditional, namesakes, variant company spellings), so the truth names every mention as printed
in its document together with a true identity key:

* ``P:000123`` for a natural person (a worker, an agent, a legal representative); the same
  intermediary acting in thirty cases has one key, printed in full or as a bare name;
* ``E:000045`` for an organisation: employers (numbered in creation order, so registry rows
  and documents share keys) and, after them, the supporting procuratorates, unions and
  legal-aid centres.

Keys are stable within a world (same seed and level, same keys) and mean nothing across worlds.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ringtrace.synth.employers import Employer
from ringtrace.synth.people import Person
from ringtrace.synth.plan import CasePlan, Supporter

if TYPE_CHECKING:
    from ringtrace.graph.records import CaseRecord
    from ringtrace.synth.assemble import Mention
    from ringtrace.synth.render import Document
    from ringtrace.synth.world import World


class TruthBook:
    """Collects ``truth.json``'s ``cases`` and ``registry`` lists while files are written."""

    def __init__(self, world: World) -> None:
        self.world = world
        self._employers = {id(e): i for i, e in enumerate(world.employers)}
        self._orgs: dict[int, str] = {}
        self._people: dict[int, str] = {}
        self._known: dict[int, str] = {}
        self._keep: list[object] = []  # subjects keyed by id() stay alive (ids stay unique)
        self.cases: list[dict[str, Any]] = []
        self.registry: list[dict[str, Any]] = []
        #: documents that are no cases: retrials revoking a planted suit (file, number, revokes)
        self.retrials: list[dict[str, str]] = []
        #: retrials of genuine suits, upheld or revoked with no sham (file, number, reviews, kind)
        self.control_retrials: list[dict[str, str]] = []

    def key(self, subject: object) -> str:
        """The identity key of a Person, Employer or Supporter (assigned on first sight)."""
        ident = id(subject)
        known = self._known.get(ident)
        if known is None:
            known = self._known[ident] = self._new_key(subject)
        return known

    def _new_key(self, subject: object) -> str:
        ident = id(subject)
        if isinstance(subject, Person):
            found = self._people.get(ident)
            if found is None:
                found = self._people[ident] = f"P:{len(self._people) + 1:06d}"
                self._keep.append(subject)
            return found
        if isinstance(subject, Employer):
            index = self._employers.get(ident)
            if index is None:  # created after the book (registry filler): number it now
                index = self._employers[ident] = len(self._employers) + 10**5
                self._keep.append(subject)
            return f"E:{index + 1:06d}"
        if isinstance(subject, Supporter):
            found = self._orgs.get(ident)
            if found is None:
                number = len(self.world.employers) + len(self._orgs) + 1
                found = self._orgs[ident] = f"E:{number:06d}"
                self._keep.append(subject)
            return found
        raise TypeError(f"no identity for {subject!r}")

    def add_case(self, line: int, plan: CasePlan, record: CaseRecord, document: Document | None,
                 mentions: list[Mention] | None = None) -> None:
        """One truth entry per document (a duplicated case has two), or per record when no
        documents are written."""
        known, key = self._known, self.key
        entry: dict[str, Any] = {"file": None, "line": line, "case_number": record.case_number,
                                 "forum": plan.forum.name, "group": plan.group,
                                 "kind": plan.label, "ring_id": plan.ring_id}
        if document is not None:
            mentions = document.mentions
            entry["file"], entry["case_number"] = document.file, document.case_number
            if document.duplicate_of:
                entry["duplicate_of"] = document.duplicate_of
            if document.layout:
                entry["layout"] = document.layout
        entry["mentions"] = [
            {"role": m.role, "side": m.side, "printed": m.printed,
             "entity": known.get(id(m.subject)) or key(m.subject)} for m in mentions or ()]
        self.cases.append(entry)

    def add_registry(self, table: list[tuple[Employer, dict[str, Any]]]) -> None:
        """One entry per registry row: its printed name and the firm's key."""
        for row, (emp, cells) in enumerate(table):
            self.registry.append({"row": row, "printed": cells["name"], "entity": self.key(emp)})
