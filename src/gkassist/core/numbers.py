"""Numbers as clerks write them: digits, full-width digits, thousands separators, Chinese numerals."""

from __future__ import annotations

import re

_FULLWIDTH = str.maketrans("０１２３４５６７８９．，－", "0123456789.,-")
_CHINESE_NUMERAL = re.compile(r"^[零〇一二两三四五六七八九十百千万亿点]+$")


def parse_number(text: str) -> int | float | None:
    """'3' '３' '1,234' '三' '十二' '两' '2.5' → number; anything else → None."""
    s = text.strip().translate(_FULLWIDTH).replace(",", "")
    if not s:
        return None
    if re.fullmatch(r"-?\d+", s):
        return int(s)
    if re.fullmatch(r"-?\d+\.\d+", s):
        return float(s)
    if _CHINESE_NUMERAL.match(s):
        import cn2an  # loaded only when a Chinese numeral appears

        try:
            value = cn2an.cn2an(s.replace("〇", "零"), "smart")
        except (ValueError, KeyError):
            return None
        return int(value) if float(value).is_integer() else float(value)
    return None
