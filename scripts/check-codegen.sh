#!/usr/bin/env bash
# Fails when schema/schema.graphql or clients/generated/ differ from what the code generates.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run codegen --silent >/dev/null
stale=$(git status --porcelain --untracked-files=all -- schema clients)
if [ -n "$stale" ]; then
  echo "schema/ or clients/ is stale — run 'npm run codegen' and commit the result:" >&2
  echo "$stale" >&2
  git --no-pager diff --stat -- schema clients >&2
  exit 1
fi
echo "schema/ and clients/ are current."
