"""Drawing form definitions as PDF pages with reportlab (in memory; the caller decides where bytes go)."""

from print_service.forms.render.pdf import PAGE_SIZES, render_pdf

__all__ = ["PAGE_SIZES", "render_pdf"]
