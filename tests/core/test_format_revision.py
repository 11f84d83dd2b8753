"""The next official format is one file: a fictional revision defined here — one more 表三 row, a renamed 表二 row,
one more section — is imported from a text report, checked (its sums include the new row), rendered to
txt/md/html/docx and drafted with `draft --answers`, with nothing changed but the format's own file."""

import io
import json

import pytest
from docx import Document

from gkassist.cli import main
from gkassist.core import formats
from gkassist.core.formats import FORMATS_DIR
from gkassist.core.model import Report, load_report
from gkassist.paths import drafts_dir
from support import SAMPLES

NEW_ROW = "4.申请人主动撤回申请"
RENAMED = "行政规范性文件和其他政策文件"
NEW_SECTION = "政务公开工作要点落实情况"
T4_RENAMED = "决定予以维持"  # 表四's header words come from the format too


def revision_2027() -> str:
    """2021.yaml with the three changes a revision might bring."""
    text = (FORMATS_DIR / "2021.yaml").read_text(encoding="utf-8")
    changes = [
        ('version: "2021"', 'version: "2027"'),
        ("name: 2021年版", "name: 2027年版"),
        ("notice: 国办公开办函〔2021〕30号", "notice: 国办公开办函〔2027〕1号（测试用）"),
        ("from_year: 2021", "from_year: 2027"),
        ("{id: normative, label: 行政规范性文件}", "{id: normative, label: " + RENAMED + "}"),
        ("{id: upheld, label: 结果维持, short: 维持}", "{id: upheld, label: " + T4_RENAMED + ", short: 维持}"),
        ("              - {id: other_3, label: 3.其他, legacy: （六）其他处理}",
         "              - {id: other_3, label: 3.其他, legacy: （六）其他处理}\n"
         "              - {id: other_4, label: " + NEW_ROW + "}"),
        ("  - {id: other, number: 六, title: 其他需要报告的事项}",
         "  - {id: tasks, number: 六, title: " + NEW_SECTION + ", ask: 今年政务公开工作要点落实得怎么样？}\n"
         "  - {id: other, number: 七, title: 其他需要报告的事项}"),
    ]
    for old, new in changes:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


@pytest.fixture
def revision(tmp_path):
    folder = tmp_path / "formats"
    folder.mkdir()
    (folder / "2027.yaml").write_text(revision_2027(), encoding="utf-8")
    formats.add_folder(folder)
    yield formats.get_format("2027")
    formats.remove_folder(folder)


def a_2027_report() -> Report:
    report = Report.blank("2027", "青岚县石桥镇人民政府", 2027, level="township")
    for _, row, col in report.format.t2.cells():
        report.set_cell("t2", row.id, col.id, 0)
    report.set_cell("t2", "normative", "in_force", 6)
    figures = {("new", "natural"): 4, ("open", "natural"): 2, ("unable_1", "natural"): 1, ("other_4", "natural"): 1}
    for _, row, col in report.format.t3.cells():
        report.set_cell("t3", row.id, col.id, figures.get((row.id, col.id), 0))
    for _, row, col in report.format.t4.cells():
        report.set_cell("t4", row.id, col.id, 0)
    from gkassist.core.derive import fill_totals

    fill_totals(report, "t3")
    fill_totals(report, "t4")
    report.set_cell("t4", "cases", "review.upheld", 1)
    report.set_cell("t4", "cases", "suit_direct.pending", 2)
    fill_totals(report, "t4")
    report.sections = {"overview": ["（一）主动公开。全年公开信息120条。"], "problems": ["一是政策解读形式不够丰富，下一步增加图解。"],
                       "tasks": ["全年政务公开工作要点12项任务全部完成。"], "other": ["本年度未收取信息处理费。"]}
    return report


def test_the_format_file_is_all_it_takes(revision):
    assert formats.format_for_year(2027) == "2027" and formats.format_for_year(2026) == "2021"
    assert revision.heading("tasks") == "六、政务公开工作要点落实情况" and revision.heading("other") == "七、其他需要报告的事项"
    assert "other_4" in revision.result_rows and revision.t2.row("normative").label == RENAMED


def test_its_sums_include_the_new_row(revision):
    from gkassist.checks import check

    report = a_2027_report()
    assert report.number("t3", "results_total", "total") == 4  # 2 + 1 + the new row's 1
    assert [f for f in check(report) if f.severity == "error"] == []
    report.set_cell("t3", "results_total", "natural", 3)  # as if the new row were left out of the total
    (broken,) = [f for f in check(report) if f.rule == "T3-RESULTS"]
    assert broken.cell == ("t3", "results_total", "natural") and "之和为4，但（七）总计填的是3" in broken.message


@pytest.mark.slow
@pytest.mark.parametrize("suffix", [".txt", ".md", ".html", ".docx"])
def test_rendered_and_imported_back_cell_for_cell(revision, suffix, tmp_path):
    report = a_2027_report()
    out = tmp_path / f"r{suffix}"
    assert main(["render", str(_saved(report, tmp_path)), "-o", str(out)]) == 0
    if suffix == ".docx":
        doc = Document(io.BytesIO(out.read_bytes()))
        text = "\n".join(p.text for p in doc.paragraphs) + "\n".join(c.text for t in doc.tables for row in t.rows for c in row.cells)
    else:
        text = out.read_text(encoding="utf-8")
    for words in (NEW_ROW, RENAMED, T4_RENAMED, "六、" + NEW_SECTION, "七、其他需要报告的事项", "全年政务公开工作要点12项任务全部完成。"):
        assert words in text, words
    assert text.index("五、存在的主要问题及改进情况") < text.index("六、" + NEW_SECTION) < text.index("七、其他需要报告的事项")
    json_out = tmp_path / "back.json"
    assert main(["import", str(out), "-o", str(json_out)]) == 0
    back = load_report(json_out)
    assert back.format_version == "2027"
    assert back.tables == report.tables
    assert back.sections["tasks"] == report.sections["tasks"] and back.sections["other"] == report.sections["other"]


def _saved(report: Report, folder) -> str:
    path = folder / "report.json"
    path.write_text(report.to_json(), encoding="utf-8")
    return str(path)


@pytest.mark.slow
def test_drafted_by_answers_naming_the_new_row_and_section(revision, tmp_path, capsys):
    last = load_report(SAMPLES / "2024_shiqiaozhen.json")
    last.year = 2026  # last year's report, in the format then in force
    answers = tmp_path / "answers.txt"
    answers.write_text("\n".join([
        "自然人申请4件，予以公开2件，本机关不掌握1件，申请人主动撤回申请1件，上年结转的1件也已公开", "对",
        "没有", "对",
        "规范性文件制发1件，现行有效7件；行政许可30件", "对",
        "全年公开信息120条", "对", "均按期答复", "对", "发布前逐条审查", "对", "新建公开栏2块", "对", "培训2次", "对",
        "去年提出的解读形式单一问题已增加图解。今年的问题是公开栏更新不及时", "对",  # (五 needs a problem of this year)
        "全年政务公开工作要点12项任务全部完成", "对",
        "没有", "对",
        "党政办，电话0431-12345678，地址石桥镇政府大楼，网站青岚县人民政府网站", "对",
    ]) + "\n", encoding="utf-8")
    assert main(["draft", "--from", _saved(last, tmp_path), "--year", "2027", "--answers", str(answers)]) == 0
    transcript = capsys.readouterr().out
    assert "2027年版格式" in transcript and "今年政务公开工作要点落实得怎么样？" in transcript
    (path,) = drafts_dir().glob("*.json")
    draft = json.loads(path.read_text(encoding="utf-8"))
    assert draft["step"] == "done", transcript
    report = load_report(path)
    assert report.format_version == "2027"
    assert [report.cell("t3", r, "natural") for r in ("new", "carried", "open", "unable_1", "other_4", "results_total")] == \
        [4, 1, 3, 1, 1, 5]
    assert report.sections["tasks"] == ["我镇全年政务公开工作要点12项任务全部完成。"]  # in a report's words
    assert report.cell("t2", "normative", "issued") == 1 and report.cell("t2", "normative", "in_force") == 7


# ------------------------------------------------------------------ a revision changing a relation across years
def revision_2028() -> str:
    """2021.yaml with 现行有效 counted without 本年废止 (fictional: repealed documents counted elsewhere) — the
    relation across years changed, nothing else."""
    text = (FORMATS_DIR / "2021.yaml").read_text(encoding="utf-8")
    for old, new in [('version: "2021"', 'version: "2028"'), ("name: 2021年版", "name: 2028年版"),
                     ("from_year: 2021", "from_year: 2028"),
                     ("this: in_force, last: in_force, plus: issued, minus: repealed, bound: T2-VALID",
                      "this: in_force, last: in_force, plus: issued")]:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


@pytest.fixture
def across_revision(tmp_path):
    folder = tmp_path / "formats2028"
    folder.mkdir()
    (folder / "2028.yaml").write_text(revision_2028(), encoding="utf-8")
    formats.add_folder(folder)
    yield formats.get_format("2028")
    formats.remove_folder(folder)


def _last_and_this(version: str) -> tuple[Report, Report]:
    last = load_report(SAMPLES / "2024_shiqiaozhen.json")  # 现行有效 9
    this = Report.blank(version, "青岚县石桥镇人民政府", 2025, level="township")
    for t in ("t2", "t3", "t4"):
        for _, row, col in this.format.tables[t].cells():
            this.set_cell(t, row.id, col.id, 0)
    for col, value in {"issued": 2, "repealed": 1, "in_force": 10}.items():
        this.set_cell("t2", "normative", col, value)
    return last, this


@pytest.mark.parametrize("version, in_force", [("2021", 10), ("2028", 11)])
def test_a_changed_relation_across_years_reaches_checks_derive_import_and_dialogue(across_revision, version, in_force):
    from gkassist.checks import check
    from gkassist.core import relations
    from gkassist.core.derive import from_last_year
    from gkassist.importer.digits import Ambiguous
    from gkassist.importer.result import ImportResult

    last, this = _last_and_this(version)
    # derive: this year's 现行有效 from last year's 9 and this year's 制发2 (− 废止1 in 2021 only)
    assert from_last_year(this, last)[("t2", "normative", "in_force")] == in_force
    # checks: 10 holds in 2021's format, not in 2028's, whose message has no 废止
    found = [f for f in check(this, last) if f.rule == "X-VALID"]
    if version == "2021":
        assert found == []
    else:
        (finding,) = found
        assert finding.message == "行政规范性文件：上年现行有效9 + 本年制发2 = 11，但本年现行有效填的是10"
    # importer: run-together “2111” / “2110” settled by the relation of the report's format
    for digits, split in (("2110", [2, 1, 10]), ("2111", [2, 1, 11])):
        result = ImportResult(this.model_copy(deep=True), "x.txt", problems=["连在一起"])
        result.ambiguous[("t2", "normative")] = Ambiguous(["issued", "repealed", "in_force"],
                                                         [[2, 1, 10], [2, 1, 11], [21, 1, 1]], digits, "表二", said="连在一起")
        result.settle_with_last_year(last)
        settled = [result.report.cell("t2", "normative", c) for c in ("issued", "repealed", "in_force")]
        assert (settled == split) == (split[2] == in_force), (digits, settled)
        if split[2] == in_force:
            words = "上年现行有效 + 本年制发 − 本年废止 = 本年现行有效" if version == "2021" else "上年现行有效 + 本年制发 = 本年现行有效"
            assert words in result.problems[0]
    # the dialogue's note before “对”: worded from the relation
    this.set_cell("t2", "normative", "in_force", 5)
    (note,) = relations.year_mismatches(this, last, "t2")
    assert (note.expected, note.found, note.minus is None) == (in_force, 5, version == "2028")


def test_the_dialogue_notes_the_changed_relation(across_revision, tmp_path, capsys):
    last = load_report(SAMPLES / "2024_shiqiaozhen.json")
    last.year = 2027
    answers = tmp_path / "answers.txt"
    answers.write_text("\n".join(["没有新的申请，上年结转的1件已公开", "对", "没有", "对",
                                  "规范性文件制发2件，废止1件，现行有效10件"]) + "\n", encoding="utf-8")
    main(["draft", "--from", _saved(last, tmp_path), "--year", "2028", "--answers", str(answers)])
    transcript = capsys.readouterr().out
    assert "注意：去年报告的行政规范性文件现行有效9件，加上今年制发，应为11件，这里是10件。" in transcript


def test_table_four_header_words_come_from_the_format(revision):
    """The importer skips 表四's header words among its cells by the format's labels, not a list of its own."""
    from gkassist.importer.tables import t4_words

    assert t4_words("2027").fullmatch(T4_RENAMED) and not t4_words("2021").fullmatch(T4_RENAMED)
    assert t4_words("2021").fullmatch("行政复议·结果维持") and not t4_words("2021").fullmatch("结果维持3")
