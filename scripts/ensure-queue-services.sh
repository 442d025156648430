#!/usr/bin/env bash
# The queue-mode test runs n8n against a real Redis (the job queue) and PostgreSQL (the shared database): install
# Debian's packages when they are missing. The test starts its own servers on loopback; the packages' default
# services are not used.
set -euo pipefail
have_postgres() { compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; }
[ -x /usr/bin/redis-server ] && have_postgres && exit 0
if [ "$(id -u)" -ne 0 ]; then
	echo "The queue-mode test needs Redis and PostgreSQL: run 'sudo apt-get install redis-server postgresql' and try again" >&2
	exit 1
fi
echo "Installing Debian's redis-server and postgresql for the queue-mode test"
# Lists fetched within the hour (by ensure-chromium.sh, say) are fresh enough: apt-get update runs once.
if [ -z "$(find /var/lib/apt/lists -maxdepth 0 -mmin -60 2>/dev/null)" ]; then
	apt-get update -qq
fi
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server postgresql >/dev/null
