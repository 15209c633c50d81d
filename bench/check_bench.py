#!/usr/bin/env python3
"""Checker benchmark: `helpcenter check` on the real content, a synthetic 1,000-execution run,
and what one headless-Chromium page load plus click costs on the same engine.

1. Full run: `/usr/bin/time -v helpcenter check --content content` (the embedded engine started
   and stopped inside, every procedure and claim of every locale), N times; median wall time
   and peak RSS.
2. Synthetic run: `helpcenter check --repeat R` with R chosen so that at least 1,000 procedure
   and claim executions run (each on a fresh fixture); executions per second, engine start
   included, median of M runs.
3. Reference: the release engine on a free port, headless Chromium through Selenium
   (`.venv-browser/`, `scripts/setup-browser.sh`): load /fr/sign-in, click "Vous ne parvenez
   pas à vous connecter ?", wait for the next page; median of 20 after a warm-up. The same page
   load plus click by the checker's way (HTTP + libxml2) is the per-page figure of run 2.

Prints a Markdown table, then each of the issue's targets with the figure against it: the full
run under 10 s, the synthetic run at 100 executions/s or more (a benchmark's verdict, printed,
not a test: it needs an idle machine). Python 3 standard library (the reference part runs itself again under
.venv-browser/bin/python for Selenium).
"""

import argparse
import json
import math
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import loopback

ROOT = Path(__file__).resolve().parent.parent
BINARY = ROOT / ".build/release/helpcenter"
# The targets of the help-center coverage issue: the whole help center checked, engine start
# included, in under 10 s; 1,000 synthetic procedure executions at 100 or more per second.
FULL_RUN_TARGET_S = 10.0
EXECUTIONS_TARGET_PER_S = 100


def timed(command):
    """Runs under /usr/bin/time -v; returns (wall seconds, peak RSS KiB, stdout)."""
    result = subprocess.run(["/usr/bin/time", "-v"] + command, cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"{' '.join(command)} exited {result.returncode}:\n{result.stderr[-2000:]}")
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", result.stderr)
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr)
    seconds = int(wall.group(1) or 0) * 3600 + int(wall.group(2)) * 60 + float(wall.group(3))
    return seconds, int(rss.group(1)), result.stdout


def jobs_per_run():
    result = subprocess.run([str(BINARY), "check", "--format", "json"], cwd=ROOT, capture_output=True, text=True)
    document = json.loads(result.stdout)
    return len(document["results"])


def chromium_reference(rounds):
    """Runs in .venv-browser's Python: one page load + one click, median milliseconds."""
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import WebDriverWait

    folder = tempfile.mkdtemp(prefix="check-bench-")
    engine, url = loopback.start([BINARY, "engine", "--port", "0", "--database", f"{folder}/e.sqlite", "--test-mode"],
                                 "engine")
    options = Options()
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]:
        options.add_argument(argument)
    options.binary_location = "/usr/bin/chromium"
    started = time.perf_counter()
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    browser_start = time.perf_counter() - started
    samples = []
    try:
        for round_number in range(rounds + 1):
            begin = time.perf_counter()
            driver.get(f"{url}/fr/sign-in")
            driver.find_element(By.LINK_TEXT, "Vous ne parvenez pas à vous connecter ?").click()
            WebDriverWait(driver, 10).until(expected_conditions.url_contains("/fr/sign-in/help"))
            driver.find_element(By.LINK_TEXT, "Mot de passe oublié ?")
            if round_number > 0:
                samples.append((time.perf_counter() - begin) * 1000)
    finally:
        driver.quit()
        loopback.stop(engine)
    print(json.dumps({"median_ms": statistics.median(samples), "min_ms": min(samples), "max_ms": max(samples),
                      "browser_start_s": browser_start}))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", type=int, default=5, help="full runs (median)")
    parser.add_argument("-m", type=int, default=3, help="synthetic runs (median)")
    parser.add_argument("--executions", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=20, help="Chromium page load + click rounds")
    parser.add_argument("--chromium-only", action="store_true", help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.chromium_only:
        chromium_reference(arguments.rounds)
        return
    if not BINARY.exists():
        sys.exit(f"{BINARY} is missing: run 'swift build -c release --product helpcenter' (make bench-check does)")

    full = [timed([str(BINARY), "check", "--content", "content"]) for _ in range(arguments.n)]
    per_run = jobs_per_run()
    repeat = math.ceil(arguments.executions / per_run)
    synthetic = []
    for _ in range(arguments.m):
        wall, rss, output = timed([str(BINARY), "check", "--content", "content", "--repeat", str(repeat)])
        # The summary is the "check: …" line; the coverage line follows it.
        summary = next((line for line in output.strip().splitlines() if line.startswith("check: ")), output.strip())
        if " 0 failed" not in summary:
            sys.exit(f"synthetic run had failures: {summary}")
        synthetic.append((wall, rss))

    venv_python = ROOT / ".venv-browser/bin/python"
    reference = None
    if venv_python.exists():
        result = subprocess.run([str(venv_python), __file__, "--chromium-only", "--rounds", str(arguments.rounds)],
                                cwd=ROOT, capture_output=True, text=True)
        if result.returncode == 0:
            reference = json.loads(result.stdout.strip().splitlines()[-1])
        else:
            print(f"Chromium reference failed:\n{result.stderr[-1500:]}", file=sys.stderr)

    walls = [run[0] for run in full]
    print(f"| run | wall s (median, min–max) | peak RSS | executions | executions/s |")
    print(f"| --- | ---: | ---: | ---: | ---: |")
    print(f"| full: all procedures and claims of 4 locales, engine start included (n={arguments.n}) | "
          f"{statistics.median(walls):.3f} ({min(walls):.3f}–{max(walls):.3f}) | "
          f"{statistics.median(run[1] for run in full) / 1024:.0f} MiB | {per_run} | "
          f"{per_run / statistics.median(walls):.0f} |")
    synthetic_walls = [run[0] for run in synthetic]
    executions = per_run * repeat
    print(f"| synthetic: --repeat {repeat} (m={arguments.m}) | {statistics.median(synthetic_walls):.3f} "
          f"({min(synthetic_walls):.3f}–{max(synthetic_walls):.3f}) | "
          f"{statistics.median(run[1] for run in synthetic) / 1024:.0f} MiB | {executions} | "
          f"**{executions / statistics.median(synthetic_walls):.0f}** |")
    full_median = statistics.median(walls)
    rate = executions / statistics.median(synthetic_walls)
    print()
    for name, figure, met in [
        ("full run under 10 s", f"{full_median:.2f} s", full_median < FULL_RUN_TARGET_S),
        ("synthetic run at 100 executions/s or more", f"{rate:.0f}/s", rate >= EXECUTIONS_TARGET_PER_S),
    ]:
        print(f"target: {name}: {figure} — {'met' if met else 'NOT MET'}")
    if reference:
        print(f"\nHeadless Chromium (Selenium), one page load + one click on the same engine, median of "
              f"{arguments.rounds}: **{reference['median_ms']:.1f} ms** ({reference['min_ms']:.1f}–{reference['max_ms']:.1f}); "
              f"starting the browser: {reference['browser_start_s']:.2f} s.")


if __name__ == "__main__":
    main()
