"""The workspace's JSON: orjson where it writes the standard library's text."""

from __future__ import annotations

import random
import struct
from dataclasses import dataclass
from typing import Any

import pytest

from ringtrace.graph.elements import dumps
from ringtrace.graph.store.codec import dumps_exact


@dataclass
class _Point:
    x: int


@pytest.mark.parametrize("value", [
    {"amount": 1e-05, "big": 1e16, "small": -2.5e-9, "ok": 48000.0},  # exponents, tiny floats
    {"nan": float("nan"), "inf": [float("inf"), float("-inf")], "none": [None, 1]},
    {"z": 1, "a": {"y": "甲\n\t\u2028\x00", "b": True}, "中": [1.5, -0.0, 2**63]},
    {"hash": "3e5f0000e1", "text": "0.00001 null 1e5"},  # look like numbers, are strings
    {"big": 2**70, "neg": -2**65},  # beyond 64 bits: orjson refuses, the stdlib writes
])
def test_dumps_exact_writes_the_text_dumps_writes(value: Any) -> None:
    assert dumps_exact(value) == dumps(value)


def test_dumps_exact_on_random_floats() -> None:
    rng = random.Random(7)
    for _ in range(20_000):
        bits = struct.unpack("d", rng.getrandbits(64).to_bytes(8, "little"))[0]
        number = rng.random() * 10 ** rng.randint(-12, 24)
        value = {"a": [bits, number], "b": {"c": number}}
        assert dumps_exact(value) == dumps(value)


def test_dumps_exact_refuses_what_dumps_refuses() -> None:
    with pytest.raises(TypeError):
        dumps(_Point(1))
    with pytest.raises(TypeError):
        dumps_exact(_Point(1))  # orjson would write a dataclass; the store must not
