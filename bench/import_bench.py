#!/usr/bin/env python3
"""Import benchmark: `helpcenter import` of a real help center, then `helpcenter build` of what
it wrote, on the public Jekyll/kramdown source of the Bitwarden help center (bitwarden/help at
commit 18aa730c0156f7e25da39ad81bf13809b13471c6) — the acceptance run of issue 19.

    python3 bench/import_bench.py [--source DIR] [--mirror GITDIR] [--commit SHA] [-n 5]
                                  [--warmup 1] [--out DIR] [--binary PATH] [--markdown FILE]

The source is a local copy, never fetched: `--source DIR` (a checkout or an extraction with
_articles/, images/, _config.yml), or by default the files of --commit extracted from the git
directory --mirror (default /work/.mirror/bitwarden+help/repo) into OUT/source-<commit>/; blobs
the mirror lacks (its largest GIFs) are skipped and listed. No part of the corpus is committed:
its licence is not stated.

Then, round after round (--warmup uncounted first), each into folders that did not exist:

  I  helpcenter import --from jekyll SOURCE --content OUT/runs/content-K --locale en
                                      (content-K seeded with the shipped en/chrome.yml and
                                      en/phrasebook.yml, as README tells a new help center)
  B  helpcenter build --content OUT/runs/content-K --output OUT/runs/site-K
                      [--keep-going when the binary has it]

Then once more (untimed) with `import --mark-unread-steps`, when the binary has it, and `build
--keep-going` of that: how many articles build with the unread steps marked as steps for people.

Wall clock around whole processes (time.monotonic from start to reap); import exits 1 when it
has findings and build exits 1 on content errors, both expected here. From the last round:

- articles imported, drafts, images copied, findings of the import report;
- articles built (the build's summary line; 0 when the build refused the content);
- tables: GFM pipe tables in the imported articles (cmark-gfm -e table), and how many of
  those in the articles our parser accepts it reads as tables (`helpcenter model --json`);
- procedure steps: every item of an ordered list in the imported articles (cmark: each one
  is a step of ours), and those `helpcenter lint` reports as not read (a step error: no
  phrase reads it, ambiguous, an unknown field, no sentence) — the share that reads;
- the links the source already had dead (the import's "dead in the source" findings);
- images the build could not find (the blobs the mirror lacks).

Standard library only (Python 3.11); needs git (for the mirror), cmark and cmark-gfm.
"""
import argparse
import datetime
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.dont_write_bytecode = True  # no bench/__pycache__ in the working tree
sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import REPO, cpu_count, log, publish_report, shown  # noqa: E402

COMMIT = "18aa730c0156f7e25da39ad81bf13809b13471c6"
MIRROR = Path("/work/.mirror/bitwarden+help/repo")
SOURCE_PATHS = ["_articles", "images", "_config.yml", "_redirects", "_includes"]
STEP_ERROR = re.compile(r"^(?P<place>[^:]+:\d+):\d+: error: step \d+(?: |:)")


# --- the source ---------------------------------------------------------------------------


def extract(mirror, commit, target):
    """The files of `commit` under SOURCE_PATHS, written into `target` from the git directory;
    returns the paths whose blobs the mirror lacks."""
    git = ["git", f"--git-dir={mirror}"]
    listing = subprocess.run(git + ["ls-tree", "-r", "-z", commit, "--"] + SOURCE_PATHS,
                             check=True, capture_output=True).stdout.split(b"\0")
    entries = []
    for entry in filter(None, listing):
        meta, path = entry.split(b"\t", 1)
        _, kind, blob = meta.split()
        if kind == b"blob":
            entries.append((blob.decode(), path.decode()))
    batch = subprocess.Popen(git + ["cat-file", "--batch"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    missing = []
    for blob, path in entries:
        batch.stdin.write(blob.encode() + b"\n")
        batch.stdin.flush()
        header = batch.stdout.readline().split()
        if len(header) < 3 or header[1] == b"missing":
            missing.append(path)
            continue
        data = batch.stdout.read(int(header[2]))
        batch.stdout.read(1)  # the newline after each object
        out = target / path
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(data)
    batch.stdin.close()
    batch.wait()
    return missing


def source_folder(a):
    """The source to import, and the files the mirror could not give (empty with --source)."""
    if a.source:
        if not (a.source / "_articles").is_dir():
            sys.exit(f"import_bench: {a.source} has no _articles/; give a copy of bitwarden/help")
        return a.source, []
    target = a.out / f"source-{a.commit[:12]}"
    stamp = target / ".missing.json"
    if stamp.exists():
        return target, json.loads(stamp.read_text())
    if not a.mirror.exists():
        sys.exit(f"import_bench: no mirror at {a.mirror}; give --source DIR (a checkout of bitwarden/help at {a.commit})")
    log(f"extract {a.commit[:12]} from {a.mirror} into {target}")
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    missing = extract(a.mirror, a.commit, target)
    stamp.write_text(json.dumps(missing))
    return target, missing


# --- the runs -----------------------------------------------------------------------------


def timed(cmd, allowed=(0, 1)):
    """One whole process; its wall time, exit status and output. A status outside `allowed`
    (2: unreadable input, a crash) stops the benchmark with the first lines of its errors."""
    started = time.monotonic()
    p = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True)
    wall = time.monotonic() - started
    if p.returncode not in allowed:
        head = "\n".join(p.stderr.splitlines()[:20])
        sys.exit(f"import_bench: exit {p.returncode}: {' '.join(cmd)}\n{head}")
    return dict(wall=wall, status=p.returncode, stdout=p.stdout, stderr=p.stderr)


def seed(content):
    """A new content folder with the shipped English chrome and phrasebook."""
    english = content / "en"
    english.mkdir(parents=True)
    for name in ("chrome.yml", "phrasebook.yml"):
        shutil.copy(REPO / "content" / "en" / name, english / name)


def rounds(a, source, binary):
    runs = a.out / "runs"
    shutil.rmtree(runs, ignore_errors=True)
    runs.mkdir(parents=True)
    keep_going = "--keep-going" in timed([str(binary), "build", "--help"]).get("stdout", "")
    imports, builds, last = [], [], None
    for k in range(a.warmup + a.n):
        content, site = runs / f"content-{k:02d}", runs / f"site-{k:02d}"
        seed(content)
        os.sync()
        i = timed([str(binary), "import", "--from", "jekyll", str(source), "--content", str(content),
                   "--locale", "en", "--updated", "2026-12-01"])
        os.sync()
        b = timed([str(binary), "build", "--content", str(content), "--output", str(site)]
                  + (["--keep-going"] if keep_going else []))
        if k >= a.warmup:
            imports.append(i["wall"])
            builds.append(b["wall"])
            log(f"  round {k - a.warmup + 1}/{a.n}: import {i['wall']:.3f}s  build {b['wall']:.3f}s (exit {b['status']})")
        last = dict(content=content, site=site, imported=i, built=b, keep_going=keep_going)
    # Once more with the steps that do not read marked as steps for people, when the binary can:
    # how many articles then build (the timed rounds import the steps as written).
    if "--mark-unread-steps" in timed([str(binary), "import", "--help"]).get("stdout", ""):
        content, site = runs / "content-marked", runs / "site-marked"
        seed(content)
        i = timed([str(binary), "import", "--from", "jekyll", str(source), "--content", str(content),
                   "--locale", "en", "--updated", "2026-12-01", "--mark-unread-steps"])
        b = timed([str(binary), "build", "--content", str(content), "--output", str(site), "--keep-going"])
        last["marked"] = dict(imported=i, built=b)
    return imports, builds, last


# --- what the last round gave -------------------------------------------------------------


def body(path):
    """An article's Markdown without its front matter."""
    text = path.read_text(encoding="utf-8")
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end >= 0:
            return text[end + 5:]
    return text


def articles(content):
    return sorted(p for p in (content / "en").rglob("*.md"))


PLAIN_LIST_MARK = re.compile(r"<html_block[^>]*>\s*&lt;!--\s*list\s*--&gt;\s*</html_block>")


def ordered_items(markdown):
    """Items of ordered lists, as cmark reads them: each one is a step of ours, but for the
    items of a list right after the line `<!-- list -->` (a plain list: no steps)."""
    xml = subprocess.run(["cmark", "--to", "xml"], input=markdown, capture_output=True, text=True, check=True).stdout
    xml = PLAIN_LIST_MARK.sub("<plain_list_mark/>", xml)
    count, depth, marked = 0, [], False
    for tag in re.finditer(r"<(/?)(list|item|plain_list_mark|paragraph|heading|code_block|html_block|block_quote|thematic_break)\b([^>]*)>", xml):
        closing, name, attributes = tag.groups()
        if name == "list":
            if closing:
                depth.pop()
            else:
                depth.append('type="ordered"' in attributes and not marked)
        elif name == "item" and not closing and depth and depth[-1]:
            count += 1
        marked = name == "plain_list_mark"
    return count


def gfm_tables(markdown):
    xml = subprocess.run(["cmark-gfm", "-e", "table", "--to", "xml"], input=markdown, capture_output=True,
                         text=True, check=True).stdout
    return len(re.findall(r"<table[ >]", xml))


def model_tables(binary, content):
    """Tables our parser read, per article file, in the articles it accepts."""
    out = timed([str(binary), "model", "--json", "--content", str(content)])["stdout"]
    found = {}

    def walk(node, file):
        if isinstance(node, dict):
            if "table" in node and isinstance(node["table"], dict):
                found[file] = found.get(file, 0) + 1
            for value in node.values():
                walk(value, file)
        elif isinstance(node, list):
            for value in node:
                walk(value, file)

    for article in json.loads(out or "[]"):
        found.setdefault(article["file"], 0)
        walk(article.get("sections", []), article["file"])
        walk(article.get("intro", []), article["file"])
    return found


def measure(a, binary, last):
    content = last["content"]
    imported = last["imported"]["stdout"]
    summary = re.search(r"imported (\d+) articles? \((\d+) drafts?\).*?, (\d+) images copied.*?; (\d+) findings?", imported)
    built = re.search(r"from (\d+) articles", last["built"]["stdout"])
    files = articles(content)
    steps = sum(ordered_items(body(f)) for f in files)
    tables = {str(f): gfm_tables(body(f)) for f in files}
    read_tables = model_tables(binary, content)
    parsed_files = {f for f in read_tables}
    lint = timed([str(binary), "lint", "--content", str(content)])["stderr"].splitlines()
    unread = {m.group("place") for line in lint if (m := STEP_ERROR.match(line))}
    missing_images = [line for line in lint if re.search(r": error: image '[^']+' not found", line)]
    # "link to article 'x', which the source does not have", "link to '#a' of en/b.md, which has no heading …"
    dead = sorted({re.sub(r"^.*?/_articles/", "_articles/", line.split(": warning: ")[0]) + ": "
                   + re.split(r"link to (?:article )?", line.split(": warning: ")[1], maxsplit=1)[-1].split(", which")[0]
                   for line in last["imported"]["stderr"].splitlines() if "dead in the source" in line})
    warned = {code: sum(1 for line in lint if line.endswith(f"[{code}]"))
              for code in ("unlabelled-step", "conditional-step", "choice-step", "titled-step")}
    marked = None
    if "marked" in last:
        built_marked = re.search(r"from (\d+) articles", last["marked"]["built"]["stdout"])
        marked = dict(built=int(built_marked.group(1)) if built_marked else 0,
                      steps=sum(1 for line in last["marked"]["imported"]["stderr"].splitlines()
                                if "step written as a step for people" in line),
                      line=(last["marked"]["built"]["stdout"].strip().splitlines() or [""])[-1])
    return dict(
        warned=warned, marked=marked,
        imported=int(summary.group(1)) if summary else 0, drafts=int(summary.group(2)) if summary else 0,
        images=int(summary.group(3)) if summary else 0, findings=int(summary.group(4)) if summary else 0,
        built=int(built.group(1)) if built else 0, build_status=last["built"]["status"], build_line=(last["built"]["stdout"].strip().splitlines() or [""])[-1],
        steps=steps, unread=len(unread), tables=sum(tables.values()),
        tables_in_parsed=sum(n for f, n in tables.items() if f in parsed_files), tables_read=sum(read_tables.values()),
        parsed=len(parsed_files), missing_images=missing_images, dead=dead)


# --- the report ---------------------------------------------------------------------------


def report(a, source, missing_blobs, imports, builds, m, keep_going):
    med = statistics.median
    read = m["steps"] - m["unread"]
    share = 100.0 * read / m["steps"] if m["steps"] else 0.0
    lines = [
        f"## Import benchmark ({datetime.date.today().isoformat()}, {platform.node()}, {cpu_count()} cores)",
        "",
        f"Source: bitwarden/help at {a.commit[:12]} ({shown(source)}); median of {a.n} runs after {a.warmup} warm-up.",
        "",
        "| measure | value |",
        "| --- | --- |",
        f"| `helpcenter import` wall time (median) | {med(imports):.3f} s (min {min(imports):.3f}, max {max(imports):.3f}) |",
        f"| `helpcenter build{' --keep-going' if keep_going else ''}` wall time (median) | {med(builds):.3f} s (min {min(builds):.3f}, max {max(builds):.3f}); exit {m['build_status']} |",
        f"| articles imported | {m['imported']} ({m['drafts']} of them drafts: `hidden: true`) |",
        f"| articles built | {m['built']} |",
        f"| articles the parser accepts (lint) | {m['parsed']} of {m['imported']} |",
        f"| images copied | {m['images']} (mirror lacks {len(missing_blobs)} blobs; {len(m['missing_images'])} image references not found) |",
        f"| GFM tables in the imported articles | {m['tables']} |",
        f"| … of them in accepted articles, read as tables | {m['tables_read']} of {m['tables_in_parsed']} |",
        f"| procedure steps (ordered-list items) | {m['steps']} |",
        f"| steps that read (no step error in lint) | {read} ({share:.1f} %) |",
        f"| … of them steps for people with a warning | {sum(m['warned'].values())}: "
        + ", ".join(f"{n} {code}" for code, n in m["warned"].items()) + " |",
        f"| import findings (import-report.txt) | {m['findings']} |",
        f"| links the source already had dead | {len(m['dead'])} |",
        "",
        f"Build: {m['build_line']}",
        "",
    ]
    if m["marked"]:
        lines += [f"With `import --mark-unread-steps` ({m['marked']['steps']} steps marked `<!-- manual -->`, listed in the "
                  f"report): {m['marked']['line']}", ""]
    lines += [
        "Links dead in the source:",
        "",
    ] + [f"- {d}" for d in m["dead"]] + [""]
    if missing_blobs:
        lines += ["Files the mirror lacks (not imported):", ""] + [f"- {p}" for p in missing_blobs] + [""]
    return "\n".join(lines) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--source", type=Path, help="a local copy of bitwarden/help (default: extracted from --mirror)")
    ap.add_argument("--mirror", type=Path, default=MIRROR, help=f"git directory of bitwarden/help (default {MIRROR})")
    ap.add_argument("--commit", default=COMMIT, help=f"commit to extract (default {COMMIT[:12]})")
    ap.add_argument("-n", type=int, default=5, help="counted rounds (default 5)")
    ap.add_argument("--warmup", type=int, default=1, help="uncounted rounds first (default 1)")
    ap.add_argument("--out", type=Path, default=Path("/tmp/helpcenter-bench-import"), help="work folder (default /tmp/helpcenter-bench-import)")
    ap.add_argument("--binary", type=Path, default=REPO / ".build" / "release" / "helpcenter",
                    help="helpcenter executable (default <repo>/.build/release/helpcenter)")
    ap.add_argument("--markdown", type=Path, metavar="FILE", help="also write the report to FILE")
    a = ap.parse_args()
    if not a.binary.exists():
        sys.exit(f"import_bench: no {a.binary}; run `make build` (release) first")
    for tool in ("cmark", "cmark-gfm"):
        if not shutil.which(tool):
            sys.exit(f"import_bench: {tool} is not installed; run scripts/setup.sh bench")
    a.out.mkdir(parents=True, exist_ok=True)
    source, missing = source_folder(a)
    imports, builds, last = rounds(a, source, a.binary)
    m = measure(a, a.binary, last)
    publish_report(report(a, source, missing, imports, builds, m, last["keep_going"]), a.markdown)


if __name__ == "__main__":
    main()
