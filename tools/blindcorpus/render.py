"""Turn a planned `Case` into the paragraphs of a document, the way courts and commissions write.

The wording is ours (not copied): it follows the section landmarks of published judgments,
awards and notices (DOMAIN.md §3.1-§3.2). Each document draws its own habits - colons after role
labels, how a birth date is written, 住/住址/户籍地, masking - so that no two forums look alike.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date

from tools.blindcorpus.people import Person
from tools.blindcorpus.world import Agent, Case

CN_DIGITS = "〇一二三四五六七八九"
JOBS = ("装卸", "保管", "门卫", "保洁", "分拣", "搬运", "炊事", "仓储", "井下辅助", "后勤", "打包", "司机")


def cn_date(d: date, zero: str = "〇") -> str:
    """二〇一九年三月一日 (the signature date).

    >>> cn_date(date(2019, 3, 21))
    '二〇一九年三月二十一日'
    """
    def num(n: int) -> str:
        if n < 10:
            return CN_DIGITS[n]
        tens, ones = divmod(n, 10)
        return ("" if tens == 1 else CN_DIGITS[tens]) + "十" + (CN_DIGITS[ones] if ones else "")
    year = "".join(CN_DIGITS[int(c)] for c in str(d.year)).replace("〇", zero)
    return f"{year}年{num(d.month)}月{num(d.day)}日"


def ymd(d: date, style: int = 0) -> str:
    if style == 1:
        return f"{d.year}年{d.month:02d}月{d.day:02d}日"
    return f"{d.year}年{d.month}月{d.day}日"


def ym(d: date) -> str:
    return f"{d.year}年{d.month}月"


@dataclass
class Habits:
    """Per-document writing habits."""

    colon: str
    birth: int  # 0 出生, 1 生, 2 bare, 3 omitted
    addr: str  # 住 / 住址： / 户籍地： / 住所地
    mask: str  # none mou mou2 stars allstars xx
    mask_agents: bool
    mask_lawyers: bool
    show_id: bool
    old_agent_word: bool
    date_style: int
    halfwidth: bool


@dataclass
class Doc:
    lines: list[str]
    mentions: list[dict[str, str]] = field(default_factory=list)
    title: str = ""
    forum: str = ""
    case_number: str = ""
    decided: date | None = None


def draw_habits(rng: random.Random, c: Case, mask_level: float) -> Habits:
    mask = "none"
    if rng.random() < mask_level:
        mask = rng.choices(("mou", "mou2", "stars", "allstars", "xx"), (4, 2, 3, 1.5, 1))[0]
    return Habits(
        colon=rng.choices(("：", ":", ""), (6, 3, 1.5))[0],
        birth=rng.choices((0, 1, 2, 3), (6, 2, 1.5, 1))[0],
        addr=rng.choices(("住", "住址：", "户籍地：", "住所地："), (6, 2, 1.5, 0.2))[0],
        mask=mask,
        mask_agents=rng.random() < 0.5,
        mask_lawyers=rng.random() < 0.15,
        show_id=rng.random() < (0.6 if c.doc_type in ("award", "arb_mediation", "refusal") else 0.2),
        old_agent_word=c.filing.year < 2016 or rng.random() < 0.2,
        date_style=0 if rng.random() < 0.85 else 1,
        halfwidth=rng.random() < 0.2,
    )


def mask_name(name: str, style: str) -> str:
    """张秀兰 -> 张某 / 张某某 / 张** / *** / 张XX."""
    if style == "none" or len(name) < 2:
        return name
    sn = name[:2] if len(name) == 4 else name[0]
    return {"mou": sn + "某", "mou2": sn + "某某", "stars": sn + "*" * (len(name) - len(sn)),
            "allstars": "***", "xx": sn + "XX"}.get(style, name)


class Writer:
    def __init__(self, rng: random.Random, c: Case, h: Habits, employer_name: str) -> None:
        self.rng = rng
        self.c = c
        self.h = h
        self.emp = employer_name
        self.mentions: list[dict[str, str]] = []
        self.printed: dict[str, str] = {}
        self.short = employer_name
        if rng.random() < 0.35:
            core = employer_name
            for pre in (c.county.province, c.county.city, c.county.city.rstrip("市"), c.county.county):
                if pre and core.startswith(pre):
                    core = core[len(pre):]
            word = core[:2]
            tail = "厂" if core.endswith("厂") else "粮库" if core.endswith("粮库") else "煤矿" if core.endswith("煤矿") else "公司"
            self.short = word + tail

    def pname(self, p: Person, role: str, side: str, agent: bool = False, lawyer: bool = False) -> str:
        name = p.name
        if self.h.mask != "none" and (not agent or self.h.mask_agents) and (not lawyer or self.h.mask_lawyers):
            name = mask_name(name, self.h.mask)
        if p.pid not in self.printed:
            self.printed[p.pid] = name
            self.mentions.append({"role": role, "side": side, "printed": name, "entity": p.pid})
        return name

    def birth(self, p: Person) -> str:
        d = ymd(p.birth, self.h.date_style)
        return ("", f"，{d}出生", f"，{d}生", f"，{d}")[(self.h.birth + 1) % 4 if self.h.birth < 3 else 0]

    def person_line(self, label: str, p: Person, role: str) -> str:
        h = self.h
        name = self.pname(p, role, "worker")
        sex = "男" if p.male else "女"
        parts = [f"{label}{h.colon}{name}，{sex}"]
        if h.birth != 3:
            d = ymd(p.birth, h.date_style) if h.mask != "xx" else "xxxx年xx月xx日"
            r = self.rng.random()
            if r < 0.06:
                d = f"{p.birth.year}年{p.birth.month}月"
            elif r < 0.1:
                d = f"{p.birth.year}年"
            parts.append([f"{d}出生", f"{d}生", d][h.birth] if not d.endswith(("月", "年")) else f"{d}生")
        parts.append("汉族")
        if h.show_id:
            idn = p.id_no if h.mask == "none" and self.rng.random() < 0.3 else p.id_no[:10] + "********"
            parts.append(f"公民身份号码{idn}")
        addr = p.address
        parts.append(f"{h.addr}{addr}" if h.addr != "住" else f"住{addr}")
        return "，".join(parts) + "。"

    def company_lines(self, label: str, role: str) -> list[str]:
        c = self.c
        h = self.h
        comp = c.company
        if not any(m["entity"] == comp.eid for m in self.mentions):
            self.mentions.append({"role": role, "side": "employer", "printed": self.emp, "entity": comp.eid})
        line = f"{label}{h.colon}{self.emp}"
        if self.short != self.emp:
            line += f"（以下简称{self.short}）"
        line += f"，住所地{comp.address}"
        r = self.rng.random()
        if r < 0.45:
            line += f"，统一社会信用代码{h.colon or '：'}{comp.uscc}"
        line += "。"
        rep = comp.legal_rep
        rep_name = self.pname(rep, "legal_rep", "employer") if self.rng.random() < 0.5 or h.mask == "none" else rep.name
        if rep.pid not in self.printed:
            self.printed[rep.pid] = rep_name
            self.mentions.append({"role": "legal_rep", "side": "employer", "printed": rep_name, "entity": rep.pid})
        title = self.rng.choice(("经理", "总经理", "执行董事", "厂长", "董事长", "负责人"))
        word = "负责人" if comp.org_type in ("集体所有制", "全民所有制") and self.rng.random() < 0.5 else "法定代表人"
        if comp.status == "清算" and self.rng.random() < 0.5:
            title = "公司清算组组长"
        return [line, f"{word}{h.colon}{self.printed[rep.pid]}，{title}。"]

    def agent_line(self, a: Agent, represented: str, side: str, party_word: str) -> str:
        h = self.h
        word = "委托代理人" if h.old_agent_word else "委托诉讼代理人"
        if self.c.doc_type in ("award", "arb_mediation"):
            word = "委托代理人"
        if a.person is not None:
            name = self.pname(a.person, "agent", side, agent=True, lawyer=a.kind in ("lawyer", "intern", "legal_aid"))
        else:
            name = a.name
            self.mentions.append({"role": "agent", "side": side, "printed": name, "entity": a.pid or name})
        colon = h.colon
        if a.kind == "lawyer":
            return f"{word}{colon}{name}，{a.firm}律师。"
        if a.kind == "intern":
            return f"{word}{colon}{name}，{a.firm}实习律师。"
        if a.kind == "legal_aid":
            return f"{word}{colon}{name}，{a.firm}指派律师。" if self.rng.random() < 0.6 else \
                f"{word}{colon}{name}，{a.firm}律师。"
        if a.kind == "legal_service":
            return f"{word}{colon}{name}，{a.firm}法律工作者。"
        if a.kind in ("employee", "manager"):
            rel = a.relation or self.rng.choice(("该公司员工", "该公司经理"))
            return f"{word}{colon}{name}，{rel}。"
        if a.kind == "relative":
            p = a.person
            if p is not None and self.rng.random() < 0.5:
                return (f"{word}{colon}{name}，{'男' if p.male else '女'}，{ymd(p.birth)}出生，汉族，"
                        f"住{p.address}，系{represented}{a.relation}。")
            return f"{word}{colon}{name}（{party_word}{a.relation}）。"
        p = a.person
        if p is not None:
            tail = "" if self.rng.random() < 0.5 else f"，公民身份号码{p.id_no[:6]}********{p.id_no[-4:]}"
            if a.relation:
                tail += f"，{a.relation}"
            return f"{word}{colon}{name}，{'男' if p.male else '女'}，{ymd(p.birth)}出生，汉族，住{p.address}{tail}。"
        return f"{word}{colon}{name}。"


def _period(c: Case, w: Writer) -> str:
    if c.start is None or c.end is None:
        return ""
    r = w.rng.random()
    if r < 0.25:
        return f"自{ym(c.start)}至{ym(c.end)}"
    if r < 0.35:
        return f"{ym(c.start)}至{ym(c.end)}"
    if r < 0.42:
        return f"从{ymd(c.start)}起至{ymd(c.end)}止"
    return f"自{ymd(c.start)}至{ymd(c.end)}"


def _response(c: Case, rng: random.Random, resp_name: str, absent_court: bool) -> str:
    r = c.response
    if r == "no_objection":
        return rng.choice((f"{resp_name}辩称，对原告的诉讼请求无异议。",
                           f"{resp_name}当庭表示，原告所述情况属实，同意原告的诉讼请求。",
                           f"{resp_name}对原告的诉讼请求予以认可。",
                           f"{resp_name}辩称：原告确实在我处干过，情况属实。",
                           f"{resp_name}辩称：对原告所述事实及诉讼请求均无异议，同意确认双方存在劳动关系。",
                           f"{resp_name}对原告主张的事实没有异议。",
                           f"{resp_name}辩称，原告陈述属实，我方没有异议。"))
    if r == "admits":
        if c.reason in ("停产", "改制", "歇业") and c.group == "decoy":
            return rng.choice((f"{resp_name}辩称，经查阅本单位保存的职工花名册及工资发放表等档案资料，原告确曾在我单位工作，对原告的诉讼请求予以认可。",
                               f"{resp_name}辩称，我单位{c.reason}后，原职工的人事档案由单位保管，经核对档案，原告所述工作经历属实，同意原告的请求。"))
        return rng.choice((f"{resp_name}辩称，原告所述属实，原告确系我公司职工，同意确认劳动关系。",
                           f"{resp_name}辩称：认可原告的诉讼请求。"))
    if r == "partial":
        return rng.choice((f"{resp_name}辩称，原告确曾在我处工作，但原告主张的加班费和经济补偿金没有依据，不同意支付。",
                           f"{resp_name}辩称：同意确认劳动关系，但公司现已停产，没有能力支付原告主张的款项。",f"{resp_name}辩称，对原告在我公司工作的事实无异议，但原告主张的工资数额过高，且公司已停产，无力支付，请求依法处理。",
                           f"{resp_name}辩称：原告的入职时间与实际不符，原告系{c.start.year + 1 if c.start else ''}年才到我处工作，对其余事实没有异议。"))
    if r == "contests":
        return rng.choice((f"{resp_name}辩称，我公司从未雇用过原告，原告提交的工资表上的印章不是我公司的印章，请求驳回。",f"{resp_name}辩称，原告并非我公司员工，双方不存在劳动关系，原告系由案外人雇佣并支付报酬，请求驳回原告的诉讼请求。",
                           f"{resp_name}辩称：原告与被告之间系劳务关系而非劳动关系，原告的主张没有事实和法律依据，不同意原告的请求。"))
    if absent_court:
        return f"{resp_name}未到庭，亦未提交书面答辩意见。"
    return f"{resp_name}未到庭，亦未提交答辩意见。"


def render(c: Case, rng: random.Random, employer_name: str, mask_level: float) -> Doc:
    """The paragraphs of one document for `c`."""
    h = draw_habits(rng, c, mask_level)
    w = Writer(rng, c, h, employer_name)
    worker = c.workers[0]
    arb = c.doc_type in ("award", "arb_mediation", "refusal")
    if c.doc_type == "refusal":
        return _refusal(c, w)
    forum = c.county.commission if arb else (c.county.mid_court if c.doc_type == "appeal" else c.county.court)
    title = {"judgment": "民事判决书", "appeal": "民事判决书", "court_mediation": "民事调解书",
             "award": "仲裁裁决书", "arb_mediation": "仲裁调解书"}[c.doc_type]
    spaced = rng.random() < 0.6
    title_line = " ".join(title) if spaced else title
    lines = [forum, title_line, c.case_number]
    # party block
    if arb:
        wl, el = "申请人", "被申请人"
    elif c.doc_type == "appeal":
        if c.appellant_is_worker:
            wl, el = "上诉人（原审原告）", "被上诉人（原审被告）"
        else:
            wl, el = "被上诉人（原审原告）", "上诉人（原审被告）"
    elif c.employer_initiated:
        wl, el = "被告", "原告"
    else:
        wl, el = "原告", "被告"
    wname_line = w.person_line(wl, worker, "party")
    wname = w.printed[worker.pid]
    ename = employer_name
    worker_block = [wname_line]
    if c.co_workers:
        names = [wname]
        shared = all(ag == c.worker_agents for _, _, _, ag in c.co_workers) and bool(c.worker_agents)
        if not shared:
            worker_block += [w.agent_line(a, wname, "worker", wl) for a in c.worker_agents]
        for p2, _, _, ag in c.co_workers:
            worker_block.append(w.person_line(wl, p2, "party"))
            names.append(w.printed[p2.pid])
            if not shared:
                worker_block += [w.agent_line(a, w.printed[p2.pid], "worker", wl) for a in ag]
        if shared:
            line = w.agent_line(c.worker_agents[0], wname, "worker", wl)
            worker_block.append(f"上列{'、'.join(names) if rng.random() < 0.4 else str(len(names)) + '名' + wl}共同" + line)
    else:
        worker_block += [w.agent_line(a, wname, "worker", wl.split("（")[0]) for a in c.worker_agents]
    emp_block = w.company_lines(el, "party") + [w.agent_line(a, ename, "employer", el) for a in c.employer_agents]
    sup_lines: list[str] = []
    if c.supporter:
        sup_lines = [f"支持起诉{'单位' if c.supporter.endswith('工会') else '机关'}{h.colon}{c.supporter}。"]
        w.mentions.append({"role": "supporter", "side": "other", "printed": c.supporter, "entity": "S:" + c.supporter})
    first_emp = c.employer_initiated or (c.doc_type == "appeal" and not c.appellant_is_worker)
    lines += (emp_block + worker_block) if first_emp else (worker_block + sup_lines + emp_block)
    if first_emp and sup_lines:
        lines += sup_lines
    # procedure
    W = wname
    ename = w.short
    cause = c.cause if not arb else c.cause.replace("纠纷", "争议")
    absent = c.response == "absent"
    if arb:
        proc = (f"申请人{W}与被申请人{ename}{cause}一案，本委于{ymd(c.filing)}立案受理后，"
                f"{'依法由仲裁员独任审理' if rng.random() < 0.6 else '依法组成仲裁庭'}，"
                f"于{ymd(c.hearing or c.decision)}公开开庭进行了审理。")
        proc += f"被申请人{ename}经本委书面通知，无正当理由未到庭参加庭审，本委依法缺席审理。" if absent else \
            "双方当事人均到庭参加了庭审。"
        proc += "本案现已审理终结。"
    elif c.doc_type == "appeal":
        app, resp = (W, ename) if c.appellant_is_worker else (ename, W)
        lower = c.related[0] if c.related else ""
        proc = (f"上诉人{app}因与被上诉人{resp}{cause}一案，不服{c.lower_forum}{lower}民事判决，向本院提起上诉。"
                f"本院于{ymd(c.filing)}立案后，依法组成合议庭，{'公开开庭' if rng.random() < 0.5 else '经过阅卷、调查和询问当事人，不开庭'}进行了审理。本案现已审理终结。")
    else:
        pl, df = (ename, W) if c.employer_initiated else (W, ename)
        proc = (f"原告{pl}与被告{df}{cause}一案，本院于{ymd(c.filing)}立案后，"
                f"依法适用{'简易程序' if c.simple else '普通程序'}，{'公开' if rng.random() < 0.8 else ''}开庭进行了审理。")
        if absent:
            proc += f"被告{df}经本院传票传唤，无正当理由拒不到庭参加诉讼，本院依法缺席审理。"
        else:
            wa = "、".join(w.printed.get(a.pid, a.name) for a in c.worker_agents)
            proc += f"原告{pl}{'及其委托诉讼代理人' + wa if wa and not c.employer_initiated else ''}、被告{df}到庭参加诉讼。"
        proc += "本案现已审理终结。"
    lines.append(proc)
    if c.related and c.doc_type != "appeal":
        lines.append(f"原告曾向{c.county.commission}申请仲裁，该委以{c.reason or '不属于受理范围'}为由作出{c.related[0]}不予受理通知书，原告不服，遂诉至本院。")
    # claims
    period = _period(c, w)
    items: list[str] = []
    if c.employer_initiated:
        items.append(f"确认原告与被告{period}期间不存在劳动关系")
    else:
        items.append(f"确认{'申请人' if arb else '原告'}{wname if c.co_workers else ''}与{'被申请人' if arb else '被告'}{period}期间存在劳动关系")
        for p2, s2, e2, _ in c.co_workers:
            if s2 and e2:
                items.append(f"确认原告{w.printed[p2.pid]}与被告自{ymd(s2)}至{ymd(e2)}期间存在劳动关系")
        for label, amt in c.amounts:
            items.append(f"{'裁决被申请人' if arb else '判令被告'}支付{'申请人' if arb else '原告'}{label}{amt}元")
        if c.purpose and rng.random() < 0.5:
            items.append(f"{'被申请人' if arb else '被告'}为{'申请人' if arb else '原告'}补缴上述期间的养老保险费")
    if not arb and rng.random() < 0.6:
        items.append("本案诉讼费用由被告承担")
    numbered = "；".join(f"{i + 1}.{t}" for i, t in enumerate(items)) if len(items) > 1 else items[0]
    job = rng.choice(JOBS)
    story = ""
    if c.start and c.end and not c.employer_initiated:
        story = (f"{'申请人' if arb else '原告'}于{ymd(c.start)}到{'被申请人' if arb else '被告'}处工作，从事{job}工作，"
                 f"{'双方未签订书面劳动合同，' if rng.random() < 0.6 else ''}"
                 f"{'每月工资由单位以现金发放，' if rng.random() < 0.5 else ''}"
                 f"至{ymd(c.end)}{'因单位' + c.reason + '离开' if c.reason in ('停产', '改制', '歇业') else '离职' if c.reason != '工伤' else '在工作中受伤'}。")
        if c.reason == "工伤":
            story += "原告申请工伤认定，因无法证明与被告存在劳动关系而未能受理。"
        if c.purpose:
            story += rng.choice(("现原告已临近退休年龄，因被告未为原告缴纳社会保险，无法办理养老保险补缴手续，",
                                 "为办理养老保险补缴及退休手续，", "为了日后老有所养，需补缴社会养老保险，"))
        story += "为维护自身合法权益，特" + ("申请仲裁。" if arb else "诉至法院。")
    elif c.employer_initiated:
        story = (f"被告曾以原告为被申请人向{c.county.commission}申请仲裁，要求确认劳动关系。"
                 f"原告认为，被告系原告承包方临时雇用，双方不存在劳动关系，故诉至法院。")
    if c.doc_type == "appeal":
        lines.append(f"{W if c.appellant_is_worker else ename}上诉请求：撤销原审判决，依法改判。事实和理由：一审法院认定事实错误。")
        lines.append(f"{ename if c.appellant_is_worker else W}辩称，一审判决认定事实清楚，适用法律正确，请求驳回上诉，维持原判。")
        lines.append(f"{W}向一审法院起诉请求：{numbered}。")
    elif arb:
        lines.append(f"申请人请求：{numbered}。")
        lines.append(f"申请人称：{story}")
        lines.append(_response(c, rng, "被申请人", False).replace("原告", "申请人").replace("诉讼请求", "仲裁请求"))
    else:
        who = ename if c.employer_initiated else W
        lines.append(f"{who}向本院提出诉讼请求：{numbered}。事实和理由：{story}")
        if c.supporter:
            lines.append(f"{c.supporter}支持起诉称，原告系长期在被告处从事环卫工作的劳动者，被告未依法为其缴纳社会保险，"
                         f"原告属于弱势群体，为维护其合法权益，依法支持原告提起诉讼。")
        if c.employer_initiated:
            lines.append(f"{W}辩称，其自{ymd(c.start) if c.start else ''}起一直在原告处工作，受原告管理，双方存在劳动关系。")
        else:
            lines.append(_response(c, rng, ename if rng.random() < 0.5 else "被告", True))
    # evidence
    if c.evidence:
        ev = "、".join(f"《{e}》" if rng.random() < 0.3 else e for e in c.evidence)
        if c.response in ("no_objection", "admits"):
            lines.append(f"{'申请人' if arb else '原告'}为证明其主张，提交了{ev}等证据，{'被申请人' if arb else '被告'}对上述证据的真实性无异议。")
        elif c.response == "absent":
            lines.append(f"{'申请人' if arb else '原告'}围绕其主张提交了{ev}等证据。")
        else:
            lines.append(f"原告提交{ev}等证据，被告对证据的真实性和证明目的有异议。")
    # findings
    if c.doc_type in ("court_mediation", "arb_mediation"):
        lines.append(("本案审理过程中，经本院主持调解，" if not arb else "本案审理过程中，经本委主持调解，") + "双方当事人自愿达成如下协议：")
        lines.append(f"一、确认{'申请人' if arb else '原告'}{W}与{'被申请人' if arb else '被告'}{ename}{period}期间存在劳动关系；")
        for p2, s2, e2, _ in c.co_workers:
            if s2 and e2:
                lines.append(f"确认原告{w.printed[p2.pid]}与被告{ename}自{ymd(s2)}至{ymd(e2)}期间存在劳动关系；")
        if c.amounts:
            lines.append(f"二、{'被申请人' if arb else '被告'}{ename}于{ymd(c.decision)}前支付{'申请人' if arb else '原告'}{c.amounts[0][0]}{c.amounts[0][1] // 2}元；")
        if not arb:
            lines.append("案件受理费10元，减半收取5元，由被告负担。")
        lines.append("上述协议，不违反法律规定，" + ("本院予以确认。" if not arb else "本委予以确认。"))
        lines.append("本调解书经双方当事人签收后，即具有法律效力。")
    else:
        findings = f"{'经审理查明' if arb or rng.random() < 0.5 else '本院经审理认定事实如下'}：{story.split('为维护')[0].split('为办理')[0].replace('原告', W if not c.employer_initiated else '被告')}"
        if c.doc_type == "appeal":
            findings = "本院经审理查明，一审法院认定事实属实，本院予以确认。"
        lines.append(findings)
        confirmed = c.outcome in ("confirmed", "upheld") and not c.employer_initiated
        if c.employer_initiated:
            confirmed = c.outcome == "denied"
        body = "本委认为" if arb else "本院认为"
        if c.doc_type == "appeal":
            lines.append(f"{body}，一审判决认定事实清楚，适用法律正确，应予维持。" if c.outcome == "upheld" else
                         f"{body}，一审判决认定事实不清，应予纠正。")
            lines.append("依照《中华人民共和国民事诉讼法》第一百七十七条第一款之规定，判决如下：")
            if c.outcome == "upheld":
                lines.append("驳回上诉，维持原判。")
                lines.append("二审案件受理费10元，由上诉人负担。")
            else:
                lines.append(f"一、撤销{c.lower_forum}{c.related[0] if c.related else ''}民事判决；")
                lines.append(f"二、驳回{W}的诉讼请求。")
            lines.append("本判决为终审判决。")
        else:
            if confirmed and not c.employer_initiated:
                lines.append(f"{body}，用人单位自用工之日起即与劳动者建立劳动关系。{'根据' + '、'.join(c.evidence) + '等证据，' if c.evidence else ''}"
                             f"结合{'被申请人' if arb else '被告'}的{'陈述' if c.response != 'absent' else '缺席'}，"
                             f"可以认定双方之间存在劳动关系，{'申请人' if arb else '原告'}的请求，{'本委' if arb else '本院'}予以支持。")
            elif c.employer_initiated and confirmed:
                lines.append(f"{body}，被告未能提供证据证明其接受原告的劳动管理，原告的诉讼请求，本院予以支持。")
            else:
                lines.append(f"{body}，{'申请人' if arb else '原告'}提交的证据不足以证明双方存在劳动关系，对其请求不予支持。")
            lines.append("依照《中华人民共和国劳动合同法》第七条、" + ("《中华人民共和国劳动争议调解仲裁法》第四十七条之规定，裁决如下：" if arb else
                                                         "《中华人民共和国民事诉讼法》第六十七条之规定，判决如下："))
            if c.employer_initiated:
                lines.append(f"确认原告{ename}与被告{W}之间不存在劳动关系。" if confirmed else f"驳回原告{ename}的诉讼请求。")
            elif confirmed:
                lines.append(f"一、确认{'申请人' if arb else '原告'}{W}与{'被申请人' if arb else '被告'}{ename}{period}期间存在劳动关系；")
                for p2, s2, e2, _ in c.co_workers:
                    if s2 and e2:
                        lines.append(f"确认原告{w.printed[p2.pid]}与被告{ename}自{ymd(s2)}至{ymd(e2)}期间存在劳动关系；")
                for i, (label, amt) in enumerate(c.amounts):
                    lines.append(f"{'二三四'[i]}、{'被申请人' if arb else '被告'}{ename}于本{'裁决' if arb else '判决'}生效之日起十日内支付{'申请人' if arb else '原告'}{W}{label}{amt}元；")
            else:
                lines.append(f"驳回{'申请人' if arb else '原告'}{W}的{'仲裁' if arb else '诉讼'}请求。")
            if arb:
                lines.append("本裁决为非终局裁决。如不服本裁决，可自收到本裁决书之日起十五日内向人民法院提起诉讼；期满不起诉的，本裁决书即发生法律效力。")
            else:
                lines.append("案件受理费10元，" + ("减半收取5元，" if c.simple else "") + "由被告负担。")
                lines.append(f"如不服本判决，可以在判决书送达之日起十五日内，向本院递交上诉状，并按对方当事人的人数提出副本，上诉于{c.county.mid_court}。")
    judge = "仲裁员" if arb else w.rng.choice(("审判员", "审判长"))
    lines.append(f"{judge}　{w.rng.choice(('李', '王', '张', '陈', '赵'))}{w.rng.choice(('明', '静', '伟', '敏', '红霞', '建华'))}")
    lines.append(cn_date(c.decision, "〇" if rng.random() < 0.85 else "Ｏ"))
    lines.append(f"书记员　{w.rng.choice(('孙', '周', '吴'))}{w.rng.choice(('丽', '婷', '洋', '璐'))}")
    return Doc(lines, w.mentions, title=title, forum=forum, case_number=c.case_number, decided=c.decision)


def _refusal(c: Case, w: Writer) -> Doc:
    rng = w.rng
    worker = c.workers[0]
    name = w.pname(worker, "party", "worker")
    w.mentions.append({"role": "party", "side": "employer", "printed": w.emp, "entity": c.company.eid})
    title = "不予受理通知书"
    lines = [c.county.commission, " ".join(title) if rng.random() < 0.4 else title, c.case_number]
    if rng.random() < 0.5:
        lines.append(f"{name}：")
    else:
        lines.append(f"申请人{w.h.colon}{name}，{'男' if worker.male else '女'}，{ymd(worker.birth)}出生，住{worker.address}。")
        lines.append(f"被申请人{w.h.colon}{w.emp}。")
    period = _period(c, w)
    lines.append(f"你于{ymd(c.filing)}向本委提出的与{w.emp}确认劳动关系{period}的仲裁申请收悉。经审查，{c.reason or '不符合受理条件'}。"
                 f"根据《劳动人事争议仲裁办案规则》第三十条之规定，本委决定不予受理。")
    lines.append("如不服本通知，可自收到本通知书之日起十五日内向人民法院提起诉讼。")
    lines.append(c.county.commission)
    lines.append(cn_date(c.decision) if rng.random() < 0.6 else ymd(c.decision))
    return Doc(lines, w.mentions, title=title, forum=c.county.commission, case_number=c.case_number, decided=c.decision)
