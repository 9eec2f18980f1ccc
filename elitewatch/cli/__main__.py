"""`python -m elitewatch.cli`, as the `elitewatch` script."""

from elitewatch.cli import main

main()
