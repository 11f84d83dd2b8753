"""The table under discussion as a grid, full screen (Ctrl+T): arrows move, digits edit the cell in place,
Backspace takes a digit back, Enter proposes what was changed (the engine shows it, “对” stores it), Esc leaves
without changing anything.  What the grid holds and which cells may be set is the dialogue layer's (views.Grid)."""

from __future__ import annotations

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from gkassist.dialogue.views import Grid

LABEL = 9  # characters of a row's name at least: “本机关不掌握相关”; more where the screen leaves room


class GridScreen(ModalScreen[dict[tuple[str, str], int | float] | None]):
    BINDINGS = [Binding("escape", "leave", "不改了"), Binding("enter", "propose", "列出确认", priority=True)]
    DEFAULT_CSS = """
    GridScreen { background: $surface; }
    GridScreen > #grid-help { height: 2; padding: 0 1; background: $panel; }
    GridScreen > DataTable { height: 1fr; }
    GridScreen > #grid-where { height: auto; max-height: 3; padding: 0 1; background: $panel; }
    """

    def __init__(self, grid: Grid) -> None:
        super().__init__()
        self.grid = grid
        self.edits: dict[tuple[str, str], str] = {}  # (row, column) → the digits typed

    def compose(self) -> ComposeResult:
        yield Static(f"{self.grid.name}：方向键移动，打数字改这一格，退格删一位，回车列出改动给您确认，Esc 不改了。",
                     id="grid-help", markup=False)
        # the row names stay in sight while the columns scroll (a table wider than the screen); the columns by their
        # short names (“企业”), the full ones said below for the cell under the cursor
        table: DataTable[str] = DataTable(cursor_type="cell", zebra_stripes=True, fixed_columns=1)
        heads = [self.grid.shorts.get(col, label) for col, label in self.grid.columns]
        table.add_column("", key="label")
        for (col, _), head in zip(self.grid.columns, heads):
            table.add_column(head, key=col)
        figures = sum(max(cell_len(h), 4) + 2 for h in heads)
        room = max(LABEL, (self.app.size.width - figures - 4) // 2)
        for row, label in self.grid.rows:
            table.add_row(label[:room], *(self._shown(row, col) for col, _ in self.grid.columns), key=row)
        yield table
        yield Static(id="grid-where", markup=False)

    def on_data_table_cell_highlighted(self, event: DataTable.CellHighlighted) -> None:
        """The cell under the cursor by its row's and column's full names: a row's name is cut in the grid."""
        where = self.query_one("#grid-where", Static)
        if event.coordinate.column == 0:
            where.update(self.grid.rows[event.coordinate.row][1])
            return
        row_label = self.grid.rows[event.coordinate.row][1]
        col_label = self.grid.columns[event.coordinate.column - 1][1]
        table = self.query_one(DataTable)
        more = "；→ 右边还有列" if table.max_scroll_x > table.scroll_x else ""
        where.update(f"本格：{row_label}｜{col_label}{more}")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.focus()
        table.move_cursor(row=0, column=1)

    def _shown(self, row: str, col: str) -> str:
        if (row, col) not in self.grid.values:
            return ""
        if (row, col) in self.edits:
            return self.edits[(row, col)] + "▏"
        value = self.grid.values[(row, col)]
        return "·" if value is None else f"{value:g}"

    @property
    def cursor(self) -> tuple[str, str] | None:
        table = self.query_one(DataTable)
        coordinate = table.cursor_coordinate
        if coordinate.column == 0:
            return None
        return self.grid.rows[coordinate.row][0], self.grid.columns[coordinate.column - 1][0]

    def on_key(self, event: events.Key) -> None:
        here = self.cursor
        char = event.character or ""
        if here is None or not (char.isdigit() or char == "." or event.key == "backspace"):
            return
        event.stop()
        event.prevent_default()
        if why := self.grid.why_not(*here):
            self.notify(why, severity="warning")
            return
        typed = self.edits.get(here, "")
        typed = typed[:-1] if event.key == "backspace" else typed + char
        if typed:
            self.edits[here] = typed
        else:
            self.edits.pop(here, None)
        self.query_one(DataTable).update_cell(here[0], here[1], self._shown(*here))

    def action_propose(self) -> None:
        cells: dict[tuple[str, str], int | float] = {}
        for cell, typed in self.edits.items():
            try:
                number = float(typed)
            except ValueError:
                self.notify(f"“{typed}”不是数字。", severity="error")
                return
            cells[cell] = int(number) if number.is_integer() and "." not in typed else number
        self.dismiss(cells or None)

    def action_leave(self) -> None:
        self.dismiss(None)
