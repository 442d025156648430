#!/usr/bin/env bash
# The editor test drives Debian's Chromium (a test tool's own browser download cannot work here): install it.
set -euo pipefail
[ -x /usr/bin/chromium ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
	echo "The editor test needs Chromium: run 'sudo apt-get install chromium' and try again" >&2
	exit 1
fi
echo "Installing Debian's chromium for the editor test"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
