#!/usr/bin/env python3
"""Feedback collector benchmark: wrk POSTing votes to `helpcenter feedback serve` on loopback.

Makes a temporary site folder holding only `.helpcenter-articles.json`, starts the release
collector on a free port (--port 0, the URL is its first line of output) with a temporary
database and the rate limiter on but out of reach (--votes-per-minute 100000000), then runs
`wrk -t2 -c16 -d10s --latency -s bench/feedback_post.lua` several times after a warm-up.
It prints the median accepted votes/s and p99 latency, and checks that no vote was lost: the
rows added to the database (read with sqlite3) against the 201 answers wrk counted. A request
still in flight when wrk stops may be committed without wrk reading its answer, so a run may
find up to one row per connection more than wrk counted, never fewer.

Python 3 standard library only; wrk from Debian (`scripts/setup.sh bench`).
"""

import argparse
import json
import os
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "bench" / "feedback_post.lua"

CATALOG = {
    "base-url": "https://help.example.com/",
    "articles": [
        {"id": "bench-article", "locale": "fr", "path": "fr/bench/", "title": "Article de mesure"},
        {"id": "bench-article", "locale": "en", "path": "en/bench/", "title": "Benchmark article"},
    ],
}


def start_collector(binary, site, database):
    process = subprocess.Popen(
        [str(binary), "feedback", "serve", "--port", "0", "--site", str(site), "--database", str(database),
         "--votes-per-minute", "100000000"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    line = process.stdout.readline().strip()
    match = re.match(r"listening on (http://\S+)", line)
    if not match:
        process.kill()
        sys.exit(f"collector did not start: {line!r} {process.stderr.read()}")
    return process, match.group(1)


def count_rows(database):
    with sqlite3.connect(database) as connection:
        return connection.execute("SELECT COUNT(*) FROM vote").fetchone()[0]


LATENCY = re.compile(r"^\s+99%\s+([\d.]+)(us|ms|s)\s*$", re.M)
RATE = re.compile(r"^Requests/sec:\s+([\d.]+)", re.M)
UNIT = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def wrk(url, threads, connections, duration):
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--latency", "-s", str(SCRIPT),
               f"{url}/feedback"]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    created = int(re.search(r"^created: (\d+)$", output, re.M).group(1))
    failed = int(re.search(r"^failed: (\d+)$", output, re.M).group(1))
    errors = re.search(r"Socket errors: (.*)", output)
    latency = LATENCY.search(output)
    return {
        "rate": float(RATE.search(output).group(1)),
        "p99": float(latency.group(1)) * UNIT[latency.group(2)],
        "created": created, "failed": failed, "accepted_per_s": created / duration,
        "socket_errors": errors.group(1) if errors else None,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=str(ROOT / ".build/release/helpcenter"))
    parser.add_argument("-n", "--runs", type=int, default=3, help="wrk runs (median reported)")
    parser.add_argument("-d", "--duration", type=int, default=10, help="seconds per wrk run")
    parser.add_argument("-t", "--threads", type=int, default=2)
    parser.add_argument("-c", "--connections", type=int, default=16)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: scripts/setup.sh bench")
    if not Path(args.binary).exists():
        sys.exit(f"{args.binary} is missing: swift build -c release --product helpcenter")

    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        site.mkdir()
        (site / ".helpcenter-articles.json").write_text(json.dumps(CATALOG))
        database = Path(folder) / "feedback.sqlite"
        process, url = start_collector(args.binary, site, database)
        runs = []
        try:
            wrk(url, args.threads, args.connections, 2)  # warm-up
            for _ in range(args.runs):
                time.sleep(0.5)  # let the warm-up's or last run's in-flight votes commit
                before = count_rows(database)
                result = wrk(url, args.threads, args.connections, args.duration)
                time.sleep(0.5)
                result["rows"] = count_rows(database) - before
                runs.append(result)
        finally:
            process.terminate()
            process.wait(timeout=10)

    print(f"wrk -t{args.threads} -c{args.connections} -d{args.duration}s --latency -s bench/feedback_post.lua, "
          f"{args.runs} runs after a 2-s warm-up, {os.cpu_count()} cores\n")
    print("| run | accepted votes/s | p99 latency (ms) | 201 answers (wrk) | other answers | rows added (sqlite3) |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: |")
    for index, run in enumerate(runs, 1):
        print(f"| {index} | {run['accepted_per_s']:,.0f} | {run['p99']:.2f} | {run['created']:,} | {run['failed']:,} | "
              f"{run['rows']:,} |")
    rates = [run["accepted_per_s"] for run in runs]
    p99s = [run["p99"] for run in runs]
    print(f"\nmedian: {statistics.median(rates):,.0f} accepted votes/s "
          f"({min(rates):,.0f}–{max(rates):,.0f}), p99 {statistics.median(p99s):.2f} ms "
          f"({min(p99s):.2f}–{max(p99s):.2f})")

    problems = []
    for index, run in enumerate(runs, 1):
        if run["failed"]:
            problems.append(f"run {index}: {run['failed']} answers other than 201")
        if run["rows"] < run["created"]:
            problems.append(f"run {index}: {run['created']} votes answered 201 but only {run['rows']} rows: votes lost")
        if run["rows"] > run["created"] + args.connections:
            problems.append(f"run {index}: {run['rows']} rows for {run['created']} answers: more than in flight")
        if run["socket_errors"]:
            problems.append(f"run {index}: socket errors {run['socket_errors']}")
    total_rows = sum(run["rows"] for run in runs)
    total_created = sum(run["created"] for run in runs)
    print(f"no vote lost: {total_created:,} answers of 201, {total_rows:,} rows "
          f"({total_rows - total_created} committed while wrk was stopping)")
    if problems:
        sys.exit("\n".join(problems))


if __name__ == "__main__":
    main()
