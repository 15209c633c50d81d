#!/usr/bin/env bash
# Installs what the build needs on a fresh Debian machine, and nothing that is already there.
#
#   scripts/setup.sh            packages to build and test (cmark, libxml2, libstemmer, jemalloc, pkg-config; cmark-gfm as a
#                               test oracle; node for the search script's unit tests; postgresql, whose
#                               initdb/pg_ctl the collector's tests run a throwaway cluster with)
#   scripts/setup.sh bench      also what the benchmarks compare against (cmark CLI, hyperfine, hugo;
#                               Isso, the self-hosted comment server, with gunicorn from PyPI in
#                               .venv-bench/, and Pagefind, the search peer) and the load generator of
#                               the HTTP benchmarks (wrk)
#   scripts/setup.sh browser    also headless Chromium for screenshots and browser tests
#                               (scripts/setup-browser.sh adds selenium in a virtualenv)
#
# Idempotent: a second run installs nothing and does not touch the network.
set -euo pipefail

# cmark-gfm: the oracle the pipe-table tests compare their recorded HTML with (skipped without it).
# nodejs: runs Tests/SearchScript, the search page's core, without a browser.
# postgresql: the feedback collector's tests start their own cluster (initdb + pg_ctl in a
# temporary folder, on a free loopback port) and stop it; no server is configured or kept.
packages=(libcmark-dev libxml2-dev libstemmer-dev libjemalloc-dev pkg-config cmark-gfm nodejs postgresql)
case "${1:-}" in
  bench) packages+=(cmark hyperfine hugo wrk python3-venv) ;;
  browser) packages+=(chromium chromium-driver python3-venv) ;;
  "") ;;
  *) echo "usage: scripts/setup.sh [bench|browser]" >&2; exit 2 ;;
esac

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if [[ ${#missing[@]} -gt 0 ]]; then
  echo "setup: installing ${missing[*]}"
  sudo=""
  if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! command -v swift >/dev/null 2>&1; then
  if [[ -x /opt/swift/usr/bin/swift ]]; then
    echo "setup: swift is at /opt/swift/usr/bin; add it to PATH" >&2
  else
    echo "setup: Swift 6.1 or later is needed (https://www.swift.org/install/)" >&2
  fi
  exit 1
fi

if [[ "${1:-}" == bench ]]; then
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  source "$root/scripts/lib/python-venv.sh"
  ensure_python_venv "$root/.venv-bench" "import isso, gunicorn, pagefind" isso gunicorn "pagefind[bin]==1.5.2"
fi
