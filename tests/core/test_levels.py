"""A body's level from the kind of body its name ends with (prompts/levels.yaml), many names of each kind."""

import pytest

from gkassist.core.levels import level_name, level_names, level_of

TOWNSHIPS = ["德惠市郭家镇人民政府", "青岚县石桥镇人民政府", "青岚县白水乡人民政府", "某某县某某民族乡人民政府",
             "某某旗某某苏木人民政府", "东城街道办事处", "某某市某某区东城街道", "某某区新华街道办", "某某镇", "某某乡",
             "平潭综合实验区金井片区管理局", "平潭综合实验区澳前片区管理局", "平潭综合实验区君山片区管理局",
             "某某片区管委会", "某某县城关镇政府", " 某某镇人民政府 "]
GOVERNMENTS = ["青岚县人民政府", "淮安市人民政府", "某某市某某区人民政府", "某某自治县人民政府", "某某旗人民政府",
               "某某省人民政府", "平潭综合实验区（管委会）", "平潭综合实验区管理委员会", "某某经济开发区管委会",
               "某某地区行政公署"]
DEPARTMENTS = ["青岚县教育局", "平潭综合实验区经济发展局", "青岚县人民政府办公室", "福州市人民政府办公厅",
               "某某县市场监督管理局", "某某市公安局某某分局", "某某县住房和城乡建设局", "某某县卫生健康委员会",
               "某某市生态环境局某某分局", "某某经济开发区管委会办公室", "湛江市人民政府地方志办公室", "某某县档案馆",
               "某某市不动产登记中心", "某某县城乡规划服务中心", "某某区政府办"]


@pytest.mark.parametrize("name, level", [(n, "township") for n in TOWNSHIPS] + [(n, "government") for n in GOVERNMENTS]
                         + [(n, "department") for n in DEPARTMENTS])
def test_the_level_comes_from_the_kind_of_body(name, level):
    assert level_of(name) == level


def test_the_levels_are_named_once():
    assert level_names() == {"township": "乡镇（街道）", "department": "政府部门", "government": "政府本级"}
    assert level_name("township") == "乡镇（街道）" and level_name("unknown") == "unknown"


def test_a_mistake_in_the_word_list_is_named_with_its_line(tmp_path, monkeypatch):
    from gkassist.core import levels
    from gkassist.core.errors import InputError

    (tmp_path / "prompts").mkdir()
    (tmp_path / "prompts" / "levels.yaml").write_text(
        "levels:\n  township:\n    name: 乡镇\n    bodys: [镇]\n  department: {name: 部门}\n  government: {name: 政府}\n",
        encoding="utf-8")
    monkeypatch.setattr(levels, "resource_dir", lambda name: tmp_path / name)
    levels.words.cache_clear()
    try:
        with pytest.raises(InputError, match=r"levels\.yaml：第4行.*不认识的键"):
            levels.words()
    finally:
        levels.words.cache_clear()
        levels._endings.cache_clear()


@pytest.mark.parametrize("agency, level", [("平潭综合实验区金井片区管理局", "township"), ("平潭综合实验区（管委会）", "government"),
                                           ("平潭综合实验区经济发展局", "department"), ("青岚县石桥镇人民政府", "township")])
def test_an_imported_report_takes_its_level_from_its_title(sample_2024, tmp_path, agency, level):
    from gkassist.importer import import_file
    from gkassist.output import render_text

    sample_2024.agency, sample_2024.title = agency, ""
    path = tmp_path / "r.txt"
    path.write_text(render_text(sample_2024, ".txt").replace("青岚县石桥镇人民政府", agency), encoding="utf-8")
    report = import_file(path).report
    assert (report.agency, report.level) == (agency, level)
