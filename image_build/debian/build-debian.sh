#!/usr/bin/env bash
# Builds the Downtime Kiosk image on plain Debian Trixie (no Raspberry Pi archive), for emulated boots:
#   image_build/build.sh --base debian --arch amd64|arm64 [--no-screen] --out DIR
# --no-screen: an LED-only box (install.sh --skip-kivy: no Kivy, no Mesa, the screen's unit not enabled).
# DIR/downtime-kiosk.img (1 FAT bootfs, 2 ext4 root, 3 ext4 KIOSKDATA), DIR/vmlinuz, DIR/initrd.img and, for
# arm64, DIR/bcm2837-rpi-3-b.dtb. The appliance is installed by the very same `install.sh --image` the pi-gen stage
# runs; what this script adds is only what Raspberry Pi OS Lite would have given (fstab, cmdline.txt, network).
# The slow part, the base root file system, is cached in $DOWNTIME_KIOSK_BUILD_CACHE (default
# /var/cache/downtime-kiosk-build) under the hash of its package lists. Needs root, mmdebstrap, mtools, dosfstools,
# e2fsprogs, fdisk, zstd; for arm64 on another host qemu-user-static and binfmt-support.
set -euo pipefail
shopt -s inherit_errexit   # a failure inside $(…) stops the build too

HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
SUITE=trixie
MIRROR=${DOWNTIME_KIOSK_MIRROR:-http://deb.debian.org/debian}
CACHE=${DOWNTIME_KIOSK_BUILD_CACHE:-/var/cache/downtime-kiosk-build}
BOOT_MIB=256
DATA_MIB=256
SHIPPED=(kiosk print_service pyproject.toml README.md systemd image_build docs)
# gpiozero's pin factory on a Pi is lgpio; Raspberry Pi OS ships it as python3-lgpio, Debian does not, so the arm64
# image gets PyPI's source release, cross-compiled in the native tools root (below).
LGPIO_VERSION=0.2.2.0
LGPIO_SHA256=11372e653b200f76a0b3ef8a23a0735c85ec678a9f8550b9893151ed0f863fff
# Debian's python3-gpiozero is 1.6.2, older than the project's gpiozero>=2.0 and than Raspberry Pi OS' 2.0.1: its lgpio
# pins ask lgpio 0.2 for names it no longer has (SET_BIAS_DISABLE), so no LED could be driven. PyPI's 2.0.1 wheel
# (pure Python) goes where python3-lgpio's stand-in goes, ahead of Debian's copy on sys.path.
GPIOZERO_VERSION=2.0.1
GPIOZERO_SHA256=8f621de357171d574c0b7ea0e358cb66e560818a47b0eeedf41ce1cdbd20c70b

arch="" out="" screen=1
while [ $# -gt 0 ]; do
  case $1 in
    --arch) arch=${2:-}; shift 2 ;;
    --out) out=${2:-}; shift 2 ;;
    --no-screen) screen=0; shift ;;
    *) echo "build-debian.sh: unknown argument $1 (want --arch amd64|arm64 [--no-screen] --out DIR)" >&2; exit 64 ;;
  esac
done
case $arch in amd64|arm64) ;; *) echo "build-debian.sh: --arch must be amd64 or arm64, got '$arch'" >&2; exit 64 ;; esac
[ -n "$out" ] || { echo "build-debian.sh: --out DIR is required" >&2; exit 64; }
[ "$(id -u)" -eq 0 ] || { echo "build-debian.sh: run as root (chroot, file ownership)" >&2; exit 1; }

say() { printf 'build-debian.sh: [%4ds] %s\n' "$SECONDS" "$*"; }

package_list() {
  { cat "$HERE/packages.txt"; [ "$screen" = 0 ] || cat "$HERE/packages-screen.txt"; cat "$HERE/packages-$arch.txt"; } \
    | sed 's/#.*//' | tr -s ' \n' '\n' | sed '/^$/d'
}

cache_key() {
  { echo "$SUITE $MIRROR $arch"; if foreign; then echo "$DEFER_PY3COMPILE"; fi; package_list; } | sha256sum | cut -c1-16
}

HOST_ARCH=$(dpkg --print-architecture)
foreign() { [ "$HOST_ARCH" != "$arch" ]; }

ensure_foreign_arch() {
  foreign || return 0
  [ -e /proc/sys/fs/binfmt_misc/register ] || mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc
  [ -e /proc/sys/fs/binfmt_misc/qemu-aarch64 ] || update-binfmts --enable qemu-aarch64
}

# No recommends, no manuals, documentation or translations (copyright files kept).
LEAN=(--aptopt='APT::Install-Recommends "false"'
  --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/doc/*'
  --dpkgopt='path-include=/usr/share/doc/*/copyright' --dpkgopt='path-exclude=/usr/share/locale/*')

# The base root file system as a zstd tarball: mmdebstrap with every package, apt's lists kept (install.sh asks
# apt-cache which optional packages exist). Documentation and locales left out.
base_tarball() {
  local tarball
  tarball=$CACHE/base-$SUITE-$arch-$(cache_key).tar.zst
  if [ -s "$tarball" ]; then say "base root from the cache: $tarball" >&2; echo "$tarball"; return 0; fi
  mkdir -p "$CACHE"
  local include
  include=$(package_list | paste -sd, -)
  say "building the base root with mmdebstrap ($arch; cached afterwards as $tarball)" >&2
  local defer=()
  foreign && defer=(--essential-hook="$DEFER_PY3COMPILE")
  mmdebstrap --variant=minbase --architectures="$arch" --include="$include" "${LEAN[@]}" "${defer[@]}" \
    --skip=cleanup/apt/lists "$SUITE" "$tarball.partial.tar" "$MIRROR" >&2
  zstd -q -T2 -3 --rm "$tarball.partial.tar" -o "$tarball.partial"
  mv "$tarball.partial" "$tarball"
  echo "$tarball"
}

# tar runs zstd itself: in `zstd -d | tar -x`, tar stops reading at the archive's end-of-archive blocks, and when
# zstd still has the last few KB of padding to write it dies of SIGPIPE, which pipefail made the build's exit (141),
# now and then. tar ignores that SIGPIPE in its own child.
# Numeric owners: the root's system users are not the build machine's.
unpack() {
  rm -rf "$root"
  mkdir -p "$root"
  tar -C "$root" --numeric-owner --zstd -xpf "$1"
}

# The root as install.sh --image left it, cached under the hash of what made it (the base, the wheels, image_build/
# but its READMEs, and systemd/) but not of the project's own code and documents: a build from a warm cache unpacks
# it and runs install.sh --image over it again, which, idempotent, installs only what changed (the package, a
# document). Under qemu-user that second run takes 22-90 s where the first took 255 s (its venv alone 140 s).
installed_tarball() {
  local variant=screen key
  [ "$screen" = 1 ] || variant=no-screen
  key=$( { basename "$1"; echo "$variant"; [ -z "$wheel" ] || sha256sum < "$wheel"
    (cd "$REPO" && find systemd image_build -type f ! -path 'image_build/work/*' ! -path 'image_build/deploy/*' \
      ! -path '*/__pycache__/*' ! -name '*.md' -print0 | LC_ALL=C sort -z | xargs -0 sha256sum); } | sha256sum | cut -c1-16)
  echo "$CACHE/installed-$SUITE-$arch-$variant-$key.tar.zst"
}

# Saves the installed root as $1 and removes this variant's older ones (each is a few hundred MB).
save_installed() {
  say "caching the installed root as $1"
  tar -C "$root" --numeric-owner -cf - . | zstd -q -T2 -3 -o "$1.partial"
  mv "$1.partial" "$1"
  find "$CACHE" -maxdepth 1 -name "$(basename "${1%-*}")-*.tar.zst" ! -path "$1" -delete
}

# pypi_file FILE SHA256 PIP-ARGS…: FILE from PyPI into the cache (pip download), checked against its pinned hash.
pypi_file() {
  local file=$CACHE/src/$1 sha=$2
  shift 2
  if ! echo "$sha  $file" | sha256sum -c --status 2>/dev/null; then
    mkdir -p "$CACHE/src"
    python3 -m pip download -q --no-deps -d "$CACHE/src" "$@" >&2
    echo "$sha  $file" | sha256sum -c --status \
      || { echo "build-debian.sh: $file is not the release pinned by its sha256" >&2; exit 1; }
  fi
  echo "$file"
}

lgpio_sdist() { pypi_file "lgpio-$LGPIO_VERSION.tar.gz" "$LGPIO_SHA256" --no-binary :all: "lgpio==$LGPIO_VERSION"; }

gpiozero_wheel() {
  pypi_file "gpiozero-$GPIOZERO_VERSION-py3-none-any.whl" "$GPIOZERO_SHA256" --only-binary :all: \
    "gpiozero==$GPIOZERO_VERSION"
}

# The tools root: a root of the build machine's own architecture with Python 3 and a C compiler (for a foreign $arch a
# cross compiler and $arch's Python headers), so that nothing slow runs under qemu-user: there, byte-compiling the
# base's Python took 5 min and building lgpio in an emulated root 20 min; here they take seconds. Cached like the base.
tools_packages() {
  printf '%s\n' python3-venv python3-setuptools python3-wheel swig
  if foreign; then
    local triplet
    triplet=$(triplet_of "$arch")
    printf '%s\n' "gcc-${triplet//_/-}" "libc6-dev-$arch-cross" "libpython3-dev:$arch"
  else
    printf '%s\n' gcc libc6-dev python3-dev
  fi
}

triplet_of() {
  case $1 in amd64) echo x86_64-linux-gnu ;; arm64) echo aarch64-linux-gnu ;; esac
}

tools_key() { { echo "$SUITE $MIRROR $HOST_ARCH $arch"; tools_packages; } | sha256sum | cut -c1-16; }

# Unpacks the tools root into $tools (built and cached first if need be).
tools_root() {
  [ -d "$tools/usr" ] && return 0
  local tarball architectures=$HOST_ARCH
  tarball=$CACHE/tools-$SUITE-$HOST_ARCH-for-$arch-$(tools_key).tar.zst
  foreign && architectures=$HOST_ARCH,$arch
  if [ ! -s "$tarball" ]; then
    mkdir -p "$CACHE"
    say "building the tools root ($HOST_ARCH for $arch; cached afterwards as $tarball)"
    mmdebstrap --variant=apt --architectures="$architectures" --include="$(tools_packages | paste -sd, -)" \
      "${LEAN[@]}" "$SUITE" "$tarball.partial.tar" "$MIRROR" >&2
    zstd -q -T2 -3 --rm "$tarball.partial.tar" -o "$tarball.partial"
    mv "$tarball.partial" "$tarball"
  fi
  mkdir -p "$tools"
  tar -C "$tools" --zstd -xpf "$tarball"   # as unpack
}

in_tools() {
  chroot "$tools" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 HOME=/root "$@"
}

# The lgpio wheel for $arch (PYPI=1: the lg C library linked in), built in the tools root (for a foreign $arch with
# its cross compiler: Python's sysconfig of $arch names it), so the image carries no compiler. Cached.
lgpio_wheel() {
  local key folder sdist cross=()
  key=$( { echo "$LGPIO_SHA256"; tools_key; } | sha256sum | cut -c1-16)
  folder=$CACHE/lgpio-$arch-$key
  if compgen -G "$folder/lgpio-*.whl" >/dev/null; then say "lgpio from the cache: $folder" >&2; echo "$folder"/lgpio-*.whl; return 0; fi
  sdist=$(lgpio_sdist)
  tools_root >&2
  say "building lgpio $LGPIO_VERSION for $arch (cached afterwards in $folder)" >&2
  if foreign; then
    local triplet
    triplet=$(triplet_of "$arch")
    cross=("_PYTHON_HOST_PLATFORM=linux-${triplet%%-*}" "_PYTHON_SYSCONFIGDATA_NAME=_sysconfigdata__$triplet")
  fi
  rm -rf "$tools/tmp/lgpio" "$tools/tmp/wheel"
  mkdir -p "$tools/tmp/lgpio"
  tar -C "$tools/tmp/lgpio" --strip-components=1 -xzf "$sdist"
  # shellcheck disable=SC2016  # $@ is the inner shell's: the cross-compiling variables
  in_tools sh -c 'cd /tmp/lgpio && python3 -m venv --system-site-packages /tmp/venv && env "$@" PYPI=1 \
    /tmp/venv/bin/pip wheel -q --no-deps --no-build-isolation --no-index --no-cache-dir --disable-pip-version-check \
    -w /tmp/wheel .' sh "${cross[@]}" >&2
  rm -rf "$folder.partial"
  mkdir -p "$folder.partial"
  mv "$tools"/tmp/wheel/lgpio-*.whl "$folder.partial/"
  rm -rf "$folder"
  mv "$folder.partial" "$folder"
  echo "$folder"/lgpio-*.whl
}

# Under qemu-user the base's py3compile is a stub that does nothing (DEFER_PY3COMPILE, diverted before Python is
# installed); the tools root's python3, the same Python, byte-compiles those folders natively, each file under the name
# the image sees, and Debian's py3compile is put back. Any file that does not compile fails the build.
# shellcheck disable=SC2016  # "$1" is the chroot's path, which mmdebstrap passes to the hook's shell
DEFER_PY3COMPILE='set -e; chroot "$1" dpkg-divert --quiet --local --rename --divert /usr/bin/py3compile.deferred --add /usr/bin/py3compile
  printf "#!/bin/sh\n# build-debian.sh: byte-compiled natively after the install\nexit 0\n" > "$1/usr/bin/py3compile"
  chmod 0755 "$1/usr/bin/py3compile"'
byte_compile_natively() {
  [ -e "$root/usr/bin/py3compile.deferred" ] || return 0
  tools_root
  say "byte-compiling the root's Python natively"
  rm "$root/usr/bin/py3compile"
  in_root dpkg-divert --quiet --local --rename --remove /usr/bin/py3compile
  local folders=() folder
  for folder in "$root"/usr/lib/python3/dist-packages "$root"/usr/share/python3 "$root"/usr/lib/python3.[0-9]*; do
    [ -d "$folder" ] && folders+=("/target${folder#"$root"}")
  done
  mkdir -p "$tools/target"
  mount --bind "$root" "$tools/target"
  target_mounted=1
  in_tools python3 -m compileall -q -s /target -p / "${folders[@]}"
  umount "$tools/target"
  target_mounted=0
}

# What Raspberry Pi OS has as python3-lgpio and python3-gpiozero 2: each wheel is unpacked into the system's site
# packages (/usr/local, ahead of Debian's own on sys.path; the kiosk's venv sees them, as it sees the Raspberry Pi
# archive's packages on a Pi). A wheel is a zip; these two have no scripts to install.
install_wheel() {  # WHEEL NAME VERSION: unpacked, then NAME must import and be VERSION there
  cp "$1" "$root/tmp/"
  in_root python3 -c 'import sys, sysconfig, zipfile
zipfile.ZipFile(sys.argv[1]).extractall(sysconfig.get_path("platlib", "posix_local"))' "/tmp/$(basename "$1")"
  rm "$root/tmp/$(basename "$1")"
  in_root python3 -c 'import importlib, importlib.metadata as m, sys
importlib.import_module(sys.argv[1])
sys.exit(m.version(sys.argv[1]) != sys.argv[2])' "$2" "$3" \
    || { echo "build-debian.sh: $2 $3 does not import in the image" >&2; exit 1; }
}

in_root() {
  chroot "$root" /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive HOME=/root "$@"
}

mount_kernel_fs() {
  mount -t proc proc "$root/proc"
  mount -t sysfs sysfs "$root/sys"
  mount --bind /dev "$root/dev"
  mounted=1
}

unmount_kernel_fs() {
  [ "${target_mounted:-0}" = 0 ] || umount -l "$tools/target" 2>/dev/null || true
  target_mounted=0
  [ "${mounted:-0}" = 1 ] || return 0
  umount -l "$root/dev" "$root/sys" "$root/proc" 2>/dev/null || true
  mounted=0
}

# What Raspberry Pi OS Lite's stages give the release image and plain Debian does not.
debian_layer() {
  echo downtime-kiosk > "$root/etc/hostname"
  printf '127.0.0.1\tlocalhost\n127.0.1.1\tdowntime-kiosk\n' > "$root/etc/hosts"
  ln -sfn /usr/share/zoneinfo/America/New_York "$root/etc/localtime"
  echo America/New_York > "$root/etc/timezone"
  cat > "$root/etc/fstab" <<'FSTAB'
LABEL=rootfs / ext4 defaults,noatime 0 1
LABEL=bootfs /boot/firmware vfat defaults,umask=0077 0 2
FSTAB
  install -d "$root/boot/firmware"
  # The kernel command line, on the FAT partition as on a Pi (the boot harness passes it to QEMU).
  echo "root=/dev/vda2 rootfstype=ext4 rootwait console=tty1" > "$root/boot/firmware/cmdline.txt"
  cat > "$root/etc/systemd/network/20-wired.network" <<'NET'
[Match]
Type=ether

[Network]
DHCP=ipv4
NET
  in_root systemctl --quiet enable systemd-networkd.service systemd-networkd-wait-online.service
  # Raspberry Pi OS' udev rules give the gpio group the GPIO character devices; Debian leaves them root's only,
  # and gpiozero then falls back from lgpio to /dev/mem, which the watch unit rightly does not get.
  echo 'SUBSYSTEM=="gpio", KERNEL=="gpiochip*", GROUP="gpio", MODE="0660"' > "$root/etc/udev/rules.d/60-gpiochip.rules"
  # No root password and no login on the serial console; the admin account is the release image's business.
  in_root passwd -l root >/dev/null
}

install_appliance() {
  local dest=$root/usr/src/downtime-kiosk
  rm -rf "$dest"
  install -d "$dest"
  tar -C "$REPO" --exclude=__pycache__ --exclude=image_build/work --exclude=image_build/deploy \
    -cf - "${SHIPPED[@]}" | tar -C "$dest" -xf -
  local options=(--image)
  [ "$screen" = 1 ] || options+=(--skip-kivy)
  # the same step as the pi-gen stage's 01-run-chroot.sh
  in_root /usr/src/downtime-kiosk/image_build/install.sh "${options[@]}"
  rm -rf "$dest"
}

export_boot_files() {
  local kernel initrd
  kernel=$(find "$root/boot" -maxdepth 1 -name 'vmlinuz-*' | sort | tail -n 1)
  initrd=$(find "$root/boot" -maxdepth 1 -name 'initrd.img-*' | sort | tail -n 1)
  if [ -z "$kernel" ] || [ -z "$initrd" ]; then echo "build-debian.sh: no kernel or initrd in the root" >&2; exit 1; fi
  install -m 0644 "$kernel" "$out/vmlinuz"
  install -m 0644 "$initrd" "$out/initrd.img"
  if [ "$arch" = arm64 ]; then
    install -m 0644 "$(find "$root/usr/lib" -path '*/broadcom/bcm2837-rpi-3-b.dtb' | sort | tail -n 1)" \
      "$out/bcm2837-rpi-3-b.dtb"
  fi
}

# Partitions in the release image's order, written as file systems made from folders (no loop devices).
make_disk_image() {
  local img=$out/downtime-kiosk.img parts=$work/parts used_mib root_mib
  rm -rf "$parts"; mkdir -p "$parts"
  # lower-case "bootfs" as Raspberry Pi OS names it (mkfs.vfat warns about that)
  mkfs.vfat -n bootfs -C "$parts/boot.vfat" $((BOOT_MIB * 1024)) >/dev/null 2>&1
  mcopy -s -i "$parts/boot.vfat" "$root"/boot/firmware/* ::/
  find "$root/boot/firmware" -mindepth 1 -delete
  used_mib=$(du -sm --apparent-size "$root" | cut -f1)
  root_mib=$(( (used_mib * 13 / 10 + 512 + 3) / 4 * 4 ))
  mkfs.ext4 -q -L rootfs -d "$root" "$parts/root.ext4" "${root_mib}M"
  mkfs.ext4 -q -L KIOSKDATA "$parts/data.ext4" "${DATA_MIB}M"
  local boot_start=8192 boot_size=$((BOOT_MIB * 2048)) root_size=$((root_mib * 2048)) data_size=$((DATA_MIB * 2048))
  local root_start=$((boot_start + boot_size)) data_start
  data_start=$((root_start + root_size))
  rm -f "$img"
  truncate -s $(( (data_start + data_size) * 512 )) "$img"
  sfdisk -q "$img" <<SFDISK
label: dos
start=$boot_start, size=$boot_size, type=c
start=$root_start, size=$root_size, type=83
start=$data_start, size=$data_size, type=83
SFDISK
  dd if="$parts/boot.vfat" of="$img" bs=1M seek=$((boot_start / 2048)) conv=notrunc,sparse status=none
  dd if="$parts/root.ext4" of="$img" bs=1M seek=$((root_start / 2048)) conv=notrunc,sparse status=none
  dd if="$parts/data.ext4" of="$img" bs=1M seek=$((data_start / 2048)) conv=notrunc,sparse status=none
  rm -rf "$parts"
}

main() {
  mkdir -p "$out"
  out=$(cd "$out" && pwd)
  ensure_foreign_arch
  work=$CACHE/work-$arch-$$
  root=$work/root
  tools=$work/tools
  mkdir -p "$work"
  local tarball installed
  wheel="" lgpio_pid=""
  trap 'unmount_kernel_fs; [ -z "$lgpio_pid" ] || kill "$lgpio_pid" 2>/dev/null || true; rm -rf "$work"' EXIT
  # the tools root and lgpio (native, about 1.5 min cold) beside the base (under qemu-user, about 20 min cold)
  if [ "$arch" = arm64 ]; then lgpio_wheel > "$work/lgpio-wheel" & lgpio_pid=$!; fi
  tarball=$(base_tarball)
  if [ -n "$lgpio_pid" ]; then
    wait "$lgpio_pid" || { echo "build-debian.sh: building lgpio failed (above)" >&2; exit 1; }
    lgpio_pid=""
    wheel=$(cat "$work/lgpio-wheel")
  fi
  installed=$(installed_tarball "$tarball")
  if [ -s "$installed" ]; then
    say "unpacking the installed root from the cache: $installed"
    unpack "$installed"
    mount_kernel_fs
  else
    say "unpacking the base root"
    unpack "$tarball"
    byte_compile_natively
    mount_kernel_fs
    debian_layer
    if [ -n "$wheel" ]; then install_wheel "$wheel" lgpio "$LGPIO_VERSION"; fi
    install_wheel "$(gpiozero_wheel)" gpiozero "$GPIOZERO_VERSION"
  fi
  say "install.sh --image"
  install_appliance
  unmount_kernel_fs
  [ -s "$installed" ] || save_installed "$installed"
  export_boot_files
  say "writing the disk image"
  make_disk_image
  say "done: $out/downtime-kiosk.img ($(du -h --apparent-size "$out/downtime-kiosk.img" | cut -f1))"
}

main; exit $?
