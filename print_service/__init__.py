"""Forms, CUPS printing, the encrypted schedule cache and the nightly print.

This package never imports `kiosk`: it is the lower layer and can be used on its own.
"""

import sys as _sys

# httpx imports its command-line tool (httpx._main: click, pygments, about 4 MiB) unless that import fails;
# neither package uses it, so make it fail (httpx then keeps a stub `httpx.main`). Every process of the
# appliance imports this package before httpx.
_sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]
