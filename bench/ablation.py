"""Every rule on trial (`make ablation`): writes ABLATION.md.

1. Attribution: each dev corpus is ingested once, as `elitewatch eval` does (a temporary store, the whole
   pipeline, resolution, export), with every extracted record tagged by the construction that made it: the
   chain of extractor functions that built its origin (a quote's cue, a claim, an office's `Found`, an event's
   trigger) and its kind or pattern, and the lexicon entry it rests on (a speech verb, a claim's cue, a
   trigger's words). Each gold set of the corpus is scored record by record with the evaluation's own
   matching (elitewatch.evaluation.score.outcomes): per rule and set, true positives, false positives and
   records matched to optional gold.
2. Lexicon entries: every word-list entry of data/lexicon/*.yaml and data/gazetteer/*.tsv is looked for in the
   texts of each dev corpus (no parsing: each word, less its last two letters when longer than four, begins a
   word of the text, the words in sequence); the entries found in the seeds and in no other corpus are listed.

Parses are cached (`--cache`, keyed by the text and the NLP code) so that a second run, after a rule is
removed, re-runs only extraction, resolution and scoring. One process, one corpus at a time. What follows the
DECISIONS marker in ABLATION.md (the rules removed or kept, and why) is written by hand and kept by the next run.

Usage: python bench/ablation.py [--sets seeds polnear factrueval nerel] [--cache DIR] [--out ABLATION.md]
"""

from __future__ import annotations

import argparse
import hashlib
import pickle
import re
import sys
import tempfile
import time
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DATA = ROOT / "elitewatch" / "data"
EXTRACT = str(ROOT / "elitewatch" / "extract")

# corpus -> (folder of texts, [(gold set, gold file)]): each corpus is ingested once for all its gold sets
CORPORA: dict[str, tuple[Path, list[tuple[str, Path]]]] = {
    "seeds": (SHARED / "corpus/seeds", [("seeds", SHARED / "gold/seeds.jsonl")]),
    "polnear": (
        SHARED / "dev/polnear/texts",
        [
            ("polnear_strict", SHARED / "gold/polnear_strict.jsonl"),
            ("polnear", SHARED / "dev/polnear/gold.jsonl"),
            ("claims", SHARED / "gold/polnear_claims.jsonl"),
        ],
    ),
    "factrueval": (SHARED / "dev/factrueval", [("factrueval", SHARED / "dev/factrueval/gold.jsonl")]),
    "nerel": (SHARED / "dev/nerel/texts", [("nerel", SHARED / "dev/nerel/gold.jsonl")]),
}
# texts looked in for lexicon entries (no gold needed): the corpora above and those scored otherwise
TEXTS: dict[str, Path] = {
    "seeds": SHARED / "corpus/seeds",
    "polnear": SHARED / "dev/polnear/texts",
    "factrueval": SHARED / "dev/factrueval",
    "nerel": SHARED / "dev/nerel/texts",
    "bsnlp": SHARED / "dev/bsnlp/texts",
    "timeml": SHARED / "dev/timeml",
}
# the functions a record's chain starts below (the extractors' entry points)
ENTRIES = frozenset({"extract_quotes", "extract_claims", "extract_positions", "extract_events"})
DECISIONS = "<!-- decisions: written by hand, kept by the next run -->"
SETS_ORDER = ["seeds", "polnear_strict", "polnear", "claims", "factrueval", "nerel"]


# -- 1. attribution ------------------------------------------------------------------------------------------


def _chain() -> str:
    """The extractor functions between the entry point and the constructor being run, outermost first."""
    frame = sys._getframe(1)
    while frame is not None and frame.f_code.co_filename == __file__:
        frame = frame.f_back  # type: ignore[assignment]
    names: list[str] = []
    while frame is not None and frame.f_code.co_filename.startswith(EXTRACT):
        name = frame.f_code.co_name
        if name in ENTRIES:
            break
        if not name.startswith("<") and name not in ("_claim", "__init__"):
            names.append(name)
        frame = frame.f_back  # type: ignore[assignment]
    return ">".join(reversed(names)) or "-"


@dataclass
class Made:
    rule: str
    entry: str


TAG_FIELD = "_ablation_made"


class Tracer:
    """Tags the objects the extractors build with the chain that built them, without touching their code."""

    def __init__(self) -> None:
        self.cues: dict[tuple[int, int], Made] = {}  # the document's quote cues by their offsets
        self.used_cues: set[tuple[int, int]] = set()
        self.records: dict[str, list[tuple[str, tuple[int, int], Made]]] = defaultdict(list)

    @staticmethod
    def tag(obj: Any, made: Made) -> None:
        setattr(obj, TAG_FIELD, made)

    @staticmethod
    def of(obj: Any) -> Made | None:
        return getattr(obj, TAG_FIELD, None)

    def install(self) -> None:
        from elitewatch.extract import events, positions, quotes
        from elitewatch.extract.events.triggers import Trigger
        from elitewatch.extract.positions.found import Found
        from elitewatch.extract.quotes.cues import Cue
        from elitewatch.model import Claim, Quote

        def watch(cls: type, after: Callable[[Any, str], None]) -> None:
            original = cls.__init__  # type: ignore[misc]

            def init(self: Any, *args: Any, **kwargs: Any) -> None:
                original(self, *args, **kwargs)
                after(self, _chain())

            cls.__init__ = init  # type: ignore[misc]

        def cue_made(cue: Any, chain: str) -> None:
            self.cues[(cue.start, cue.end)] = Made(f"quotes:{chain}:{cue.kind}", "")
            self.tag(cue, self.cues[(cue.start, cue.end)])

        def quote_made(quote: Any, _: str) -> None:
            key = (quote.attribution_start, quote.attribution_end)
            cue = self.cues.get(key, Made("quotes:?", ""))
            inherited = key in self.used_cues  # the cue of the quote before it ("A," X said. "B.")
            self.used_cues.add(key)
            self.tag(quote, Made(cue.rule + (" +inherited" if inherited else ""), cue.entry))

        watch(Cue, cue_made)
        watch(Quote, quote_made)
        watch(Claim, lambda claim, chain: self.tag(claim, Made(f"claims:{chain}", "")))
        watch(Found, lambda found, chain: self.tag(found, Made(f"positions:{chain}:{found.pattern}", "")))
        watch(Trigger, lambda trigger, chain: self.tag(trigger, Made(f"events:{chain}", "")))

        extract_quotes = quotes.extract_quotes

        def traced_quotes(*args: Any, **kwargs: Any) -> Any:
            self.cues.clear()
            self.used_cues.clear()
            return extract_quotes(*args, **kwargs)

        quotes.extract_quotes = traced_quotes  # type: ignore[attr-defined]

        position_of = positions.position_of

        def traced_position_of(doc: Any, item: Any, *args: Any, **kwargs: Any) -> Any:
            made = position_of(doc, item, *args, **kwargs)
            if made is not None and (tag := self.of(item)) is not None:
                self.tag(made, tag)
            return made

        positions.position_of = traced_position_of  # type: ignore[attr-defined]

        event_of = events._event

        def traced_event(doc: Any, item: Any) -> Any:
            made = event_of(doc, item)
            trigger = item.trigger
            words = " ".join(doc.tokens[i].lemma.lower() for i in range(trigger.first, trigger.last + 1))
            tag = self.of(trigger) or Made("events:?", "")
            self.tag(made, Made(tag.rule, f"{trigger.type}: {words}"))
            return made

        events._event = traced_event  # type: ignore[attr-defined]

    def written(self, analysis: Any) -> None:
        """A document's records as the writer will insert them (in list order): their tags, then forget it."""
        doc = analysis.parsed.doc.id
        tokens = analysis.parsed.tokens
        by_start = {t.start: t for t in tokens}
        for quote in analysis.quotes:
            made = self.of(quote) or Made("quotes:?", "")
            cue_token = by_start.get(quote.attribution_start or -1)
            entry = cue_token.lemma.lower() if cue_token is not None and ":verb" in made.rule else ""
            self.records["quote"].append((doc, (quote.start, quote.end), Made(made.rule, entry)))
        for claim in analysis.claims:
            made = self.of(claim) or Made("claims:?", "")
            cue_token = by_start.get(claim.cue_start)
            lemma = cue_token.lemma.lower() if cue_token is not None else claim.cue.lower()
            listed = _claim_list(lemma, claim.language) if "according" not in made.rule else "according"
            entry = f"{listed}: {lemma if listed != 'according' else claim.cue.lower()}"
            self.records["claim"].append((doc, (claim.start, claim.end), Made(f"{made.rule}:{listed}", entry)))
        for position in analysis.positions:
            made = self.of(position) or Made(f"positions:?:{position.pattern}", "")
            evidence = (position.evidence_start, position.evidence_end)
            self.records["position"].append((doc, evidence, made))
        for event in analysis.events:
            made = self.of(event) or Made("events:?", "")
            self.records["event"].append((doc, (event.trigger_start, event.trigger_end), made))


def _claim_list(lemma: str, language: str) -> str:
    """Which word list of claims.yaml the cue is in (verbs, object_verbs, clause_nouns…)."""
    from elitewatch.extract.claims import lexicon

    words = lexicon(language)
    for field in fields(words):
        value = getattr(words, field.name)
        if isinstance(value, (frozenset, dict, tuple)) and lemma in value:
            return field.name
    return "?"


EXPORT_OFFSETS: dict[str, Callable[[dict[str, Any]], tuple[int, int]]] = {
    "quote": lambda r: (r["start"], r["end"]),
    "claim": lambda r: (r["start"], r["end"]),
    "position": lambda r: tuple(r["evidence"]),  # type: ignore[dict-item]
    "event": lambda r: tuple(r["evidence"]),  # type: ignore[dict-item]
}


class ParseCache:
    """Parses by document (its id, text and metadata) and by the NLP code: a rerun parses nothing."""

    def __init__(self, folder: Path, corpus: str) -> None:
        import spacy

        nlp_code = b"".join(p.read_bytes() for p in sorted((ROOT / "elitewatch" / "nlp").glob("*.py")))
        version = hashlib.sha1(nlp_code + spacy.__version__.encode()).hexdigest()[:12]
        self.path = folder / f"{corpus}-{version}.pkl"
        self.parsed: dict[str, bytes] = pickle.loads(self.path.read_bytes()) if self.path.exists() else {}
        self.added = 0

    @staticmethod
    def key(document: Any) -> str:
        parts = (document.id, document.text, document.title, document.published, document.outlet, document.author)
        return hashlib.sha1(repr(parts).encode()).hexdigest()

    def wrap(self, parse: Callable[..., list[Any]]) -> Callable[..., list[Any]]:
        def cached(documents: list[Any], **kwargs: Any) -> list[Any]:
            missing = [d for d in documents if self.key(d) not in self.parsed]
            if missing:
                for document, parsed in zip(missing, parse(missing, **kwargs), strict=True):
                    self.parsed[self.key(document)] = pickle.dumps(parsed)  # before extraction touches it
                    self.added += 1
            found = [pickle.loads(self.parsed[self.key(d)]) for d in documents]
            for document, parsed in zip(documents, found, strict=True):
                parsed.doc = document
            return found

        return cached

    def save(self) -> None:
        if self.added:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.path.write_bytes(pickle.dumps(self.parsed))


def run_corpus(corpus: str, cache_dir: Path, tracer: Tracer) -> tuple[list[dict[str, Any]], list[str]]:
    """Ingest one corpus as `elitewatch eval` does; its export with each record's tag, and its texts."""
    from elitewatch import pipeline
    from elitewatch.cli import open_store
    from elitewatch.ingest.readers import iter_folder
    from elitewatch.query import export_records
    from elitewatch.settings import Settings

    folder, golds = CORPORA[corpus]
    gold_files = {g.resolve() for _, g in golds}
    inputs = [str(p) for p in iter_folder(folder) if p.resolve() not in gold_files]
    cache = ParseCache(cache_dir, corpus)
    parse, store = pipeline.parse_documents, pipeline.store_analysis
    pipeline.parse_documents = cache.wrap(parse)  # type: ignore[assignment]

    def traced_store(conn: Any, analysis: Any) -> Any:
        tracer.written(analysis)
        return store(conn, analysis)

    pipeline.store_analysis = traced_store  # type: ignore[assignment]
    tracer.records.clear()
    try:
        with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "ablation.db") as conn:
            pipeline.ingest(conn, inputs, Settings(workers=1))
            exported = list(export_records(conn))
            texts = [row[0] for row in conn.execute("SELECT text FROM documents")]
    finally:
        pipeline.parse_documents, pipeline.store_analysis = parse, store  # type: ignore[assignment]
        cache.save()
    for kind, made in tracer.records.items():
        rows = sorted((r for r in exported if r["kind"] == kind), key=lambda r: r["id"])
        if len(rows) != len(made):
            raise SystemExit(f"{corpus}: {len(rows)} {kind} records exported, {len(made)} traced")
        for row, (doc, offsets, tag) in zip(rows, made, strict=True):
            if row["doc"] != doc or EXPORT_OFFSETS[kind](row) != offsets:
                raise SystemExit(f"{corpus}: {kind} {row['id']} is not the record traced ({doc} {offsets})")
            row["rule"], row["entry"] = tag.rule, tag.entry
    return exported, texts


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    optional: int = 0

    def add(self, verdict: str) -> None:
        setattr(self, verdict, getattr(self, verdict) + 1)

    def __str__(self) -> str:
        return f"{self.tp}/{self.fp}" + (f" ({self.optional})" if self.optional else "")


def attribute(
    sets: list[str], cache_dir: Path
) -> tuple[dict[str, dict[str, Any]], dict[str, dict[str, dict[str, Tally]]]]:
    """Per gold set its scores; per field ("rule", "entry") and value, per set, its tally."""
    from elitewatch.evaluation import load_jsonl, score
    from elitewatch.evaluation.score import outcomes

    tracer = Tracer()
    tracer.install()
    figures: dict[str, dict[str, Any]] = {}
    tallies: dict[str, dict[str, dict[str, Tally]]] = {"rule": defaultdict(dict), "entry": defaultdict(dict)}
    for corpus in sets:
        began = time.monotonic()
        exported, texts = run_corpus(corpus, cache_dir, tracer)
        for name, gold_file in CORPORA[corpus][1]:
            gold = load_jsonl(gold_file)
            figures[name] = score(gold, exported, texts).as_dict()
            for kind, found in outcomes(gold, exported).items():
                for outcome in found:
                    for key in ("rule", "entry"):
                        value = outcome.exported.get(key) or ""
                        if value:
                            tallies[key][f"{kind} {value}"].setdefault(name, Tally()).add(outcome.verdict)
        print(f"{corpus}: {time.monotonic() - began:.0f} s", file=sys.stderr)
    return figures, tallies


# -- 2. lexicon entries --------------------------------------------------------------------------------------

WORD = re.compile(r"\w+")
TAG = re.compile(r"<[^>]+>")


def lexicon_entries() -> list[tuple[str, str]]:
    """(where, entry): every list item and mapping key under a language of data/lexicon/*.yaml, every name of
    data/gazetteer/*.tsv."""
    entries: list[tuple[str, str]] = []

    def walk(where: str, value: Any) -> None:
        if isinstance(value, list):
            for item in value:
                if isinstance(item, str):
                    entries.append((where, item))
                else:
                    walk(where, item)
        elif isinstance(value, dict):
            for key, item in value.items():
                if where.count(".") >= 1 and isinstance(key, str) and not isinstance(item, (list, dict)):
                    entries.append((where, key))
                walk(f"{where}.{key}", item)

    for path in sorted((DATA / "lexicon").glob("*.yaml")):
        if path.stem == "confidence":  # numbers, no words
            continue
        walk(path.stem, yaml.safe_load(path.read_text(encoding="utf-8")))
    for path in sorted((DATA / "gazetteer").glob("*.tsv")):
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
        header = lines[0].split("\t")
        if "name" not in header:  # dated_events.tsv: no header row; its columns are told in its comment
            header = ["phrase", "date", "country"]
            lines.insert(0, "")
        for line in lines[1:]:
            for column, cell in zip(header, line.split("\t"), strict=False):
                if column in ("kind", "country", "date"):
                    continue
                entries.extend((f"{path.stem}.{column}", name) for name in cell.split("|") if name)
    return list(dict.fromkeys(entries))


def corpus_text(folder: Path) -> str:
    parts = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.suffix in (".txt", ".tml", ".md", ".html", ".json", ".jsonl"):
            if path.name == "gold.jsonl":
                continue
            text = path.read_text(encoding="utf-8", errors="replace")
            parts.append(TAG.sub(" ", text) if path.suffix == ".tml" else text)
    return "\n".join(parts).casefold().replace("ё", "е")


def _stems(entry: str) -> list[str]:
    words = WORD.findall(entry.casefold().replace("ё", "е"))
    return [w[:-2] if len(w) > 4 else w for w in words]


class CorpusWords:
    """A corpus's text and its words, sorted, for FORMAT.md's keyword test: each word of an entry, less its last
    two letters when longer than four, begins a word of the text; the words of a phrase one after another."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.words = sorted(set(WORD.findall(text)))

    def has_prefix(self, stem: str) -> bool:
        at = bisect_left(self.words, stem)
        return at < len(self.words) and self.words[at].startswith(stem)

    def count(self, stems: list[str]) -> int:
        if not stems or not all(self.has_prefix(stem) for stem in stems):
            return 0
        if len(stems) == 1:
            return 1  # present (a count of one word's uses would need a scan of the text)
        # a literal first stem lets the regular expression engine skip ahead fast
        pattern = re.compile(r"\w*\W+".join(re.escape(stem) for stem in stems))
        return sum(
            1
            for match in pattern.finditer(self.text)
            if match.start() == 0 or not self.text[match.start() - 1].isalnum()
        )


def entry_occurrences(entries: Iterable[tuple[str, str]]) -> dict[tuple[str, str], Counter[str]]:
    """Per entry, per corpus: found (1, or the uses of a phrase) or not (0)."""
    corpora = {name: CorpusWords(corpus_text(folder)) for name, folder in TEXTS.items() if folder.is_dir()}
    found: dict[tuple[str, str], Counter[str]] = {}
    for item in entries:
        stems = _stems(item[1])
        found[item] = Counter({name: corpus.count(stems) for name, corpus in corpora.items()})
    return found


# -- the report ----------------------------------------------------------------------------------------------


def _others(tallies: dict[str, Tally], home: str = "seeds") -> Tally:
    total = Tally()
    for name, tally in tallies.items():
        if name != home:
            total.tp += tally.tp
            total.fp += tally.fp
            total.optional += tally.optional
    return total


def verdict(tallies: dict[str, Tally]) -> str:
    """Issue 16 item 6: a rule stays when it helps on a set other than the seeds' (more true than false
    positives there); one whose true positives are all the seeds', or whose false positives outnumber its true
    ones elsewhere, is a candidate for removal."""
    seeds, others = tallies.get("seeds", Tally()), _others(tallies)
    if others.tp == 0 and seeds.tp > 0:
        return "**seeds only**"
    if others.fp > others.tp:
        return "**fp > tp elsewhere**"
    if others.tp == 0 and seeds.tp == 0 and others.optional == 0 and seeds.optional == 0:
        return "**false positives only**"
    return "stays"


def report(
    figures: dict[str, dict[str, Any]],
    tallies: dict[str, dict[str, dict[str, Tally]]],
    occurrences: dict[tuple[str, str], Counter[str]],
) -> str:
    sets = [s for s in SETS_ORDER if s in figures]
    lines = [
        "# Every rule on trial (issue 16 item 6)",
        "",
        "Written by `make ablation` (bench/ablation.py). Each dev corpus ingested once as `elitewatch eval` does;",
        "every exported record tagged by the construction that made it (the chain of extractor functions that",
        "built its cue, claim, office `Found` or trigger, with its kind or pattern) and scored by",
        "`elitewatch.evaluation.score.outcomes`, the evaluation's own matching. Cells: true / false positives",
        "(records matched to optional gold in brackets); a record counts for the rule that made it.",
        "",
        "## Figures of this run",
        "",
        "| set | measure | F1 (P / R) |",
        "|---|---|---|",
    ]
    for name in sets:
        for kind in ("quote", "claim", "position", "event"):
            if kind in figures[name]:
                f = figures[name][kind]
                lines.append(f"| {name} | {kind} | {f['f1']:.4f} ({f['precision']:.4f} / {f['recall']:.4f}) |")
        merge = figures[name]["entity_merge"]
        lines.append(
            f"| {name} | entity merge | {merge['f1']:.4f} ({merge['precision']:.4f} / {merge['recall']:.4f}) |"
        )
    for key, title in (("rule", "Rules (constructions)"), ("entry", "Lexicon entries that made records")):
        rows = tallies[key]
        verdicts = Counter(verdict(t) for t in rows.values())
        lines += [
            "",
            f"## {title}",
            "",
            f"{len(rows)} in all: " + ", ".join(f"{v.strip('*')} {n}" for v, n in sorted(verdicts.items())) + ".",
            "",
            f"| {key} | " + " | ".join(sets) + " | verdict |",
            "|---|" + "---|" * len(sets) + "---|",
        ]
        for value in sorted(rows):
            cells = [str(rows[value].get(name, "")) for name in sets]
            lines.append(f"| `{value}` | " + " | ".join(cells) + f" | {verdict(rows[value])} |")
    seeds_only = [
        (where, entry, counts["seeds"])
        for (where, entry), counts in occurrences.items()
        if counts["seeds"] and not any(n for name, n in counts.items() if name != "seeds")
    ]
    nowhere = sum(1 for counts in occurrences.values() if not any(counts.values()))
    lines += [
        "",
        "## Word-list entries found in the seeds and in no other dev corpus",
        "",
        f"{len(occurrences)} entries of data/lexicon/*.yaml and data/gazetteer/*.tsv looked for in "
        + ", ".join(TEXTS)
        + f" (no parsing; FORMAT.md's keyword test in sequence): {len(seeds_only)} found only in the seeds, "
        f"{nowhere} in no dev text at all.",
        "",
        "| list | entry | in the seeds |",
        "|---|---|---|",
        *(f"| {where} | {entry} | {n} |" for where, entry, n in sorted(seeds_only)),
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sets", nargs="+", default=list(CORPORA), choices=list(CORPORA))
    parser.add_argument("--cache", type=Path, default=ROOT / "build" / "ablation-cache")
    parser.add_argument("--out", type=Path, default=ROOT / "ABLATION.md")
    parser.add_argument("--json", type=Path, help="also write the figures and tallies as JSON here")
    args = parser.parse_args()
    if not SHARED.is_dir():
        raise SystemExit(f"the dev sets are not at {SHARED}")
    figures, tallies = attribute(args.sets, args.cache)
    occurrences = entry_occurrences(lexicon_entries())
    kept = ""  # what follows the marker is written by hand (the decisions taken on a run): kept as it is
    if args.out.exists() and DECISIONS in (old := args.out.read_text(encoding="utf-8")):
        kept = old[old.index(DECISIONS) :]
    args.out.write_text(report(figures, tallies, occurrences) + ("\n" + kept if kept else ""), encoding="utf-8")
    if args.json:
        import json

        plain = {
            key: {v: {s: vars(t) for s, t in by.items()} for v, by in rows.items()} for key, rows in tallies.items()
        }
        args.json.write_text(json.dumps({"figures": figures, "tallies": plain}, indent=1, ensure_ascii=False))
    print(f"wrote {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
