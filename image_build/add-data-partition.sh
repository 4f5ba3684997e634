#!/usr/bin/env bash
# Appends a small ext4 partition labelled KIOSKDATA to a built image (.img or .img.xz). With the read-only
# root, the kiosk's state (schedule cache, downtime log, nightly record), the timer stamps and the journal
# live there. Root stays the partition before it, so Raspberry Pi OS' first-boot resize leaves it alone.
#
#   sudo ./image_build/add-data-partition.sh deploy/image.img.xz [SIZE_MIB]
set -euo pipefail

image=$1
size_mib=${2:-1024}
compressed=0
case $image in
  *.xz) xz -d -k -f "$image"; image=${image%.xz}; compressed=1 ;;
  *.img) ;;
  *) echo "add-data-partition.sh: expected an .img or .img.xz file, got $image" >&2; exit 64 ;;
esac

if [ "$(sfdisk -d "$image" | grep -c ' : start=')" -ge 3 ]; then
  echo "add-data-partition.sh: $image already has a third (KIOSKDATA) partition"
else
  # after the last partition's end, 4 MiB aligned (sector numbers in 512-byte units)
  last_end=$(sfdisk -d "$image" | sed -n 's/.*start= *\([0-9]*\), *size= *\([0-9]*\).*/\1 \2/p' \
    | awk '{ end = $1 + $2; if (end > max) max = end } END { print max }')
  start=$(( (last_end + 8191) / 8192 * 8192 ))
  sectors=$(( size_mib * 2048 ))
  truncate -s $(( (start + sectors) * 512 )) "$image"
  echo "start=$start,size=$sectors,type=83" | sfdisk -q --append --no-reread "$image"
  # a loop device over just that range: works without partition scanning (containers, CI)
  loop=$(losetup --find --show --offset $(( start * 512 )) --sizelimit $(( sectors * 512 )) "$image")
  trap 'losetup -d "$loop"' EXIT
  mkfs.ext4 -q -L KIOSKDATA "$loop"
  echo "add-data-partition.sh: added KIOSKDATA ($size_mib MiB) at sector $start"
fi

if [ "$compressed" = 1 ]; then xz -T0 -f "$image"; fi
