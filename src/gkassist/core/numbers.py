"""Numbers as clerks write them: digits, full-width digits, thousands separators, Chinese numerals."""

from __future__ import annotations

import re
from dataclasses import dataclass

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
    if len(low) == 1 and lo:
        lo *= 1000  # “一万二”: 12,000 (the place below 万)
    return None if h is None or lo is None else h * 10_000 + lo


def _below_ten_thousand(s: str) -> int | None:
    value, digit, place = 0, None, 10  # place: what a last digit counts (“一百五” is 150, “一百零五” 105)
    for ch in s:
        if ch in ("零", "〇"):
            place = 10  # 一百零五: a gap, not a digit
            continue
        if ch in _DIGITS:
            if digit is not None:
                return None
            digit = _DIGITS[ch]
        elif ch in _UNITS:
            value += (1 if digit is None else digit) * _UNITS[ch]
            digit, place = None, _UNITS[ch]
        else:
            return None
    return value + (digit or 0) * (place // 10 if place > 10 else 1)


# ------------------------------------------------------------------ amounts of money
# A clerk's amount: “800块钱”, “1.6万元”, “3万5”, “1万2千元”, “一千五百余元”, “2.5万”.  cn2an was measured against this
# (its “smart” mode reads 3万5 and 1.6万 right) but reads “三五” as 35 (three to five), rewrites 第三方 as 第3方 in a
# sentence, fails on 万五 and takes 0.6 s to import: the few forms below are read here instead.
_NUMERAL = r"[0-9]+(?:\.[0-9]+)?|[零〇一二两三四五六七八九十百千]+"
# (“9万零127”: after 零 the figure is itself, not the next place; “1.8亿”: 亿 is 10,000 万; “一万二千五”: the last
# figure is of the next place down, 12,500)
AMOUNT = re.compile(
    # (“十亿零三百万”, “三亿二千万”, “1亿零300万”: after 亿 a whole figure of 万 — 零 only says the 千万 place is empty)
    rf"(?P<yi_high>{_NUMERAL})\s*亿\s*[零〇]?(?P<yi_wan>[0-9]+(?:\.[0-9]+)?(?:千[0-9]?)?|[一二两三四五六七八九十百千]+)\s*万"
    rf"|(?P<high>{_NUMERAL})\s*(?P<big>亿|万|千)(?:\s*(?P<zero>[零〇])?(?P<low>[0-9]+|[零〇一二两三四五六七八九十百]+)(?P<low_unit>千万|百万|千|百)?"
    rf"(?:(?<=[千百])(?P<last>[0-9一二两三四五六七八九])(?![0-9])(?P<last_unit>百|十)?)?)?"
    rf"|(?P<plain>{_NUMERAL}(?:万[零〇一二两三四五六七八九十百千]*)?)")
_YUAN = re.compile(r"\s*(?:多|余|来)?\s*(?P<unit>万元|元钱|元|块钱|块)?")
APPROXIMATE_AMOUNT = re.compile(r"^\s*(?:多|余|来)|^[^，,。；;]{0,4}?左右")
_ABOUT_BEFORE = re.compile(r"(?:大概|大约|约|差不多|估计|将近)\s*$")
YUAN_IN = {"元": 1, "万元": 10_000}


@dataclass(frozen=True)
class Amount:
    """An amount as said: its value in `unit` (元, or 万元 where the clerk said 万元 or nothing), about so much or exact."""

    value: float
    unit: str  # "元" | "万元" | "" (no unit said: the column's)
    approximate: bool = False
    start: int = 0
    end: int = 0

    def in_unit(self, unit: str) -> float:
        """The amount in a column's unit (万元): 800块钱 → 0.08; an amount said without a unit is the column's."""
        if not self.unit or self.unit == unit or unit not in YUAN_IN:
            return self.value
        value = round(self.value * YUAN_IN[self.unit] / YUAN_IN[unit], 6)
        return int(value) if float(value).is_integer() else value


def _number(s: str) -> float | None:
    value = parse_number(s)
    return None if value is None else value


_BIG = {"亿": 100_000_000, "千万": 10_000_000, "百万": 1_000_000, "万": 10_000, "千": 1000, "百": 100, "十": 10}


def _low_part(low: str, low_unit: str | None, big: int, zero: bool = False) -> float | None:
    """What follows 万/千: “3万5” is 35,000 (the next place), “1万2千” 12,000, “1万25” 12,500, “9万零127” 90,127 (after
    零 the figure as it stands)."""
    value = _number(low)
    if value is None:
        return None
    if zero and not low_unit:
        return value
    if low_unit:
        return value * _BIG[low_unit]  # (“1亿2千万”: 120,000,000)
    digits = len(low) if low.isdigit() else 1
    return value * (big // 10 ** digits) if low.isdigit() or value < 10 else value


# “9.8个亿”, “两个亿”: a measure word between the number and 亿; “三点五万”, “一点二万元”: a decimal said in words
_MEASURE_BEFORE_YI = re.compile(r"(?<=[0-9零〇一二两三四五六七八九十百千])个(?=亿)")
_SPOKEN_DECIMAL = re.compile(r"([零〇一二两三四五六七八九十百千]+)点([零〇一二三四五六七八九]+)(?=\s*(?:万|亿|千|元|块))")


# “一万八千九百七十六万元”, “一万八千九百七十六点二万”: a numeral said in words with a 万 of its own inside, before the
# 万/亿 of the amount — the whole numeral is one figure of that unit, not a 万 and its next place
_WORDS_WITH_WAN = re.compile(r"([零〇一二两三四五六七八九十百千]+万[零〇一二两三四五六七八九十百千]+)(?:点([零〇一二三四五六七八九]+))?(?=\s*(?:万|亿))")


def _in_digits(m: re.Match[str]) -> str:
    """A numeral said in words (group 1) and the decimal places said after 点 (group 2, if any) as digits."""
    whole = chinese_numeral(m.group(1))
    if whole is None:
        return m.group(0)
    return f"{whole}.{''.join(str(_DIGITS[c]) for c in m.group(2))}" if m.group(2) else str(whole)


def read_amount(text: str) -> Amount | None:
    """The amount of money a clause says, with the unit said after it (元/块钱/万元; 万 or 千 inside the number makes
    it 元: “3万5” is 35,000元): the first with a unit, else the first number in digits (“收费0”; a Chinese numeral
    without a unit is a word: “一共2.5万元” is no 一)."""
    s = text.translate(_FULLWIDTH).replace(",", "")
    s = _SPOKEN_DECIMAL.sub(_in_digits, _WORDS_WITH_WAN.sub(_in_digits, _MEASURE_BEFORE_YI.sub("", s)))
    found = [a for m in AMOUNT.finditer(s) if (a := _amount(s, m)) is not None]
    return next((a for a in found if a.unit), None) or next((a for a in found if s[a.start].isdigit()), None)


def _amount(s: str, m: re.Match[str]) -> Amount | None:
    value, unit = _amount_value(m)
    if value is None:
        return None
    tail = _YUAN.match(s, m.end())
    said = tail.group("unit") if tail else None
    unit = "万元" if said == "万元" and not unit else "元" if said or unit else ""
    approx = bool(APPROXIMATE_AMOUNT.search(s[m.end():]) or _ABOUT_BEFORE.search(s[max(0, m.start() - 3):m.start()]))
    return Amount(value, unit, approx, m.start(), tail.end() if tail else m.end())


def _amount_value(m: re.Match[str]) -> tuple[float | None, str]:
    """(value, its unit as far as the number says: 元 where 万/千 is inside it, "" where it is a plain number)."""
    if m.group("plain"):
        return _number(m.group("plain")), ""
    if m.group("yi_high"):
        return _yi_and_wan(m.group("yi_high"), m.group("yi_wan"))
    high = _number(m.group("high"))
    if high is None:
        return None, ""
    big = _BIG[m.group("big")]
    low = _low_part(m.group("low"), m.group("low_unit"), big, bool(m.group("zero"))) if m.group("low") else 0
    if low is None:
        return None, ""
    if m.group("last"):  # “一万二千五(百)”, “三千五百二(十)”: the place below the one said before it
        place = _BIG[m.group("last_unit")] if m.group("last_unit") else _BIG[m.group("low_unit")] // 10
        low += (_number(m.group("last")) or 0) * place
    value = round(high * big + low, 6)  # (9.8亿: no 980000000.0000001)
    return (int(value) if float(value).is_integer() else value), "元"


def _yi_and_wan(yi: str, wan: str) -> tuple[float | None, str]:
    """“十亿零三百万”: so many 亿 and so many 万, the 万 figure read whole (“二千三百”, “5千”, “300”)."""
    high, inner = _number(yi), AMOUNT.fullmatch(wan)
    low = _amount_value(inner)[0] if inner and not inner.group("yi_high") else None
    if high is None or low is None:
        return None, ""
    value = round(high * 100_000_000 + low * 10_000, 6)
    return (int(value) if float(value).is_integer() else value), "元"
