"""Shell snippets the guest's probe runs (boot-test.sh on the card, sourced by guest/run-probe.sh after the boot
settled). `say` prints a "BOOT-TEST …" line on the serial console, `dump FILE` the file in base64."""

from tests.appliance.boot.world import CALENDAR, GUEST_HOST

UNITS = ("downtime-kiosk-setup.service", "downtime-kiosk-watch.service", "downtime-kiosk-ui.service",
         "downtime-kiosk-nightly.timer", "cups.service")

REPORT_UNITS = "".join(f'say "active {unit} $(systemctl is-active {unit})"\n' for unit in UNITS)

STATE = "/run/downtime-kiosk/state.json"

# follow_level SECONDS [UNTIL]: prints "level LEVEL" each time state.json's level changes, for SECONDS or until
# the level is UNTIL (then 0; 1 when the time ran out). The file is written with a one-space indent
# (kiosk/state/file.py, tests/appliance/test_boot_probes.py), so the top-level key is the line ' "level": "…",'.
# STATE_FILE: another file, for that test. Bash builtins only (read, [[ =~ ]], SECONDS, run-probe.sh's pause):
# a process started each second under TCG took a good part of a core from the box being tested.
FOLLOW_LEVEL = r"""
follow_level() {
  local last="" level line file=${STATE_FILE:-/run/downtime-kiosk/state.json} end=$(( SECONDS + $1 ))
  while [ "$SECONDS" -lt "$end" ]; do
    level=""
    if [ -r "$file" ]; then
      while IFS= read -r line; do
        if [[ $line =~ ^\ \"level\":\ \"([a-z_]+)\",?$ ]]; then level=${BASH_REMATCH[1]}; break; fi
      done < "$file"
    fi
    if [ -n "$level" ] && [ "$level" != "$last" ]; then say "level $level"; last=$level; fi
    if [ -n "${2:-}" ] && [ "$level" = "$2" ]; then return 0; fi
    pause 1
  done
  return 1
}
"""

# await_journal UNIT SECONDS ERE: waits until UNIT's journal of this boot has a line matching ERE (0), or SECONDS
# passed (1). One `journalctl -f` followed, rather than the whole journal read again every few seconds.
AWAIT_JOURNAL = """
await_journal() {
  local feed follower found=1
  exec {feed}< <(exec timeout "$2" journalctl -b -f -u "$1" --no-pager -o cat)
  follower=$!
  grep -qE -m 1 "$3" <&"$feed" && found=0
  kill "$follower" 2>/dev/null
  exec {feed}<&-
  return "$found"
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
  end=$(( $SECONDS + $1 ))
  while [ "$SECONDS" -lt "$end" ]; do
    eval "$(systemctl show -p ActiveState -p Result -p ExecMainStartTimestampMonotonic \\
      -p ExecMainExitTimestampMonotonic downtime-kiosk-nightly.service \\
      | sed -n 's/^\\([A-Za-z]*\\)=\\([a-z0-9-]*\\)$/n_\\1=\\2/p')"
    if [ "${n_ExecMainStartTimestampMonotonic:-0}" != 0 ] && [ "${n_ActiveState:-}" != activating ] \\
      && [ "${n_ActiveState:-}" != active ] \\
      && [ "${n_ExecMainExitTimestampMonotonic:-0}" -ge "${n_ExecMainStartTimestampMonotonic:-0}" ]; then
      say "nightly $n_ActiveState $n_Result"; return 0
    fi
    pause 2
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
  end=$(( $SECONDS + $3 ))
  while [ "$SECONDS" -lt "$end" ]; do
    pid=$(systemctl show -p MainPID --value "$1")
    if [ "$pid" != 0 ] && [ "$pid" != "$2" ] && [ "$(systemctl is-active "$1")" = active ]; then
      say "restarted $1 after $(( $SECONDS - start ))s restarts=$(systemctl show -p NRestarts --value "$1")"
      return 0
    fi
    pause 2
  done
  say "not-restarted $1 $(systemctl is-active "$1")"
}
watch=$(systemctl show -p MainPID --value downtime-kiosk-watch.service)
start=$SECONDS
kill -STOP "$watch"
restarted downtime-kiosk-watch.service "$watch" 180
say "watchdog-log $(journalctl -b -u downtime-kiosk-watch.service | grep -c 'Watchdog timeout')"
ui=$(systemctl show -p MainPID --value downtime-kiosk-ui.service)
start=$SECONDS
kill -SEGV "$ui"
restarted downtime-kiosk-ui.service "$ui" 180
"""

# shot NAME BEFORE [MOST]: once the screen has drawn its first frame (its journal says so), asks the host for a
# screendump and holds still while the host takes it (redrawing under TCG with llvmpipe takes many seconds): until
# the host answers /boot-test/shot-NAME (HostWorld.tell_probe) or MOST seconds (default 150) passed.
SHOT = f"""
{AWAIT_JOURNAL}
first_frame() {{
  await_journal downtime-kiosk-ui.service "$1" 'first frame showing' && return 0
  say "no-first-frame $(systemctl is-active downtime-kiosk-ui.service)"
}}
shot() {{
  pause "$2"
  say "shot $1"
  end=$(( $SECONDS + ${{3:-150}} ))
  until busybox wget -q -O /dev/null "http://{GUEST_HOST}:{CALENDAR}/boot-test/shot-$1" 2>/dev/null; do
    [ "$SECONDS" -lt "$end" ] || {{ say "shot-unanswered $1"; return 0; }}
    pause 2
  done
}}
"""

# sample_lines COUNT NAME...: COUNT readings, 0.1 s apart, of the named GPIO lines as the kernel's debugfs shows
# them ("gpio-529 (GPIO17 |lg ) out hi"); prints NAME=0110… (1 high, 0 low, ? not requested) for each.
# Bash builtins only, as follow_level (GPIO_TABLE: another file, for the host's test).
SAMPLE_LINES = r"""
sample_lines() {
  local count=$1 table name reading
  shift
  local -A seen=()
  for (( reading = 0; reading < count; reading++ )); do
    read -r -d '' table < "${GPIO_TABLE:-/sys/kernel/debug/gpio}"
    for name in "$@"; do
      if [[ $table =~ \($name[[:space:]]*\|[^\)]*\)[[:space:]]+(in|out)[[:space:]]+(hi|lo) ]]; then
        [ "${BASH_REMATCH[2]}" = hi ] && seen[$name]+=1 || seen[$name]+=0
      else
        seen[$name]+="?"
      fi
    done
    pause 0.1
  done
  local line=""
  for name in "$@"; do line+=" $name=${seen[$name]}"; done
  echo "${line# }"
}
"""
