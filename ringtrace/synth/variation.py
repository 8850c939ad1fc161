"""How far one synthetic world departs from the generator's defaults: the variation knob.

Detection tuned on a single generator learns that generator's habits (one share of html pages,
one way of printing a party line, one sham share, rings that always claim ~15 years in a
same-day burst). Real corpora differ from one another in all of these. :class:`Variation`
holds one world's settings; :func:`draw` derives them from the seed and a level in [0, 1]:

* every knob has today's default and a *target* drawn from ``Rng(f"{seed}:variation")`` over
  the widest range still realistic;
* the world's value is ``default + level * (target - default)``; a categorical knob takes its
  drawn alternative when a second draw falls below ``level``.

So level 0 is exactly today's generator (and :attr:`Variation.active` is false, which keeps
every new code path and every extra random draw switched off), level 1 the widest spread, and
the same seed at two levels moves the same knobs in the same directions.

>>> v = draw(7, 0.0)
>>> v.active, v.sham_share, v.html_share
(False, 0.12, 0.35)
>>> w = draw(7, 1.0)
>>> w.active and 0.06 <= w.sham_share <= 0.18
True
>>> draw(7, 0.5) == draw(7, 0.5)
True
"""

from __future__ import annotations

import random
from dataclasses import asdict, dataclass
from typing import Any

from ringtrace.errors import RingtraceError
from ringtrace.synth.rng import Rng

Shares = tuple[tuple[str, float], ...]

#: Today's ring typology shares, plus the typologies only a varied world contains (share 0
#: at level 0; the second number is their weight in a varied world's Dirichlet draw).
BASE_TYPOLOGY_SHARES: Shares = (
    ("court_judgment", 0.18), ("arbitration_batch", 0.22), ("mediation", 0.16), ("spread", 0.10),
    ("cross_province", 0.12), ("intermediary_as_employer_agent", 0.10),
    ("shared_contacts", 0.07), ("tiny", 0.05),
)
NEW_TYPOLOGY_WEIGHTS: Shares = (("mediation_short", 0.12), ("before_founding_lawyers", 0.08),
                                ("small_related", 0.07))
#: Today's look-alike shares (of all cases), and the weights of the new kinds.
BASE_DECOY_SHARES: Shares = (("restructured_soe", 0.06), ("factory_closure_group", 0.05),
                             ("work_injury", 0.05), ("big_employer", 0.05),
                             ("busy_law_firm", 0.04))
NEW_DECOY_SHARES: Shares = (("supported_suit", 0.035), ("closing_firm_staff", 0.045),
                            ("young_firm_closure", 0.045), ("dormant_collective", 0.045))
REGISTRY_FORMATS = ("csv", "xlsx", "tyc-jsonl", "tyc-xlsx")
MASK_STYLES = ("stars", "keep_last", "mou", "xx")


def _toward(default: float, target: float, level: float) -> float:
    """``default`` moved ``level`` of the way to ``target`` (exactly ``default`` at level 0)."""
    if level == 0:
        return default
    return default + level * (target - default)


@dataclass(frozen=True)
class Variation:
    """One world's settings. Field docstrings say what varies and why real corpora vary so."""

    level: float = 0.0
    """0 = today's generator, 1 = the widest realistic spread."""

    # -- proportions ----------------------------------------------------------------------
    sham_share: float = 0.12
    """Share of all cases that belong to rings. No base rate is published; screening results
    (half of model leads upheld, 137 of 221 suits withdrawn at one court) suggest anything
    from a few percent to about a fifth of a region's confirmation cases (range 0.06-0.18)."""
    typology_shares: Shares = BASE_TYPOLOGY_SHARES
    """Share of rings per typology. Regions are worked by different intermediaries with
    different habits (awards in Anyang, mediations at a coal mine, cross-province farmers in
    Urumqi), so the mix is drawn per world (Dirichlet-like, concentration 2)."""
    decoy_shares: Shares = BASE_DECOY_SHARES
    """Share of all cases per legitimate look-alike kind: closures, restructured state firms
    and supported group suits come in waves that differ by region and year."""
    group_size_max: int = 80
    """Largest legitimate group (80 sanitation workers in 检例第125号; many groups are 3-10)."""
    genuine_money_share: float = 0.75
    """Share of the new look-alike groups that also claim wages or severance. Real workers
    who lose their jobs want their money; a claim without any amount is the rings' habit."""
    partial_admission_share: float = 0.4
    """Share of closing-firm admissions that are partial ("对工作期间无异议，但工资数额过高").
    Closing firms rarely contest the years worked but often the amounts."""
    genuine_short_mediation_share: float = 0.0
    """Share of genuine mediations written up as a bare statement (parties, "双方自愿达成如下
    协议"): courts and commissions differ in how much story a 调解书 carries."""

    # -- what ring cases carry (each sham signal appears with a per-world probability) -------
    ring_varied_lengths: float = 0.0
    """Share of rings whose claimed lengths vary (5-25 years) instead of clustering at 15:
    an intermediary who read the screening reports varies them."""
    ring_forged_payroll: float = 0.0
    """Share of rings that forge wage sheets or rosters and cite them (SPP 2024-04: forged
    "2001年至2015年工资表")."""
    ring_spread_in_time: float = 0.0
    """Share of batch rings that file one by one over months instead of in same-day bursts."""
    ring_token_amount: float = 0.0
    """Share of sham cases that add a token money claim (a few thousand yuan) for cover."""
    ring_birthday_end: float = 0.4
    """Share of sham periods moved to end on the retirement birthday (seen in three published
    judgments; not every intermediary does it)."""
    ring_slow_share: float = 0.0
    """Share of rings decided in 1-4 months rather than within 30 days (busy forums)."""
    ring_contest_share: float = 0.04
    """Share of sham cases where the employer puts up a token defence about dates."""
    ring_purpose: tuple[float, float] = (0.3, 0.9)
    """Range of the per-ring share of cases that state the pension purpose."""

    # -- file forms and layouts -----------------------------------------------------------
    html_share: float = 0.35
    """Share of court documents as 裁判文书网 html (the rest plain text): depends on whether a
    corpus was scraped, exported or bought."""
    word_export_share: float = 0.1
    """Share of html pages exported from Word (numbers split over ``<span>`` tags)."""
    fused_anchor_share: float = 0.1
    """Share of html pages whose last party line sits in the 诉讼记录 paragraph."""
    mirror_share: float = 0.06
    """Share of court documents that come from mirror sites (masked, half-width)."""
    mirror_fields_share: float = 0.6
    """Share of mirror pages with a metadata header (the rest are 来源:中国裁判文书网 copies)."""
    field_block_share: float = 0.0
    """Share of metadata mirror pages laid out as field blocks (``审理法院`` / ``案号`` /
    ``裁判日期`` each on its own line before the value), as other mirror sites print them."""
    repost_share: float = 0.0
    """Share of documents that are reposts or blog copies with no header at all (no court,
    case number or title; the text starts at the party block or at the story)."""
    no_court_line_share: float = 0.0
    """Share of appeal documents copied without the court line (the text still names the
    lower court in 不服…判决)."""
    docx_share: float = 0.0
    """Share of documents delivered as ``.docx`` (court exports, procuratorate case files)."""
    bom_share: float = 0.0
    """Share of UTF-8 text files written with a byte-order mark (Windows tools)."""
    gb_share: float = 0.08
    """Share of plain-text files encoded in GB18030/GBK (older systems)."""
    crlf_share: float = 0.0
    """Share of text files with CRLF line endings (Windows exports)."""
    duplicate_share: float = 0.0
    """Share of cases whose document arrives twice (two sources or formats)."""

    # -- party lines ----------------------------------------------------------------------
    colonless_share: float = 0.0
    """Share of documents whose party labels have no colon (``被告某某有限公司，住所地…``)."""
    bare_birth_share: float = 0.0
    """Share of documents printing birth dates without 出生/生 (``1963年5月2日,汉族``)."""
    fused_party_share: float = 0.0
    """Share of plain-text documents whose last party line runs into the next paragraph."""
    id_print_court: float = 0.12
    """Share of court documents printing (masked) ID numbers."""
    id_print_arbitration: float = 0.5
    """Share of awards printing (masked) ID numbers."""
    extra_id_masks: float = 0.0
    """Share of printed IDs masked in less common ways (all but the region, ``*`` runs)."""
    agent_bare_share: float = 0.3
    """Share of citizen agents printed as a bare name (no sex, birth date or address): the
    same intermediary is printed fully in one document and bare in another."""
    lawyer_bare_share: float = 0.0
    """Share of lawyers printed without their firm."""
    two_lawyers_share: float = 0.0
    """Share of lawyer-represented parties with two lawyers of one firm."""
    joint_line_share: float = 0.0
    """Share of those pairs printed in one line (``委托诉讼代理人：张三、李四，某某律师事务所律师``)."""
    supported_line_share: float = 0.7
    """Share of supported suits naming the supporter in the party block (the rest mention it
    only in the body)."""

    # -- documents ------------------------------------------------------------------------
    unlabelled_refusal_share: float = 0.0
    """Share of 不予受理通知书 addressed to the applicant by name without a 申请人 label."""
    extra_arbitration_styles: float = 0.0
    """Share of commissions using rarer number styles (``X劳人仲不字（2018）第43号``,
    ``X劳人仲案(2016)8-23号``)."""

    # -- script and masking ---------------------------------------------------------------
    traditional_share: float = 0.0
    """Share of documents in traditional script (Hong Kong/Taiwan reposts, some mirrors)."""
    pinyin_gloss_share: float = 0.0
    """Share of traditional documents with pinyin glosses after place names (``區(qū)``)."""
    halfwidth_share: float = 0.0
    """Share of non-mirror documents re-typed with half-width punctuation."""
    mask_style_weights: Shares = tuple((s, 1.0) for s in MASK_STYLES)
    """How mirrors mask natural persons (``***``, ``**英``, ``王某某``, ``王XX``)."""
    company_mask_share: float = 0.0
    """Share of mirror documents that also mask company names (``鑫某（河南）建材有限公司``)."""
    name_pad_share: float = 0.0
    """Share of documents padding two-character names with a full-width space (``王　英``)."""

    # -- name pools -----------------------------------------------------------------------
    surname_concentration: float = 1.0
    """Exponent on surname frequencies: some regions are dominated by a few surnames, which
    makes namesakes (including agents) far more common."""
    given_pool_share: float = 1.0
    """Share of the given-name pool in use (a smaller pool = more namesakes)."""
    agent_namesakes: float = 0.0
    """Share of genuine citizen agents who happen to share a ring intermediary's name."""

    # -- noise ----------------------------------------------------------------------------
    space_noise: float = 0.0
    """Share of documents with stray spaces inside words and titles."""
    linebreak_noise: float = 0.0
    """Share of documents with stray line breaks in the middle of sentences."""
    typo_share: float = 0.0
    """Share of documents with harmless typos (其它/其他, 帐/账, 做出/作出)."""
    missing_filing_share: float = 0.1
    """Share of records without a filing date."""
    missing_birth_share: float = 0.03
    """Share of natural-person parties printed without a birth date."""

    # -- registry -------------------------------------------------------------------------
    registry_coverage: float = 0.98
    """Share of case employers a registry search finds (exports are bought per search list)."""
    registry_format: str = "csv"
    """Registry file form when the caller does not choose one: csv/xlsx with Chinese headers
    or a Tianyancha-style export (``tyc-jsonl``, ``tyc-xlsx``)."""
    registry_spelling_share: float = 0.0
    """Share of registry rows spelled differently from the documents (市 dropped or added,
    region brackets moved, 有限责任公司/有限公司, traditional script, widths and spaces)."""
    regnumber_only_share: float = 0.0
    """Share of firms closed before 2016 that only ever had a 15-digit 注册号 (no USCC)."""
    uscc_print_modern: float = 0.75
    """Share of documents from 2016 on printing the employer's USCC."""
    uscc_print_old: float = 0.25
    """Share of earlier documents printing the employer's USCC."""
    retrial_share: float = 0.0
    """Share of rings one of whose court suits a published retrial revoked as a sham suit
    (虚假诉讼) on a procuratorate's protest or 检察建议: few schemes have been found out, and
    fewer of their revocations published (docs/domain.md §2.2 P14). The retrial is a document,
    not a case of the truth."""
    control_retrial_share: float = 0.0
    """Share of genuine court confirmations a published retrial reviewed - upheld, revoked on a
    procedural ground or for a wrong amount, or remanded, never found a sham - more often at an
    employer a ring also used: procuratorates protest genuine confirmations too, on a
    complaint, and the court finds them genuine (docs/domain.md §2.2 P14). A document, not a
    case of the truth."""
    ring_legal_aid_share: float = 0.0
    """Share of rings that send their buyers to the county legal-aid centre for a free lawyer
    (70% of their suits): many provinces give 农民工 legal aid in labour disputes without a
    means test, so an intermediary's rural buyers can come with an assigned lawyer
    (docs/domain.md E6: legal aid is a weaker check than a supporting body)."""
    reregistered_share: float = 0.0
    """Share of restructured state or collective factories (``restructured_soe``) whose
    registry row shows the re-registration of the late 1980s-1990s as 成立日期, no former name,
    and 全民所有制/集体所有制 or a blank 企业类型, while their workers were hired earlier: the
    planned-economy factory a registry export dates from its re-registration (docs/domain.md
    §5.6)."""

    @property
    def active(self) -> bool:
        """True when any new behaviour is on (level > 0)."""
        return self.level > 0

    def to_json(self) -> dict[str, Any]:
        """The settings as JSON-ready data (recorded in ``truth.json``)."""
        data = asdict(self)
        for key in ("typology_shares", "decoy_shares", "mask_style_weights"):
            data[key] = {k: round(v, 4) for k, v in data[key]}
        return {k: round(v, 4) if isinstance(v, float) else v for k, v in data.items()}


DEFAULT = Variation()


def _dirichlet(rng: random.Random, weights: Shares, concentration: float) -> dict[str, float]:
    draws = {k: rng.gammavariate(max(w * concentration * 10, 0.05), 1.0) for k, w in weights}
    total = sum(draws.values()) or 1.0
    return {k: v / total for k, v in draws.items()}


def _blend(default: Shares, target: dict[str, float], level: float) -> Shares:
    base = dict(default)
    keys = list(dict.fromkeys([*base, *target]))
    mixed = {k: _toward(base.get(k, 0.0), target.get(k, 0.0), level) for k in keys}
    total = sum(mixed.values()) or 1.0
    scale = sum(base.values()) / total
    return tuple((k, mixed[k] * scale) for k in keys)


def draw(seed: int, level: float) -> Variation:
    """The world's settings for ``seed`` at ``level`` (0 = :data:`DEFAULT`, today's generator).

    Targets are drawn in a fixed order whatever the level, so one seed moves the same knobs the
    same way at every level.
    """
    if not 0.0 <= level <= 1.0:
        raise RingtraceError(f"--variation must be between 0 and 1, not {level}")
    if level == 0:
        return DEFAULT
    rng = Rng(f"{seed}:variation")
    u = rng.uniform
    d = DEFAULT

    def t(name: str, low: float, high: float) -> float:
        return _toward(getattr(d, name), u(low, high), level)

    typ_target = _dirichlet(rng, BASE_TYPOLOGY_SHARES + NEW_TYPOLOGY_WEIGHTS, 2.0)
    decoy_target = {k: w * u(0.4, 1.8) for k, w in BASE_DECOY_SHARES + NEW_DECOY_SHARES}
    decoy_total = sum(decoy_target.values())
    if decoy_total > 0.42:
        decoy_target = {k: v * 0.42 / decoy_total for k, v in decoy_target.items()}
    decoys = tuple((k, _toward(dict(BASE_DECOY_SHARES).get(k, 0.0), v, level))
                   for k, v in decoy_target.items())
    mask_target = {s: u(0.1, 2.0) for s in MASK_STYLES}
    fmt_roll, fmt_pick = rng.random(), rng.choice(REGISTRY_FORMATS)
    purpose_low, purpose_high = u(0.0, 0.4), u(0.45, 0.95)
    values: dict[str, Any] = dict(
        level=level,
        sham_share=t("sham_share", 0.06, 0.18),
        typology_shares=_blend(BASE_TYPOLOGY_SHARES, typ_target, level),
        decoy_shares=decoys,
        group_size_max=round(_toward(80, u(15, 80), level)),
        genuine_money_share=u(0.55, 0.95),
        partial_admission_share=u(0.2, 0.7),
        genuine_short_mediation_share=t("genuine_short_mediation_share", 0.05, 0.5),
        ring_varied_lengths=t("ring_varied_lengths", 0.0, 0.6),
        ring_forged_payroll=t("ring_forged_payroll", 0.0, 0.5),
        ring_spread_in_time=t("ring_spread_in_time", 0.0, 0.4),
        ring_token_amount=t("ring_token_amount", 0.02, 0.15),
        ring_birthday_end=t("ring_birthday_end", 0.05, 0.6),
        ring_slow_share=t("ring_slow_share", 0.0, 0.4),
        ring_contest_share=t("ring_contest_share", 0.0, 0.2),
        ring_purpose=(_toward(0.3, purpose_low, level), _toward(0.9, purpose_high, level)),
        html_share=t("html_share", 0.05, 0.6),
        word_export_share=t("word_export_share", 0.05, 0.5),
        fused_anchor_share=t("fused_anchor_share", 0.0, 0.3),
        mirror_share=t("mirror_share", 0.03, 0.3),
        mirror_fields_share=t("mirror_fields_share", 0.2, 0.8),
        field_block_share=t("field_block_share", 0.3, 0.7),
        repost_share=t("repost_share", 0.03, 0.12),
        no_court_line_share=t("no_court_line_share", 0.2, 0.6),
        docx_share=t("docx_share", 0.03, 0.15),
        bom_share=t("bom_share", 0.05, 0.3),
        gb_share=t("gb_share", 0.05, 0.3),
        crlf_share=t("crlf_share", 0.05, 0.5),
        duplicate_share=t("duplicate_share", 0.01, 0.05),
        colonless_share=t("colonless_share", 0.03, 0.4),
        bare_birth_share=t("bare_birth_share", 0.03, 0.3),
        fused_party_share=t("fused_party_share", 0.02, 0.2),
        id_print_court=t("id_print_court", 0.04, 0.35),
        id_print_arbitration=t("id_print_arbitration", 0.15, 0.8),
        extra_id_masks=t("extra_id_masks", 0.1, 0.5),
        agent_bare_share=t("agent_bare_share", 0.1, 0.7),
        lawyer_bare_share=t("lawyer_bare_share", 0.02, 0.15),
        two_lawyers_share=t("two_lawyers_share", 0.08, 0.3),
        joint_line_share=t("joint_line_share", 0.4, 1.0),
        supported_line_share=t("supported_line_share", 0.4, 0.9),
        unlabelled_refusal_share=t("unlabelled_refusal_share", 0.3, 0.8),
        extra_arbitration_styles=t("extra_arbitration_styles", 0.25, 0.6),
        traditional_share=t("traditional_share", 0.03, 0.15),
        pinyin_gloss_share=t("pinyin_gloss_share", 0.3, 0.7),
        halfwidth_share=t("halfwidth_share", 0.03, 0.3),
        mask_style_weights=_blend(DEFAULT.mask_style_weights, mask_target, level),
        company_mask_share=t("company_mask_share", 0.2, 0.6),
        name_pad_share=t("name_pad_share", 0.03, 0.3),
        surname_concentration=t("surname_concentration", 0.8, 2.2),
        given_pool_share=t("given_pool_share", 0.3, 1.0),
        agent_namesakes=t("agent_namesakes", 0.1, 0.4),
        space_noise=t("space_noise", 0.02, 0.3),
        linebreak_noise=t("linebreak_noise", 0.02, 0.3),
        typo_share=t("typo_share", 0.02, 0.2),
        missing_filing_share=t("missing_filing_share", 0.05, 0.4),
        missing_birth_share=t("missing_birth_share", 0.02, 0.3),
        registry_coverage=t("registry_coverage", 0.6, 1.0),
        registry_format=fmt_pick if fmt_roll < level else "csv",
        registry_spelling_share=t("registry_spelling_share", 0.05, 0.35),
        regnumber_only_share=t("regnumber_only_share", 0.3, 0.8),
        uscc_print_modern=t("uscc_print_modern", 0.3, 0.95),
        uscc_print_old=t("uscc_print_old", 0.05, 0.5),
        retrial_share=t("retrial_share", 0.05, 0.25),  # drawn last: the other targets stay
        control_retrial_share=t("control_retrial_share", 0.01, 0.06),  # after it, likewise
        reregistered_share=t("reregistered_share", 0.2, 0.7),
    )
    # pairs of genuine suits drafted together (a legal-aid campaign, a 补缴 window): drawn last,
    # so every other target stays as it was
    values["decoy_shares"] = (*decoys, ("campaign_pair", _toward(0.0, u(0.004, 0.012), level)))
    values["ring_legal_aid_share"] = t("ring_legal_aid_share", 0.05, 0.2)
    return Variation(**values)
