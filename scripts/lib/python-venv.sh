# Sourced by the setup scripts: a project-local virtualenv with PyPI packages, made or mended
# only when needed, so a second run touches neither the disk nor the network.
#
#   ensure_python_venv DIR "import a, b" package…
#
# DIR is made when missing (and made anew when its base interpreter went away), ignores itself
# in git, and gets the packages when the import line fails in it.
ensure_python_venv() {
  local venv="$1" imports="$2"
  shift 2
  local name
  name="$(basename "$venv")"
  if [[ -d "$venv" ]] && ! "$venv/bin/python" -c '' >/dev/null 2>&1; then
    echo "setup: $name is broken; making it again"
    rm -rf "$venv"
  fi
  if [[ ! -x "$venv/bin/python" ]]; then
    echo "setup: creating $name"
    python3 -m venv "$venv"
  fi
  [[ -f "$venv/.gitignore" ]] || echo '*' >"$venv/.gitignore"
  if ! "$venv/bin/python" -c "$imports" >/dev/null 2>&1; then
    echo "setup: installing $* into $name"
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "$@"
  fi
}
