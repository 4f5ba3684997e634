"""Building what the watch daemon, the screen and the commands all use from the configuration: the form
catalogue (`[practice]`, `[forms]`, `[printing].paper` and the `[status]` addresses the procedure card prints).

Each process's own wiring (`kiosk.watch.wiring`, `kiosk.ui.wiring`, the commands) calls this; the
configuration never does, so loading it builds no catalogue.
"""

from kiosk.config import Config
from kiosk.status.settings import StatusSettings
from print_service.forms.catalogue import FormCatalogue
from print_service.forms.settings import PAPERS, FormsSettings, Paper, PracticeSettings, ProcedureLinks
from print_service.paths import AppPaths
from print_service.printing.settings import PrintingSettings

__all__ = ["FORMS_CACHE_DIR", "catalogue_from_config", "paper_from_config"]

FORMS_CACHE_DIR = "forms"  # under paths.state_dir; blank forms only, never PHI


def catalogue_from_config(config: Config) -> FormCatalogue:
    """The catalogue every command and the daemon use, rendering into `state_dir/forms`."""
    status = config.get(StatusSettings)
    links = ProcedureLinks(status_page_url=status.page_url, ehr_url=status.ehr_url, upload_url=status.upload_url)
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
