"""The configuration the benches run the kiosk with: every probe pointed at the demo status page on 127.0.0.1."""

from pathlib import Path

from kiosk.demo.status_page import DemoStatusPage

__all__ = ["demo_config"]


def demo_config(page: DemoStatusPage, folder: Path, *, status_extra: str = "", sections: str = "") -> Path:
    """Write `folder/config.toml`: paths under `folder`, `[status]` at `page` (plus `status_extra` lines), then
    the other `sections` as given."""
    settings = page.settings()
    config = folder / "config.toml"
    config.write_text(
        f'[paths]\nstate_dir = "{folder}/state"\nruntime_dir = "{folder}/run"\n'
        f'key_file = "{folder}/keys/schedule.key"\n'
        f'[status]\npage_url = "{settings.page_url}"\nprovider = "instatus"\nehr_url = "{settings.ehr_url}"\n'
        f'upload_url = "{settings.upload_url}"\ninternet_urls = ["{settings.internet_urls[0]}"]\n'
        + status_extra + sections)
    return config
