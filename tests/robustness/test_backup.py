"""Backup → wipe → restore of the embedded index, on the real Qdrant Edge store and model."""

from __future__ import annotations

import shutil
import tarfile
from pathlib import Path

import pytest

from assistant.errors import BadInput, NotReady, UnsupportedFile
from assistant.service import Assistant
from assistant.settings import Settings
from indexer.backup import restore, snapshot
from tests.robustness.conftest import KNOWN_QUESTION, KNOWN_SOURCE, known_question_found

pytestmark = pytest.mark.integration


def test_snapshot_wipe_restore_answers_again(demo_data_dir: Path, tmp_path: Path) -> None:
    settings = Settings(data_dir=demo_data_dir)
    before = Assistant(settings)
    documents = {record.doc_id for record in before.list_documents()}
    before.close()
    assert len(documents) == 5

    archive = snapshot(settings, tmp_path / "backup" / "dqa.tar.gz")
    assert archive.points > 0 and archive.archive.is_file()

    shutil.rmtree(demo_data_dir)  # the disk is lost
    restored = restore(Settings(data_dir=demo_data_dir), archive.archive)
    assert restored.points == archive.points

    after = Assistant(Settings(data_dir=demo_data_dir))
    try:
        assert {record.doc_id for record in after.list_documents()} == documents
        assert known_question_found(after)
        answer = after.ask(KNOWN_QUESTION)
        assert not answer.abstained
        assert answer.citations[0].source == KNOWN_SOURCE
    finally:
        after.close()


def test_snapshot_refuses_a_store_in_use(demo_data_dir: Path, tmp_path: Path) -> None:
    settings = Settings(data_dir=demo_data_dir)
    holder = Assistant(settings)
    holder.list_documents()  # opens the shard and holds its lock, as a running server does
    try:
        with pytest.raises(NotReady, match="another process"):
            snapshot(settings, tmp_path / "busy.tar.gz")
        assert not (tmp_path / "busy.tar.gz").exists()
    finally:
        holder.close()


def test_restore_refuses_an_existing_store_and_keeps_it(demo_data_dir: Path, tmp_path: Path) -> None:
    settings = Settings(data_dir=demo_data_dir)
    archive = snapshot(settings, tmp_path / "dqa.tar.gz").archive
    with pytest.raises(BadInput, match="already holds a store"):
        restore(settings, archive)
    service = Assistant(settings)
    try:
        assert known_question_found(service)
    finally:
        service.close()


def test_restore_rejects_a_file_that_is_not_a_snapshot(tmp_path: Path) -> None:
    junk = tmp_path / "junk.tar.gz"
    junk.write_bytes(b"\x00not a tarball" * 100)
    with pytest.raises(UnsupportedFile):
        restore(Settings(data_dir=tmp_path / "data"), junk)

    # a real tarball with a path escaping the data folder is refused, and nothing lands outside
    evil = tmp_path / "evil.tar.gz"
    manifest = tmp_path / "manifest.json"
    manifest.write_text('{"format": 1, "points": 0}')
    payload = tmp_path / "payload.txt"
    payload.write_text("x")
    with tarfile.open(evil, "w:gz") as tar:
        tar.add(manifest, arcname="dqa-snapshot.json")
        tar.add(payload, arcname="qdrant/../../escaped.txt")
    with pytest.raises(UnsupportedFile):
        restore(Settings(data_dir=tmp_path / "data2"), evil)
    assert not (tmp_path / "escaped.txt").exists()


def test_snapshot_and_restore_commands(demo_data_dir: Path, tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    env = {**os.environ, "DQA_DATA_DIR": str(demo_data_dir)}
    archive = tmp_path / "cli.tar.gz"

    def indexer(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "indexer", *args], env=env, capture_output=True, text=True, timeout=300
        )

    made = indexer("snapshot", str(archive))
    assert made.returncode == 0, made.stderr
    shutil.rmtree(demo_data_dir)
    restored = indexer("restore", str(archive))
    assert restored.returncode == 0, restored.stderr
    again = indexer("restore", str(archive))  # the store exists now: refused with a message, exit code 2
    assert again.returncode == 2 and "already holds a store" in again.stderr
    service = Assistant(Settings(data_dir=demo_data_dir))
    try:
        assert known_question_found(service)
    finally:
        service.close()
