"""Import every real report in ../shared/corpus and compare with values read off each report by hand."""
import pytest

from gkassist.checks import ERROR, WARNING, check
from gkassist.importer import import_file
from support import CORPUS, SEED

C = ["natural", "business", "research", "nonprofit", "legal", "other", "total"]
Z = [0] * 7
T4Z = [0] * 15

# file: (agency, year, format, {t3 row: 7 values}, t4 15 values, {t2 row: values}, unread t2/t3/t4 rows, error rules)
EXPECTED = {
    "2019_pingtan_syq.txt": ("平潭综合实验区（管委会）", 2019, "2019",
        {"new": [23, 0, 0, 0, 0, 0, 23], "carried": Z, "open": [7, 0, 0, 0, 0, 0, 7],
         "results_total": [23, 0, 0, 0, 0, 0, 23], "carry_next": Z}, T4Z, {"rules": [0, 0, 0]},
        {"normative", "licensing", "other_services", "penalty", "enforcement", "fees", "procurement"}, set()),
    "2020_pingtan_syq.txt": ("平潭综合实验区（管委会）", 2020, "2019",
        {"new": [20, 0, 0, 0, 0, 1, 21], "open": [6, 0, 0, 0, 0, 1, 7],
         "results_total": [20, 0, 0, 0, 0, 1, 21], "carry_next": Z}, T4Z,
        {"rules": [0, 0, 7], "fees": [35, -15]},
        {"normative", "licensing", "other_services", "penalty", "enforcement", "procurement"}, {"T3-RESULTS"}),
    "2021_pingtan_syq.txt": ("平潭综合实验区（管委会）", 2021, "2021",
        {"new": [64, 0, 0, 2, 0, 4, 70], "carried": Z, "open": [27, 0, 0, 2, 0, 1, 30],
         "results_total": [63, 0, 0, 2, 0, 4, 69], "carry_next": [1, 0, 0, 0, 0, 0, 1]},
        [1, 0, 2, 0, 3, 12, 0, 0, 0, 12, 0, 0, 0, 0, 0],
        {"licensing": [2293], "penalty": [1282], "enforcement": [42], "fees": [24252.311082]}, {"normative"}, set()),
    "2022_pingtan_gaj.txt": ("平潭综合实验区公安局", 2022, "2021",
        {"new": [1, 0, 0, 0, 0, 0, 1], "carried": [1, 0, 0, 0, 0, 0, 1], "partial": [1, 0, 0, 0, 0, 0, 1],
         "other_1": [1, 0, 0, 0, 0, 0, 1], "results_total": [2, 0, 0, 0, 0, 0, 2], "carry_next": Z}, T4Z,
        {"normative": [4, 1, 7], "penalty": [157]}, set(), set()),
    "2022_pingtan_syq.txt": ("平潭综合实验区（管委会）", 2022, "2021",
        {"new": [71, 3, 0, 0, 0, 0, 74], "carried": [1, 0, 0, 0, 0, 0, 1], "open": [21, 0, 0, 0, 0, 0, 21],
         "results_total": [72, 3, 0, 0, 0, 0, 75], "carry_next": Z},
        [0, 1, 1, 0, 2, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0],
        {"normative": [88, 55, 698], "licensing": [10690], "fees": [9116.36]}, set(), set()),  # 正文 settles “8855698”
    "2023_pingtan_jjfzj.txt": ("平潭综合实验区经济发展局", 2023, "2021",
        {"new": [3, 0, 0, 0, 0, 0, 3], "open": Z, "results_total": Z, "carry_next": Z}, T4Z,
        {"normative": [6, 0, 6]}, set(), {"T3-BALANCE", "TEXT-NUMBERS"}),
    "2023_pingtan_syq.txt": ("平潭综合实验区（管委会）", 2023, "2021",
        {"new": [80, 1, 0, 0, 0, 0, 81], "open": [22, 0, 0, 0, 0, 0, 22],
         "results_total": [80, 1, 0, 0, 0, 0, 81], "carry_next": Z},
        [1, 1, 0, 0, 2, 4, 0, 0, 1, 5, 1, 0, 1, 0, 2], {"enforcement": [54]}, {"normative"}, set()),
    "2024_huaian_shi.txt": ("淮安市人民政府", 2024, "2021",
        {"new": [3001, 53, 0, 0, 61, 4, 3119], "carried": [34, 0, 0, 0, 0, 0, 34],
         "open": [1288, 21, 0, 0, 50, 3, 1362], "partial": [447, 7, 0, 0, 0, 0, 454],
         "deny_8": [105, 0, 0, 0, 0, 0, 105], "unable_1": [746, 12, 0, 0, 10, 1, 769],
         "reject_5": [1, 0, 0, 0, 0, 0, 1], "other_1": [67, 3, 0, 0, 1, 0, 71], "other_3": [108, 2, 0, 0, 0, 0, 110],
         "results_total": [2932, 53, 0, 0, 61, 4, 3050], "carry_next": [103, 0, 0, 0, 0, 0, 103]},
        [72, 64, 178, 37, 351, 13, 4, 8, 1, 26, 12, 1, 1, 6, 20],
        {"rules": [1, 0, 11], "normative": [8, 26, 66], "licensing": [447228], "penalty": [3985758],
         "enforcement": [88283], "fees": [96171.6]}, set(), set()),
    "2024_pingtan_czjrj.txt": ("平潭综合实验区财政金融局", 2024, "2021",
        {"new": [2, 0, 0, 0, 0, 0, 2], "carried": Z, "open": [1, 0, 0, 0, 0, 0, 1],
         "unable_1": [1, 0, 0, 0, 0, 0, 1], "results_total": [2, 0, 0, 0, 0, 0, 2], "carry_next": Z}, T4Z,
        {"normative": [0, 2, 1], "penalty": [1], "fees": [18651.064104]}, set(), set()),
    "2024_pingtan_gaj.txt": ("平潭综合实验区公安局", 2024, "2021",
        {"new": [8, 0, 0, 0, 0, 0, 8], "open": [3, 0, 0, 0, 0, 0, 3], "results_total": [8, 0, 0, 0, 0, 0, 8]}, T4Z,
        {"normative": [0, 0, 5], "licensing": [52], "penalty": [19], "enforcement": [7]}, set(), set()),
    "2024_pingtan_jjfzj.txt": ("平潭综合实验区经济发展局", 2024, "2021",
        {"new": [3, 0, 0, 0, 0, 0, 3], "unable_1": [3, 0, 0, 0, 0, 0, 3], "results_total": Z, "carry_next": Z}, T4Z,
        {"licensing": [0]}, {"normative"}, {"T3-BALANCE", "T3-RESULTS"}),
    "2024_pingtan_syq.txt": ("平潭综合实验区（管委会）", 2024, "2021",
        {"new": [217, 1, 0, 0, 0, 0, 218], "open": [71, 0, 0, 0, 0, 0, 71], "results_total": [217, 1, 0, 0, 0, 0, 218]},
        [2, 1, 3, 1, 7, 0, 0, 0, 0, 0, 13, 2, 4, 0, 19], {"licensing": [4529], "fees": [18651.06]}, {"normative"}, set()),
    "2025_pingtan_jjfzj.txt": ("平潭综合实验区经济发展局", 2025, "2021",
        {"new": [4, 0, 0, 0, 0, 0, 4], "open": [3, 0, 0, 0, 0, 0, 3], "unable_1": [1, 0, 0, 0, 0, 0, 1],
         "results_total": Z, "carry_next": Z}, [0, 1] + [0] * 13, {"licensing": [0]}, {"normative"},
        {"T3-BALANCE", "T3-RESULTS", "T4-SUMS"}),
    "2025_pingtan_syq.txt": ("平潭综合实验区（管委会）", 2025, "2021",
        {"new": [151, 3, 0, 0, 0, 0, 154], "carried": Z, "open": [33, 0, 0, 0, 0, 0, 33],
         "results_total": [147, 1, 0, 0, 0, 0, 148], "carry_next": [4, 2, 0, 0, 0, 0, 6]},
        [25, 3, 8, 0, 36, 3, 3, 0, 0, 6, 3, 0, 0, 0, 3], {"licensing": [2418], "fees": [4166.241619]}, {"normative"}, set()),
}
EXPECTED["2024_huaian_shi.pdf"] = EXPECTED["2024_huaian_shi.txt"]

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus not present")


def test_every_corpus_report_is_covered():
    files = {p.name for p in CORPUS.iterdir() if p.suffix in (".txt", ".pdf")}
    assert files == set(EXPECTED)


@pytest.fixture(scope="module")
def imported():
    return {name: import_file(CORPUS / name) for name in EXPECTED}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_corpus_cells(imported, name):
    agency, year, version, t3, t4, t2, unread_rows, _ = EXPECTED[name]
    result = imported[name]
    r = result.report
    assert (r.agency, r.year, r.format_version) == (agency, year, version)
    for row, values in t3.items():
        assert [r.cell("t3", row, c) for c in C] == values, row
    assert list(r.tables["t4"]["cases"].values()) == t4
    for row, values in t2.items():
        assert list(r.tables["t2"][row].values()) == values, row
    assert {row for _, row, _ in result.unread} == unread_rows
    assert result.read_cells == sum(len(r.tables[t][row]) for t in r.tables for row in r.tables[t]) - len(result.unread)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_checks_find_the_real_defects_and_nothing_false(imported, name):
    expected_rules = EXPECTED[name][-1]
    findings = check(imported[name].report)
    assert {f.rule for f in findings if f.severity == ERROR} == expected_rules


def test_known_defects_point_at_the_cells(imported):
    found = [(f.rule, f.row, f.column) for f in check(imported["2025_pingtan_jjfzj.txt"].report) if f.severity == ERROR]
    assert ("T3-RESULTS", "results_total", "natural") in found
    assert ("T4-SUMS", "cases", "review.total") in found
    text = [f for f in check(imported["2023_pingtan_jjfzj.txt"].report) if f.rule == "TEXT-NUMBERS"]
    assert [f.severity for f in text] == [ERROR, WARNING] and "收到政府信息公开申请0条" in text[0].message
    # (“依申请公开130条” of 349 documents made, with 3 requests: a unit's own count, a reminder)
    assert "依申请公开130条" in text[1].message and "总计为3件" in text[1].message


def test_seed_imports_every_cell():
    result = import_file(SEED)
    r = result.report
    assert (r.agency, r.year, r.format_version, result.read_cells, result.unread) == ("德惠市郭家镇人民政府", 2020, "2019", 198, [])
    assert r.extra_lines["proactive"] == ["2020年本行政区域（或本部门）政府信息公开发布总数量（非新闻类、消息类）：18"]
    assert all(r.cell("t3", row.id, c) == 0 for row in r.format.t3.rows for c in C)
    assert r.sections["other"] == ["本年度无其他需要报告的事项。"]
    assert r.sections["problems"][0] == "我镇在政府信息公开工作上存在不足："
    assert len(r.sections["overview"]) == 16


def test_run_together_digits_are_never_guessed(imported):
    result = imported["2025_pingtan_jjfzj.txt"]
    assert any("164640" in p and "种拆法" in p for p in result.problems)
    assert result.report.cell("t2", "normative", "issued") is None


def test_run_together_digits_settled_by_the_reports_own_figures(imported):
    """“8855698” splits 15 ways; the text's “制发的规范性文件88件” and “现行有效行政规范性文件698件” leave one."""
    assert "表二 · 第二十条第（一）项 · 行政规范性文件：数字连在一起（8855698），按正文“制发的规范性文件88件”、" \
           "“现行有效行政规范性文件698件”拆为88、55、698，请核对" in imported["2022_pingtan_syq.txt"].problems
    narrowed = imported["2024_pingtan_syq.txt"]  # “制发行政规范性文件62件” leaves 4 of 15 splits: still unread
    assert any("（6233440），按正文“制发行政规范性文件62件”仍有4种拆法都说得通，未猜测" in p for p in narrowed.problems)
    assert narrowed.report.cell("t2", "normative", "issued") is None
    contradicted = imported["2023_pingtan_syq.txt"]  # the text's 393 is no split of “77132470”
    assert any("与正文“制发的规范性文件77件”、“现行有效行政规范性文件393件”都不相符" in p for p in contradicted.problems)


def test_run_together_digits_settled_by_last_years_in_force(tmp_path, imported):
    """Of “6233440”'s 4 splits with 制发62, only 62、33、440 fits a last year's 现行有效 of 411 (411 + 62 − 33)."""
    from gkassist.audit import run_audit
    from gkassist.cli import main
    from gkassist.core.model import load_report

    last = imported["2023_pingtan_syq.txt"].report.model_copy(deep=True)
    last.set_cell("t2", "normative", "in_force", 411)
    (tmp_path / "last").mkdir()
    (tmp_path / "last" / "2023.json").write_text(last.to_json(), encoding="utf-8")
    out = tmp_path / "2024.json"
    assert main(["import", str(CORPUS / "2024_pingtan_syq.txt"), "--last-year", str(tmp_path / "last" / "2023.json"),
                 "-o", str(out)]) == 0
    assert [load_report(out).cell("t2", "normative", c) for c in ("issued", "repealed", "in_force")] == [62, 33, 440]
    # the county office's audit settles it the same way when given last year's folder
    (tmp_path / "this").mkdir()
    (tmp_path / "this" / "2024.txt").write_bytes((CORPUS / "2024_pingtan_syq.txt").read_bytes())
    unit = run_audit([tmp_path / "this"], [tmp_path / "last"], workers=1).units[0]
    assert unit.tables["t2"]["normative"] == {"issued": 62, "repealed": 33, "in_force": 440}
    alone = imported["2024_pingtan_syq.txt"]
    assert unit.unread_cells == len(alone.unread) - 3 and unit.read_cells == alone.read_cells + 3
    assert alone.report.cell("t2", "normative", "in_force") is None  # without last year's report nothing is guessed
