#!/usr/bin/env bash
# The browser tests drive Debian's chromium (playwright cannot download browsers here). Installs
# it when it is missing and this user may (root, as on CI and the project's machines); otherwise
# says how. Without it, a contributor's run leaves the browser tests out (vitest.config.ts) and
# CI fails. Set CHROMIUM_PATH to use another chromium.
set -euo pipefail
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$chromium" ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get > /dev/null; then
  echo "== installing Debian's chromium for the browser tests (apt-get, about 30 s)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium > /dev/null
elif [ -n "${CI:-}" ]; then
  echo "ldn: CI needs chromium at $chromium for the browser tests and cannot install it (not root)" >&2
  exit 1
else
  # A contributor's machine: the other tests still run; vitest.config.ts leaves e2e/ out and says so.
  echo "ldn: no chromium at $chromium, so the browser tests will be left out: 'sudo apt-get install chromium' or set CHROMIUM_PATH" >&2
fi
