"""The lines of a text that are not its prose: headings, datelines and bylines (issue 17, item 8).

The English model reads a capitalized word as a name, so in a heading ("Stealth Over Health: Hillary Clinton Was
Headed to ER But Diverted to Avoid Bad Optics", "GARLAND STEPS ASIDE") it finds names in every other word ("Avoid
Bad Optics", "Obama Says African", "President Obama Speech"), which then name the people of the prose and speak
for them. A heading is a line of Title Case or upper-case words (data/lexicon/layout.yaml), full stop or not;
a name the model finds there is left out unless the line is that name alone (a letter's signature, a photo
credit), and a name the prose uses is found there again by propagation. A dateline opens a paragraph with the
place the story was filed from and the agency that filed it ("WASHINGTON (AP) —", "HEMPSTEAD, N.Y., Sept. 26
(UPI) —", "MIDWAY ATOLL -"): its place is a place, its agency tag no mention (the writer's source, never a
speaker); an upper-case lead-in before a dash that is no place ("HE'S BEEN CALLED OUT BY FELLOW DOCTORS —") is a
heading. A byline ("By Jane Doe and Tom Hale") names the writers: people, never speakers of the quotes.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from functools import cache

from elitewatch.datafiles import load_words
from elitewatch.extract.pronouns import gender_words
from elitewatch.model import Mention
from elitewatch.vocabulary.countries import gazetteer_entry

LINE = re.compile(r"[^\n]+")
WORD = re.compile(r"(?<![\w'’\-])[^\W\d_][\w'’\-]*")  # a word that starts with a letter ("13th" is none)
# A paragraph's opening up to a dash: the head (a place, then a state or a date after commas), an agency tag in
# brackets, the dash ("—", "--", or a hyphen between spaces).
DATELINE = re.compile(
    r"(?P<head>[^\W\d_][^\n()—–―]{0,60}?)\s*(?:\((?P<agency>[^()\n]{0,30})\)\s*)?(?:[—–―]|--?(?=\s))\s*"
)
# A place is named in at most this many words ("SALT LAKE CITY"); more upper-case words before a dash are a
# lead-in heading. Set by hand from datelines of agency copy, not swept.
PLACE_WORDS = 4
# A state or a date after the place ("N.Y.", "Sept. 26"): words at most.
PART_WORDS = 3
AGENCY_WORDS = 3  # "(Associated Press)"
BYLINE_WORDS = 12
LINE_END = ".,;:!?…'\"“”‘’ \t"
DATELINE_EVIDENCE = "dateline"
BYLINE_EVIDENCE = "byline"


@dataclass(frozen=True)
class LayoutWords:
    title_case_minor: frozenset[str]
    byline_openers: frozenset[str]
    byline_joiners: frozenset[str]


@cache
def layout_words() -> LayoutWords:
    return load_words("lexicon/layout.yaml", LayoutWords)


@dataclass(frozen=True)
class Dateline:
    start: int
    place_end: int  # the place with its state and date end here, before the agency tag or the dash
    end: int  # after the dash
    agency: tuple[int, int] | None  # the words inside the brackets
    stated: bool  # an agency tag, a state or a date says it is a dateline (not only a place's shape)


@dataclass(frozen=True)
class Layout:
    headings: tuple[tuple[int, int], ...]  # heading lines, and upper-case lead-ins before a dash
    datelines: tuple[Dateline, ...]
    bylines: tuple[tuple[int, int], ...]
    first_line: tuple[int, int] | None

    def heading_at(self, start: int, end: int) -> tuple[int, int] | None:
        return _containing(self.headings, start, end)

    def dateline_at(self, start: int, end: int) -> Dateline | None:
        for dateline in self.datelines:
            if dateline.start <= start and end <= dateline.end:
                return dateline
        return None

    def in_byline(self, start: int, end: int) -> bool:
        return _containing(self.bylines, start, end) is not None

    def reserved(self) -> list[tuple[int, int]]:
        """Where no mention may be found: the agency tags of datelines ("(AP)")."""
        return [d.agency for d in self.datelines if d.agency is not None and d.agency[1] > d.agency[0]]


def _containing(spans: tuple[tuple[int, int], ...], start: int, end: int) -> tuple[int, int] | None:
    index = bisect_right([a for a, _ in spans], start) - 1
    if index >= 0 and spans[index][0] <= start and end <= spans[index][1]:
        return spans[index]
    return None


def read_layout(text: str) -> Layout:
    headings: list[tuple[int, int]] = []
    datelines: list[Dateline] = []
    bylines: list[tuple[int, int]] = []
    first: tuple[int, int] | None = None
    for match in LINE.finditer(text):
        line = match.group()
        if not line.strip():
            continue
        start = match.start() + len(line) - len(line.lstrip())
        end = match.start() + len(line.rstrip())
        if first is None:
            first = (start, end)
        if _is_byline(text[start:end]):
            bylines.append((start, end))
        elif _is_heading(text[start:end]):
            headings.append((start, end))
        else:
            found = _dateline(text, start, end)
            if isinstance(found, Dateline):
                datelines.append(found)
            elif found is not None:
                headings.append(found)
    return Layout(tuple(headings), tuple(datelines), tuple(bylines), first)


def _is_heading(line: str) -> bool:
    """A line of upper-case letters, or of Title Case words (two or more), that is no label before a colon."""
    words = WORD.findall(line)
    if not words or line.endswith(":"):
        return False
    letters = [c for c in line if c.isalpha()]
    if len(letters) >= 4 and not any(c.islower() for c in letters):
        return True
    minor = layout_words().title_case_minor
    return len(words) >= 2 and all(w[0].isupper() or w.lower() in minor for w in words)


def _is_byline(line: str) -> bool:
    """By Jane Doe, By JANE DOE and TOM HALE: the opener, then capitalized names only."""
    words = WORD.findall(line)
    vocabulary = layout_words()
    if len(words) < 2 or len(words) > BYLINE_WORDS or words[0].lower() not in vocabulary.byline_openers:
        return False
    if not line.lstrip().lower().startswith(words[0].lower()):
        return False
    rest = [w for w in words[1:] if w.lower() not in vocabulary.byline_joiners]
    return bool(rest) and all(w[0].isupper() for w in rest)


def _dateline(text: str, start: int, end: int) -> Dateline | tuple[int, int] | None:
    """The dateline opening the paragraph at `start`, an upper-case lead-in heading (its span), or None."""
    match = DATELINE.match(text, start, end)
    if not match:
        return None
    head = match.group("head")
    parts = [part.strip() for part in head.split(",")]
    place = parts[0]
    place_words = WORD.findall(place)
    if sum(c.isalpha() for c in place) < 2:
        return None
    upper = not any(c.islower() for c in place)
    titled = all(w[0].isupper() for w in place_words)
    agency = match.group("agency")
    if agency is not None and not _agency_tag(agency):
        return None  # "Dario Fo (24 March 1926, Sangiano) — Italian playwright": a name and its dates
    rest_ok = all(
        part and (part[0].isupper() or part[0].isdigit()) and len(part.split()) <= PART_WORDS for part in parts[1:]
    )
    if (upper or (titled and agency is not None)) and len(place_words) <= PLACE_WORDS and rest_ok:
        agency_span = (match.start("agency"), match.end("agency")) if agency is not None else None
        return Dateline(
            start, match.start("head") + len(head), match.end(), agency_span, agency is not None or len(parts) > 1
        )
    if upper and len(place_words) > PLACE_WORDS:
        return (start, match.start("head") + len(head))
    return None


def _agency_tag(words: str) -> bool:
    """(AP), (UPI), (Reuters), (): a few capitalized words without figures."""
    found = words.split()
    return len(found) <= AGENCY_WORDS and all(w[0].isupper() for w in found) and not any(c.isdigit() for c in words)


def place_mentions(mentions: list[Mention], layout: Layout, text: str) -> list[Mention]:
    """The model's mentions as the layout reads them: none from a heading (unless the line is the name), a
    dateline's place a place and its agency tag none, a byline's names the writers'."""
    kept: list[Mention] = []
    for mention in mentions:
        dateline = layout.dateline_at(mention.start, mention.end)
        if dateline is not None:
            place = _dateline_place(mention, dateline)
            if place is not None:
                kept.append(place)
            continue
        if layout.in_byline(mention.start, mention.end):
            kept.append(replace(mention, evidence=BYLINE_EVIDENCE))
            continue
        line = layout.heading_at(mention.start, mention.end)
        if line is not None and not (line != layout.first_line and _names_the_line(mention, text, line)):
            continue
        kept.append(mention)
    return kept


def _dateline_place(mention: Mention, dateline: Dateline) -> Mention | None:
    """“WASHINGTON”, “HEMPSTEAD, N.Y.” in a dateline: a place (in the case its name is written in prose); with
    neither an agency tag nor a state or date, only what is known to be a place."""
    if mention.end > dateline.place_end:
        return None  # the agency tag, or words run into the dash
    if not dateline.stated and mention.type != "place":
        entry = gazetteer_entry(mention.normal)
        if entry is None or entry.type != "place":
            return mention  # "NATO — the alliance …", «МИД РФ — …»: a name opening the sentence, no dateline
    normal = _prose_case(mention.normal) if mention.normal.isupper() else mention.normal
    return replace(mention, type="place", normal=normal, evidence=DATELINE_EVIDENCE)


def _prose_case(name: str) -> str:
    """WASHINGTON -> Washington, MIDWAY ATOLL -> Midway Atoll; an abbreviation keeps its letters (N.Y.)."""
    return " ".join(word if "." in word else word.capitalize() for word in name.split(" "))


def _names_the_line(mention: Mention, text: str, line: tuple[int, int]) -> bool:
    """A line that is the name alone: a letter's signature ("Michael Pravica."), a credit ("Getty/Instagram"), a
    place under a signature; a person's name so written opens with a given name ("Correction Appended" does not)."""
    if text[line[0] : line[1]].strip(LINE_END) != mention.text.strip(LINE_END):
        return False
    if mention.type != "person":
        return True
    first = mention.text.split()[0].lower().strip(".")
    words = gender_words()
    return first in words.male_given or first in words.female_given
