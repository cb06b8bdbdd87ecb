#!/usr/bin/env bash
# TextMate grammar tests for syntaxes/policy-lens.injection.tmLanguage.json.
# Usage (from anywhere): bash test/grammar/run.sh      -> exit 0 iff every assertion holds.
#
# Fixtures: test/grammar/*.test.md (Markdown) and *.test.txt (plain text), in vscode-tmgrammar-test format.
# --config points at test/grammar/grammars.json instead of `-g`: `-g` cannot declare `injectTo`, so an
# injection grammar passed with -g is loaded but never injected. grammars.json pairs the injection grammar
# with stub base grammars for text.html.markdown / text.plain (no real Markdown grammar is installed).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

# The JSON grammar is generated; fail if someone edited one without the other.
node test/grammar/build-injection-grammar.mjs --check

npx --no -- vscode-tmgrammar-test \
  --config test/grammar/grammars.json \
  'test/grammar/**/*.test.md' \
  'test/grammar/**/*.test.txt'
