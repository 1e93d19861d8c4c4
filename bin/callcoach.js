#!/usr/bin/env node
// Thin launcher: the CLI is compiled by `npm run build` into dist/.
require("../dist/src/cli/main.js").main(process.argv);
