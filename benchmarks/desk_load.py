"""A bounded load on the print desk over loopback: packs printed by several clients at
once, as several ward PCs would. Used by benchmarks/run.py (200 requests) and by the
tests (a dozen)."""

from __future__ import annotations

import http.cookiejar
import re
import statistics
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

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
