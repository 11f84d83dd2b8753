"""The first stage of reading a table answer: numerals and amounts as clerks write them, read into one form, an
amount converted to its column's unit — and a figure implausible for the unit's level noted before “对”."""

import pytest

from gkassist.core.numbers import read_amount
from gkassist.dialogue.answers import parse_t2
from gkassist.dialogue.answers.limits import implausible
from gkassist.dialogue.answers.text import clauses, count_of, normalize

FEE = ("t2", "fees", "fee_amount")


@pytest.mark.parametrize("said, yuan", [
    ("800块钱", 800), ("800块", 800), ("八百块钱", 800), ("800元", 800), ("800元钱", 800), ("1500元", 1500),
    ("3万5", 35000), ("1万5", 15000), ("1万2千元", 12000), ("1万25", 12500), ("三万五千元", 35000), ("两万元", 20000),
    ("1.6万元", 16000), ("1.6万", 16000), ("0.5万元", 5000), ("5千元", 5000), ("3千5百元", 3500), ("12,345元", 12345),
    ("４５００元", 4500),
])
def test_amounts_in_every_form_are_read_in_yuan(said, yuan):
    for lead in ("收费", "一共收了", "行政事业性收费"):
        amount = read_amount(lead + said)
        assert amount is not None and amount.unit == "元" and amount.value == yuan, (lead + said, amount)
        assert amount.in_unit("万元") == yuan / 10000


@pytest.mark.parametrize("said, value", [("收费0", 0), ("收费2.5", 2.5), ("收费2.5万元", 2.5), ("没有收费", None)])
def test_an_amount_without_a_unit_is_in_the_columns_unit(said, value):
    amount = read_amount(said)
    assert (amount.in_unit("万元") if amount else None) == value


@pytest.mark.parametrize("said", ["收费大概800块钱", "收费一千五百余元", "收了2万元左右", "收费约3000元", "收费800多块"])
def test_an_approximate_amount_is_marked_so(said):
    assert read_amount(said).approximate


def test_a_chinese_numeral_that_is_a_word_is_no_amount():
    assert read_amount("一共2.5万元").value == 25000  # not the 一 of 一共
    assert read_amount("一家企业交了300块").value == 300


@pytest.mark.parametrize("said, fee", [("收费800块钱", 0.08), ("收了3万5", 3.5), ("收费1万2千元", 1.2), ("收费1.6万元", 1.6),
                                       ("行政事业性收费3000元", 0.3), ("收费4500万元", 4500)])
def test_a_fee_is_stored_in_wanyuan(said, fee):
    assert parse_t2(said).cells[FEE] == fee


@pytest.mark.parametrize("said, fee", [
    ("收费一万八千九百七十六点二万元", 18976.2), ("收费一万八千九百七十六万元", 18976), ("收费一万二千万", 12000),
    ("一共收了三万五千万元", 35000), ("收费九万零一百二十七万元", 90127), ("收费两千三百点五万元", 2300.5),
])
def test_a_numeral_in_words_with_its_own_wan_before_the_amounts_wan_is_one_figure(said, fee):
    """“一万八千九百七十六点二万元”: the 万 inside the numeral is the numeral's, the last 万 the amount's."""
    assert parse_t2(said).cells[FEE] == fee


@pytest.mark.parametrize("said, count", [("行政许可1万2千件", 12000), ("许可1.2万件", 12000), ("许可1万2件", 12000),
                                         ("处罚3千5百件", 3500), ("申请12,345件", 12345), ("许可两万件", 20000)])
def test_a_count_in_the_wan_form_is_one_number(said, count):
    (clause,) = clauses(said)
    assert count_of(clause.text) == count


@pytest.mark.parametrize("said, then", [("诉讼一件都没有", "诉讼都没有"), ("一件诉讼也没有", "诉讼都没有"),
                                        ("规范性文件一个也没发", "规范性文件都没发"), ("一起官司也没打", "官司都没打")])
def test_none_at_all_is_not_one(said, then):
    assert normalize(said) == then


@pytest.mark.parametrize("level, value, noted", [("township", 4500, True), ("township", 12, False),
                                                 ("department", 4500, True), ("government", 4500, False)])
def test_a_fee_implausible_for_the_units_level_is_noted(level, value, noted):
    from gkassist.core import formats

    notes = implausible({FEE: value}, level, formats.latest())
    assert bool(notes) == noted
    if noted:
        assert "万元" in notes[0] and "核对单位" in notes[0]


def test_the_note_comes_before_the_confirmation_and_the_figure_is_kept(tmp_path, capsys):
    from gkassist.cli import main
    from gkassist.core.model import load_report
    from gkassist.paths import drafts_dir
    from support import SEED

    answers = tmp_path / "answers.txt"
    answers.write_text("没有\n对\n没有\n对\n规范性文件没有制发也没有废止，现行有效3件；许可、处罚、强制都没有；收费4500万元\n对\n",
                       encoding="utf-8")
    assert main(["draft", "--from", str(SEED), "--year", "2021", "--answers", str(answers)]) == 0
    out = capsys.readouterr().out
    assert "很少见" in out and "核对单位" in out
    (path,) = drafts_dir().glob("*.json")
    assert load_report(path).cell("t2", "fees", "fee_amount") == 4500  # the clerk's figure, confirmed with 对


def test_a_mistake_in_the_limits_is_named_with_its_file_and_line(tmp_path, monkeypatch):
    from gkassist.core.errors import InputError
    from gkassist.dialogue.answers import limits

    (tmp_path / "prompts").mkdir()
    (tmp_path / "prompts" / "limits.yaml").write_text("limits:\n  t2.fees.fee_amunt: {township: 50}\n", encoding="utf-8")
    monkeypatch.setattr(limits, "resource_dir", lambda name: tmp_path / name)
    limits.limits.cache_clear()
    try:
        with pytest.raises(InputError, match=r"limits.yaml：第\d+行.*fee_amunt"):
            limits.limits()
    finally:
        limits.limits.cache_clear()


@pytest.mark.parametrize("said, fee", [
    ("收费2.6亿", 26000), ("收费两亿元", 20000), ("行政事业性收费7.15亿元", 71500), ("一共收了0.4亿", 4000),
    ("收费1亿2千万元", 12000), ("收费3万零800元", 3.08), ("收了两千八百块", 0.28), ("收费一千二百元钱", 0.12),
    ("收费四万三", 4.3), ("收费2034.5万", 2034.5), ("收费是六千块", 0.6),
])
def test_a_fee_in_yi_or_in_chinese_numerals_is_stored_in_wanyuan(said, fee):
    """亿 is 10,000 万元; a fee spelled in Chinese numerals (两千八百块) is as much as in digits."""
    assert parse_t2(said).cells[FEE] == fee


@pytest.mark.parametrize("said, count", [
    ("强制7万零45件", 70045), ("处罚12万零3件", 120003), ("许可三十二万七千件", 327000), ("处罚两百零六万件", 2060000),
    ("许可9876543件", 9876543), ("强制六万四千件整", 64000),
])
def test_a_large_count_in_every_form_is_one_number(said, count):
    (clause,) = clauses(said)
    assert count_of(clause.text) == count


@pytest.mark.parametrize("said, row, count", [
    ("处罚二十七万", "penalty", 270000), ("强制是五", "enforcement", 5), ("许可一千零八", "licensing", 1008),
    ("行政许可为十二", "licensing", 12),
])
def test_a_count_in_chinese_numerals_without_its_unit_is_the_rows(said, row, count):
    assert parse_t2(said).cells[("t2", row, "decisions")] == count


@pytest.mark.parametrize("said", ["许可三十几万件", "处罚二十来万", "强制八千左右", "处罚七十几件", "收费还没统计出来",
                                  "收费没算出来，许可12件"])
def test_a_count_said_as_about_so_many_or_not_yet_known_is_asked(said):
    out = parse_t2(said)
    assert out.questions and not any(v for k, v in out.cells.items() if k[1] != "licensing")


@pytest.mark.parametrize("said, value", [
    ("一百五", 150), ("一百零五", 105), ("三千五", 3500), ("二千零五", 2005), ("一千二百三", 1230), ("一万二", 12000),
    ("三万五", 35000), ("一万零二", 10002), ("一万二千五", 12500), ("九万零一百二十七", 90127), ("一百一十", 110),
])
def test_a_last_figure_after_a_place_is_the_place_below(said, value):
    """“一百五” is 150 and “三千五” 3500 (the figure after a place is of the place below it); after 零 it is itself."""
    from gkassist.core.numbers import parse_number

    assert parse_number(said) == value


@pytest.mark.parametrize("said, fee", [("收费一万二千五", 1.25), ("收了一万二千五百元", 1.25), ("收费1万2千5", 1.25),
                                       ("收费三千五百二十块", 0.352)])
def test_a_fee_with_a_figure_after_its_last_place(said, fee):
    assert parse_t2(said).cells[FEE] == fee


@pytest.mark.parametrize("said, count", [("处罚一千五", 1500), ("许可三万五", 35000), ("强制一百二", 120)])
def test_a_count_with_a_figure_after_its_last_place(said, count):
    assert next(v for k, v in parse_t2(said).cells.items()) == count
