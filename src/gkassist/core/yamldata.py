"""YAML data files (the formats, prompts/) read into pydantic models, every mistake named with its file and line.

A wrong key, a missing one, a value of the wrong kind or a reference to something that does not exist is one
Chinese line — “prompts/problems.yaml：第12行：不认识的键“whne”” — when the file is loaded, not a KeyError in
the middle of a conversation.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from gkassist.core.errors import InputError

M = TypeVar("M", bound=BaseModel)

# The C loader is about ten times faster than the pure-Python one; fall back where libyaml is missing.
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_MESSAGES = {
    "extra_forbidden": "不认识的键",
    "missing": "缺少",
    "literal_error": "取值不在可选范围内",
    "string_type": "应为文字",
    "int_type": "应为整数",
    "int_parsing": "应为整数",
    "float_type": "应为数字",
    "float_parsing": "应为数字",
    "bool_type": "应为 true 或 false",
    "bool_parsing": "应为 true 或 false",
    "list_type": "应为列表",
    "tuple_type": "应为列表",
    "dict_type": "应为键值表",
    "model_type": "应为键值表",
    "model_attributes_type": "应为键值表",
}


@lru_cache(maxsize=8192)
def pattern(text: str) -> re.Pattern[str]:
    """`text` compiled, once per process.  The word lists of prompts/ hold more patterns than `re` keeps (512), so
    with `re`'s own cache each was compiled when checked at load and again when used, and again after every reload;
    compiling them is most of what opening a draft costs."""
    return re.compile(text)


@lru_cache(maxsize=8192)
def replacement(write: str) -> str | Callable[[re.Match[str]], str]:
    """`write` as `Pattern.sub` takes it at no cost where the pattern matches nothing: a template with group references
    (\\1, \\g<name>) as a function of the match, which `re` calls only on a match — given as text, `re` reads the
    template in Python on every call, matched or not, and an answer passes through hundreds of word-list patterns of
    prompts/ that mostly match nothing."""
    if "\\" not in write:
        return write
    return lambda m: m.expand(write)


def regex_checked(pattern_text: str) -> str:
    """A validator for prompts/ data: the text compiles as a regular expression (said in Chinese when it does not)."""
    try:
        pattern(pattern_text)
    except re.error as e:
        raise ValueError(f"“{pattern_text}”不是有效的正则表达式（{e}）") from None
    return pattern_text


def regexes_checked(patterns: tuple[str, ...]) -> tuple[str, ...]:
    """A validator for a word list of prompts/: every word compiles as a regular expression."""
    for pattern in patterns:
        regex_checked(pattern)
    return patterns


def load_model(path: Path, model: type[M], context: dict[str, Any] | None = None) -> M:
    """The file read and validated; InputError naming the file and line on any mistake."""
    try:
        text = path.read_text(encoding="utf-8")
        data = yaml.load(text, Loader=Loader)
    except yaml.MarkedYAMLError as e:
        # where the broken construct starts (a quote left open) is where to look, not where the parser gave up
        mark = e.context_mark or e.problem_mark
        line = mark.line + 1 if mark else "?"
        found = f"，第{e.problem_mark.line + 1}行发现" if e.context_mark and e.problem_mark else ""
        raise InputError(f"{path}：第{line}行：不是有效的 YAML（{e.problem}{found}）") from None
    except (yaml.YAMLError, OSError, UnicodeDecodeError) as e:
        raise InputError(f"{path}：无法读取（{e}）") from None
    try:
        return model.model_validate(data if data is not None else {}, context=context)
    except ValidationError as e:
        # the node tree (with line numbers) is composed only to say where the mistake is
        raise InputError(describe(path, yaml.compose(text, Loader=Loader), e)) from None


def describe(path: Path, node: Any, error: ValidationError) -> str:
    """The first validation error as “file：第N行：what”, the line found by following its location in the YAML."""
    errors = error.errors()
    # a misspelt key shows as that key unknown and the right one missing: the misspelling is what to say
    err = next((e for e in errors if e.get("type") == "extra_forbidden"), errors[0])
    loc = tuple(err.get("loc", ()))
    target, line = _node_at(node, loc)
    kind = err.get("type", "")
    what = _MESSAGES.get(kind)
    if kind == "extra_forbidden":
        message = f"{what}“{loc[-1]}”"
    elif kind == "missing":
        message = f"{what}“{loc[-1]}”"
    elif kind == "value_error":
        message = str(err.get("msg", "")).removeprefix("Value error, ")
    elif what:
        message = f"“{'.'.join(map(str, loc))}”{what}"
    else:
        message = f"“{'.'.join(map(str, loc))}”：{err.get('msg', '')}"
    return f"{path}：第{line}行：{message}"


def _node_at(node: Any, loc: tuple[str | int, ...]) -> tuple[Any, int | str]:
    """The deepest YAML node on the path `loc` (mapping keys and list indexes) and its line number."""
    line: int | str = node.start_mark.line + 1 if node is not None else "?"
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            found = next(((k, v) for k, v in node.value if k.value == part), None)
            if found is None:
                break
            key, node = found
            line = key.start_mark.line + 1
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
            line = node.start_mark.line + 1
        # pydantic puts union and tagged-model names into locations: skip what is no key or index
    return node, line


def line_of(path: Path, loc: tuple[str | int, ...]) -> int | str:
    """The line of a key or list item in a YAML file (for a mistake found after loading)."""
    try:
        node = yaml.compose(path.read_text(encoding="utf-8"), Loader=Loader)
    except (yaml.YAMLError, OSError, UnicodeDecodeError):
        return "?"
    return _node_at(node, loc)[1]
