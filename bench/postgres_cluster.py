"""A throwaway PostgreSQL cluster for the benchmarks, like the tests' (TestPostgres.swift):
initdb in a temporary folder, postgres on a free loopback port with password authentication,
stopped and deleted afterwards. PostgreSQL refuses to run as root: as root, the cluster belongs
to Debian's `postgres` account and every initdb/pg_ctl runs through runuser.

Rows are counted with psql (Debian's postgresql-client, installed with postgresql).
"""

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile

USER = "helpcenter"
PASSWORD = "bench-secret"


def _bin():
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    if not found:
        raise SystemExit("PostgreSQL is missing: scripts/setup.sh installs it")
    return os.path.dirname(found[-1])


class Cluster:
    def __init__(self):
        self.bin = _bin()
        self.folder = tempfile.mkdtemp(prefix="helpcenter-bench-pg-")
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        self.run_as = "postgres" if os.getuid() == 0 else None
        password_file = os.path.join(self.folder, "password")
        with open(password_file, "w") as handle:
            handle.write(PASSWORD)
        if self.run_as:
            account = pwd.getpwnam(self.run_as)
            for path in (self.folder, password_file):
                os.chown(path, account.pw_uid, account.pw_gid)
        self._tool("initdb", "-D", f"{self.folder}/data", "-U", USER, f"--pwfile={password_file}",
                   "--auth-local=trust", "--auth-host=scram-sha-256", "--no-locale", "-E", "UTF8")
        self._tool("pg_ctl", "-D", f"{self.folder}/data", "-l", f"{self.folder}/server.log", "-w", "-o",
                   f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c max_connections=200", "start")

    def _tool(self, tool, *arguments):
        command = [f"{self.bin}/{tool}", *arguments]
        if self.run_as:
            command = ["runuser", "-u", self.run_as, "--", *command]
        subprocess.run(command, check=True, capture_output=True, cwd=self.folder)

    def url(self, database):
        return f"postgres://{USER}:{PASSWORD}@127.0.0.1:{self.port}/{database}?sslmode=disable"

    def sql(self, database, statement):
        output = subprocess.run(
            ["psql", "-h", "127.0.0.1", "-p", str(self.port), "-U", USER, "-d", database, "-tAc", statement],
            env={**os.environ, "PGPASSWORD": PASSWORD}, check=True, capture_output=True, text=True).stdout
        return output.strip()

    def create_database(self, name):
        self.sql("postgres", f"CREATE DATABASE {name}")

    def stop(self):
        try:
            self._tool("pg_ctl", "-D", f"{self.folder}/data", "-m", "fast", "-w", "stop")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)
