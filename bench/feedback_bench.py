#!/usr/bin/env python3
"""Feedback collector benchmark: wrk POSTing to `helpcenter feedback serve` on loopback, side by
side with Isso, the self-hosted comment server, as its documentation deploys it.

The targets, each started once on a free port with a fresh database, then measured in
interleaved rounds (V C P1 P2 P2s P2n I, V C …) after a warm-up of each:

- V: a helpcenter vote, `article=bench-article&locale=fr&vote=yes`, as site.js's fetch sends it;
- C: a helpcenter comment, `vote=comment&comment=…`, the row that carries a reader's text;
- P1: the same vote to one collector on PostgreSQL (`--database postgres://…`, a throwaway
  cluster started for the benchmark, `bench/postgres_cluster.py`), its rate limit in its own
  memory (the default `--rate-limit-scope instance`);
- P2: two collectors on that one database, wrk driving both at once (one wrk each, half the
  connections each; the row is their sum), as behind a load balancer;
- P2s: the same two with `--rate-limit-scope shared`: the limit's buckets in PostgreSQL;
- P2n: the same two with `--votes-per-minute 0`: what any rate limit costs;
- I: an Isso comment, `POST /new?uri=/fr/bench/` with `{"text": …}` in JSON, the same text.

helpcenter runs as `.build/release/helpcenter feedback serve --port 0` with the rate limiter on
the path but out of reach (--votes-per-minute 100000000); Isso 0.14 runs under gunicorn with
`-w 2 --preload isso.run` (its docs show 4 workers; 2, one per core, does better here) and its
documented settings, moderation off and its guard (rate limit 2 a minute per address) off.
Every round is `wrk -t2 -c16 -d10s --latency -s
bench/feedback_post.lua`, wrk sharing the machine's cores with the server.

No row lost: before and after each round the script counts the rows of the target's table with
the sqlite3 module (helpcenter's `vote`, Isso's `comments`) or psql (PostgreSQL's `vote`) and compares the rows added with the
201 answers wrk counted. A request still in flight when wrk stops may be committed without wrk
reading its answer, so a round may find up to one row per connection more, never fewer.

Python 3 standard library; wrk from Debian and Isso with gunicorn from PyPI
(`scripts/setup.sh bench`, which puts them in .venv-bench/).
"""

import argparse
import json
import os
import re
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

import loopback
import postgres_cluster

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "bench" / "feedback_post.lua"
GUNICORN = ROOT / ".venv-bench" / "bin" / "gunicorn"
COMMENT = "Très clair, merci. La procédure de réinitialisation a marché du premier coup."
FORM = "application/x-www-form-urlencoded;charset=UTF-8"

CATALOG = {
    "base-url": "https://help.example.com/",
    "articles": [
        {"id": "bench-article", "locale": "fr", "path": "fr/bench/", "title": "Article de mesure"},
        {"id": "bench-article", "locale": "en", "path": "en/bench/", "title": "Benchmark article"},
    ],
}

ISSO_CONFIG = """[general]
dbpath = {database}
host = https://help.example.com/
notify = stdout
log-file = {log}
[moderation]
enabled = false
[guard]
enabled = false
[server]
listen = http://127.0.0.1:{port}
"""


class Target:
    """A server under test: how to reach it (one URL per instance), what to post, and how to
    count its rows."""

    def __init__(self, key, name, urls, body, content_type, count_rows):
        self.key, self.name, self.urls = key, name, urls
        self.body, self.content_type = body, content_type
        self.count_rows = count_rows
        self.runs = []

    def rows(self):
        return self.count_rows()


def sqlite_rows(database, table):
    def count():
        with sqlite3.connect(database) as connection:
            return connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
    return count


def start_helpcenter(binary, folder, database=None, votes_per_minute="100000000", pool_size=None,
                     scope="instance"):
    site = folder / "site"
    if not site.exists():
        site.mkdir()
        (site / ".helpcenter-articles.json").write_text(json.dumps(CATALOG))
    database = database or folder / "feedback.sqlite"
    pool = ["--pool-size", str(pool_size)] if pool_size else []
    process, url = loopback.start([binary, "feedback", "serve", "--port", "0", "--site", site,
                                   "--database", database, "--votes-per-minute", votes_per_minute,
                                   "--rate-limit-scope", scope, *pool], "collector")
    return process, url + "/feedback", database


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_isso(folder, workers):
    port = free_port()
    database = folder / "isso.sqlite"
    config = folder / "isso.cfg"
    config.write_text(ISSO_CONFIG.format(database=database, log=folder / "isso.log", port=port))
    process = subprocess.Popen(
        [str(GUNICORN), "-b", f"127.0.0.1:{port}", "-w", str(workers), "--preload", "isso.run"],
        env={**os.environ, "ISSO_SETTINGS": str(config)},
        stdout=subprocess.DEVNULL, stderr=open(folder / "gunicorn.log", "w"),
    )
    url = f"http://127.0.0.1:{port}/new?uri=%2Ffr%2Fbench%2F"
    # The thread's first comment names its title, so Isso never fetches the page.
    first = json.dumps({"text": COMMENT, "title": "Article de mesure"}).encode()
    deadline = time.monotonic() + 30
    while True:
        try:
            request = urllib.request.Request(url, data=first, headers={"Content-Type": "application/json"})
            with urllib.request.urlopen(request) as answer:
                if answer.status == 201:
                    return process, url, database
        except OSError:
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                sys.exit(f"Isso did not start: {(folder / 'gunicorn.log').read_text()}")
            time.sleep(0.2)


def wrk(target, threads, connections, duration):
    """One wrk per instance, side by side, sharing the threads and connections; the figures
    are their sums (p99: the worse of them)."""
    share = len(target.urls)
    commands = [["wrk", f"-t{max(1, threads // share)}", f"-c{max(1, connections // share)}", f"-d{duration}s",
                 "--latency", "-s", str(SCRIPT), url, "--", target.body, target.content_type]
                for url in target.urls]
    running = [subprocess.Popen(command, stdout=subprocess.PIPE, text=True) for command in commands]
    outputs = [process.communicate()[0] for process in running]
    if any(process.returncode for process in running):
        sys.exit(f"wrk failed on {target.name}")
    created = sum(int(re.search(r"^created: (\d+)$", output, re.M).group(1)) for output in outputs)
    failed = sum(int(re.search(r"^failed: (\d+)$", output, re.M).group(1)) for output in outputs)
    errors = [match.group(1) for match in (re.search(r"Socket errors: (.*)", output) for output in outputs) if match]
    return {
        "p99": max(loopback.p99_ms(output) for output in outputs),
        "created": created, "failed": failed, "accepted_per_s": created / duration,
        "socket_errors": "; ".join(errors) if errors else None,
    }


def measure(target, args):
    time.sleep(0.5)  # the last round's in-flight requests commit
    before = target.rows()
    result = wrk(target, args.threads, args.connections, args.duration)
    time.sleep(0.5)
    result["rows"] = target.rows() - before
    target.runs.append(result)


def problems_of(target, connections):
    problems = []
    for index, run in enumerate(target.runs, 1):
        where = f"{target.name}, round {index}"
        if run["failed"]:
            problems.append(f"{where}: {run['failed']} answers other than 201")
        if run["rows"] < run["created"]:
            problems.append(f"{where}: {run['created']} answered 201 but only {run['rows']} rows: rows lost")
        if run["rows"] > run["created"] + connections:
            problems.append(f"{where}: {run['rows']} rows for {run['created']} answers: more than in flight")
        if run["socket_errors"]:
            problems.append(f"{where}: socket errors {run['socket_errors']}")
    return problems


def spread(values, form):
    return f"{form.format(statistics.median(values))} ({form.format(min(values))}–{form.format(max(values))})"


def report(targets, args):
    print(f"wrk -t{args.threads} -c{args.connections} -d{args.duration}s --latency -s bench/feedback_post.lua, "
          f"{args.runs} interleaved rounds after a warm-up, {os.cpu_count()} cores\n")
    print("| target | rows/s accepted, median (min–max) | p99 ms | 201 answers | other answers | rows added |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for target in targets:
        runs = target.runs
        print(f"| {target.key}: {target.name} | {spread([r['accepted_per_s'] for r in runs], '{:,.0f}')} | "
              f"{spread([r['p99'] for r in runs], '{:.2f}')} | {sum(r['created'] for r in runs):,} | "
              f"{sum(r['failed'] for r in runs):,} | {sum(r['rows'] for r in runs):,} |")
    by_key = {target.key: target for target in targets}
    if "I" in by_key:
        print()
        for key in ("V", "C"):
            if key in by_key:
                ratios = [ours["accepted_per_s"] / isso["accepted_per_s"]
                          for ours, isso in zip(by_key[key].runs, by_key["I"].runs)]
                print(f"{key} ÷ I per round: {spread(ratios, '{:.1f}')}×")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=str(ROOT / ".build/release/helpcenter"))
    parser.add_argument("-n", "--runs", type=int, default=3, help="interleaved rounds (medians reported)")
    parser.add_argument("-d", "--duration", type=int, default=10, help="seconds per wrk run")
    parser.add_argument("-t", "--threads", type=int, default=2)
    parser.add_argument("-c", "--connections", type=int, default=16)
    parser.add_argument("--isso-workers", type=int, default=2,
                        help="gunicorn workers: one per core, Isso's best here (its docs show 4)")
    parser.add_argument("--no-isso", action="store_true", help="measure helpcenter alone")
    parser.add_argument("--no-postgres", action="store_true", help="leave out the PostgreSQL rows")
    parser.add_argument("--only", type=lambda text: {key.strip().upper() for key in text.split(",") if key.strip()},
                        help="measure only these targets, e.g. V,P1,P2,P2S,P2N (the others are not started)")
    parser.add_argument("--pool-size", type=int, help="--pool-size of the PostgreSQL collectors (default: theirs)")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: scripts/setup.sh bench")
    if not Path(args.binary).exists():
        sys.exit(f"{args.binary} is missing: swift build -c release --product helpcenter")
    wanted = lambda key: args.only is None or key in args.only
    if args.only is not None and not wanted("I"):
        args.no_isso = True
    if not args.no_isso and not GUNICORN.exists():
        sys.exit("Isso is missing: scripts/setup.sh bench (or --no-isso)")

    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        targets, processes, cluster = [], [], None
        vote = "article=bench-article&locale=fr&vote=yes"
        try:
            process, url, database = start_helpcenter(args.binary, folder)
            processes.append(process)
            comment = urllib.parse.urlencode({"article": "bench-article", "locale": "fr", "vote": "comment",
                                              "comment": COMMENT})
            for key, name, body in (("V", "helpcenter, vote", vote), ("C", "helpcenter, comment", comment)):
                if wanted(key):
                    targets.append(Target(key, name, [url], body, FORM, sqlite_rows(database, "vote")))
            postgres = [row for row in (
                ("p1", 1, "100000000", "instance", "PostgreSQL, vote, 1 collector"),
                ("p2", 2, "100000000", "instance", "PostgreSQL, vote, 2 collectors on one database"),
                ("p2s", 2, "100000000", "shared", "PostgreSQL, vote, 2 collectors, limit shared in PostgreSQL"),
                ("p2n", 2, "0", "instance", "PostgreSQL, vote, 2 collectors, no rate limit")) if wanted(row[0].upper())]
            if not args.no_postgres and postgres:
                cluster = postgres_cluster.Cluster()
                for name, instances, limit, scope, label in postgres:
                    cluster.create_database(name)
                    urls = []
                    for _ in range(instances):
                        process, url, _ = start_helpcenter(args.binary, folder, cluster.url(name), limit,
                                                           args.pool_size, scope)
                        processes.append(process)
                        urls.append(url)
                    count = (lambda database: lambda: int(cluster.sql(database, "SELECT COUNT(*) FROM vote")))(name)
                    targets.append(Target(name.upper(), label, urls, vote, FORM, count))
            if not args.no_isso:
                process, url, database = start_isso(folder, args.isso_workers)
                processes.append(process)
                targets.append(Target("I", f"Isso 0.14, comment (gunicorn -w {args.isso_workers})", [url],
                                      json.dumps({"text": COMMENT}), "application/json",
                                      sqlite_rows(database, "comments")))
            for target in targets:
                wrk(target, args.threads, args.connections, 2)  # warm-up
            for _ in range(args.runs):
                for target in targets:
                    measure(target, args)
        finally:
            for process in processes:
                loopback.stop(process)
            if cluster:
                cluster.stop()

    report(targets, args)
    problems = [problem for target in targets for problem in problems_of(target, args.connections)]
    created = sum(run["created"] for target in targets for run in target.runs)
    rows = sum(run["rows"] for target in targets for run in target.runs)
    print(f"\nno row lost: {created:,} answers of 201, {rows:,} rows ({rows - created} committed while wrk was stopping)")
    if problems:
        sys.exit("\n".join(problems))


if __name__ == "__main__":
    main()
