"""The vocabulary the forms are written in: pure data, no drawing.

A form is a sequence of blocks. The renderer lays them out top to bottom and starts a new
page when the next block does not fit, so a form definition never deals in coordinates.
"""

from dataclasses import dataclass

__all__ = [
    "Block",
    "Checklist",
    "Choices",
    "Column",
    "Field",
    "Fields",
    "Guide",
    "PageBreak",
    "Paragraph",
    "Questions",
    "Section",
    "Table",
    "WriteIn",
]


@dataclass(frozen=True, slots=True)
class Section:
    """A heading bar that starts a part of the form; kept on the same page as what follows."""

    title: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class Field:
    """One labelled box to write in; `key` lets a pre-fill put a value there (patient, time …)."""

    label: str
    weight: float = 1.0
    key: str = ""


@dataclass(frozen=True, slots=True)
class Fields:
    """A row of boxes sharing the width by weight."""

    fields: tuple[Field, ...]
    height: float = 26.0


@dataclass(frozen=True, slots=True)
class Choices:
    """A bold label followed by tick boxes; `other` adds a write-in line after them."""

    label: str
    options: tuple[str, ...]
    other: str = ""


@dataclass(frozen=True, slots=True)
class WriteIn:
    """A labelled area of ruled lines for handwriting."""

    label: str
    lines: int = 3


@dataclass(frozen=True, slots=True)
class Questions:
    """Numbered questions, each with its own answer boxes (Yes / No) on the right."""

    items: tuple[str, ...]
    answers: tuple[str, ...] = ("Yes", "No")
    intro: str = ""


@dataclass(frozen=True, slots=True)
class Column:
    """One column of a table; `choices` prints tick boxes in every cell of it."""

    label: str
    weight: float = 1.0
    choices: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Table:
    """A grid of empty rows; `rows=0` fills the rest of the page."""

    columns: tuple[Column, ...]
    rows: int = 0
    row_height: float = 30.0


@dataclass(frozen=True, slots=True)
class Checklist:
    """Tick-box items, each a sentence, in one or two columns."""

    items: tuple[str, ...]
    columns: int = 1


@dataclass(frozen=True, slots=True)
class Paragraph:
    """Printed text (instructions on the card); `bold` for the one line that matters most."""

    text: str
    bold: bool = False
    size: float = 9.0


@dataclass(frozen=True, slots=True)
class Guide:
    """Two columns of printed text: a bold label on the left, what it means on the right."""

    rows: tuple[tuple[str, str], ...]
    label_width: float = 120.0
    size: float = 8.5


@dataclass(frozen=True, slots=True)
class PageBreak:
    """Start the next block on a new page."""


Block = Section | Fields | Choices | WriteIn | Questions | Table | Checklist | Paragraph | Guide | PageBreak
