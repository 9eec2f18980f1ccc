"""Both language models, loaded on import, and the rest of the analysis made ready.

Imported once by the fork server that ingest's worker processes are forked from (elitewatch.workers): the
server loads the models while it is still a single thread, imports the pipeline and analyses a short text in
each language (every lexicon read, every pattern compiled, each model run once), and every worker then
starts with all of it in memory, shared copy-on-write, instead of each doing it again.
"""

from elitewatch.nlp import english, russian
from elitewatch.nlp.lifetime import keep_for_life

english.load()
russian.load()

from elitewatch.pipeline import warm_up  # noqa: E402  (the models first: the rest is ready for them)

warm_up()
keep_for_life()
