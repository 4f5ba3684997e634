"""Helpers for reading forms back: text, page sizes, and small custom PDFs to configure."""

import io
import re
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.pdfgen.canvas import Canvas

# one word of `pdftotext -bbox` output: xMin, yMin, xMax, yMax (points from the top left), text
WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')
LETTER_SIZE = (round(LETTER[0]), round(LETTER[1]))
A4_SIZE = (round(A4[0]), round(A4[1]))


def reader(source: bytes | Path) -> PdfReader:
    """A pypdf reader over a file or bytes."""
    return PdfReader(io.BytesIO(source) if isinstance(source, bytes) else source)


def page_texts(source: bytes | Path) -> list[str]:
    """Each page's text with runs of whitespace folded to one space."""
    return [re.sub(r"\s+", " ", page.extract_text()) for page in reader(source).pages]


def page_sizes(source: bytes | Path) -> list[tuple[int, int]]:
    """Each page's (short side, long side) in points, whatever its orientation."""
    sizes = []
    for page in reader(source).pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        short, long_ = sorted((round(width), round(height)))
        sizes.append((short, long_))
    return sizes


def make_pdf(path: Path, text: str, *, pages: int = 1, title: str = "") -> Path:
    """A small real PDF with `text` on each page (the practice's own form)."""
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=LETTER)
    if title:
        canvas.setTitle(title)
    for number in range(pages):
        canvas.drawString(72, 700, f"{text} page {number + 1}")
        canvas.showPage()
    canvas.save()
    path.write_bytes(out.getvalue())
    return path


def encrypted_pdf(path: Path) -> Path:
    """A PDF that needs a password to open."""
    writer = PdfWriter()
    writer.add_blank_page(612, 792)
    writer.encrypt(user_password="secret", owner_password="owner")
    with path.open("wb") as handle:
        writer.write(handle)
    return path
