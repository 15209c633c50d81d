#!/usr/bin/env python3
"""Search benchmark: our split index against Pagefind on the same built site.

    .venv-browser/bin/python bench/search_bench.py [--size 10000] [--locales fr,en]
        [--binary .build/release/helpcenter] [--pagefind .venv-bench/bin/python -m pagefind]
        [--queries bench/search_queries.json] [--markdown FILE]

1. Size and time. The synthetic corpus of bench/corpus.py (OUT/N/content, N articles per
   locale) is built once by `helpcenter build --timings` into OUT/N/search-site; our index is
   what it wrote under <locale>/search/ (manifest, term and result files). Pagefind indexes
   the same folder (`pagefind --site DIR --output-subdir _pagefind --root-selector main`: the
   articles, not the header and footer every page repeats), timed as a whole process
   with its peak RSS; its size is _pagefind/.
2. Bytes per query. DIR is served by Python's http.server on loopback (no compression, so
   sizes are the files' own), and headless Chromium opens, for each tool, the search page
   with a one-word and a two-word query from the corpus's words: ours is /fr/search/?q=…
   (the page, its scripts and the index files the query loads, until the results show);
   Pagefind's is a page of its own JavaScript API (pagefind.js, its WebAssembly, the index
   chunks, then the fragments of the ten first results, as a results list shows). The bytes
   are the sum of every resource's size (Resource Timing, the page itself included).
3. Relevance (with --queries, on the real help center of content/): the site is built, Pagefind
   indexes it, and every query of the file is run in both; a query's answer is the article
   (and, where the file says, the section) that answers it. MRR@5 and recall@10, per locale.

Needs the browser set-up (scripts/setup-browser.sh: chromium, chromium-driver, selenium) and
Pagefind (`scripts/setup.sh bench` puts it in .venv-bench). Standard library otherwise.
"""
import argparse
import datetime
import functools
import http.server
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

sys.dont_write_bytecode = True
sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import REPO, ensure_peak_helper, generate, load_make_corpus, log, publish_report, run  # noqa: E402

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

PAGEFIND_PAGE = """<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><title>pagefind</title></head><body>
<ol id="results"></ol>
<script type="module">
const q = new URLSearchParams(location.search).get('q');
const pagefind = await import('/_pagefind/pagefind.js');
await pagefind.options({ excerptLength: 30 });
const search = await pagefind.search(q);
const top = await Promise.all(search.results.slice(0, 10).map(r => r.data()));
const list = document.getElementById('results');
for (const d of top) {
  const li = list.appendChild(document.createElement('li'));
  const sub = (d.sub_results && d.sub_results[0]) || d;
  li.dataset.url = sub.url || d.url;
  li.textContent = d.meta.title;
}
document.title = 'done';
</script></body></html>
"""


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,900"):
        options.add_argument(flag)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


class Served:
    """A folder on a free loopback port, as a static host serves it (no compression)."""

    def __init__(self, folder):
        handler = functools.partial(Quiet, directory=str(folder))
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"

    def stop(self):
        self.server.shutdown()


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        super().end_headers()


def fetched_bytes(driver):
    """Every resource the page loaded, the page included, by its body size."""
    return driver.execute_script("""
        const nav = performance.getEntriesByType('navigation')[0];
        let total = nav ? nav.decodedBodySize : 0;
        for (const r of performance.getEntriesByType('resource')) total += r.decodedBodySize || r.transferSize || 0;
        return total;""")


def ours(driver, base, locale, query):
    """(bytes, result URLs) of our search page for a query."""
    driver.get(f"{base}/{locale}/search/?q={urllib.parse.quote(query)}")
    WebDriverWait(driver, 30).until(lambda d: d.find_element(By.CSS_SELECTOR, ".search-status").text)
    time.sleep(0.2)
    urls = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, ".search-results li h2 a")]
    return fetched_bytes(driver), urls


def theirs(driver, base, locale, query):
    # Pagefind searches the index of its page's language: one page per locale.
    driver.get(f"{base}/pagefind-bench-{locale}.html?q={urllib.parse.quote(query)}")
    WebDriverWait(driver, 60).until(lambda d: d.title == "done")
    urls = [base + li.get_attribute("data-url") for li in driver.find_elements(By.CSS_SELECTOR, "#results li")]
    return fetched_bytes(driver), urls


def folder_size(folder):
    return sum(f.stat().st_size for f in Path(folder).rglob("*") if f.is_file())


def run_pagefind(pagefind, site, helper, locales):
    """Pagefind over the site's <main> elements (the article, not the header and footer every
    page repeats: what a Pagefind user marks with data-pagefind-body), and a search page of
    its API per locale."""
    shutil.rmtree(site / "_pagefind", ignore_errors=True)
    cmd = f"{pagefind} --site {site} --output-subdir _pagefind --root-selector main --quiet"
    res = run(cmd, helper)
    for locale in locales:
        (site / f"pagefind-bench-{locale}.html").write_text(PAGEFIND_PAGE.replace("{lang}", locale), encoding="utf-8")
    return res


def relevance(driver, base, locale, queries, search):
    """MRR@5 and recall@10 of `search` over the queries of one locale."""
    reciprocal, recalled = [], []
    for q in queries:
        _, urls = search(q["q"])
        expected = f"/{locale}/{q['slug']}/"
        rank = next((i + 1 for i, u in enumerate(urls[:10])
                     if urllib.parse.urlparse(u).path.endswith(expected)
                     and (not q.get("anchor") or urllib.parse.urlparse(u).fragment == q["anchor"])), None)
        reciprocal.append(1 / rank if rank and rank <= 5 else 0)
        recalled.append(1 if rank else 0)
    return sum(reciprocal) / len(queries), sum(recalled) / len(queries)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--size", type=int, default=10000, help="articles per locale (default 10000)")
    ap.add_argument("--locales", default="fr,en")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", type=Path, default=REPO / "bench" / "out")
    ap.add_argument("--binary", type=Path, default=REPO / ".build" / "release" / "helpcenter")
    ap.add_argument("--pagefind", default=f"{REPO / '.venv-bench' / 'bin' / 'python'} -m pagefind")
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared" / "bench")
    ap.add_argument("--queries", type=Path, default=REPO / "bench" / "search_queries.json")
    ap.add_argument("--markdown", type=Path)
    a = ap.parse_args()
    helper = ensure_peak_helper(tempfile.gettempdir())
    mc, mc_path = load_make_corpus(a.shared)
    locales = a.locales.split(",")
    root = a.out / str(a.size)
    generate(mc, mc_path, root, a.size, locales, a.seed)
    site = root / "search-site"
    shutil.rmtree(site, ignore_errors=True)
    build = run(f"{a.binary} build --content {root / 'content'} --output {site} --timings", helper, capture_stderr=True)
    ours_size = sum(folder_size(site / loc / "search") - (site / loc / "search" / "index.html").stat().st_size for loc in locales)
    ours_files = sum(1 for loc in locales for f in (site / loc / "search").rglob("*.js"))
    log(f"our build: {build['wall']:.2f} s; index {ours_size / 1e6:.1f} MB in {ours_files} files")
    pf = run_pagefind(a.pagefind, site, helper, locales)
    pf_size = folder_size(site / "_pagefind")
    log(f"pagefind: {pf['wall']:.2f} s, peak {pf['peak']:.0f} MiB, {pf_size / 1e6:.1f} MB")

    words = [mc.L["fr"]["objects"][0].split()[-1], " ".join(mc.L["fr"]["objects"][1].split()[-1:] + [mc.L["fr"]["verbs"][2]])]
    served = Served(site)
    driver = browser()
    rows = []
    try:
        for query in words:
            ours_bytes, ours_urls = ours(driver, served.url, "fr", query)
            their_bytes, their_urls = theirs(driver, served.url, "fr", query)
            rows.append((query, ours_bytes, len(ours_urls), their_bytes, len(their_urls)))
            log(f"query {query!r}: ours {ours_bytes / 1024:.0f} KB ({len(ours_urls)} results), "
                f"pagefind {their_bytes / 1024:.0f} KB ({len(their_urls)} results)")
    finally:
        driver.quit()
        served.stop()

    quality = []
    if a.queries.exists():
        queries = json.loads(a.queries.read_text(encoding="utf-8"))
        real = Path(tempfile.mkdtemp(prefix="search-bench-"))
        run(f"{a.binary} build --content {REPO / 'content'} --output {real}", helper)
        run_pagefind(a.pagefind, real, helper, list(queries))
        served = Served(real)
        driver = browser()
        try:
            for locale, items in queries.items():
                mrr_o, rec_o = relevance(driver, served.url, locale, items, lambda q: ours(driver, served.url, locale, q))
                mrr_p, rec_p = relevance(driver, served.url, locale, items, lambda q: theirs(driver, served.url, locale, q))
                quality.append((locale, len(items), mrr_o, rec_o, mrr_p, rec_p))
                log(f"relevance {locale}: ours MRR@5 {mrr_o:.2f} recall@10 {rec_o:.2f}; pagefind {mrr_p:.2f} / {rec_p:.2f}")
        finally:
            driver.quit()
            served.stop()
            shutil.rmtree(real, ignore_errors=True)

    out = [f"## Search, {a.size * len(locales):,} pages ({a.size:,} articles × {len(locales)} locales)", "",
           "| | ours | Pagefind 1.5 |", "| --- | ---: | ---: |",
           f"| index time | {build['wall']:.2f} s (whole build) | {pf['wall']:.2f} s (peak {pf['peak']:.0f} MiB) |",
           f"| index size on disk | {ours_size / 1e6:.1f} MB | {pf_size / 1e6:.1f} MB |"]
    for query, ob, on, tb, tn in rows:
        out.append(f"| bytes for the page + “{query}” | {ob / 1024:.0f} KB ({on} results) | {tb / 1024:.0f} KB ({tn} results) |")
    if quality:
        out += ["", "| locale | queries | ours MRR@5 | ours recall@10 | Pagefind MRR@5 | Pagefind recall@10 |",
                "| --- | ---: | ---: | ---: | ---: | ---: |"]
        out += [f"| {l} | {n} | {mo:.2f} | {ro:.2f} | {mp:.2f} | {rp:.2f} |" for l, n, mo, ro, mp, rp in quality]
    out += ["", f"{datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC, {os.cpu_count()} cores, "
            f"{platform.machine()}; `{build['stderr'].strip().splitlines()[0] if build['stderr'].strip() else ''}`", ""]
    publish_report("\n".join(out), a.markdown)


if __name__ == "__main__":
    main()
