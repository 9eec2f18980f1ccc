"""The shared vocabulary below extraction and resolution: what a name, an office and a country mean.

Built on the data files (elitewatch.datafiles) and used by every layer above: name keys that survive
spelling and script (`names`), an office's head and career office (`offices`), the country a place or
adjective names (`countries`). It imports only elitewatch.datafiles, elitewatch.model and elitewatch.errors.
"""
