#!/usr/bin/env bash
# Installs the test-only VS Code (code-server 4.100.3 = VS Code 1.100.3, the last line that runs on Node 20)
# and playwright-core, offline except for the npm registry. Idempotent: does nothing once installed.
# Needs Debian packages: libkrb5-dev (kerberos addon), ripgrep (seed for @vscode/ripgrep), build tools + python3.
set -euo pipefail
cd "$(dirname "$0")"
[ -x node_modules/.bin/code-server ] && exit 0
# @vscode/ripgrep's postinstall downloads rg from GitHub; it first looks for the archive in
# $TMPDIR/vscode-ripgrep-cache-<its version>/, so seed that cache with Debian's rg.
seed=$(mktemp -d)
trap 'rm -rf "$seed"' EXIT
mkdir -p "$seed/vscode-ripgrep-cache-1.15.11"
tar czf "$seed/vscode-ripgrep-cache-1.15.11/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C /usr/bin rg
# npm_config_unsafe_perm: code-server's postinstall refuses to run as root without it (npm 11 only warns about the name).
# npm_config_yes: node-pty's postinstall runs `npx node-gyp ...`, which cancels without a TTY otherwise.
TMPDIR="$seed" npm_config_unsafe_perm=true npm_config_yes=true npm ci --no-audit --no-fund
