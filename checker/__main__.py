"""``python -m checker`` runs the fzcheck command line."""

from checker.cli import main

main()
