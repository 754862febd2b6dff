#!/usr/bin/env bash
# Builds the web console and GraphiQL into web/dist (git-ignored), served by api/console.py.
# Idempotent: installs web/node_modules only when package-lock.json changed, and rebuilds only
# when a source file changed (a hash of the sources is kept in dist/.source-hash).
#   web/build.sh          build if needed
#   web/build.sh --force  build anyway
set -euo pipefail
cd "$(dirname "$0")"

command -v npm >/dev/null 2>&1 || { echo "web/build.sh: npm is missing (apt-get install npm)" >&2; exit 1; }

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "console: installing web/node_modules (npm ci)..." >&2
  npm ci --no-audit --no-fund --loglevel=error
fi

source_hash() {
  find src index.html graphiql.html vite.config.js package-lock.json -type f \
    | LC_ALL=C sort | xargs sha256sum | sha256sum | cut -c1-32
}

wanted="$(source_hash)"
if [ "${1:-}" != "--force" ] && [ -f dist/.source-hash ] && [ "$(cat dist/.source-hash)" = "$wanted" ] \
   && [ -f dist/index.html ] && [ -f dist/graphiql.html ]; then
  exit 0
fi
echo "console: building web/dist (vite)..." >&2
npx --no-install vite build --logLevel error
echo "$wanted" > dist/.source-hash
echo "console: built web/dist" >&2
