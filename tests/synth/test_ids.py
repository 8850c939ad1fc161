"""Identifiers carry real check characters (GB 32100, GB 11714, GB 11643)."""

from __future__ import annotations

import datetime as dt
import random

from ringtrace.graph.identity import uscc_valid
from ringtrace.synth import ids


def test_generated_uscc_pass_the_checksum_and_legacy_codes_fail_it() -> None:
    rng = random.Random(3)
    codes = [ids.uscc(rng, "410502", registered_after_reform=i % 2 == 0) for i in range(500)]
    assert all(uscc_valid(c) and c.startswith("91410502") for c in codes)
    assert all(c[8:10] == "MA" for c in codes[::2])
    assert not any(uscc_valid(ids.legacy_uscc(rng, "410526")) for _ in range(200))


def test_uscc_matches_a_published_code() -> None:
    # 91360321162472422F (莲花县建筑工程公司, real_docs/05.txt): same check character
    from ringtrace.graph.identity import uscc_check_char

    assert uscc_check_char("91360321162472422") == "F"


def test_org_code_check_character() -> None:
    # GB 11714 example used by validators: 21443414 -> check 6 (中航重机 91520000214434146R)
    rng = random.Random(0)
    code = ids.org_code(rng)
    assert len(code) == 9 and code[:8].isalnum()
    assert ids._with_org_check("21443414") == "214434146"


def test_resident_ids_are_valid_and_encode_birth_and_sex() -> None:
    rng = random.Random(5)
    born = dt.date(1966, 3, 2)
    woman = ids.resident_id(rng, "410502", born, "女")
    man = ids.resident_id(rng, "410502", born, "男")
    assert ids.id_number_valid(woman) and ids.id_number_valid(man)
    assert woman[6:14] == "19660302" and int(woman[16]) % 2 == 0 and int(man[16]) % 2 == 1
    assert ids.id_check_digit("11010519491231002") == "X"  # the GB 11643 standard example


def test_masked_ids_keep_region_and_birth_only() -> None:
    number = "41050219660302740X"
    assert ids.masked_id(number, 0) == "410502196603******"
    assert ids.masked_id(number, 1) == "4105021966********"
    assert ids.masked_id(number, 2) == "410502********740*"


def test_phone_numbers() -> None:
    rng = random.Random(1)
    assert all(len(ids.mobile(rng)) == 11 for _ in range(50))
    assert ids.landline(rng, "0372").startswith("0372-")
