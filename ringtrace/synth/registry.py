"""The enterprise-registry export: today's csv/xlsx with Chinese headers, or a Tianyancha-style
export (JSON lines or xlsx with Tianyancha's field names), with the spellings real exports have.

A registry search returns the name as registered, which often differs from how a document
printed the firm years earlier (docs/domain.md §5.6): 市 dropped or added, the region bracket moved
(``金源（商丘）包装有限公司`` / ``商丘金源包装有限公司``), ``有限责任公司`` for ``有限公司``, the
branch (``分公司``) the documents call ``公司``, traditional script, widths and spaces; old firms
closed before the 2015 reform have only a 15-digit 注册号. Varied worlds (level > 0) use these;
at level 0 the rows are exactly today's.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from typing import Any

from ringtrace.graph.identity import normalize_company
from ringtrace.synth import ids
from ringtrace.synth.employers import Employer
from ringtrace.synth.world import World

REGISTRY_HEADER = ("企业名称", "统一社会信用代码", "法定代表人", "登记状态", "成立日期", "注册资本",
                   "参保人数", "注册地址", "电话", "企业类型", "所属行业", "曾用名", "注销日期",
                   "吊销日期")
TYC_FIELDS = ("name", "creditCode", "regNumber", "legalPersonName", "regStatus",
              "estiblishTime", "regCapital", "socialStaffNum", "staffNumRange", "historyNames",
              "companyOrgType", "industry", "regLocation", "phoneNumber", "cancelDate",
              "revokeDate")
Table = list[tuple[Employer, dict[str, Any]]]

_CHINA = dt.timezone(dt.timedelta(hours=8))


def file_name(fmt: str) -> str:
    """``registry.csv`` / ``registry.xlsx`` / ``registry.jsonl`` for a registry format."""
    return {"csv": "registry.csv", "tyc-jsonl": "registry.jsonl"}.get(fmt, "registry.xlsx")


def epoch_ms(day: dt.date | None) -> int | None:
    """Tianyancha's dates: epoch milliseconds at 00:00 China time.

    >>> epoch_ms(dt.date(1996, 11, 14))
    847900800000
    """
    if day is None:
        return None
    return int(dt.datetime(day.year, day.month, day.day, tzinfo=_CHINA).timestamp() * 1000)


def registry_date(day: dt.date | None, rng: random.Random) -> str:
    """``2003-05-12`` mostly; some ``2003年05月12日`` and ``2003/5/12`` as exports have."""
    if day is None:
        return ""
    r = rng.random()
    if r < 0.86:
        return day.isoformat()
    if r < 0.95:
        return f"{day.year}年{day.month:02d}月{day.day:02d}日"
    return f"{day.year}/{day.month}/{day.day}"


def staff_range(headcount: int | None) -> str:
    """Tianyancha's 人员规模 band for a headcount."""
    if headcount is None:
        return "-"
    for limit, label in ((50, "小于50人"), (100, "50-99人"), (500, "100-499人"),
                         (1000, "500-999人"), (5000, "1000-4999人"), (10000, "5000-9999人")):
        if headcount < limit:
            return label
    return "10000人以上"


_CAPITAL = re.compile(r"^([\d.]+)万")


def tyc_capital(capital: str) -> str:
    """``50万元人民币`` -> ``50万人民币`` (Tianyancha's form)."""
    found = _CAPITAL.match(capital)
    return f"{found.group(1)}万人民币" if found else capital


#: place-level characters: a name starting with the city's stem and one of them names another
#: place (安阳县…, 安阳区…), not the city with its 市 left out
_LEVELS = "县区市旗"


# -- spellings ------------------------------------------------------------------------------
def spelling(rng: random.Random, emp: Employer, convert: Any = None) -> str:
    """The firm's name as one registry export spells it (one of the ways real exports differ
    from the documents); the registered name itself when no variant applies."""
    name = emp.name
    county, pref = emp.county, emp.county.prefecture
    city = pref.name.removesuffix("市")
    options: list[str] = []
    if name.startswith(pref.name) and pref.is_city:
        options.append(city + name[len(pref.name):])  # 市 dropped
    elif name.startswith(city) and not name.startswith(pref.name) and pref.is_city and \
            name[len(city):len(city) + 1] not in _LEVELS:
        options.append(pref.name + name[len(city):])  # 市 added (not to 安阳县…: another place)
    bracket = re.match(r"^(.+?)（(.+?)）(.+)$", name)
    if bracket:  # 金源（商丘）包装有限公司 -> 商丘金源包装有限公司
        options.append(bracket.group(2) + bracket.group(1) + bracket.group(3))
    elif name.startswith(pref.name) and len(name) > len(pref.name) + 6:
        rest = name[len(pref.name):]
        options.append(f"{rest[:2]}（{city}）{rest[2:]}")
    if "有限责任公司" in name:
        options.append(name.replace("有限责任公司", "有限公司"))
    elif name.endswith("有限公司"):
        options.append(name.replace("有限公司", "有限责任公司"))
        options.append(f"{name}{county.name[:-1] or county.name}分公司")
    elif name.endswith("厂"):
        options.append(name[:-1] + "公司")
    options.append(name.replace("（", "(").replace("）", ")") if "（" in name
                   else name[:2] + " " + name[2:])
    if convert is not None:
        options.append(convert(name))
    return rng.choice(options) if options else name


# -- the table ------------------------------------------------------------------------------
def _plain_row(emp: Employer, name: str, rng: random.Random) -> list[str]:
    headcount = "" if emp.headcount is None and rng.random() < 0.5 else \
        "-" if emp.headcount is None else str(emp.headcount)
    return [name, emp.uscc, emp.legal_rep.name, emp.status, registry_date(emp.founded, rng),
            emp.capital, headcount, emp.address, emp.phone, emp.company_type, emp.industry,
            "；".join(emp.former_names), registry_date(emp.cancel_date, rng),
            registry_date(emp.revoke_date, rng)]


_TYC_STATUS = {"存续": ("存续", "存续（在营、开业、在册）"), "吊销": ("吊销", "吊销，未注销")}


def _tyc_row(emp: Employer, name: str, rng: random.Random, long_status: bool) -> dict[str, Any]:
    status = _TYC_STATUS.get(emp.status, (emp.status, emp.status))[long_status]
    reg_number = emp.reg_number
    if reg_number is None and emp.founded.year < 2016:
        reg_number = ids.registration_number(rng, emp.county.code)
    return {
        "name": name, "creditCode": emp.uscc or None, "regNumber": reg_number,
        "legalPersonName": emp.legal_rep.name, "regStatus": status,
        "estiblishTime": epoch_ms(emp.founded), "regCapital": tyc_capital(emp.capital),
        "socialStaffNum": emp.headcount, "staffNumRange": staff_range(emp.headcount),
        "historyNames": ";".join(emp.former_names) or None,
        "companyOrgType": emp.company_type, "industry": emp.industry,
        "regLocation": emp.address, "phoneNumber": emp.phone,
        "cancelDate": epoch_ms(emp.cancel_date), "revokeDate": epoch_ms(emp.revoke_date),
    }


def table(world: World, rng: random.Random, fmt: str, convert: Any = None) -> Table:
    """(employer, cells) for every listed employer, in export order. ``cells`` has ``name``
    (as printed) and ``row`` (csv/xlsx cells) or the Tianyancha record."""
    var = world.var
    listed = [e for e in world.employers if e.in_registry]
    if not var.active and not fmt.startswith("tyc"):  # exactly generator 1.0's rows
        listed.sort(key=lambda e: (e.name, e.uscc))
        return [(e, {"name": e.name, "row": _plain_row(e, e.name, rng)}) for e in listed]
    printed: dict[int, str] = {}
    for emp in listed:
        name = emp.name
        if rng.random() < var.registry_spelling_share:
            variant = spelling(rng, emp, convert)
            own = {normalize_company(n) for n in (emp.name, *emp.former_names)}
            if normalize_company(variant) in own or not world.name_taken(variant):
                name = variant  # never another firm's name
        printed[id(emp)] = name
    listed.sort(key=lambda e: (printed[id(e)], e.uscc))
    long_status = rng.random() < 0.5
    out: Table = []
    for emp in listed:
        name = printed[id(emp)]
        if fmt.startswith("tyc"):
            out.append((emp, {"name": name, "record": _tyc_row(emp, name, rng, long_status)}))
        else:
            out.append((emp, {"name": name, "row": _plain_row(emp, name, rng)}))
    return out
