"""The report's tables for a screen 80 columns wide (F2 预览, the review): Textual's Markdown table squeezes 表三's
eight columns into “…” headers, drops a column's figures and lays a group's label beside the next row's figures.

Here a table is plain lines in a fenced block: the short headers the format gives (“企业”, “纠正”), their full names
said once above, each row's figures on the first line of its label (the label wrapped below them, indented), and a
group's label (“三、本年度办理结果”) on a line of its own, without figures."""

from __future__ import annotations

from rich.cells import cell_len

from gkassist.tui.widgets import wrap

MIN_LABEL = 8  # cells of a row's label column, however narrow the screen


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def _pad(text: str, width: int, right: bool = False) -> str:
    gap = " " * max(0, width - cell_len(text))
    return gap + text if right else text + gap


def narrow_table(lines: list[str], width: int, shorts: dict[str, str]) -> list[str]:
    """A Markdown table (its header, the |---| line, its rows) as lines of at most about `width` cells."""
    header = _cells(lines[0])
    rows = [_cells(line) for line in lines[2:]]
    heads = [shorts.get(h, h) for h in header[1:]]
    legend = [f"{s}＝{h}" for h, s in zip(header[1:], heads) if s != h]
    widths = [max([cell_len(h)] + [cell_len(r[i + 1]) for r in rows if i + 1 < len(r)]) for i, h in enumerate(heads)]
    figures = sum(widths) + 2 * len(widths)
    label_width = max(MIN_LABEL, width - figures)
    out = wrap(f"（列名：{'，'.join(legend)}）", label_width + figures) if legend else []
    out.append(_pad(header[0], label_width) + "".join("  " + _pad(h, w, right=True) for h, w in zip(heads, widths)))
    group = ""
    for row in rows:
        label = row[0]
        # “三、本年度办理结果 （一）予以公开”: the group's label once, on a line of its own
        if " " in label:
            head, label = label.rsplit(" ", 1)
            if head != group:
                out += wrap(head, label_width + figures)
                group = head
        elif not label.startswith(("（", "1", "2", "3", "4", "5", "6", "7", "8", "9")):
            group = ""
        parts = wrap(label, label_width) or [""]
        out.append(_pad(parts[0], label_width)
                   + "".join("  " + _pad(v, w, right=True) for v, w in zip(row[1:], widths)))
        out += ["  " + p for p in wrap("".join(parts[1:]), label_width - 2)] if len(parts) > 1 else []
    return out


def narrow_tables(markdown: str, width: int, shorts: dict[str, str]) -> str:
    """`markdown` with each of its tables laid out by `narrow_table` in a fenced block of plain text."""
    out: list[str] = []
    table: list[str] = []
    for line in [*markdown.split("\n"), ""]:
        if line.startswith("|"):
            table.append(line)
            continue
        if table:
            out += ["```text", *narrow_table(table, width, shorts), "```"]
            table = []
        out.append(line)
    return "\n".join(out[:-1])
