"""``python -m checker`` runs the fzcheck command line."""

from checker.console import main

main()
