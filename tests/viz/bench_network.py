"""Timing of the HTML views on rings of growing size (a bench, not collected by pytest).

Run ``.venv/bin/python -m tests.viz.bench_network [SIZES]`` (default ``50,200,700``: applicants
per ring; each applicant brings a case, a phone and a lawyer link, so 700 applicants give a
graph of about 1,400 nodes, near the 1,500-node cap of ``queries.ringviews.ring_graph``).
The grouped layout (``viz.ring_layout``) is linear in the nodes; assembling and serialising
the data dominates.
"""

from __future__ import annotations

import sys
import time

import networkx as nx

from ringtrace.graph.build import case_batch
from ringtrace.graph.elements import GraphBatch
from ringtrace.graph.records import case_from_dict
from ringtrace.viz.network import network_html
from ringtrace.viz.pages import ring_page
from tests.viz.conftest import case_record, to_graph


def ring_graph(applicants: int) -> nx.MultiDiGraph:
    """One ring: three employers, one intermediary on the employer side, ten lawyers."""
    batch = GraphBatch()
    for n in range(applicants):
        record = case_record(1000 + n, f"申请人{n:04d}", f"安阳市某{n % 3}号劳务有限公司",
                             agent="王建国", firm=f"河南第{n % 10}律师事务所")
        record["parties"][0]["phone"] = f"1381234{n % 97:04d}"
        record["agents"][1]["name"] = f"律师{n % 10}"
        batch.extend(case_batch(case_from_dict(record)))
    return to_graph(batch)


def main(sizes: list[int]) -> None:
    print(f"{'applicants':>10} {'nodes':>6} {'edges':>6} {'network_html s':>15} "
          f"{'ring_page s':>12} {'MB':>6}")
    for size in sizes:
        graph = ring_graph(size)
        members = [n for n in graph if n.startswith("Employer:")]
        start = time.perf_counter()
        page = network_html(graph, title=f"bench {size}", highlight=members)
        middle = time.perf_counter()
        ring_page({"ring_id": f"R-bench-{size}", "node_ids": members}, graph)
        end = time.perf_counter()
        print(f"{size:>10} {graph.number_of_nodes():>6} {graph.number_of_edges():>6} "
              f"{middle - start:>15.2f} {end - middle:>12.2f} {len(page.encode()) / 1e6:>6.2f}")


if __name__ == "__main__":
    main([int(s) for s in (sys.argv[1] if len(sys.argv) > 1 else "50,200,700").split(",")])
