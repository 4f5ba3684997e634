"""Small PDFs made in the tests, and reading printed PDFs back."""

import io
from pathlib import Path

from pypdf import PdfReader
from reportlab.lib.pagesizes import A4, letter
from reportlab.pdfgen.canvas import Canvas

PAGE_SIZES = {"letter": letter, "a4": A4}


def make_pdf(text: str, paper: str = "letter") -> bytes:
    """A one-page PDF showing `text`, on `paper`."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=PAGE_SIZES[paper])
    canvas.setTitle(text)
    canvas.drawString(72, 720, text)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def page_text_and_size(path: Path) -> tuple[str, tuple[float, float]]:
    """All text of a PDF and its first page's size in points."""
    reader = PdfReader(path)
    box = reader.pages[0].mediabox
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    return text, (round(float(box.width)), round(float(box.height)))
