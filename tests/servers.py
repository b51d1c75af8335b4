"""Set-up shared by the integration tests: the demo corpus indexed once, private copies, real servers.

Indexing the demo corpus with the real model is the slow step of the integration tests, so a session
fixture (`demo_template` in tests/conftest.py) does it once into a template data folder that is never
written to; a test that needs a store gets its own copy of that folder (`copy_data`), so tests that
upload, delete or record feedback stay independent. Servers are real `python -m assistant serve`
processes started by `eval.load.serve`, the starter the load benchmark uses too.

Both pin the embedded store (Qdrant Edge under the data folder): a copied folder is only a copy of the
index when the index lives in it, whatever DQA_QDRANT_URL the shell running the tests has.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator, Mapping, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from eval.load import RunningServer


def index_demo_corpus(data_dir: Path) -> Path:
    """Index the demo corpus into `data_dir` (real model, embedded store) and return `data_dir`."""
    from assistant.service import Assistant
    from assistant.settings import Settings

    settings = Settings(data_dir=data_dir, qdrant_url=None)
    assistant = Assistant(settings)
    try:
        report = assistant.index([settings.demo_corpus])
    finally:
        assistant.close()
    assert not report.failed, report.failed
    assert report.added, "the demo corpus indexed no document"
    return data_dir


def copy_data(template: Path, target: Path) -> Path:
    """Copy the data folder `template` to `target` (which must not exist yet) and return `target`."""
    shutil.copytree(template, target)
    return target


@contextmanager
def running_server(data_dir: Path, *, api_keys: Sequence[str] | None = None,
                   env: Mapping[str, str] | None = None, ready_timeout_s: float = 300.0
                   ) -> Iterator[RunningServer]:
    """Serve `data_dir` with a real server process until the block ends; yield it once /readyz answers.

    `api_keys` None gives the server one fresh random key; an empty list configures none (the API then
    refuses every write). The yielded `api_key` is the first configured key, "" when there is none.
    `env` adds DQA_* settings; the server's output goes to `data_dir/server.log`, quoted on failure.
    """
    from assistant.errors import NotReady
    from eval.load import serve

    overrides = {"DQA_QDRANT_URL": "", **(env or {})}
    if api_keys is not None:
        overrides["DQA_API_KEYS"] = ",".join(api_keys)
    with ExitStack() as stack:
        try:
            running = stack.enter_context(serve(data_dir, env=overrides, ready_timeout_s=ready_timeout_s))
        except NotReady as error:
            log = data_dir / "server.log"
            output = log.read_text(encoding="utf-8", errors="replace")[-3000:] if log.exists() else ""
            raise AssertionError(f"{error}; server output:\n{output}") from error
        yield running if api_keys is None else replace(running, api_key=api_keys[0] if api_keys else "")
