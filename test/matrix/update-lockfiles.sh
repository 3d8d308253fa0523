#!/usr/bin/env bash
# Rewrites the lockfile of every scratch app of the compatibility matrix from
# its package.json (run after changing a version there), without installing.
set -euo pipefail
cd "$(dirname "$0")/apps"
for app in */; do
  (cd "$app" && rm -f package-lock.json && npm install --package-lock-only --no-audit --no-fund)
done
