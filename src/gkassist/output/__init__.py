"""Render a report with the jinja2 templates in templates/ (text, Markdown, HTML) or to Word."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import jinja2

from gkassist.core import fileformats
from gkassist.core.errors import InputError
from gkassist.core.model import Report
from gkassist.output import grids as layout
from gkassist.paths import resource_dir

# The templates of the kinds of file a report is written to as text (core.fileformats names the kinds); Word has
# its own writer (docx_writer).
TEMPLATES = {"txt": "report.txt.j2", "md": "report.md.j2", "html": "report.html.j2"}
TEXT_FORMATS = {s: TEMPLATES[k.id] for k in fileformats.kinds("report") if k.id in TEMPLATES for s in k.suffixes}
OUTPUT_SUFFIXES = fileformats.suffixes("report")


def _text_table(table: layout.FlatTable) -> str:
    """An aligned text table, cells separated by " | " (readable, and read back by the importer)."""
    lines = [table.header] + table.rows
    n = max(len(line) for line in lines)
    widths = [max(layout.display_width(line[i]) for line in lines if i < len(line)) for i in range(n)]
    out = []
    for line in lines:
        cells = [layout.pad(v, widths[i], right=i > 0 and line is not table.header) for i, v in enumerate(line)]
        out.append(" | ".join(cells).rstrip())
    return "\n".join(out)


def _md_escape(s: str) -> str:
    """Report text as Markdown that shows it as written: table pipes and emphasis escaped, and “<”, “>”, “&” as
    entities, so that “<script>” or “<img onerror=…>” in an agency name is text, never live HTML in a viewer."""
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    # “[” and “]” escaped too: no “[x](javascript:…)” link, “![i](http://…)” image fetched on opening, or
    # “[x][1]” reference is ever made of a report's text; nor an autolink of a bare “http://…” or “www.…”
    s = re.sub(r"([\\|*_\[\]])", r"\\\1", s).replace("//", "\\/\\/")  # “http://”, “//host”
    return _WWW.sub(lambda m: m[0][:-1] + "\\.", s)


_WWW = re.compile(r"(?i)(?<![a-z])www\.")


def _md_table(table: layout.FlatTable) -> str:
    head = "| " + " | ".join(_md_escape(h) for h in table.header) + " |"
    sep = "|" + "|".join(["---"] + ["---:"] * (len(table.header) - 1)) + "|"
    rows = ["| " + " | ".join(_md_escape(v) if v else " " for v in row) + " |" for row in table.rows]
    return "\n".join([head, sep] + rows)


def _subheading(paragraph: str) -> tuple[str, str]:
    """(“（一）主动公开。”, the rest): the lead a paragraph opens with, set in 楷体 as the Word file sets it."""
    m = layout.SUBHEADING.match(paragraph)
    return (m.group(1), paragraph[m.end():]) if m else ("", paragraph)


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(resource_dir("templates"))),
        autoescape=jinja2.select_autoescape(enabled_extensions=("html.j2",), default_for_string=False),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["text_table"] = _text_table
    env.filters["md_table"] = _md_table
    env.filters["md_escape"] = _md_escape
    env.filters["subheading"] = _subheading
    return env


def context(report: Report) -> dict:
    fmt = report.format
    sections = []
    for section in fmt.sections:
        table_id = section.table
        sections.append({
            "id": section.id,
            "heading": section.heading,
            "paragraphs": report.paragraphs(section.id),
            "table_id": table_id,
            "flat": layout.flat_tables(report, table_id) if table_id else [],
            "grid": layout.table_grid(report, table_id) if table_id else [],
            "note": fmt.tables[table_id].corner if table_id else "",
            "extra_lines": report.extra_lines.get(section.id, []),
        })
    return {"report": report, "sections": sections, "title_year": f"{report.year}年{fmt.title_phrase}",
            "closing": report.closing()}


def render_text(report: Report, suffix: str) -> str:
    return environment().get_template(TEXT_FORMATS[suffix]).render(context(report))


def check_output_names(names) -> None:
    """Refuse an unsupported output before anything is written (a later one would leave the earlier written)."""
    for name in names:
        if Path(name).suffix.lower() not in OUTPUT_SUFFIXES:
            raise InputError(f"{name}：不支持的输出格式“{Path(name).suffix or '无扩展名'}”（可选：{fileformats.listed('report')}）")


def render_bytes(report: Report, suffix: str) -> bytes:
    suffix = suffix.lower()
    if suffix == ".docx":
        from gkassist.output.docx_writer import write_docx

        return write_docx(report)
    if suffix in TEXT_FORMATS:
        return render_text(report, suffix).encode("utf-8")
    raise InputError(f"不支持输出为“{suffix}”格式（可选：{fileformats.listed('report')}）")


def render_to(report: Report, path: Path) -> Path | None:
    """Export for the chat: an existing file of that name is kept as a dated copy first (returned), never lost; a
    link is written through (core.files.write_output)."""
    from gkassist.core.files import write_output

    return write_output(path, render_bytes(report, path.suffix))
