#!/bin/bash -e
# pi-gen, inside the image (under qemu on x86): the same installation as on a running Pi, in image mode
# (nothing started, no schedule key baked in, read-only root switched on at first boot).
/usr/src/downtime-kiosk/image_build/install.sh --image
rm -rf /usr/src/downtime-kiosk
