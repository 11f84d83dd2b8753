"""Faults (issue #30): a model's polish is refused when it carries control characters or states a figure in words
beside (or instead of) the clerk's own figure; a refused polish never reaches the draft or the screen."""


import pytest

from faultfiles import ESCAPES, raw_controls
from support import SAMPLES, SEED

SAMPLE = SAMPLES / "2024_shiqiaozhen.json"


def polish_with(monkeypatch, reply: str):
    from gkassist import llm
    from gkassist.dialogue import polish

    monkeypatch.setattr(llm, "ask_model", lambda *a: reply)
    from gkassist.core.model import load_report

    settings = llm.LLMSettings(enabled=True, base_url="http://127.0.0.1:9/v1", model="m")
    return polish.polish("全年主动公开政府信息120条，及时回应群众关切。", "", "主动公开", load_report(SAMPLE), None,
                         "overview", settings)


@pytest.mark.parametrize("escape", ESCAPES)
@pytest.mark.parametrize("at", ["start", "middle", "end"])
def test_a_polish_reply_with_control_characters_is_refused(monkeypatch, escape, at):
    body = "全年主动公开政府信息120条，切实回应群众关切。"
    reply = {"start": escape + body, "middle": body[:6] + escape + body[6:], "end": body + escape}[at]
    result = polish_with(monkeypatch, reply)
    if escape.strip() and raw_controls(escape.strip()):
        assert not result.accepted and "控制字符" in result.reason and not raw_controls(result.text)
    assert polish_with(monkeypatch, body).accepted  # the same words without them: offered


def test_a_refused_polish_never_reaches_the_draft_or_the_screen(monkeypatch):
    from gkassist import llm
    from gkassist.dialogue import Engine
    from gkassist.importer import import_file

    monkeypatch.setenv("GKASSIST_LLM_URL", "http://127.0.0.1:9/v1")
    monkeypatch.setenv("GKASSIST_LLM_MODEL", "m")
    monkeypatch.setattr(llm, "ask_model", lambda *a: "全年主动公开政府信息20条\x1b[2J\x1b]0;x\x07，\u202e回应关切。")
    engine = Engine.start(import_file(SEED).report, 2021)
    engine.jump("overview_proactive")
    engine.answer("公开信息20条")
    replies = engine.answer("润色") + engine.answer("对")
    assert not any(raw_controls(r.text) for r in replies)
    assert not any(raw_controls(p) for paragraphs in engine.report.sections.values() for p in paragraphs)


# ------------------------------------------------------------------ 6. figures in words in a polish
def figure_forms() -> dict[str, list[tuple[str, str]]]:
    """(the exact figure a clerk wrote, a wording that states another figure near it), by class, generated from the
    data (prompts/figure_words.yaml) and the numerals."""
    from gkassist.core.wordfigures import figure_words

    words = figure_words()
    numbers = [("十", "10"), ("百", "100"), ("千", "1000"), ("二十", "20"), ("一百", "100"), ("三百", "300"), ("20", "20"),
               ("100", "100")]
    digits = "一二三四五六七八九"
    forms = {
        "before": [(exact, f"{word}{n}") for word in words.before for n, exact in numbers],
        "after": [(exact, f"{n}{word}") for word in words.after for n, exact in numbers if not n.isdigit() or word != "来"],
        "range": [(str(i + 1), f"{a}{b}") for i, a in enumerate(digits) for b in digits[i + 1:]]
        + [(str((i + 1) * 10), f"{a}{b}十") for i, a in enumerate(digits) for b in digits[i + 1:]]
        + [("2", "两三"), ("3", "仨四")],
        # 廿 is 20 exactly: beside a clerk's “20条” it restates it (offered, below); beside another figure it is refused
        "numeral": [(str(value + 100), ch) for ch, value in (("廿", 20), ("卅", 30), ("卌", 40), ("卄", 20))]
        + [("20", f"{ch}一") for ch in "廿卄"],
        "multiple": [("1", word) for word, token in words.multiples.items() if token]
        + [("1", f"翻了{n}番") for n in "一两三"] + [("1", f"翻{n}番") for n in "一两"],
        "kept refusing": [("1", "两倍"), ("1", "十余"), ("1", "近百"), ("1", "十几"), ("1", "数十"), ("1", "上百")],
    }
    return forms


@pytest.mark.parametrize("kind", ["before", "after", "range", "numeral", "multiple", "kept refusing"])
def test_a_polish_stating_a_figure_in_words_is_refused_even_beside_the_plain_figure(monkeypatch, kind):
    accepted = []
    for exact, wording in figure_forms()[kind]:
        original = f"全年主动公开政府信息{exact}条，及时回应群众关切。"
        reply = f"全年主动公开政府信息{wording}条，及时回应群众关切。"
        result = polish_with_original(monkeypatch, original, reply)
        if result.accepted:
            accepted.append(wording)
    assert not accepted, accepted
    assert len(figure_forms()[kind]) >= 4


@pytest.mark.parametrize("original, reworded", [
    ("全年主动公开政府信息逾百条，及时回应群众关切。", "全年主动公开政府信息逾百条，及时回应了群众关切。"),
    ("全年主动公开政府信息百余条，及时回应群众关切。", "全年共主动公开政府信息一百余条，及时回应群众关切。"),
    ("全年主动公开政府信息七八条，及时回应群众关切。", "全年主动公开政府信息七八条，及时回应群众的关切。"),
    ("全年主动公开政府信息廿条，及时回应群众关切。", "全年主动公开政府信息二十条，及时回应群众关切。"),
    ("公开数量较上年翻了一番，及时回应群众关切。", "公开数量较上年翻一番，及时回应了群众关切。"),
    ("全年主动公开政府信息120条，完成3件答复。", "全年主动公开政府信息一百二十条，完成了3件答复。"),
])
def test_a_polish_keeping_the_figures_in_words_is_still_offered(monkeypatch, original, reworded):
    assert polish_with_original(monkeypatch, original, reworded).accepted


def polish_with_original(monkeypatch, original: str, reply: str):
    from gkassist import llm
    from gkassist.core.model import load_report
    from gkassist.dialogue import polish

    monkeypatch.setattr(llm, "ask_model", lambda *a: reply)
    settings = llm.LLMSettings(enabled=True, base_url="http://127.0.0.1:9/v1", model="m")
    return polish.polish(original, "", "主动公开", load_report(SAMPLE), None, "overview", settings)


def test_the_figure_words_are_validated_when_loaded(tmp_path, monkeypatch):
    from gkassist.core import wordfigures
    from gkassist.core.errors import InputError

    bad = tmp_path / "figure_words.yaml"
    bad.write_text("numerals:\n  廿廿: 二十\nbefore: {}\nafter: {}\nmultiples: {}\n", encoding="utf-8")
    monkeypatch.setattr("gkassist.paths.resource_dir", lambda name: tmp_path)
    wordfigures.figure_words.cache_clear()
    try:
        with pytest.raises(InputError, match="figure_words.yaml：第1行：numerals 的“廿廿”应为一个字"):
            wordfigures.figure_words()
    finally:
        wordfigures.figure_words.cache_clear()
