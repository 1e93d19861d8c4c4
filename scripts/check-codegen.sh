#!/usr/bin/env bash
# Fails when schema/schema.graphql, clients/generated/ or docs/mcp-tools.md differ from what the code generates.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run codegen --silent >/dev/null
stale=$(git status --porcelain --untracked-files=all -- schema clients docs/mcp-tools.md)
if [ -n "$stale" ]; then
  echo "schema/, clients/ or docs/mcp-tools.md is stale — run 'npm run codegen' and commit the result:" >&2
  echo "$stale" >&2
  git --no-pager diff --stat -- schema clients docs/mcp-tools.md >&2
  exit 1
fi
echo "schema/, clients/ and docs/mcp-tools.md are current."
