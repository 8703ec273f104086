#!/usr/bin/env bash
# Playwright cannot download its own browser on our machines, so e2e tests drive Debian's Chromium.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
  exit 0
fi
run_as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
echo "Installing Debian's chromium for the e2e tests..."
run_as_root apt-get update -qq
DEBIAN_FRONTEND=noninteractive run_as_root apt-get install -y -qq chromium >/dev/null
chromium --version
