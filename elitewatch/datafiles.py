"""Loaders for the data files in elitewatch/data: gazetteers, lexicons, transliteration tables.

The files are meant to be read and extended by people who are not programmers, so they are
plain TSV and YAML; this module turns them into lookup structures once per process. What the words
mean (name keys, an office's head, the country a place names) is built on them in elitewatch.vocabulary.

Lexicons (data/lexicon/*.yaml) have one form: a key names a word list, a table or a value, and a list that
differs by language is written `key: {en: [...], ru: [...]}`. `load_words` fills a frozen dataclass from
one by field name, so a key no field takes (a typo, a list nobody reads) is an error, not silence.
"""

from __future__ import annotations

import csv
import dataclasses
import re
import types
import typing
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any, TypeVar

import yaml
from babel import Locale

from elitewatch.errors import DataFileError

DATA = resources.files("elitewatch") / "data"


def read_tsv(relative: str) -> list[dict[str, str]]:
    text = (DATA / relative).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    return [{k: (v or "") for k, v in row.items()} for row in reader]


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split("|") if part.strip()]


class _WordLoader(yaml.SafeLoader):
    """YAML's safe loader with the booleans of YAML 1.2: only true and false. YAML 1.1 also reads yes, no, on,
    off, y and n as booleans, which in a word list are words ("on" a speech preposition, «no» a particle)."""


_WordLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_WordLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


@cache
def read_yaml(relative: str) -> dict[str, Any]:
    loaded = yaml.load((DATA / relative).read_text(encoding="utf-8"), Loader=_WordLoader)  # a SafeLoader
    return loaded if isinstance(loaded, dict) else {}


T = TypeVar("T")

# The languages of the lexicons (a token is one or the other: elitewatch.nlp.words); a value that is a mapping
# of these keys only is per-language.
LANGUAGES = ("en", "ru")


def load_words(
    relative: str,
    into: type[T],
    *,
    language: str | None = None,
    section: str | None = None,
    read_elsewhere: Collection[str] = (),
    **derived: Any,
) -> T:
    """The dataclass `into` filled by field name from the YAML file `relative` (or its mapping `section`).

    Each key fills the field of its name, converted by the field's annotation (frozenset, tuple, dict, str,
    int, float, nested as annotated). With a `language`, a value written `{en: …, ru: …}` gives that language's
    entry (empty when the language is not listed); any other value is shared by every language. `derived`
    fills the fields the caller computes from the data (a key named like one is taken by it); keys in
    `read_elsewhere` are read by other code. A key that nothing takes, or a field that neither the file nor
    the caller fills, raises DataFileError.
    """
    data: Any = read_yaml(relative)
    source = relative
    if section is not None:
        data = data.get(section)
        source = f"{relative}: {section}"
        if not isinstance(data, Mapping):
            raise DataFileError(f"no mapping {section!r}", source=relative)
    return fill(into, data, source=source, language=language, read_elsewhere=read_elsewhere, **derived)


def fill(
    into: type[T],
    data: Mapping[str, Any],
    *,
    source: str,
    language: str | None = None,
    read_elsewhere: Collection[str] = (),
    **derived: Any,
) -> T:
    """`load_words` over data already read (`source` names it in errors)."""
    if not dataclasses.is_dataclass(into):
        raise TypeError(f"{into!r} is not a dataclass")
    fields = {field.name for field in dataclasses.fields(into)}
    strays = sorted(set(derived) - fields)
    if strays:
        raise TypeError(f"{into.__name__} has no fields {', '.join(strays)}")
    unknown = sorted(str(key) for key in data if key not in fields and key not in read_elsewhere)
    if unknown:
        raise DataFileError(f"no field of {into.__name__} takes {', '.join(unknown)}", source=source)
    missing = sorted(name for name in fields if name not in derived and name not in data)
    if missing:
        raise DataFileError(f"{into.__name__} needs {', '.join(missing)}, which the file lacks", source=source)
    hints = typing.get_type_hints(into)
    values = dict(derived)
    for name in fields - set(derived):
        value = data[name]
        if language is not None and _per_language(value):
            value = value.get(language)
        try:
            values[name] = _convert(value, hints[name])
        except (TypeError, ValueError) as error:
            raise DataFileError(f"{name}: {error}", source=source) from None
    return into(**values)


def union(items: Collection[T]) -> T:
    """Dataclasses of word sets (one per language) made one: each field the union of theirs."""
    first = next(iter(items))
    names = [field.name for field in dataclasses.fields(first)]  # type: ignore[arg-type]
    merged = {name: frozenset().union(*(getattr(item, name) for item in items)) for name in names}
    return type(first)(**merged)


def _per_language(value: Any) -> bool:
    return isinstance(value, Mapping) and bool(value) and all(key in LANGUAGES for key in value)


def _convert(value: Any, hint: Any) -> Any:
    """A YAML value as the annotation `hint` says; None (a language the list lacks) is the empty one."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (frozenset, set, tuple, list):
        if value is None:
            value = []
        if not isinstance(value, list):
            raise TypeError(f"expected a list, found {value!r}")
        item = args[0] if args else Any
        converted = [_convert(element, item) for element in value]
        return tuple(converted) if origin is tuple else origin(converted)
    if origin is dict:
        if value is None:
            value = {}
        if not isinstance(value, Mapping):
            raise TypeError(f"expected a mapping, found {value!r}")
        key_type, value_type = args if args else (Any, Any)
        return {_convert(k, key_type): _convert(v, value_type) for k, v in value.items()}
    if origin in (typing.Union, types.UnionType):
        return value
    if hint is Any:
        return value
    if value is None:
        raise TypeError("expected a value, found none")
    if isinstance(value, bool) and hint is not bool:
        raise TypeError(f"expected {hint.__name__}, found the boolean {value!r} (quote it to mean a word)")
    if hint in (str, int, float, bool):
        return hint(value)
    raise TypeError(f"cannot read a value as {hint!r}")


@dataclass(frozen=True)
class GazetteerEntry:
    name: str
    type: str  # "place" or "organization"
    kind: str  # country, capital, city, region, landmark, organization
    country: str
    forms: tuple[str, ...]  # every name form, English and Russian, acronyms included
    adjectives: tuple[str, ...]
    typos: tuple[str, ...] = ()  # acronyms with two neighbouring letters swapped: "CTSO" for "CSTO"
    # looked for in texts where the model found no name: not the countries only CLDR lists, whose names are
    # also words («Того», "Chad", "Jordan"); those are known when the model tags them
    searched: bool = True


@cache
def places() -> tuple[GazetteerEntry, ...]:
    """places.tsv, each country with its names in CLDR (cldr_countries), then every other country CLDR names."""
    entries = []
    countries = list(cldr_countries())
    for row in read_tsv("gazetteer/places.tsv"):
        forms = [row["name"], *_split(row["aliases_en"]), *_split(row["names_ru"])]
        if row["kind"] == "country":
            folded = {fold(form) for form in forms}
            for names in [c for c in countries if folded & {fold(n) for n in c}]:
                forms.extend(names)
                countries.remove(names)
        entries.append(
            GazetteerEntry(
                name=row["name"],
                type="place",
                kind=row["kind"],
                country=row["country"],
                forms=tuple(dict.fromkeys(forms)),
                adjectives=(*_split(row["adjectives_en"]), *_split(row.get("adjectives_ru") or "")),
            )
        )
    for names in countries:
        entries.append(GazetteerEntry(names[0], "place", "country", names[0], names, adjectives=(), searched=False))
    return tuple(entries)


# The languages whose country names CLDR gives the gazetteer: the languages of the news elitewatch reads.
CLDR_LANGUAGES = ("en", "ru", "kk")
# CLDR territory codes that are not countries (European Union, eurozone, United Nations, pseudo-locales…).
CLDR_NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"})
CLDR_BRACKETS = re.compile(r"\s*\(([^()]*)\)")


@cache
def cldr_countries() -> tuple[tuple[str, ...], ...]:
    """Every country's names in CLDR (through babel), English first: ("Germany", "Германия"…); a name with
    another in brackets gives both ("Myanmar (Burma)"), and "&" is also "and"."""
    locales = [Locale.parse(language) for language in CLDR_LANGUAGES]
    codes = sorted(str(c) for c in locales[0].territories if str(c).isalpha() and c not in CLDR_NOT_COUNTRIES)
    countries = []
    for code in codes:
        names: list[str] = []
        for locale in locales:
            name = locale.territories.get(code)
            if name:
                names.append(CLDR_BRACKETS.sub("", name).strip())
                names.extend(inner for inner in CLDR_BRACKETS.findall(name) if inner.istitle())
        names.extend([name.replace(" & ", " and ") for name in names if " & " in name])
        countries.append(tuple(dict.fromkeys(n.replace("’", "'") for n in names if n)))
    return tuple(countries)


@cache
def organizations() -> tuple[GazetteerEntry, ...]:
    entries = []
    for row in read_tsv("gazetteer/organizations.tsv"):
        forms = (row["name"], *_split(row["acronyms"]), *_split(row["aliases_en"]), *_split(row["names_ru"]))
        entries.append(
            GazetteerEntry(
                name=row["name"],
                type="organization",
                kind="organization",
                country="",
                forms=tuple(forms),
                adjectives=(),
                typos=tuple(typo for form in forms for typo in acronym_typos(form)),
            )
        )
    return tuple(entries)


# Latin letters that look like Cyrillic ones, written for them inside a Cyrillic word («Евроcоюз» with a Latin c)
LOOKALIKES = str.maketrans("aceopxyABCEHKMOPTXy", "асеорхуАВСЕНКМОРТХу")
MIXED_WORD = re.compile(r"\w*[а-яё]\w*", re.IGNORECASE)


def cyrillic_lookalikes(text: str) -> str:
    """A Cyrillic word's Latin lookalike letters made Cyrillic: «Евроcоюза» -> «Евросоюза»; Latin words stay."""
    if text.isascii():
        return text
    return MIXED_WORD.sub(lambda m: m.group().translate(LOOKALIKES), text)


@lru_cache(maxsize=100_000)  # names are looked up again and again
def fold(text: str) -> str:
    """Case- and punctuation-insensitive form used to look names up in gazetteers."""
    text = cyrillic_lookalikes(text).casefold().replace("ё", "е").replace("’", "'")
    if text.startswith("the "):
        text = text[4:]
    for suffix in ("'s", "'"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    return " ".join(text.replace("-", " ").split())


@cache
def gazetteer_index() -> dict[str, GazetteerEntry]:
    """Folded name form -> entry, over places and organizations."""
    index: dict[str, GazetteerEntry] = {}
    for entry in (*places(), *organizations()):
        for form in entry.forms:
            index.setdefault(fold(form), entry)
    for entry in organizations():  # after every real form: a typo never hides a name
        for typo in entry.typos:
            index.setdefault(fold(typo), entry)
    return index


def acronym_typos(form: str) -> list[str]:
    """An acronym of four letters or more with two neighbouring letters swapped ("CTSO"), a common typo."""
    if len(form) < 4 or not form.isalpha() or not form.isupper():
        return []
    swapped = (form[:i] + form[i + 1] + form[i] + form[i + 2 :] for i in range(len(form) - 1))
    return [typo for typo in swapped if typo != form]


@dataclass(frozen=True)
class SpeechWords:
    """data/lexicon/speech_verbs.yaml, for one language."""

    verbs: frozenset[str]  # lemmas that attribute words to a speaker
    according: tuple[str, ...]  # "according to", «по словам»
    source_nouns: frozenset[str]  # "Akorda's press-release": a source that speaks (quotes/cues.py)


@cache
def speech_words(language: str) -> SpeechWords:
    return load_words("lexicon/speech_verbs.yaml", SpeechWords, language=language)


@cache
def speech_verbs(language: str) -> frozenset[str]:
    return speech_words(language).verbs


@dataclass(frozen=True)
class TitleWords:
    """data/lexicon/titles.yaml, for one language: words that show a name is a person, or an organization."""

    honorifics: frozenset[str]
    roles: frozenset[str]
    person_relations: frozenset[str]
    org_words: frozenset[str]


@cache
def titles(language: str) -> TitleWords:
    return load_words("lexicon/titles.yaml", TitleWords, language=language)


@dataclass(frozen=True)
class NameWords:
    """data/lexicon/names.yaml: the shapes of personal and organization names."""

    surname_suffixes: frozenset[str]
    generic_words: frozenset[str]
    legal_forms: frozenset[str]
    hyphen_titles: frozenset[str]
    patronymic_pattern: str
    final_patronymic_pattern: str
    case_endings: dict[str, list[list[str]]]
    national_bodies: frozenset[str]


@cache
def name_words() -> NameWords:
    return load_words("lexicon/names.yaml", NameWords)


@cache
def cyrillic_table() -> dict[str, str]:
    table: dict[str, str] = {}
    text = (DATA / "translit/cyrillic.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        letter, _, latin = line.partition("\t")
        table[letter] = latin
    return table


@cache
def latin_rules() -> tuple[tuple[str, str], ...]:
    return tuple((row["pattern"], row["replacement"]) for row in read_tsv("translit/latin_rules.tsv"))


@cache
def legal_forms() -> frozenset[str]:
    """Legal forms organization names carry ("JSC", «ТОО»), folded."""
    return frozenset(form.casefold().rstrip(".") for form in name_words().legal_forms)
