"""Documents as real corpora carry them: full judgments, awards, mediation statements, refusal
notices; mirror pages with metadata fields, reposts without a header, Word-exported HTML that
splits numbers, masked names, traditional script (layouts from shared/samples/real_docs)."""

from __future__ import annotations

import datetime as dt
import random

from tools.altcorpus.world import Agent, Case

CN = "〇一二三四五六七八九"


def cn_date(d: dt.date) -> str:
    """二〇二一年三月十二日 (signature blocks)."""
    def num(n: int) -> str:
        if n < 10:
            return CN[n]
        return ("" if n // 10 == 1 else CN[n // 10]) + "十" + ("" if n % 10 == 0 else CN[n % 10])
    return "".join(CN[int(c)] for c in str(d.year)) + f"年{num(d.month)}月{num(d.day)}日"


def ymd(d: dt.date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def court(c: Case) -> str:
    prov, _, city, county, _, _ = c.employer.region
    return f"{city}{county}人民法院" if prov == city else f"{prov}{city}{county}人民法院"


def commission(c: Case) -> str:
    return f"{c.employer.region[2]}劳动人事争议仲裁委员会"


def forum_name(c: Case) -> str:
    return commission(c) if c.forum == "arbitration" else court(c)


def number(rng: random.Random, c: Case, seq: int) -> str:
    y = c.filed.year
    abbr, code, city = c.employer.region[1], c.employer.region[4], c.employer.region[5]
    if c.forum == "court":
        left, right = rng.choice([("（", "）"), ("(", ")"), ("（", "）"), ("〔", "〕")])
        return f"{left}{y}{right}{abbr}{code[2:]}民初{seq}号"
    kind = "不" if c.doc == "refusal" else rng.choice(["案", "案", "裁"])
    return rng.choice([f"{city}劳人仲{kind}字〔{y}〕{seq}号", f"{city}劳人仲{kind}字（{y}）第{seq}号",
                       f"{city}劳人仲{kind}字[{y}]{seq}号"])


def _person_line(rng: random.Random, label: str, p, name: str) -> str:
    sep = rng.choice(["：", "：", "，", ""]) if label else ""
    born = rng.choice([f"{ymd(p.birth)}出生", f"{ymd(p.birth)}生", ymd(p.birth)])
    ident = rng.choice(["", "", f"，公民身份号码{p.id_number[:10]}********",
                        f"，身份证号码：{p.id_number}"])
    tail = f"，联系电话{p.phone}" if rng.random() < 0.35 else ""
    home = rng.choice(["住", "住址：", "户籍地"])
    return f"{label}{sep}{name}，{p.sex}，{born}，汉族{ident}，{home}{p.address}{tail}。"


def _agent_line(rng: random.Random, a: Agent, label: str) -> str:
    if a.firm.endswith("法律援助中心"):
        return f"{label}：{a.person.name}，{a.firm}指派律师。"
    if a.firm:
        return f"{label}：{a.person.name}，{a.firm}律师。"
    rel = f"，{a.relation}" if a.relation else ""
    if rng.random() < 0.3:  # no birth date: 委托代理人张XX。 / …，该公司员工。
        return f"{label}{a.person.name}{rel}。" if rel else f"{label}{a.person.name}。"
    return (f"{label}：{a.person.name}，{a.person.sex}，{ymd(a.person.birth)}出生，汉族，"
            f"住{a.person.address}{rel}。")


def parties(rng: random.Random, c: Case, name: str, side: tuple[str, str]) -> list[str]:
    e = c.employer
    lines = [_person_line(rng, side[0], c.applicant, name)]
    agent_label = "委托诉讼代理人" if c.forum == "court" else "委托代理人"
    if c.applicant_agent:
        lines.append(_agent_line(rng, c.applicant_agent, agent_label))
    if c.supporter:
        kind = "机关" if c.supporter.endswith("检察院") else "单位"
        lines.append(f"支持起诉{kind}：{c.supporter}。")
    employer = e.doc_name
    code = f"，统一社会信用代码：{e.uscc}" if e.uscc and rng.random() < 0.7 else ""
    if rng.random() < 0.15:  # 上诉人(原审被告)沈阳胜海塑编厂。 - no colon, no address
        lines.append(f"{side[1]}{employer}{code}。")
    else:
        lines.append(f"{side[1]}：{employer}，住所地{e.legal_rep.address.split('区')[0]}区"
                     f"{rng.randrange(1, 99)}号{code}。")
    title = "厂长" if e.doc_name.endswith("厂") else rng.choice(["总经理", "执行董事", "清算组组长"])
    lines.append(f"{rng.choice(['法定代表人', '负责人'])}：{e.legal_rep.name}，{title}。")
    if c.employer_agent:
        lines.append(_agent_line(rng, c.employer_agent, agent_label))
    return lines


def _claims(c: Case, me: str) -> str:
    items = [f"确认{me}与{c.employer.doc_name}自{ymd(c.start)}至{ymd(c.end)}期间存在劳动关系"]
    if c.wages:
        items.append(f"支付拖欠工资及解除劳动合同经济补偿金共计{c.wages}元")
    if c.purpose:
        items.append("为其补缴上述期间的养老保险费")
    return "；".join(f"{i + 1}.{t}" for i, t in enumerate(items)) + "。"


def _response(c: Case, they: str) -> str:
    if c.stance == "admit":
        if c.kind in ("dormant_collective", "restructured_soe") and c.proof:
            return (f"{they}辩称，经查阅单位保存的{'、'.join(c.proof)}，申请人确系本单位职工，"
                    "对其主张的工作期间无异议。")
        return f"{they}辩称，对{c.applicant.name}所述事实无异议，同意其请求。"
    if c.stance == "partial":
        return (f"{they}辩称，对工作期间无异议，但主张的工资数额过高，且单位已停产，"
                "现无力支付。")
    if c.stance == "contest":
        return f"{they}辩称，{c.applicant.name}并非本单位职工，双方不存在劳动关系，请求驳回其全部请求。"
    return f"{they}经依法传唤，无正当理由未到庭，亦未提交答辩意见。"


def _facts(c: Case) -> str:
    if not c.proof:
        return f"经审理查明，{c.applicant.name}所述事实属实。"
    return f"经审理查明，{c.applicant.name}提交了{'、'.join(c.proof)}等证据，对方对真实性无异议。"


def body(rng: random.Random, c: Case, name: str, num: str) -> tuple[str, str, list[str]]:
    """(forum line, title, paragraphs) for the case's document kind."""
    e = c.employer.doc_name
    if c.doc == "refusal":
        reason = rng.choice(["申请人的仲裁请求已超过仲裁时效", "申请人与被申请人之间不属于劳动争议受理范围"])
        return commission(c), "不予受理通知书", [
            f"{name}：",
            f"你于{ymd(c.filed)}向本委提出的与{e}确认劳动关系争议的仲裁申请，经审查，{reason}。"
            "根据《劳动人事争议仲裁办案规则》第三十条的规定，本委决定不予受理。",
            "如不服本通知，可自收到本通知之日起十五日内向人民法院提起诉讼。",
            cn_date(c.decided)]
    if c.forum == "arbitration":
        title = "仲裁调解书" if c.doc == "arb_mediation" else "仲裁裁决书"
        paras = parties(rng, c, name, ("申请人", "被申请人"))
        paras.append(f"申请人{name}与被申请人{e}确认劳动关系争议一案，本委于{ymd(c.filed)}立案受理，"
                     "依法组成仲裁庭，现已审理终结。")
        paras.append(f"申请人的仲裁请求：{_claims(c, '申请人')}")
        if c.doc == "arb_mediation":
            paras.append(f"本案经仲裁庭主持调解，双方自愿达成如下协议：一、申请人与被申请人自{ymd(c.start)}"
                         f"至{ymd(c.end)}期间存在劳动关系。" + (f"二、被申请人支付申请人{c.wages // 2}元。" if c.wages else ""))
            paras.append("本调解书经双方当事人签收后，发生法律效力。")
        else:
            paras += [_response(c, "被申请人"), _facts(c),
                      "本委认为，" + ("申请人的主张证据不足。" if c.stance == "contest" else "双方存在事实劳动关系。"),
                      "裁决如下：" + ("驳回申请人的仲裁请求。" if c.stance == "contest" else
                                   f"一、确认申请人与被申请人自{ymd(c.start)}至{ymd(c.end)}期间存在劳动关系。")]
        paras += [f"仲裁员：{rng.choice('王李张')}某", cn_date(c.decided)]
        return commission(c), title, paras
    if c.doc == "employer_suit":
        return court(c), "民事判决书", _employer_suit(rng, c, name)
    paras = parties(rng, c, name, ("原告", "被告"))
    record = (f"原告{name}与被告{e}确认劳动关系纠纷一案，本院于{ymd(c.filed)}立案后，依法适用简易程序"
              "公开开庭进行了审理。本案现已审理终结。")
    if rng.random() < 0.15:  # the last party line fused with the next paragraph (01.txt)
        paras[-1] += record
    else:
        paras.append(record)
    paras.append(f"{name}向本院提出诉讼请求：{_claims(c, '原告')}")
    if c.doc == "mediation":
        proof = (f"被告查阅{'、'.join(c.proof)}后，认可原告系其职工。" if c.proof else "")
        paras.append(f"本案审理过程中，{proof}经本院主持调解，双方当事人自愿达成如下协议：一、确认原告{name}与被告"
                     f"{e}自{ymd(c.start)}至{ymd(c.end)}期间存在劳动关系。二、案件受理费5元，由原告负担。")
        paras.append("上述协议，符合有关法律规定，本院予以确认。本调解书经双方当事人签收后，即具有法律效力。")
        title = "民事调解书"
    else:
        paras += [_response(c, "被告"), _facts(c).replace("经审理查明", "本院经审理认定事实如下"),
                  "本院认为，" + ("原告未能举证证明双方存在劳动关系。" if c.stance == "contest" else
                              "原、被告之间存在事实劳动关系，应予确认。"),
                  "判决如下：" + ("驳回原告的诉讼请求。" if c.stance == "contest" else
                              f"一、确认原告{name}与被告{e}自{ymd(c.start)}至{ymd(c.end)}期间存在劳动关系。")
                  + (f"二、被告于本判决生效之日起十日内支付原告{c.wages}元。" if c.wages and c.stance != "contest" else ""),
                  "案件受理费10元，减半收取5元，由被告负担。"]
        title = "民事判决书"
    paras += [f"审判员　{rng.choice('王李张刘')}{rng.choice('明华军伟')}", cn_date(c.decided),
              f"书记员　{rng.choice('赵钱孙')}{rng.choice('丽娜静')}"]
    return court(c), title, paras


def _employer_suit(rng: random.Random, c: Case, name: str) -> list[str]:
    """The employer sues after losing the award: the worker is the 被告 (docs/domain.md §4)."""
    lines = parties(rng, c, name, ("被告", "原告"))
    at = next(i for i, line in enumerate(lines) if line.startswith("原告"))
    e = c.employer.doc_name
    paras = [*lines[at:], *lines[:at],
             f"原告{e}与被告{name}确认劳动关系纠纷一案，本院于{ymd(c.filed)}立案后，依法适用普通程序"
             "公开开庭进行了审理。本案现已审理终结。",
             f"{e}向本院提出诉讼请求：确认原告与被告{name}之间不存在劳动关系。事实和理由：被告不服"
             f"{commission(c)}作出的仲裁裁决，原告从未招用被告。",
             f"{name}辩称，其自{ymd(c.start)}至{ymd(c.end)}在原告处工作，双方存在劳动关系，请求驳回原告的诉讼请求。",
             f"本院经审理认定事实如下，{name}提交了工资条、考勤记录等证据。",
             "本院认为，被告提交的证据足以证明双方存在劳动关系。",
             f"判决如下：一、确认原告{e}与被告{name}自{ymd(c.start)}至{ymd(c.end)}期间存在劳动关系。",
             "案件受理费10元，由原告负担。",
             f"审判员　{rng.choice('王李张刘')}{rng.choice('明华军伟')}", cn_date(c.decided)]
    return paras


def mask(rng: random.Random, name: str) -> str:
    return rng.choice([name[0] + "某", "***", name[0] + "X" * (len(name) - 1), name[0] + "某某"])


def mask_firm(c: Case) -> str:
    """鑫某: a mirror that masks the firm's trade name too (the city prefix stays)."""
    name, city = c.employer.doc_name, c.employer.region[2]
    at = len(city) if name.startswith(city) else 0
    return name[:at] + name[at] + "某" + name[at + 3:]


def render(rng: random.Random, c: Case, num: str) -> tuple[str, str, str, str]:
    """(text, layout, applicant's and employer's printed names): the layout names which
    real-world form the document took."""
    name = mask(rng, c.applicant.name) if rng.random() < 0.15 else c.applicant.name
    forum, title, paras = body(rng, c, name, num)
    firm = c.employer.doc_name
    if name != c.applicant.name and rng.random() < 0.3:
        firm = mask_firm(c)
        paras = [p.replace(c.employer.doc_name, firm) for p in paras]
    roll = rng.random()
    if roll < 0.1 and c.forum == "court":
        layout = "mirror"
        if rng.random() < 0.5:  # govopendata-style: label and value on their own lines
            meta = [num, f"裁判日期: {c.decided:%Y-%m-%d}", "案件名称",
                    f"{name}与{firm}确认劳动关系纠纷一审{title}", "法院", forum, "案由", "确认劳动关系纠纷"]
            lines = ["跳转到主要内容", *meta, "全文", forum, title, num, *paras]
        else:  # a field block (审理法院：…) and a body that starts at the parties
            meta = [f"{name}与{firm}确认劳动关系纠纷一审{title}", f"案号：{num}", f"审理法院：{forum}",
                    f"裁判日期：{c.decided:%Y-%m-%d}", "案由：确认劳动关系纠纷", "来源：中国裁判文书网"]
            lines = [*meta, *paras]
    elif roll < 0.18 and c.doc != "refusal":  # refusal notices are not reposted
        layout = "repost"  # a blog copy: no forum line, no number
        lines = [f"{firm}劳动争议一案{title}", "来源：网络转载", *paras]
    else:
        layout = "full"
        lines = [forum, " ".join(title) if rng.random() < 0.3 else title, num, *paras]
    text = "\n".join(lines) + "\n"
    if rng.random() < 0.06:
        import opencc
        text = opencc.OpenCC("s2t").convert(text)
        layout += "+traditional"
    return text, layout, name, firm


def to_html(rng: random.Random, text: str) -> str:
    """Word-exported HTML: one <p> a line, digits split by <span> (docs/domain.md §4.7)."""
    out = []
    for line in text.splitlines():
        line = line.replace("&", "&amp;").replace("<", "&lt;")
        if rng.random() < 0.5:
            line = "".join(f"<span>{ch}</span>" if ch.isdigit() and rng.random() < 0.3 else ch for ch in line)
        out.append(f'<p class="MsoNormal"><span style="font-family:仿宋">{line}</span></p>')
    return "<html><head><meta charset=\"utf-8\"></head><body>\n" + "\n".join(out) + "\n</body></html>\n"
