"""Render the red-flag catalogue as Markdown (``docs/rules.md`` is generated from this).

    python -m ringtrace.queries.rules_doc > docs/rules.md
"""

from __future__ import annotations

import inspect

from ringtrace.queries.redflags import CATALOGUE
from ringtrace.queries.rules import RuleConfig, load_rules
from ringtrace.queries.settings import to_table


def render(config: RuleConfig) -> str:
    lines = ["# Red-flag catalogue", "",
             "Generated from the rule modules and `ringtrace/queries/rules.toml` by "
             "`python -m ringtrace.queries.rules_doc`; do not edit by hand. Override weights and "
             "thresholds with `ringtrace scan --rules FILE`; `ringtrace rules show` lists every "
             "setting in force with what it is for.", "",
             "| rule | family | title | weight | thresholds |", "|---|---|---|---|---|"]
    for rule in CATALOGUE:
        params = config.params(rule.id)
        extra = ", ".join(f"{k}={v}" for k, v in params.items() if k != "weight")
        lines.append(f"| `{rule.id}` | {rule.family} | {rule.title} | {params['weight']} | "
                     f"{extra} |")
    seen: set[str] = set()
    for rule in CATALOGUE:
        module = inspect.getmodule(rule.run)
        if module is None or module.__name__ in seen:
            continue
        seen.add(module.__name__)
        lines += ["", f"## {rule.family}", "", inspect.cleandoc(module.__doc__ or "")]
    lines += ["", "## Scoring", "", "```toml", *(f"{k} = {v!r}".replace("'", '"')
                                              for k, v in to_table(config.scoring).items()), "```"]
    if config.resolve is not None:
        lines += ["", "## Entity resolution", "",
                  "The `[resolve]` table: which mentions are one agent, person or employer "
                  "(docs/resolution.md; `ringtrace rules show resolve` says what each is for). "
                  "A kept resolution made with other values is recomputed.", "", "```toml",
                  *(f"{k} = {v!r}" for k, v in config.resolve.to_dict().items()), "```"]
    return "\n".join(lines).rstrip() + "\n"


if __name__ == "__main__":
    print(render(load_rules()), end="")
