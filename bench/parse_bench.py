#!/usr/bin/env python3
"""Parse benchmark: `helpcenter lint` against the cmark CLI on the shared synthetic corpus.

    python3 bench/parse_bench.py [--sizes 1000,10000] [--locales fr,en] [-n 7] [--warmup 1]
                                 [--markdown FILE] [--out DIR] [--binary PATH] [--shared DIR]

For every size N it writes, with the shared make_corpus.py's own plan()/render()/title()
(so the articles are exactly the ones the Hugo/MkDocs/cmark yardsticks build):

  OUT/N/content/   our content format: helpcenter.yml, <loc>/phrasebook.yml (copied from the
                   repository's content/), <loc>/<category>/<id>.md with our front matter
  OUT/N/flat/      <loc>-<id>.md, the same bodies without front matter, for cmark

(the corpus and the process runner are bench/corpus.py, shared with build_bench.py),
then checks that `helpcenter lint` reads it cleanly (exit 0: every step sentence of the
corpus is read by our phrasebooks), and times, interleaved A B C A B C ... (whole
processes; wall clock around fork..reap, cpu = user + sys and peak RSS from wait4):

  A  helpcenter lint --content OUT/N/content          (parse all on all cores, typed model)
  B  cmark OUT/N/flat/*.md > /dev/null                (cmark CLI, one process, one document)
  C  cmark_floor -p OUT/N/flat/*.md                   (libcmark parse only, one process)

The A/B ratio is the median of the per-round ratios; C/B is median over median.
Standard library only (Python 3.11).
"""
import argparse
import datetime
import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

sys.dont_write_bytecode = True  # no bench/__pycache__ in the working tree
sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import (REPO, ensure_peak_helper, files_command, generate, load_make_corpus,  # noqa: E402
                    add_common_options, log, md_files, publish_report, run, shown)


def check_lint(binary, content):
    log(f"check: {binary} lint --content {content}")
    p = subprocess.run([str(binary), "lint", "--content", str(content)],
                       stdin=subprocess.DEVNULL, capture_output=True, text=True)
    if p.returncode != 0:
        head = "\n".join(p.stderr.splitlines()[:20])
        sys.exit(f"parse_bench: `helpcenter lint --content {content}` exited {p.returncode}, "
                 f"not 0; first lines of stderr:\n{head}\n(stdout: {p.stdout.strip()})")
    log(f"check: ok: {p.stdout.strip()}")
    return p.stdout.strip()


def ensure_floor(shared, tmp):
    src = shared / "cmark_floor.c"
    exe = Path(tmp) / "cmark_floor"
    if not exe.exists() or exe.stat().st_mtime < src.stat().st_mtime:
        cc = os.environ.get("CC", "cc")
        log(f"build: {cc} -O2 -o {exe} {src} -lcmark")
        subprocess.run([cc, "-O2", "-o", str(exe), str(src), "-lcmark"], check=True)
    return exe


# --- report -------------------------------------------------------------------------------


def fmt_s(x):
    return f"{x:.3f}" if x < 10 else f"{x:.2f}"


def table(n, locales, rows, lint_summary):
    total = n * len(locales)
    out = [f"### {total:,} articles ({n:,} × {', '.join(locales)})", ""]
    if lint_summary:
        out += [f"`helpcenter lint`: {lint_summary}", ""]
    out += ["| command | wall s, median (min–max) | cpu s, median | peak RSS MiB "
            "| articles/s | MB/s | × B |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for r in rows:
        w = sorted(x["wall"] for x in r["runs"])
        med = statistics.median(w)
        cpu = statistics.median(x["cpu"] for x in r["runs"])
        peak = max(x["peak"] for x in r["runs"])
        out.append(f"| {r['label']} | {fmt_s(med)} ({fmt_s(w[0])}–{fmt_s(w[-1])}) "
                   f"| {fmt_s(cpu)} | {peak:.1f} | {total / med:,.0f} "
                   f"| {r['bytes'] / 1e6 / med:.1f} | {r['ratio']} |")
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser(
        description="Time `helpcenter lint` against the cmark CLI (B) and a libcmark "
                    "parse-only floor (C) on the shared synthetic corpus, written in our "
                    "content format.",
        epilog="The corpus goes to bench/out/ (ignored by git) and is regenerated only when "
               "its parameters or inputs change.")
    add_common_options(ap, runs=7, sizes="1000,10000", shared_holds="make_corpus.py and cmark_floor.c")
    a = ap.parse_args()

    sizes = [int(s) for s in a.sizes.split(",") if s.strip()]
    locales = [s.strip() for s in a.locales.split(",") if s.strip()]
    if a.n < 1 or a.warmup < 0 or not sizes or any(s < 1 for s in sizes):
        ap.error("-n must be >= 1, --warmup >= 0, sizes >= 1")
    shared = a.shared.resolve()
    try:
        mc, mc_path = load_make_corpus(shared)
    except FileNotFoundError:
        ap.error(f"no make_corpus.py in {shared} (see --shared)")

    if locales[0] != "fr" or any(loc not in mc.L for loc in locales):
        ap.error(f"--locales: fr first, among {', '.join(mc.L)}")
    binary = Path(os.path.abspath(a.binary))
    if not os.access(binary, os.X_OK):
        sys.exit(f"parse_bench: no {binary}; build it with "
                 "`swift build -c release --product helpcenter` (or pass --binary)")
    cmark = shutil.which(a.cmark)
    if not cmark:
        sys.exit(f"parse_bench: no {a.cmark} on PATH; `scripts/setup.sh bench` installs it")
    tmp = os.environ.get("TMPDIR", "/tmp")
    floor = ensure_floor(shared, tmp)
    helper = ensure_peak_helper(tmp)
    out_root = Path(os.path.abspath(a.out))

    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:
        cpus = os.cpu_count()
    started = datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    sections, commands = [], []
    for n in sizes:
        root = out_root / str(n)
        generate(mc, mc_path, root, n, locales, a.seed)
        content, flat = root / "content", root / "flat"
        lint_summary = check_lint(binary, content)

        a_files, b_files = md_files(content), md_files(flat)
        a_bytes = sum(f.stat().st_size for f in a_files)
        b_bytes = sum(f.stat().st_size for f in b_files)
        cmds = [
            ("helpcenter lint (A)",
             f"{shown(binary)} lint --content {shown(content)}"
             " > /dev/null 2> /dev/null", a_bytes),
            ("cmark CLI, one process (B)",
             files_command(shlex.quote(a.cmark), flat, b_files) + " > /dev/null",
             b_bytes),
            ("libcmark parse only, floor (C)",
             files_command(shown(floor) + " -p", flat, b_files), b_bytes),
        ]
        runs = [[] for _ in cmds]
        log(f"time: {n} x {len(locales)}: {a.warmup} warm-up + {a.n} rounds of A B C")
        for k in range(a.warmup + a.n):
            for i, (_, cmd, _) in enumerate(cmds):
                r = run(cmd, helper)
                if k >= a.warmup:
                    runs[i].append(r)
            if k >= a.warmup:
                log(f"  round {k - a.warmup + 1}/{a.n}: " + "  ".join(
                    f"{'ABC'[i]} {runs[i][-1]['wall']:.3f}s" for i in range(len(cmds))))
        med = [statistics.median(x["wall"] for x in rs) for rs in runs]
        pair = [x["wall"] / y["wall"] for x, y in zip(runs[0], runs[1])]
        ratios = [f"{statistics.median(pair):.2f} ({min(pair):.2f}–{max(pair):.2f})",
                  "1", f"{med[2] / med[1]:.2f}"]
        rows = [dict(label=label, runs=rs, bytes=nb, ratio=ratio)
                for (label, _, nb), rs, ratio in zip(cmds, runs, ratios)]
        sections.append(table(n, locales, rows, lint_summary))
        commands.append((n, cmds))

    # One line: machine, date, how it was run, the exact commands (of the last size; the
    # others differ only by the size folder).
    n_last, cmds = commands[-1]
    cmd_txt = "; ".join(f"{'ABC'[i]} = `{c}`" for i, (_, c, _) in enumerate(cmds))
    footer = (f"Machine: {cpus} CPUs (nproc), {platform.machine()}; {started}; "
              f"{a.n} counted runs after {a.warmup} warm-up, interleaved A B C; "
              f"wall = median (min–max) of whole processes, × B for A = median of "
              f"per-round A/B (min–max), for C = median/median; MB = 10⁶ bytes of .md "
              f"read; commands (size {n_last}; other sizes: same with their folder): "
              f"{cmd_txt}")
    report = "\n\n".join(sections + [footer]) + "\n"
    publish_report(report, a.markdown)


if __name__ == "__main__":
    main()
