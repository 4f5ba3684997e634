"""Hangs and crashes on the booted box: a stopped (hung) watch daemon stops pinging systemd's watchdog and is
restarted; the screen killed with SIGSEGV comes back."""

import pytest

from tests.appliance.boot.conftest import CardFactory

pytestmark = [pytest.mark.boot, pytest.mark.timeout(1800)]

PROBE = """
restarted() {  # unit, old pid, seconds: wait for a new main process
  end=$(( $(date +%s) + $3 ))
  while [ "$(date +%s)" -lt "$end" ]; do
    pid=$(systemctl show -p MainPID --value "$1")
    if [ "$pid" != 0 ] && [ "$pid" != "$2" ] && [ "$(systemctl is-active "$1")" = active ]; then
      say "restarted $1 after $(( $(date +%s) - start ))s restarts=$(systemctl show -p NRestarts --value "$1")"
      return 0
    fi
    sleep 1
  done
  say "not-restarted $1 $(systemctl is-active "$1")"
}
watch=$(systemctl show -p MainPID --value downtime-kiosk-watch.service)
start=$(date +%s)
kill -STOP "$watch"
restarted downtime-kiosk-watch.service "$watch" 120
say "watchdog-log $(journalctl -b -u downtime-kiosk-watch.service | grep -c 'Watchdog timeout')"
ui=$(systemctl show -p MainPID --value downtime-kiosk-ui.service)
start=$(date +%s)
kill -SEGV "$ui"
restarted downtime-kiosk-ui.service "$ui" 120
systemctl poweroff
"""


def test_a_hung_daemon_and_a_crashed_screen_come_back(card: CardFactory) -> None:
    machine = card(PROBE)
    boot = machine.power_on()
    try:
        assert boot.wait_exit(900) == 0
        watch = boot.wait_for(r"^restarted downtime-kiosk-watch.service after (\d+)s restarts=(\d+)$", 0)
        assert 30 <= int(watch.group(1)) <= 90 and int(watch.group(2)) >= 1
        assert int(boot.value("watchdog-log")) >= 1
        ui = boot.wait_for(r"^restarted downtime-kiosk-ui.service after (\d+)s restarts=(\d+)$", 0)
        assert int(ui.group(2)) >= 1
    finally:
        if boot.process.poll() is None:
            boot.power_cut()
