"""Control characters in text from a report, a file name or a model's reply: shown, never acting.

A report's agency or a file name may hold C0/C1 control characters, DEL or the bidirectional overrides: on a
terminal they recolour it, retitle its window, clear it, ring it or print its text backwards; in an .xlsx they
are forbidden outright (openpyxl refuses the cell, and with it the whole workbook).  Wherever such text is shown
it goes through `visible`, which writes each as “\\u001b” (also a valid escape inside JSON); the data keeps them.
"""

from __future__ import annotations

import re

# C0 and C1 control characters but newline and tab, DEL, and the bidirectional embeddings, overrides and isolates
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def visible(text: str, keep: str = "") -> str:
    """`text` with each control character (but those in `keep`) written as “\\u001b” instead of acting."""
    return CONTROL.sub(lambda m: m.group() if m.group() in keep else f"\\u{ord(m.group()):04x}", text)


def visible_line(text: str) -> str:
    """`visible`, newline and tab too: for one line (a header, a cell, a file name)."""
    return visible(text).replace("\n", "\\u000a").replace("\t", "\\u0009")


def has_control(text: str) -> bool:
    return CONTROL.search(text) is not None
