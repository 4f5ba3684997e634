"""The CUPS job options for our settings; pycups wants every key and value as a string."""

from print_service.printing.settings import PrintingSettings

__all__ = ["MEDIA", "job_options"]

MEDIA = {"letter": "na_letter_8.5x11in", "a4": "iso_a4_210x297mm"}


def job_options(settings: PrintingSettings, copies: int) -> dict[str, str]:
    """copies, media and sides for one job."""
    if copies < 1:
        raise ValueError(f"copies must be at least 1, got {copies}")
    return {
        "copies": str(copies),
        "media": MEDIA[settings.paper],
        "sides": "two-sided-long-edge" if settings.duplex else "one-sided",
    }
