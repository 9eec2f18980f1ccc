"""Where ingest time goes: the pipeline on one corpus under pyinstrument (`make profile`), models warm."""

from __future__ import annotations

import sys
from pathlib import Path

from pyinstrument import Profiler

from elitewatch.ingest import read_inputs
from elitewatch.model import Analysis
from elitewatch.nlp import english, russian
from elitewatch.pipeline import analysed, store_analysis
from elitewatch.settings import Settings
from elitewatch.store import connect

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    default = ROOT.parent / "shared" / "dev" / "polnear" / "texts"
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else default if default.is_dir() else ROOT / "examples" / "articles"
    english.load()
    russian.load()
    documents = read_inputs([str(folder)], max_chars=10**8).documents
    conn = connect(":memory:")
    profiler = Profiler(interval=0.002)
    profiler.start()
    for analysis in analysed(documents, Settings(workers=1)):
        if isinstance(analysis, Analysis):  # a refused document has nothing to store
            store_analysis(conn, analysis)
    profiler.stop()
    print(profiler.output_text(color=False, show_all=False))


if __name__ == "__main__":
    main()
