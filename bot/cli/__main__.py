"""``python -m quoth.bot.cli``: the same as the ``quoth`` command."""

import sys

from . import main

sys.exit(main())
