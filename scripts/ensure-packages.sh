#!/usr/bin/env bash
# The tests drive real programs from Debian's packages: chromium for the browser tests,
# redis-server and nginx for the deployment tests. Install whatever is missing, so that
# `npm test` works on a fresh machine with nothing installed by hand.
# Usage: ensure-packages.sh command[=package] ...   (e.g. chromium redis-server nginx)
# A spec may name a file instead of a command, for packages without one (an nginx module):
#   /usr/lib/nginx/modules/ngx_http_brotli_static_module.so=libnginx-mod-http-brotli-static
set -euo pipefail
missing=()
for spec in "$@"; do
  command_name="${spec%%=*}"
  package="${spec#*=}"
  if [[ "$command_name" == /* ]]; then
    [ -e "$command_name" ] || missing+=("$package")
    continue
  fi
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
