#!/bin/bash
# Boot tests only: waits for the boot to settle, reports the basics on the serial console, runs the scenario's
# probe (boot-test.sh on the boot partition) and prints the end marker. Lines start with "BOOT-TEST ".
# bash, for the builtins: a probe that waits polls, and each process it starts costs the emulated guest dearly.
exec >/dev/console 2>&1
say() { echo "BOOT-TEST $*"; }
# pause SECONDS: a sleep with no process, `read -t` on a pipe this shell holds both ends of (no data, no EOF)
exec {never}<> <(:)
pause() { read -r -t "$1" -u "$never" _ || true; }
dump() { if [ -f "$1" ]; then say "file $1 $(base64 -w0 < "$1")"; else say "nofile $1"; fi; }
systemctl is-system-running --wait >/dev/null 2>&1
up_at=$(cut -d' ' -f1 /proc/uptime)
say "system $(systemctl is-system-running)"
say "failed $(systemctl --failed --plain --no-legend | awk '{print $1}' | paste -sd, -)"
for unit in $(systemctl --failed --plain --no-legend | awk '{print $1}'); do
  journalctl -b -u "$unit" -n 8 --no-pager | sed "s/^/BOOT-TEST why $unit: /"
done
say "clock $(date --iso-8601=seconds)"
say "root $(findmnt -n -o FSTYPE /)"
say "boot-id $(cat /proc/sys/kernel/random/boot_id)"
# figures: what the boot cost the guest (the boot figures, docs/appliance.md §12): its uptime when the system was
# up and now, the CPU seconds it was busy (USER_HZ 100), systemd's own account of the startup and its slowest
# units, the services that used the most CPU, and the watch daemon's threads and finished children (ticks).
# Probes call it last.
figures() {
  say "figures up=${up_at%.*} now=$(cut -d. -f1 /proc/uptime) busy=$(awk '/^cpu /{printf "%.0f", ($2+$3+$4+$7+$8)/100}' /proc/stat)"
  say "startup $(systemd-analyze 2>/dev/null | head -n 1)"
  say "blame $(systemd-analyze blame --no-pager 2>/dev/null | head -n 6 | awk '{u = $NF; $NF = ""; printf "%s=%s ", u, $0}')"
  for stat in /sys/fs/cgroup/system.slice/*.service/cpu.stat; do
    unit=${stat%/cpu.stat}
    echo "$(sed -n 's/^usage_usec //p' "$stat") ${unit##*/}"
  done | sort -rn | head -n 6 | awk '{line = line sprintf(" %s=%.0f", $2, $1 / 1e6)} END {print "BOOT-TEST cpu" line}'
  watch_threads "$(systemctl show -p MainPID --value downtime-kiosk-watch.service)"
}
watch_threads() {  # main pid
  local task stat comm fields line=""
  [ -d "/proc/$1" ] && [ "$1" != 0 ] || return 0
  for task in /proc/"$1"/task/*; do
    read -r stat < "$task/stat" || continue
    comm=${stat#*(} && comm=${comm%%)*}
    read -ra fields <<< "${stat##*) }"   # from field 3 (state): utime is field 14, stime 15
    line+=" ${task##*/}:${comm// /_}=$(( fields[11] + fields[12] ))"
  done
  read -r stat < "/proc/$1/stat" && read -ra fields <<< "${stat##*) }"
  say "watch-threads$line children=$(( fields[13] + fields[14] ))"
}
if [ -f /boot/firmware/boot-test.sh ]; then
  # shellcheck source=/dev/null
  . /boot/firmware/boot-test.sh
fi
say "done"
