"""What an import gives: the report, the cells it could not read and why, in words for the clerk."""

from __future__ import annotations

from dataclasses import dataclass, field

from gkassist.core import relations
from gkassist.core.model import ImportNotes, Report
from gkassist.importer.digits import Ambiguous


@dataclass
class ImportResult:
    report: Report
    source: str
    read_cells: int = 0
    problems: list[str] = field(default_factory=list)  # Chinese notes on what could not be read
    # rows whose run-together digits split several ways, by (table, row)
    ambiguous: dict[tuple[str, str], Ambiguous] = field(default_factory=dict)
    # rows whose printed label differs from the format's, read by their place: (table, row, label as printed)
    loose_labels: list[tuple[str, str, str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.report.imported is None:
            self.report.imported = ImportNotes()

    @property
    def notes(self) -> ImportNotes:
        """What the import found that the report keeps (set when the result is made)."""
        assert self.report.imported is not None
        return self.report.imported

    @property
    def unread(self) -> list[tuple[str, str, str]]:
        """(table, row, column) of each cell not read from the file: kept on the report, so that a saved import
        still says 未读出 where the file could not be read."""
        return self.notes.unread_cells

    @unread.setter
    def unread(self, cells) -> None:
        self.notes.unread_cells = list(cells)

    def settle_with_last_year(self, last: Report) -> None:
        """Rows left ambiguous, settled by the format's relations across years (表二's 现行有效: last year's +
        本年制发 − 本年废止 = 本年现行有效) where exactly one split keeps them: read, and said as a problem to check
        instead of “未猜测”."""
        for (table_id, row_id), row in list(self.ambiguous.items()):
            fits = [v for v in row.splits
                    if relations.row_keeps_last_year(self.report, last, table_id, row_id, dict(zip(row.columns, v)))]
            if len(fits) != 1:
                continue
            for c, v in zip(row.columns, fits[0]):
                self.report.set_cell(table_id, row_id, c, v)
            del self.ambiguous[(table_id, row_id)]
            self.unread = [cell for cell in self.unread if cell[:2] != (table_id, row_id)]
            self.read_cells += len(row.columns)
            self.problems[self.problems.index(row.said)] = row.settled(
                fits[0], relations.last_year_words(self.report, last, table_id, row_id))

    def left_blank(self) -> int:
        """Cells the report's own table leaves empty (read as blank, not unread)."""
        unread = set(self.unread)
        return sum(1 for t, table in self.report.format.tables.items() for _, row, col in table.cells()
                   if self.report.cell(t, row.id, col.id) is None and (t, row.id, col.id) not in unread)

    @property
    def partial(self) -> bool:
        return bool(self.unread or self.problems)

    def loose_note(self) -> str:
        """The rows read by their place although their printed label differs from the format's."""
        if not self.loose_labels:
            return ""
        fmt = self.report.format
        rows = [f"{fmt.location_parts(t, row, fmt.tables[t].block_of(row).columns[0].id)[0]}（原文“{printed}”）"
                for t, row, printed in self.loose_labels]
        return "行名与官方格式不完全相同，按所在位置和相近程度读取：" + "、".join(rows)

    def summary(self) -> str:
        r = self.report
        head = f"{self.source}：{r.agency}，{r.year}年度，{r.format.name}格式，读取{self.read_cells}个单元格"
        if left_blank := self.left_blank():
            head += f"（其中{left_blank}个原文留空）"
        loose = [self.loose_note()] if self.loose_labels else []
        if not self.partial:
            return "；".join([head + "，全部读出"] + loose)
        parts = [head]
        if self.unread:
            rows: dict[str, list[str]] = {}
            for t, row, col in self.unread:
                key, col_label = r.format.location_parts(t, row, col)
                rows.setdefault(key, []).append(col_label)
            parts.append("未能读出" + str(len(self.unread)) + "个单元格（部分结果）：" +
                         "；".join(f"{k}（{'、'.join(v)}）" for k, v in rows.items()))
        parts += loose + self.problems
        return "；".join(parts)
