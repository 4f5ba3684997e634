"""Shell snippets the guest's probe runs (boot-test.sh on the card, sourced by guest/run-probe.sh after the boot
settled). `say` prints a "BOOT-TEST …" line on the serial console, `dump FILE` the file in base64."""

from tests.appliance.boot.world import CALENDAR, GUEST_HOST

UNITS = ("downtime-kiosk-setup.service", "downtime-kiosk-watch.service", "downtime-kiosk-ui.service",
         "downtime-kiosk-nightly.timer", "cups.service")

REPORT_UNITS = "".join(f'say "active {unit} $(systemctl is-active {unit})"\n' for unit in UNITS)

STATE = "/run/downtime-kiosk/state.json"

# follow_level SECONDS [UNTIL]: prints "level LEVEL" each time state.json's level changes, for SECONDS or until
# the level is UNTIL. The file is written with a one-space indent (kiosk/state/file.py), so the top-level key is
# the line that starts ' "level":'. sed, not python3: a Python start each second under TCG took a good part of
# a core from the box being tested.
FOLLOW_LEVEL = """
follow_level() {
  last="" end=$(( $(date +%s) + $1 ))
  while [ "$(date +%s)" -lt "$end" ]; do
    level=$(sed -n 's/^ "level": "\\([a-z_]*\\)",\\{0,1\\}$/\\1/p' /run/downtime-kiosk/state.json 2>/dev/null)
    if [ -n "$level" ] && [ "$level" != "$last" ]; then say "level $level"; last=$level; fi
    if [ -n "${2:-}" ] && [ "$level" = "$2" ]; then return 0; fi
    sleep 1
  done
}
"""

# watch_journal KEY ERE: the watch daemon's last 5 journal lines matching ERE (case aside; systemd's own
# Starting/Started lines left out), each printed as "KEY line".
WATCH_JOURNAL = """
watch_journal() {
  journalctl -b -u downtime-kiosk-watch.service --no-pager -o cat | grep -iE "$2" | grep -vE '^(Starting|Started) ' \\
    | tail -n 5 | sed "s/^/BOOT-TEST $1 /"
}
"""

PRINTERS = """
say "printers $(lpstat -v 2>&1 | tr '\\n' ' ')"
say "default-printer $(lpstat -d 2>&1)"
"""

# Waits (up to $1 s) until a nightly run has started and ended, i.e. the evening print is over. One `systemctl show`
# reads the properties together: read one by one, the state could predate the start the timestamp shows.
WAIT_NIGHTLY = """
wait_nightly() {
  end=$(( $(date +%s) + $1 ))
  while [ "$(date +%s)" -lt "$end" ]; do
    eval "$(systemctl show -p ActiveState -p Result -p ExecMainStartTimestampMonotonic \\
      -p ExecMainExitTimestampMonotonic downtime-kiosk-nightly.service \\
      | sed -n 's/^\\([A-Za-z]*\\)=\\([a-z0-9-]*\\)$/n_\\1=\\2/p')"
    if [ "${n_ExecMainStartTimestampMonotonic:-0}" != 0 ] && [ "${n_ActiveState:-}" != activating ] \\
      && [ "${n_ActiveState:-}" != active ] \\
      && [ "${n_ExecMainExitTimestampMonotonic:-0}" -ge "${n_ExecMainStartTimestampMonotonic:-0}" ]; then
      say "nightly $n_ActiveState $n_Result"; return 0
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

# shot NAME BEFORE [MOST]: once the screen has drawn its first frame (its journal says so), asks the host for a
# screendump and holds still while the host takes it (redrawing under TCG with llvmpipe takes many seconds): until
# the host answers /boot-test/shot-NAME (HostWorld.tell_probe) or MOST seconds (default 150) passed.
SHOT = f"""
first_frame() {{
  end=$(( $(date +%s) + $1 ))
  while [ "$(date +%s)" -lt "$end" ]; do
    journalctl -b -u downtime-kiosk-ui.service --no-pager | grep -q 'first frame showing' && return 0
    sleep 3
  done
  say "no-first-frame $(systemctl is-active downtime-kiosk-ui.service)"
}}
shot() {{
  sleep "$2"
  say "shot $1"
  end=$(( $(date +%s) + ${{3:-150}} ))
  until busybox wget -q -O /dev/null "http://{GUEST_HOST}:{CALENDAR}/boot-test/shot-$1" 2>/dev/null; do
    [ "$(date +%s)" -lt "$end" ] || {{ say "shot-unanswered $1"; return 0; }}
    sleep 2
  done
}}
"""

# sample_lines COUNT NAME...: COUNT readings, 0.1 s apart, of the named GPIO lines as the kernel's debugfs shows
# them ("gpio-529 (GPIO17 |lg ) out hi"); prints NAME=0110… (1 high, 0 low, ? not requested) for each.
SAMPLE_LINES = """
sample_lines() {
  python3 - "$@" <<'PY'
import re, sys, time
count, names = int(sys.argv[1]), sys.argv[2:]
seen = dict.fromkeys(names, "")
for _ in range(count):
    with open("/sys/kernel/debug/gpio") as table:
        text = table.read()
    for name in names:
        line = re.search(rf"\\({name}\\s*\\|[^)]*\\)\\s+(?:in|out)\\s+(hi|lo)", text)
        seen[name] += "?" if line is None else "1" if line.group(1) == "hi" else "0"
    time.sleep(0.1)
print(" ".join(f"{name}={states}" for name, states in seen.items()))
PY
}
"""
