#!/usr/bin/env bash
# A local stand-in for docker.io/library/node:22-bookworm-slim, for machines that reach
# no image registry: Debian bookworm minbase from the machine's own Debian mirror, the
# project's Node 22 binary at /usr/local/bin/node, and a `node` user (uid/gid 1000), as
# in the official image. Usage: test/container/make-node-base.sh [image-name]
set -euo pipefail
cd "$(dirname "$0")/../.."
image="${1:-localhost/node-base:22-bookworm}"
node_bin="$(readlink -f node_modules/node/bin/node)"
"$node_bin" --version | grep -q '^v22\.' || { echo "node_modules/node/bin/node is not Node 22 (run npm ci)" >&2; exit 1; }

# The mirror this machine's apt already uses (deb822 sources first, then one-line lists).
mirror="$(grep -hoE '^URIs: *http[^ ]*debian/?$' /etc/apt/sources.list.d/*.sources 2>/dev/null | head -1 | sed 's/^URIs: *//')"
[ -n "$mirror" ] || mirror="$(grep -hoE '^deb +http[^ ]*debian/? +bookworm' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null | head -1 | awk '{print $2}')"
mirror="${mirror:-http://deb.debian.org/debian}"

work="$(mktemp -d /tmp/node-base.XXXXXX)"
trap 'rm -rf "$work"' EXIT
rootfs="$work/rootfs"
echo "debootstrap bookworm (minbase) from $mirror"
debootstrap --variant=minbase bookworm "$rootfs" "$mirror" >"$work/debootstrap.log" 2>&1 || { tail -20 "$work/debootstrap.log" >&2; exit 1; }

# What the slim image leaves out too: downloaded packages and apt's lists.
rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/log/*.log
install -m 755 "$node_bin" "$rootfs/usr/local/bin/node"
chroot "$rootfs" groupadd --gid 1000 node
chroot "$rootfs" useradd --uid 1000 --gid node --shell /bin/bash --create-home node

tar -C "$rootfs" --numeric-owner -c . | podman import \
  --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  --change 'CMD ["node"]' - "$image" >/dev/null
echo "imported $image"
