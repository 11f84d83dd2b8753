"""The `gkassist` command: every non-interactive job, and `draft` (the default) for the chat app.

Exit status: 0 done (check: no 错误), 1 check found 错误, 2 the input cannot be used.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

from gkassist.core.errors import InputError

if TYPE_CHECKING:
    from gkassist.audit import Audit
    from gkassist.core.model import Report
    from gkassist.importer import ImportResult

EXIT_OK, EXIT_FINDINGS, EXIT_BAD_INPUT = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # argparse's English usage errors → one Chinese line, exit 2
        self.exit(EXIT_BAD_INPUT, f"gkassist：命令参数有误（{message}），用 gkassist --help 查看用法\n")


# Built once a process: parse_args never changes the parser, and main() is called in-process thousands of times by the
# tests (a whole conversation per clerk answer), where building the thirteen subcommands each time was a sixth of it.
@functools.cache
def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="gkassist", description="政府信息公开工作年度报告助手")
    sub = p.add_subparsers(dest="command", parser_class=_Parser)

    r = sub.add_parser("render", help="把报告输出为 .docx / .txt / .md / .html")
    r.add_argument("input", help="报告 JSON 或已发布的年报文件")
    r.add_argument("-o", "--output", required=True, action="append", help="输出文件，可给多个")

    c = sub.add_parser("check", help="检查勾稽关系和常见问题")
    c.add_argument("input", nargs="+", help="一个或多个报告文件")
    c.add_argument("--last-year", help="上年报告（JSON 或已发布的年报文件）")
    c.add_argument("--json", action="store_true", help="以 JSON 输出问题列表")
    c.add_argument("--today", help="按这一天判断是否逾期（YYYY-MM-DD），默认今天")

    i = sub.add_parser("import", help="导入已发布的年报（.txt/.html/.docx/.pdf 或网址）为报告 JSON")
    i.add_argument("input", help="年报文件或网址（http:// 或 https://）")
    i.add_argument("-o", "--output", help="输出 JSON 文件（不给则打印到屏幕）")
    i.add_argument("--to-2021", action="store_true", help="同时转为下一年度的2021年版草稿")
    i.add_argument("--last-year", help="上年报告：表二数字连在一起时，用上年现行有效件数帮助拆分")

    s = sub.add_parser("suggest", help="从往年报告中查找可参考的写法")
    s.add_argument("query")
    s.add_argument("--section", default="总体情况")
    s.add_argument("--top", type=int, default=5)
    s.add_argument("--json", action="store_true")
    s.add_argument("--corpus", action="append", default=[], help="另加一个语料文件夹")
    from gkassist.core.levels import level_names

    s.add_argument("--level", help="只从同一层级单位的报告中找：" + " / ".join(f"{k} {v}" for k, v in level_names().items()))

    co = sub.add_parser("corpus", help="管理个人语料库")
    co_sub = co.add_subparsers(dest="corpus_command", parser_class=_Parser)
    ca = co_sub.add_parser("add")
    ca.add_argument("files", nargs="+")
    cr = co_sub.add_parser("remove", help="从个人语料库移出报告（给加入时的文件，或机关名称）")
    cr.add_argument("items", nargs="+", metavar="文件或机关")
    co_sub.add_parser("list")

    d = sub.add_parser("draft", help="打开对话式起草界面（默认）")
    d.add_argument("--from", dest="from_file", help="上年报告（JSON、已发布的年报文件或网址）")
    d.add_argument("--year", type=int, help="打开这一年度的草稿（写完的也可以打开修改）")
    d.add_argument("--agency", help="打开这个机关的草稿（名称的一部分即可）")
    d.add_argument("--new", action="store_true", help="新开一份草稿（另一个单位的），不打开已有的")
    d.add_argument("--answers", help="不开界面：按文件里的回答（每行一个）逐条回答，打印对话")
    d.add_argument("-o", "--output", action="append", default=[], help="（与 --answers 一起）回答完后导出，可给多个")

    sub.add_parser("drafts", help="列出草稿：机关、年度、进度、检查结果、保存时间、文件")

    a = sub.add_parser("audit", help="审核一个或多个文件夹里的全部年报（县政务公开办用）")
    a.add_argument("folders", nargs="*", help="报告所在的文件夹（.txt/.html/.docx/.pdf/.json 和草稿）")
    a.add_argument("--urls", help="网址名单（每行一个）：报告网页、附件，或年报栏目页（读取其中列出的报告）")
    a.add_argument("--last-year", action="append", default=[], help="上年报告所在的文件夹，按机关对照")
    a.add_argument("--units", help="应报单位名单（每行一个）：列出缺报的")
    a.add_argument("--today", help="按这一天判断起草中的报告是否逾期（YYYY-MM-DD），默认今天")
    a.add_argument("-o", "--output", action="append", default=[], help="审核结果：.html 和/或 .xlsx，可给多个")
    a.add_argument("--json", action="store_true", help="以 JSON 输出审核结果")
    a.add_argument("--workers", type=int, help="并行进程数（默认按 CPU 核数）")

    w = sub.add_parser("web", help="在单位内网上开网页版（文书在浏览器里起草，县政务公开办看报送情况）")
    w.add_argument("--data", help="数据文件夹：账号、各单位的草稿、报送的报告（默认用户数据目录下的 web）")
    w.add_argument("--host", default="127.0.0.1", help="监听的地址（内网访问用 0.0.0.0 或本机的内网地址）")
    w.add_argument("--port", type=int, default=8080)
    w.add_argument("--public-url", default="", help="文书访问的网址（经反向代理时，如 https://gkassist.xx.gov.cn/）")
    w_sub = w.add_subparsers(dest="web_command", parser_class=_Parser)
    wa = w_sub.add_parser("adduser", help="开设账号或重设密码（密码在终端里输入，或从标准输入读一行）")
    wa.add_argument("name", help="账号名")
    wa.add_argument("--unit", default="", help="这个账号的单位全称（文书账号必填）")
    wa.add_argument("--admin", action="store_true", help="县政务公开办的账号：看各单位报送情况、审核")
    wa.add_argument("--data", help="数据文件夹（与 gkassist web --data 相同）")
    return p


def _load(path: str, last: Report | None = None) -> tuple[Report, ImportResult | None]:
    from gkassist.importer import load_any

    return load_any(path, last)


def _written(out: Path, data: bytes | str, file: TextIO | None = None) -> None:
    """Write an output the user named (an existing file kept as a dated copy first) and say so."""
    from gkassist.core.files import write_output

    kept = write_output(out, data)
    print(f"已生成 {out}" + (f"（原来的同名文件留作备份：{kept}）" if kept else ""), file=file or sys.stdout)


def cmd_render(args: argparse.Namespace) -> int:
    from gkassist.core.files import check_output
    from gkassist.output import check_output_names, render_bytes

    report, result = _load(args.input)
    outputs = [Path(o) for o in args.output]
    check_output_names(outputs)
    for out in outputs:  # all before any is written: the report read, a read-only file, a looping link
        check_output(out, [args.input])
    rendered = [(out, render_bytes(report, out.suffix)) for out in outputs]
    for out, data in rendered:
        _written(out, data)
    if result is not None and result.partial:
        print("注意：" + result.summary(), file=sys.stderr)
    return EXIT_OK


def _today(value: str | None) -> date:
    try:
        return date.fromisoformat(value) if value else date.today()
    except ValueError:
        raise InputError(f"--today：“{value}”不是 YYYY-MM-DD 格式的日期") from None


def cmd_check(args: argparse.Namespace) -> int:
    from gkassist.checks import ERROR, check

    today = _today(args.today)
    last = _load(args.last_year)[0] if args.last_year else None
    if len(args.input) > 1:
        return _check_several(args, last, today)
    report, result = _load(args.input[0], last)
    findings = check(report, last, today=today if report.origin == "draft" else None)
    if args.json:
        print(_harmless(json.dumps([f.to_dict() for f in findings], ensure_ascii=False, indent=2)))
    else:
        if result is not None:
            print(_harmless(result.summary()))
        for f in findings:
            print(_harmless(f.line()))
        errors = sum(f.severity == ERROR for f in findings)
        if last is not None:
            from gkassist.core.repetition import compare

            rep = compare(report, last)
            print(f"与{last.year}年度报告的重复率：{rep.overall:.0%}")
        print(f"共 {errors} 个错误，{len(findings) - errors} 个提醒" if findings else "没有发现问题")
    return EXIT_FINDINGS if any(f.severity == ERROR for f in findings) else EXIT_OK


def _check_several(args: argparse.Namespace, last: Report | None, today: date) -> int:
    """Several files: each checked the same way; an unusable one is reported and the rest still checked."""
    from gkassist.checks import ERROR, SEVERITY_LABELS, check

    results: list[dict[str, Any]] = []  # as --json prints them
    worst = EXIT_OK
    for name in args.input:
        try:
            report, _ = _load(name, last)
        except InputError as e:
            results.append({"file": name, "error": str(e), "findings": []})
            worst = EXIT_BAD_INPUT
            continue
        findings = check(report, last, today=today if report.origin == "draft" else None)
        results.append({"file": name, "agency": report.agency, "year": report.year, "findings": [f.to_dict() for f in findings]})
        if worst != EXIT_BAD_INPUT and any(f.severity == ERROR for f in findings):
            worst = EXIT_FINDINGS
    if args.json:
        print(_harmless(json.dumps(results, ensure_ascii=False, indent=2)))
        return worst
    for r in results:
        if r.get("error"):
            print(_harmless(f"== {r['file']}：无法使用（{r['error']}）"))
            continue
        errors = sum(f["severity"] == ERROR for f in r["findings"])
        print(_harmless(f"== {r['file']}：{r['agency']} {r['year']}年度，{errors}个错误，{len(r['findings']) - errors}个提醒"))
        for f in r["findings"]:
            print(_harmless(f"  [{SEVERITY_LABELS[f['severity']]}] {f['rule']} {f['location']}：{f['message']}"))
    return worst


def cmd_audit(args: argparse.Namespace) -> int:
    from gkassist.audit import read_units, read_urls, report_files, run_audit
    from gkassist.audit.output import to_html, to_json, to_xlsx
    from gkassist.core import fileformats
    from gkassist.core.files import check_output

    outputs = [Path(o) for o in args.output]
    read = [args.units, args.urls, *(report_files([*args.folders, *args.last_year]) if outputs else [])]
    for out in outputs:
        if out.suffix.lower() not in fileformats.suffixes("audit"):
            raise InputError(f"{out}：审核结果只能输出为 {fileformats.listed('audit')}")
        # before the audit's minutes, not after; never one of the files it reads (a hard link to one of them
        # included), never inside a folder it reads
        check_output(out, read, [*args.folders, *args.last_year])
    if not outputs and not args.json:
        raise InputError("请用 -o 审核.html、-o 审核.xlsx 或 --json 指定审核结果输出到哪里")
    if not args.folders and not args.urls:
        raise InputError("请给出报告所在的文件夹，或用 --urls 给出网址名单")
    if args.workers is not None and not 1 <= args.workers <= 64:
        raise InputError("--workers：请给 1 到 64 之间的数")
    units = read_units(args.units) if args.units else []
    today = _today(args.today)
    progress = _progress_bar() if sys.stderr.isatty() else None
    urls = read_urls(args.urls) if args.urls else []
    audit = run_audit(args.folders, args.last_year, units, today, args.workers, progress.update if progress else None, urls=urls)
    if progress:
        progress.close()
    writers: dict[str, Callable[[Audit], str | bytes]] = {"html": to_html, "json": to_json, "xlsx": to_xlsx}  # by the kinds core.fileformats lists for an audit
    for out in outputs:
        kind = fileformats.kind_of(out)
        assert kind is not None  # its suffix was checked above
        data = writers[kind.id](audit)
        _written(out, data, file=sys.stderr)
    if args.json:
        print(_harmless(to_json(audit)))
    bad = sum(1 for u in audit.units if u.error or u.errors)
    print(f"共审核{len(audit.units)}份报告：{bad}份有错误或无法读取"
          + (f"；缺报{len(audit.missing)}个单位" if audit.missing else "")
          + (f"；重复报送{len(audit.duplicates)}处" if audit.duplicates else ""), file=sys.stderr)
    return EXIT_FINDINGS if bad or audit.missing else EXIT_OK


class _progress_bar:
    """A progress bar on the terminal (rich comes with Textual); nothing when the output is not a terminal."""

    def __init__(self) -> None:
        from rich.progress import Progress

        self.bar = Progress(transient=True)
        self.task = self.bar.add_task("审核中", total=None)
        self.bar.start()

    def update(self, done: int, total: int) -> None:
        self.bar.update(self.task, completed=done, total=total)

    def close(self) -> None:
        self.bar.stop()


def cmd_import(args: argparse.Namespace) -> int:
    from gkassist.core.files import check_output
    from gkassist.importer import import_source

    if args.output:  # never the report being read (“import r.txt -o r.txt”), never a read-only file
        check_output(Path(args.output), [args.input, args.last_year])
    result = import_source(args.input)
    if args.last_year:
        result.settle_with_last_year(_load(args.last_year)[0])
    report = result.report
    if args.to_2021:
        from gkassist.core.derive import next_year_draft

        report, missing = next_year_draft(report)
        print(f"已转为{report.year}年度草稿（{report.format.name}格式）；需要补充：{'、'.join(missing) or '无'}", file=sys.stderr)
    data = report.to_json()
    if args.output:
        from gkassist.core.files import write_output

        if kept := write_output(Path(args.output), data + "\n"):
            print(f"原来的 {args.output} 留作备份：{kept}", file=sys.stderr)
    else:
        print(_harmless(data))
    print(_harmless(result.summary()), file=sys.stderr)
    return EXIT_OK


def _warn(message: str) -> None:
    print(message, file=sys.stderr)


def cmd_suggest(args: argparse.Namespace) -> int:
    import re

    from gkassist.corpus import check_level, keywords, load_index, search, section_kind

    kind = section_kind(args.section)
    check_level(args.level)
    query = args.query.strip()
    if not query:
        raise InputError("请写几句今年做了什么（例如：“今年重点公开了财政预决算和惠民补贴”）")
    query = query[:20000]
    if not re.search(r"[\u4e00-\u9fff]", query):
        raise InputError("请用中文描述今年的工作，语料库里是中文报告")
    index = load_index(args.corpus, _warn)
    results = search(index, query, kind, max(1, args.top), level=args.level, warn=_warn)
    words = keywords(query)
    if args.json:
        print(_harmless(json.dumps({"keywords": words, "suggestions": [s.to_dict() for s in results]}, ensure_ascii=False, indent=2)))
        return EXIT_OK
    if not words:
        print("没有从这句话里找到关键词（只有常用字词或标点），请多写一些具体内容")
        return EXIT_OK
    if not results:
        print(f"关键词：{'、'.join(words)}；语料库里没有找到合适的句子")
        return EXIT_OK
    print(f"关键词：{'、'.join(words)}")
    for i, s in enumerate(results, 1):
        print(_harmless(f"{i}. {s.text}"))
        print(_harmless(f"   出处：{s.agency} {s.year}年度报告 · {s.section}；匹配：{'、'.join(dict.fromkeys(s.matched))}"))
    print("〔…〕 处是原报告的机关、地名、年份和数字，请换成本单位今年的实际情况")
    return EXIT_OK


def cmd_corpus(args: argparse.Namespace) -> int:
    from gkassist import corpus

    if args.corpus_command == "add":
        added = corpus.add_to_own(args.files, _warn)
        for report, dest, partial in added:
            print(_harmless(f"已加入：{report.agency} {report.year}年度{'（部分结果）' if partial else ''} → {dest}"))
        return EXIT_OK if added else EXIT_BAD_INPUT
    if args.corpus_command == "remove":
        removed = corpus.remove_from_own(args.items, _warn)
        for r, kept in removed:
            print(_harmless(f"已移出：{r['agency']} {r['year']}年度（副本留在 {kept}）"))
        return EXIT_OK if removed else EXIT_BAD_INPUT
    print(f"{'机关':<24}{'年度':<8}{'句子':<6}来源")
    for r in corpus.load_index([], _warn).reports:
        where = "我的报告" if r["own"] else ("随附样例" if "samples" in r["source"] else r["source"])
        print(_harmless(f"{r['agency']:<24}{r['year']:<8}{r['sentences']:<6}{where}"))
    return EXIT_OK


def cmd_draft(args: argparse.Namespace) -> int:
    from_file, year, agency = getattr(args, "from_file", None), getattr(args, "year", None), getattr(args, "agency", None)
    new = getattr(args, "new", False)
    if year is not None and not 2008 <= year <= 2100:
        raise InputError(f"--year：{year} 不是有效的报告年度（2008—2100）")
    if getattr(args, "answers", None):
        from gkassist import headless
        from gkassist.dialogue.opening import open_session
        from gkassist.dialogue.session import lock_draft

        headless.check_outputs(args.output, [from_file, args.answers])  # before a single answer is given
        answers = headless.read_answers(args.answers)
        engine, notice = open_session(from_file, year, agency, new)
        headless.check_outputs(args.output, [engine.path])  # nor the draft itself
        stalls: list[str] = []
        with lock_draft(engine):  # handed to the engine: its saves take it wherever the draft is written
            headless.run(engine, notice, answers, stalls=stalls)
            if args.output:
                headless.export(engine, args.output)
        return EXIT_FINDINGS if stalls else EXIT_OK  # a file that merely ends early is no stall
    if getattr(args, "output", None):
        raise InputError("-o 只能和 --answers 一起用；在界面里用 Ctrl+E 导出")
    from gkassist.tui.app import run_app

    return run_app(from_file, year, agency, new)


def cmd_drafts(args: argparse.Namespace) -> int:
    from gkassist.dialogue.opening import describe_drafts

    rows = describe_drafts()
    if not rows:
        print("还没有草稿。用 gkassist draft 开始起草。")
        return EXIT_OK
    for row in rows:
        print(_harmless(f"{row.agency} {row.year}年度 · {row.progress} · {row.errors}个错误，{row.warnings}个提醒 · "
                        f"保存于 {row.saved:%Y-%m-%d %H:%M} · {row.path}"))
    return EXIT_OK


def cmd_web(args: argparse.Namespace) -> int:
    from gkassist.paths import web_data_dir

    data = Path(args.data) if args.data else web_data_dir()
    if getattr(args, "web_command", None) == "adduser":
        import getpass

        from gkassist.web.accounts import Accounts

        if sys.stdin.isatty():
            password = getpass.getpass(f"账号 {args.name} 的密码：")
            if getpass.getpass("再输一次：") != password:
                raise InputError("两次输入的密码不一样，账号没有改动")
        else:
            password = sys.stdin.readline().rstrip("\r\n")
        account = Accounts(data).add(args.name, password, args.unit, args.admin)
        role = "县政务公开办（管理）" if account.admin else ""
        print(f"已保存账号 {account.name}：{account.unit or ''}{role}（{data}）")
        return EXIT_OK
    try:
        from gkassist.web.app import run
    except ImportError:
        raise InputError("网页版需要另装几个包：pip install 'gkassist[web]'") from None
    if not 1 <= args.port <= 65535:
        raise InputError(f"--port：{args.port} 不是有效的端口（1—65535）")
    run(data, args.host, args.port, args.public_url)
    return EXIT_OK


COMMANDS = {"render": cmd_render, "check": cmd_check, "import": cmd_import, "suggest": cmd_suggest,
            "corpus": cmd_corpus, "draft": cmd_draft, "drafts": cmd_drafts, "audit": cmd_audit,
            "web": cmd_web}


def main(argv: list[str] | None = None) -> int:
    """Every command behind one guard: whatever goes wrong is one Chinese line and exit 2, never a traceback."""
    args = _parser().parse_args(argv)
    for name, value in vars(args).items():  # the cached parser's list defaults (-o, --corpus) are never shared
        if isinstance(value, list):
            setattr(args, name, list(value))
    command = args.command or "draft"
    try:
        code = COMMANDS[command](args)
        sys.stdout.flush()
        return code
    except InputError as e:
        _say(f"gkassist：{e}")
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `gkassist … | head -1`: the reader has gone; not an error of the input
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except RecursionError:
        _say("gkassist：输入嵌套层数太多（不是一份年度报告的结构），无法处理")
    except MemoryError:
        _say("gkassist：输入太大，内存不够，无法处理；请确认选对了文件")
    except OSError as e:
        _say(f"gkassist：读写文件失败（{e.strerror or e}{'：' + str(e.filename) if e.filename else ''}）")
    except Exception as e:  # noqa: BLE001 — the last guard: a bug must still end in words a clerk can pass on
        _say(f"gkassist：出现了意外的内部错误（{type(e).__name__}：{str(e)[:200]}）。"
             "请把这条消息、所用的命令和文件发给维护人员；您的草稿不受影响。")
    return EXIT_BAD_INPUT


def _say(message: str) -> None:
    try:
        print(_harmless(message), file=sys.stderr)
    except OSError:
        pass


def _harmless(text: str) -> str:
    """Text from a report on its way to a terminal: each control character shown as “\\u001b” instead of acting
    (also a valid escape inside the JSON printed)."""
    from gkassist.core.controls import visible

    return visible(text)


if __name__ == "__main__":
    sys.exit(main())
