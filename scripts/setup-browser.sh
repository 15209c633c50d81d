#!/usr/bin/env bash
# Installs what scripts/screenshots.py needs, and nothing that is already there:
#   - Debian's chromium and chromium-driver (headless browser and /usr/bin/chromedriver),
#     and python3-venv (stock Debian's python3 cannot make a virtualenv without it)
#   - from PyPI, in a project-local virtualenv .venv-browser/ (it ignores itself in git):
#     selenium; axe-selenium-python, which injects axe-core and runs it; selenium-axe-python,
#     its maintained fork, only for the current axe-core it carries (axe-selenium-python's own
#     copy is axe-core 3.1.1, whose false positives fail valid pages)
#
#   scripts/setup-browser.sh
#   .venv-browser/bin/python scripts/screenshots.py SITE_DIR OUT_DIR
#
# Idempotent: when everything is present it prints one line and does not touch the network.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="$root/.venv-browser"

"$root/scripts/setup.sh" browser

source "$root/scripts/lib/python-venv.sh"
ensure_python_venv "$venv" "import selenium, axe_selenium_python, selenium_axe_python" \
  selenium axe-selenium-python selenium-axe-python

echo "setup-browser: ready ($("$venv/bin/python" -c 'import selenium; print("selenium", selenium.__version__)'), axe-core $(grep -o 'version="[0-9.]*"' "$("$venv/bin/python" -c 'import pathlib, selenium_axe_python; print(pathlib.Path(selenium_axe_python.__file__).parent / "axe-core/axe.min.js")')" | head -1 | tr -d '"' | cut -d= -f2), $(/usr/bin/chromium --version 2>/dev/null || echo 'chromium ?'))"
