#!/usr/bin/env python3
"""Validation benchmark: `helpcenter validate` on the site `helpcenter build` just wrote, side
by side with that build, on the synthetic corpus build_bench.py uses.

    python3 bench/validate_bench.py [--sizes 10000] [--locales fr,en] [-n 5] [--warmup 1]
                                    [--markdown FILE] [--out DIR] [--binary PATH]

For every size N (articles per locale) the corpus OUT/N/content is made by bench/corpus.py
(shared with the other benchmarks), then, round after round:

  A  helpcenter build --content OUT/N/content --output OUT/N/runs/site-K
  V  helpcenter validate OUT/N/runs/site-K --content OUT/N/content
     (everything `make site` validates: the site's pages, links, sitemap, and the content)
  S  helpcenter validate OUT/N/runs/site-K --content OUT/N/content --site-only
     (the site rules alone: only helpcenter.yml is read, no article is parsed or audited)

Each A writes a new folder and nothing is deleted until the end (see build_bench.py on ext4's
recently-deleted window; the same settle wait applies); every run starts after a sync. Wall
clock and CPU from wait4 around whole processes, peak RSS from the corpus helper; V/A and S/A
are medians of per-round ratios. Standard library only (Python 3.11).
"""
import argparse
import datetime
import os
import platform
import statistics
import sys
from pathlib import Path

sys.dont_write_bytecode = True  # no bench/__pycache__ in the working tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from build_bench import Settle, check_build, count_files, remove_runs  # noqa: E402
from corpus import (REPO, add_common_options, cpu_count, ensure_peak_helper, generate,  # noqa: E402
                    load_make_corpus, log, publish_report, run, shown)


def rounds(a, root, binary, helper):
    content, runs = root / "content", root / "runs"
    runs.mkdir(parents=True, exist_ok=True)

    def cmds(k):
        site = runs / f"site-{k:02d}"
        return {
            "A": f"{shown(binary)} build --content {shown(content)} --output {shown(site)} > /dev/null",
            "V": f"{shown(binary)} validate {shown(site)} --content {shown(content)} > /dev/null",
            "S": f"{shown(binary)} validate {shown(site)} --content {shown(content)} --site-only > /dev/null",
        }

    results = {x: [] for x in "AVS"}
    for k in range(a.warmup + a.n):
        r = {}
        for x, cmd in cmds(k).items():
            os.sync()
            r[x] = run(cmd, helper, capture_stderr=True)
        if k >= a.warmup:
            for x in "AVS":
                results[x].append(r[x])
            log(f"  round {k - a.warmup + 1}/{a.n}: " + "  ".join(f"{x} {r[x]['wall']:.3f}s" for x in "AVS"))
    last = a.warmup + a.n - 1
    pages = count_files(runs / f"site-{last:02d}")
    shown_cmds = {x: c.replace(f"site-{last:02d}", "site-K") for x, c in cmds(last).items()}
    return results, pages, shown_cmds


def median_spread(values, fmt):
    return f"{fmt.format(statistics.median(values))} ({fmt.format(min(values))}–{fmt.format(max(values))})"


def table(n, locales, results, pages):
    a_walls = [r["wall"] for r in results["A"]]
    lines = [
        f"### {n} articles × {len(locales)} locales ({', '.join(locales)}): {pages} files in the site",
        "",
        "| command | wall s | cpu s | peak MiB | ÷ build (wall) |",
        "| --- | --- | --- | --- | --- |",
    ]
    names = {"A": "A build", "V": "V validate (site + content)", "S": "S validate --site-only"}
    for x in "AVS":
        rs = results[x]
        ratio = "1" if x == "A" else median_spread([r["wall"] / a for r, a in zip(rs, a_walls)], "{:.2f}")
        lines.append(
            f"| {names[x]} | {median_spread([r['wall'] for r in rs], '{:.2f}')} | "
            f"{median_spread([r['cpu'] for r in rs], '{:.2f}')} | {statistics.median(r['peak'] for r in rs):.0f} | {ratio} |")
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description="Time `helpcenter validate` beside the build that wrote the site.")
    add_common_options(ap, runs=5, sizes="10000", shared_holds="make_corpus.py")
    a = ap.parse_args()
    sizes = [int(s) for s in a.sizes.split(",") if s.strip()]
    a.locales = [s.strip() for s in a.locales.split(",") if s.strip()]
    a.shared = a.shared.resolve()
    mc, mc_path = load_make_corpus(a.shared)
    binary = Path(os.path.abspath(a.binary))
    if not os.access(binary, os.X_OK):
        sys.exit(f"validate_bench: no {binary}; build it with `swift build -c release --product helpcenter`")
    helper = ensure_peak_helper(os.environ.get("TMPDIR", "/tmp"))
    out_root = Path(os.path.abspath(a.out))
    roots = [out_root / str(n) for n in sizes]
    started = datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    settle = Settle()
    remove_runs(roots, settle)
    sections, last_cmds = [], {}
    for n, root in zip(sizes, roots):
        if generate(mc, mc_path, root, n, a.locales, a.seed):
            settle.deleted(f"an older corpus in {root}")
        check_build(binary, root / "content", root / "runs" / "check")
        settle.wait()
        results, pages, last_cmds = rounds(a, root, binary, helper)
        sections.append(table(n, a.locales, results, pages))
    remove_runs(roots)
    footer = (f"Machine: {cpu_count()} CPUs, {platform.machine()}; {started}. {a.n} counted rounds after "
              f"{a.warmup} warm-up, each A V S after a sync; wall and cpu = median (min–max) of whole "
              f"processes. Commands (K = round): " + "; ".join(f"{x} = `{c}`" for x, c in last_cmds.items()))
    publish_report("\n\n".join(sections + [footer]) + "\n", a.markdown)


if __name__ == "__main__":
    main()
