"""Run the command line with ``python -m mapgen``."""
from mapgen.cli import run

run()
