"""The state file's bytes: how the publisher encodes a `StateDocument` and how a reader gets one back."""

import json
from pathlib import Path

from kiosk.state.document import StateDocument, StateDocumentError
from print_service.storage import read_json_object

__all__ = ["encode_document", "read_document"]


def encode_document(document: StateDocument) -> bytes:
    """The file's bytes for `document` (one-space indent: small, and readable by a person in a pinch)."""
    return json.dumps(document.to_json(), indent=1).encode()


def read_document(path: Path) -> StateDocument:
    """The document in `path`; StateDocumentError (or SchemaMismatch) when there is none this version reads."""
    data = read_json_object(path)
    if data is None:
        raise StateDocumentError(f"{path}: absent, unreadable or not a JSON object")
    return StateDocument.from_json(data)
