#!/usr/bin/env bash
# Usage: ensure-debs.sh MARKER_FILE PACKAGE...
# Makes sure Debian packages are present. MARKER_FILE (optional) is a file that
# exists once they are; otherwise each package is checked with dpkg.
# As root it installs what is missing; otherwise it stops with the exact command.
set -euo pipefail
marker=$1; shift
[ "$(uname -s)" = Linux ] || exit 0
missing=()
if [ -n "$marker" ]; then
    [ -e "$marker" ] || missing=("$@")
else
    for package in "$@"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
    done
fi
[ ${#missing[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null; then
    echo "runtimer needs: ${missing[*]} (install them with your system's package manager)" >&2
    exit 1
fi
if [ "$(id -u)" -ne 0 ]; then
    echo "runtimer needs system packages; run: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
fi
echo "installing ${missing[*]} with apt-get"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq "${missing[@]}" >/dev/null
