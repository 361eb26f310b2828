#!/usr/bin/env bash
# Installs the Debian packages the deploy checks need, once: docker-compose (1.29: `config` works without an engine)
# and prometheus (for promtool). Idempotent: does nothing when both commands are there. Called by the root pom
# (validate phase) before any module; as root it installs with apt-get, otherwise it says what to install.
set -euo pipefail
packages=()
command -v docker-compose >/dev/null 2>&1 || packages+=(docker-compose)
command -v promtool >/dev/null 2>&1 || packages+=(prometheus)
[[ ${#packages[@]} -eq 0 ]] && exit 0
if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
  echo "[deploy-checks] missing ${packages[*]}: install them (Debian/Ubuntu: sudo apt-get install -y ${packages[*]}) and run the build again" >&2
  exit 1
fi
echo "[deploy-checks] installing ${packages[*]} with apt-get" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2
apt-get install -y -qq --no-install-recommends "${packages[@]}" >&2
