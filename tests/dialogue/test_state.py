"""The engine's modes as one state object (issue 27, item 4): the question kinds receive it, never the engine, and
can propose and store through it alone."""

import ast
from pathlib import Path

import gkassist.dialogue.kinds as kinds_package
from gkassist.core.flow import steps_for
from gkassist.dialogue import Engine, kinds
from gkassist.dialogue.state import DialogueState, Modes
from gkassist.importer import import_file
from support import SEED


def test_a_kind_reads_and_stores_through_the_state_alone():
    last = import_file(SEED).report
    engine = Engine.start(last, 2021)
    state = DialogueState(engine.report.model_copy(deep=True), last, engine.step_index)
    step = state.step
    assert step.id == "requests" and state.steps == steps_for("2021").steps
    replies = kinds.of(step).understand(state, step, "自然人申请2件，予以公开2件")
    assert replies[0].kind == "understood" and state.pending is state.modes.pending and state.pending.cells
    kinds.of(step).store(state, step, state.pending)
    assert state.report.number("t3", "open", "natural") == 2
    assert engine.report.number("t3", "open", "natural") is None  # the engine's report is another one: untouched


def test_the_engines_modes_are_the_state_its_kinds_receive():
    engine = Engine.start(import_file(SEED).report, 2021)
    engine.answer("自然人申请2件，予以公开2件")
    assert engine.pending is engine.state.modes.pending is engine.modes.pending
    assert isinstance(engine.modes, Modes) and not engine.modes.asking_own
    engine.answer("改表二")
    assert engine.modes.return_to == 1 and engine.step.id == "proactive" and engine.pending is None


def test_no_kind_imports_the_engine_not_even_for_type_hints():
    for path in Path(kinds_package.__file__).parent.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
        imported |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        assert not {m for m in imported if m and m.startswith(("gkassist.dialogue.engine", "gkassist.dialogue.opening"))}, path
