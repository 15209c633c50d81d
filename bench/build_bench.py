#!/usr/bin/env python3
"""Build benchmark: `helpcenter build` against Hugo on the same synthetic articles, with the
cmark CLI as the yardstick, then the rebuild after a one-article edit in both watch modes.

    python3 bench/build_bench.py [--sizes 10000] [--locales fr,en] [-n 5] [--warmup 1]
                                 [--edits 10] [--markdown FILE] [--out DIR] [--binary PATH]
                                 [--shared DIR] [--skip-hugo] [--skip-rebuild]

For every size N (articles per locale) it writes, through bench/corpus.py (shared with
parse_bench.py), OUT/N/content (our format), OUT/N/flat (bodies only) and OUT/N/hugo (the
shared make_corpus.py's Hugo site of the same articles), then:

1. Cold builds, interleaved A B H A B H ... (whole processes through /bin/sh; wall clock
   around fork..reap, cpu = user + sys and peak RSS from wait4):

     A  helpcenter build --content OUT/N/content --output OUT/N/runs/ours-K --timings
     B  cmark OUT/N/flat/*.md > /dev/null          (yardstick: one process, HTML to nowhere)
     H  hugo --source OUT/N/hugo --destination OUT/N/runs/hugo-K --quiet

   Every A and H run writes into a folder that did not exist (K counts the runs), and no run
   folder is deleted until the very end: deleting 20,000 files just before creating 20,000
   others makes ext4's inode allocator slow for minutes (without a journal it skips inodes
   freed in the last 60 s, or 300 s while their inode-table block is dirty, which it is as
   long as new files are being written), which would penalize whichever command runs next.
   For the same reason, when anything was deleted before the timings (old run folders, also
   those the previous run deleted at its end; an outdated corpus), the script syncs and
   waits until 305 s have passed since.

2. The rebuild after one edit, both tools in watch mode:
   ours  `helpcenter build --watch` on OUT/N/content; the title of fr/account/a00000.md
         gets " (2)" appended, then reverted, --edits times, 1.5 s apart; wall = from our
         write to the "rebuilt in N ms" line on its stdout (N is its own figure), and after
         every rebuild the article's page, its fr category page and its fr search result file
         must all hold the current title (the script stops otherwise).
   Hugo  /work/shared/bench/hugo_rebuild.py on OUT/N/hugo (`hugo server`, fast render; it
         appends a sentence to content/fr/account/a00000.md and reverts): its own summary.

Standard library only (Python 3.11).
"""
import argparse
import datetime
import os
import platform
import queue
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.dont_write_bytecode = True  # no bench/__pycache__ in the working tree
sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import (REPO, cpu_count, ensure_peak_helper, files_command, generate,  # noqa: E402
                    add_common_options, load_make_corpus, log, md_files, publish_report, run, shown, slug)

EDITED = ("fr", "account", "a00000")  # the article both rebuild tests edit
RECENTLY_DELETED_WAIT = 305  # s; ext4 avoids inodes freed in the last 60 s, 300 s while dirty


# --- the file-system settle ---------------------------------------------------------------


class Settle:
    """Remembers when files were deleted; wait() then syncs and sleeps out ext4's window.

    A deletion by an earlier run of this script counts too: remove_runs() leaves the time in
    OUT/N/.runs-deleted, so that two runs back to back do not time the second one inside
    the first one's window."""

    def __init__(self):
        self.pending = []  # (what, time.time() of the deletion)

    def deleted(self, what, at=None):
        self.pending.append((what, time.time() if at is None else at))

    def wait(self):
        if not self.pending:
            return
        left = max(at for _, at in self.pending) + RECENTLY_DELETED_WAIT - time.time()
        what = ", ".join(w for w, _ in self.pending)
        self.pending = []
        if left <= 0:
            return
        subprocess.run(["sync"], check=False)
        log(f"settle: deleted {what}; synced, now waiting {left:.0f} s so that ext4's "
            f"recently-deleted window (300 s while writing) is over before timing")
        time.sleep(left)


def remove_runs(roots, settle=None):
    """Deletes OUT/N/runs, noting the time in OUT/N/.runs-deleted; with `settle`, also
    reports a deletion by an earlier run of this script that may still be in its window."""
    for root in roots:
        runs, marker = root / "runs", root / ".runs-deleted"
        if settle and marker.exists():
            try:
                settle.deleted(f"{runs} (by the previous run)", float(marker.read_text()))
            except ValueError:
                pass
        if runs.exists():
            shutil.rmtree(runs)
            marker.write_text(f"{time.time()}\n")
            if settle:
                settle.deleted(str(runs))


def count_files(folder):
    """Files in an output folder, not counting hidden ones (our .helpcenter-manifest.tsv)."""
    return sum(sum(not f.startswith(".") for f in files) for _, _, files in os.walk(folder))


# --- cold builds --------------------------------------------------------------------------


def check_build(binary, content, dest):
    """One untimed `helpcenter build` into a fresh folder: exit 0, or stop with stderr."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    log(f"check: {binary} build --content {content} --output {dest}")
    p = subprocess.run([str(binary), "build", "--content", str(content), "--output", str(dest)],
                       stdin=subprocess.DEVNULL, capture_output=True, text=True)
    if p.returncode != 0:
        head = "\n".join(p.stderr.splitlines()[:20])
        sys.exit(f"build_bench: `helpcenter build --content {content}` exited {p.returncode}, "
                 f"not 0; first lines of stderr:\n{head}\n(stdout: {p.stdout.strip()})")
    log(f"check: ok: {p.stdout.strip()}")
    return p.stdout.strip()


def cold_builds(a, n, root, binary, helper, hugo_bin, use_hugo):
    content, flat, hugo_site, runs = root / "content", root / "flat", root / "hugo", root / "runs"
    runs.mkdir(parents=True, exist_ok=True)
    b_files = md_files(flat)

    def cmd_a(k):
        return (f"{shown(binary)} build --content {shown(content)} "
                f"--output {shown(runs / f'ours-{k:02d}')} --timings > /dev/null")

    def cmd_h(k):
        return (f"{shlex.quote(hugo_bin)} --source {shlex.quote(str(hugo_site))} "
                f"--destination {shlex.quote(str(runs / f'hugo-{k:02d}'))} --quiet")

    cmd_b = files_command(shlex.quote(a.cmark), flat, b_files) + " > /dev/null"
    names = ["A", "B"] + (["H"] if use_hugo else [])
    runs_of = {x: [] for x in names}
    last_stderr = ""
    log(f"time: {n} x {len(a.locales)}: {a.warmup} warm-up + {a.n} rounds of {' '.join(names)}")
    # Every run starts with the page cache written back (`sync`, untimed), so that the
    # hundreds of megabytes one tool has just written are not flushed during the next
    # tool's timed run, on the same two cores.
    for k in range(a.warmup + a.n):
        os.sync()
        r = {"A": run(cmd_a(k), helper, capture_stderr=True)}
        os.sync()
        r["B"] = run(cmd_b, helper)
        last_stderr = r["A"]["stderr"]
        if use_hugo:
            os.sync()
            r["H"] = run(cmd_h(k), helper, capture_stderr=True)
        if k >= a.warmup:
            for x in names:
                runs_of[x].append(r[x])
            log(f"  round {k - a.warmup + 1}/{a.n}: "
                + "  ".join(f"{x} {r[x]['wall']:.3f}s" for x in names))
    k_last = a.warmup + a.n - 1
    files = {"A": count_files(runs / f"ours-{k_last:02d}")}
    if use_hugo:
        files["H"] = count_files(runs / f"hugo-{k_last:02d}")
    timings = next((ln.strip() for ln in last_stderr.splitlines() if ln.startswith("timings:")),
                   f"(no timings line; stderr: {last_stderr.strip()[:200]!r})")
    cmds = {"A": cmd_a(k_last).replace(f"ours-{k_last:02d}", "ours-K"), "B": cmd_b}
    if use_hugo:
        cmds["H"] = cmd_h(k_last).replace(f"hugo-{k_last:02d}", "hugo-K")
    return dict(runs=runs_of, files=files, timings=timings, cmds=cmds, names=names)


def spread(xs, fmt="{:.2f}"):
    xs = sorted(xs)
    return f"{fmt.format(statistics.median(xs))} ({fmt.format(xs[0])}–{fmt.format(xs[-1])})"


def fmt_s(x):
    return f"{x:.3f}" if x < 10 else f"{x:.2f}"


def cold_table(n, locales, res):
    total = n * len(locales)
    R = res["runs"]
    labels = {"A": "helpcenter build (A)", "B": "cmark CLI, one process (B)",
              "H": "Hugo, full site (H)"}
    out = [f"### Cold build, {total:,} articles ({n:,} × {', '.join(locales)})", "",
           "| command | wall s, median (min–max) | cpu s, median | peak RSS MiB "
           "| files written | articles/s | × B, median (min–max) |",
           "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for x in res["names"]:
        w = sorted(r["wall"] for r in R[x])
        med = statistics.median(w)
        cpu = statistics.median(r["cpu"] for r in R[x])
        peak = max(r["peak"] for r in R[x])
        ratio = "1" if x == "B" else spread(
            [p["wall"] / q["wall"] for p, q in zip(R[x], R["B"])])
        files = f"{res['files'][x]:,}" if x in res["files"] else "—"
        out.append(f"| {labels[x]} | {fmt_s(med)} ({fmt_s(w[0])}–{fmt_s(w[-1])}) "
                   f"| {fmt_s(cpu)} | {peak:.1f} | {files} | {total / med:,.0f} | {ratio} |")
    out.append("")
    if "H" in R:
        out.append(f"Hugo ÷ helpcenter build (H/A wall, per round): "
                   f"{spread([h['wall'] / x['wall'] for h, x in zip(R['H'], R['A'])])}.")
    out.append(f"`helpcenter build --timings`, last A run: `{res['timings']}`.")
    return "\n".join(out)


# --- rebuild after one edit ---------------------------------------------------------------


def html_text(s):
    """Text as our HTMLBuffer escapes it (& < > \")."""
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def search_result_file(search, article_id):
    """The search result file that holds an article (SearchIndex.swift: the FNV-1a hash of its
    id, in base 36, modulo the manifest's bucket count)."""
    h = 2166136261
    for byte in article_id.encode():
        h = ((h ^ byte) * 16777619) & 0xFFFFFFFF
    buckets = int(re.search(r'"b":(\d+)', (search / "index.js").read_text(encoding="utf-8")).group(1))
    return search / "docs" / f"{h % buckets}.js"


def js_text(s):
    """Text as our search index's appendJSONString writes it (without the quotes)."""
    out = []
    for ch in s:
        o = ord(ch)
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "<":
            out.append("\\u003c")
        elif o < 0x20 or o in (0x2028, 0x2029):
            out.append(f"\\u{o:04x}")
        else:
            out.append(ch)
    return "".join(out)


class Watch:
    """`helpcenter build --watch` with its stdout lines timestamped by a reader thread."""

    def __init__(self, binary, content, dest):
        self.cmd = [str(binary), "build", "--watch", "--content", str(content),
                    "--output", str(dest)]
        self.lines = queue.Queue()
        self.stderr = []
        self.t0 = time.monotonic()
        self.p = subprocess.Popen(self.cmd, cwd=REPO, stdin=subprocess.DEVNULL,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        threading.Thread(target=self._read_out, daemon=True).start()
        threading.Thread(target=self._read_err, daemon=True).start()

    def _read_out(self):
        for line in self.p.stdout:
            self.lines.put((time.monotonic(), line.rstrip("\n")))
        self.lines.put((time.monotonic(), None))

    def _read_err(self):
        for line in self.p.stderr:
            self.stderr.append(line.rstrip("\n"))

    def fail(self, why):
        err = "\n".join(self.stderr[-20:])
        self.stop()
        sys.exit(f"build_bench: `{' '.join(self.cmd)}`: {why}"
                 + (f"\nlast lines of stderr:\n{err}" if err else ""))

    def next_line(self, deadline):
        try:
            t, line = self.lines.get(timeout=max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            self.fail("no output in time")
        if line is None:
            self.fail(f"exited {self.p.wait()}")
        return t, line

    def wait_for(self, prefix, timeout):
        """The first stdout line starting with `prefix`; stops on a failed (re)build."""
        deadline = time.monotonic() + timeout
        seen = []
        while True:
            t, line = self.next_line(deadline)
            seen.append(line)
            if "failed" in line:
                self.fail(f"{line!r}")
            if line.startswith(prefix):
                return t, line, seen

    def stop(self):
        if self.p.poll() is None:
            self.p.terminate()
            try:
                self.p.wait(10)
            except subprocess.TimeoutExpired:
                self.p.kill()
                self.p.wait()


def our_rebuilds(a, mc, n, root, binary):
    loc, cat, aid = EDITED
    content = root / "content"
    src = content / loc / cat / f"{aid}.md"
    dest = root / "runs" / "watch-ours"
    orig = src.read_text(encoding="utf-8")
    m = re.search(r'^title: "(.*)"$', orig, re.M)
    if not m:
        sys.exit(f"build_bench: no `title: \"…\"` line in {src}")
    plans = [mc.plan(0, n, a.seed)]
    title = mc.title(plans[0], loc)
    page = dest / loc / slug(mc, plans[0], loc) / "index.html"
    # The home page lists ten articles per category; the category page lists them all.
    listing = dest / loc / "category" / EDITED[1] / "index.html"
    edited = orig[:m.start()] + f'title: "{m.group(1)} (2)"' + orig[m.end():]

    log(f"rebuild: {' '.join(shlex.quote(c) for c in [str(binary), 'build', '--watch', '--content', str(content), '--output', str(dest)])}")
    w = Watch(binary, content, dest)
    rows = []
    try:
        t, _, seen = w.wait_for("watching", 600)
        # Its result file, named by the manifest the first build just wrote.
        index = search_result_file(dest / loc / "search", plans[0]["id"])
        start_line = next((s for s in seen if s.startswith("built ")), "")
        start_s = t - w.t0
        log(f"  initial build + start: {start_s:.1f} s ({start_line})")
        for k in range(a.edits):
            time.sleep(1.5)
            new_title = title + " (2)" if k % 2 == 0 else title
            text = edited if k % 2 == 0 else orig
            t0 = time.monotonic()
            with open(src, "w", encoding="utf-8", newline="\n") as f:
                f.write(text)
            t1, line, _ = w.wait_for("rebuilt in", 120)
            wall_ms = (t1 - t0) * 1000
            mm = re.match(r"rebuilt in (\d+) ms: (\d+) written, (\d+) removed", line)
            if not mm:
                w.fail(f"unexpected line {line!r}")
            own_ms, written = int(mm.group(1)), int(mm.group(2))
            # Consistency: the page, its category page and the search index hold the new title
            # (and, after a revert, no longer the edited one).
            edited_title = title + " (2)"
            for path, enc in ((page, html_text), (listing, html_text), (index, js_text)):
                # French pages carry no-break spaces before ? ! : ; (the generator's typography).
                body = path.read_text(encoding="utf-8").replace("\u202f", " ").replace("\u00a0", " ")
                has_new = enc(new_title) in body
                has_edited = enc(edited_title) in body
                if not has_new or (k % 2 == 1 and has_edited):
                    w.fail(f"edit {k}: after {line!r}, {path} does not hold the title "
                           f"{new_title!r}" + (" (it still holds the edited one)"
                                               if has_edited and k % 2 else ""))
            rows.append(dict(wall=wall_ms, own=own_ms, written=written))
            log(f"  edit {k}: wall_ms={wall_ms:.0f} own_ms={own_ms} written={written} "
                f"(title {'+ (2)' if k % 2 == 0 else 'reverted'}; page, category page, index ok)")
    finally:
        with open(src, "w", encoding="utf-8", newline="\n") as f:
            f.write(orig)
        w.stop()
    return dict(rows=rows, start_s=start_s, start_line=start_line)


def hugo_rebuilds(a, root):
    script = a.shared / "hugo_rebuild.py"
    cmd = [sys.executable, str(script), str(root / "hugo"), "--edits", str(a.edits)]
    log(f"rebuild: {' '.join(shlex.quote(c) for c in cmd)}")
    p = subprocess.run(cmd, cwd=REPO, stdin=subprocess.DEVNULL, capture_output=True, text=True)
    for line in p.stdout.splitlines():
        log(f"  {line}")
    summary = next((ln for ln in reversed(p.stdout.splitlines()) if " rebuild, " in ln), None)
    if p.returncode != 0 or summary is None:
        sys.exit(f"build_bench: hugo_rebuild.py exited {p.returncode}:\n"
                 f"{p.stdout[-1500:]}\n{p.stderr[-1500:]}")
    start = next((ln for ln in p.stdout.splitlines() if ln.startswith("initial build")), "")
    m = re.search(r"hugo_ms median (\d+) \(min (\d+), max (\d+)\); "
                  r"wall_ms median (\d+) \(min (\d+), max (\d+)\)", summary)
    return dict(summary=summary, start=start, m=m.groups() if m else None)


def rebuild_table(n, locales, a, ours, hugo):
    total = n * len(locales)
    out = [f"### Rebuild after one edit, {total:,} articles ({n:,} × {', '.join(locales)}), "
           f"{a.edits} edits", "",
           "| watch mode | wall ms, median (min–max) | own ms, median (min–max) "
           "| files written | done when | initial build + start |",
           "| --- | ---: | ---: | ---: | --- | ---: |"]
    if ours:
        rows = ours["rows"]
        out.append(f"| helpcenter build --watch | {spread([r['wall'] for r in rows], '{:.0f}')} "
                   f"| {spread([r['own'] for r in rows], '{:.0f}')} "
                   f"| {statistics.median(r['written'] for r in rows):.0f} "
                   f"| every file the edit changes is written (its \"rebuilt in\" line) "
                   f"| {ours['start_s']:.1f} s |")
    if hugo:
        if hugo["m"]:
            hm, hmin, hmax, wm, wmin, wmax = hugo["m"]
            start = hugo["start"].split(":", 1)[-1].strip()
            out.append(f"| hugo server (fast render) | {wm} ({wmin}–{wmax}) "
                       f"| {hm} ({hmin}–{hmax}) | — | edited page's HTML rewritten | {start} |")
        out += ["", f"hugo_rebuild.py: `{hugo['summary']}`"]
    out += ["", "wall = from the script's write of the article to the tool's signal (ours: the "
            "\"rebuilt in\" line; Hugo: the page's new mtime), including each watcher's "
            "debounce; own = the tool's figure (\"rebuilt in N ms\"; Hugo's \"Total in N ms\")."]
    return "\n".join(out)


# --- main ---------------------------------------------------------------------------------


def version(cmd):
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, stdin=subprocess.DEVNULL)
        return (p.stdout or p.stderr).splitlines()[0].strip()
    except (OSError, IndexError):
        return "?"


def main():
    ap = argparse.ArgumentParser(
        description="Time a cold `helpcenter build` against Hugo on the same synthetic "
                    "articles (the cmark CLI as yardstick B), then the rebuild after a "
                    "one-article edit in both tools' watch modes.",
        epilog="Corpora and run folders go to bench/out/ (ignored by git); a corpus is "
               "regenerated only when its parameters or inputs change.")
    add_common_options(ap, runs=5, sizes="10000", shared_holds="make_corpus.py and hugo_rebuild.py")
    ap.add_argument("--edits", type=int, default=10,
                    help="edits in the rebuild test, each tool (default 10)")
    ap.add_argument("--hugo", default="hugo", help="hugo executable (default: hugo on PATH)")
    ap.add_argument("--skip-hugo", action="store_true", help="no Hugo site, no H, no Hugo rebuild")
    ap.add_argument("--skip-rebuild", action="store_true", help="cold builds only")
    a = ap.parse_args()

    sizes = [int(s) for s in a.sizes.split(",") if s.strip()]
    a.locales = [s.strip() for s in a.locales.split(",") if s.strip()]
    if a.n < 1 or a.warmup < 0 or a.edits < 0 or not sizes or any(s < 1 for s in sizes):
        ap.error("-n must be >= 1, --warmup >= 0, --edits >= 0, sizes >= 1")
    a.shared = a.shared.resolve()
    try:
        mc, mc_path = load_make_corpus(a.shared)
    except FileNotFoundError:
        ap.error(f"no make_corpus.py in {a.shared} (see --shared)")
    if a.locales[0] != "fr" or any(loc not in mc.L for loc in a.locales):
        ap.error(f"--locales: fr first, among {', '.join(mc.L)}")
    binary = Path(os.path.abspath(a.binary))
    if not os.access(binary, os.X_OK):
        sys.exit(f"build_bench: no {binary}; build it with "
                 "`swift build -c release --product helpcenter` (or pass --binary)")
    help_text = subprocess.run([str(binary), "build", "--help"], capture_output=True,
                               text=True).stdout
    for flag in ("--timings",) + (() if a.skip_rebuild else ("--watch",)):
        if flag not in help_text:
            sys.exit(f"build_bench: {binary} has no `build {flag}`: rebuild it with "
                     "`swift build -c release --product helpcenter`")
    if not shutil.which(a.cmark):
        sys.exit(f"build_bench: no {a.cmark} on PATH; `scripts/setup.sh bench` installs it")
    use_hugo = not a.skip_hugo
    hugo_bin = shutil.which(a.hugo) if use_hugo else None
    if use_hugo and not hugo_bin:
        sys.exit(f"build_bench: no {a.hugo} on PATH (or pass --skip-hugo)")
    if use_hugo and not a.skip_rebuild and not (a.shared / "hugo_rebuild.py").exists():
        sys.exit(f"build_bench: no hugo_rebuild.py in {a.shared}")
    tmp = os.environ.get("TMPDIR", "/tmp")
    helper = ensure_peak_helper(tmp)
    out_root = Path(os.path.abspath(a.out))
    roots = [out_root / str(n) for n in sizes]
    started = datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")

    settle = Settle()
    remove_runs(roots, settle)  # leftovers of an interrupted run
    for n, root in zip(sizes, roots):
        if generate(mc, mc_path, root, n, a.locales, a.seed, hugo=use_hugo):
            settle.deleted(f"an older corpus in {root}")
        check_build(binary, root / "content", root / "runs" / "check")

    sections, last = [], None
    for i, (n, root) in enumerate(zip(sizes, roots)):
        settle.wait()
        res = cold_builds(a, n, root, binary, helper, hugo_bin, use_hugo)
        sections.append(cold_table(n, a.locales, res))
        last = res
        if not a.skip_rebuild and a.edits > 0:
            ours = our_rebuilds(a, mc, n, root, binary)
            hugo = None
            if use_hugo:
                hugo = hugo_rebuilds(a, root)
                if i + 1 < len(sizes):  # hugo_rebuild.py deleted its output folder
                    settle.deleted("hugo_rebuild.py's output")
            sections.append(rebuild_table(n, a.locales, a, ours, hugo))
    remove_runs(roots)

    cmd_txt = "; ".join(f"{x} = `{c}`" for x, c in last["cmds"].items())
    footer = (f"Machine: {cpu_count()} CPUs (nproc), {platform.machine()}; {started}; "
              f"{version([hugo_bin, 'version']) if use_hugo else 'no Hugo'}; "
              f"{version([shutil.which(a.cmark), '--version'])}. "
              f"Cold builds: {a.n} counted rounds after {a.warmup} warm-up, interleaved "
              f"{' '.join(last['names'])}; every run starts after a sync; every A and H run writes a new folder, none is "
              f"deleted before the end; wall = median (min–max) of whole processes; × B = "
              f"median (min–max) of per-round ratios; files written = files in one output "
              f"folder. Commands (size {sizes[-1]}; K = run number): {cmd_txt}")
    report = "\n\n".join(sections + [footer]) + "\n"
    publish_report(report, a.markdown)


if __name__ == "__main__":
    main()
