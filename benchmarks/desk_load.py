"""A bounded load on the print desk over loopback: packs printed by several clients at
once, as several ward PCs would. Used by benchmarks/run.py (200 requests) and by the
tests (a dozen)."""

from __future__ import annotations

import http.cookiejar
import re
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

NAME = "Amira Haddad"


@dataclass(frozen=True)
class Load:
    seconds: list[float]  # each successful request's latency
    errors: int

    @property
    def p50(self) -> float:
        return statistics.median(self.seconds)

    @property
    def p95(self) -> float:
        return statistics.quantiles(self.seconds, n=20)[-1] if len(self.seconds) > 1 \
            else self.seconds[0]


def print_pack(address: str) -> float:
    """One clerk: open the desk, send the form, get the PDF; the seconds the PDF took."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(address + "/", timeout=60).read().decode()
    token = re.search(r'name="csrf_token" value="([^"]+)"', page)
    if token is None:
        raise RuntimeError("the desk sent no form token")
    body = urllib.parse.urlencode({
        "csrf_token": token.group(1), "what": "pack:newborn-discharge",
        "brand": "riverside", "lang": "en", "born": "2026-11-01", "name": NAME}).encode()
    start = time.perf_counter()
    with opener.open(address + "/pdf", data=body, timeout=300) as response:
        if response.status != 200 or response.read(5) != b"%PDF-":
            raise RuntimeError(f"the desk answered {response.status}")
    return time.perf_counter() - start


def load(address: str, requests: int, clients: int) -> Load:
    def attempt(_: int) -> float | None:
        try:
            return print_pack(address)
        except (OSError, RuntimeError):
            return None

    with ThreadPoolExecutor(clients) as pool:
        results = list(pool.map(attempt, range(requests)))
    return Load([r for r in results if r is not None], sum(r is None for r in results))


@contextmanager
def running_desk(project: Path, output: IO[str] | int = subprocess.DEVNULL) -> Iterator[str]:
    """``handouts serve`` for ``project`` on a free loopback port, as a ward PC runs it,
    everything it prints going to ``output``; its address while the block runs."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "handouts", "--project", str(project),
                               "serve", "--port", str(port)], stdout=output,
                              stderr=subprocess.STDOUT)
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=10)
