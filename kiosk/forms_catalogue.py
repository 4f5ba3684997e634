"""Building the form catalogue from the configuration: `[practice]`, `[forms]`, `[printing].paper`,
and the `[status]` addresses the procedure card prints."""

from kiosk.config import Config
from kiosk.config.sections import all_sections
from kiosk.status.settings import StatusSettings
from print_service.forms import PAPERS, FormCatalogue, FormsSettings, Paper, PracticeSettings, ProcedureLinks
from print_service.paths import AppPaths

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
    """`printing.paper` ("letter" or "a4"); letter while no `[printing]` section is installed.

    Read by section name rather than by importing the printing settings, so the forms and the
    printing code can land in either order.
    """
    spec = next((s for s in all_sections() if s.name == "printing"), None)
    if spec is None:
        return "letter"
    paper = getattr(config.get(spec.kind), "paper", "letter")
    return next((p for p in PAPERS if p == paper), "letter")
