"""The analysis components: an order derived from what each declares it needs and sets."""

from __future__ import annotations

import itertools

import pytest

from elitewatch.extract.component import Component, Pipeline, component, ordered
from elitewatch.extract.registry import COMPONENTS, PIPELINE
from elitewatch.model import Analysis


def noop(analysis: Analysis) -> None:
    return None


def step(name: str, requires: set[str] = set(), assigns: set[str] = set(), refines: set[str] = set()) -> Component:  # noqa: B006
    return component(name, "1", requires=requires, assigns=assigns, refines=refines)(noop)


def test_the_registered_order_follows_from_the_declarations_in_any_registration_order() -> None:
    expected = [
        "published",
        "entities",
        "quotes",
        "positions",
        "events",
        "entity_forms",
        "quote_holders",
        "roles",
        "dating",
        "claims",
    ]
    assert PIPELINE.names == expected
    for shuffled in itertools.islice(itertools.permutations(COMPONENTS), 0, None, 37):
        names = [c.name for c in ordered(shuffled)]
        # whatever the registration order, every component runs after what it requires
        assert names.index("entities") < names.index("quotes") < names.index("dating")
        assert names.index("quotes") < names.index("claims")  # nothing inside a direct quote is a claim
        # a quote goes to a role's holder once the offices are known, and before claims read the quotes
        assert names.index("positions") < names.index("quote_holders") < names.index("claims")
        assert names.index("published") < names.index("positions") < names.index("events") < names.index("dating")
        # a place's adjectives are added once every fact has read the entities as names
        assert max(names.index("quotes"), names.index("positions"), names.index("events")) < names.index("entity_forms")


def test_the_pipeline_version_names_every_component_and_its_version() -> None:
    assert PIPELINE.version == "+".join(f"{c.name}-{c.version}" for c in PIPELINE.components)
    assert {label.rsplit("-", 1)[0] for label in PIPELINE.version.split("+")} == set(PIPELINE.names)


def test_a_refiner_runs_after_what_assigns_and_two_refiners_keep_their_registration_order() -> None:
    make = step("make", {"parsed"}, {"quotes"})
    first = step("first", {"quotes"}, refines={"quotes"})
    second = step("second", {"quotes"}, refines={"quotes"})
    reader = step("reader", {"quotes"})
    assert [c.name for c in ordered([reader, second, first, make])] == ["make", "second", "first", "reader"]


def test_declarations_that_cannot_be_ordered_are_errors() -> None:
    with pytest.raises(ValueError, match="wait for each other"):
        ordered([step("a", {"quotes"}, {"events"}), step("b", {"events"}, {"quotes"})])
    with pytest.raises(ValueError, match="nothing assigns"):
        ordered([step("a", {"events"}, {"quotes"})])
    with pytest.raises(ValueError, match="no Analysis field"):
        step("a", {"tokens"})
    with pytest.raises(ValueError, match="refines what it does not require"):
        step("a", set(), refines={"quotes"})
    with pytest.raises(ValueError, match="share a name"):
        ordered([step("a", {"parsed"}), step("a", {"parsed"})])


def test_a_pipeline_runs_its_components_in_order_over_one_analysis() -> None:
    from elitewatch.model import Document, Parsed

    seen: list[str] = []

    def quote_maker(analysis: Analysis) -> None:
        seen.append("maker")

    def quote_reader(analysis: Analysis) -> None:
        seen.append("reader")

    reader = component("reader", "1", requires={"quotes"})(quote_reader)
    maker = component("maker", "1", requires={"parsed"}, assigns={"quotes"})(quote_maker)
    Pipeline([reader, maker])(Analysis(parsed=Parsed(doc=Document(id="x", text="x", source="x"))))
    assert seen == ["maker", "reader"]
