"""Authenticated encryption of the cache file (AES-256-GCM from `cryptography`).

Layout: magic `DKSC1`, a 12-byte random nonce, then the ciphertext with its tag. The magic
is bound into the tag as associated data, so a file from another format or key fails
to open instead of decoding into nonsense.
"""

import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

__all__ = ["SealedError", "open_sealed", "seal"]

MAGIC = b"DKSC1"
_NONCE = 12


class SealedError(Exception):
    """The file is not a cache sealed with this key (wrong key, damaged, or not ours)."""


def seal(key: bytes, plaintext: bytes) -> bytes:
    """Encrypt and authenticate `plaintext` under `key`."""
    nonce = os.urandom(_NONCE)
    return MAGIC + nonce + AESGCM(key).encrypt(nonce, plaintext, MAGIC)


def open_sealed(key: bytes, blob: bytes) -> bytes:
    """Decrypt what `seal` made; SealedError when it was altered or the key differs."""
    if not blob.startswith(MAGIC) or len(blob) < len(MAGIC) + _NONCE + 16:
        raise SealedError("not a schedule cache file")
    nonce = blob[len(MAGIC):len(MAGIC) + _NONCE]
    try:
        return AESGCM(key).decrypt(nonce, blob[len(MAGIC) + _NONCE:], MAGIC)
    except InvalidTag:
        raise SealedError("the cache does not open with this key (other key, or damaged)") from None
