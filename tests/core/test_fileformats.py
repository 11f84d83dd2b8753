"""One registry of the kinds of file read and written: every kind it lists has its reader or writer, and the
command line, the TUI's export menu and the messages list the same suffixes."""

import pytest

from gkassist.core import fileformats


def test_every_kind_a_report_is_written_to_has_a_writer(sample_2024):
    from gkassist.output import render_bytes

    for kind in fileformats.kinds("report"):
        for suffix in kind.suffixes:
            assert render_bytes(sample_2024, suffix.upper() if suffix == ".htm" else suffix), suffix


def test_every_kind_a_published_report_is_read_from_has_a_reader():
    from gkassist.importer import PUBLISHED_SUFFIXES, READERS

    assert set(PUBLISHED_SUFFIXES) == set(fileformats.suffixes("published")) == set(READERS)


def test_the_tui_exports_what_the_registry_lists():
    from gkassist.tui.app import EXPORT_FORMATS

    assert EXPORT_FORMATS == ((".docx", "Word"), (".html", "网页"), (".md", "Markdown"), (".txt", "文本"))
    assert [s for s, _ in EXPORT_FORMATS] == [k.suffix for k in fileformats.kinds("report")]


@pytest.mark.parametrize("name, kind", [("报告.docx", "docx"), ("报告.HTM", "html"), ("a/b.text", "txt"), (".md", "md"),
                                        ("审核.xlsx", "xlsx"), ("x.json", "json"), ("报告.doc", None), ("报告", None)])
def test_a_file_is_known_by_its_suffix(name, kind):
    found = fileformats.kind_of(name)
    assert (found.id if found else None) == kind


def test_messages_list_the_registry(tmp_path, capsys):
    from gkassist.cli import main
    from gkassist.core.errors import InputError
    from gkassist.output import check_output_names

    with pytest.raises(InputError, match="可选：.docx、.html、.md、.txt"):
        check_output_names(["报告.rtf"])
    assert main(["audit", str(tmp_path), "-o", str(tmp_path / "审核.csv")]) != 0
    assert "审核结果只能输出为 .html、.xlsx、.json" in capsys.readouterr().err
