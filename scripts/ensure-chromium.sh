#!/usr/bin/env bash
# The browser tests drive Debian's chromium. Install it when it is missing, so that
# `npm test` works on a fresh machine with nothing installed by hand.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
  exit 0
fi
echo "chromium is missing: installing Debian's package for the browser tests" >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
command -v chromium >/dev/null
