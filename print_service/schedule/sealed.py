"""Authenticated encryption of the cache file (AES-256-GCM from `cryptography`).

Layout: magic `DKSC2`, the generation (8 bytes) and the fetch time (8 bytes, epoch ms), a
12-byte random nonce, then the ciphertext with its tag. The magic, generation and fetch
time are the associated data: visible without the key, but bound into the tag, so a
file from another format or key fails to open, and an older copy put back cannot pass
itself off as newer (the cache compares them with the last generation it wrote).
Files of the first layout (`DKSC1`, only the magic bound) still open, without a generation.
"""

import os
import struct
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

__all__ = ["LEGACY_MAGIC", "MAGIC", "SealInfo", "SealedError", "open_sealed", "seal"]

MAGIC = b"DKSC2"
LEGACY_MAGIC = b"DKSC1"
_HEADER = struct.Struct(">QQ")
_NONCE = 12
_TAG = 16


class SealedError(Exception):
    """The file is not a cache sealed with this key (wrong key, damaged, or not ours)."""


@dataclass(frozen=True, slots=True)
class SealInfo:
    """What the tag vouches for besides the content: which write this was, and when its data was fetched."""

    generation: int
    fetched_at_ms: int


def seal(key: bytes, plaintext: bytes, info: SealInfo) -> bytes:
    """Encrypt and authenticate `plaintext` under `key`, binding `info`."""
    header = MAGIC + _HEADER.pack(info.generation, info.fetched_at_ms)
    nonce = os.urandom(_NONCE)
    return header + nonce + AESGCM(key).encrypt(nonce, plaintext, header)


def open_sealed(key: bytes, blob: bytes) -> tuple[bytes, SealInfo | None]:
    """Decrypt what `seal` made: the plaintext and its info (None for a first-layout file)."""
    if blob.startswith(LEGACY_MAGIC):
        header, info = LEGACY_MAGIC, None
    elif blob.startswith(MAGIC) and len(blob) >= len(MAGIC) + _HEADER.size:
        header = blob[:len(MAGIC) + _HEADER.size]
        generation, fetched_at_ms = _HEADER.unpack(header[len(MAGIC):])
        info = SealInfo(generation, fetched_at_ms)
    else:
        raise SealedError("not a schedule cache file")
    if len(blob) < len(header) + _NONCE + _TAG:
        raise SealedError("not a schedule cache file")
    nonce = blob[len(header):len(header) + _NONCE]
    try:
        return AESGCM(key).decrypt(nonce, blob[len(header) + _NONCE:], header), info
    except InvalidTag:
        raise SealedError("the cache does not open with this key (other key, or damaged)") from None
