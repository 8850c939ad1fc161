"""Connected components as DataFrame iterations: large-star / small-star, no GraphFrames.

The alternating large-star and small-star operations of Kiveris et al., *Connected Components
in MapReduce and Beyond* (SoCC 2014) turn any graph into a forest of stars, one per connected
component, each centred on the component's smallest vertex, in O(log n) rounds of joins and
group-bys - plain Spark SQL, so it runs wherever Spark runs (GraphFrames' JAR is not on the
reachable Maven, and ringtrace does not depend on it).

* **large-star**: every vertex ``u`` links each larger neighbour to the smallest vertex of its
  neighbourhood (``u`` included);
* **small-star**: every vertex ``u`` links each smaller neighbour, and itself, to the smallest
  of them.

Both keep the components and shrink the distance to their minimum; the loop ends when every
edge points from a vertex to a root and every vertex has one root. Each round's result is
checkpointed locally, so the plan does not grow with the rounds.

:func:`item_components` applies it to records and the keys they share
(:mod:`ringtrace.spark.links`): each record gets the component of the bipartite record-key
graph it falls in, named by its smallest record number.
"""

from __future__ import annotations

from typing import Any

from ringtrace.extras import require

__all__ = ["connected_components", "item_components"]

#: a safety net: large-star / small-star needs O(log n) rounds, 64 is far beyond any corpus
MAX_ROUNDS = 64


def _f() -> Any:
    return require("pyspark.sql.functions", "scale", purpose="ringtrace spark scan")


def _large_star(edges: Any) -> Any:
    f = _f()
    both = edges.unionByName(edges.select(f.col("dst").alias("src"), f.col("src").alias("dst")))
    smallest = (both.groupBy("src").agg(f.min("dst").alias("m"))
                .withColumn("m", f.least("m", "src")))
    return (both.join(smallest, "src").where(f.col("dst") > f.col("src"))
            .select(f.col("dst").alias("src"), f.col("m").alias("dst")).distinct())


def _small_star(edges: Any) -> Any:
    f = _f()
    down = (edges.select(f.greatest("src", "dst").alias("src"), f.least("src", "dst").alias("dst"))
            .where(f.col("src") != f.col("dst")).distinct())
    smallest = down.groupBy("src").agg(f.min("dst").alias("m"))
    neighbours = (down.join(smallest, "src")
                  .select(f.col("dst").alias("src"), f.col("m").alias("dst"))
                  .where(f.col("src") != f.col("dst")))
    return neighbours.unionByName(smallest.select("src", f.col("m").alias("dst"))).distinct()


def _stars(edges: Any) -> bool:
    """Is ``edges`` a forest of stars: every vertex has one parent, and parents are roots?
    (One Spark job: a vertex with two parents, or a parent that has a parent, is a witness.)"""
    f = _f()
    parents = edges.select(f.col("dst").alias("src"), f.lit(1).alias("is_parent")).distinct()
    witnesses = (edges.groupBy("src").agg(f.count("*").alias("parents"))
                 .join(parents, "src", "left")
                 .where((f.col("parents") > 1) | f.col("is_parent").isNotNull()))
    return bool(witnesses.limit(1).isEmpty())


def connected_components(edges: Any) -> tuple[Any, int]:
    """``(vertex, root)`` for every vertex of ``edges`` (columns ``src``, ``dst``: longs) that
    is not its component's smallest vertex (a root names itself), and the rounds it took."""
    f = _f()
    current = (edges.select(f.col("src").cast("long"), f.col("dst").cast("long"))
               .where(f.col("src") != f.col("dst")).distinct().localCheckpoint())
    for rounds in range(1, MAX_ROUNDS + 1):
        current = _small_star(_large_star(current)).localCheckpoint()
        if _stars(current):
            return current.select(f.col("src").alias("vertex"), f.col("dst").alias("root")), rounds
    raise RuntimeError(f"connected components did not converge in {MAX_ROUNDS} rounds")


def item_components(pairs: Any, items: Any) -> tuple[Any, int]:
    """``(item, component)`` for every row of ``items`` (column ``item``: a non-negative
    long), where ``pairs`` (``item``, ``key``: string) says which keys each item has.

    Keys become negative vertices (a 64-bit hash of the key), items stay as they are; the
    component is named by its smallest item. Returns the rounds the iteration took too.
    """
    f = _f()
    hashed = f.xxhash64(f.col("key"))
    key_vertex = f.when(hashed >= 0, -hashed - 1).otherwise(hashed)
    edges = pairs.select(f.col("item").alias("src"), key_vertex.alias("dst"))
    roots, rounds = connected_components(edges)
    labelled = (items.select("item").join(roots, f.col("item") == f.col("vertex"), "left")
                .select("item", f.coalesce("root", "item").alias("root")))
    named = labelled.groupBy("root").agg(f.min("item").alias("component"))
    return labelled.join(named, "root").select("item", "component"), rounds
