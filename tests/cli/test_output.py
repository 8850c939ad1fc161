"""What reaches the terminal carries no escape sequence, control character or bidi override."""

from __future__ import annotations

import doctest
import json

import click
import pytest

from ringtrace.cli import output
from ringtrace.cli.common import translated_errors
from ringtrace.cli.output import json_line, printable, table, to_csv, to_json
from ringtrace.errors import LoadError

HOSTILE = ("张三\x1b[2J\x1b[31m红\x1b[0m\x1b]0;title\x07\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\"
           "\u202egnp.exe\u2066\u200f\x9b31m\x00\x08\r")
UNSAFE = ("\x1b", "\x07", "\x9b", "\x00", "\x08", "\r", "\u202e", "\u2066", "\u200f")


def test_printable_keeps_the_text_and_drops_the_controls() -> None:
    assert printable(HOSTILE) == "张三红linkgnp.exe"
    assert printable("第一行\n第二行\t续") == "第一行\n第二行\t续"
    assert printable("a\u2028b") == "a\nb"


def test_tables_and_csv_are_cleaned() -> None:
    rows = [{"name": HOSTILE, "n": 1}]
    for text in (table(rows), to_csv(rows)):
        assert not any(c in text for c in UNSAFE) and "张三红" in text


def test_json_keeps_every_character_as_an_escape() -> None:
    for text in (to_json({"name": HOSTILE}), json_line({"name": HOSTILE})):
        assert not any(c in text for c in UNSAFE)
        assert json.loads(text) == {"name": HOSTILE}


def test_error_messages_are_cleaned_at_the_cli_edge() -> None:
    with pytest.raises(click.ClickException) as info, translated_errors():
        raise LoadError(f"{HOSTILE}.csv: cannot decode")
    assert info.value.message == "张三红linkgnp.exe.csv: cannot decode"


def test_docstring_examples() -> None:
    result = doctest.testmod(output)
    assert result.failed == 0 and result.attempted > 0
