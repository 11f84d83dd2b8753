"""The drafting dialogue, UI-free: the flow (prompts/flow.yaml), state, confirmation, undo, resume.

`Engine.answer(text)` returns the assistant's replies; a parsed table answer is shown cell by cell and
stored only after the clerk confirms ("对"/"是"/"确认").  The draft is saved atomically after every
accepted answer.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from . import formats
from .answers import Parsed, parse_t2, parse_t3, parse_t4
from .carryover import carried_cells, last_in_force, next_year_draft
from .checks import ERROR, Finding, check
from .errors import InputError
from .io import atomic_write, report_file_name
from .model import Report, report_from_data
from .problems import problems_paragraph, propose_problems
from .prompts import flow
from .resources import user_dir

YES = re.compile(r"^\s*(对|是|是的|确认|好|好的|可以|没问题|采用|ok|OK|y|yes)\s*[。！!]?\s*$")
NO = re.compile(r"^\s*(不对|不是|错了|重来|否|no|n)\s*[。！!]?\s*$")
SAME_AS_LAST = re.compile(r"^\s*(同去年|和去年一样|跟去年一样|与去年相同)\s*[。！!]?\s*$")
NONE_ANSWER = re.compile(r"^\s*(没有|无|都是0|都是零|全是0|全部为0|没有申请|0)\s*[。！!]?\s*$")
POLISH = re.compile(r"^\s*(润色|润色一下|帮我润色|改通顺)\s*[。！!]?\s*$")
RESTORE = re.compile(r"^\s*(还原|不用润色|用原来的)\s*[。！!]?\s*$")
MAX_ANSWER = 5000


def drafts_dir() -> Path:
    return user_dir("data", "drafts")


@dataclass
class Reply:
    text: str
    kind: str = "say"  # say | table | error | suggestion | done


@dataclass
class Pending:
    """What the assistant understood, waiting for the clerk's confirmation."""

    step: str
    cells: dict[tuple[str, str, str], int | float] = field(default_factory=dict)
    paragraphs: list[str] = field(default_factory=list)
    before_polish: str | None = None  # the clerk's own paragraph while a polished one is pending


# ------------------------------------------------------------------ the engine
class Engine:
    def __init__(self, report: Report, last_year: Report | None = None, path: Path | None = None):
        self.report = report
        self.last_year = last_year
        self.path = path or drafts_dir() / report_file_name(report)
        self.step_index = 0
        self.pending: Pending | None = None
        self.history: list[tuple[str, int]] = []  # (report JSON, step index) before each accepted answer
        self.proposals: list[dict] = []
        self.suggestions: list = []  # the phrasing suggestions shown for the pending paragraph ("参考N")
        self.offered_last_year: Report | None = None  # found after the agency was named, waiting for “用”

    # ---------------------------------------------------------- construction
    @classmethod
    def start(cls, last_year: Report | None = None, year: int | None = None, agency: str = "") -> "Engine":
        if last_year is not None:
            report, _ = next_year_draft(last_year, year)
        else:
            year = year or date.today().year - 1
            report = Report.blank(formats.format_for_year(year), agency or "（待填写）", year, origin="draft")
        engine = cls(report, last_year)
        if last_year is not None:
            engine.step_index = 1  # the agency carries over
        return engine

    @classmethod
    def resume(cls, path: Path) -> "Engine":
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as e:
            raise InputError(f"{path}：草稿文件已损坏，无法继续（{e}）") from None
        if not isinstance(data, dict) or "report" not in data:
            raise InputError(f"{path}：不是 gkassist 的草稿文件")
        report = report_from_data(data["report"], path)
        last = report_from_data(data["last_year"], path) if data.get("last_year") else None
        engine = cls(report, last, path)
        engine.step_index = min(int(data.get("step", 0)), len(flow()))
        return engine

    def save(self) -> Path:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        data = {"report": json.loads(self.report.to_json()), "step": self.step_index,
                "last_year": json.loads(self.last_year.to_json()) if self.last_year else None}
        atomic_write(self.path, json.dumps(data, ensure_ascii=False, indent=1))
        return self.path

    # ---------------------------------------------------------- flow
    @property
    def step(self) -> dict | None:
        steps = flow()
        return steps[self.step_index] if self.step_index < len(steps) else None

    @property
    def done(self) -> bool:
        return self.step is None

    def question(self) -> list[Reply]:
        step = self.step
        if step is None:
            errors = [f for f in self.findings() if f.severity == ERROR]
            tail = f"还有{len(errors)}个错误需要处理（见右侧）。" if errors else "检查没有发现错误。"
            return [Reply(f"报告已经起草完成。{tail}可以按 Ctrl+E 导出 Word，或按 F2 预览。", "done")]
        out = [Reply(step["ask"])]
        last = self._last_year_hint(step)
        if last:
            out.append(Reply(last))
        if step.get("hint"):
            out.append(Reply(step["hint"]))
        return out

    def _last_year_hint(self, step: dict) -> str:
        if self.last_year is None:
            return ""
        if step["kind"] == "table" and step["table"] == "t3":
            new = self.last_year.number("t3", "new", "total")
            carried = carried_cells(self.last_year).get("total")
            return f"去年：新收申请{_n(new)}件，结转到今年{_n(carried)}件（已填入“上年结转”）。"
        if step["kind"] == "table" and step["table"] == "t4":
            review = self.last_year.number("t4", "cases", "review.total")
            suits = [self.last_year.number("t4", "cases", f"{b}.total") for b in ("suit_direct", "suit_after_review")]
            return (f"去年：行政复议{_n(review)}件，行政诉讼{_n(None if None in suits else sum(suits))}件。"
                    "情况相同可以回答“同去年”。")
        if step["kind"] == "table" and step["table"] == "t2" and (inf := last_in_force(self.last_year)):
            return f"去年底现行有效：行政规范性文件{_n(inf.get('normative'))}件。回答“同去年”可沿用去年的处理决定数量。"
        if step["kind"] == "narrative" and step.get("part"):
            from .corpus import paragraph_kinds

            prior = [p for k, p in paragraph_kinds(self.last_year) if k == step["part"]]
            if prior:
                return "去年这样写：" + prior[0][:120] + ("……" if len(prior[0]) > 120 else "")
        if step["kind"] == "narrative" and step["section"] == "other" and self.last_year.paragraphs("other"):
            first = self.last_year.paragraphs("other")[0]
            return "去年这样写：" + first[:120] + ("……" if len(first) > 120 else "")
        if step["kind"] == "problems" and self.last_year.paragraphs("problems"):
            return "去年提出的问题：" + "；".join(p[:60] for p in self.last_year.paragraphs("problems")[:3])
        return ""

    def jump(self, step_id: str) -> list[Reply]:
        ids = [s["id"] for s in flow()]
        if step_id not in ids:
            return [Reply(f"没有“{step_id}”这一部分。", "error")]
        self.step_index = ids.index(step_id)
        self.pending = None
        return self.question()

    def back(self) -> list[Reply]:
        self.step_index = max(0, self.step_index - 1)
        self.pending = None
        return self.question()

    def undo(self) -> list[Reply]:
        if not self.history:
            return [Reply("没有可以撤销的回答。", "error")]
        data, self.step_index = self.history.pop()
        self.report = Report.model_validate_json(data)
        self.pending = None
        self.save()
        return [Reply("已撤销上一个回答。")] + self.question()

    def findings(self) -> list[Finding]:
        return check(self.report, self.last_year, today=date.today())

    # ---------------------------------------------------------- answers
    def answer(self, text: str) -> list[Reply]:
        text = (text or "").strip()
        step = self.step
        if step is None:
            return self.question()
        if not text:
            return [Reply("请输入回答；不清楚可以按 F1 查看帮助。", "error")]
        if len(text) > MAX_ANSWER:
            return [Reply(f"回答太长了（{len(text)}字），请只写这一部分的内容，一次不超过{MAX_ANSWER}字。", "error")]
        if self.offered_last_year is not None:
            return self._answer_offer(text)
        for pattern, command in PENDING_COMMANDS:
            if m := pattern.fullmatch(text):
                if self.pending is None:
                    return [Reply("现在没有待确认的内容；“参考”“填”“润色”“去掉”“改”“加”要在我列出“将写入”之后用。", "error")]
                return command(self, m)
        if self.pending is not None:
            if YES.match(text):
                return self._accept()
            if NO.match(text):
                self.pending = None
                return [Reply("好的，请重新回答。")] + self.question()
        if not re.search(r"[\u4e00-\u9fff0-9０-９]", text):
            return [Reply("请用中文回答（可以直接写数字）。", "error")]
        kind = step["kind"]
        if kind == "field":
            if SAME_AS_LAST.match(text):
                if self.last_year is None:
                    return [Reply("请写出本机关的全称，例如“青岚县石桥镇人民政府”。", "error")]
                text = self.last_year.agency
            self.pending = Pending(step["id"], paragraphs=[text])
            return [Reply(f"机关名称：{text}。对吗？（回答“对”确认）", "table")]
        if kind == "table":
            return self._table_answer(step, text)
        if kind == "problems":
            return self._problems_answer(text)
        return self._narrative_answer(step, text)

    def _table_answer(self, step: dict, text: str) -> list[Reply]:
        table = step["table"]
        if SAME_AS_LAST.match(text):
            if self.last_year is None:
                return [Reply("没有去年的报告可以沿用，请直接说今年的数字。", "error")]
            parsed = Parsed(self._last_year_cells(table))
            if not parsed.cells:
                return [Reply("去年的报告里没有这张表可以沿用的数字，请直接说今年的数字。", "error")]
        elif NONE_ANSWER.match(text):
            fmt = self.report.format.tables[table]
            parsed = Parsed({(table, r.id, c.id): 0 for _, r, c in fmt.cells() if not (table == "t3" and r.id == "carried")})
        else:
            parsed = {"t3": parse_t3, "t4": parse_t4, "t2": parse_t2}[table](text)
            if not parsed.cells and not parsed.kind_unclear:
                return [Reply("没听明白。请写成“自然人申请3件，予以公开2件，本机关不掌握1件”这样，带上数字和办理结果。", "error")]
        cells = parsed.cells
        if self._supplements(table, cells):
            # an answer to "请补充……" adds to what was understood instead of starting over
            cells = {**self.pending.cells, **cells}
        trial = self.report.model_copy(deep=True)
        self._fill(trial, table, cells)
        self.pending = Pending(step["id"], cells=cells)
        replies = [Reply(self._understood(trial, table), "table")]
        if parsed.not_understood:
            replies.append(Reply("这些没能理解，未计入：" + "、".join(parsed.not_understood), "error"))
        if parsed.kind_unclear:
            kinds = "、".join(c.label for c in formats.T3_COLUMNS
                             if c.id != "total" and (trial.number("t3", "new", c.id) or 0) > 0)
            replies.append(Reply(f"申请人有{kinds}几类，办理结果要分别填。“{'、'.join(parsed.kind_unclear)}”分别是哪类申请人的？"
                                 "请补充，例如“自然人予以公开3件，企业予以公开1件”。", "error"))
            return replies
        broken = [f for f in check(trial) if f.table == table and f.severity == ERROR and f.rule != "TEXT-NUMBERS"]
        if broken:
            replies.append(Reply("按这样填，数字对不上：" + "；".join(_plain(f) for f in broken[:3]) +
                                 "。请补充或更正（也可以回答“对”先保存）。", "error"))
        else:
            replies.append(Reply("对吗？回答“对”保存，或直接重新描述。"))
        return replies

    def _last_year_cells(self, table: str) -> dict:
        """Last year's figures for “同去年”: the cells this year's format shares with last year's, totals and
        carry-overs left out (they are computed); of 表二 only the 处理决定 counts (文件 counts change every year)."""
        last, fmt = self.last_year, self.report.format.tables[table]
        if table == "t2":
            if last.format_version != "2021":
                return {}
            wanted = [("licensing", "decisions"), ("penalty", "decisions"), ("enforcement", "decisions")]
        else:
            wanted = [(r.id, c.id) for _, r, c in fmt.cells()
                      if r.id not in ("carried", "results_total") and not c.id.endswith("total") and c.id != "subtotal"]
        out = {}
        for row, col in wanted:
            try:
                value = last.number(table, row, col)
            except KeyError:  # a row the 2019 format does not have
                continue
            if value is not None:
                out[(table, row, col)] = value
        return out

    def _supplements(self, table: str, cells: dict) -> bool:
        """Whether this answer adds to the pending one: same table, and (表三) it restates no applications."""
        if self.pending is None or not self.pending.cells or not cells:
            return False
        if table == "t3":
            return not any(r == "new" for _, r, _ in cells)
        return table == "t2"

    def _fill(self, report: Report, table: str, cells: dict) -> None:
        fmt = report.format.tables[table]
        if table == "t3":
            for _, row, col in fmt.cells():
                if row.id != "carried":
                    report.set_cell("t3", row.id, col.id, 0)
            for (t, r, c), v in cells.items():
                if r == "other_3" and report.format_version == "2019":
                    r = "other"
                report.set_cell(t, r, c, v)
            for col in formats.T3_APPLICANT_COLUMNS:
                if report.cell("t3", "carried", col) is None:
                    report.set_cell("t3", "carried", col, 0)
                report.set_cell("t3", "results_total", col, sum(report.number("t3", r, col) or 0 for r in report.format.t3_result_rows))
            for row in fmt.rows:  # 总计 are computed, never asked
                report.set_cell("t3", row.id, "total", sum(report.number("t3", row.id, c) or 0 for c in formats.T3_APPLICANT_COLUMNS))
        elif table == "t4":
            for _, _, col in fmt.cells():
                report.set_cell("t4", "cases", col.id, 0)
            for (t, r, c), v in cells.items():
                report.set_cell(t, r, c, v)
            for block, _ in formats.T4_BLOCKS:
                report.set_cell("t4", "cases", f"{block}.total",
                                sum(report.number("t4", "cases", f"{block}.{o}") or 0 for o in formats.T4_PARTS))
        else:
            for _, row, col in fmt.cells():
                if report.cell("t2", row.id, col.id) is None:
                    report.set_cell("t2", row.id, col.id, 0)
            for (t, r, c), v in cells.items():
                report.set_cell(t, r, c, v)
            # 现行有效 follows from last year's unless the clerk gave it: shown before confirming, like the totals
            prev = last_in_force(self.last_year).get("normative") if self.last_year is not None else None
            if prev is not None and report.format_version == "2021" and ("t2", "normative", "in_force") not in cells:
                issued = report.number("t2", "normative", "issued") or 0
                repealed = report.number("t2", "normative", "repealed") or 0
                report.set_cell("t2", "normative", "in_force", max(0, prev + issued - repealed))

    def _understood(self, trial: Report, table: str) -> str:
        """The non-zero cells, one line per table row: “表三 · 一、本年新收…：自然人 3，商业企业 1，总计 4”."""
        rows: dict[str, list[str]] = {}
        for _, row, col in trial.format.tables[table].cells():
            v = trial.cell(table, row.id, col.id)
            if v not in (0, None):
                where, _, column = formats.cell_location(trial.format_version, table, row.id, col.id).rpartition(" · ")
                rows.setdefault(where, []).append(f"{column} {v}")
        lines = ["我理解为："] + [f"  {where}：{'，'.join(cells)}" for where, cells in rows.items()]
        lines.append("  （其余为 0）" if rows else "  全部为 0")
        return "\n".join(lines)

    def _narrative_answer(self, step: dict, text: str) -> list[Reply]:
        if NONE_ANSWER.match(text) and step["section"] == "other":
            text = "本年度未收取信息处理费，无其他需要报告的事项。"
        if SAME_AS_LAST.match(text):
            return [Reply("正文不宜照抄去年（重复率超过50%会被扣分），请写今年的具体做法。", "error")]
        heading = step.get("heading") or ""
        paragraph = heading + text.removeprefix(heading)
        if not re.search(r"[。！？]$", paragraph):
            paragraph += "。"
        self.pending = Pending(step["id"], paragraphs=[paragraph])
        replies = [Reply("将写入：" + paragraph, "table")] + self._paragraph_warnings(placeholders=True)
        if step.get("part"):
            try:
                from .corpus import load_index, search

                found = search(load_index(), text, step["part"], 3, for_agency=self.report.agency)
            except Exception:  # suggestions are a help, never a reason to fail an answer
                found = []
            for i, s in enumerate(found, 1):
                replies.append(Reply(f"参考{i}：{s.text}（出处：{s.agency} {s.year}年度）", "suggestion"))
            if found:
                replies.append(Reply("回答“对”采用你写的内容；回答“参考1”等把参考句接在后面，"
                                     "再用“填：210条，8条……”按顺序把〔…〕换成本单位的实际。"))
                self.suggestions = found
                return replies
        replies.append(Reply("对吗？回答“对”保存，或重新输入。"))
        return replies

    def take_suggestion(self, number: int) -> list[Reply]:
        found = self.suggestions
        if self.pending is None or not self.pending.paragraphs or not (1 <= number <= len(found)):
            return [Reply("没有这条参考。", "error")]
        # a sentence cut at “；” from its paragraph now ends this one
        self.pending.paragraphs[-1] += re.sub(r"[；;，,、]$", "。", found[number - 1].text)
        follow = ("请用“填：……”按顺序把〔…〕换成本单位今年的实际（逗号分开），或重新输入整段。"
                  if found[number - 1].slots else "回答“对”保存。")
        return [Reply("将写入：" + self.pending.paragraphs[-1], "table"), Reply(follow)]

    def wants_model(self, text: str) -> bool:
        """Whether answering `text` will call the optional language model (slow: the UI runs it in a worker)."""
        if self.pending is None or not POLISH.match(text or ""):
            return False
        from . import llm

        try:
            return llm.load_settings().ready
        except InputError:
            return False  # answer() itself reports the broken settings

    def _polish_target(self) -> int:
        return 0 if self.pending.step == "problems" else -1  # 五: the clerk's follow-up, not the generated list

    def polish(self) -> list[Reply]:
        """Offer the model's wording of the pending paragraph, if it passes the checks; numbers never change."""
        from . import llm

        step = self.step
        if self.pending is None or step["kind"] not in ("narrative", "problems"):
            return [Reply("先写一段文字，再说“润色”。表格数字不润色。", "error")]
        try:
            settings = llm.load_settings()
        except InputError as e:
            return [Reply(str(e), "error")]
        if not settings.ready:
            return [Reply(f"大模型润色没有打开（默认关闭，全部在本机离线完成）。需要时在 {llm.config_path()} 中配置"
                          "一个 OpenAI 兼容的服务，见 README“可选：大模型润色”。", "error")]
        i = self._polish_target()
        original = self.pending.before_polish or self.pending.paragraphs[i]
        try:
            result = llm.polish(original, step.get("heading") or "", step.get("part") or "", self.report,
                                self.last_year, step["section"], settings)
        except InputError as e:
            return [Reply(str(e), "error")]
        if not result.accepted:
            return [Reply(f"没有采用大模型的改写：{result.reason}。仍按您写的保存。", "error"),
                    Reply("对吗？回答“对”保存，或重新输入。")]
        self.pending.before_polish = original
        self.pending.paragraphs[i] = result.text
        return [Reply("润色后将写入（数字未变，已通过检查）：" + result.text, "table"),
                Reply("回答“对”采用；“还原”用您原来写的。")]

    def _paragraph_warnings(self, placeholders: bool = False) -> list[Reply]:
        """Numbers in the pending paragraphs that the tables contradict, said before they are stored."""
        from .checks import check_placeholders, check_text_numbers

        trial = self.report.model_copy(deep=True)
        trial.sections = {self.step["section"]: list(self.pending.paragraphs)}
        findings = check_text_numbers(trial) + (check_placeholders(trial) if placeholders else [])
        return [Reply("请核对：" + f.message, "error") for f in findings]

    def restore(self) -> list[Reply]:
        """Back to the clerk's own paragraph after a polish."""
        if self.pending.before_polish is None:
            return [Reply("没有润色过，不需要还原。", "error")]
        i = self._polish_target()
        self.pending.paragraphs[i], self.pending.before_polish = self.pending.before_polish, None
        return [Reply("已换回您写的：" + self.pending.paragraphs[i], "table"), Reply("回答“对”保存。")]

    def fill_slots(self, values: list[str]) -> list[Reply]:
        """Put the clerk's own facts into the 〔…〕 slots of the pending paragraph, in order."""
        from .corpus import SLOT_MARK

        if not self.pending.paragraphs:
            return [Reply("表格数字请直接重新描述。", "error")]
        i = self._polish_target()
        paragraph = self.pending.paragraphs[i]
        slots = SLOT_MARK.findall(paragraph)
        values = [v for v in values if v]
        if not slots:
            return [Reply("这段没有〔…〕要填的地方。", "error")]
        if len(values) > len(slots):
            return [Reply(f"这段只有{len(slots)}处〔…〕，您给了{len(values)}个值。", "error")]
        for value in values:
            paragraph = SLOT_MARK.sub(value, paragraph, count=1)
        self.pending.paragraphs[i] = paragraph
        left = len(slots) - len(values)
        return [Reply("将写入：" + paragraph, "table"), *self._paragraph_warnings(),
                Reply(f"还有{left}处〔…〕，可以接着“填：……”。" if left else "回答“对”保存。")]

    def _problems_answer(self, text: str) -> list[Reply]:
        followup = text if re.search(r"[。！？]$", text) else text + "。"
        if self.last_year is not None and not re.search(r"上年|去年|\d{4}年度", followup):
            followup = f"{self.last_year.year}年度报告提出的问题，整改情况如下：{followup}"
        self.proposals = propose_problems(self.report, self.last_year)
        paragraphs = [followup]
        lines = []
        for i, p in enumerate(self.proposals, 1):
            lines.append(f"{i}. 问题：{p['problem']}；改进：{p['improvement']}")
        paragraphs.append(problems_paragraph(self.proposals))
        self.pending = Pending("problems", paragraphs=paragraphs)
        return [Reply("根据今年的数字，我建议写这些问题（来自 prompts/problems.yaml）：\n" + "\n".join(lines), "table"),
                Reply("将写入：\n" + "\n".join(paragraphs), "table"),
                Reply("回答“对”采用；“去掉2”删掉第2条；“改2：……”把第2条换成你写的问题和改进措施；"
                      "“加：……”再加一条；重新写整改情况会替换第一段。")]

    def drop_proposal(self, number: int) -> list[Reply]:
        if self.pending is None or self.pending.step != "problems" or not (1 <= number <= len(self.proposals)):
            return [Reply("没有这一条。", "error")]
        if len(self.proposals) <= 2:
            return [Reply("至少保留两条具体问题。", "error")]
        del self.proposals[number - 1]
        return self._show_proposals()

    def edit_proposal(self, number: int, text: str) -> list[Reply]:
        """Replace proposal `number` with the clerk's own words, or add one (number = count + 1)."""
        if self.pending is None or self.pending.step != "problems" or not (1 <= number <= len(self.proposals) + 1):
            return [Reply("没有这一条。", "error")]
        if number > 4:
            return [Reply("最多写四条问题，请先“去掉”一条。", "error")]
        text = text.strip().rstrip("。；;")
        if not re.search(r"[\u4e00-\u9fff]", text):
            return [Reply("请用中文写这一条的问题和改进措施。", "error")]
        own = {"id": "own", "problem": text, "improvement": ""}
        if number > len(self.proposals):
            self.proposals.append(own)
        else:
            self.proposals[number - 1] = own
        return self._show_proposals()

    def _show_proposals(self) -> list[Reply]:
        self.pending.paragraphs[1] = problems_paragraph(self.proposals)
        return [Reply("将写入：\n" + "\n".join(self.pending.paragraphs), "table"), Reply("回答“对”采用。")]

    def _accept(self) -> list[Reply]:
        pending, step = self.pending, self.step
        self.history.append((self.report.to_json(), self.step_index))
        if step["kind"] == "field":
            self.report.agency = pending.paragraphs[0]
            self.report.title = f"{self.report.agency}{self.report.year}年政府信息公开工作年度报告"
            self._name_draft_after_agency()
        elif step["kind"] == "table":
            self._fill(self.report, step["table"], pending.cells)
        else:
            section = step["section"]
            paras = self.report.sections.setdefault(section, [])
            if step.get("heading"):
                paras[:] = [p for p in paras if not p.startswith(step["heading"])]
            elif section in ("other", "problems"):
                paras.clear()
            paras.extend(pending.paragraphs)
        self.pending = None
        self.step_index += 1
        self.save()
        if step["kind"] == "field" and self.last_year is None:
            found = find_last_year(self.report.agency, self.report.year)
            if found is not None:
                self.offered_last_year, where = found
                return [Reply(f"已保存。找到{where}：{self.report.agency} {self.report.year - 1}年度。用它作为去年的报告吗？"
                              "用了会填好上年结转和现行有效件数，并对照去年检查重复。回答“用”或“不用”。")]
        return [Reply("已保存。")] + self.question()

    def _name_draft_after_agency(self) -> None:
        """A new draft is saved as “2025_待填写.json” until the agency is known; then it takes the agency's
        name, so that the next new draft does not write over this one. An existing draft of that name is kept."""
        if self.path.parent != drafts_dir():
            return
        target = drafts_dir() / report_file_name(self.report)
        n = 2
        while target != self.path and target.exists():
            target = target.with_stem(f"{Path(report_file_name(self.report)).stem}_{n}")
            n += 1
        if target != self.path:
            self.path.unlink(missing_ok=True)
            self.path = target

    def _answer_offer(self, text: str) -> list[Reply]:
        if re.fullmatch(r"\s*(用|好|好的|是|对|可以|用吧)\s*[。！!]?\s*", text):
            last, self.offered_last_year = self.offered_last_year, None
            agency = self.report.agency
            self.report, _ = next_year_draft(last, self.report.year)
            self.report.agency = agency
            self.last_year = last
            self.save()
            return [Reply("好的，已按去年的报告填好上年结转和现行有效件数。")] + self.question()
        if re.fullmatch(r"\s*(不用|不|否|不要|算了)\s*[。！!]?\s*", text):
            self.offered_last_year = None
            return [Reply("好的，不用去年的报告。")] + self.question()
        return [Reply("请回答“用”或“不用”。", "error")]


# Commands on the answer waiting for confirmation (“将写入……”), tried in order. 加 and 填 need their colon so
# that a paragraph starting “加强……” or “填报……” stays a paragraph.
PENDING_COMMANDS = (
    (re.compile(r"参考\s*(\d)"), lambda e, m: e.take_suggestion(int(m[1]))),
    (re.compile(r"去掉\s*(\d)"), lambda e, m: e.drop_proposal(int(m[1]))),
    (re.compile(r"改\s*(\d)\s*[：:，,]?\s*(.+)", re.S), lambda e, m: e.edit_proposal(int(m[1]), m[2])),
    (re.compile(r"加\s*[：:]\s*(.+)", re.S), lambda e, m: e.edit_proposal(len(e.proposals) + 1, m[1])),
    (re.compile(r"填\s*[：:]\s*(.+)", re.S), lambda e, m: e.fill_slots(re.split(r"\s*[，,、；;\s]\s*", m[1].strip()))),
    (POLISH, lambda e, m: e.polish()),
    (RESTORE, lambda e, m: e.restore()),
)


def find_last_year(agency: str, year: int) -> tuple[Report, str] | None:
    """The agency's report for the year before: a draft of the clerk's first, then the corpus.

    The corpus is looked up in its index (which knows each file's agency and year), so a large corpus is not
    read file by file on the clerk's first answer.
    """
    from .corpus import load_index
    from .importer import load_any

    drafts = sorted(drafts_dir().glob("*.json"), key=lambda p: p.stat().st_mtime, reverse=True) if drafts_dir().is_dir() else []
    candidates = [(p, f"去年的草稿 {p.name}") for p in drafts]
    try:
        reports = sorted(load_index().reports, key=lambda r: not r["own"])  # own reports first
    except InputError:
        reports = []
    candidates += [(Path(r["source"]), f"语料库里的报告 {Path(r['source']).name}") for r in reports
                   if r["agency"] == agency and r["year"] == year - 1]
    for path, where in candidates:
        try:
            report, _ = load_any(path)
        except InputError:
            continue  # a broken file is not an offer
        if report.agency == agency and report.year == year - 1:
            return report, where
    return None


def _n(v) -> str:
    return "未填" if v is None else str(v)


def _plain(f: Finding) -> str:
    return f"{f.location}：{f.message}"
