"""The evaluation commands: score the whole pipeline on gold (eval), name matching across scripts (eval-names) and
the temporal normalizer on TimeML (eval-dates)."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from elitewatch.cli.common import app, fails_cleanly, open_store, out, progress
from elitewatch.errors import ElitewatchError
from elitewatch.settings import Settings

# The library is imported inside each command: the CLI starts without loading it (and `ingest` starts its fork
# server before the models are imported).


@app.command(name="eval-names")
@fails_cleanly
def evaluate_names(
    pairs: Annotated[Path, typer.Argument(help="Name pairs: latin<TAB>к и р и л л и ц а (dev/translit).")],
    every: Annotated[bool, typer.Option("--all", help="Score every pair, not only the held-out fifth.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Scores as JSON.")] = False,
) -> None:
    """Measure name matching across scripts: true pairs that match, random non-pairs that do not.

    Example: elitewatch eval-names ../shared/dev/translit/wd_russian_20.tsv
    """
    from elitewatch.evaluation.translit import held_out, load_pairs, score_translit

    loaded = load_pairs(pairs)
    result = score_translit(loaded if every else held_out(loaded))
    if as_json:
        out.print_json(data=result.as_dict())
        return
    out.print(
        f"{result.pairs} pairs{'' if every else ' (held out)'}: recall {result.recall:.4f}; "
        f"{result.negatives} random non-pairs: false matches {result.false_match_rate:.4f}"
    )


@app.command(name="eval-dates")
@fails_cleanly
def evaluate_dates(
    folder: Annotated[Path, typer.Argument(help="A folder of TimeML files (.tml), e.g. dev/timeml/TimeBank.")],
    as_json: Annotated[bool, typer.Option("--json", help="Scores as JSON.")] = False,
    show_errors: Annotated[bool, typer.Option("--errors", help="List every miss: gold, found, values.")] = False,
) -> None:
    """Score the temporal normalizer on TimeML documents: detection, value accuracy and value F1 per type.

    Example: elitewatch eval-dates ../shared/dev/timeml/TimeBank
    """
    from elitewatch.evaluation.timeml import GROUPS, errors, load_folder, score_documents

    documents = load_folder(folder)
    if show_errors:
        for name, gold, found in errors(documents):
            g = f"{gold.type}\t{gold.value}\t{gold.text!r}" if gold else "-\t-\t-"
            f = f"{found.type}\t{found.value}\t{found.text!r}" if found else "-\t-\t-"
            typer.echo(f"{name}\t{g}\t{f}")
        return
    scores = score_documents(documents)
    if as_json:
        out.print_json(data=scores.as_dict())
        return
    table = Table("type", "gold", "found", "precision", "recall", "F1", "value acc.", "value F1")
    for name in GROUPS:
        c = scores.groups[name].as_dict()
        table.add_row(
            name,
            str(c["gold"]),
            str(c["found"]),
            *(f"{c[key]:.3f}" for key in ("precision", "recall", "f1", "value_accuracy", "value_f1")),
        )
    out.print(f"{scores.documents} documents")
    out.print(table)


@app.command(name="eval")
@fails_cleanly
def evaluate(
    gold: Annotated[Path, typer.Argument(help="Gold JSON Lines (gold/FORMAT.md).")],
    corpus: Annotated[Path, typer.Option("--corpus", help="The folder of texts the gold describes.")],
    as_json: Annotated[bool, typer.Option("--json", help="Scores as JSON.")] = False,
) -> None:
    """Ingest a corpus into a temporary database, export, and score against gold.

    Example: elitewatch eval ../shared/gold/seeds.jsonl --corpus ../shared/corpus/seeds
    """
    from elitewatch.evaluation import load_jsonl, score
    from elitewatch.ingest.readers import iter_folder
    from elitewatch.pipeline import ingest as run_ingest
    from elitewatch.query import export_records

    if not corpus.is_dir():
        raise ElitewatchError("not a folder", source=str(corpus))
    gold_records = load_jsonl(gold)
    # The gold file may sit inside the corpus folder: it is not one of the texts.
    inputs = [str(p) for p in iter_folder(corpus) if p.resolve() != gold.resolve()]
    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "eval.db") as conn:
        with progress(enabled=True) as update:
            run_ingest(conn, inputs, Settings(), progress=update)
        exported = list(export_records(conn))
        texts = [row[0] for row in conn.execute("SELECT text FROM documents")]
    scores = score(gold_records, exported, texts)
    if as_json:
        out.print_json(data=scores.as_dict())
        return
    table = Table("kind", "gold", "exported", "matched", "precision", "recall", "F1", "date acc.")
    for kind, s in scores.kinds.items():
        accuracy = "—" if s.date_accuracy is None else f"{s.date_accuracy:.3f}"
        table.add_row(
            kind,
            str(s.gold),
            str(s.exported),
            str(s.matched),
            f"{s.precision:.3f}",
            f"{s.recall:.3f}",
            f"{s.f1:.3f}",
            accuracy,
        )
    merge = scores.entity_merge
    table.add_row(
        "entity merge",
        str(merge.gold),
        str(merge.exported),
        str(merge.matched),
        f"{merge.precision:.3f}",
        f"{merge.recall:.3f}",
        f"{merge.f1:.3f}",
        "—",
    )
    out.print(table)
    if scores.type_accuracy is not None:
        out.print(f"entity type accuracy: {scores.type_accuracy:.3f}")
    if scores.published_scored:
        out.print(f"publication dates in range: {scores.published_right}/{scores.published_scored}")
