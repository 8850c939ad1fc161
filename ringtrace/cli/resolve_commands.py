"""``resolve``: compute entity resolution, and record analysts' same / not-same / split."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from ringtrace import resolve as res
from ringtrace.cli.app import Context, cli
from ringtrace.cli.common import (
    audit_result,
    opened_store,
    store_option,
    translated_errors,
    use_audit_entry,
)
from ringtrace.cli.output import emit, say, table
from ringtrace.queries.rules import load_rules
from ringtrace.resolve.evaluate import KINDS, Matched, PairErrors, pair_errors, resolution_metrics
from ringtrace.resolve.judgements import audit_line


def _json_option(func: Any) -> Any:
    return click.option("--json", "as_json", is_flag=True, help="Write JSON.")(func)


def _rules_option(func: Any) -> Any:
    return click.option(
        "--rules", "rules_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
        help="TOML file overriding the [resolve] settings (see rules.toml; the file `scan "
             "--rules` takes).")(func)


def _settings(rules_file: Path | None) -> res.ResolveSettings | None:
    """The ``[resolve]`` settings of ``rules_file`` (checked as a scan checks it), else none:
    the command's default."""
    if rules_file is None:
        return None
    with translated_errors():
        return load_rules(rules_file).resolve


#: the kinds of entity, as a Chinese reader names them
_KINDS_ZH = {"employers": "用人单位", "agents": "代理人", "persons": "人员"}


def _summary(resolution: res.Resolution) -> str:
    lines = []
    for kind, c in resolution.counts.items():
        rules = ", ".join(f"{r} {n}" for r, n in c.merges.items()) or say("未合并", "no merges")
        lines.append(say(f"{_KINDS_ZH.get(kind, kind)}：{c.mentions}处提及 → {c.entities}个实体"
                         f"（{rules}）",
                         f"{kind}: {c.mentions} mentions -> {c.entities} entities ({rules})"))
    if resolution.refused:
        refused = ", ".join(f"{k} {n}" for k, n in resolution.refused.items())
        lines.append(say(f"拒绝合并：{refused}", f"refused: {refused}"))
    branches = sum(r.kind == "branch_of" for r in resolution.relations)
    lines.append(say(f"分公司与总公司关联：{branches}；分析员认定：{len(resolution.judgements)}",
                     f"branch ties (分公司 -> parent): {branches}; "
                     f"analyst judgements: {len(resolution.judgements)}"))
    return "\n".join(lines)


def _run(ctx: Context, store_uri: str | None, as_json: bool,
         settings: res.ResolveSettings | None = None) -> None:
    with opened_store(ctx, store_uri=store_uri) as store, translated_errors():
        resolution = res.run(store, settings=settings)
    audit_result(fingerprint=resolution.fingerprint,
                 counts={k: c.to_dict() for k, c in resolution.counts.items()})
    data = {"fingerprint": resolution.fingerprint,
            "counts": {k: c.to_dict() for k, c in resolution.counts.items()},
            "refused": dict(resolution.refused), "relations": len(resolution.relations),
            "judgements": len(resolution.judgements)}
    emit(data, as_json=as_json, as_csv=False, text=_summary(resolution))


@cli.group("resolve", invoke_without_command=True)
@store_option
@_json_option
@click.pass_context
def resolve_group(click_ctx: click.Context, store_uri: str | None, as_json: bool) -> None:
    """Entity resolution: which mentions are one person, agent or employer, and why.

    Without a subcommand, computes the resolution, keeps it in the workspace and prints
    mentions -> entities per kind and merges by rule (same as `resolve run`). The scan applies
    it; judgements recorded here are honoured by every later resolution and scan.

    \b
    Examples:
      ringtrace resolve
      ringtrace resolve same "Person:孔龙|b:1976-07-27" "Person:孔龙|doc:Case:…"
      ringtrace resolve not-same 王建国 "Person:王建国|b:1960-05-05" --note "两人身份证不同"
      ringtrace resolve split "Person:张伟|b:1980-01-01"
      ringtrace resolve judgements
    """
    if click_ctx.invoked_subcommand is None:
        _run(click_ctx.obj, store_uri, as_json)


@resolve_group.command("run")
@store_option
@_rules_option
@_json_option
@click.pass_obj
def run_command(ctx: Context, store_uri: str | None, rules_file: Path | None,
                as_json: bool) -> None:
    """Compute the resolution now (even if nothing changed), keep it, print the counts.

    \b
    Examples:
      ringtrace resolve run
      ringtrace resolve run --rules trial.toml --json
    """
    _run(ctx, store_uri, as_json, _settings(rules_file))


def _judge(ctx: Context, verdict: res.Verdict, a: str, b: str | None, note: str,
           user: str | None, store_uri: str | None, as_json: bool) -> None:
    with opened_store(ctx, store_uri=store_uri) as store, translated_errors(as_json=as_json):
        current = res.ensure(store)
        judgement = res.record(store, verdict, a, b, resolution=current, note=note, user=user)
        use_audit_entry(audit_line(judgement))
        after = res.ensure(store)
        entity = after.entity(judgement.a)
        members = after.members(entity)
    emit({"judgement": judgement.to_dict(), "entity": entity, "members": list(members)},
         as_json=as_json, as_csv=False,
         text=f"{judgement.describe()}\nnow: {entity} ({len(members)} mentions)")


def _judgement_options(func: Any) -> Any:
    func = click.option("--note", default="", help="Why (kept with the judgement).")(func)
    func = click.option("--user", help="Who judges (default: the login name).")(func)
    return _json_option(store_option(func))


@resolve_group.command("same")
@click.argument("a")
@click.argument("b")
@_judgement_options
@click.pass_obj
def same_command(ctx: Context, a: str, b: str, note: str, user: str | None,
                 store_uri: str | None, as_json: bool) -> None:
    """Judge that A and B (ids or unambiguous names) are one person or one employer."""
    _judge(ctx, res.Verdict.SAME, a, b, note, user, store_uri, as_json)


@resolve_group.command("not-same")
@click.argument("a")
@click.argument("b")
@_judgement_options
@click.pass_obj
def not_same_command(ctx: Context, a: str, b: str, note: str, user: str | None,
                     store_uri: str | None, as_json: bool) -> None:
    """Judge that A and B are not the same: no resolution will ever merge them."""
    _judge(ctx, res.Verdict.NOT_SAME, a, b, note, user, store_uri, as_json)


@resolve_group.command("split")
@click.argument("entity")
@_judgement_options
@click.pass_obj
def split_command(ctx: Context, entity: str, note: str, user: str | None,
                  store_uri: str | None, as_json: bool) -> None:
    """Undo the merges of ENTITY: its mentions stay apart from each other from now on."""
    _judge(ctx, res.Verdict.SPLIT, entity, None, note, user, store_uri, as_json)


@resolve_group.command("judgements")
@store_option
@_json_option
@click.pass_obj
def judgements_command(ctx: Context, store_uri: str | None, as_json: bool) -> None:
    """List the analysts' judgements, oldest first."""
    with opened_store(ctx, store_uri=store_uri) as store, translated_errors():
        judged = res.stored(store)
    rows = [j.to_dict() for j in judged]
    for row in rows:
        row["members"] = len(row["members"])
    emit([j.to_dict() for j in judged], as_json=as_json, as_csv=False,
         text=table(rows, ["seq", "time", "user", "verdict", "a", "b", "members", "note"],
                    max_width=60))


@resolve_group.command("show")
@click.argument("entity")
@store_option
@_json_option
@click.pass_obj
def show_command(ctx: Context, entity: str, store_uri: str | None, as_json: bool) -> None:
    """Show one entity: its mentions, the merges with their reasons, ties and judgements."""
    with opened_store(ctx, store_uri=store_uri) as store, translated_errors(as_json=as_json):
        current = res.ensure(store)
        story = res.explain(store, current, res.lookup(store, entity, current))
    lines = [f"{story.entity_id}  {story.name}  ({len(story.members)} mentions)"]
    lines += [f"  merged: {line}" for line in story.merged_because]
    lines += [f"  tie: {line}" for line in story.relations]
    lines += [f"  judgement: {line}" for line in story.judgements]
    emit(story.to_dict(), as_json=as_json, as_csv=False, text="\n".join(lines))


@resolve_group.command("eval")
@click.argument("truth", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@store_option
@_rules_option
@click.option("--errors", "errors_kind", type=click.Choice(KINDS), default=None,
              help="List where that kind's pairs are lost and wrongly joined instead: the true "
                   "entities left split and the entities that mix true ones, with the "
                   "mentions as printed and their cases.")
@click.option("--top", type=click.IntRange(min=1), default=20, show_default=True,
              help="With --errors: the splits and the mixes with the most pairs shown.")
@_json_option
@click.pass_obj
def eval_command(ctx: Context, truth: Path, store_uri: str | None, rules_file: Path | None,
                 errors_kind: str | None, top: int, as_json: bool) -> None:
    """Pairwise precision and recall of the resolution per kind against a truth.json.

    With --rules, of a resolution computed with that file's [resolve] settings (a trial: the
    workspace keeps its own).

    \b
    Examples:
      ringtrace resolve eval world/truth.json
      ringtrace resolve eval world/truth.json --rules trial.toml
      ringtrace resolve eval world/truth.json --errors agents --top 50
    """
    settings = _settings(rules_file)
    with opened_store(ctx, store_uri=store_uri) as store, translated_errors():
        data = json.loads(truth.read_text("utf-8"))
        if "cases" not in data or not isinstance(data["cases"], list):
            raise click.ClickException(f"{truth}: no per-mention 'cases' list (a truth.json "
                                       "written by `ringtrace synth` with mention truth)")
        resolution = res.ensure(store, save=False, settings=settings) if settings else None
        if errors_kind is not None:
            errors = pair_errors(store, data, errors_kind, resolution)
            emit(_errors_dict(errors, top), as_json=as_json, as_csv=False,
                 text=_errors_text(errors, top))
            return
        metrics = resolution_metrics(store, data, resolution).to_dict()
    audit_result(**{k: metrics[k] for k in KINDS})
    rows = [{"kind": k, **metrics[k]} for k in KINDS] + [
        {"kind": f"{k} (named)", **metrics["named"][k]} for k in KINDS]
    text = table(rows) + (f"\nmentions matched {metrics['mentions_matched']}, unmatched "
                          f"{metrics['mentions_unmatched']}, ambiguous "
                          f"{metrics['mentions_ambiguous']}; cases unmatched "
                          f"{metrics['cases_unmatched']}")
    emit(metrics, as_json=as_json, as_csv=False, text=text)


def _mention_dict(m: Matched) -> dict[str, str]:
    return {"printed": m.printed, "case": m.case, "node": m.node, "truth": m.truth}


def _errors_dict(errors: PairErrors, top: int) -> dict[str, Any]:
    return {"kind": errors.kind,
            "lost_pairs": sum(s.lost_pairs for s in errors.splits),
            "wrong_pairs": sum(x.wrong_pairs for x in errors.mixes),
            "splits": [{"truth": s.truth, "lost_pairs": s.lost_pairs,
                        "parts": [[_mention_dict(m) for m in part] for part in s.parts]}
                       for s in errors.splits[:top]],
            "mixes": [{"entity": x.entity, "wrong_pairs": x.wrong_pairs,
                       "parts": [[_mention_dict(m) for m in part] for part in x.parts]}
                      for x in errors.mixes[:top]]}


def _part_line(part: tuple[Matched, ...]) -> str:
    shown = "; ".join(f"{m.printed} @ {m.case.removeprefix('Case:')}" for m in part[:3])
    return f"    {len(part)}: {shown}" + (" ..." if len(part) > 3 else "")


def _errors_text(errors: PairErrors, top: int) -> str:
    lost = sum(s.lost_pairs for s in errors.splits)
    wrong = sum(x.wrong_pairs for x in errors.mixes)
    lines = [f"{errors.kind}: {lost} true pairs lost in {len(errors.splits)} split entities, "
             f"{wrong} pairs wrongly joined in {len(errors.mixes)} mixed ones"]
    for s in errors.splits[:top]:
        lines.append(f"split {s.truth}: {s.lost_pairs} pairs lost")
        lines += [_part_line(part) for part in s.parts]
    for x in errors.mixes[:top]:
        lines.append(f"mixed {x.entity}: {x.wrong_pairs} pairs wrong")
        lines += [f"  {part[0].truth}  " + _part_line(part).lstrip() for part in x.parts]
    return "\n".join(lines)
