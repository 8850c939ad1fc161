"""Chinese personal names: weighted surnames, given names by sex and generation, and the masks
that judgment mirrors apply (``***``, ``张某某``, ``谢XX``, ``**年``).

The pools are deliberately not huge: common names such as 王秀英 or 张伟 recur across different
people, as they do in real data, so a name alone never identifies a person.
"""

from __future__ import annotations

import random
from bisect import bisect
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from itertools import accumulate
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ringtrace.synth.geography import County

# Surname frequencies (per mille, rounded) of the most common Chinese surnames, with the ones
# frequent in Henan (王, 李, 张, 刘, 赵, 郭, 马, 杨) kept high.
_SURNAMES = (
    "王 95;李 90;张 88;刘 66;陈 45;杨 38;赵 30;黄 15;周 18;吴 16;徐 14;孙 18;胡 12;朱 13;高 16;"
    "林 8;何 9;郭 20;马 16;罗 6;梁 8;宋 10;郑 10;谢 6;韩 8;唐 6;冯 8;于 6;董 7;萧 2;程 8;曹 7;"
    "袁 5;邓 5;许 7;傅 3;沈 4;曾 3;彭 4;吕 5;苏 5;卢 4;蒋 4;蔡 4;贾 6;丁 5;魏 6;薛 4;叶 3;阎 3;"
    "余 3;潘 3;杜 5;戴 2;夏 3;钟 2;汪 2;田 5;任 5;姜 4;范 4;方 3;石 4;姚 3;谭 2;廖 2;邹 2;熊 2;"
    "金 3;陆 2;郝 4;孔 3;白 4;崔 5;康 3;毛 3;邱 2;秦 3;江 2;史 4;顾 2;侯 4;邵 2;孟 4;龙 2;万 2;"
    "段 3;雷 2;钱 2;汤 2;尹 3;黎 1;易 1;常 4;武 4;乔 3;贺 3;赖 1;龚 1;文 2;申 3;牛 3;闫 4;付 3"
)
SURNAMES: tuple[str, ...] = tuple(item.split()[0] for item in _SURNAMES.split(";"))
_SURNAME_CUM = tuple(accumulate(float(item.split()[1]) for item in _SURNAMES.split(";")))
_COMPOUND = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫")

# Given names by sex and generation (born before 1976 / from 1976 on).
_GIVEN = {
    ("女", "old"): (
        "秀英 桂兰 玉兰 凤英 秀兰 桂英 玉梅 秀珍 淑珍 玉珍 凤兰 春花 桂芳 秀云 素芬 素珍 丽华 红霞 爱萍 "
        "爱华 玉芝 玉香 金凤 翠兰 翠花 香兰 月英 冬梅 春梅 淑芳 美荣 瑞芳 彩霞 巧云 改琴 改花 爱琴 金花 "
        "银花 秀梅 桂香 玉荣 风琴 荣华 雪梅 小红 红梅 艳萍 俊英 素梅 丽萍 书娥 凤琴 玉霞 秀芝 玉凤 "
        "英 兰 芳 霞 梅 萍 娟 芬 琴 敏 华 红 荣 珍 莲"),
    ("男", "old"): (
        "建国 建军 国强 国华 国庆 卫东 卫国 志刚 志强 建华 建平 振华 德明 文明 保国 新民 学军 红军 爱民 "
        "长山 金山 振东 海军 铁军 永刚 永强 福生 长河 建设 跃进 胜利 铁柱 有才 根生 庆林 国栋 春生 新华 "
        "立新 向东 德胜 保林 福林 明亮 二军 三林 双喜 留柱 书林 金水 拴柱 俊峰 "
        "军 强 伟 刚 勇 杰 涛 明 平 斌 林 峰 波 辉 山 生 忠 成"),
    ("女", "new"): (
        "丽 娜 静 敏 婷 雪 倩 佳 丹 颖 琳 晶 欣 悦 萌 璐 莉 玲 燕 蕾 晓燕 丽娟 静怡 雅琴 梦瑶 佳琪 雨婷 "
        "欣怡 思雨 晓丽 婷婷 丹丹 娜娜 亚楠 梦洁 佳佳 春燕 海燕 文静 晓红 艳丽 利娟 红艳 玉洁 慧敏"),
    ("男", "new"): (
        "伟 磊 鹏 超 浩 杰 斌 亮 龙 飞 帅 阳 凯 明 涛 鑫 志伟 海涛 晓东 建伟 俊杰 浩然 子豪 宇航 鹏飞 "
        "振宇 晓明 文博 家豪 明辉 志勇 立伟 亚伟 永辉 红伟 向阳 利军 军伟 宏伟 少华 建峰 国伟 晓伟"),
}
GIVEN: dict[tuple[str, str], tuple[str, ...]] = {k: tuple(v.split()) for k, v in _GIVEN.items()}


class NamePool:
    """The surnames and given names of one world.

    ``concentration`` raises the surname frequencies to a power (above 1, the common surnames
    crowd out the rare ones, as in regions where a few clans dominate); ``given_share`` keeps
    only the first part of each given-name list (fewer names, more namesakes). The default
    pool draws exactly as the module-level tables do.

    >>> pool = NamePool(2.0, 0.3)
    >>> len(pool.given[("女", "old")]) < len(GIVEN[("女", "old")])
    True
    """

    def __init__(self, concentration: float = 1.0, given_share: float = 1.0) -> None:
        if concentration == 1.0:
            self.cum: tuple[float, ...] = _SURNAME_CUM
        else:
            weights = [float(item.split()[1]) ** concentration for item in _SURNAMES.split(";")]
            self.cum = tuple(accumulate(weights))
        self.given = {key: pool[: max(6, round(len(pool) * given_share))]
                      for key, pool in GIVEN.items()}


DEFAULT_POOL = NamePool()
_POOL: ContextVar[NamePool] = ContextVar("name_pool", default=DEFAULT_POOL)


@contextmanager
def using(pool: NamePool) -> Iterator[None]:
    """Draw names from ``pool`` inside the block (one world's generation)."""
    token = _POOL.set(pool)
    try:
        yield
    finally:
        _POOL.reset(token)


def surname(rng: random.Random) -> str:
    if rng.random() < 0.004:
        return rng.choice(_COMPOUND)
    cum = _POOL.get().cum
    return SURNAMES[bisect(cum, rng.random() * cum[-1])]


def given_name(rng: random.Random, sex: str, birth_year: int) -> str:
    generation = "old" if birth_year < 1976 else "new"
    return rng.choice(_POOL.get().given[(sex, generation)])


def person_name(rng: random.Random, sex: str, birth_year: int, family: str | None = None) -> str:
    """A full name; ``family`` fixes the surname (children share the father's surname)."""
    return (family or surname(rng)) + given_name(rng, sex, birth_year)


def family_name(name: str) -> str:
    """The surname of a full name (compound surnames such as 欧阳 included)."""
    return name[:2] if name[:2] in _COMPOUND else name[:1]


#: Mirror masking styles: how a whole document's natural persons are anonymised.
MASK_STYLES = ("stars", "keep_last", "mou", "xx")


def mask_name(name: str, style: str) -> str:
    """``王秀英`` -> ``***`` / ``**英`` / ``王某某`` / ``王XX`` depending on the mirror."""
    if style == "stars":
        return "*" * max(len(name), 2) if len(name) <= 3 else "***"
    if style == "keep_last":
        return "*" * (len(name) - 1) + name[-1]
    family = family_name(name)
    if style == "mou":
        return family + ("某某" if len(name) - len(family) >= 2 else "某")
    return family + ("XX" if len(name) - len(family) >= 2 else "X")


def mask_company(name: str, county: County, style: str) -> str:
    """How some mirrors mask a company: the 字号 hidden, the rest kept.

    >>> from ringtrace.synth.geography import build_geography
    >>> wenfeng = build_geography().counties[0]
    >>> mask_company("鑫源（河南）建材有限公司", wenfeng, "mou")
    '鑫某（河南）建材有限公司'
    >>> mask_company("郑州市鑫源建材有限公司", wenfeng, "stars")
    '***建材有限公司'
    """
    pref = county.prefecture
    place = next((p for p in (pref.province.name + pref.name, pref.name, county.name,
                              pref.name.removesuffix("市"), county.local_name)
                  if p and name.startswith(p)), "")
    rest = name[len(place):]
    cut = rest.find("（")
    trade = rest[:cut] if 0 < cut <= 4 else rest[:2]
    tail = rest[len(trade):]
    if style == "stars":
        return "***" + tail
    if style == "keep_last":
        return place + "*" * len(trade) + tail
    if style == "mou":
        return place + trade[:1] + "某" * (len(trade) - 1) + tail
    return place + "XX" + tail
