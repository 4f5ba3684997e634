"""The headless watch daemon: status monitor, schedule refresh, LED, button and the published state file."""
