"""Text that XML can hold: GraphML, GEXF, ANX and DOCX are XML, documents are not.

XML 1.0 forbids most control characters (even escaped), so a name or quote read from a court
document with a stray ``\\x1b`` or ``\\x00`` would make the writer fail or the file unreadable.
Every XML export passes its text through :func:`xml_text`, which drops those characters
(tab, newline and carriage return stay).

>>> xml_text("张桂兰\\x1b[2J\\x00")
'张桂兰[2J'
>>> xml_text("第一行\\n第二行\\t完")
'第一行\\n第二行\\t完'
"""

from __future__ import annotations

import re

__all__ = ["xml_text"]

_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot hold."""
    return _NOT_XML.sub("", text)
