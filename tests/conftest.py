"""Fixtures shared by every test package: the indexed demo corpus, built once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.servers import copy_data, index_demo_corpus


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return a data folder with the demo corpus indexed, built once per session; copy it, never write."""
    return index_demo_corpus(tmp_path_factory.mktemp("demo-template"))


@pytest.fixture()
def demo_data_dir(demo_template: Path, tmp_path: Path) -> Path:
    """Return a private, writable copy of the indexed demo data folder (tmp_path/"data")."""
    return copy_data(demo_template, tmp_path / "data")
