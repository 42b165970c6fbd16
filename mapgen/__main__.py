"""Run the command line with ``python -m mapgen``."""
from mapgen.cli import main

main()
