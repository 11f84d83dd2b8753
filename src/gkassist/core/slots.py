"""The mark of a slot in a reused sentence: 〔年份：2024年〕, another agency's fact still to be replaced."""

from __future__ import annotations

import re

SLOT_MARK = re.compile(r"〔(?:年份|数字|机关|地名)：[^〕]*〕")
