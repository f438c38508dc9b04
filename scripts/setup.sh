#!/usr/bin/env bash
# Installs the system packages the project builds and draws with, if any are missing:
# Cairo and libpng headers, pkg-config, and the DejaVu fonts the figures use.
set -euo pipefail

have_everything() {
  command -v pkg-config >/dev/null 2>&1 &&
    pkg-config --exists cairo libpng &&
    { [ "$(uname)" = Darwin ] || fc-list 2>/dev/null | grep -q "DejaVu Sans"; }
}

if have_everything; then
  exit 0
fi

if [ "$(uname)" = Darwin ]; then
  command -v brew >/dev/null 2>&1 || { echo "setup: Homebrew is needed to install cairo and libpng" >&2; exit 1; }
  brew install cairo libpng pkg-config
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "setup: install the Cairo and libpng development packages, pkg-config and the DejaVu fonts with your package manager" >&2
  exit 1
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "setup: run as root or install sudo" >&2; exit 1; }
  sudo="sudo"
fi
echo "setup: installing libcairo2-dev libpng-dev pkg-config fonts-dejavu-core fontconfig" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq \
  libcairo2-dev libpng-dev pkg-config fonts-dejavu-core fontconfig >/dev/null
have_everything || { echo "setup: packages installed but cairo/libpng/fonts are still not found" >&2; exit 1; }
