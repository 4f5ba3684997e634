"""Forms, CUPS printing, the encrypted schedule cache and the nightly print.

This package never imports `kiosk`: it is the lower layer and can be used on its own.
"""
