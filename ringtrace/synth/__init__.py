"""A deterministic synthetic province: the test bed for detection.

:func:`generate` writes what an analyst would have (an enterprise-registry export, case records
in the interchange format, a 补缴 ledger and, optionally, raw document texts) plus
``truth.json`` with the rings and the legitimate look-alikes. Everything follows from the seed:
the same seed gives byte-identical files.

Only the CLI and the tests import this package.
"""

from __future__ import annotations

import gc
import random
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ringtrace.errors import RingtraceError
from ringtrace.graph.identity import normalize_case_number
from ringtrace.synth import ids, names, writers
from ringtrace.synth.assemble import Assembler
from ringtrace.synth.background import background
from ringtrace.synth.casenumbers import assign_numbers, with_priors
from ringtrace.synth.control_retrials import ControlRetrial, control_retrials
from ringtrace.synth.decoys import DECOYS
from ringtrace.synth.lookalikes import LOOKALIKES
from ringtrace.synth.plan import CasePlan
from ringtrace.synth.retrials import Retrial, retrial_documents
from ringtrace.synth.rings import Ring, make_ring, ring_size
from ringtrace.synth.rng import Rng
from ringtrace.synth.truth import TruthBook
from ringtrace.synth.typologies import ALL_TYPOLOGIES, TYPOLOGIES, Typology, select
from ringtrace.synth.variation import REGISTRY_FORMATS, Variation, draw
from ringtrace.synth.world import World

if TYPE_CHECKING:
    from ringtrace.synth.render import DocumentWriter

__all__ = ["ALL_TYPOLOGIES", "GENERATOR_VERSION", "TYPOLOGIES", "SynthSummary", "Variation",
           "generate"]

#: 1.1: truth.json gained ``variation``, ``cases`` (every document and mention; the case count
#: moved to ``case_count``) and ``registry``; level-0 files are otherwise byte-identical to 1.0.
GENERATOR_VERSION = "1.1"
#: Share of all cases that belong to rings (70-85% of confirmation cases stay legitimate).
SHAM_SHARE = 0.12


@dataclass
class SynthSummary:
    """What :func:`generate` wrote: files and counts (for the CLI summary and tests)."""

    out_dir: str
    seed: int
    cases: int
    variation: float = 0.0
    files: list[str] = field(default_factory=list)
    rings: dict[str, int] = field(default_factory=dict)  # typology -> rings
    ring_cases: dict[str, int] = field(default_factory=dict)  # typology -> cases
    decoys: dict[str, int] = field(default_factory=dict)  # decoy kind -> cases
    background: int = 0
    sham_cases: int = 0
    confirmation_cases: int = 0
    registry_rows: int = 0
    backpayments: int = 0
    documents: int = 0
    #: retrial documents revoking a ring's suit as a sham (no cases of the truth)
    retrials: int = 0
    #: retrial documents reviewing a genuine suit (upheld, revoked or remanded, no sham)
    control_retrials: int = 0

    @property
    def legitimate_confirmation_share(self) -> float:
        if not self.confirmation_cases:
            return 1.0
        sham_confirmations = self.sham_cases  # every ring case is a confirmation claim
        return 1.0 - sham_confirmations / self.confirmation_cases

    def to_dict(self) -> dict[str, Any]:
        data = dict(self.__dict__)
        data["legitimate_confirmation_share"] = round(self.legitimate_confirmation_share, 4)
        return data


def _rings(world: World, rng: random.Random, typologies: list[Typology],
           budget: int) -> list[Ring]:
    """Rings filling ``budget`` cases: one of each typology first, then by typology share."""
    rings: list[Ring] = []
    remaining = budget
    order = list(typologies)
    shares = dict(world.var.typology_shares) if world.var.active else {}
    weights = [shares.get(t.name, t.share) for t in typologies]
    while remaining >= 2 and typologies:
        typ = order.pop(0) if order else rng.choices(typologies, weights=weights)[0]
        size = ring_size(rng, typ)
        size = min(size, remaining)
        if remaining - size == 1:
            size += 1
        ring = make_ring(world, rng, f"ring-{len(rings) + 1:04d}", typ, size)
        del ring.plans[remaining:]  # appeals of refused claims come last and go first
        rings.append(ring)
        remaining -= len(ring.plans)
    return rings


def _plan_province(world: World, seed: int, cases: int, typologies: list[Typology]
                   ) -> tuple[list[Ring], list[CasePlan]]:
    var = world.var
    sham_share = var.sham_share if var.active else SHAM_SHARE
    sham_budget = round(cases * sham_share) if typologies else 0
    rings = _rings(world, Rng(f"{seed}:rings"), typologies, sham_budget)
    plans = [p for ring in rings for p in ring.plans]
    decoy_shares = var.decoy_shares if var.active else tuple(
        (kind, share) for kind, (share, _) in DECOYS.items())
    for kind, share in decoy_shares:
        make = DECOYS[kind][1] if kind in DECOYS else LOOKALIKES[kind]
        budget = min(round(cases * share), cases - len(plans))
        if var.active and budget <= 0:
            continue
        plans += make(world, Rng(f"{seed}:decoy:{kind}"), budget)
    plans += background(world, Rng(f"{seed}:background"), cases - len(plans))
    return rings, plans


def _registry_filler(world: World, seed: int) -> None:
    """Firms that appear in no case (a registry export covers the whole area), and the few
    case employers a registry search does not find."""
    rng = Rng(f"{seed}:registry")
    missing = 1.0 - world.var.registry_coverage if world.var.active else 0.02
    for emp in world.employers:
        if rng.random() < missing:
            emp.in_registry = False
    for _ in range(len(world.employers) // 4):
        world.employer(rng, world.county(rng), rng.choice(("small", "small", "general",
                                                            "closing", "soe")))
    if world.var.active:  # firms closed before the 2015 reform never got a USCC
        old = Rng(f"{seed}:regnumber")
        for emp in world.employers:
            gone = emp.defunct_since
            if gone is not None and gone.year < 2016 \
                    and old.random() < world.var.regnumber_only_share:
                emp.reg_number, emp.uscc = ids.registration_number(old, emp.county.code), ""


def _truth(seed: int, cases: int, rings: list[Ring], plans: list[CasePlan],
           book: TruthBook) -> dict[str, Any]:
    return {
        "seed": seed,
        "case_count": cases,
        "generator_version": GENERATOR_VERSION,
        "rings": [{
            "ring_id": ring.ring_id,
            "typology": ring.typology,
            "intermediary": {"name": ring.intermediary.name,
                             "birth_date": ring.intermediary.birth_iso,
                             "phone": ring.intermediary.phone},
            "agents": list(dict.fromkeys(p.name for p in ring.agents)),
            "employers": list(dict.fromkeys(e.name for e in ring.employers)),
            "applicants": [p.name for p in ring.applicants],
            "case_numbers": [p.written_number for p in ring.plans],
            "forums": list(dict.fromkeys(p.forum.name for p in ring.plans)),
        } for ring in rings],
        "decoys": [{"case_number": p.written_number, "forum": p.forum.name, "kind": p.label}
                   for p in plans if p.group == "decoy"],
        "sham_case_numbers": [p.written_number for p in plans if p.sham],
        "variation": book.world.var.to_json(),
        "cases": book.cases,
        "registry": book.registry,
        # a varied world's documents that are no cases (level 0 writes the 1.1 keys only)
        **({"retrials": book.retrials, "control_retrials": book.control_retrials}
           if book.world.var.active else {}),
    }


def generate(out_dir: str | Path, seed: int, cases: int, typologies: str | list[str] | None = None,
             texts: bool = False, registry_format: str | None = None,
             variation: float = 0.0) -> SynthSummary:
    """Write a synthetic province of ``cases`` case records into ``out_dir``.

    Parameters
    ----------
    out_dir : directory to create or reuse; existing generated files are overwritten.
    seed : everything is derived from it; the same seed gives byte-identical files.
    cases : number of case records (lines of ``cases.jsonl``).
    typologies : ring typologies to include (names from :data:`TYPOLOGIES`, a comma list,
        ``"all"`` or ``"none"``); default all.
    texts : also write one raw document per case under ``documents/``.
    registry_format : ``csv`` (``registry.csv``), ``xlsx`` (``registry.xlsx``), or a
        Tianyancha-style export, ``tyc-jsonl`` (``registry.jsonl``) or ``tyc-xlsx``
        (``registry.xlsx`` with Tianyancha field names); default ``csv``, or the world's
        drawn format when ``variation`` is above 0.
    variation : 0 (today's generator, byte for byte) to 1 (the widest realistic spread):
        how far this world's proportions, formats, layouts, wording, names, noise and
        registry depart from the defaults (:mod:`ringtrace.synth.variation`). Varied worlds
        also contain the new look-alikes and ring typologies.

    Examples
    --------
    >>> import tempfile
    >>> s = generate(tempfile.mkdtemp(), seed=1, cases=200)
    >>> s.cases, sorted(s.files)[:2]
    (200, ['backpayments.csv', 'cases.jsonl'])
    """
    if cases < 1:
        raise RingtraceError("--cases must be at least 1")
    var = _variation(seed, variation)
    registry_format = registry_format or var.registry_format
    if registry_format not in REGISTRY_FORMATS:
        raise RingtraceError(f"unknown registry format {registry_format!r}; choose "
                             + ", ".join(REGISTRY_FORMATS))
    chosen = select(typologies, varied=var.active)
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise RingtraceError(f"cannot create {out}: {exc}") from exc

    paused = gc.isenabled()
    gc.disable()  # hundreds of thousands of long-lived objects and no cycles: GC only costs
    pool = names.NamePool(var.surname_concentration, var.given_pool_share) if var.active \
        else names.DEFAULT_POOL
    try:
        with names.using(pool):
            return _generate(out, seed, cases, chosen, texts, registry_format, var)
    finally:
        if paused:
            gc.enable()


def _variation(seed: int, level: float) -> Variation:
    try:
        return draw(seed, float(level))
    except (TypeError, ValueError) as exc:
        raise RingtraceError(f"--variation must be a number between 0 and 1: {exc}") from exc


def _generate(out: Path, seed: int, cases: int, chosen: list[Typology], texts: bool,
              registry_format: str, var: Variation) -> SynthSummary:
    world = World(seed, var)
    rings, plans = _plan_province(world, seed, cases, chosen)
    assign_numbers(world, plans, Rng(f"{seed}:numbers"))
    order_rng = Rng(f"{seed}:order")
    keyed = [(p.decision, order_rng.random(), i) for i, p in enumerate(plans)]
    ordered = [plans[i] for _, _, i in sorted(keyed)]
    _registry_filler(world, seed)

    summary = SynthSummary(out_dir=str(out), seed=seed, cases=len(ordered),
                           variation=var.level)
    book = TruthBook(world)
    summary.files = _write_all(out, seed, world, ordered, texts, registry_format, summary, book)
    summary.rings = dict(Counter(r.typology for r in rings))
    summary.ring_cases = dict(Counter(p.label for p in plans if p.sham))
    summary.decoys = dict(Counter(p.label for p in plans if p.group == "decoy"))
    summary.background = sum(p.group == "background" for p in plans)
    summary.sham_cases = sum(p.sham for p in plans)
    summary.confirmation_cases = sum(p.confirmation for p in plans)
    writers.write_json(out / "truth.json", _truth(seed, cases, rings, ordered, book),
                       compact=("cases", "registry"))
    return summary


def _write_retrials(world: World, seed: int, ordered: list[CasePlan], renderer: DocumentWriter,
                    summary: SynthSummary, book: TruthBook) -> None:
    """The retrials that revoke a ring's suit as a sham and those that review a genuine one,
    written after every case (no other draw moves) in an order drawn apart, so that a file's
    number says nothing about which kind it is."""
    shams = retrial_documents(world, ordered, world.var.retrial_share,
                              Rng(f"{seed}:retrials")) if world.var.retrial_share > 0 else []
    used = {normalize_case_number(p.case_number) for p in with_priors(ordered) if p.case_number}
    used |= {normalize_case_number(r.case_number) for r in shams}
    controls = control_retrials(world, ordered, world.var.control_retrial_share, used,
                                Rng(f"{seed}:control-retrials")) \
        if world.var.control_retrial_share > 0 else []
    documents: list[Retrial | ControlRetrial] = [*shams, *controls]
    if controls:
        Rng(f"{seed}:retrial-order").shuffle(documents)
    for doc in documents:
        file = renderer.write_extra(doc.text)
        if isinstance(doc, Retrial):
            book.retrials.append({"file": file, "case_number": doc.case_number,
                                  "revokes": doc.revokes})
            summary.retrials += 1
        else:
            book.control_retrials.append({"file": file, "case_number": doc.case_number,
                                          "reviews": doc.reviews, "kind": doc.kind})
            summary.control_retrials += 1


def _write_all(out: Path, seed: int, world: World, ordered: list[CasePlan], texts: bool,
               registry_format: str, summary: SynthSummary, book: TruthBook) -> list[str]:
    registry_file = writers.registry_file_name(registry_format)
    files = ["cases.jsonl", "backpayments.csv", registry_file, "truth.json"]
    assembler = Assembler(Rng(f"{seed}:assemble"), world.var)
    backpay_rng = Rng(f"{seed}:backpay")
    ledger: list[tuple[str, str, list[str]]] = []
    renderer = None
    if texts:
        from ringtrace.synth.render import DocumentWriter

        renderer = DocumentWriter(out / "documents", Rng(f"{seed}:texts"), world.var,
                                  total=len(ordered))
        files.append("documents/")
    with writers.open_text(out / "cases.jsonl") as fh:
        for index, plan in enumerate(ordered):
            record, text = assembler.build(plan)
            fh.write(writers.record_line(record))
            if renderer is not None:
                for document in renderer.write(index, plan, record, text):
                    book.add_case(index, plan, record, document)
            else:
                book.add_case(index, plan, record, None, text.mentions)
            if plan.backpay:
                row = writers.backpay_row(plan, backpay_rng)
                if row is not None:
                    ledger.append((row[7], row[0], row))
    if renderer is not None:
        _write_retrials(world, seed, ordered, renderer, summary, book)
        summary.documents = renderer.count
    ledger.sort(key=lambda item: (item[0], item[1]))
    summary.backpayments = writers.write_csv(out / "backpayments.csv", writers.BACKPAY_HEADER,
                                             (row for _, _, row in ledger))
    table = writers.registry_table(world, Rng(f"{seed}:registry-format"), registry_format)
    summary.registry_rows = writers.write_registry(out / registry_file, registry_format, table)
    book.add_registry(table)
    return files
