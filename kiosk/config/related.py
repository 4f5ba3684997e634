"""Reading `[[status.related]]`: the services the practice falls back on (DrFirst, the phone system …)."""

from kiosk.config.reader import SectionReader
from kiosk.status.related_service import RelatedService
from kiosk.status.settings import PROVIDERS

__all__ = ["MAX_RELATED", "read_related"]

MAX_RELATED = 8


def read_related(reader: SectionReader) -> tuple[RelatedService, ...]:
    """Each `[[status.related]]` table: name and url required, page_url and provider optional."""
    raw = reader.raw("related", [])
    if not isinstance(raw, list) or not all(isinstance(item, dict) for item in raw):
        raise reader.error("related", "[[status.related]] tables (name, url, optional page_url and provider)")
    if len(raw) > MAX_RELATED:
        raise reader.error("related", f"at most {MAX_RELATED} [[status.related]] entries",
                           got=f"{len(raw)} entries")
    services, names = [], set()
    for index, table in enumerate(raw):
        entry = SectionReader(reader.source, f"{reader.section}.related[{index}]", table, reader.env)
        name = entry.string("name", "", nonempty=True).strip()
        if name.lower() in names:
            raise entry.error("name", "a name no other [[status.related]] entry uses")
        names.add(name.lower())
        if not entry.has("url"):
            raise entry.error("url", "an absolute http or https URL (the address to probe)", got="nothing")
        services.append(RelatedService(
            name=name,
            url=entry.url("url", ""),
            page_url=entry.url("page_url", "", allow_empty=True),
            provider=entry.choice("provider", "auto", PROVIDERS),
        ))
        entry.finish()
    return tuple(services)
