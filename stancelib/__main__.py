import sys

from stancelib.cli import main

sys.exit(main())
