"""Natural persons of the synthetic province: who they are and where they live.

A :class:`Person` holds the facts a party block or a 补缴 ledger can show: name, sex, birth date,
ethnicity, a precise home address (village and house number, or street and flat), a valid ID
number registered in the home county, and a mobile phone. Documents print a varying subset.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from ringtrace.synth import ids, names
from ringtrace.synth.geography import County, street_names

_VILLAGE_PREFIX = ("", "", "", "东", "西", "南", "北", "前", "后", "大", "小", "上", "下", "新")
_VILLAGE_SUFFIX = ("庄", "营", "寨", "屯", "店", "集", "楼", "岗", "湾", "桥", "河", "沟", "坡",
                   "庄", "庄", "村")
_OCCUPATIONS_RURAL = ("农民", "农民", "农民", "务工", "无业")
_OCCUPATIONS_URBAN = ("无业", "工人", "个体", "职工", "务工")


@dataclass(slots=True, eq=False)
class Person:
    name: str
    sex: str  # 男 | 女
    birth: dt.date
    ethnicity: str
    county: County
    address: str  # precise, e.g. 河南省滑县城关镇东王庄村3组45号
    id_number: str
    phone: str
    occupation: str

    @property
    def birth_iso(self) -> str:
        return self.birth.isoformat()

    def age_on(self, day: dt.date) -> int:
        return day.year - self.birth.year - ((day.month, day.day) < (self.birth.month,
                                                                      self.birth.day))

    def short_address(self, with_province: bool) -> str:
        """County-level address (``河南省滑县`` / ``滑县``) for documents that print no more."""
        return self.county.full_name if with_province else self.county.local_name


def _ethnicity(rng: random.Random, county: County) -> str:
    r = rng.random()
    if county.code.startswith("65") and r < 0.25:
        return "维吾尔族"
    if r < 0.955:
        return "汉族"
    return rng.choice(("回族", "回族", "满族", "蒙古族", "土家族"))


def village(rng: random.Random) -> str:
    return f"{rng.choice(_VILLAGE_PREFIX)}{names.surname(rng)}{rng.choice(_VILLAGE_SUFFIX)}村"


def home_address(rng: random.Random, county: County, rural: bool) -> str:
    if rural:
        town = rng.choice(county.towns)
        if rng.random() < 0.6:
            return f"{county.full_name}{town}{village(rng)}{rng.randint(1, 12)}组" \
                   f"{rng.randint(1, 180)}号"
        return f"{county.full_name}{town}{village(rng)}{rng.randint(1, 260)}号"
    street = rng.choice(street_names())
    if rng.random() < 0.7:
        return (f"{county.full_name}{street}{rng.randint(1, 399)}号院{rng.randint(1, 24)}号楼"
                f"{rng.randint(1, 6)}单元{rng.randint(1, 18)}0{rng.randint(1, 4)}号")
    return f"{county.full_name}{street}{rng.randint(1, 599)}号"


def same_village(rng: random.Random, address: str) -> str:
    """Another house of the village (or street) of ``address``.

    >>> same_village(random.Random(1), "河南省滑县城关镇东王庄村3组45号").startswith(
    ...     "河南省滑县城关镇东王庄村")
    True
    """
    cut = address.rfind("村")
    if cut < 0:
        cut = address.find("路") if "路" in address else address.find("街")
    head = address[: cut + 1] if cut >= 0 else address
    if rng.random() < 0.5:
        return f"{head}{rng.randint(1, 12)}组{rng.randint(1, 180)}号"
    return f"{head}{rng.randint(1, 260)}号"


def make_person(rng: random.Random, county: County, sex: str, birth: dt.date, *,
                family: str | None = None, rural: bool | None = None,
                address: str | None = None) -> Person:
    """A new person living in ``county``. ``family`` fixes the surname; ``address`` shares a home
    (spouses, parents and children)."""
    if rural is None:
        rural = rng.random() < 0.6
    name = names.person_name(rng, sex, birth.year, family)
    occupation = rng.choice(_OCCUPATIONS_RURAL if rural else _OCCUPATIONS_URBAN)
    return Person(
        name=name, sex=sex, birth=birth, ethnicity=_ethnicity(rng, county), county=county,
        address=address or home_address(rng, county, rural),
        id_number=ids.resident_id(rng, county.code, birth, sex), phone=ids.mobile(rng),
        occupation=occupation,
    )


def birth_for_age(rng: random.Random, age: float, on: dt.date) -> dt.date:
    """A birth date that makes someone ``age`` (fractional years) old on ``on``."""
    days = int(age * 365.25) + rng.randrange(0, 365)
    born = on - dt.timedelta(days=days)
    return born


def relative_of(rng: random.Random, person: Person, relation: str, on: dt.date) -> Person:
    """A family member: ``子``/``女`` (child), ``夫``/``妻`` (spouse), ``弟``/``兄``/``姐``/``妹``.

    Children share the surname and the home; spouses share the home.
    """
    if relation in ("子", "女"):
        sex = "男" if relation == "子" else "女"
        birth = person.birth + dt.timedelta(days=int(rng.uniform(20, 32) * 365.25))
        birth = min(birth, on - dt.timedelta(days=18 * 366))
        return make_person(rng, person.county, sex, birth, family=names.family_name(person.name),
                           address=person.address if rng.random() < 0.5 else None)
    if relation in ("夫", "妻"):
        sex = "男" if relation == "夫" else "女"
        birth = person.birth + dt.timedelta(days=int(rng.uniform(-4, 3) * 365.25))
        return make_person(rng, person.county, sex, birth, address=person.address)
    sex = "男" if relation in ("弟", "兄") else "女"
    offset = rng.uniform(1, 8) * (1 if relation in ("弟", "妹") else -1)
    birth = person.birth + dt.timedelta(days=int(offset * 365.25))
    return make_person(rng, person.county, sex, birth, family=names.family_name(person.name))
