#!/usr/bin/env bash
# The tests drive real programs from Debian's packages: chromium for the browser tests,
# redis-server and nginx for the deployment tests. Install whatever is missing, so that
# `npm test` works on a fresh machine with nothing installed by hand.
# Usage: ensure-packages.sh command[=package] ...   (e.g. chromium redis-server nginx)
set -euo pipefail
missing=()
for spec in "$@"; do
  command_name="${spec%%=*}"
  package="${spec#*=}"
  # Debian puts nginx and a few others in /usr/sbin, which is not on every user's PATH.
  if ! command -v "$command_name" >/dev/null 2>&1 && [ ! -x "/usr/sbin/$command_name" ]; then
    missing+=("$package")
  fi
done
if [ "${#missing[@]}" -eq 0 ]; then
  exit 0
fi
echo "missing for the tests: ${missing[*]}; installing Debian's packages" >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# fonts-dejavu-core: chromium needs a font with Cyrillic and Kazakh letters for screenshots.
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" fonts-dejavu-core >/dev/null
