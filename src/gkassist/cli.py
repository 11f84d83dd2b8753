"""The `gkassist` command: every non-interactive job, and `draft` (the default) for the chat app.

Exit status: 0 done (check: no 错误), 1 check found 错误, 2 the input cannot be used.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from gkassist.core.errors import InputError

EXIT_OK, EXIT_FINDINGS, EXIT_BAD_INPUT = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse's English usage errors → one Chinese line, exit 2
        self.exit(EXIT_BAD_INPUT, f"gkassist：命令参数有误（{message}），用 gkassist --help 查看用法\n")


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="gkassist", description="政府信息公开工作年度报告助手")
    sub = p.add_subparsers(dest="command", parser_class=_Parser)

    r = sub.add_parser("render", help="把报告输出为 .docx / .txt / .md / .html")
    r.add_argument("input", help="报告 JSON 或已发布的年报文件")
    r.add_argument("-o", "--output", required=True, action="append", help="输出文件，可给多个")

    c = sub.add_parser("check", help="检查勾稽关系和常见问题")
    c.add_argument("input")
    c.add_argument("--last-year", help="上年报告（JSON 或已发布的年报文件）")
    c.add_argument("--json", action="store_true", help="以 JSON 输出问题列表")
    c.add_argument("--today", help="按这一天判断是否逾期（YYYY-MM-DD），默认今天")

    i = sub.add_parser("import", help="导入已发布的年报（.txt/.html/.docx/.pdf）为报告 JSON")
    i.add_argument("input")
    i.add_argument("-o", "--output", help="输出 JSON 文件（不给则打印到屏幕）")
    i.add_argument("--to-2021", action="store_true", help="同时转为下一年度的2021年版草稿")

    s = sub.add_parser("suggest", help="从往年报告中查找可参考的写法")
    s.add_argument("query")
    s.add_argument("--section", default="总体情况")
    s.add_argument("--top", type=int, default=5)
    s.add_argument("--json", action="store_true")
    s.add_argument("--corpus", action="append", default=[], help="另加一个语料文件夹")

    co = sub.add_parser("corpus", help="管理个人语料库")
    co_sub = co.add_subparsers(dest="corpus_command", parser_class=_Parser)
    ca = co_sub.add_parser("add")
    ca.add_argument("files", nargs="+")
    co_sub.add_parser("list")

    d = sub.add_parser("draft", help="打开对话式起草界面（默认）")
    d.add_argument("--from", dest="from_file", help="上年报告（JSON 或已发布的年报文件）")
    d.add_argument("--year", type=int, help="打开这一年度的草稿（写完的也可以打开修改）")
    d.add_argument("--agency", help="打开这个机关的草稿（名称的一部分即可）")
    d.add_argument("--answers", help="不开界面：按文件里的回答（每行一个）逐条回答，打印对话")
    d.add_argument("-o", "--output", action="append", default=[], help="（与 --answers 一起）回答完后导出，可给多个")

    sub.add_parser("drafts", help="列出草稿：机关、年度、进度、检查结果、保存时间、文件")
    return p


def _load(path: str):
    from gkassist.importer import load_any

    return load_any(path)


def cmd_render(args) -> int:
    from gkassist.core.files import atomic_write
    from gkassist.output import OUTPUT_SUFFIXES, render_bytes

    report, result = _load(args.input)
    outputs = [Path(o) for o in args.output]
    for out in outputs:
        if out.suffix.lower() not in OUTPUT_SUFFIXES:
            raise InputError(f"{out}：不支持的输出格式“{out.suffix or '无扩展名'}”（可选：.docx、.txt、.md、.html）")
    rendered = [(out, render_bytes(report, out.suffix)) for out in outputs]
    for out, data in rendered:
        atomic_write(out, data)
        print(f"已生成 {out}")
    if result is not None and result.partial:
        print("注意：" + result.summary(), file=sys.stderr)
    return EXIT_OK


def cmd_check(args) -> int:
    from gkassist.checks import ERROR, check

    report, result = _load(args.input)
    last = _load(args.last_year)[0] if args.last_year else None
    today = None
    if report.origin == "draft":
        try:
            today = date.fromisoformat(args.today) if args.today else date.today()
        except ValueError:
            raise InputError(f"--today：“{args.today}”不是 YYYY-MM-DD 格式的日期") from None
    findings = check(report, last, today=today)
    if args.json:
        print(json.dumps([f.to_dict() for f in findings], ensure_ascii=False, indent=2))
    else:
        if result is not None:
            print(result.summary())
        for f in findings:
            print(f.line())
        errors = sum(f.severity == ERROR for f in findings)
        if last is not None:
            from gkassist.checks.repetition import compare

            rep = compare(report, last)
            print(f"与{last.year}年度报告的重复率：{rep.overall:.0%}")
        print(f"共 {errors} 个错误，{len(findings) - errors} 个提醒" if findings else "没有发现问题")
    return EXIT_FINDINGS if any(f.severity == ERROR for f in findings) else EXIT_OK


def cmd_import(args) -> int:
    from gkassist.core.files import atomic_write
    from gkassist.importer import import_file

    result = import_file(args.input)
    report = result.report
    if args.to_2021:
        from gkassist.core.derive import next_year_draft

        report, missing = next_year_draft(report)
        print(f"已转为{report.year}年度2021年版草稿；需要补充：{'、'.join(missing) or '无'}", file=sys.stderr)
    data = report.to_json()
    if args.output:
        atomic_write(args.output, data + "\n")
    else:
        print(data)
    print(result.summary(), file=sys.stderr)
    return EXIT_OK


def cmd_suggest(args) -> int:
    from gkassist.corpus import suggest_command

    return suggest_command(args)


def cmd_corpus(args) -> int:
    from gkassist.corpus import corpus_command

    return corpus_command(args)


def cmd_draft(args) -> int:
    from_file, year, agency = getattr(args, "from_file", None), getattr(args, "year", None), getattr(args, "agency", None)
    if year is not None and not 2008 <= year <= 2100:
        raise InputError(f"--year：{year} 不是有效的报告年度（2008—2100）")
    if getattr(args, "answers", None):
        from gkassist import headless
        from gkassist.dialogue.session import open_session

        answers = headless.read_answers(args.answers)
        engine, notice = open_session(from_file, year, agency)
        headless.run(engine, notice, answers)
        if args.output:
            headless.export(engine, args.output)
        return EXIT_OK
    if getattr(args, "output", None):
        raise InputError("-o 只能和 --answers 一起用；在界面里用 Ctrl+E 导出")
    from gkassist.tui.app import run_app

    return run_app(from_file, year, agency)


def cmd_drafts(args) -> int:
    from gkassist.dialogue.session import describe_drafts

    rows = describe_drafts()
    if not rows:
        print("还没有草稿。用 gkassist draft 开始起草。")
        return EXIT_OK
    for row in rows:
        print(f"{row.agency} {row.year}年度 · {row.progress} · {row.errors}个错误，{row.warnings}个提醒 · "
              f"保存于 {row.saved:%Y-%m-%d %H:%M} · {row.path}")
    return EXIT_OK


COMMANDS = {"render": cmd_render, "check": cmd_check, "import": cmd_import, "suggest": cmd_suggest,
            "corpus": cmd_corpus, "draft": cmd_draft, "drafts": cmd_drafts}


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    command = args.command or "draft"
    try:
        return COMMANDS[command](args)
    except InputError as e:
        print(f"gkassist：{e}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
