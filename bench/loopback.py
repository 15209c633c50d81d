"""What the HTTP benchmarks share: a helpcenter server started on a free loopback port, and the
figures read from wrk's output.

`helpcenter engine` and `helpcenter feedback serve` print `listening on URL` as their first line
when given `--port 0`; `start` waits for that line or stops the benchmark with what the server
said instead. Python 3 standard library only.
"""

import re
import subprocess
import sys

LISTENING = re.compile(r"listening on (http://\S+)")
LATENCY = re.compile(r"^\s+99%\s+([\d.]+)(us|ms|s)\s*$", re.M)
RATE = re.compile(r"^Requests/sec:\s+([\d.]+)", re.M)
UNIT_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def start(arguments, what):
    """Runs `arguments` (a helpcenter command with `--port 0`); returns (process, URL)."""
    process = subprocess.Popen([str(argument) for argument in arguments],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = process.stdout.readline().strip()
    match = LISTENING.match(line)
    if not match:
        process.kill()
        sys.exit(f"{what} did not start: {line!r} {process.stderr.read()}")
    return process, match.group(1)


def stop(process):
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


def p99_ms(wrk_output):
    """The 99th-percentile latency of a `wrk --latency` run, in milliseconds."""
    latency = LATENCY.search(wrk_output)
    return float(latency.group(1)) * UNIT_MS[latency.group(2)]


def requests_per_second(wrk_output):
    return float(RATE.search(wrk_output).group(1))
