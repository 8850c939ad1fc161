"""Files as real corpora carry them: plain text, 裁判文书网 pages, mirror pages with navigation junk,
Word-exported HTML whose spans split numbers, blog reposts without a header; UTF-8, UTF-8 with BOM or
GB18030; some in traditional script; CRLF or LF."""

from __future__ import annotations

import html
import random
import re

from tools.blindcorpus.render import Doc

_S2T_PAIRS = (
    "劳勞 动動 关關 系係 确確 认認 纠糾 纷紛 诉訴 讼訟 请請 员員 书書 号號 区區 县縣 决決 调調 议議 "
    "没沒 异異 养養 险險 缴繳 补補 责責 间間 时時 与與 为為 对對 证證 据據 经經 审審 实實 现現 终終 "
    "结結 费費 负負 担擔 长長 开開 参參 驳駁 维維 杨楊 张張 刘劉 陈陳 赵趙 孙孫 吴吳 郑鄭 冯馮 韩韓 "
    "马馬 许許 邓鄧 罗羅 叶葉 苏蘇 卫衛 东東 兰蘭 凤鳳 华華 国國 军軍 红紅 云雲 丽麗 贵貴 爱愛 荣榮 "
    "宝寶 发發 广廣 庆慶 乡鄉 镇鎮 门門 楼樓 厂廠 矿礦 机機 纺紡 织織 业業 农農 场場 库庫 粮糧 运運 "
    "设設 备備 务務 环環 资資 产產 销銷 贸貿 电電 话話 岁歲 龙龍 汉漢 户戶 师師 权權 该該 称稱 辩辯 "
    "项項 应應 当當 条條 规規 则則 级級 处處 办辦 签簽 订訂 单單 记記 录錄 档檔 册冊 职職 领領 学學 "
    "从從 后後 来來 这這 们們 个個 会會 给給 偿償 济濟 额額 万萬 两兩 无無 问問 题題 进進 过過 还還 "
    "庄莊 营營 岭嶺 传傳 唤喚 亦亦 庭庭 认認 达達 协協 违違 签簽 収收 裁裁 仲仲 判判 适適 简簡 组組 "
    "终終 审審 诉訴 讼訟 院院 数數 额額 标標 准準 资資 质質 证證 属屬 实實 贫貧 历歷 积積 极極 "
    "总總 经經 执執 董董 届屆 检檢 察察 辖轄 乌烏 齐齊 鲁魯 赣贛 琼瓊 豫豫 吉吉 渝渝 阳陽 郑鄭 "
    "许許 濮濮 驻駐 马馬 驿驛 项項 顺順 兴興 达達 鑫鑫 丰豐 盛盛 汇匯 泽澤 通通 远遠 博博 聚聚 "
    "气氣 车車 饮飲 装裝 饰飾 术術 体體 内內 卖賣 买買 钱錢 银銀 行行 帐帳 账賬 纳納 损損 失失"
)
S2T: dict[str, str] = {}
for pair in _S2T_PAIRS.split():
    if len(pair) == 2:
        S2T[pair[0]] = pair[1]


def traditional(text: str) -> str:
    """Convert the characters our documents use to traditional script.

    >>> traditional("确认劳动关系纠纷")
    '確認勞動關係糾紛'
    """
    return "".join(S2T.get(ch, ch) for ch in text)


def halfwidth(text: str) -> str:
    return text.replace("：", ":").replace("，", ",").replace("（", "(").replace("）", ")").replace("；", ";")


NAV = ("首页", "裁判文书", "法律法规", "律师咨询", "合同范本", "登录", "注册", "APP下载")
JUNK_TAIL = ("声明：本站文书来源于中国裁判文书网，仅供学习交流，如有侵权请联系删除。",
             "扫码关注公众号，获取更多裁判文书", "上一篇：", "下一篇：")


def split_numbers(s: str, rng: random.Random) -> str:
    """Word-export style: digits of case numbers and dates fall into separate spans."""
    def cut(m: re.Match[str]) -> str:
        t = m.group(0)
        if len(t) < 3 or rng.random() < 0.4:
            return html.escape(t)
        k = rng.randint(1, len(t) - 1)
        return f'{t[:k]}</span><span lang="EN-US">{t[k:]}'
    parts = re.split(r"(\d+)", s)
    out = []
    for p in parts:
        if p.isdigit():
            out.append(cut(re.match(r".*", p, re.S)))  # type: ignore[arg-type]
        else:
            out.append(html.escape(p))
    return "".join(out)


def wenshu_html(doc: Doc, rng: random.Random) -> str:
    anchors = {0: "WBSB", 3: "DSRXX"}
    body: list[str] = []
    proc_at = next((i for i, line in enumerate(doc.lines) if "一案" in line), 4)
    tail_at = next((i for i, line in enumerate(doc.lines) if line.startswith(("审判", "仲裁员"))), len(doc.lines))
    anchors[proc_at] = "SSJL"
    anchors[min(proc_at + 1, len(doc.lines) - 1)] = "AJJBQK"
    anchors[tail_at] = "WBWB"
    for i, line in enumerate(doc.lines):
        if i in anchors:
            body.append(f"<a type='dir' name='{anchors[i]}'></a>")
        style = "TEXT-ALIGN: center;" if i < 3 else "TEXT-INDENT: 30pt;"
        body.append(f"<div style='{style} LINE-HEIGHT: 25pt; FONT-FAMILY: 仿宋; FONT-SIZE: 16pt;'>{html.escape(line)}</div>")
    return ("<html><head><meta http-equiv='Content-Type' content='text/html; charset=UTF-8'>"
            f"<title>{html.escape(doc.title)}</title></head><body><div id='DivContent'>"
            + "\n".join(body) + "</div></body></html>")


def mirror_html(doc: Doc, rng: random.Random, meta: dict[str, str], junk_numbers: list[str]) -> str:
    nav = " | ".join(f"<a href='/{i}'>{n}</a>" for i, n in enumerate(NAV))
    fields = "".join(f"<li><span class='k'>{k}：</span><span class='v'>{html.escape(v)}</span></li>"
                      for k, v in meta.items() if v)
    paras = "".join(f"<p>{html.escape(line)}</p>" for line in doc.lines)
    related = "".join(f"<li><a href='/ws/{rng.randint(10**6, 10**7)}.html'>{html.escape(n)}劳动争议一审民事判决书</a></li>"
                      for n in junk_numbers)
    tail = "".join(f"<p class='tip'>{t}</p>" for t in rng.sample(JUNK_TAIL, 2))
    return ("<!DOCTYPE html><html><head><meta charset='utf-8'>"
            f"<title>{html.escape(meta.get('案件名称', doc.title))}_裁判文书_法律文书网</title>"
            "<script>var _hmt=_hmt||[];</script></head><body>"
            f"<div class='nav'>{nav}</div><div class='crumb'>当前位置：首页 &gt; 裁判文书 &gt; 劳动争议</div>"
            f"<h1>{html.escape(meta.get('案件名称', doc.title))}</h1><ul class='meta'>{fields}</ul>"
            f"<div class='content'>{paras}</div><div class='from'>来源：中国裁判文书网</div>{tail}"
            f"<div class='side'><h3>相关文书</h3><ul>{related}</ul></div></body></html>")


def word_html(doc: Doc, rng: random.Random) -> str:
    paras = []
    for i, line in enumerate(doc.lines):
        align = " align=center style='text-align:center'" if i < 3 else ""
        paras.append(f"<p class=MsoNormal{align}><span style='font-family:仿宋_GB2312'>{split_numbers(line, rng)}</span></p>")
    return ("<html xmlns:o=\"urn:schemas-microsoft-com:office:office\"><head>"
            "<meta name=Generator content=\"Microsoft Word 15\"><style><!-- p.MsoNormal {margin:0cm;} --></style>"
            "</head><body lang=ZH-CN><div class=WordSection1>" + "\n".join(paras) + "</div></body></html>")


def repost_text(doc: Doc, rng: random.Random) -> tuple[str, str]:
    """A blog or forum repost: no court line and no case number; starts at the parties or the story."""
    starts = "parties" if rng.random() < 0.6 else "body"
    lines = doc.lines[3:]
    if starts == "body":  # the party block is left out; the text starts at the procedure paragraph
        at = next((i for i, x in enumerate(lines) if "一案" in x or "收悉" in x), 0)
        lines = lines[at:]
    head = rng.choice(("【案例】一起确认劳动关系案件", "转载：劳动关系确认案例分享", "法律咨询 | 确认劳动关系的判决"))
    tail = rng.choice(("（本文来源于网络，如有侵权请联系删除）", "更多案例请关注本号", ""))
    return "\n".join([head, "", *lines, tail]), starts


def noisy_breaks(text: str, rng: random.Random) -> str:
    """Page markers and hard line breaks inside paragraphs, as PDF-to-text copies have."""
    out = []
    page = 1
    for i, para in enumerate(text.split("\n")):
        if len(para) > 80 and rng.random() < 0.4:
            k = rng.randint(30, len(para) - 20)
            para = para[:k] + "\n" + para[k:]
        out.append(para)
        if i > 6 and rng.random() < 0.05:
            page += 1
            out.append(f"—{page}—")
    return "\n".join(out)
