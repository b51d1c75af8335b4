"""Snapshot and restore of the embedded index: the Qdrant Edge shard folder (and kept uploads) as one .tar.gz.

A snapshot is consistent because it is taken while this process holds the shard open: Qdrant Edge
locks its write-ahead log, so no indexer or server can write while the files are archived (one that
holds the shard already makes the snapshot fail with a clear message instead). The shard is flushed
first, and the archive is written to a temporary name and renamed only when complete.

Restore goes into a data folder that has no store yet, and opens the restored shard to check it.
The feedback database is not part of a snapshot: restoring an index never rolls feedback back.
A Qdrant server has its own snapshot API (docs/deployment.md); these commands refuse server mode.
"""

from __future__ import annotations

import io
import json
import os
import tarfile
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from assistant.errors import BadInput, NotReady, UnsupportedFile

if TYPE_CHECKING:
    from assistant.settings import Settings

MANIFEST = "dqa-snapshot.json"
FORMAT_VERSION = 1


@dataclass(frozen=True)
class SnapshotReport:
    """What one snapshot or restore covered."""

    archive: Path
    points: int  # every point of the shard: chunks, document records and document texts
    files: int
    bytes: int  # size of the archive


def snapshot(settings: Settings, out: Path) -> SnapshotReport:
    """Write the embedded store (and kept uploads) of `settings.data_dir` to the .tar.gz `out`."""
    _require_embedded(settings)
    store_dir = settings.store_dir
    if not _has_store(store_dir):
        raise BadInput(f"no embedded store to snapshot at {store_dir} (index something first)")
    if out.exists() and out.is_dir():
        raise BadInput(f"{out} is a folder; give the path of the .tar.gz to write")
    out.parent.mkdir(parents=True, exist_ok=True)

    shard = _open_shard(store_dir)
    try:
        shard.flush()
        points = _count_points(shard)
        manifest = {
            "format": FORMAT_VERSION,
            "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "collection": settings.collection,
            "points": points,
        }
        partial = Path(tempfile.mkstemp(prefix=f".{out.name}.", suffix=".partial", dir=out.parent)[1])
        try:
            files = _write_archive(partial, settings.data_dir, _index_folders(settings), manifest)
            os.replace(partial, out)
        finally:
            partial.unlink(missing_ok=True)
    finally:
        shard.close()
    return SnapshotReport(archive=out, points=points, files=files, bytes=out.stat().st_size)


def restore(settings: Settings, archive: Path) -> SnapshotReport:
    """Unpack a snapshot into `settings.data_dir`, which must have no store yet; return what was restored."""
    _require_embedded(settings)
    if not archive.is_file():
        raise BadInput(f"no snapshot file at {archive}")
    if _has_store(settings.store_dir):
        raise BadInput(
            f"{settings.store_dir} already holds a store; restore into an empty data folder "
            "(move the old one away first)"
        )
    manifest = _read_manifest(archive)
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    try:
        with tarfile.open(archive, "r:gz") as tar:
            folders = _index_folders(settings)
            members = [m for m in tar.getmembers() if _is_index_member(m.name, folders)]
            # the "data" filter refuses absolute paths, "..", links out of the folder and device files
            tar.extractall(settings.data_dir, members=members, filter="data")
    except (tarfile.TarError, OSError, EOFError) as error:
        raise UnsupportedFile(f"cannot unpack snapshot {archive}: {error}") from error

    shard = _open_shard(settings.store_dir)
    try:
        points = _count_points(shard)
    finally:
        shard.close()
    if points != manifest.get("points", points):
        raise UnsupportedFile(
            f"snapshot {archive} restored {points} points, its manifest says {manifest['points']}"
        )
    files = sum(1 for member in members if member.isfile())
    return SnapshotReport(archive=archive, points=points, files=files, bytes=archive.stat().st_size)


# --- helpers ---------------------------------------------------------------------------------------


def _require_embedded(settings: Settings) -> None:
    if settings.qdrant_url:
        raise BadInput(
            "snapshot/restore here covers the embedded store; with DQA_QDRANT_URL use Qdrant's snapshot "
            "API (POST /collections/<name>/snapshots, see docs/deployment.md)"
        )


def _has_store(store_dir: Path) -> bool:
    return store_dir.is_dir() and any(store_dir.iterdir())


def _open_shard(store_dir: Path) -> Any:
    """Return the Qdrant Edge shard at `store_dir`, opened with its write lock, or raise NotReady."""
    from qdrant_edge import EdgeShard

    try:
        return EdgeShard.load(str(store_dir))
    except Exception as error:
        if "WouldBlock" in str(error):
            raise NotReady(
                f"the store at {store_dir} is open in another process (server or indexer); stop it first"
            ) from error
        raise UnsupportedFile(f"cannot open the store at {store_dir}: {error}") from error


def _count_points(shard: Any) -> int:
    from qdrant_edge import CountRequest

    return int(shard.count(CountRequest(exact=True)))


def _index_folders(settings: Settings) -> tuple[str, ...]:
    """Return the data dir's folders that make up the index: the shard and the kept uploads."""
    folders = (settings.store_dir, settings.uploads_dir)
    return tuple(folder.relative_to(settings.data_dir).as_posix() for folder in folders)


def _write_archive(path: Path, data_dir: Path, folders: tuple[str, ...], manifest: dict[str, Any]) -> int:
    """Write the manifest, the store folder and the uploads folder into a .tar.gz; return files written."""
    files = 0
    with tarfile.open(path, "w:gz") as tar:
        body = json.dumps(manifest, ensure_ascii=False, indent=2).encode("utf-8")
        info = tarfile.TarInfo(MANIFEST)
        info.size = len(body)
        info.mtime = int(datetime.now(UTC).timestamp())
        tar.addfile(info, fileobj=io.BytesIO(body))
        for folder in folders:
            root = data_dir / folder
            if not root.is_dir():
                continue
            for path in sorted(root.rglob("*")):  # folders too: an empty segment folder still matters
                if path.is_symlink() or not (path.is_file() or path.is_dir()):
                    continue
                tar.add(path, arcname=path.relative_to(data_dir).as_posix(), recursive=False)
                files += path.is_file()
    return files


def _read_manifest(archive: Path) -> dict[str, Any]:
    """Return the snapshot's manifest, or raise UnsupportedFile when the file is not a snapshot."""
    try:
        with tarfile.open(archive, "r:gz") as tar:
            member = tar.extractfile(MANIFEST)
            if member is None:
                raise KeyError(MANIFEST)
            manifest: dict[str, Any] = json.loads(member.read().decode("utf-8"))
    except (tarfile.TarError, KeyError, OSError, EOFError, ValueError) as error:
        raise UnsupportedFile(
            f"{archive} is not a snapshot written by `python -m indexer snapshot`"
        ) from error
    if manifest.get("format") != FORMAT_VERSION:
        found = manifest.get("format")
        raise UnsupportedFile(f"{archive} has snapshot format {found}, expected {FORMAT_VERSION}")
    return manifest


def _is_index_member(name: str, folders: tuple[str, ...]) -> bool:
    """Return True for archive entries under the store or uploads folder (the manifest stays out)."""
    path = PurePosixPath(name)
    return any(path == PurePosixPath(f) or PurePosixPath(f) in path.parents for f in folders)
