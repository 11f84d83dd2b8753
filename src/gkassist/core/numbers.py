"""Numbers as clerks write them: digits, full-width digits, thousands separators, Chinese numerals."""

from __future__ import annotations

import re

_FULLWIDTH = str.maketrans("０１２３４５６７８９．，－", "0123456789.,-")
_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000}
_CHINESE_NUMERAL = re.compile(r"^[零〇一二两三四五六七八九十百千万亿]+$")


def format_number(value: int | float) -> str:
    """A cell's number as written in a message: “12”, “2.5” (never “2.5e+05”, never rounded to six digits)."""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.6f}".rstrip("0").rstrip(".")


def parse_number(text: str) -> int | float | None:
    """'3' '３' '1,234' '三' '十二' '两' '一百零五' '2.5' → number; anything else → None."""
    s = text.strip().translate(_FULLWIDTH).replace(",", "")
    if not s:
        return None
    if re.fullmatch(r"-?\d+", s):
        return int(s)
    if re.fullmatch(r"-?\d+\.\d+", s):
        return float(s)
    if _CHINESE_NUMERAL.match(s):
        return chinese_numeral(s)
    return None


def chinese_numeral(s: str) -> int | None:
    """一百零五 → 105, 两万三千 → 23000, 十二 → 12, 二〇二四 → 2024 (digit by digit); None if malformed (三五)."""
    if all(ch in _DIGITS for ch in s):
        if len(s) == 1:
            return _DIGITS[s]
        if len(s) >= 3 or "〇" in s:
            return int("".join(str(_DIGITS[ch]) for ch in s))
        return None  # “三五件” is three to five, not 35
    if "亿" in s:
        return None
    high, wan, low = s.partition("万")
    if not wan:
        return _below_ten_thousand(s)
    h, lo = _below_ten_thousand(high) if high else 1, _below_ten_thousand(low)
    return None if h is None or lo is None else h * 10_000 + lo


def _below_ten_thousand(s: str) -> int | None:
    value, digit = 0, None
    for ch in s:
        if ch in ("零", "〇"):
            continue  # 一百零五: a gap, not a digit
        if ch in _DIGITS:
            if digit is not None:
                return None
            digit = _DIGITS[ch]
        elif ch in _UNITS:
            value += (1 if digit is None else digit) * _UNITS[ch]
            digit = None
        else:
            return None
    return value + (digit or 0)
