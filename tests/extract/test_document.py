"""The document index (extract/document.py): built once per document with the entities, read by every extractor
after them, never sent to another process. Sentences written for these tests."""

from __future__ import annotations

import pickle

import pytest

from elitewatch.extract import document, quotes
from elitewatch.extract.document import DocumentIndex as Index
from elitewatch.extract.registry import PIPELINE
from elitewatch.model import Analysis, Document
from elitewatch.nlp import parse_documents

TEXT = (
    "Foreign Minister Karin Holt met Prime Minister Tomas Berg in Oslo on Monday.\n"
    "“We have agreed on the new border crossings,” Holt said after the talks.\n"
    "Berg was appointed prime minister in 2021."
)


@pytest.fixture(scope="module")
def analysis() -> Analysis:
    [parsed] = parse_documents([Document(id="t", text=TEXT, source="<test>", published="2024-03-06")])
    return PIPELINE(Analysis(parsed=parsed))


def test_one_index_per_document_whichever_extractors_read_it(monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[Index] = []
    init = Index.__init__

    def counted(self: Index, *args: object, **kwargs: object) -> None:
        init(self, *args, **kwargs)  # type: ignore[arg-type]
        built.append(self)

    monkeypatch.setattr(document.DocumentIndex, "__init__", counted)
    [parsed] = parse_documents([Document(id="t", text=TEXT, source="<test>", published="2024-03-06")])
    done = PIPELINE(Analysis(parsed=parsed))
    assert built == [done.index]
    assert done.quotes and done.positions and done.events  # quotes, offices and events all read it
    # used alone, an extractor builds its own
    quotes.extract_quotes(parsed, done.entities, anchor="2024-03-06")
    assert len(built) == 2


def test_the_shared_index_gives_the_extractors_what_their_own_would(analysis: Analysis) -> None:
    alone = Index(analysis.parsed, analysis.entities)
    assert analysis.index.starts == alone.starts and analysis.index.children == alone.children
    assert analysis.index.mentions == alone.mentions and analysis.index.topic == alone.topic
    # the quotes found with the shared index are those found with an index of their own
    assert quotes.extract_quotes(analysis.parsed, analysis.entities, anchor="2024-03-06") == analysis.quotes


def test_an_analysis_leaves_its_index_behind_when_it_goes_to_another_process(analysis: Analysis) -> None:
    assert analysis.index is not None
    copy = pickle.loads(pickle.dumps(analysis))
    assert copy.index is None and analysis.index is not None
    assert copy.quotes == analysis.quotes and copy.entities == analysis.entities
