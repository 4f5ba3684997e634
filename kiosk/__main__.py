"""`python -m kiosk` is the same as `downtime-kiosk`."""

import sys

from kiosk.cli.main import main

sys.exit(main())
