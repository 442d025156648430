#!/usr/bin/env bash
# Installs the Debian packages some tests need when any is missing: Chromium for the editor test (a test tool's own
# browser download cannot work here), Redis and PostgreSQL for the queue-mode test (which starts its own servers on
# loopback; the packages' default services are not used). Usage: ensure-debian-packages.sh PACKAGE...
set -euo pipefail
missing=()
for package in "$@"; do
	dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
	echo "The tests need Debian's ${missing[*]}: run 'sudo apt-get install ${missing[*]}' and try again" >&2
	exit 1
fi
echo "Installing Debian's ${missing[*]} for the tests"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
