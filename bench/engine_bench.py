#!/usr/bin/env python3
"""Engine benchmark: wrk against `helpcenter engine` on loopback.

Starts the release engine on a free port (--port 0, the URL is its first line of output) with
a temporary database and the test API, creates a fixture account through that API, signs a
user in through the sign-in form to get a session cookie, then runs
`wrk -t2 -c16 -d10s --latency` several times on the sign-in page and on a signed-in page
(the home), and prints the median requests/s and p99 latency of each as a Markdown table.

Python 3 standard library only; wrk from Debian (`scripts/setup.sh bench`).
"""

import argparse
import http.cookiejar
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import urllib.parse
import urllib.request
from pathlib import Path

import loopback

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "Bench-Password-2026"


def start_engine(binary, database, bcrypt_cost):
    return loopback.start([binary, "engine", "--port", "0", "--database", database, "--test-mode",
                           "--bcrypt-cost", bcrypt_cost], "engine")


def create_fixture(url):
    body = json.dumps({"properties": 3, "users": [
        {"username": "bench", "name": "Bench User", "email": "bench@example.com",
         "password": PASSWORD, "admin": True}]}).encode()
    request = urllib.request.Request(f"{url}/_test/accounts", data=body, method="POST",
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request) as response:
        assert response.status == 201, response.status


def sign_in(url):
    """Signs in through the page, as the documented contract says; returns the Cookie header."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(f"{url}/fr/sign-in").read().decode()
    csrf = re.search(r'name="csrf" value="([^"]*)"', page).group(1)
    form = urllib.parse.urlencode({"csrf": csrf, "username": "bench", "password": PASSWORD}).encode()
    home = opener.open(f"{url}/fr/sign-in", data=form).read().decode()
    assert "Bench User" in home, "sign-in failed"
    return "; ".join(f"{c.name}={c.value}" for c in jar)




def wrk(url, cookie, threads, connections, duration):
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--latency"]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    output = subprocess.run(command + [url], capture_output=True, text=True, check=True).stdout
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if errors:
        sys.exit(f"wrk saw {errors.group(1)} error responses on {url}:\n{output}")
    return loopback.requests_per_second(output), loopback.p99_ms(output)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=str(ROOT / ".build/release/helpcenter"))
    parser.add_argument("-n", "--runs", type=int, default=3, help="wrk runs per page (median reported)")
    parser.add_argument("-d", "--duration", type=int, default=10, help="seconds per wrk run")
    parser.add_argument("-t", "--threads", type=int, default=2)
    parser.add_argument("-c", "--connections", type=int, default=16)
    parser.add_argument("--bcrypt-cost", type=int, default=10, help="only sign-in pays it, not the pages measured")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: scripts/setup.sh bench")
    if not Path(args.binary).exists():
        sys.exit(f"{args.binary} is missing: swift build -c release --product helpcenter")

    with tempfile.TemporaryDirectory() as folder:
        process, url = start_engine(args.binary, Path(folder) / "bench.sqlite", args.bcrypt_cost)
        try:
            create_fixture(url)
            cookie = sign_in(url)
            pages = [("sign-in page (anonymous)", f"{url}/fr/sign-in", None),
                     ("home, signed in (session lookup + properties)", f"{url}/fr/", cookie)]
            rows = []
            for name, target, page_cookie in pages:
                wrk(target, page_cookie, args.threads, args.connections, 2)  # warm-up
                runs = [wrk(target, page_cookie, args.threads, args.connections, args.duration)
                        for _ in range(args.runs)]
                rates = [r for r, _ in runs]
                p99s = [p for _, p in runs]
                rows.append((name, statistics.median(rates), min(rates), max(rates),
                             statistics.median(p99s), min(p99s), max(p99s)))
        finally:
            loopback.stop(process)

    print(f"wrk -t{args.threads} -c{args.connections} -d{args.duration}s --latency, "
          f"{args.runs} runs per page after a 2-s warm-up, medians (min–max), {os.cpu_count()} cores\n")
    print("| page | requests/s | p99 latency (ms) |")
    print("| --- | ---: | ---: |")
    for name, rate, rate_min, rate_max, p99, p99_min, p99_max in rows:
        print(f"| {name} | {rate:,.0f} ({rate_min:,.0f}–{rate_max:,.0f}) | "
              f"{p99:.2f} ({p99_min:.2f}–{p99_max:.2f}) |")


if __name__ == "__main__":
    main()
