"""The kinds of file gkassist reads and writes, declared once: their suffixes, their names for the clerk, and what
each is for.  The importer's readers and the output's writers are keyed by these ids (and tested to cover them);
the command line, the TUI's export menu and a web front end list and check suffixes here, so a new kind of file
is one line here and one reader or writer.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class FileKind:
    id: str
    name: str  # how the clerk calls it (“Word”, “网页”)
    suffixes: tuple[str, ...]  # the first is the one written
    published: bool = False  # a published report is read from it (importer)
    report: bool = False  # a report is written to it (output)
    audit: bool = False  # an audit's result is written to it (audit.output)
    data: bool = False  # a report's own data (JSON), saved and read back as is

    @property
    def suffix(self) -> str:
        return self.suffixes[0]


KINDS: tuple[FileKind, ...] = (
    FileKind("docx", "Word", (".docx",), published=True, report=True),
    FileKind("html", "网页", (".html", ".htm"), published=True, report=True, audit=True),
    FileKind("md", "Markdown", (".md",), published=True, report=True),
    FileKind("txt", "文本", (".txt", ".text"), published=True, report=True),
    FileKind("pdf", "PDF", (".pdf",), published=True),
    FileKind("xlsx", "Excel 表格", (".xlsx",), audit=True),
    FileKind("json", "报告数据", (".json",), audit=True, data=True),
)


def kind_of(name: str | Path) -> FileKind | None:
    """The kind of a file by its suffix (“报告.HTM” is a 网页), None where gkassist has none."""
    suffix = (name if isinstance(name, str) and name.startswith(".") else Path(name).suffix).lower()
    return next((k for k in KINDS if suffix in k.suffixes), None)


def kinds(role: str) -> tuple[FileKind, ...]:
    """The kinds for a role: "published", "report", "audit" or "data"."""
    return tuple(k for k in KINDS if getattr(k, role))


def suffixes(role: str) -> tuple[str, ...]:
    return tuple(s for k in kinds(role) for s in k.suffixes)


def listed(role: str) -> str:
    """“.docx、.html、.md、.txt”: the suffixes written for a role, as a message lists them."""
    return "、".join(k.suffix for k in kinds(role))
