"""``push``: copy the workspace into a Neo4j server.

Credentials come from ``--user`` / ``--password`` or ``NEO4J_USER`` / ``NEO4J_PASSWORD``; the
password is never shown (no default is displayed in ``--help``, and error messages mask it).
"""

from __future__ import annotations

import os

import click

from ringtrace.cli.app import Context, cli
from ringtrace.cli.common import opened_store, progress_bar, translated_errors
from ringtrace.cli.output import emit, output_options, table
from ringtrace.graph.store.copy import DEFAULT_BATCH_SIZE, copy_store, planned_items


@cli.command()
@click.option("--neo4j", "uri", metavar="URI",
              help="Server to push to, e.g. bolt://127.0.0.1:7687 or neo4j://host:7687 "
                   "[default: $NEO4J_URI].")
@click.option("--user", metavar="NAME", help="Neo4j user [default: $NEO4J_USER].")
@click.option("--password", metavar="SECRET",
              help="Neo4j password [default: $NEO4J_PASSWORD; prefer the variable].")
@click.option("--database", metavar="NAME",
              help="Database on the server [default: $NEO4J_DATABASE, else the server's default].")
@click.option("--batch-size", default=DEFAULT_BATCH_SIZE, show_default=True,
              type=click.IntRange(min=1), help="Items per transaction.")
@output_options
@click.pass_obj
def push(ctx: Context, uri: str | None, user: str | None, password: str | None,
         database: str | None, batch_size: int, as_json: bool, as_csv: bool) -> None:
    """Copy the workspace (nodes, relationships, documents, quarantine, scan) into Neo4j.

    Safe to re-run: pushing twice changes nothing, and an interrupted push is resumed by
    running it again. Constraints and indexes are created first.

    \b
    Examples:
      make neo4j                     # a throwaway development server; prints its URI
      ringtrace push --neo4j bolt://127.0.0.1:7687
      NEO4J_URI=neo4j://graph.internal:7687 NEO4J_USER=analyst NEO4J_PASSWORD=… ringtrace push
    """
    uri = uri or os.environ.get("NEO4J_URI")
    if not uri:
        raise click.UsageError("say where to push: --neo4j URI or NEO4J_URI (start a development "
                               "server with `make neo4j`)")
    with opened_store(ctx) as src, translated_errors():
        # imported here: the driver is the [neo4j] extra, and a missing one is a MissingExtra
        from ringtrace.graph.store.neo4j import Neo4jStore
        from ringtrace.graph.store.neo4j_uri import mask_uri

        with Neo4jStore.connect(uri, user=user, password=password, database=database) as dst:
            with progress_bar(planned_items(src), "push", unit="item") as tick:
                summary = copy_store(src, dst, batch_size=batch_size, progress=tick)
            source_counts, target_counts = src.counts(), dst.counts()
    data = {"target": mask_uri(uri), **summary.to_dict(),
            "source_counts": source_counts, "target_counts": target_counts}
    rows = [{"section": section, "kind": kind, "workspace": n,
             "neo4j": target_counts.get(section, {}).get(kind, 0)}
            for section, by_kind in source_counts.items() for kind, n in by_kind.items()]
    text = "\n".join([
        table(rows), "",
        f"pushed {summary.nodes} nodes, {summary.edges} relationships, {summary.documents} "
        f"documents, {summary.problems} quarantined rows{', the scan' if summary.scan else ''} "
        f"to {mask_uri(uri)} in {summary.seconds:.1f}s "
        f"({summary.edges_per_second:,.0f} relationships/s)",
    ])
    emit(data, as_json=as_json, as_csv=as_csv, rows=rows, text=text)
