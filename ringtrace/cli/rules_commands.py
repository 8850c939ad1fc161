"""``rules show``: every weight and threshold a scan would use, with what it means."""

from __future__ import annotations

from pathlib import Path

import click

from ringtrace.cli.app import cli
from ringtrace.cli.common import translated_errors
from ringtrace.cli.output import emit, language, output_options, say, table
from ringtrace.queries.rules import load_rules
from ringtrace.queries.rules_listing import matching, tunables
from ringtrace.viz.catalogue import tunable_text


@cli.group("rules")
def rules_group() -> None:
    """The weights and thresholds of detection (ringtrace/queries/rules.toml).

    \b
    Examples:
      ringtrace rules show
      ringtrace rules show rings.
      ringtrace rules show --rules trial.toml --changed --json
    """


@rules_group.command("show")
@click.argument("patterns", nargs=-1)
@click.option("--rules", "rules_file", type=click.Path(exists=True, dir_okay=False,
                                                        path_type=Path),
              help="A rules file to apply over the shipped defaults (as `scan --rules`).")
@click.option("--changed", is_flag=True, help="Only the settings the rules file changes.")
@output_options
def show(patterns: tuple[str, ...], rules_file: Path | None, changed: bool, as_json: bool,
         as_csv: bool) -> None:
    """List every tunable with its value, the shipped default and what it is for.

    PATTERNS keep the settings whose name (section.key, e.g. rings.strong_lead or
    rules.EMP_BURST.weight) contains any of them, case-insensitive. The listing ends with
    the fingerprint of the values in force, the one `scan` and `eval` print.

    \b
    Examples:
      ringtrace rules show
      ringtrace rules show strong_lead EMP_BURST
      ringtrace rules show --rules trial.toml --changed --csv > changed.csv
    """
    with translated_errors():
        config = load_rules(rules_file)
        found = matching(tunables(config), patterns)
    if changed:
        found = [t for t in found if t.changed]
    if not found and patterns:
        raise click.ClickException(say(
            f"没有名称含有 {' / '.join(patterns)} 的参数；`ringtrace rules show` 列出全部",
            f"no setting's name contains {' / '.join(patterns)}; `ringtrace rules show` lists "
            "them all"))
    lang = language()
    rows = [{**t.to_dict(), "explanation": tunable_text(t, lang)}
            for t in found]
    data = {"source": config.source, "fingerprint": config.fingerprint, "tunables": rows}
    text = "\n".join([
        # the default matters beside a rules file's value; on the defaults it repeats the value
        table(rows, ("path", "value", "default", "explanation") if rules_file
              else ("path", "value", "explanation"), max_width=48),
        "",
        say(f"{len(rows)}项；来源：{config.source}（取值指纹 {config.fingerprint}）",
            f"{len(rows)} settings; from {config.source} (values {config.fingerprint})"),
    ])
    emit(data, as_json=as_json, as_csv=as_csv, rows=rows,
         columns=("path", "value", "default", "changed", "explanation"), text=text)
