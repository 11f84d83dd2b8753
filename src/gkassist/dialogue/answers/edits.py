"""The edits a later answer makes to what the earlier ones said, each with a name: the reader turns a fact of a new
answer into one of these (t3.edit_of, tried as a small table of rules), and applying it changes the state's facts.

- Add: a new count of applications or results;
- Refine: fills in a part left open (a reason for a result said by its group, the kind of part of a count said
  for every kind);
- Move: the same cases into another row or kind (“那件其实是信访类的”, “其中1件应为部分公开”);
- Set: a figure said again replaces it (“公开的是4件”), a kind said replaces the same row said without one;
- Zero: “没有”, “一件都没有”, “没有人告到法院”, “重复申请没有” — that row or kind is 0 (its facts go);
- Answer: a bare count (“就1件”, “12”) fills the clause the reader asked about (state.Open);
- Aside: a fact for another table, kept for its question.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from gkassist.dialogue.answers.state import Fact


@dataclass
class Add:
    fact: Fact

    def apply(self, kept: list[Fact]) -> None:
        kept.append(self.fact)


@dataclass
class Move:
    """`count` of `source`'s cases (all of them when None) are `fact`'s instead."""

    fact: Fact
    source: Fact
    count: float | None = None

    def apply(self, kept: list[Fact]) -> None:
        moved = self.count if self.count is not None else self.source.count
        if self.source.count is not None and moved is not None and self.source.count > moved:
            self.source.count -= moved
        elif self.source in kept:
            kept.remove(self.source)
        self.fact.count = moved if self.fact.count is None else self.fact.count
        kept.append(self.fact)


@dataclass
class Refine:
    """`target` takes the parts `fact` says of it (its reason, its kind, its count), `fact` itself adds nothing."""

    target: Fact
    fact: Fact
    parts: tuple[str, ...] = ("row", "kind", "count")

    def apply(self, kept: list[Fact]) -> None:
        for part in self.parts:
            said = getattr(self.fact, part)
            if said is not None and (part != "kind" or getattr(self.target, part) is None):
                setattr(self.target, part, said)


@dataclass
class Split:
    """`fact` is part of each of `wholes` said for every kind (“公开11件”, then “企业那边公开4件”): taken out of them."""

    fact: Fact
    wholes: list[Fact]

    def apply(self, kept: list[Fact]) -> None:
        for g in self.wholes:
            if g.count is not None and self.fact.count is not None and g.count > self.fact.count:
                g.count -= self.fact.count
            elif g in kept:
                kept.remove(g)
        kept.append(self.fact)


@dataclass
class Set:
    """`fact` puts `replaced` right: they go, and it takes the kind (and, not for a result, the count) they had."""

    fact: Fact
    replaced: list[Fact] = field(default_factory=list)
    inherit_kind: bool = True

    def apply(self, kept: list[Fact]) -> None:
        for g in self.replaced:
            if g in kept:
                kept.remove(g)
        if self.fact.kind is None and self.inherit_kind and self.replaced:
            self.fact.kind = self.replaced[0].kind
        if self.fact.count is None and self.replaced and self.fact.what != "result":
            self.fact.count = self.replaced[0].count
        kept.append(self.fact)


@dataclass
class Zero:
    """Everything said of `row` (and `kind`, when given) is 0: “重复申请没有”, “诉讼一件都没有”."""

    what: str
    row: str | None
    kind: str | None = None

    def apply(self, kept: list[Fact]) -> None:
        kept[:] = [g for g in kept if not (g.what == self.what and (self.row is None or g.row == self.row)
                                           and (self.kind is None or g.kind == self.kind))]


Edit = Add | Move | Refine | Split | Set | Zero
