"""Sentences of rendered reports (`gkassist render` output) an evaluator would strike for their words: per report,
the sentences of the prose (preface, 一, 五, 六) that still hold an everyday, relative-time or spoken word, a
self-repair, a filler, or that the product's own rules still mark as spoken.  The word list is the benchmark's
own (fixed, not the product's rules), so that a rule added to prompts/ cannot move the yardstick.
Usage: spoken_left.py REPORT.txt...   Prints figures; asserts nothing."""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from gkassist.dialogue.sentences import is_spoken  # noqa: E402

EVERYDAY = re.compile(
    r"今年|去年|明年|前年|我们|咱们|局里|镇里|街道里|委里|办里|搞|弄|推了|发了|这些[。；]|之类|什么的|多条|[吧呢啊嘛](?=[，。；]|$)|"
    r"了[。；，]|粉丝|挺好|啥|咋|挂了?\d|挂网|挂了|贴了|捋|摆上|换新|下村查|那个|这块|那块|哦|不对，|说错了|——|对，|"
    r"都改完|改完了|没发现啥|自己又|一两周|有时候|开了\d|发了\d|问了|告诉他|人家|都更新|去复议|才\d|还弄|还搞|定个|"
    r"报告报告|其他没|要报的|调整到|光靠|几个通知|有几[份个条件]|还在用|兼着|重新调(?!整)|开展[^，。；]{0,8}(?:专栏|栏目)")


def prose(text: str) -> list[str]:
    keep, lines = True, []
    for line in text.splitlines():
        if re.match(r"^[二三四]、", line):
            keep = False
        if re.match(r"^[一五六七]、", line):
            keep = True
        if keep and line.strip() and "|" not in line and not re.match(r"^[一五六七]、", line):
            lines.append(line.strip())
    return lines


def main() -> None:
    total = 0
    for name in sys.argv[1:]:
        sentences = [s for line in prose(Path(name).read_text(encoding="utf-8"))
                     for s in re.findall(r"[^。；！？]+[。；！？]?", line) if len(s.strip("。；")) > 1]
        bad = [s for s in sentences if EVERYDAY.search(s) or is_spoken(s)]
        total += len(bad)
        print(f"{Path(name).stem:<20} {len(bad):>3} of {len(sentences):>3} sentences")
        for s in bad:
            print("      ", s)
    print("total", total)


if __name__ == "__main__":
    main()
