#!/usr/bin/env bash
# Installs the Downtime Kiosk appliance on a running Raspberry Pi OS Lite (Trixie), or into an
# image being built (pi-gen runs it with --image). Run from a checkout:  sudo ./image_build/install.sh
#
# Idempotent: a second run changes nothing and says so ("install.sh: nothing changed").
#
#   --image       building an image: no services started, no schedule key made (each card makes its own at
#                 first boot), read-only root switched on at first boot
#   --skip-kivy   do not install Kivy (the wall screen) and do not enable the screen's unit; for tests of the rest
#   --no-start    install and enable, but do not start or restart anything now
#
# What goes where: docs/appliance.md ("What install.sh puts where").
set -euo pipefail

REPO=$(cd "$(dirname "$0")/.." && pwd)
FILES=$REPO/image_build/files
PREFIX=/opt/downtime-kiosk
VENV=$PREFIX/venv
UNIT_DIR=/etc/systemd/system
GENERATOR_DIR=/usr/local/lib/systemd/system-generators
SERVICE_USER=downtime-kiosk
KIVY_VERSION=2.3.1   # the version the tests run (pyproject: kivy>=2.3,<2.4)
UNITS=(downtime-kiosk-setup.service downtime-kiosk-watch.service downtime-kiosk-ui.service
       downtime-kiosk-nightly.service downtime-kiosk-nightly.timer)
ENABLED=(downtime-kiosk-setup.service downtime-kiosk-watch.service downtime-kiosk-ui.service
         downtime-kiosk-nightly.timer)
APT_PACKAGES=(
  systemd python3 python3-venv python3-setuptools python3-wheel
  python3-httpx python3-cups python3-gpiozero python3-systemd python3-reportlab python3-pypdf
  python3-icalendar python3-recurring-ical-events python3-cryptography
  cups cups-client cups-bsd cups-filters unattended-upgrades ca-certificates
)
# Installed where apt offers them (python3-lgpio and raspi-config only in the Raspberry Pi OS archive).
OPTIONAL_APT_PACKAGES=(python3-lgpio raspi-config overlayroot)
# What Kivy's wheel needs from the system to draw on KMS/DRM and read the touchscreen.
KIVY_APT_PACKAGES=(libgl1 libegl1 libgles2 libgbm1 libdrm2 libmtdev1 libinput10)

image=0
skip_kivy=0
start=1
changes=0

usage() { sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; }

for arg in "$@"; do
  case $arg in
    --image) image=1; start=0 ;;
    --skip-kivy) skip_kivy=1
      # no Kivy, no screen: the ui unit is installed but not enabled (it would only crash-loop)
      ENABLED=("${ENABLED[@]/downtime-kiosk-ui.service}") ;;
    --no-start) start=0 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "install.sh: unknown option $arg (see --help)" >&2; exit 64 ;;
  esac
done

say() { echo "install.sh: $*"; }
changed() { say "$*"; changes=$((changes + 1)); }
booted_with_systemd() { [ -d /run/systemd/system ] && [ "$image" = 0 ]; }

# Copies a file only when its content, mode or owner differ.
put() {
  local src=$1 dst=$2 mode=${3:-0644}
  if [ -f "$dst" ] && cmp -s "$src" "$dst" && [ "$(stat -c '%a %U' "$dst")" = "${mode#0} root" ]; then
    return 0
  fi
  install -D -m "$mode" -o root -g root "$src" "$dst"
  changed "installed $dst"
}

# Mirrors a folder (files only, sorted) when anything in it differs.
put_tree() {
  local src=$1 dst=$2
  if [ -d "$dst" ] && diff -r -q -x __pycache__ -x '*.pyc' "$src" "$dst" >/dev/null 2>&1; then return 0; fi
  rm -rf "$dst"
  mkdir -p "$(dirname "$dst")"
  cp -r "$src" "$dst"
  find "$dst" \( -name __pycache__ -prune -o -name '*.pyc' \) -exec rm -rf {} +
  chown -R root:root "$dst"
  chmod -R u=rwX,go=rX "$dst"
  changed "installed $dst"
}

# Installed itself, or provided by an installed package (Trixie renamed e.g. libmtdev1 to libmtdev1t64).
is_installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed" && return 0
  dpkg-query -W -f='${db:Status-Abbrev}|${Provides}\n' 2>/dev/null | awk -F'|' -v want="$1" '
    $1 ~ /^ii/ { n = split($2, provided, /, */); for (i = 1; i <= n; i++) { split(provided[i], name, " ");
                 if (name[1] == want) found = 1 } }
    END { exit !found }'
}

apt_candidate() { apt-cache policy "$1" 2>/dev/null | sed -n 's/^ *Candidate: //p' | grep -v -x '(none)' || true; }

# One package a line: what this machine should have (optional ones only where apt offers them).
wanted_packages() {
  local pkg
  printf '%s\n' "${APT_PACKAGES[@]}"
  if [ "$skip_kivy" = 0 ]; then
    printf '%s\n' "${KIVY_APT_PACKAGES[@]}"
    # Debian's Kivy when it is the tested version (Trixie: 2.3.1): security updates, the system's SDL2
    case $(apt_candidate python3-kivy) in "$KIVY_VERSION"*) echo python3-kivy ;; esac
  fi
  for pkg in "${OPTIONAL_APT_PACKAGES[@]}"; do
    [ -n "$(apt_candidate "$pkg")" ] && echo "$pkg"
  done
  return 0
}

missing_packages() {
  local pkg
  while read -r pkg; do is_installed "$pkg" || echo "$pkg"; done < <(wanted_packages | sort -u)
}

install_packages() {
  local missing
  mapfile -t missing < <(missing_packages)
  [ "${#missing[@]}" -eq 0 ] && return 0
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  mapfile -t missing < <(missing_packages)
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  changed "installed apt packages: ${missing[*]}"
}

ensure_group() {
  getent group "$1" >/dev/null && return 0
  groupadd --system "$1"
  changed "created group $1"
}

ensure_user() {
  local group
  for group in gpio lpadmin video render input; do ensure_group "$group"; done
  if ! getent passwd "$SERVICE_USER" >/dev/null; then
    useradd --system --user-group --home-dir /var/lib/downtime-kiosk --no-create-home \
      --shell /usr/sbin/nologin --comment "Downtime Kiosk" "$SERVICE_USER"
    changed "created user $SERVICE_USER"
  fi
  local want=gpio,input,lpadmin,render,video have
  have=$(id -nG "$SERVICE_USER" | tr ' ' '\n' | { grep -v -x "$SERVICE_USER" || true; } | sort | paste -sd, -)
  if [ "$have" != "$want" ]; then
    usermod -G "$want" "$SERVICE_USER"
    changed "put $SERVICE_USER in groups $want"
  fi
}

install_project() {
  local src=$PREFIX/src stamp=$VENV/.installed-from want
  local part
  for part in kiosk print_service; do put_tree "$REPO/$part" "$src/$part"; done
  put "$REPO/pyproject.toml" "$src/pyproject.toml"
  put "$REPO/README.md" "$src/README.md"
  if [ ! -x "$VENV/bin/python" ]; then
    # system site packages: every dependency but Kivy comes from apt (and its security updates)
    python3 -m venv --system-site-packages "$VENV"
    changed "created $VENV"
  fi
  want=$(cd "$src" && find . -type f ! -path '*/__pycache__/*' -print0 | LC_ALL=C sort -z | xargs -0 sha256sum \
    | sha256sum | cut -d' ' -f1)
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    local build
    build=$(mktemp -d)
    cp -r "$src/." "$build"
    (cd "$build" && "$VENV/bin/python" -m pip install -q --no-deps --no-build-isolation --no-cache-dir \
      --disable-pip-version-check --root-user-action=ignore .)
    rm -rf "$build"
    echo "$want" > "$stamp"
    changed "installed the downtime-kiosk package into $VENV"
  fi
  if [ ! -L /usr/local/bin/downtime-kiosk ] || [ "$(readlink /usr/local/bin/downtime-kiosk)" != "$VENV/bin/downtime-kiosk" ]; then
    ln -sfn "$VENV/bin/downtime-kiosk" /usr/local/bin/downtime-kiosk
    changed "linked /usr/local/bin/downtime-kiosk"
  fi
}

install_kivy() {
  [ "$skip_kivy" = 1 ] && { say "--skip-kivy: the wall screen (Kivy) is not installed"; return 0; }
  # already there: from apt (python3-kivy, seen through the system site packages) or an earlier run
  if "$VENV/bin/python" -c "import importlib.metadata as m, sys; sys.exit(m.version('kivy') != '$KIVY_VERSION')" \
      2>/dev/null; then
    return 0
  fi
  "$VENV/bin/python" -m pip install -q --no-cache-dir --disable-pip-version-check --root-user-action=ignore \
    "kivy==$KIVY_VERSION"
  changed "installed Kivy $KIVY_VERSION into $VENV"
}

install_units() {
  local unit
  for unit in "${UNITS[@]}"; do put "$REPO/systemd/$unit" "$UNIT_DIR/$unit"; done
  put "$REPO/systemd/generators/downtime-kiosk-generator" "$GENERATOR_DIR/downtime-kiosk-generator" 0755
  put "$FILES/downtime-kiosk-setup" "$PREFIX/bin/downtime-kiosk-setup" 0755
  put "$REPO/docs/appliance.md" "$PREFIX/docs/appliance.md"
  for unit in "${ENABLED[@]}"; do
    [ -n "$unit" ] || continue
    if [ "$(systemctl --root=/ is-enabled "$unit" 2>/dev/null)" != enabled ]; then
      systemctl --root=/ --quiet enable "$unit"
      changed "enabled $unit"
    fi
  done
}

# Sets "Key Value" in a file (CUPS style), replacing any existing line for Key.
set_directive() {
  local file=$1 key=$2 value=$3
  grep -q -x "$key $value" "$file" && return 0
  if grep -q -E "^#?${key}[[:space:]]" "$file"; then
    sed -i -E "s|^#?${key}[[:space:]].*|$key $value|" "$file"
  else
    printf '%s %s\n' "$key" "$value" >> "$file"
  fi
  changed "set $key $value in $file"
}

# Adds a word to the kernel command line once (cmdline.txt is a single line).
add_kernel_argument() {
  local file=$1 arg=$2
  [ -f "$file" ] || return 0
  grep -q -w -- "$arg" "$file" && return 0
  sed -i "1s|\$| $arg|" "$file"
  changed "added $arg to $file"
}

configure_system() {
  put "$FILES/conf/watchdog.conf" /etc/systemd/system.conf.d/50-downtime-kiosk-watchdog.conf
  put "$FILES/conf/journald.conf" /etc/systemd/journald.conf.d/50-downtime-kiosk.conf
  put "$FILES/conf/remount-fs-overlayroot.conf" \
    /etc/systemd/system/systemd-remount-fs.service.d/50-downtime-kiosk-overlayroot.conf
  put "$FILES/conf/20auto-upgrades" /etc/apt/apt.conf.d/20auto-upgrades
  put "$FILES/conf/51downtime-kiosk-unattended" /etc/apt/apt.conf.d/51downtime-kiosk-unattended
  # no copies of printed documents (PHI) left in CUPS' spool
  set_directive /etc/cups/cupsd.conf PreserveJobFiles No
  # the console never blanks and shows no cursor under the screen
  local boot=/boot/firmware
  [ -d "$boot" ] || boot=/boot
  add_kernel_argument "$boot/cmdline.txt" consoleblank=0
  add_kernel_argument "$boot/cmdline.txt" vt.global_cursor_default=0
  install -d -m 0755 /etc/downtime-kiosk
  if [ "$image" = 1 ] && [ ! -f /etc/downtime-kiosk/read-only-root ]; then
    echo "switch the root file system to a read-only overlay at first boot" > /etc/downtime-kiosk/read-only-root
    changed "marked the image for a read-only root at first boot"
  fi
}

self_check() {
  "$VENV/bin/python" - <<'PY'
import importlib
import importlib.metadata
for name in ("kiosk", "print_service", "httpx", "cups", "gpiozero", "systemd.daemon", "reportlab",
             "pypdf", "icalendar", "recurring_ical_events", "cryptography"):
    importlib.import_module(name)
gpiozero = importlib.metadata.version("gpiozero")
if int(gpiozero.split(".")[0]) < 2:  # plain Debian's python3-gpiozero 1.6 cannot drive pins through lgpio 0.2
    print(f"install.sh: gpiozero {gpiozero} is older than 2.0 (pyproject.toml): the LED and the button will not "
          "work; Raspberry Pi OS' python3-gpiozero is 2.0", flush=True)
PY
  "$VENV/bin/downtime-kiosk" --version >/dev/null
}

run_setup() {
  [ "$image" = 1 ] && return 0
  local before after
  before=$(setup_fingerprint)
  "$PREFIX/bin/downtime-kiosk-setup" || say "downtime-kiosk-setup reported a problem (see above); install continues"
  after=$(setup_fingerprint)
  [ "$before" = "$after" ] || changed "applied the boot partition's settings (downtime-kiosk-setup)"
}

setup_fingerprint() {
  { find /etc/downtime-kiosk /var/lib/downtime-kiosk -maxdepth 2 -type f -printf '%p %s %T@ %m\n' 2>/dev/null || true; } | sort
}

start_services() {
  booted_with_systemd || return 0
  systemctl daemon-reload
  [ "$start" = 1 ] || return 0
  local units=()
  read -r -a units <<<"${ENABLED[*]}"
  if [ "$changes" -gt 0 ]; then
    systemctl restart cups.service || true
    systemctl restart "${units[@]}"
  else
    systemctl start "${units[@]}"
  fi
}

main() {
  if [ "$(id -u)" -ne 0 ]; then echo "install.sh: run as root: sudo $0" >&2; exit 1; fi
  install_packages
  ensure_user
  install_project
  install_kivy
  install_units
  configure_system
  self_check
  run_setup
  start_services
  if [ "$changes" -eq 0 ]; then say "nothing changed"; else say "done ($changes changes)"; fi
}

main
