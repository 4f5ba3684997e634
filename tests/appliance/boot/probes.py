"""Shell snippets the guest's probe runs (boot-test.sh on the card, sourced by guest/run-probe.sh after the boot
settled). `say` prints a "BOOT-TEST …" line on the serial console, `dump FILE` the file in base64."""

UNITS = ("downtime-kiosk-setup.service", "downtime-kiosk-watch.service", "downtime-kiosk-ui.service",
         "downtime-kiosk-nightly.timer", "cups.service")

REPORT_UNITS = "".join(f'say "active {unit} $(systemctl is-active {unit})"\n' for unit in UNITS)

STATE = "/run/downtime-kiosk/state.json"

# Prints "level LEVEL" each time state.json's level changes, for `seconds`.
FOLLOW_LEVEL = """
follow_level() {
  last="" end=$(( $(date +%s) + $1 ))
  while [ "$(date +%s)" -lt "$end" ]; do
    level=$(python3 -c 'import json; print(json.load(open("/run/downtime-kiosk/state.json"))["level"])' 2>/dev/null)
    if [ -n "$level" ] && [ "$level" != "$last" ]; then say "level $level"; last=$level; fi
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
