#!/bin/sh
# Boot tests only: waits for the boot to settle, reports the basics on the serial console, runs the scenario's
# probe (boot-test.sh on the boot partition) and prints the end marker. Lines start with "BOOT-TEST ".
exec >/dev/console 2>&1
say() { echo "BOOT-TEST $*"; }
dump() { if [ -f "$1" ]; then say "file $1 $(base64 -w0 < "$1")"; else say "nofile $1"; fi; }
systemctl is-system-running --wait >/dev/null 2>&1
say "system $(systemctl is-system-running)"
say "failed $(systemctl --failed --plain --no-legend | awk '{print $1}' | paste -sd, -)"
for unit in $(systemctl --failed --plain --no-legend | awk '{print $1}'); do
  journalctl -b -u "$unit" -n 8 --no-pager | sed "s/^/BOOT-TEST why $unit: /"
done
say "clock $(date --iso-8601=seconds)"
say "root $(findmnt -n -o FSTYPE /)"
say "boot-id $(cat /proc/sys/kernel/random/boot_id)"
if [ -f /boot/firmware/boot-test.sh ]; then
  # shellcheck source=/dev/null
  . /boot/firmware/boot-test.sh
fi
say "done"
