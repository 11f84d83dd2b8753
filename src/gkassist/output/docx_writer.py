"""Word output in the official layout: A4, GB/T 9704 margins, 方正小标宋简体 title, 仿宋_GB2312 body,
the three tables with borders and the official merged header cells (the structure of the circulated
2021 blank template)."""

from __future__ import annotations

import copy
import io
import re

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import _Cell
from docx.text.run import Run

from gkassist.core.model import Report
from gkassist.output import grids as layout

TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋_GB2312"
HEADING_FONT = "黑体"  # 一级标题 一、二、…
SUBHEADING_FONT = "楷体_GB2312"  # 二级标题 （一）（二）…
PAGE_NUMBER_FONT = "宋体"
TITLE_SIZE = Pt(22)  # 二号
BODY_SIZE = Pt(16)  # 三号
TABLE_SIZE = Pt(9)  # 小五: the 10-column 表三 fits the A4 text width at this size
# GB/T 9704-2012: 天头 37 mm, 订口 28 mm; text block 156 mm × 225 mm.
MARGINS = {"top": Mm(37), "bottom": Mm(35), "left": Mm(28), "right": Mm(26)}
TEXT_WIDTH_MM = 210 - 28 - 26


# Characters XML 1.0 cannot hold (python-docx raises on them): control characters pasted from elsewhere.
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(text: str) -> str:
    return _NOT_XML.sub("", text)


def _set_font_properties(run, name: str, size) -> None:
    run.font.name = name
    run.font.size = size
    rpr = run._element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.insert(0, rfonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(attr), name)


# The run properties of each (font, size), built once by python-docx and copied into every new run: setting them
# through python-docx's properties walked the schema on each run (a third of writing a report).
_RUN_PROPERTIES: dict[tuple[str, int], object] = {}


def set_font(run, name: str, size) -> None:
    """Set Latin and East-Asian font: python-docx's font.name alone leaves w:eastAsia unset."""
    if run._element.rPr is not None:
        _set_font_properties(run, name, size)
        return
    key = (name, int(size))
    rpr = _RUN_PROPERTIES.get(key)
    if rpr is None:
        model = Run(OxmlElement("w:r"), run._parent)
        _set_font_properties(model, name, size)
        rpr = _RUN_PROPERTIES[key] = model._element.rPr
    run._element.insert(0, copy.deepcopy(rpr))




def _paragraph(doc, text: str, font=BODY_FONT, size=BODY_SIZE, indent=True, align=None):
    text = xml_safe(text)
    p = doc.add_paragraph()
    if indent:
        p.paragraph_format.first_line_indent = Pt(size.pt * 2)
    if align is not None:
        p.alignment = align
    p.paragraph_format.line_spacing = Pt(28)  # 固定值28磅, the usual 公文 spacing for 三号
    # a 公文 page is filled line by line: widow/orphan control (on by default in LibreOffice) moved a two-line
    # paragraph whole to page 2 and left page 1 ending with empty lines
    p.paragraph_format.widow_control = False
    # no space between paragraphs (python-docx's default adds 10 pt after each): lines on the 公文 grid, and a
    # page's last lines filled instead of left empty
    p.paragraph_format.space_before = p.paragraph_format.space_after = Pt(0)
    m = layout.SUBHEADING.match(text) if font == BODY_FONT else None
    if m:
        # “（一）主动公开。” opens its paragraph in 楷体, the 公文 二级标题
        set_font(p.add_run(m.group(1)), SUBHEADING_FONT, size)
        text = text[m.end():]
    if text:
        set_font(p.add_run(text), font, size)
    return p


def _page_numbers(section) -> None:
    """“— 1 —” centred in the footer (a PAGE field), 4号 宋体 as 公文 page numbers are."""
    footer = section.footer
    p = footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    set_font(p.add_run("— "), PAGE_NUMBER_FONT, Pt(14))
    field = p._p.makeelement(qn("w:fldSimple"), {qn("w:instr"): "PAGE"})
    run = p.add_run("1")
    set_font(run, PAGE_NUMBER_FONT, Pt(14))
    field.append(run._r)
    p._p.append(field)
    set_font(p.add_run(" —"), PAGE_NUMBER_FONT, Pt(14))


# Column widths as in the official 2021 template (its tblGrid, in twentieths of a point), scaled to the text
# width: 表三's three label columns wide, its seven number columns narrow; 表二's label column as wide as
# its number columns together; 表四's fifteen columns equal.
TEMPLATE_WIDTHS = {"t2": (2435, 2435, 2435, 2435), "t3": (754, 921, 3271) + (685,) * 7, "t4": (649,) * 15}


def _column_widths(table_id: str, n_cols: int) -> list[float]:
    """Millimetres per column, from the template's proportions (a 小计 column takes a number column's width)."""
    template = list(TEMPLATE_WIDTHS[table_id])
    while len(template) < n_cols:
        template.append(template[-1])
    template = template[:n_cols]
    return [TEXT_WIDTH_MM * w / sum(template) for w in template]


def _fix_grid(table, widths_mm: list[float]) -> None:
    """Word honours each cell's width; LibreOffice and WPS lay a table out by its tblGrid and tblW, which
    python-docx leaves as equal columns (表三 ran over two and a half pages).  Set all three, and a fixed layout."""
    twips = [round(w / 25.4 * 1440) for w in widths_mm]
    grid = table._tbl.tblGrid
    for col, w in zip(grid.findall(qn("w:gridCol")), twips):
        col.set(qn("w:w"), str(w))
    tbl_pr = table._tbl.tblPr
    for tag, attrs in (("w:tblW", {"w:w": str(sum(twips)), "w:type": "dxa"}), ("w:tblLayout", {"w:type": "fixed"})):
        element = tbl_pr.find(qn(tag))
        if element is None:
            element = tbl_pr.makeelement(qn(tag), {})
            tbl_pr.append(element)
        for k, v in attrs.items():
            element.set(qn(k), v)


# The tables' skeletons (borders, widths, merged cells, alignment, page-break properties, no text), built once per
# layout and copied for every report: python-docx's cell merging and property setters took two thirds of writing a
# report, and a format's tables have the same layout in every report of that format.
_SKELETONS: dict[tuple, tuple] = {}


def _table(doc, table_id: str, grid: list[list[layout.GridCell]]):
    layout_key = (table_id, tuple(tuple((gc.rowspan, gc.colspan, gc.header, gc.number) for gc in row) for row in grid))
    skeleton = _SKELETONS.get(layout_key)
    if skeleton is None:
        skeleton = _SKELETONS[layout_key] = _table_skeleton(doc, table_id, grid)
    tbl, places = skeleton
    tbl = copy.deepcopy(tbl)
    rows = tbl.tr_lst
    for (r, i), gc in zip(places, (gc for row in grid for gc in row)):
        if gc.text:
            run = Run(rows[r].tc_lst[i].p_lst[0].add_r(), doc)
            set_font(run, BODY_FONT, TABLE_SIZE)
            run.text = xml_safe(gc.text)
    doc.element.body._insert_tbl(tbl)
    return tbl


def _table_skeleton(doc, table_id: str, grid: list[list[layout.GridCell]]):
    """The table without its texts, and where each grid cell's paragraph is (row, index among the row's cells)."""
    matrix, origins = layout.grid_matrix(grid)
    n_rows, n_cols = len(matrix), len(matrix[0])
    table = doc.add_table(rows=n_rows, cols=n_cols)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    widths = _column_widths(table_id, n_cols)
    _fix_grid(table, widths)
    # The cells taken once, before any merge: table.cell() walks the whole table on every call (it was
    # 85 % of writing a report). The merged regions are disjoint, so the other cells stay valid.
    cells = [[_Cell(tc, table) for tc in tr.tc_lst] for tr in table._tbl.tr_lst]
    for row in cells:
        for i, cell in enumerate(row):
            cell.width = Mm(widths[i])
    merged = []
    for r, c, gc in origins:
        cell = cells[r][c]
        if gc.rowspan > 1 or gc.colspan > 1:
            cell = cell.merge(cells[r + gc.rowspan - 1][c + gc.colspan - 1])
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT if gc.number else WD_ALIGN_PARAGRAPH.CENTER
        merged.append((r, cell._tc))
    # The header rows (before the first row with a number) repeat on a new page; no row breaks across pages; and
    # each row keeps with the next (every paragraph of it: Word's and LibreOffice's “keep table together”), so a
    # table that would not fit moves whole to the next page — 表三's merged group labels (三、本年度办理结果) are not
    # left blank on a continuation.  A table of several blocks (表二) may break between its blocks only: kept whole
    # it would move from page 1 and leave empty lines there.
    rows = table._tbl.tr_lst
    blocks = any(_starts_block(grid, i, n_cols) for i in range(len(grid)))
    # (a block's own header row comes with it: 表二's first block's is not repeated over the others)
    header_rows = 0 if blocks else next((i for i, row in enumerate(grid) if any(gc.number for gc in row)), 0)
    for i, tr in enumerate(rows):
        properties = tr.get_or_add_trPr()
        properties.append(properties.makeelement(qn("w:cantSplit"), {}))
        if i < header_rows:
            properties.append(properties.makeelement(qn("w:tblHeader"), {}))
        if i + 1 < len(rows) and not _starts_block(grid, i + 1, n_cols):
            for p in tr.iter(qn("w:p")):
                p.get_or_add_pPr().keepNext_val = True
    tbl = table._tbl
    tbl.getparent().remove(tbl)
    # (the origins come in the grid's reading order: row by row, left to right)
    return tbl, [(r, rows[r].tc_lst.index(tc)) for r, tc in merged]


def _starts_block(grid: list[list[layout.GridCell]], i: int, width: int) -> bool:
    """Whether grid row `i` opens a block of a table of several (表二's “第二十条第（五）项”: one cell across it)."""
    row = grid[i]
    return i > 0 and len(row) == 1 and row[0].header and row[0].colspan == width


def write_docx(report: Report) -> bytes:
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = MARGINS["top"]
    section.bottom_margin = MARGINS["bottom"]
    section.left_margin = MARGINS["left"]
    section.right_margin = MARGINS["right"]
    normal = doc.styles["Normal"]
    normal.font.name = BODY_FONT
    normal.font.size = BODY_SIZE
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), BODY_FONT)
    _page_numbers(section)

    _paragraph(doc, report.agency, TITLE_FONT, TITLE_SIZE, indent=False, align=WD_ALIGN_PARAGRAPH.CENTER)
    fmt = report.format
    title = _paragraph(doc, f"{report.year}年{fmt.title_phrase}", TITLE_FONT, TITLE_SIZE, indent=False,
                       align=WD_ALIGN_PARAGRAPH.CENTER)
    title.paragraph_format.space_after = Pt(28)  # one empty line under the title (GB/T 9704)
    for text in report.preface:
        _paragraph(doc, text)
    for part in fmt.sections:
        # a heading stays on the page of what follows it (never alone at the foot of a page)
        _paragraph(doc, part.heading, HEADING_FONT, BODY_SIZE).paragraph_format.keep_with_next = True
        for text in report.paragraphs(part.id):
            _paragraph(doc, text)
        if part.table:
            _table(doc, part.table, layout.table_grid(report, part.table))
        for text in report.extra_lines.get(part.id, []):
            _paragraph(doc, text)
    if closing := report.closing():
        # 落款: the agency and the date at the right, two blank lines after the text (GB/T 9704's 成文日期)
        for i, line in enumerate(closing):
            p = _paragraph(doc, line, indent=False, align=WD_ALIGN_PARAGRAPH.RIGHT)
            if i == 0:
                p.paragraph_format.space_before = Pt(56)
            p.paragraph_format.right_indent = Pt(BODY_SIZE.pt * 2)
    core = doc.core_properties
    core.title = xml_safe(report.title)[:255]  # the package's core properties take at most 255 characters
    core.author = xml_safe(report.agency)[:255]
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
