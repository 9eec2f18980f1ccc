"""A throwaway PostgreSQL cluster for the tests: started once per session (initdb in a temporary folder,
listening only on a Unix socket there, fsync off), one new database per store a test makes, stopped at the
end. Without PostgreSQL's binaries the PostgreSQL variants skip, unless ELITEWATCH_REQUIRE_POSTGRES=1 (CI)."""

from __future__ import annotations

import itertools
import os
import pwd
import shutil
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

import psycopg

from elitewatch.store import connect

REQUIRE = os.environ.get("ELITEWATCH_REQUIRE_POSTGRES") == "1"
BACKENDS = ["sqlite", "postgresql"]


def binaries() -> Path | None:
    """The folder of initdb and pg_ctl: PG_BIN, else Debian's newest /usr/lib/postgresql/N/bin, else PATH."""
    if os.environ.get("PG_BIN"):
        return Path(os.environ["PG_BIN"])
    debian = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parent.parent.name))
    if debian:
        return debian[-1].parent
    found = shutil.which("initdb")
    return Path(found).parent if found else None


class Cluster:
    def __init__(self, bin_dir: Path) -> None:
        self.bin = bin_dir
        self.root = Path(tempfile.mkdtemp(prefix="elitewatch-pg-"))
        self.data = self.root / "data"
        # initdb refuses to run as root: as root, the cluster runs as the postgres system user (or nobody)
        self.user = None
        if os.geteuid() == 0:
            self.user = next((u for u in ("postgres", "nobody") if _exists(u)), None)
            os.chown(self.root, pwd.getpwnam(self.user).pw_uid, -1) if self.user else None
        self.numbers = itertools.count(1)
        self.pristine: dict[str, str] = {}  # a test's store -> the untouched database it was made from

    def _run(self, *command: str) -> None:
        prefix = ["runuser", "-u", self.user, "--"] if self.user else []
        subprocess.run([*prefix, *command], check=True, capture_output=True, cwd=self.root)

    def start(self) -> None:
        self._run(
            str(self.bin / "initdb"), "-D", str(self.data), "-A", "trust", "-U", "postgres", "-E", "UTF8",
            "--locale=C.UTF-8",
        )  # fmt: skip
        options = f"-c listen_addresses='' -k {self.root} -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-o", options, "-l", str(self.root / "log"), "-w", "start")
        self.admin = psycopg.connect(self.url("postgres"), autocommit=True)
        self.admin.execute("CREATE DATABASE elitewatch_template")
        connect(self.url("elitewatch_template")).close()  # migrated once; every new store is a copy of it

    def stop(self) -> None:
        try:
            self.admin.close()
            self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    def url(self, name: str) -> str:
        return f"postgresql://postgres@/{name}?host={self.root}"

    def create(self, template: str = "elitewatch_template") -> str:
        """A new database, a copy of `template` (the empty migrated store by default)."""
        name = f"store_{next(self.numbers)}"
        self.admin.execute(f'CREATE DATABASE {name} TEMPLATE "{template}"')
        return self.url(name)

    def keep(self, url: str) -> str:
        """`url` kept untouched for copies, and a copy of it for the tests to read and write."""
        name = urlsplit(url).path.lstrip("/")
        copy = self.create(template=name)
        self.pristine[copy] = name
        return copy

    def copy(self, url: str) -> str:
        return self.create(template=self.pristine[url])


def _exists(user: str) -> bool:
    try:
        pwd.getpwnam(user)
        return True
    except KeyError:
        return False


_cluster: Cluster | None = None


def start() -> Cluster | str:
    """The session's cluster, started on first use; or why there is none."""
    global _cluster
    if _cluster is not None:
        return _cluster
    bin_dir = binaries()
    if bin_dir is None or not (bin_dir / "initdb").exists():
        return "PostgreSQL's server binaries (initdb, pg_ctl) are not installed: apt-get install postgresql"
    cluster = Cluster(bin_dir)
    try:
        cluster.start()
    except (subprocess.CalledProcessError, psycopg.Error) as error:
        detail = getattr(error, "stderr", b"") or b""
        shutil.rmtree(cluster.root, ignore_errors=True)
        return f"the PostgreSQL cluster did not start: {error} {detail.decode(errors='replace')[-300:]}"
    _cluster = cluster
    return cluster


def stop() -> None:
    global _cluster
    if _cluster is not None:
        _cluster.stop()
        _cluster = None


def new_store(backend: str, path: Path) -> Path | str:
    """Where a test's new store goes: the file `path` (SQLite), or a new database on the cluster."""
    if backend == "sqlite":
        return path
    assert _cluster is not None, "the backend fixture starts the cluster"
    return _cluster.create()


def kept_store(store: Path | str) -> Path | str:
    """A store built once for many tests, kept so that `copy_store` can copy it while they hold it open."""
    return _cluster.keep(store) if isinstance(store, str) and _cluster is not None else store


def copy_store(store: Path | str, path: Path) -> Path | str:
    """A copy of a store made by `kept_store` (a file copied to `path`, or a database from its pristine one)."""
    if isinstance(store, str):
        assert _cluster is not None
        return _cluster.copy(store)
    shutil.copy(store, path)
    return path
