"""Query commands: rings, groups, ring, employer, agent, person, leads, path."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from ringtrace.cli.app import EXIT_STATUS, Context, cli
from ringtrace.cli.common import every_option, opened_store, store_option, translated_errors
from ringtrace.cli.output import emit, language, output_options, printable, say, table
from ringtrace.queries.entities import agent_profile, employer_profile, person_profile
from ringtrace.queries.leads import list_explained_groups, list_leads
from ringtrace.queries.paths import SameEntity, shortest_paths
from ringtrace.queries.ringviews import list_rings, ring_detail, ring_graph
from ringtrace.viz.catalogue import rule_name, rule_names

CASE_COLUMNS = ["case_number", "forum", "document_type", "decision_date", "defendant_response",
                "outcome", "score", "rules", "ring_id"]


def named(rows: list[dict[str, Any]], key: str) -> list[dict[str, Any]]:
    """Rows with the rule ids under ``key`` replaced by the rules' Chinese names (the label
    catalogue), for tables people read; --json and --csv keep the ids."""
    lang = language()
    return [{**r, key: rule_names(r[key], lang)} if isinstance(r.get(key), list | tuple) else r
            for r in rows]


@cli.command()
@click.option("--limit", "-n", default=30, show_default=True, help="How many rings to list.")
@click.option("--all", "include_clusters", is_flag=True,
              help="Also list clusters: linked cases of which none is a lead.")
@store_option
@output_options
@click.pass_obj
def rings(ctx: Context, limit: int, include_clusters: bool, store_uri: str | None, as_json: bool,
          as_csv: bool) -> None:
    """List rings (linked cases with at least one lead), strongest first.

    \b
    Examples:
      ringtrace rings
      ringtrace rings -n 100 --csv > rings.csv
      ringtrace rings --all
    """
    with opened_store(ctx, store_uri=store_uri) as store, translated_errors():
        rows = [r.to_dict() for r in list_rings(store, limit, include_clusters)]
    emit(rows, as_json=as_json, as_csv=as_csv, rows=rows, text=table(named(rows, "top_rules")))


@cli.command()
@click.option("--limit", "-n", default=30, show_default=True, help="How many groups to list.")
@store_option
@output_options
@click.pass_obj
def groups(ctx: Context, limit: int, store_uri: str | None, as_json: bool, as_csv: bool) -> None:
    """List groups of suits the evidence explains as legitimate (not rings, not leads).

    A closing firm's staff, a dormant collective admitting from its archives, a suit backed by
    a procuratorate: most of the group's cases carry records in third-party custody, wage
    claims, a partial admission, a supporting body or an ending with the employer, and few are
    leads. Each row says why.

    \b
    Examples:
      ringtrace groups
      ringtrace groups --json
    """
    with opened_store(ctx, store_uri=store_uri) as store, translated_errors():
        found = list_explained_groups(store, limit)
    rows = [{"employer": g.employer, "cases": len(g.cases), "backed": g.backed,
             "leads": g.leads, "reasons": "；".join(f"{r.reason}×{r.cases}" for r in g.reasons)}
            for g in found]
    emit([g.to_dict() for g in found], as_json=as_json, as_csv=as_csv, rows=rows)


@cli.command()
@click.argument("ring_id")
@click.option("--html", "html_out", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write an interactive, self-contained HTML page of the ring.")
@click.option("--seed", default=7, show_default=True, help="Layout seed for the HTML graph.")
@store_option
@output_options
@click.pass_obj
def ring(ctx: Context, ring_id: str, html_out: Path | None, seed: int, store_uri: str | None,
         as_json: bool, as_csv: bool) -> None:
    """Show one ring (by id, or by rank like 1): members, cases, timeline, flags, exposure.

    \b
    Examples:
      ringtrace ring 1
      ringtrace ring R-3f2a9c1b --html ring.html
    """
    with opened_store(ctx, store_uri=store_uri) as store, translated_errors():
        detail = ring_detail(store, ring_id)
        if html_out:
            from ringtrace.viz.pages import ring_page

            html_out.write_text(ring_page(detail, ring_graph(store, detail.case_ids), seed=seed),
                                "utf-8")
    lines = [say(f"团伙 {detail.ring_id}（排名 {detail.rank}，评分 {detail.score:.3f}）",
                 f"ring {detail.ring_id} (rank {detail.rank}, score {detail.score:.3f})")]
    lines += [f"  - {r}" for r in detail.reasons]
    lines.append(say("  估计涉案金额：", "  exposure: ")
                 + f"{detail.exposure.amount_yuan:,.0f} 元 ({detail.exposure.method})")
    if detail.intermediaries:
        lines.append(say("  中介：", "  intermediaries: ") + ", ".join(
            f"{i.name} ({i.role}, {i.cases}{say('件', ' cases')})"
            for i in detail.intermediaries))
    cases = [c.to_dict() for c in detail.cases]
    lines += ["", table(named(cases, "rules"), CASE_COLUMNS)]
    if html_out:
        lines.append(f"\nwrote {html_out}")
    emit(detail.to_dict(), as_json=as_json, as_csv=as_csv, rows=cases, columns=CASE_COLUMNS,
         text="\n".join(lines))


@cli.command(epilog=EXIT_STATUS)
@click.argument("name")
@store_option
@output_options
@click.pass_obj
def employer(ctx: Context, name: str, store_uri: str | None, as_json: bool, as_csv: bool) -> None:
    """Profile an employer by name or USCC: registry facts, cases, plaintiffs, agents, flags, ring.

    A name that matches several employers (a former name, 曾用名, that is another company's
    name, or part of several names) lists them with their ids and exits 4: run again with
    the id or the USCC.

    \b
    Examples:
      ringtrace employer 安阳市恒达废旧物资回收有限公司
      ringtrace employer 91410502MA3X5Y0K2B --json
    """
    with opened_store(ctx, store_uri=store_uri) as store, translated_errors(as_json=as_json):
        profile = employer_profile(store, name)
    e = profile.employer
    former = profile.matched.former_name
    lines = [f"(matched its former name 曾用名 {former})"] if former else []
    lines += [f"{e.get('name')}  USCC {e.get('uscc') or '-'}  status {e.get('status') or '-'}  "
             f"founded {e.get('founded') or '-'}  insured {e.get('insured_headcount', '-')}",
             f"cases {len(profile.cases)}, plaintiffs {len(profile.plaintiffs)}, "
             f"agents {len(profile.agents)}, rings {', '.join(profile.rings) or '-'}"]
    lines += [f"  flag {rule_name(f.rule_id)}: {f.summary}" for f in profile.flags]
    story = profile.resolution
    lines += [f"  merged: {m}" for m in story.merged_because]
    lines += [f"  tie: {t}" for t in story.relations]
    lines += [f"  judgement: {j}" for j in story.judgements]
    cases = [c.to_dict() for c in profile.cases]
    lines += ["", table(named(cases, "rules"), CASE_COLUMNS)]
    emit(profile.to_dict(), as_json=as_json, as_csv=as_csv, rows=cases, columns=CASE_COLUMNS,
         text="\n".join(lines))


@cli.command(epilog=EXIT_STATUS)
@click.argument("name")
@every_option("agents")
@store_option
@output_options
@click.pass_obj
def agent(ctx: Context, name: str, every: bool, store_uri: str | None, as_json: bool,
          as_csv: bool) -> None:
    """Profile an agent (委托代理人) by name or id: reach, sides, firms, flags, rings.

    A name that several agents share lists them with their ids and exits 4: run again with
    the id (or pass --all).

    \b
    Example:
      ringtrace agent 王建国 --json
    """
    with opened_store(ctx, store_uri=store_uri) as store, translated_errors(as_json=as_json):
        profiles = agent_profile(store, name, every=every)
    rows = [{"id": p.agent["id"], "name": p.agent.get("name"), "kinds": list(p.kinds),
             "law_firms": list(p.law_firms), "cases": len(p.cases), "applicants": p.applicants,
             "employers": len(p.employers), "sides": dict(p.sides), "rings": list(p.rings),
             "mentions": len(p.resolution.members)}
            for p in profiles]
    emit([p.to_dict() for p in profiles], as_json=as_json, as_csv=as_csv, rows=rows)


@cli.command(epilog=EXIT_STATUS)
@click.argument("name")
@every_option("people")
@store_option
@output_options
@click.pass_obj
def person(ctx: Context, name: str, every: bool, store_uri: str | None, as_json: bool,
           as_csv: bool) -> None:
    """Profile a person by name or id: roles in cases, contacts, back-payments, rings.

    A name that several people share (namesakes are common) lists them with their ids, birth
    years and case counts and exits 4: run again with the id (or pass --all).

    \b
    Examples:
      ringtrace person 张桂兰
      ringtrace person 'Person:张桂兰|b:1968-05-02' --json
    """
    with opened_store(ctx, store_uri=store_uri) as store, translated_errors(as_json=as_json):
        profiles = person_profile(store, name, every=every)
    rows = [{"id": p.person["id"], "name": p.person.get("name"),
             "birth_date": p.person.get("birth_date"), "roles": len(p.roles),
             "mentions": len(p.resolution.members),
             "back_payments": len(p.back_payments), "rings": list(p.rings)} for p in profiles]
    emit([p.to_dict() for p in profiles], as_json=as_json, as_csv=as_csv, rows=rows)


@cli.group(invoke_without_command=True)
@click.option("--limit", "-n", default=50, show_default=True, help="How many leads to list.")
@click.option("--min-score", type=float, help="Score threshold (default: the scan's).")
@store_option
@output_options
@click.pass_context
def leads(click_ctx: click.Context, limit: int, min_score: float | None, store_uri: str | None,
          as_json: bool, as_csv: bool) -> None:
    """Ranked leads: cases with their score, rule ids, reasons and evidence.

    \b
    Examples:
      ringtrace leads -n 20
      ringtrace leads --json > leads.json
    """
    if click_ctx.invoked_subcommand is not None:
        return
    ctx: Context = click_ctx.obj
    with opened_store(ctx, store_uri=store_uri) as store, translated_errors():
        rows = [lead.to_dict() for lead in list_leads(store, limit, min_score)]
    columns = ["rank", "lead_id", "case_number", "forum", "score", "ring_id", "rules"]
    emit(rows, as_json=as_json, as_csv=as_csv, rows=rows, columns=columns,
         text=table(named(rows, "rules"), columns))


_PATH_EXIT_STATUS = """\b
Exit status:
  0   paths found and shown
  1   no evidence path within --max-hops, or a name matches nothing
  2   usage error, or A and B name the same entity
  4   A or B matches several entities: they are listed with their ids; run
      again with the id"""


@cli.command(epilog=_PATH_EXIT_STATUS)
@click.argument("a")
@click.argument("b")
@click.option("--max-hops", default=6, show_default=True)
@click.option("--limit", "-n", default=5, show_default=True, help="How many paths to show.")
@store_option
@output_options
@click.pass_obj
def path(ctx: Context, a: str, b: str, max_hops: int, limit: int, store_uri: str | None,
         as_json: bool, as_csv: bool) -> None:
    """How two entities connect: shortest evidence paths, each hop citing its document.

    \b
    Example:
      ringtrace path 王建国 安阳市恒达废旧物资回收有限公司
    """
    with opened_store(ctx, store_uri=store_uri) as store, translated_errors(as_json=as_json):
        try:
            found = shortest_paths(store, a, b, max_hops=max_hops, limit=limit)
        except SameEntity as exc:
            raise click.UsageError(printable(str(exc))) from exc
    shown = [[hop.to_dict() for hop in p] for p in found]
    rows = [{"path": i, "hop": j, **{k: v for k, v in hop.items() if k != "props"}}
            for i, p in enumerate(shown, start=1) for j, hop in enumerate(p, start=1)]
    lines = []
    for i, p in enumerate(found, start=1):
        lines.append(f"path {i}:")
        lines += [f"  {h.from_} -[{h.relation} {h.case_number or h.source_doc}]-> {h.to}"
                  for h in p]
    emit(shown, as_json=as_json, as_csv=as_csv, rows=rows, text="\n".join(lines))
