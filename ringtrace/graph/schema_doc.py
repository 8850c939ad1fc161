"""Render the schema declaration as Markdown (``docs/schema.md`` is generated from this).

    python -m ringtrace.graph.schema_doc > docs/schema.md
"""

from __future__ import annotations

from ringtrace.graph.model import Schema, schema


def render(s: Schema) -> str:
    lines = ["# Graph schema", "",
             "Generated from `ringtrace/graph/schema/*.yaml` by `python -m "
             "ringtrace.graph.schema_doc`; do not edit by hand. Every relationship also carries "
             "`source_doc`, the case (or registry/back-payment row) it was read from.", "",
             "## Node kinds", ""]
    for node in s.nodes.values():
        lines += [f"### {node.name} ({node.label_zh})", "", node.description, "",
                  f"Identity: {node.key}. Caption: `{node.caption}`. Drawn as a {node.shape} in "
                  f"`{node.color}`.", "", "| property | type | 中文 | notes |", "|---|---|---|---|"]
        for p in node.properties.values():
            notes = ", ".join(n for n, on in (("required", p.required),
                                              ("masked in packs", p.sensitive)) if on)
            lines.append(f"| `{p.name}` | {p.type} | {p.label_zh} | {notes} |")
        lines.append("")
    lines += ["## Relationship kinds", ""]
    for edge in s.edges.values():
        lines += [f"### {edge.name} ({edge.label_zh})", "", edge.description, "",
                  f"From {', '.join(edge.source)} to {', '.join(edge.target)}.", ""]
        if edge.properties:
            lines += ["| property | type | 中文 | values |", "|---|---|---|---|"]
            for p in edge.properties.values():
                lines.append(f"| `{p.name}` | {p.type} | {p.label_zh} | {', '.join(p.values)} |")
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


if __name__ == "__main__":
    print(render(schema()), end="")
