#!/usr/bin/env bash
# Copy the pinned front-end packages (package-lock.json) into the tree:
#   KERN UX stylesheet + the four Fira Sans cuts we use -> vendor/kern/ (originals, not served)
#   axe-core (accessibility checks in the browser tests) -> tests/browser/vendor/
# then build what the site serves from the originals (scripts/build_frontend.py): the KERN rules
# the site uses and subset fonts -> static/vendor/kern/. `make vendor` without npm (or with
# VENDOR_OFFLINE=1) only rebuilds. Everything is committed: running or testing never needs Node.
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-.venv/bin/python}
if [ -n "${VENDOR_OFFLINE:-}" ] || ! command -v npm >/dev/null 2>&1; then
  echo "npm not used: rebuilding static/vendor/kern/ from vendor/kern/"
  exec "$python" scripts/build_frontend.py
fi
npm ci --ignore-scripts --no-audit --no-fund
kern=node_modules/@kern-ux/native
dest=vendor/kern
rm -rf "$dest" && mkdir -p "$dest/fonts"
cp "$kern/dist/kern.min.css" "$dest/"
cp "$kern/LICENSE.md" "$dest/LICENSE.md"
for cut in Regular Italic SemiBold Bold; do
  cp "$kern/dist/fonts/fira-sans/FiraSans-$cut.woff2" "$dest/fonts/"
done
sed -n '/"version"/p' "$kern/package.json" > "$dest/VERSION"
mkdir -p tests/browser/vendor
cp node_modules/axe-core/axe.min.js tests/browser/vendor/axe.min.js
cp node_modules/axe-core/LICENSE tests/browser/vendor/axe-core.LICENSE
"$python" scripts/build_frontend.py
echo "vendored: @kern-ux/native $(node -p "require('./$kern/package.json').version"), axe-core $(node -p "require('./node_modules/axe-core/package.json').version")"
