#!/usr/bin/env bash
# Installs the Debian packages hadath needs to build, test and run.
# Idempotent; run as root (or with sudo) on Debian 12.
set -euo pipefail
PKGS=(
  build-essential cmake ninja-build pkg-config python3
  libicu-dev libsqlite3-dev sqlite3 nlohmann-json3-dev libcpp-httplib-dev
  libgtest-dev libgmock-dev libbenchmark-dev libstemmer-dev
  iso-codes aspell aspell-ar-large hunspell-ar libgeonames-dev
  libpq-dev postgresql
  chromium wrk
)
# Node.js and npm run the browser tests (playwright-core, tests/web). Machines that have
# a Node.js of their own keep it; others get Debian's.
command -v node >/dev/null 2>&1 || PKGS+=(nodejs)
command -v npm >/dev/null 2>&1 || PKGS+=(npm)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#PKGS[@]} packages present"
  exit 0
fi
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
echo "install-deps: installing ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
