"""`[status]`: the status page, the EHR and upload probes, the internet canaries, the timing."""

from kiosk.config.reader import SectionReader
from kiosk.config.related import read_related
from kiosk.config.section import SectionSpec
from kiosk.status.settings import PROVIDERS, StatusSettings

_D = StatusSettings()


def build(reader: SectionReader) -> StatusSettings:
    """Read and validate `[status]`."""
    return StatusSettings(
        page_url=reader.url("page_url", _D.page_url),
        provider=reader.choice("provider", _D.provider, PROVIDERS),
        ehr_url=reader.url("ehr_url", _D.ehr_url, allow_empty=True),
        upload_url=reader.url("upload_url", _D.upload_url, allow_empty=True),
        internet_urls=reader.url_list("internet_urls", _D.internet_urls),
        timeout_seconds=reader.number("timeout_seconds", _D.timeout_seconds, positive=True, maximum=300),
        poll_seconds=reader.number("poll_seconds", _D.poll_seconds, positive=True),
        confirm_polls=reader.integer("confirm_polls", _D.confirm_polls, minimum=1, maximum=10),
        confirm_seconds=reader.number("confirm_seconds", _D.confirm_seconds, positive=True),
        watch_components=reader.string_list("watch_components", _D.watch_components),
        related=read_related(reader),
    )


SECTION = SectionSpec("status", StatusSettings, build)
