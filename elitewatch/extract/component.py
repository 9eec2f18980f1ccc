"""Analysis components: each step of the analysis declares what it reads and what it sets.

In the spirit of spaCy's pipeline components: a component has a name and a version (both go into the
pipeline version, so that a store knows which documents an upgrade changes), the fields of the Analysis it
requires, the fields it assigns (creates) and the fields it refines (changes after others assigned them:
dating a quote by the event it was said at). The order the analysis runs in is derived from these
declarations, not written out by hand: a component runs after every other component that assigns a field it
requires, and after those that refine it unless they depend on it; ties keep the order of registration. A declaration that cannot be ordered (a cycle, a field nothing assigns) is an error when the
pipeline is built, not a wrong result later.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields

from elitewatch.model import Analysis

# What every analysis starts with: the parse (tokens, sentences, spans) of its document.
GIVEN = frozenset({"parsed"})
FIELDS = frozenset(f.name for f in fields(Analysis))


@dataclass(frozen=True)
class Component:
    name: str
    version: str
    run: Callable[[Analysis], None]
    requires: frozenset[str] = frozenset()
    assigns: frozenset[str] = frozenset()
    refines: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        unknown = (self.requires | self.assigns | self.refines) - FIELDS
        if unknown:
            raise ValueError(f"component {self.name}: no Analysis field {', '.join(sorted(unknown))}")
        if not self.refines <= self.requires:
            raise ValueError(f"component {self.name}: it refines what it does not require")

    @property
    def label(self) -> str:
        return f"{self.name}-{self.version}"


def component(
    name: str,
    version: str,
    *,
    requires: Iterable[str] = (),
    assigns: Iterable[str] = (),
    refines: Iterable[str] = (),
) -> Callable[[Callable[[Analysis], None]], Component]:
    """Declare a function of an Analysis as a component: `@component("quotes", "3", requires=…, assigns=…)`."""

    def declare(run: Callable[[Analysis], None]) -> Component:
        return Component(name, version, run, frozenset(requires), frozenset(assigns), frozenset(refines))

    return declare


def ordered(components: Iterable[Component]) -> list[Component]:
    """The components in an order where each runs after what it depends on (see the module's docstring)."""
    registered = list(components)
    names = [c.name for c in registered]
    if len(set(names)) != len(names):
        raise ValueError(f"two components share a name: {names}")
    available = set(GIVEN) | {f for c in registered for f in c.assigns}
    for item in registered:
        if missing := item.requires - available:
            raise ValueError(f"component {item.name} requires {', '.join(sorted(missing))}, which nothing assigns")
    before = _dependencies(registered)
    done: list[Component] = []
    pending = list(registered)
    while pending:
        ready = next((c for c in pending if not before[c.name] - {d.name for d in done}), None)
        if ready is None:
            raise ValueError(f"components wait for each other: {', '.join(c.name for c in pending)}")
        pending.remove(ready)
        done.append(ready)
    return done


def _dependencies(registered: list[Component]) -> dict[str, set[str]]:
    """For each component, the names of those that must run before it. What assigns a field runs before what
    requires it; what refines a field runs before what requires it too, unless the refiner itself depends on
    that component (events read the offices as found; dating then refines them by the events); two refiners
    of one field run in the order they were registered."""
    before: dict[str, set[str]] = {c.name: set() for c in registered}
    for item in registered:
        for other in registered:
            if other is not item and item.requires & other.assigns:
                before[item.name].add(other.name)
    for item in registered:
        for other in registered:
            if other is item or not item.requires & other.refines:
                continue
            if item.refines & other.refines and registered.index(other) > registered.index(item):
                continue  # the later of two refiners waits, not the earlier
            if item.name not in _ancestors(other.name, before):
                before[item.name].add(other.name)
    return before


def _ancestors(name: str, before: dict[str, set[str]]) -> set[str]:
    seen: set[str] = set()
    stack = list(before[name])
    while stack:
        if (current := stack.pop()) not in seen:
            seen.add(current)
            stack.extend(before[current])
    return seen


class Pipeline:
    """The registered components in the order their declarations give; `version` names them all."""

    def __init__(self, components: Iterable[Component]) -> None:
        self.components = ordered(components)
        self.version = "+".join(c.label for c in self.components)

    def __call__(self, analysis: Analysis) -> Analysis:
        for step in self.components:
            step.run(analysis)
        return analysis

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.components]
