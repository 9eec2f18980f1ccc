"""Dating across facts, after the facts it dates: a quote said at a dated speech event takes its date (and
the event the day a quote in it gives), an office taken in an appointment the same sentence tells starts on
the appointment's date, and the predecessor's term ends then; the receiver of an envoy's credentials holds
their office in the country the envoy is sent to."""

from __future__ import annotations

import bisect
import re

from elitewatch.extract import confidence
from elitewatch.extract.events.lexicon import groups
from elitewatch.extract.positions.lexicon import any_language
from elitewatch.model import Event, Position, Quote
from elitewatch.vocabulary.offices import office_head

EXTRACTOR = "dating"
VERSION = "1"

# How far after a speech event a quote may still be read as said at it, in paragraphs; set by hand with the
# events extractor (b3fb7af), not swept on a dev set.
FOLLOWING_PARAGRAPHS = 2


def date_quotes(text: str, quotes: list[Quote], events: list[Event]) -> None:
    """Quotes and the speech events they were said at (a press conference, an address, an interview) date
    each other: a quote with no date of its own, in the paragraph of an event its speaker took part in,
    was said that day; an event known only to the month takes the day a participant's quote in it or in
    the next paragraphs gives ("a week later, during a press conference …" then "he said on December 4")."""
    speech = [e for e in events if e.type in groups().speech_events]
    if not speech or not quotes:
        return
    lines = [m.start() for m in re.finditer("\n", text)]
    quote_paragraph = [bisect.bisect_left(lines, q.start) for q in quotes]
    for event in speech:
        if not event.date or len(event.date) >= 10:
            continue
        paragraph = bisect.bisect_left(lines, event.trigger_start)
        for quote, where in zip(quotes, quote_paragraph, strict=True):
            if (
                quote.said_on
                and len(quote.said_on) == 10
                and quote.said_on.startswith(event.date)
                and quote.speaker in event.participants
                and paragraph <= where <= paragraph + FOLLOWING_PARAGRAPHS
            ):
                event.date = quote.said_on
                break
    event_paragraph = [bisect.bisect_left(lines, e.trigger_start) for e in speech]
    for quote, where in zip(quotes, quote_paragraph, strict=True):
        if quote.said_on is not None or quote.speaker is None:
            continue
        for event, paragraph in zip(speech, event_paragraph, strict=True):
            if event.date is not None and quote.speaker in event.participants and paragraph == where:
                quote.said_on = event.date
                break


def date_positions(positions: list[Position], events: list[Event]) -> None:
    """An office the text shows being taken ("X, who assumed office on March 20", "X was appointed … by the
    decree of January 29, 2020") starts on the date of that appointment, told in the same sentence; the
    predecessor's term in that office ends then."""
    for position in positions:
        if position.start is not None:
            continue
        for event in events:
            if (
                event.type == "appointment"
                and event.date
                and event.participants[:1] == [position.person]  # the one appointed, not who appointed
                and event.sentence_start == position.sentence_start
            ):
                position.start = event.date
                break
    _end_with_successor(positions)


def _end_with_successor(positions: list[Position]) -> None:
    """A predecessor's term ends when the successor's began: the office both are given by one phrase ("his
    predecessor Y", "Y, X's predecessor as ambassador"), the successor's start known."""
    for position in positions:
        if position.pattern != "predecessor" or position.end is not None:
            continue
        successor = next(
            (
                other
                for other in positions
                if other.person != position.person
                and other.start
                and other.evidence_start <= position.evidence_start < other.evidence_end
            ),
            None,
        )
        if successor is not None:
            position.end = successor.start


def place_receivers(positions: list[Position], events: list[Event]) -> None:
    """An envoy presents credentials to the head of the state they are sent to: in a credentials event, an
    office of the receiver whose country was only implied (the document's country, "President Vladimir
    Putin" in a story about Kazakhstan's ambassador) is the country the envoy's office is "to"."""
    implied = confidence.positions().implied_country
    for event in events:
        if event.type != "credentials":
            continue
        sent_to = [
            p
            for p in positions
            if p.person in event.participants and p.org_text and office_head(p.role) in any_language("envoys")
        ]
        if not sent_to:
            continue
        envoy = sent_to[0]
        for position in positions:
            if (
                position.person in event.participants
                and position.person != envoy.person
                and position.confidence <= implied
                and position.org_text != envoy.org_text
            ):
                position.org, position.org_text = envoy.org, envoy.org_text
