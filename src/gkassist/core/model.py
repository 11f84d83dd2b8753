"""The report as data: a pydantic model whose tables follow `formats`.

A cell is a whole number, blank (None: not filled) or not applicable ("/"); the three stay distinct
everywhere.  Columns marked `decimals` (收费金额 in 万元) also take decimals, columns marked `negative`
(本年增/减) take negative numbers.
"""

from __future__ import annotations

import copy
import json
import math
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, Literal, Union

from pydantic import BaseModel, Field, ValidationError, field_validator, model_validator

from gkassist.core import formats
from gkassist.core.errors import InputError
from gkassist.core.levels import Level

NOT_APPLICABLE: Literal["/"] = "/"
Cell = Union[int, float, None, Literal["/"]]
TableData = dict[str, dict[str, Cell]]

# Bumped when the saved JSON changes shape; a newer file is refused with a clear message.
SCHEMA_VERSION = 1
# The 条例 took effect in 2008; a year outside this range is a typo, not a report.
YEAR_MIN, YEAR_MAX = 2008, 2100
# No count or amount in these tables comes near this; a larger number is a typo or damage.
MAX_CELL = 10**12


class ImportNotes(BaseModel):
    """What importing a published report found that its cells and paragraphs cannot say; the checks use it
    (a cell the import could not read is 未读出, not 未填写).  None on a report made here."""

    unread_cells: list[tuple[str, str, str]] = Field(default_factory=list)  # (table, row, column)
    headings: list[tuple[str, str]] = Field(default_factory=list)  # (section id, heading as printed), in order
    # rows printed with their digits run together that no split makes add up: (table, row, the digits)
    inconsistent_rows: list[tuple[str, str, str]] = Field(default_factory=list)
    # the contact block as published (office, phone, address, postcode, site, email, fax): next year's preface
    # starts from it (“地址跟去年一样”)
    contact: dict[str, str] = Field(default_factory=dict)


class Report(BaseModel):
    schema_version: int = SCHEMA_VERSION
    format_version: str  # a version `formats` knows (“2019”, “2021”, …)
    agency: str = Field(min_length=1)
    year: int = Field(ge=YEAR_MIN, le=YEAR_MAX)
    level: Level = "township"
    title: str = ""
    preface: list[str] = Field(default_factory=list)
    # Narrative sections (overview / problems / other): paragraphs in order.
    sections: dict[str, list[str]] = Field(default_factory=dict)
    # Shortcomings the clerk told while answering a part of 一 (by the part's name), in a report's words: they are
    # printed in 五, not where they were said (dialogue.sentences).
    shortfalls: dict[str, list[str]] = Field(default_factory=dict)
    # What the clerk said will be done while answering a part of 一, with no shortcoming told with it (by the part's
    # name), as measures: offered in 五 (as the measure of the problem it answers), never printed in 一.
    plans: dict[str, list[str]] = Field(default_factory=dict)
    # Sentences the clerk said while answering one part of 一 that belong to another not answered yet (by that part's
    # name): printed there when it is answered (dialogue.placement `homes`).
    moved: dict[str, list[str]] = Field(default_factory=dict)
    # Lines a published report adds inside a table section (kept, never dropped).
    extra_lines: dict[str, list[str]] = Field(default_factory=dict)
    # Validated cell by cell against the format in _normalise_tables (Chinese messages naming the cell).
    tables: dict[str, dict[str, dict[str, Any]]] = Field(default_factory=dict)
    # A local publication deadline set by the county, overriding the statutory one.
    local_deadline: date | None = None
    # "draft" (made here: the publication deadline applies) or "published" (already out).
    origin: Literal["draft", "published"] = "draft"
    # The date of the 落款 that closes the report (under the agency's name); a draft without one closes with the day
    # it is written out.
    closing_date: date | None = None
    # A published 2021-format report whose 表三 kept the 2019 layout's single “（六）其他处理” row (its figures
    # were read into “3.其他”): the VERSION check says so.
    t3_single_other_row: bool = False
    imported: ImportNotes | None = None

    # ------------------------------------------------------------ construction
    @classmethod
    def blank(cls, format_version: str, agency: str, year: int, **kw: Any) -> "Report":
        return cls(format_version=format_version, agency=agency, year=year, **kw)

    @field_validator("format_version")
    @classmethod
    def _known_format(cls, version: str) -> str:
        if version not in formats.versions():
            raise ValueError(f"格式版本“{version}”不认识（可用：{'、'.join(formats.versions())}）")
        return version

    @model_validator(mode="after")
    def _normalise_tables(self) -> "Report":
        if self.schema_version > SCHEMA_VERSION:
            raise ValueError(
                f"文件由更新版本的 gkassist 保存（schema_version={self.schema_version}），请升级 gkassist 后再打开"
            )
        fmt = formats.get_format(self.format_version)
        unknown_tables = set(self.tables) - set(fmt.tables)
        if unknown_tables:
            raise ValueError(f"未知的表格：{'、'.join(sorted(unknown_tables))}")
        for bad in set(self.sections) - set(fmt.narrative_sections):
            raise ValueError(f"未知的文字部分：{bad}（{fmt.name}格式）")
        for bad in set(self.extra_lines) - set(fmt.table_sections):
            raise ValueError(f"extra_lines 里有未知的表格部分：{bad}")
        for table_id, table in fmt.tables.items():
            given = self.tables.get(table_id, {})
            normalised: TableData = {}
            for row_id, cols in given.items():
                if not table.has(row_id):
                    raise ValueError(f"{fmt.table_name(table_id)}没有“{row_id}”这一行（{fmt.name}格式）")
                for col_id in cols:
                    if not table.has(row_id, col_id):
                        raise ValueError(f"{fmt.table_name(table_id)}“{table.row(row_id).label}”没有“{col_id}”这一列")
            for _block, row, col in table.cells(with_optional=True):
                given_row = given.get(row.id, {})
                if col.optional and col.id not in given_row:
                    continue  # a column only some reports have (小计): kept where the report has it
                raw = given_row.get(col.id)
                if raw is not None and (type(raw) is not int or not 0 <= raw <= MAX_CELL):  # blank or a count: as it is
                    raw = _cell(raw, col, lambda: fmt.location(table_id, row.id, col.id))
                normalised.setdefault(row.id, {})[col.id] = raw
            self.tables[table_id] = normalised
        if not self.title:
            self.title = fmt.title(self.agency, self.year)
        return self

    def __deepcopy__(self, memo: dict[int, Any] | None = None) -> "Report":
        """A deep copy (what `model_copy(deep=True)` makes: the trial a reply is checked on before it is kept) without
        `copy.deepcopy` walking every cell: the report's data is dicts and lists of immutable values, copied by a loop
        of their own; anything else (the import notes) goes to `copy.deepcopy`.  Three times faster: one of these is
        made on every answer."""
        copied = self.__copy__()  # pydantic's: the same fields set, private and extra attributes
        for name, value in self.__dict__.items():
            if name == "tables":  # table → row → column → a cell, each cell a number, None or “/” (_cell)
                value = {table: {row: dict(cols) for row, cols in rows.items()} for table, rows in value.items()}
            else:
                value = _copied(value, memo)
            copied.__dict__[name] = value
        return copied

    # ------------------------------------------------------------ access
    @property
    def format(self) -> formats.ReportFormat:
        return formats.get_format(self.format_version)

    def cell(self, table_id: str, row_id: str, col_id: str) -> Cell:
        return self.tables[table_id][row_id].get(col_id)

    def set_cell(self, table_id: str, row_id: str, col_id: str, value: Cell) -> None:
        fmt = self.format
        col = fmt.tables[table_id].column(row_id, col_id)  # a cell the format does not have: KeyError
        if type(value) is not int or not 0 <= value <= MAX_CELL:  # a count (what most cells get) is right in any column
            value = _cell(value, col, lambda: fmt.location(table_id, row_id, col_id))
        self.tables[table_id][row_id][col_id] = value
        if self.imported and (table_id, row_id, col_id) in self.imported.unread_cells:
            self.imported.unread_cells.remove((table_id, row_id, col_id))  # filled in since: no longer 未读出

    def number(self, table_id: str, row_id: str, col_id: str) -> int | float | None:
        """The cell as a number, or None when blank or not applicable."""
        v = self.tables[table_id][row_id].get(col_id)  # self.cell's: asked for every part of every sum
        return None if v is None or isinstance(v, str) else v  # the only text a cell holds is “/”

    def has_optional(self, table_id: str) -> bool:
        """Whether the report fills a column of `table_id` only some reports have (表三's 小计)."""
        optional = self.format.tables[table_id].optional_columns
        return bool(optional) and any(optional & cols.keys() for cols in self.tables[table_id].values())

    def paragraphs(self, section_id: str) -> list[str]:
        return self.sections.get(section_id, [])

    def closing(self, today: date | None = None) -> tuple[str, str] | None:
        """(agency, date as written) of the 落款: a draft's (its closing date, else `today`), a published report's only
        where its date is known."""
        when = self.closing_date or (today or date.today() if self.origin == "draft" else None)
        return (self.agency, f"{when.year}年{when.month}月{when.day}日") if when else None

    # ------------------------------------------------------------ persistence
    def to_json(self) -> str:
        return self.model_dump_json(indent=2, exclude_none=False)


_IMMUTABLE = (str, int, float, type(None), date)  # bool is an int; a datetime is a date


def _copied(value: Any, memo: dict[int, Any] | None) -> Any:
    if isinstance(value, _IMMUTABLE):
        return value
    if type(value) is dict:
        return {key: _copied(item, memo) for key, item in value.items()}  # the keys are text (JSON's)
    if type(value) is list:
        return [_copied(item, memo) for item in value]
    return copy.deepcopy(value, memo)


def _cell(raw: Any, col: formats.Column, where: Callable[[], str]) -> Cell:
    """Validate one cell against its column definition; messages are Chinese and name the cell."""
    if raw is None:
        return None
    if raw == NOT_APPLICABLE:
        return NOT_APPLICABLE
    if isinstance(raw, bool) or not isinstance(raw, (int, float)):
        raise ValueError(f"{where()}：“{str(raw)[:20]}”不是数字（应为整数、空白 null 或不适用 \"/\"）")
    if isinstance(raw, float) and not math.isfinite(raw):
        raise ValueError(f"{where()}：“{raw}”不是有效的数字")
    if abs(raw) > MAX_CELL:
        raise ValueError(f"{where()}：数值太大（{_magnitude(raw)}，件数和金额的上限是{MAX_CELL // 10**12}万亿），不像件数或金额")
    if isinstance(raw, float):
        if raw.is_integer() and not col.decimals:
            raw = int(raw)
        elif not col.decimals:
            raise ValueError(f"{where()}：{raw} 应为整数")
    if raw < 0 and not col.negative:
        raise ValueError(f"{where()}：{raw} 是负数，件数不能为负")
    number: int | float = raw
    return number


def _magnitude(raw: int | float) -> str:
    """“约10的400次方”: said without turning an integer of hundreds of digits into a float (OverflowError) or a
    string of thousands of digits (Python's conversion limit)."""
    if isinstance(raw, int):
        digits = int(abs(raw).bit_length() * 0.30103) + 1
        return f"约{digits}位数" if digits > 15 else f"{raw}"
    return f"{raw:.3g}"


def load_report(path: str | Path) -> Report:
    """Read a saved report JSON (or a draft file of the chat); every failure becomes one Chinese line naming the file."""
    from gkassist.core.files import read_text_file

    path = Path(path)
    text = read_text_file(path)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise InputError(f"{path}：第{e.lineno}行第{e.colno}列不是有效的 JSON（{e.msg}）") from None
    except RecursionError:
        raise InputError(f"{path}：JSON 嵌套层数太多，不是 gkassist 的报告文件") from None
    except ValueError as e:  # an integer of thousands of digits
        raise InputError(f"{path}：JSON 里有无法使用的数值（{str(e)[:60]}）") from None
    if isinstance(data, dict) and isinstance(data.get("report"), dict) and "step" in data:
        data = data["report"]  # a saved draft: last year's answers are its report
    return report_from_data(data, path)


def report_from_data(data: Any, path: str | Path = "<输入>") -> Report:
    if not isinstance(data, dict) or "format_version" not in data:
        raise InputError(f"{path}：不是 gkassist 的报告文件（缺少 format_version 等字段）")
    try:
        return Report.model_validate(data)
    except ValidationError as e:
        raise InputError(f"{path}：{_first_error(e)}") from None


def _first_error(e: ValidationError) -> str:
    err = e.errors()[0]
    msg = str(err.get("msg", ""))
    if msg.startswith("Value error, "):
        return msg[len("Value error, "):]
    loc = ".".join(str(x) for x in err.get("loc", ()))
    versions = " 或 ".join(f'"{v}"' for v in formats.versions())
    field_names = {"format_version": f"格式版本（应为 {versions}）", "agency": "机关名称", "year": f"年度（{YEAR_MIN}—{YEAR_MAX}）",
                   "level": "机关层级"}
    name = field_names.get(str(err.get("loc", ("",))[0]), loc)
    if err.get("type") == "missing":
        return f"缺少字段“{name}”"
    shown = repr(err.get("input"))
    return f"字段“{name}”的值无效（{shown[:40]}{'…' if len(shown) > 40 else ''}）"
