"""The window at 80×24 as a clerk reads it (a user test drafting a whole report in tmux): the tables of the preview
and of Ctrl+T readable, a long reply shown from its start and paged, the progress kept when a part is reopened, a
path not broken after its “/”, the divider down the whole height, the check said while it runs.  Every test waits
on the app's state and reads the lines on the screen."""

import re
import threading

import pytest
from rich.cells import cell_len

from gkassist.dialogue import Engine
from gkassist.dialogue.opening import open_session
from gkassist.importer import import_file
from gkassist.tui.app import DraftApp
from gkassist.tui.widgets import ChatBubble, wrap
from support import SEED, palette_ready, settle, until

SIZE = (80, 24)
T3_ANSWER = "自然人申请3件，企业1件；自然人予以公开2件，本机关不掌握1件，企业部分公开1件"


def screen_lines(app):
    return [strip.text for strip in app.screen._compositor.render_strips()]


def from_cell(line, x):
    """What a screen line shows from its cell `x` on (a Chinese character takes two cells)."""
    from rich.cells import cell_len

    used = 0
    for i, char in enumerate(line):
        if used >= x:
            return line[i:]
        used += cell_len(char)
    return ""


def between(line, x0, x1):
    """What a screen line shows in its cells x0 to x1 (the conversation's, without the side panel beside it)."""
    from rich.cells import cell_len

    return from_cell(line, x0)[:len(from_cell(line, x0)) - len(from_cell(line, x1))] if cell_len(line) > x1 else from_cell(line, x0)


async def type_answer(pilot, text):
    pilot.app.query_one("#answer").value = text
    await pilot.press("enter")
    await settle(pilot)


async def tables_answered(pilot):
    """表三 and 表四 answered and saved: 表三 with figures in two columns, 表四 with a 复议 corrected."""
    app = pilot.app
    await until(pilot, lambda: app.engine is not None and app.engine.step is not None, "the draft open")
    await type_answer(pilot, T3_ANSWER)
    await type_answer(pilot, "对")
    await until(pilot, lambda: app.engine.step.id == "appeals", "表三 saved")
    await type_answer(pilot, "行政复议1件，结果纠正")
    await type_answer(pilot, "对")
    await until(pilot, lambda: app.engine.step.id != "appeals", "表四 saved")


def framed(line):
    """The text inside the preview's frame (│ … │) of a screen line; "" outside it."""
    if line.count("│") < 2:
        return ""
    return line[line.index("│") + 1:line.rindex("│")]


def figures(text):
    """A table line's label and its figures: the label, then cells two spaces or more apart."""
    cells = re.split(r"\s{2,}", text.strip())
    return cells[0], [c for c in cells[1:] if re.fullmatch(r"\d+(?:\.\d+)?", c)]


async def preview_lines(pilot):
    """Every line of the preview as the screen shows it, paged through from the top."""
    from textual.containers import VerticalScroll

    from gkassist.tui.screens import TextScreen

    app = pilot.app
    await pilot.press("f2")
    await until(pilot, lambda: isinstance(app.screen, TextScreen), "the preview open")
    frame = app.screen.query_one(VerticalScroll)
    await until(pilot, lambda: frame.max_scroll_y > 0, "the preview laid out")
    seen, y = [], 0
    while True:
        frame.scroll_to(y=y, animate=False, immediate=True)
        await settle(pilot)
        seen += [framed(line) for line in screen_lines(app)[frame.region.y + 1:frame.region.bottom - 1]]
        if y >= frame.max_scroll_y:
            return seen
        y += frame.region.height - 2


@pytest.mark.slow
async def test_the_preview_puts_every_figure_on_its_own_rows_line_under_a_named_column():
    app = DraftApp(Engine.start(import_file(SEED).report, 2021))
    async with app.run_test(size=SIZE) as pilot:
        await tables_answered(pilot)
        report, fmt = app.engine.report, app.engine.report.format
        lines = await preview_lines(pilot)
        assert not any("…" in line for line in lines)  # no header squeezed to “…”
        for table, heading in (("t3", "申请人情况"), ("t4", "类别")):
            columns = [c for _, _, c in fmt.tables[table].cells()]
            columns = list(dict.fromkeys(columns))
            shorts = [c.short or c.label for c in columns]
            header = next(line for line in lines if line.strip().startswith(heading))
            assert figures(header)[0].split() == [heading, *shorts[:len(figures(header)[0].split()) - 1]] or \
                header.split() == [heading, *shorts], header
            # each short name said once with its full name (“企业＝商业企业”)
            said = "".join(lines)
            for c in columns:
                if c.short and c.short != c.label:
                    assert f"{c.short}＝{c.label}" in re.sub(r"\s+", "", said)
        # 表三: each row's figures on the line that starts its label, in the order of the columns
        t3_columns = list(dict.fromkeys(c.id for _, _, c in fmt.tables["t3"].cells()))
        for row in fmt.tables["t3"].rows:
            expected = [f"{report.number('t3', row.id, c):g}" for c in t3_columns]
            start = wrap(row.label, 10)[0][:4]
            found = [figures(line)[1] for line in lines if line.strip().startswith(start) and figures(line)[1]]
            assert expected in found, (row.label, found)
        # a group's label stands alone: “三、本年度办理结果” carries no figure (it showed （一）予以公开's 2 beside it)
        group_lines = [line for line in lines if line.strip().startswith(("三、本年度办理结果", "（三）不予公开"))]
        assert group_lines and all(figures(line)[1] == [] for line in group_lines)
        review = next(line for line in lines if line.strip().startswith("行政复议"))
        assert figures(review)[1] == ["0", "1", "0", "0", "1"]  # 维持 0, 纠正 1, 其他 0, 在审 0, 总计 1


@pytest.mark.slow
async def test_the_grid_names_every_column_and_the_full_row_of_the_cursor():
    from textual.widgets import DataTable

    from gkassist.tui.grid import GridScreen

    app = DraftApp(Engine.start(import_file(SEED).report, 2021))
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app.engine is not None and app.engine.step is not None, "the draft open")
        await type_answer(pilot, T3_ANSWER)
        await pilot.press("ctrl+t")
        await until(pilot, lambda: isinstance(app.screen, GridScreen), "the grid open")
        await settle(pilot)
        grid = app.screen.grid
        lines = screen_lines(app)
        table = app.screen.query_one(DataTable)
        header = lines[table.region.y]
        # all seven columns, by their short names (only five showed, 其他 and 总计 without a header)
        assert header.split() == [grid.shorts.get(c, label) for c, label in grid.columns] \
            == ["自然人", "企业", "科研", "公益", "法律", "其他", "总计"]
        # every row: its figures under all seven headers; its label the start of its full name
        for i, (_, label) in enumerate(grid.rows[:table.region.height - 1]):
            line = lines[table.region.y + 1 + i]
            name, shown = figures(line)
            assert label.startswith(name) and len(shown) == len(grid.columns), line
        # the cursor on a cut row: the line below names the row in full, and the column
        cut = next(i for i, (_, label) in enumerate(grid.rows) if figures(lines[table.region.y + 1 + i])[0] != label)
        await pilot.press(*["down"] * cut, *["right"] * (len(grid.columns) - 2))
        await settle(pilot)
        where = app.screen.query_one("#grid-where")
        said = "".join(screen_lines(app)[where.region.y:where.region.bottom]).replace(" ", "")
        assert grid.rows[cut][1] in said and grid.columns[-2][1] in said, said


LONG_FIVE = ("去年两条：解读那条，今年上了AI助手搞智能解读；人员能力那条，定期搞培训了。不过今年的问题一是公开内容不够精准，"
             "群众关心的东西解读不深；二是线上线下联动不够，企业和群众要信息保障得不全。明年一是围绕群众企业需求把重点领域"
             "内容捋一遍，解读和办事指南做深；二是优化网站公众号栏目，结合进村入企话岚图活动，把线上查询和线下服务联动起来")


@pytest.mark.slow
async def test_a_long_reply_shows_from_its_start_and_pages_down_to_its_end():
    engine, notice = open_session(str(SEED), 2021)
    app = DraftApp(engine, notice)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app.engine is not None and app.engine.step is not None, "the draft open")
        await type_answer(pilot, "改五")
        await until(pilot, lambda: app.engine.step.id == "problems", "五 open")
        before = len(app.query(ChatBubble))
        await type_answer(pilot, LONG_FIVE)
        log = app.query_one("#log")
        replies = list(app.query(ChatBubble))[before + 1:]
        assert sum(b.outer_size.height for b in replies) > log.region.height  # longer than the conversation area
        lines = screen_lines(app)
        first = wrap(replies[0].text, replies[0].content_region.width)[0]
        assert any(first in line for line in lines[log.region.y:log.region.bottom])  # its start is on the screen
        shown = "".join(lines).replace(" ", "")
        assert "PageDown往下看" in shown and "PgUp/PgDn翻看对话" in shown  # and the keys to page are said
        # the divider beside the conversation runs down the whole height, lower lines too
        side = app.query_one("#side")
        assert all(from_cell(lines[y], side.region.x).startswith("│") for y in range(side.region.y, side.region.bottom))
        for _ in range(20):
            if log.scroll_y >= log.max_scroll_y:
                break
            await pilot.press("pagedown")
            await settle(pilot)
        last = wrap(replies[-1].text, replies[-1].content_region.width)[-1]
        assert any(last in line for line in screen_lines(app)[log.region.y:log.region.bottom])
        top = log.scroll_y
        await pilot.press("pageup")
        await settle(pilot)
        assert log.scroll_y < top


@pytest.mark.slow
async def test_reopening_a_part_keeps_the_later_saved_parts_marked_saved():
    app = DraftApp(Engine.start(import_file(SEED).report, 2021))
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app.engine is not None and app.engine.step is not None, "the draft open")
        for answer in ("没有", "对", "没有", "对", "规范性文件现行有效3件", "对"):
            await type_answer(pilot, answer)
        await until(pilot, lambda: app.engine.step.id == "overview_proactive", "the three tables saved")

        titles = [s.title for s in app.engine.steps]
        came = [s.id for s in app.engine.steps].index("proactive") + 1  # the part the clerk had come to

        def marks():
            """Each part's mark as the side panel shows it on the screen."""
            side = app.query_one("#side")
            shown = {}
            for line in screen_lines(app)[side.region.y:side.region.bottom]:
                mark, _, title = from_cell(line, side.region.x + 1).strip().partition(" ")
                if title in titles:
                    shown[title] = mark
            return shown

        before = marks()
        assert before == {t: "✔" if i < came else "▶" if i == came else "·" for i, t in enumerate(titles)}
        for typed, step in (("改表三", "requests"), ("改表四", "appeals"), ("改表二", "proactive")):
            await type_answer(pilot, typed)
            await until(pilot, lambda: app.engine.step.id == step, f"{typed} open")
            opened = [s.id for s in app.engine.steps].index(step)
            # the part reopened is the one being edited; the others saved before are saved still (they showed “·”)
            assert marks() == {t: "▶" if i == opened else "✔" if i < came else "·" for i, t in enumerate(titles)}
            await type_answer(pilot, "对")
            await until(pilot, lambda: app.engine.step_index == came, "back where the clerk had come to")
        assert marks() == before


@pytest.mark.parametrize("path", [
    "/work/shared/corpus/2024_pingtan_jjfzj.txt",
    "/home/clerk/文档/2024年政府信息公开工作年度报告.docx",
    "~/下载/年报/2024_qinglan.pdf",
    "C:\\Users\\clerk\\Desktop\\2024年报.docx",
    "/tmp/a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p/q/r/s/t/u/v/w/x/y/z/very_long_folder_name/report_2024_final_v3.txt",
])
@pytest.mark.parametrize("width", [30, 44, 50, 60])
def test_a_path_is_never_broken_after_its_slash_when_it_fits_a_line(path, width):
    text = f"已导入去年的报告：{path}：平潭综合实验区经济发展局，2024年度"
    lines = wrap(text, width)
    assert "".join(lines) == text
    assert not any(line.endswith("：/") or line.endswith("：~") or line.endswith("：C:") for line in lines)
    if cell_len(path) <= width:
        assert any(path in line for line in lines)  # whole, on one line
    else:  # folded right after one of its “/”, unless a folder's or the file's name alone is longer than a line
        start = text.index(path)
        breaks = [sum(len(line) for line in lines[:i]) for i in range(1, len(lines))]
        inside = [b for b in breaks if start < b < start + len(path)]
        too_long = [name for name in re.split(r"[/\\]", path) if cell_len(name) + 1 > width]
        assert inside and all(text[b - 1] in "/\\" or too_long for b in inside), lines


@pytest.mark.slow
async def test_the_import_notice_shows_the_path_whole_on_the_screen():
    engine, notice = open_session(str(SEED), 2021)
    app = DraftApp(engine, notice)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app.engine is not None and len(app.query(ChatBubble)) > 0, "the greeting")
        await settle(pilot)
        lines = [line.strip() for line in screen_lines(app)]
        first = next(line for line in lines if line.startswith("已导入去年的报告："))
        assert not first.split("│")[0].strip().endswith("/")
        assert any(SEED.name in line for line in lines)  # the file's name unbroken


@pytest.mark.slow
async def test_the_check_from_the_palette_says_it_runs_and_the_window_stays_answering(monkeypatch):
    from gkassist.dialogue import views
    from gkassist.tui.screens import TextScreen

    release = threading.Event()
    real = views.review

    def slow_review(engine, limit=30):
        release.wait(10)  # the check held until the test has looked at the screen
        return real(engine, limit)

    monkeypatch.setattr(views, "review", slow_review)
    app = DraftApp(Engine.start(import_file(SEED).report, 2021))
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app.engine is not None and app.engine.step is not None, "the draft open")
        await pilot.press("ctrl+p")
        await pilot.press(*"检查结果")
        await until(pilot, palette_ready(app, "检查结果"), "the palette lists 检查结果")
        await pilot.press("enter")
        notice = app.query_one("#notice")
        await until(pilot, lambda: notice.display and notice.region.height > 0, "the notice shown")
        lines = screen_lines(app)
        assert "正在检查" in "".join(lines[notice.region.y:notice.region.bottom])
        await pilot.press(*"没有")  # the window answers keys meanwhile
        await until(pilot, lambda: app.query_one("#answer").value == "没有", "the typed answer in the box")
        release.set()
        await until(pilot, lambda: isinstance(app.screen, TextScreen), "the check's page open")
        assert not notice.display
        await settle(pilot)
        assert "检查结果" in "".join(screen_lines(app))


TWO_SPOKEN = ("审核这块把机制完善了一下，保密审查放到信息产生、流转、发布整个过程里，按谁公开谁审查谁负责来弄，各处室谁管什么"
              "也分清楚了。发信息还是三审三校，我们自己平时自查加定期排查")


@pytest.mark.slow
async def test_take_the_reference_is_offered_only_for_a_sentence_that_has_one(monkeypatch):
    """Two sentences kept as typed; the reference search finds a published sentence for those in `referenced` only
    (the index is the corpus's: here it is told what to find).  “换N” is offered for such a sentence, never for one
    without (it was offered, and then said there was none).  One app for every case (its start was most of a case's
    time): after each, the part is saved with “对” and opened again for the next."""
    from gkassist.dialogue.kinds.narrative import Narrative

    asked: list[str] = []
    referenced: set[int] = set()

    def reference(self, state, step, sentence):
        asked.append(sentence)
        return ("我局建立日常自查和定期排查机制。", "青岚县某局 2024年度", []) if len(asked) in referenced else ("", "", [])

    monkeypatch.setattr(Narrative, "_reference", reference)
    app = DraftApp(Engine.start(import_file(SEED).report, 2021))
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app.engine is not None and app.engine.step is not None, "the draft open")
        for case in (set(), {2}, {1}, {1, 2}):
            asked.clear()
            referenced.clear()
            referenced.update(case)
            await type_answer(pilot, "改一（三）")
            await until(pilot, lambda: app.engine.step.id == "overview_management", "一（三） open")
            before = len(app.query(ChatBubble))
            await type_answer(pilot, TWO_SPOKEN)
            await until(pilot, lambda: app.engine.pending is not None and len(app.engine.pending.spoken) == 2, "two kept")
            assert len(asked) == 2, (case, asked)  # each kept sentence looked up once, in order
            log = app.query_one("#log")
            while log.scroll_y < log.max_scroll_y:  # read on to the end of the reply, as the clerk does
                await pilot.press("pagedown")
                await settle(pilot)
            chat = [between(line, log.region.x, log.region.right - 2) for line in screen_lines(app)[log.region.y:log.region.bottom]]
            assert "回答“对”照上面的保存" in "".join(chat).replace(" ", ""), case  # the end of the reply is on the screen
            offered = {int(n) for n in re.findall(r"“换(\d)”", "\n".join(m.text for m in list(app.query(ChatBubble))[before:]))}
            assert offered == ({min(case)} if case else set()), case
            for n in offered:
                await type_answer(pilot, f"换{n}")
                assert "我局建立日常自查和定期排查机制。" in app.engine.pending.paragraphs[0]
            await type_answer(pilot, "对")
            await until(pilot, lambda: app.engine.pending is None, "一（三） saved")


async def test_quitting_does_not_wait_for_the_warm_up(monkeypatch):
    """Ctrl+Q while jieba and the index still load (a first start builds their caches): the window closes at once and
    nothing left running holds the process (a Textual thread worker is joined as the app closes: a blank terminal for
    17 s).  The warm-up is a daemon thread, no worker of the app's."""
    from gkassist import corpus

    release = threading.Event()
    monkeypatch.setattr(corpus, "warm_up", lambda: release.wait(30))
    app = DraftApp(Engine.start(import_file(SEED).report, 2021))
    try:
        async with app.run_test(size=SIZE) as pilot:
            def warming():
                return [t for t in threading.enumerate() if t.name == "gkassist-warm-up" and t.is_alive()]

            await until(pilot, lambda: bool(warming()), "the warm-up started")
            assert all(t.daemon for t in warming()) and not app.workers._workers
            await pilot.press("ctrl+q")
            await until(pilot, lambda: app.return_code is not None, "the app closed")
            assert warming()  # closed while the warm-up still ran
    finally:
        release.set()
