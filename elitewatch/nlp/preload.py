"""Both language models, loaded on import.

Imported once by the fork server that ingest's worker processes are forked from (pipeline.analysed): the
server loads the models while it is still a single thread, and every worker then starts with them already
in memory, shared copy-on-write, instead of each loading its own copy.
"""

from elitewatch.nlp import english, russian

english.load()
russian.load()
