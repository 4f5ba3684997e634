#!/bin/bash -e
# pi-gen, on the build host: copy what install.sh needs from this checkout into the image.
repo="$(cd "${STAGE_DIR}/../.." && pwd)"
dest="${ROOTFS_DIR}/usr/src/downtime-kiosk"
rm -rf "${dest}"
install -d "${dest}"
tar -C "${repo}" -cf - kiosk print_service pyproject.toml README.md systemd image_build docs | tar -C "${dest}" -xf -
