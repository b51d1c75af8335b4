"""Load benchmark: the real HTTP server process under concurrent clients asking gold questions.

`python -m eval bench-load` starts `python -m assistant serve` on 127.0.0.1 (a free port, its own API
key), waits for /readyz, warms it up, then runs N async clients that POST /v1/ask in a loop for a
fixed time and reports throughput, p50/p95/p99 latency and every error. Traffic never leaves the
loopback interface, and the loop is bounded by its duration.
"""

from __future__ import annotations

import asyncio
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

import httpx

from assistant.errors import NotReady
from assistant.service import Assistant
from assistant.settings import Settings

LOOPBACK = "127.0.0.1"


@dataclass(frozen=True)
class Sample:
    """One request: how long it took and how it ended ("200", "503", "ReadTimeout", …)."""

    latency_ms: float
    outcome: str


@dataclass(frozen=True)
class LoadResult:
    """Summary of one load run."""

    clients: int
    duration_s: float
    requests: int
    errors: int
    throughput_rps: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    max_ms: float
    outcomes: dict[str, int] = field(default_factory=dict)
    server_rss_mb: float | None = None


def percentile(values: Sequence[float], q: float) -> float:
    """Return the q-th percentile (0..100) by linear interpolation between closest ranks."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = (len(ordered) - 1) * q / 100.0
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def summarise(samples: Sequence[Sample], clients: int, duration_s: float) -> LoadResult:
    """Return throughput, latency percentiles and error counts of a run's samples."""
    outcomes = Counter(sample.outcome for sample in samples)
    latencies = [sample.latency_ms for sample in samples if sample.outcome == "200"]
    errors = len(samples) - outcomes.get("200", 0)
    return LoadResult(
        clients=clients,
        duration_s=duration_s,
        requests=len(samples),
        errors=errors,
        throughput_rps=len(latencies) / duration_s if duration_s > 0 else 0.0,
        p50_ms=percentile(latencies, 50),
        p95_ms=percentile(latencies, 95),
        p99_ms=percentile(latencies, 99),
        max_ms=max(latencies, default=float("nan")),
        outcomes=dict(sorted(outcomes.items())),
    )


def markdown_table(result: LoadResult) -> str:
    """Return the result as a one-row markdown table."""
    head = (
        "| clients | duration s | requests | errors | throughput req/s | p50 ms | p95 ms | p99 ms | max ms |"
    )
    rule = "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    row = (
        f"| {result.clients} | {result.duration_s:.0f} | {result.requests} | {result.errors} | "
        f"{result.throughput_rps:.1f} | {result.p50_ms:.0f} | {result.p95_ms:.0f} | {result.p99_ms:.0f} | "
        f"{result.max_ms:.0f} |"
    )
    return "\n".join((head, rule, row))


# --- the client side --------------------------------------------------------------------------------


async def _client(
    http: httpx.AsyncClient, questions: Sequence[str], offset: int, deadline: float, samples: list[Sample]
) -> None:
    """Ask questions in turn from `offset` until the deadline; append one sample per request."""
    turn = offset
    while time.perf_counter() < deadline:
        question = questions[turn % len(questions)]
        turn += 1
        started = time.perf_counter()
        try:
            response = await http.post("/v1/ask", json={"question": question})
            outcome = str(response.status_code)
            if response.status_code == 200 and "answer" not in response.json():
                outcome = "200-without-answer"
        except httpx.HTTPError as error:
            outcome = type(error).__name__
        samples.append(Sample((time.perf_counter() - started) * 1000.0, outcome))


async def _run(
    base_url: str, api_key: str | None, questions: Sequence[str], clients: int, duration_s: float
) -> list[Sample]:
    headers = {"X-API-Key": api_key} if api_key else {}
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    samples: list[Sample] = []
    async with httpx.AsyncClient(base_url=base_url, headers=headers, limits=limits, timeout=60.0) as http:
        deadline = time.perf_counter() + duration_s
        step = max(1, len(questions) // clients)
        await asyncio.gather(*(_client(http, questions, i * step, deadline, samples) for i in range(clients)))
    return samples


def run_load(
    base_url: str,
    questions: Sequence[str],
    *,
    clients: int = 20,
    duration_s: float = 60.0,
    api_key: str | None = None,
) -> LoadResult:
    """Run `clients` concurrent askers against a running server for `duration_s` seconds."""
    if not questions:
        raise ValueError("no questions to ask")
    started = time.perf_counter()
    samples = asyncio.run(_run(base_url, api_key, questions, clients, duration_s))
    # requests still in flight at the deadline finish after it: count the time they took
    elapsed = time.perf_counter() - started
    return summarise(samples, clients, elapsed)


# --- the server side --------------------------------------------------------------------------------


@dataclass(frozen=True)
class RunningServer:
    """A server process started for a benchmark or a test."""

    base_url: str
    api_key: str
    process: subprocess.Popen[bytes]
    data_dir: Path

    def rss_mb(self) -> float | None:
        """Return the server's resident memory in MB (Linux), or None when it cannot be read."""
        return process_rss_mb(self.process.pid)


def process_rss_mb(pid: int) -> float | None:
    """Return a process's resident set size in MB from /proc, or None off Linux."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024.0
    except OSError:
        return None
    return None


def free_port() -> int:
    """Return a TCP port on the loopback interface that is free right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((LOOPBACK, 0))
        return int(sock.getsockname()[1])


@contextmanager
def serve(
    data_dir: Path, *, env: dict[str, str] | None = None, ready_timeout_s: float = 180.0
) -> Iterator[RunningServer]:
    """Start `python -m assistant serve` on 127.0.0.1 over `data_dir`; stop it on exit.

    The server gets a fresh API key (DQA_API_KEYS) so the authenticated path is the one measured.
    """
    port = free_port()
    api_key = secrets.token_hex(16)
    server_env = {
        **os.environ,
        "DQA_DATA_DIR": str(data_dir),
        "DQA_API_KEYS": api_key,
        "PYTHONUNBUFFERED": "1",
        **(env or {}),
    }
    data_dir.mkdir(parents=True, exist_ok=True)
    log = (data_dir / "server.log").open("wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "assistant", "serve", "--host", LOOPBACK, "--port", str(port)],
        env=server_env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base_url = f"http://{LOOPBACK}:{port}"
    try:
        _wait_ready(base_url, process, ready_timeout_s)
        yield RunningServer(base_url, api_key, process, data_dir)
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def _wait_ready(base_url: str, process: subprocess.Popen[bytes], timeout_s: float) -> None:
    """Return once GET /readyz answers 200; raise NotReady if the process exits or time runs out."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise NotReady(f"the server exited with code {process.returncode} before it was ready")
        try:
            if httpx.get(f"{base_url}/readyz", timeout=2.0).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise NotReady(f"the server was not ready within {timeout_s:.0f} s")


def warm_up(server: RunningServer, questions: Sequence[str], count: int = 5) -> None:
    """Ask a few questions first so the model and caches are loaded before timing."""
    headers = {"X-API-Key": server.api_key}
    for question in questions[:count]:
        httpx.post(f"{server.base_url}/v1/ask", json={"question": question}, headers=headers, timeout=120.0)


def bench_load(
    settings: Settings,
    questions: Sequence[str],
    *,
    clients: int = 20,
    duration_s: float = 60.0,
    data_dir: Path | None = None,
) -> LoadResult:
    """Index the demo corpus into a fresh folder (unless `data_dir` is given), serve it, and load it."""
    with tempfile.TemporaryDirectory(prefix="dqa-load-") as scratch:
        if data_dir is None:
            data_dir = Path(scratch) / "data"
            service = Assistant(settings.model_copy(update={"data_dir": data_dir}))
            try:
                report = service.index([settings.demo_corpus])
            finally:
                service.close()
            if report.failed:
                raise NotReady(f"indexing the demo corpus failed: {report.failed}")
        with serve(data_dir) as server:
            warm_up(server, questions)
            result = run_load(
                server.base_url, questions, clients=clients, duration_s=duration_s, api_key=server.api_key
            )
            return replace(result, server_rss_mb=server.rss_mb())
