"""The kiosk side of the appliance: status engine, LED and button, the screen, the CLI.

`kiosk` may import `print_service`; never the reverse.
"""

__version__ = "0.1.0"

import print_service as _print_service  # noqa: F401  (first: it keeps httpx's command-line tool unloaded)
