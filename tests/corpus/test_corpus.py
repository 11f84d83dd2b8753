import json
from pathlib import Path

import pytest

from gkassist import corpus
from gkassist.checks import check
from gkassist.cli import main
from gkassist.core.errors import InputError
from gkassist.core.model import load_report
from gkassist.paths import index_dir, resource_dir, user_corpus_dir
from support import EXPECTED, SAMPLES

pytestmark = pytest.mark.usefixtures("private_cache")  # jieba's caches of their own (the index is in each test's data folder)




@pytest.fixture(scope="module")
def index():
    return corpus.build_index(corpus.corpus_files())


def test_suggestions_fit_the_section_and_name_their_source(index):
    found = corpus.search(index, "今年重点公开了财政预决算和惠民补贴", "主动公开", top=3)
    assert found and all(s.section == "主动公开" for s in found)
    first = found[0]
    assert "财政预决算" in first.matched and first.agency == "青岚县石桥镇人民政府" and first.year == 2023
    assert first.text.startswith("全年在〔机关：县政府门户网站〕〔地名：石桥镇〕栏目发布信息〔数字：146条〕")
    # drafting for 石桥镇 itself: its own place stays, only last year's figures are slots
    mine = corpus.search(index, "今年重点公开了财政预决算和惠民补贴", "主动公开", top=3, for_agency="青岚县石桥镇人民政府")
    assert mine[0].text.startswith("全年在县政府门户网站石桥镇栏目发布信息〔数字：146条〕")


def test_slots_mark_another_agencys_facts():
    text, slots = corpus.slot("2020年，德惠市郭家镇人民政府在郭家镇各村发布信息18条，我镇完成率100%。", "德惠市郭家镇人民政府")
    assert text == "〔年份：2020年〕，〔机关：德惠市郭家镇人民政府〕在〔地名：郭家镇〕各村发布信息〔数字：18条〕，我镇完成率〔数字：100%〕。"
    assert slots[0] == "德惠市郭家镇人民政府"
    # jieba's dictionary calls these place names; they are not
    text, _ = corpus.slot("在作出决定之日起7个工作日内上门送达，多角度、有深度地解读，中国政府网转载。", "平潭综合实验区管委会")
    assert text == "在作出决定之日起〔数字：7个工作日〕内上门送达，多角度、有深度地解读，中国政府网转载。"
    assert corpus.slot("平潭各乡镇", "某县人民政府")[0] == "〔地名：平潭〕各乡镇"
    text, slots = corpus.slot("2020年，德惠市郭家镇人民政府在郭家镇各村发布信息18条。", "德惠市郭家镇人民政府", same_agency=True)
    assert text == "〔年份：2020年〕，德惠市郭家镇人民政府在郭家镇各村发布信息〔数字：18条〕。" and slots == ["2020年", "18条"]


def test_slots_from_the_index_s_words_are_the_slots_from_jieba(index):
    """The index gives slot() the words it stored, instead of segmenting the sentence again: the same slots for
    every sample sentence, from every agency's point of view."""
    from gkassist.corpus.index import _report_sentences

    for path in sorted(SAMPLES.glob("*.json")):
        report = load_report(path)
        for _, sentence, words in _report_sentences(report):
            for agency in (report.agency, "青岚县教育局", "德惠市郭家镇人民政府"):
                assert corpus.slot(sentence, agency, words=[w.lower() for w in words]) == corpus.slot(sentence, agency), sentence


def test_an_unfilled_slot_is_caught_by_the_checks(sample_2024):
    sample_2024.sections["overview"].append("全年发布信息〔数字：146条〕。")
    assert [f.rule for f in check(sample_2024)] == ["PLACEHOLDER"]


def test_own_reports_rank_first(tmp_path):
    own = tmp_path / "own"
    own.mkdir()
    data = json.loads((SAMPLES / "2024_baishuixiang.json").read_text(encoding="utf-8"))
    data["agency"] = "青岚县东山镇人民政府"
    (own / "mine.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    files = corpus.corpus_files() + [(own / "mine.json", True)]
    idx = corpus.build_index(files)
    found = corpus.search(idx, "茶园改造补助名单和地质灾害隐患点", "主动公开", top=2)
    assert found[0].agency == "青岚县东山镇人民政府"


@pytest.mark.parametrize("query, kind", [("全年收到政府信息公开申请，其中自然人、企业", "依申请公开"),
                                         ("全年收到政府信息公开申请", None), ("主动公开栏目更新不及时", "问题和改进"),
                                         ("公开惠农补贴和财政预决算信息", None), ("依申请公开答复及时", "依申请公开")])
def test_near_duplicates_are_collapsed(index, query, kind):
    """No suggestion is the same sentence as, or a near-duplicate of, one ranked above it."""
    from gkassist.core.repetition import SentenceIndex, normalise

    found = corpus.search(index, query, kind, top=5)
    texts = [s.original for s in found]
    assert len(texts) >= 2, query
    assert len({normalise(t) for t in texts}) == len(texts)
    for i, text in enumerate(texts):
        assert not SentenceIndex(texts[:i]).contains(text), (query, text)


def test_a_near_duplicate_of_a_better_suggestion_is_left_out(index):
    """石桥镇 counts its applications in a sentence that differs from 东城街道's only in the figures and who applied:
    below 东城街道's it is left out, though it would rank among the five without it."""
    query = "全年收到政府信息公开申请，其中自然人、法人或其他组织"
    shiqiao = "全年收到政府信息公开申请7件，其中自然人5件、企业2件；"
    texts = [s.original for s in corpus.search(index, query, "依申请公开", top=5)]
    assert texts[0] == "全年收到政府信息公开申请11件，其中自然人9件、法人或其他组织2件；" and shiqiao not in texts
    others = corpus.build_index([(p, False) for p in sorted(SAMPLES.glob("*.json"))
                                 if p.name not in ("2024_dongchengjiedao.json", "2024_qinglanxian_zrzyj.json")])
    assert shiqiao in [s.original for s in corpus.search(others, query, "依申请公开", top=5)]


def test_query_report_itself_can_be_excluded(index):
    source = str(SAMPLES / "2024_hexizhen.json")
    found = corpus.search(index, "涉企政策汇编和安全生产检查通报", None, top=5, exclude_source=source)
    assert found and all(s.source != source for s in found)


@pytest.mark.parametrize("query", ["的了和", "，。！？", "   "])
def test_stopwords_and_punctuation_give_no_keywords(index, query):
    assert corpus.keywords(query) == [] and corpus.search(index, query) == []


def test_cli_suggest_json_and_bad_queries(capsys):
    assert main(["suggest", "--section", "总体情况", "今年重点公开了财政预决算和惠民补贴", "--json", "--top", "2"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert len(out["suggestions"]) == 2
    assert {"agency", "year", "section", "matched", "text", "level", "source", "slots"} <= set(out["suggestions"][0])
    assert main(["suggest", ""]) == 2
    assert main(["suggest", "open government information"]) == 2
    assert main(["suggest", "--section", "天气", "公开"]) == 2
    assert "不认识“天气”" in capsys.readouterr().err
    assert main(["suggest", "惠民补贴" * 25000, "--top", "1"]) == 0  # a 100 KB query


def _reads(monkeypatch) -> list[str]:
    """The files the index reads from now on (each read is an import of the file)."""
    import gkassist.importer

    read = []
    real = gkassist.importer.load_any

    def load_any(path, *a, **k):
        read.append(Path(path).name)
        return real(path, *a, **k)

    monkeypatch.setattr(gkassist.importer, "load_any", load_any)
    return read


def _held(reports):
    return sorted((r["source"], r["sentences"]) for r in reports)


@pytest.mark.slow
def test_the_index_is_reused_and_a_damaged_or_foreign_file_is_rebuilt(monkeypatch, capsys):
    import sqlite3

    first = corpus.load_index()
    path = corpus.index_path()
    assert path.parent == index_dir() and path.exists()
    sentences, reports = len(first), first.reports
    assert sentences > 100 and len(reports) == len(list(SAMPLES.glob("*.json")))
    read = _reads(monkeypatch)
    first.close()
    corpus.cool_down()  # as a new process: the file is opened, nothing is read again
    reopened = corpus.load_index()
    assert len(reopened) == sentences and read == []
    reopened.close()
    corpus.cool_down()
    good = path.read_bytes()

    def foreign(p):
        db = sqlite3.connect(p)
        db.execute("CREATE TABLE notes (x)")
        db.commit()
        db.close()

    def other_version(p):
        p.write_bytes(good)
        db = sqlite3.connect(p)
        db.execute("PRAGMA user_version = 99")
        db.commit()
        db.close()

    damages = {"not an index": lambda p: p.write_bytes(b"not an index at all" * 100),
               "cut short": lambda p: p.write_bytes(good[: len(good) // 3]),
               "pages overwritten": lambda p: p.write_bytes(good[:4096] + bytes(len(good) - 4096)),
               "another program's database": foreign, "another version": other_version}
    for name, damage in damages.items():
        path.unlink()
        damage(path)
        again = corpus.load_index(warn=print)
        said = capsys.readouterr().out
        assert said.startswith(f"参考语料索引 {path} 已损坏") and "正在重建" in said, name
        assert len(again) == sentences and _held(again.reports) == _held(reports), name
        assert corpus.search(again, "财政预决算和惠民补贴", "主动公开"), name
        assert path.with_name(path.name + ".damaged").exists()  # what was there is kept aside, not deleted
        again.close()
        corpus.cool_down()


def test_a_damaged_index_is_rebuilt_by_the_command_with_one_chinese_line(capsys):
    assert main(["suggest", "财政预决算和惠民补贴"]) == 0
    capsys.readouterr()
    corpus.load_index().close()
    corpus.cool_down()
    corpus.index_path().write_bytes(b"\x00garbage" * 1000)
    assert main(["suggest", "财政预决算和惠民补贴"]) == 0
    captured = capsys.readouterr()
    assert captured.err.startswith("参考语料索引") and "正在重建" in captured.err and "Traceback" not in captured.err
    assert "1. " in captured.out


def test_a_report_added_or_removed_is_read_alone(monkeypatch, capsys):
    """corpus add reads the one new file (the samples are not read again); remove drops it; adding it again works."""
    corpus.load_index().settle()
    read = _reads(monkeypatch)
    before = len(corpus.load_index())
    assert main(["corpus", "add", str(SAMPLES / "000_7a4690d65c5df8d4.txt")]) == 0
    assert read == ["000_7a4690d65c5df8d4.txt", "2020_德惠市郭家镇人民政府.json"]  # the import, then the index's read of the copy
    index = corpus.load_index()
    mine = [r for r in index.reports if r["own"]]
    assert [(r["agency"], r["year"]) for r in mine] == [("德惠市郭家镇人民政府", 2020)]
    assert len(index) == before + mine[0]["sentences"] and mine[0]["sentences"] > 10
    found = corpus.search(index, "政府信息公开长效机制", "总体情况", top=3)
    assert found[0].source == mine[0]["source"]  # its own copy ranks first (×1.5)
    capsys.readouterr()
    read.clear()
    assert main(["corpus", "remove", "德惠市郭家镇人民政府"]) == 0
    assert "已移出：德惠市郭家镇人民政府 2020年度" in capsys.readouterr().out and read == []
    index = corpus.load_index()
    assert len(index) == before and not [r for r in index.reports if r["own"]]
    assert all(s.source != mine[0]["source"] for s in corpus.search(index, "政府信息公开长效机制", "总体情况", top=5))
    assert (user_corpus_dir() / ".removed" / Path(mine[0]["source"]).name).exists()
    assert main(["corpus", "add", str(SAMPLES / "000_7a4690d65c5df8d4.txt")]) == 0
    assert len(corpus.load_index()) == before + mine[0]["sentences"]
    assert main(["corpus", "remove", str(SAMPLES / "000_7a4690d65c5df8d4.txt")]) == 0  # by the file it came from
    assert len(corpus.load_index()) == before
    assert main(["corpus", "remove", "石桥镇"]) == 2  # the samples are not the clerk's to remove
    assert "个人语料库里没有这份报告" in capsys.readouterr().err


def _folder(tmp_path, name, *samples, agency_suffix=""):
    folder = tmp_path / name
    folder.mkdir()
    for sample in samples:
        data = json.loads((SAMPLES / sample).read_text(encoding="utf-8"))
        data["agency"] += agency_suffix
        (folder / sample).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return folder


def test_two_folders_keep_an_index_each(tmp_path, monkeypatch):
    a = _folder(tmp_path, "a", "2024_hexizhen.json", agency_suffix="（甲）")
    b = _folder(tmp_path, "b", "2024_baishuixiang.json", "2024_qinglanxian_jyj.json", agency_suffix="（乙）")
    first_a = corpus.load_index([a])
    corpus.load_index([b]).settle()
    assert corpus.index_path([a]) != corpus.index_path([b]) and corpus.index_path([a]).exists()
    assert {r["agency"] for r in first_a.reports if r["source"].startswith(str(a))} == {"青岚县河西镇人民政府（甲）"}
    read = _reads(monkeypatch)
    for _ in range(2):  # a clerk going back and forth, each time in a new process
        for folder, agencies in ((a, {"青岚县河西镇人民政府（甲）"}), (b, {"青岚县白水乡人民政府（乙）", "青岚县教育局（乙）"})):
            corpus.cool_down()
            index = corpus.load_index([folder])
            assert {r["agency"] for r in index.reports if r["source"].startswith(str(folder))} == agencies
    assert read == []


def test_a_folder_s_index_follows_its_files(tmp_path, monkeypatch):
    import os

    folder = _folder(tmp_path, "f", "2024_hexizhen.json", "2024_baishuixiang.json", "2024_qinglanxian_jyj.json")
    index = corpus.load_index([folder])
    total = len(index)
    read = _reads(monkeypatch)
    # one added, one changed, one removed
    (folder / "2024_dongchengjiedao.json").write_text((SAMPLES / "2024_dongchengjiedao.json").read_text(encoding="utf-8"),
                                                     encoding="utf-8")
    changed = json.loads((folder / "2024_baishuixiang.json").read_text(encoding="utf-8"))
    changed["agency"] = "青岚县白水乡人民政府（改）"
    (folder / "2024_baishuixiang.json").write_text(json.dumps(changed, ensure_ascii=False), encoding="utf-8")
    os.utime(folder / "2024_baishuixiang.json", ns=(1, 1))  # a changed time is enough, whatever the clock
    gone = [r for r in index.reports if r["source"] == str(folder.resolve() / "2024_qinglanxian_jyj.json")][0]
    (folder / "2024_qinglanxian_jyj.json").unlink()
    index = corpus.load_index([folder])
    index.settle()  # its first use: reads what changed
    assert sorted(read) == ["2024_baishuixiang.json", "2024_dongchengjiedao.json"]
    in_folder = {r["agency"] for r in index.reports if r["source"].startswith(str(folder.resolve()))}
    assert in_folder == {"青岚县河西镇人民政府", "青岚县白水乡人民政府（改）", "青岚县东城街道办事处"}
    added = [r for r in index.reports if r["source"].endswith("f/2024_dongchengjiedao.json")][0]
    assert len(index) == total - gone["sentences"] + added["sentences"]
    found = corpus.search(index, "招生政策 义务教育 划片范围", None, top=5)
    assert all(s.source != gone["source"] for s in found)
    read.clear()
    corpus.cool_down()
    assert len(corpus.load_index([folder])) == len(index) and read == []


@pytest.mark.parametrize("query, kind", [
    ("依申请公开答复统一使用县里下发的文书模板，由司法所逐件审查", "问题和改进"),
    ("在镇、村两级政务公开栏公开惠农补贴信息", "主动公开"),
    ("各村公开栏更新不及时，村务公开与政务公开衔接不够", None),
    ("教师招聘各环节成绩和排名在考试结束后公开", None),
    ("对5项重大行政决策事项开展预公开，收集意见建议", "主动公开"),
])
@pytest.mark.parametrize("level", ["township", "department"])
def test_the_level_filter_offers_only_reports_of_the_same_level(index, query, kind, level):
    levels = {r["source"]: r["level"] for r in index.reports}
    found = corpus.search(index, query, kind, top=5, level=level)
    assert found and all(s.level == level and levels[s.source] == level for s in found), [s.agency for s in found]
    unfiltered = corpus.search(index, query, kind, top=5)
    if "司法所" in query or "镇、村" in query:  # a township's words: without the filter, townships' sentences come
        assert "township" in {s.level for s in unfiltered}
    same_level = [s.original for s in unfiltered if s.level == level]
    if same_level:  # the filter takes the others out, it does not rank differently
        assert found[0].original == same_level[0]


def test_a_government_s_sentences_go_to_a_government_only(tmp_path):
    data = json.loads((SAMPLES / "2024_qinglanxian_zfb.json").read_text(encoding="utf-8"))
    data.update(agency="青岚县人民政府", level="government")
    folder = tmp_path / "gov"
    folder.mkdir()
    (folder / "gov.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    index = corpus.load_index([folder])
    found = corpus.search(index, "政府信息公开 主动公开 政策解读", None, top=5, level="government")
    assert found and {s.agency for s in found} == {"青岚县人民政府"}
    assert all(s.agency != "青岚县人民政府" for s in corpus.search(index, "政府信息公开 主动公开 政策解读", None, 5, level="township"))
    with pytest.raises(InputError, match="--level"):
        corpus.search(index, "政策解读", level="county")


def test_corpus_reports_name_each_report_for_last_year_s_lookup():
    """What dialogue/session.py's find_last_year reads: every report's agency, year, level, file, own or not."""
    reports = corpus.corpus_reports()
    shiqiao = [r for r in reports if r["agency"] == "青岚县石桥镇人民政府"]
    assert sorted(r["year"] for r in shiqiao) == [2023, 2024]
    assert all(r["level"] == "township" and not r["own"] and Path(r["source"]).is_file() for r in shiqiao)
    assert {r["level"] for r in reports} == {"township", "department"}


def test_a_missing_corpus_folder_is_one_chinese_line(tmp_path, capsys):
    assert main(["suggest", "公开惠农补贴信息", "--corpus", str(tmp_path / "没有这个文件夹")]) == 2
    assert "语料文件夹不存在" in capsys.readouterr().err


def test_cli_suggest_level_and_json(capsys):
    assert main(["suggest", "--section", "问题和改进", "司法所逐件审查答复文书", "--level", "department", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["suggestions"] and {s["level"] for s in out["suggestions"]} == {"department"}
    assert main(["suggest", "司法所逐件审查答复文书", "--level", "county"]) == 2
    assert "--level" in capsys.readouterr().err


def test_corpus_add_skips_what_fails_and_keeps_the_rest(tmp_path, capsys):
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"PK\x03\x04broken")
    assert main(["corpus", "add", str(bad), str(SAMPLES / "000_7a4690d65c5df8d4.txt")]) == 0
    captured = capsys.readouterr()
    assert "跳过" in captured.err and "bad.docx" in captured.err
    assert "已加入：德惠市郭家镇人民政府 2020年度" in captured.out
    assert main(["corpus", "list"]) == 0
    assert "我的报告" in capsys.readouterr().out


def test_unknown_section_name():
    with pytest.raises(InputError):
        corpus.section_kind("天气")


@pytest.mark.slow
def test_the_fast_jieba_segments_exactly_as_plain_jieba(tmp_path, shared_cache):
    """Plain jieba (a tokenizer of its own, initialized as jieba.initialize() does, the domain dictionary loaded, the
    place names tagged ns by jieba.posseg) here; ours in a new process as a clerk's second start runs it, from the
    caches the product wrote on the run's first use (the prefix dictionary looked up on demand in SQLite, the place
    names from their own file; a run with no cache kept builds them in that process, the first start): the same
    words for every sentence of the samples, the same place names, and pkg_resources never imported.  (Plain jieba
    in a process of its own cost ~2 s of starting for nothing it proves; the segmentation itself is 50 ms.)"""
    import logging
    import subprocess
    import sys

    import jieba
    import jieba.posseg

    sentences = []
    for path in sorted(SAMPLES.glob("*.json")):
        report = load_report(path)
        sentences += [p for _, p in corpus.paragraph_kinds(report)]
    probe = tmp_path / "sentences.json"
    probe.write_text(json.dumps(sentences, ensure_ascii=False), encoding="utf-8")
    jieba.setLogLevel(logging.ERROR)
    plain = jieba.Tokenizer()  # not jieba.dt: ours (jieba_module) changed that one in this process
    plain.initialize()
    plain.load_userdict(str(resource_dir("data") / "domain_dict.txt"))
    expected = [[plain.lcut(x) for x in sentences],
                sorted(w for w, t in jieba.posseg.dt.word_tag_tab.items() if t == "ns")]  # read from dict.txt
    ours = f"""
import json, sys
from gkassist.corpus.segmentation import jieba_module, place_words
j = jieba_module()
s = json.load(open({str(probe)!r}, encoding='utf-8'))
print(json.dumps([[j.lcut(x) for x in s], sorted(place_words())], ensure_ascii=False))
assert 'pkg_resources' not in sys.modules
"""
    env = {**__import__("os").environ, "XDG_CACHE_HOME": str(shared_cache)}
    got = json.loads(subprocess.run([sys.executable, "-c", ours], capture_output=True, text=True, env=env,
                                    check=True).stdout)
    assert got == expected and len(expected[1]) > 10000 and len(sentences) > 100


def test_search_ranks_as_before_the_restructuring():
    """The top five for 24 queries over the samples, as the code before the column-wise index ranked them
    (tests/expected/search_top5_before_restructuring.json, written by that code)."""

    expected = json.loads((EXPECTED / "search_top5_before_restructure.json").read_text(encoding="utf-8"))
    index = corpus.load_index()
    for case in expected:
        found = corpus.search(index, case["query"], case["kind"], 5)
        assert [[s.original, s.agency, s.year] for s in found] == case["top5"], case["query"]
