"""PIN cost bench: what one PIN check costs the Pi and an attacker, per scrypt setting.

Run: .venv/bin/python -m bench.pin_cost

For the setting in use (n = 2^14, 16 MiB), the cap a hash may ask for (n = 2^15, 32 MiB: what a
512 MB Pi can afford next to the watch daemon and the screen) and 2^16 (64 MiB, refused), prints
the memory scrypt needs (128 * r * n), the median time of one check and its ratio to the one in
use, and what trying every 6-digit PIN at that speed costs on one core.

A run on the shared 2-core build machine (six jobs at once), 2026-12-01:
    in use           n=2^14 r=8:  16 MiB,  ~210 ms per check (1.00x); all 6-digit PINs: 2.5 core-days
    cap              n=2^15 r=8:  32 MiB,  ~530 ms per check (2.2x)
    refused          n=2^16 r=8:  64 MiB, ~1160 ms per check (4.9x)
A four-digit PIN fell in 10,000 checks (under an hour); six digits need 100 times as many, and the
lock-out (five tries, then doubling from five minutes) is what stops a guesser at the screen.
"""

import hashlib
import statistics
import time

from kiosk.ui.pin import SCRYPT_N, SCRYPT_R

SETTINGS = (("in use", SCRYPT_N), ("cap", 2**15), ("refused", 2**16))
ROUNDS = 5


def _median_seconds(n: int) -> float:
    times = []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        hashlib.scrypt(b"246810", salt=b"0123456789abcdef", n=n, r=SCRYPT_R, p=1, dklen=32, maxmem=2**28)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    """Print one line per setting."""
    baseline = _median_seconds(SCRYPT_N)
    for name, n in SETTINGS:
        seconds = _median_seconds(n)
        mib = 128 * SCRYPT_R * n // (1024 * 1024)
        days = seconds * 10**6 / 86400
        print(f"{name:16} n=2^{n.bit_length() - 1} r={SCRYPT_R}: {mib:3d} MiB, {seconds * 1000:6.1f} ms per check "
              f"({seconds / baseline:.2f}x in use); all 6-digit PINs: {days:5.1f} core-days")


if __name__ == "__main__":
    main()
