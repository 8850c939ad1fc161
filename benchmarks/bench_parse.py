"""Throughput of the judgment parser: documents per second on one core.

Documents are 3–6 KB texts. When the synthetic generator can render raw texts
(``ringtrace.synth.render``), the bench generates a small corpus with ``texts=True``; otherwise
it grows the project's own fixtures (``tests/fixtures/docs``, ``tests/fixtures/real_docs``) to
3–6 KB by repeating their fact-finding paragraph, which keeps every landmark in place.

Usage::

    python benchmarks/bench_parse.py [--seconds 10] [--target 1000]

Prints documents per second per core and exits non-zero when below ``--target``.

It then parses hostile documents of 1 MB each (spaces, one repeated character, punctuation,
unclosed comments, deeply nested markup, one huge line) and exits non-zero when any takes
``--hostile-budget`` seconds (2) or more: every pattern must stay linear in the text.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

from ringtrace.loaders.encoding import read_text
from ringtrace.loaders.judgments import SUFFIXES, parse_text

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = (ROOT / "tests" / "fixtures" / "docs", ROOT / "tests" / "fixtures" / "real_docs")
FACTS = "经审理查明"
REASONING = "本院认为"


def synthetic_texts(count: int, seed: int) -> list[str]:
    """Raw texts from the synthetic generator, or [] when it cannot render texts yet."""
    try:
        import ringtrace.synth.render  # noqa: F401  (only probes that rendering exists)
        from ringtrace.synth import generate
    except ImportError:
        return []
    with tempfile.TemporaryDirectory() as tmp:
        generate(tmp, seed=seed, cases=count, texts=True)
        return [read_text(p) for p in sorted(Path(tmp, "documents").rglob("*"))
                if p.suffix.lower() in SUFFIXES and p.suffix.lower() != ".docx"]


def _size(text: str) -> int:
    return len(text.encode("utf-8"))


def grown(text: str, rng: random.Random, low: int = 3000, high: int = 6000) -> str:
    """``text`` grown to ``low``–``high`` bytes (UTF-8) by repeating a body paragraph."""
    target = rng.randint(low, high)
    if _size(text) >= target:
        return text
    at = text.find(REASONING)
    if at < 0:
        at = len(text) * 2 // 3
    paragraph_start = text.rfind("\n", 0, at - 1) + 1
    filler = text[paragraph_start:at] or text[len(text) // 3:len(text) // 2]
    pieces = [text[:at]]
    size = _size(text)
    while size < target:
        pieces.append(filler)
        size += _size(filler)
    pieces.append(text[at:])
    return "".join(pieces)


def fixture_texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    base = [read_text(p) for d in FIXTURES for p in sorted(d.iterdir())
            if p.suffix.lower() in (".txt", ".html", ".htm")]
    return [grown(base[i % len(base)], rng) for i in range(count)]


def run(texts: list[str], seconds: float) -> tuple[int, float]:
    """Parse ``texts`` round after round for ``seconds`` of CPU time; (documents, CPU seconds).

    CPU time of this process, not wall time, so that other work on the machine does not
    lower the per-core figure.
    """
    for text in texts[:20]:  # warm up: regex compilation, code table
        parse_text(text)
    done, start = 0, time.process_time()
    while time.process_time() - start < seconds:
        for text in texts:
            parse_text(text)
        done += len(texts)
    return done, time.process_time() - start


MEGABYTE = 1_000_000


def hostile_texts() -> dict[str, str]:
    """1 MB documents built to make a backtracking or rescanning parser slow."""
    sample = (ROOT / "tests" / "fixtures" / "real_docs" / "05.txt").read_text(encoding="utf-8")
    sample = sample.split("\n", 1)[1]  # without its ``# source:`` line
    one_line = sample.replace("\n", " ")
    return {
        "1 MB of spaces": " " * MEGABYTE,
        "1 MB of one character (原)": "原" * (MEGABYTE // 3),
        "1 MB of one character (a)": "a" * MEGABYTE,
        "1 MB of punctuation (，)": "，" * (MEGABYTE // 3),
        "1 MB of newlines and spaces": "\n " * (MEGABYTE // 2),
        "judgment + 1 MB of spaces in its party block": sample.replace(
            "委托诉讼代理人", " " * MEGABYTE + "委托诉讼代理人", 1),
        "1 MB of unclosed comments (<!--)": "<p>" + "<!--" * (MEGABYTE // 4),
        "1 MB of '<'": "<" * MEGABYTE,
        "200,000 nested <div>": "<div>" * (MEGABYTE // 5),
        "one 1 MB line": one_line * (MEGABYTE // len(one_line.encode("utf-8")) + 1),
    }


def run_hostile(budget: float) -> list[str]:
    """Parse each hostile text once; the names of those that took ``budget`` seconds or more."""
    slow = []
    for name, text in hostile_texts().items():
        start = time.perf_counter()
        parse_text(text)
        elapsed = time.perf_counter() - start
        print(f"hostile: {name:<45} {elapsed:6.2f} s")
        if elapsed >= budget:
            slow.append(name)
    return slow


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--target", type=float, default=1000.0, help="docs/s/core to reach")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--hostile-budget", type=float, default=2.0,
                        help="seconds each 1 MB hostile document may take")
    args = parser.parse_args(argv)
    texts = synthetic_texts(200, args.seed)
    source = "synthetic (ringtrace synth --texts)"
    if not texts:
        texts, source = fixture_texts(200, args.seed), "fixtures grown to 3-6 KB"
    sizes = sorted(len(t.encode("utf-8")) for t in texts)
    done, elapsed = run(texts, args.seconds)
    rate = done / elapsed
    print(f"documents: {len(texts)} ({source}); median size {sizes[len(sizes) // 2]} bytes")
    print(f"parsed {done} documents in {elapsed:.2f} s of CPU time: {rate:,.0f} docs/s/core")
    slow = run_hostile(args.hostile_budget)
    if slow:
        print(f"over the {args.hostile_budget:.0f} s budget: {', '.join(slow)}")
    return 0 if rate >= args.target and not slow else 1


if __name__ == "__main__":
    sys.exit(main())
