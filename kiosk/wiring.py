"""Building what the watch daemon, the screen and the commands all use from the configuration: the form
catalogue (`[practice]`, `[forms]`, `[printing].paper` and the `[status]` addresses the procedure card prints).

Each process's own wiring (`kiosk.watch.wiring`, `kiosk.ui.wiring`, the commands) calls this; the
configuration never does, so loading it builds no catalogue.
"""

from typing import TYPE_CHECKING

from kiosk.config import Config
from kiosk.status.settings import StatusSettings
from print_service.forms.builtin import builtin_definitions
from print_service.forms.custom import title_from_id
from print_service.forms.settings import PAPERS, FormsSettings, Paper, PracticeSettings, ProcedureLinks
from print_service.paths import AppPaths
from print_service.printing.settings import PrintingSettings

if TYPE_CHECKING:
    from print_service.forms.catalogue import FormCatalogue

__all__ = ["FORMS_CACHE_DIR", "catalogue_from_config", "form_titles", "paper_from_config"]

FORMS_CACHE_DIR = "forms"  # under paths.state_dir; blank forms only, never PHI


def _links(config: Config) -> ProcedureLinks:
    status = config.get(StatusSettings)
    return ProcedureLinks(status_page_url=status.page_url, ehr_url=status.ehr_url, upload_url=status.upload_url)


def catalogue_from_config(config: Config) -> "FormCatalogue":
    """The catalogue every command and the daemon use, rendering into `state_dir/forms` (loads reportlab)."""
    from print_service.forms.catalogue import FormCatalogue

    links = _links(config)
    return FormCatalogue(
        config.get(PracticeSettings),
        cache_dir=config.get(AppPaths).state_dir / FORMS_CACHE_DIR,
        paper=paper_from_config(config),
        forms=config.get(FormsSettings),
        links=links,
    )


def paper_from_config(config: Config) -> Paper:
    """`printing.paper` as the forms' paper type ("letter" or "a4")."""
    paper = config.get(PrintingSettings).paper
    return next((p for p in PAPERS if p == paper), "letter")


def form_titles(config: Config) -> list[tuple[str, str]]:
    """(id, title) of every form in the catalogue's order, without the renderer or opening any PDF.

    A custom form without a title of its own in `[forms]` is named after its id here (the
    catalogue may find a title inside the PDF).
    """
    titles = {form_id: d.title for form_id, d in builtin_definitions(config.get(PracticeSettings),
                                                                       _links(config)).items()}
    for form in config.get(FormsSettings).custom:
        titles[form.id] = form.title or title_from_id(form.id)
    return list(titles.items())
