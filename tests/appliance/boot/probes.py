"""Shell snippets the guest's probe runs (boot-test.sh on the card, sourced by guest/run-probe.sh after the boot
settled). `say` prints a "BOOT-TEST …" line on the serial console, `dump FILE` the file in base64."""

UNITS = ("downtime-kiosk-setup.service", "downtime-kiosk-watch.service", "downtime-kiosk-ui.service",
         "downtime-kiosk-nightly.timer", "cups.service")

REPORT_UNITS = "".join(f'say "active {unit} $(systemctl is-active {unit})"\n' for unit in UNITS)

STATE = "/run/downtime-kiosk/state.json"

# follow_level SECONDS [UNTIL]: prints "level LEVEL" each time state.json's level changes, for SECONDS or until
# the level is UNTIL.
FOLLOW_LEVEL = """
follow_level() {
  last="" end=$(( $(date +%s) + $1 ))
  while [ "$(date +%s)" -lt "$end" ]; do
    level=$(python3 -c 'import json; print(json.load(open("/run/downtime-kiosk/state.json"))["level"])' 2>/dev/null)
    if [ -n "$level" ] && [ "$level" != "$last" ]; then say "level $level"; last=$level; fi
    if [ -n "${2:-}" ] && [ "$level" = "$2" ]; then return 0; fi
    sleep 1
  done
}
"""

PRINTERS = """
say "printers $(lpstat -v 2>&1 | tr '\\n' ' ')"
say "default-printer $(lpstat -d 2>&1)"
"""

# Waits (up to $1 s) until no nightly run is going on and none is due, i.e. the evening print is over.
WAIT_NIGHTLY = """
wait_nightly() {
  end=$(( $(date +%s) + $1 ))
  while [ "$(date +%s)" -lt "$end" ]; do
    state=$(systemctl show -p ActiveState --value downtime-kiosk-nightly.service)
    result=$(systemctl show -p Result --value downtime-kiosk-nightly.service)
    started=$(systemctl show -p ExecMainStartTimestampMonotonic --value downtime-kiosk-nightly.service)
    if [ "$state" != activating ] && [ "$state" != active ] && [ "${started:-0}" != 0 ]; then
      say "nightly $state $result"; return 0
    fi
    sleep 2
  done
  say "nightly timeout $(systemctl is-active downtime-kiosk-nightly.service)"
}
"""

NIGHTLY_RECORD = "/var/lib/downtime-kiosk/nightly.json"
PRINTED_RECORD = "/var/lib/downtime-kiosk/schedule/printed.json"
DOWNTIME_LOG = "/var/lib/downtime-kiosk/downtime-log.json"

# The watch daemon hung (SIGSTOP: systemd's watchdog must restart it), then the screen crashed (SIGSEGV: Restart=).
RESTARTS = """
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
restarted downtime-kiosk-watch.service "$watch" 180
say "watchdog-log $(journalctl -b -u downtime-kiosk-watch.service | grep -c 'Watchdog timeout')"
ui=$(systemctl show -p MainPID --value downtime-kiosk-ui.service)
start=$(date +%s)
kill -SEGV "$ui"
restarted downtime-kiosk-ui.service "$ui" 180
"""
