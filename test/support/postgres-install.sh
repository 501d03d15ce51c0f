#!/usr/bin/env bash
# The feedback-store tests run a throwaway PostgreSQL cluster from Debian's postgresql package.
# `npm test` runs this first, so the README's test command is all a fresh machine (and CI) needs.
set -euo pipefail
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "The tests need PostgreSQL's server binaries: run 'sudo apt-get install postgresql' once, then npm test again." >&2
  exit 1
fi
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null
