"""The county office's audit: a folder of consistent, KNOWN INCONSISTENT, broken and missing units, with last
year's folder; the page, the workbook and JSON; check over several files."""

import json
import shutil
import subprocess
from datetime import date

import pytest

from gkassist.audit import run_audit
from gkassist.cli import main
from support import CORPUS, SAMPLES, needs_shared


@pytest.fixture
def folders(tmp_path):
    this, last = tmp_path / "2024", tmp_path / "2023"
    this.mkdir()
    last.mkdir()
    for name in ("2024_shiqiaozhen.json", "2024_hexizhen.json", "2024_baishuixiang.json"):
        shutil.copy(SAMPLES / name, this)
    shutil.copy(SAMPLES / "2024_hexizhen.json", this / "again_hexizhen.json")  # sent twice
    (this / "broken.docx").write_bytes(b"PK\x03\x04 not a word file")
    shutil.copy(SAMPLES / "2023_shiqiaozhen.json", last)
    units = tmp_path / "units.txt"
    units.write_text("青岚县石桥镇\n青岚县河西镇人民政府\n青岚县白水乡人民政府\n青岚县东城街道办事处\n", encoding="utf-8")
    return this, last, units


def test_audit_finds_broken_missing_and_duplicate_units_and_sums_the_tables(folders):
    this, last, units = folders
    audit = run_audit([this], [last], ["青岚县石桥镇", "青岚县河西镇人民政府", "青岚县白水乡人民政府", "青岚县东城街道办事处"],
                      today=date(2025, 1, 20), workers=2)
    assert audit.units[0].error.startswith(str(this / "broken.docx"))  # worst first: unreadable
    assert audit.missing == ["青岚县东城街道办事处"]
    assert [sorted(p.split("/")[-1] for p in d) for d in audit.duplicates] == [["2024_hexizhen.json", "again_hexizhen.json"]]
    shiqiao = next(u for u in audit.units if u.agency == "青岚县石桥镇人民政府")
    assert shiqiao.last_year_file.endswith("2023_shiqiaozhen.json") and 0 < shiqiao.repeat_rate < 0.3
    assert shiqiao.errors == 0
    from gkassist.core.model import load_report

    new_total = sum(load_report(SAMPLES / n).number("t3", "new", "total")
                    for n in ("2024_shiqiaozhen.json", "2024_hexizhen.json", "2024_hexizhen.json", "2024_baishuixiang.json"))
    assert audit.totals["2024:2021"]["t3"]["new"]["total"] == new_total and audit.totals_counted == {"2024:2021": 4}
    assert audit.left_out_of_totals == [str(this / "broken.docx")]


@needs_shared()
def test_a_known_inconsistent_report_is_flagged_and_left_out_of_the_totals(folders):
    this, last, _ = folders
    shutil.copy(CORPUS / "2024_pingtan_jjfzj.txt", this)
    audit = run_audit([this], [last], workers=1)
    jjfzj = next(u for u in audit.units if u.agency == "平潭综合实验区经济发展局")
    assert jjfzj.errors and any(f["rule"] == "T3-BALANCE" for f in jjfzj.findings)
    assert "平潭综合实验区经济发展局" in audit.left_out_of_totals
    assert audit.units[1] is jjfzj  # after the unreadable file, the unit with errors comes first


def test_audit_command_writes_the_page_the_workbook_and_json(folders, tmp_path, capsys):
    from openpyxl import load_workbook

    this, last, units = folders
    html, xlsx = tmp_path / "审核.html", tmp_path / "审核.xlsx"
    code = main(["audit", str(this), "--last-year", str(last), "--units", str(units), "--today", "2025-01-20",
                 "-o", str(html), "-o", str(xlsx), "--json"])
    assert code == 1  # an unreadable file and a missing unit
    data = json.loads(capsys.readouterr().out)
    assert len(data["units"]) == 5 and data["missing"] == ["青岚县东城街道办事处"]
    page = html.read_text(encoding="utf-8")
    assert "缺报单位：</b>青岚县东城街道办事处" in page and page.count('<tbody class="unit-group"') == 5
    assert "<script src" not in page and "http" not in page.split("<script>")[1]  # nothing fetched
    book = load_workbook(xlsx)
    assert book.sheetnames == ["单位", "问题", "汇总", "缺报和重复"]
    assert [c.value for c in book["单位"][1]][:3] == ["机关", "层级", "年度"] and book["单位"].max_row == 6
    assert any(row[2] == "UNREADABLE" for row in book["问题"].iter_rows(values_only=True))
    assert any(row[1] == "表三（依申请公开）" and row[2].startswith("一、本年新收") and row[3] == "自然人" and row[4] > 0
               for row in book["汇总"].iter_rows(min_row=3, values_only=True))


def test_audit_refuses_bad_options_in_chinese(tmp_path, capsys):
    assert main(["audit", str(tmp_path / "nowhere"), "--json"]) == 2
    assert "文件夹不存在" in capsys.readouterr().err
    assert main(["audit", str(tmp_path), "-o", str(tmp_path / "x.pdf")]) == 2
    assert main(["audit", str(tmp_path), "--json", "--today", "2025-13-01"]) == 2


def test_check_takes_several_files(capsys, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text("", encoding="utf-8")
    code = main(["check", str(SAMPLES / "2024_shiqiaozhen.json"), str(SAMPLES / "2024_hexizhen.json"), str(bad)])
    out = capsys.readouterr().out
    assert code == 2 and out.count("== ") == 3 and "无法使用" in out
    assert main(["check", str(SAMPLES / "2024_shiqiaozhen.json"), str(SAMPLES / "2024_hexizhen.json"), "--json"]) == 0
    assert [r["agency"] for r in json.loads(capsys.readouterr().out)] == ["青岚县石桥镇人民政府", "青岚县河西镇人民政府"]


@pytest.mark.slow
@pytest.mark.skipif(not shutil.which("chromium"), reason="chromium (Debian package) not installed")
def test_the_page_sorts_by_a_column_in_a_real_browser(folders, tmp_path):
    from gkassist.audit.output import to_html

    this, last, _ = folders
    page = to_html(run_audit([this], [last], workers=1))
    # click the 错误 heading twice (ascending, then descending), recording the order of agencies after each click
    probe = """<script>
    var th = document.querySelectorAll('#units thead th'), names = function () {
      return Array.prototype.map.call(document.querySelectorAll('#units tbody.unit-group tr.unit td:nth-child(2)'),
                                     function (td) { return td.textContent; }).join('|'); };
    th[5].click(); var asc = names(); th[5].click(); var desc = names();
    document.body.setAttribute('data-result', JSON.stringify({asc: asc, desc: desc}));
    </script></body>"""
    path = tmp_path / "page.html"
    path.write_text(page.replace("</body>", probe), encoding="utf-8")
    dom = subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", path.as_uri()],
                         capture_output=True, text=True, timeout=60).stdout
    result = json.loads(dom.split("data-result=\"")[1].split("\"")[0].replace("&quot;", "\""))
    assert result["asc"].split("|")[-1] == "（无法读取）" and result["desc"].split("|")[0] == "（无法读取）"
