#!/usr/bin/env bash
# Builds the flashable Downtime Kiosk image: Raspberry Pi OS Lite (Trixie, arm64) from pi-gen's stages 0-2,
# then this repository's stage (stage-downtime-kiosk: install.sh --image), then a small data partition
# (KIOSKDATA) for the state that must survive the read-only root.
#
#   sudo FIRST_USER_PASS='…' ./image_build/build.sh          # result: image_build/deploy/*.img.xz
#
# Needs: root, loop devices, and on a non-arm64 host qemu-user-static + binfmt_misc (see image_build/README.md).
#
#   sudo ./image_build/build.sh --base debian --arch amd64|arm64 --out DIR
# builds instead the same appliance on plain Debian Trixie for emulated boots (image_build/debian/build-debian.sh).
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
if [ "${1:-}" = "--base" ]; then
  case ${2:-} in
    debian) shift 2; exec "$HERE/debian/build-debian.sh" "$@" ;;
    raspios) shift 2 ;;
    *) echo "build.sh: --base must be debian or raspios, got '${2:-}'" >&2; exit 64 ;;
  esac
fi
PI_GEN_REPO=${PI_GEN_REPO:-https://github.com/RPi-Distro/pi-gen.git}
PI_GEN_REF=${PI_GEN_REF:-2026-06-18-raspios-trixie-arm64}
WORK=${WORK:-$HERE/work}
DEPLOY=${DEPLOY:-$HERE/deploy}

if [ "$(id -u)" -ne 0 ]; then echo "build.sh: run as root (pi-gen needs it)" >&2; exit 1; fi
if [ -z "${FIRST_USER_PASS:-}" ]; then
  echo "build.sh: set FIRST_USER_PASS (the password of the admin account 'kioskadmin')" >&2; exit 64
fi

mkdir -p "$WORK" "$DEPLOY"
if [ ! -d "$WORK/pi-gen/.git" ]; then
  git clone --depth 1 --branch "$PI_GEN_REF" "$PI_GEN_REPO" "$WORK/pi-gen"
fi
cd "$WORK/pi-gen"
{
  cat "$HERE/config.template"
  printf 'FIRST_USER_PASS=%q\n' "$FIRST_USER_PASS"
  printf 'STAGE_LIST="stage0 stage1 stage2 %s"\n' "$HERE/stage-downtime-kiosk"
  printf 'DEPLOY_DIR=%q\n' "$DEPLOY"
} > config
# Lite only: no export of the plain stage2 image, only ours.
touch stage2/SKIP_IMAGES
./build.sh -c config

image=$(find "$DEPLOY" -maxdepth 1 -name '*downtime-kiosk*.img*' -newer config | sort | tail -n 1)
"$HERE/add-data-partition.sh" "$image"
