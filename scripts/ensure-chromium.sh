#!/usr/bin/env bash
# Browser tests drive Debian's Chromium; Playwright's own browser download cannot work here.
set -euo pipefail
bin="${PAYCHAT_CHROMIUM:-/usr/bin/chromium}"
[ -x "$bin" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's chromium for the browser tests..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "Chromium is missing at $bin. Install it (sudo apt-get install -y chromium) or set PAYCHAT_CHROMIUM." >&2
exit 1
