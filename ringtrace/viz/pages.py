"""Report pages: one page per ring, an index of rings, and the overview dashboard.

The rings come from the queries (``queries.ringviews.ring_detail`` and friends) and are read in
their JSON form (``RingDetail.to_dict()``), so that a partial or hand-made ring renders too:
every key other than ``ring_id`` is optional and a page renders what is present. Tables are
declared here as column lists (header, key, formatter) and rendered by one template macro, so
escaping happens in one place. Pages are self-contained (inline CSS and scripts, no URL), print-friendly and stable:
the same input gives the same bytes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
from markupsafe import Markup

from ringtrace.graph.model import schema
from ringtrace.queries.views import RingDetail
from ringtrace.viz import charts
from ringtrace.viz import formatting as fmt
from ringtrace.viz.catalogue import labels, rule_name, rule_names, translate_rule_ids
from ringtrace.viz.masking import mask_value
from ringtrace.viz.network import network_fragment
from ringtrace.viz.templating import page_head, render, value_label

__all__ = ["dashboard_page", "index_page", "ring_page"]

Formatter = Callable[[Any, Mapping[str, Any]], str]


@dataclass(frozen=True)
class Cell:
    """One table cell: display text, optional hover text and (validated) relative link."""

    text: str
    title: str = ""
    href: str | None = None
    css: str = ""


@dataclass(frozen=True)
class Column:
    """A table column: its Chinese header, the row key it shows and how to format it.

    ``numeric`` right-aligns the column; ``nowrap`` keeps codes and dates on one line;
    ``small`` sets long code lists (rule ids) in a smaller type.
    """

    header: str
    key: str
    format: Formatter = lambda value, row: fmt.text(value)
    numeric: bool = False
    nowrap: bool = False
    small: bool = False
    title: Formatter | None = None
    href: Callable[[Mapping[str, Any]], str | None] | None = None

    @property
    def css(self) -> str:
        flags = (("rt-num", self.numeric), ("rt-nowrap", self.nowrap), ("rt-small", self.small))
        return " ".join(name for name, on in flags if on)

    def cell(self, row: Mapping[str, Any]) -> Cell:
        value = row.get(self.key)
        return Cell(text=self.format(value, row),
                    title=self.title(value, row) if self.title else "",
                    href=self.href(row) if self.href else None,
                    css=self.css)


@dataclass(frozen=True)
class Table:
    """Rows of dicts rendered through their columns; rows that are not dicts are skipped."""

    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...] = field(default=())

    @classmethod
    def of(cls, columns: Iterable[Column], rows: Any) -> Table:
        cols = tuple(columns)
        items = rows if isinstance(rows, list | tuple) else []
        return cls(cols, tuple(tuple(c.cell(r) for c in cols) for r in items
                               if isinstance(r, Mapping)))


@dataclass(frozen=True)
class Section:
    """A titled part of a page: a table, definition rows, bullet items or embedded markup."""

    anchor: str
    heading: str
    table: Table | None = None
    pairs: tuple[tuple[str, str], ...] = ()
    items: tuple[str, ...] = ()
    markup: Markup | None = None
    note: str = ""


def _code(owner: str, prop: str) -> Formatter:
    """Formatter showing a coded value (``mediated``) by its Chinese label (``调解结案``)."""
    def formatter(value: Any, row: Mapping[str, Any]) -> str:
        return fmt.text(value) if value in (None, "") else value_label(owner, prop, value)
    return formatter


def _count(value: Any, row: Mapping[str, Any]) -> str:
    return fmt.count(value)


def _score(value: Any, row: Mapping[str, Any]) -> str:
    return fmt.score(value)


def _int(value: Any, row: Mapping[str, Any]) -> str:
    return fmt.integer(value)


_INTERMEDIARIES = (
    Column("姓名", "name"), Column("角色", "role"),
    Column("涉及案件", "cases", _count, numeric=True))
_AGENTS = (
    Column("姓名", "name"), Column("身份", "kind", _code("AGENT_IN", "agent_kind")),
    Column("代理方", "side", _code("AGENT_IN", "represents_side")),
    Column("律师事务所", "law_firm"), Column("涉及案件", "cases", _count, numeric=True))
_EMPLOYERS = (
    Column("名称", "name"), Column("统一社会信用代码", "uscc", nowrap=True),
    Column("登记状态", "status"), Column("成立日期", "founded", nowrap=True),
    Column("参保人数", "insured_headcount", _int, numeric=True),
    Column("涉及案件", "cases", _count, numeric=True))
_APPLICANTS = (
    Column("姓名", "name"), Column("性别", "sex"), Column("出生日期", "birth_date", nowrap=True),
    Column("涉及案件", "cases", _count, numeric=True))
_FORUMS = (
    Column("名称", "name"), Column("行政区划代码", "region_code"),
    Column("涉及案件", "cases", _count, numeric=True))
def _rule_label(value: Any, row: Mapping[str, Any]) -> str:
    """A rule by its catalogue name; a rule the catalogue does not know by its own title."""
    name = rule_name(value)
    return fmt.text(row.get("title")) if name == str(value) and row.get("title") else name


_FLAGS = (
    Column("红旗规则", "rule_id", _rule_label),
    Column("命中次数", "count", _int, numeric=True))
_TIMELINE = (Column("日期", "date", nowrap=True), Column("事件", "event"),
             Column("案号", "case_number", nowrap=True))


def _case_columns() -> tuple[Column, ...]:
    def rules(value: Any, row: Mapping[str, Any]) -> str:
        return fmt.text(rule_names(value) if isinstance(value, list | tuple) else value)

    return (
        Column("案号", "case_number", nowrap=True), Column("审理机关", "forum"),
        Column("文书类型", "document_type"),
        Column("立案日期", "filing_date", nowrap=True),
        Column("裁判日期", "decision_date", nowrap=True),
        Column("主张劳动关系期间", "claimed_start",
               lambda value, row: fmt.period(value, row.get("claimed_end"))),
        Column("被告答辩", "defendant_response", _code("Case", "defendant_response")),
        Column("裁判结果", "outcome", _code("Case", "outcome")),
        Column("评分", "score", _score, numeric=True),
        Column("命中规则", "rules", rules, small=True),
    )


def _structure_count(key: str) -> Formatter:
    """A member count: the ring's list (or number) under ``key``, else ``structure[key]``."""
    def formatter(value: Any, row: Mapping[str, Any]) -> str:
        structure = row.get("structure")
        if value is None and isinstance(structure, Mapping):
            value = structure.get(key)
        return fmt.count(value)
    return formatter


def _exposure_pairs(exposure: Any) -> tuple[tuple[str, str], ...]:
    if not isinstance(exposure, Mapping):
        return ()
    pairs = []
    if "amount_yuan" in exposure:
        pairs.append(("估算金额", fmt.yuan(exposure["amount_yuan"])))
    if exposure.get("method"):
        pairs.append(("估算方法", fmt.text(exposure["method"])))
    return tuple(pairs)


def _ring_meta(ring: Mapping[str, Any]) -> list[str]:
    meta = []
    if ring.get("rank") is not None:
        meta.append(f"排名 第 {fmt.integer(ring['rank'])} 位")
    if ring.get("score") is not None:
        meta.append(f"评分 {fmt.score(ring['score'])}")
    for key, label, unit in (("cases", "案件", "件"), ("applicants", "申请人", "人"),
                             ("employers", "用人单位", "家")):
        if key in ring or isinstance(ring.get("structure"), Mapping):
            shown = _structure_count(key)(ring.get(key), ring)
            if shown != fmt.MISSING:
                meta.append(f"{label} {shown} {unit}")
    exposure = ring.get("exposure")
    if isinstance(exposure, Mapping) and "amount_yuan" in exposure:
        meta.append(f"估算金额 {fmt.yuan(exposure['amount_yuan'])}")
    return meta


def _people(rows: Any, unmask: bool) -> Any:
    """Member rows with their birth dates masked to the year (see ringtrace.export.masking)."""
    if unmask or not isinstance(rows, list | tuple):
        return rows
    return [{**r, "birth_date": mask_value("Person", "birth_date", r.get("birth_date"))}
            if isinstance(r, Mapping) else r for r in rows]


def ring_page(detail: RingDetail | Mapping[str, Any], graph: nx.MultiDiGraph, *,
              seed: int = 7, unmask: bool = False) -> str:
    """The HTML page for one ring: header, reasons, member and case tables, flags, exposure,
    and the interactive graph with the ring's ``node_ids`` highlighted.

    Parameters
    ----------
    detail : RingDetail or mapping
        The ring detail, or its JSON form (``ring_id`` required; every other key optional,
        see the module doc).
    graph : networkx.MultiDiGraph
        The ring's neighbourhood, as returned by ``queries.ringviews.ring_graph``.
    seed : int
        Layout seed of the graph.
    unmask : bool
        Show sensitive properties in the graph's tooltips, and applicants' birth dates, in full
        (masked by default: birth year only).
    """
    ring = detail.to_dict() if isinstance(detail, RingDetail) else detail
    ring_id = fmt.text(ring["ring_id"])
    graph_markup = Markup(network_fragment(
        graph, title=f"团伙 {ring_id} 关系图", highlight=ring.get("node_ids") or (), seed=seed,
        height="720px", unmask=unmask, dom_id="ring-network",
        intermediaries=[i["id"] for i in _rows(ring.get("intermediaries")) if i.get("id")],
        case_rules={c["id"]: c.get("rules") or [] for c in _rows(ring.get("cases"))
                    if c.get("id")}))
    sections = [
        Section("graph", "关系图", markup=graph_markup,
                note="中介居中，申请人按用人单位分组，法院/仲裁委列于右侧；团伙成员放大显示。"
                     "悬停或点击节点查看事实与来源案号，点击图例可显示或隐藏一类节点，"
                     "可按规则和裁判日期筛选案件。"),
        Section("flags", "红旗规则命中", table=Table.of(_FLAGS, ring.get("flags"))),
        Section("exposure", "涉案金额估算", pairs=_exposure_pairs(ring.get("exposure"))),
        Section("intermediaries", "中介人员",
                table=Table.of(_INTERMEDIARIES, ring.get("intermediaries"))),
        Section("agents", "代理人", table=Table.of(_AGENTS, ring.get("agents"))),
        Section("employers", "用人单位", table=Table.of(_EMPLOYERS, ring.get("employers"))),
        Section("applicants", "申请人", table=Table.of(_APPLICANTS, _people(ring.get("applicants"),
                                                                      unmask))),
        Section("forums", "审理机关", table=Table.of(_FORUMS, ring.get("forums"))),
        Section("cases", "案件", table=Table.of(_case_columns(), ring.get("cases"))),
    ]
    if ring.get("timeline"):
        sections.append(Section("timeline", "时间线", table=Table.of(_TIMELINE, ring["timeline"])))
    reasons = tuple(translate_rule_ids(fmt.text(r)) for r in ring.get("reasons") or [])
    title = f"团伙 {ring_id}"
    return render("ring.html.j2", head=page_head(title, network=True), title=title,
                  meta=_ring_meta(ring), reasons=reasons, sections=sections)


def _kind_label(name: str, *, edge: bool) -> str:
    model = schema()
    kinds: Mapping[str, Any] = model.edges if edge else model.nodes
    kind = kinds.get(name)
    return kind.label_zh if kind is not None else "其他"


def _count_table(values: Any, *, edge: bool) -> Table:
    rows = [{"kind": _kind_label(str(k), edge=edge), "n": v}
            for k, v in sorted(values.items(), key=lambda kv: str(kv[0]))] if isinstance(
        values, Mapping) else []
    return Table.of((Column("类型", "kind"), Column("数量", "n", _int, numeric=True)), rows)


def _total(section: Any) -> int | None:
    if not isinstance(section, Mapping):
        return None
    if isinstance(section.get("total"), int):
        return int(section["total"])
    numbers = [v for v in section.values() if isinstance(v, int) and not isinstance(v, bool)]
    return sum(numbers) if numbers else None


_HEADLINE = (("rings", "团伙", fmt.integer), ("leads", "线索", fmt.integer),
             ("applicants", "申请人", fmt.integer), ("intermediaries", "中介", fmt.integer),
             ("exposure_yuan", "估计涉案金额", fmt.yuan))


def _headline_cards(headline: Any) -> tuple[tuple[str, str], ...]:
    """The index's headline: rings, leads, applicants, intermediaries, estimated exposure."""
    if not isinstance(headline, Mapping):
        return ()
    return tuple((label, show(headline[key])) for key, label, show in _HEADLINE
                 if headline.get(key) is not None)


def _cards(counts: Any) -> tuple[tuple[str, str], ...]:
    if not isinstance(counts, Mapping):
        return ()
    cards = []
    for key, label in (("nodes", "节点"), ("edges", "关系"), ("documents", "文书"),
                       ("quarantine", "隔离记录")):
        total = _total(counts.get(key))
        if total is not None:
            cards.append((label, fmt.integer(total)))
    return tuple(cards)


def _evaluation_table(evaluation: Any) -> Table | None:
    if not isinstance(evaluation, Mapping) or not evaluation:
        return None
    names = labels()["evaluation"]
    rows = [{"metric": names[k], "value": v} for k, v in evaluation.items() if k in names]
    return Table.of((Column("指标", "metric"),
                     Column("数值", "value", lambda v, r: fmt.rate(v) if isinstance(
                         v, float) else fmt.integer(v), numeric=True)), rows)


def _ring_exposure(value: Any, row: Mapping[str, Any]) -> str:
    exposure = row.get("exposure")
    if isinstance(exposure, Mapping) and "amount_yuan" in exposure:
        return fmt.yuan(exposure["amount_yuan"])
    return fmt.yuan(row.get("exposure_yuan"))


_SIZE_REASON = re.compile(r"^\d+件案件、")


def _ring_reason(value: Any, row: Mapping[str, Any]) -> str:
    """The ring's reasons but its size (already in the table's columns), with rule ids named;
    a row without reasons falls back to its top rules' names."""
    reasons = [str(r) for r in row.get("reasons") or [] if r] if isinstance(
        row.get("reasons"), list | tuple) else []
    if reasons:
        return translate_rule_ids("；".join([r for r in reasons if not _SIZE_REASON.match(r)]
                                           or reasons))
    rules = row.get("top_rules")
    return fmt.text(rule_names(rules) if isinstance(rules, list | tuple) else rules)


_RINGS = (
    Column("排名", "rank", _int, numeric=True),
    Column("团伙", "ring_id", nowrap=True, href=lambda row: fmt.safe_href(row.get("href"))),
    Column("评分", "score", _score, numeric=True),
    Column("案件", "cases", _structure_count("cases"), numeric=True),
    Column("申请人", "applicants", _structure_count("applicants"), numeric=True),
    Column("用人单位", "employers", _structure_count("employers"), numeric=True),
    Column("中介", "intermediaries",
           lambda v, r: fmt.names(v) if v else "未识别（无中介线索）"),
    Column("估算金额", "exposure", _ring_exposure, numeric=True),
    Column("主要理由", "reasons", _ring_reason, small=True),
)


def index_page(summary: dict[str, Any]) -> str:
    """The workspace index: counts, evaluation figures (if any) and the ranked rings, each
    linking to its page through the ring's relative ``href``."""
    title = fmt.text(summary.get("title") or "ringtrace 研判结果")
    counts = summary.get("counts")
    if not isinstance(counts, Mapping):
        counts = {}
    sections = [
        Section("rings", "团伙排名", table=Table.of(_RINGS, summary.get("rings")),
                note="点击团伙编号查看详情页。"),
    ]
    appendix = [
        Section("nodes", "节点（按类型）", table=_count_table(counts.get("nodes"), edge=False)),
        Section("edges", "关系（按类型）", table=_count_table(counts.get("edges"), edge=True)),
    ]
    evaluation = _evaluation_table(summary.get("evaluation"))
    if evaluation is not None:
        sections.insert(1, Section("evaluation", "评估指标", table=evaluation,
                                   note="与合成数据真值对照的结果。"))
    dashboard = summary.get("dashboard")
    figures: list[Figure] = []
    if isinstance(dashboard, Mapping):
        offices = _rows(dashboard.get("leads_by_procuratorate"))
        if offices:
            sections.insert(1, Section(
                "procuratorates", "各受理检察院线索数", table=Table.of(_OFFICES, offices),
                note="按作出生效文书的法院或仲裁委所在地同级检察院分办"
                     "（ringtrace leads export --by procuratorate）。"))
        figures = _figures(dashboard)
    meta = [f"工作区 {fmt.text(summary['workspace'])}"] if summary.get("workspace") else []
    if summary.get("generated_by"):
        meta.append(fmt.text(summary["generated_by"]))
    cards = _headline_cards(summary.get("headline")) or _cards(counts)
    return render("index.html.j2", head=page_head(title), title=title, meta=meta,
                  cards=cards, sections=sections, figures=figures, appendix=appendix)


_OFFICES = (
    Column("受理检察院", "procuratorate"),
    Column("线索", "leads", _int, numeric=True),
)


@dataclass(frozen=True)
class Figure:
    """A dashboard chart with its caption and the table of the numbers it draws."""

    anchor: str
    heading: str
    svg: Markup
    table: Table
    note: str = ""


def _rows(value: Any) -> list[Mapping[str, Any]]:
    return [r for r in value if isinstance(r, Mapping)] if isinstance(value, list | tuple) else []


def _number(value: Any) -> float:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else 0.0


def _ranked(rows: list[Mapping[str, Any]], key: str, label: Callable[[Mapping[str, Any]], str],
            limit: int) -> list[Mapping[str, Any]]:
    """Rows sorted by ``key`` descending, then label, cut to ``limit`` (stable for any input)."""
    return sorted(rows, key=lambda r: (-_number(r.get(key)), label(r)))[:limit]


def _monthly_figure(value: Any) -> Figure | None:
    months = sorted((m for m in value if isinstance(m, list | tuple) and len(m) >= 2),
                    key=lambda m: str(m[0])) if isinstance(value, list | tuple) else []
    if not months:
        return None
    labels_ = [str(m[0]) for m in months]
    total = [_number(m[1]) for m in months]
    flagged = [_number(m[2]) if len(m) > 2 else 0.0 for m in months]
    rows = [{"month": m, "total": t, "flagged": f} for m, t, f in zip(labels_, total, flagged,
                                                                       strict=True)]
    return Figure("cases-per-month", "每月案件数", charts.line_chart(
        labels_, [("全部案件", total), ("被标记案件", flagged)], title="每月案件数"),
        Table.of((Column("月份", "month", nowrap=True), Column("全部案件", "total", _int, numeric=True),
                  Column("被标记案件", "flagged", _int, numeric=True)), rows))


def _employers_figure(value: Any) -> Figure | None:
    rows = _ranked(_rows(value), "cases", lambda r: fmt.text(r.get("name")), 20)
    if not rows:
        return None
    notes = [f"参保 {fmt.integer(r['insured_headcount'])} 人"
             if r.get("insured_headcount") is not None else "参保 不详" for r in rows]
    return Figure("top-employers", "被诉最多的用人单位", charts.hbar_chart(
        [(fmt.text(r.get("name")), _number(r.get("cases"))) for r in rows],
        title="被诉最多的用人单位（案件数）", color=charts.PALETTE[1], notes=notes, unit=" 件"),
        Table.of((Column("用人单位", "name"), Column("案件", "cases", _int, numeric=True),
                  Column("参保人数", "insured_headcount", _int, numeric=True)), rows),
        note="案件数远大于参保人数，是“用工规模不大、被密集起诉”的信号。")


def _region_figure(value: Any) -> Figure | None:
    def place(r: Mapping[str, Any]) -> str:
        return "".join(str(r[k]) for k in ("province", "city") if r.get(k)) or fmt.MISSING

    rows = _ranked(_rows(value), "leads", place, 20)
    if not rows:
        return None
    return Figure("leads-by-region", "各地线索数", charts.hbar_chart(
        [(place(r), _number(r.get("leads"))) for r in rows], title="各地线索数",
        color=charts.PALETTE[4], unit=" 条"),
        Table.of((Column("省份", "province"), Column("城市", "city"),
                  Column("线索", "leads", _int, numeric=True)), rows))


def _ring_size_figure(value: Any) -> Figure | None:
    sizes = [_number(v) for v in value if isinstance(v, int | float) and not isinstance(
        v, bool)] if isinstance(value, list | tuple) else []
    if not sizes:
        return None
    bins = charts.histogram_bins(sizes)
    return Figure("ring-sizes", "团伙规模分布", charts.histogram(
        sizes, title="团伙规模分布", unit=" 个团伙"),
        Table.of((Column("规模", "size"), Column("团伙数", "n", _int, numeric=True)),
                 [{"size": label, "n": n} for label, n in bins]),
        note=f"共 {len(sizes)} 个团伙；规模为团伙涉及的申请人数。")


def _rule_figure(value: Any) -> Figure | None:
    def name(r: Mapping[str, Any]) -> str:
        return _rule_label(r.get("rule_id"), r)

    rows = _ranked(_rows(value), "count", name, 30)
    if not rows:
        return None
    return Figure("rule-hits", "红旗规则命中", charts.hbar_chart(
        [(name(r), _number(r.get("count"))) for r in rows], title="红旗规则命中次数",
        color=charts.PALETTE[2], unit=" 次"),
        Table.of(_FLAGS, rows))


def dashboard_page(data: dict[str, Any]) -> str:
    """The overview dashboard: headline counts and inline SVG charts of cases per month, the
    most-sued employers, leads by region, ring sizes and rule hits. Every key is optional;
    a chart appears only when its data is present."""
    title = fmt.text(data.get("title") or "总览")
    return render("dashboard.html.j2", head=page_head(title), title=title,
                  cards=_cards(data.get("counts")), figures=_figures(data))


def _figures(data: Mapping[str, Any]) -> list[Figure]:
    builders = ((_monthly_figure, "cases_per_month"), (_employers_figure, "top_employers"),
                (_region_figure, "leads_by_region"), (_ring_size_figure, "ring_sizes"),
                (_rule_figure, "rule_hits"))
    return [f for build, key in builders if (f := build(data.get(key))) is not None]
