"""Command line of the indexer: `build [PATHS...]`, `remove ID`, `list`, `inspect PATH [--json]`, …"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from assistant.errors import DQAError
from assistant.settings import Settings
from indexer.model import Document, IndexReport

app = typer.Typer(help="Index Vietnamese directive texts into the store.", no_args_is_help=True)


def _fail(message: str, code: int = 2) -> NoReturn:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


@app.command()
def build(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="files or folders (.txt .md .docx .pdf); default: demo corpus")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="re-index unchanged files too")] = False,
) -> None:
    """Index files incrementally: unchanged documents are skipped, changed ones replaced."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from assistant.service import Assistant
    from indexer.pipeline import IndexProgress

    settings = Settings()
    console = Console(stderr=True)
    assistant = Assistant(settings)
    interactive = console.is_terminal
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    try:
        with Progress(*columns, console=console, disable=not interactive) as bar:
            task = bar.add_task("indexing", total=None)

            def show(event: IndexProgress) -> None:
                detail = f" {event.chunks_done}/{event.chunks_total} chunks" if event.chunks_total else ""
                bar.update(
                    task,
                    total=event.files_total,
                    completed=event.file_no - 1,
                    description=f"{event.source}{detail}",
                )
                if not interactive:  # a log line per step for pipes and CI logs
                    print(f"[{event.file_no}/{event.files_total}] {event.source}{detail}", file=sys.stderr)

            report = assistant.index(paths or [settings.demo_corpus], progress=show, force=force)
            bar.update(task, completed=bar.tasks[0].total or 0, description="done")
    except DQAError as exc:
        _fail(str(exc))
    finally:
        assistant.close()
    _print_report(report)
    if report.failed:
        raise typer.Exit(1)


def _print_report(report: IndexReport) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table("documents", "count", "ids", title="indexing summary")
    table.add_row("added", str(len(report.added)), ", ".join(report.added))
    table.add_row("unchanged", str(len(report.unchanged)), ", ".join(report.unchanged))
    table.add_row("replaced", str(len(report.replaced)), ", ".join(report.replaced))
    table.add_row("failed", str(len(report.failed)), "\n".join(f"{f}: {why}" for f, why in report.failed))
    rate = report.chunks / report.seconds if report.seconds else 0.0
    table.caption = f"{report.chunks} chunks embedded in {report.seconds:.1f} s ({rate:.1f} chunks/s)"
    Console().print(table)


@app.command()
def remove(doc_id: Annotated[str, typer.Argument(help="document id, as `list` shows it")]) -> None:
    """Delete one document and all its passages."""
    from assistant.service import Assistant

    assistant = Assistant(Settings())
    try:
        assistant.remove_document(doc_id)
    except DQAError as exc:
        _fail(str(exc), 1)
    finally:
        assistant.close()
    typer.echo(f"removed {doc_id}")


@app.command("list")
def list_documents() -> None:
    """List the indexed documents."""
    from rich.console import Console
    from rich.table import Table

    from assistant.service import Assistant

    assistant = Assistant(Settings())
    try:
        records = assistant.list_documents()
    except DQAError as exc:
        _fail(str(exc))
    finally:
        assistant.close()
    table = Table("id", "type", "số hiệu", "date", "chunks", "indexed at")
    for record in records:
        meta = record.metadata
        table.add_row(
            record.doc_id, meta.doc_type or "", meta.number or "", meta.issued_date or "",
            str(record.n_chunks), record.indexed_at,
        )
    Console().print(table)


@app.command()
def snapshot(out: Annotated[Path, typer.Argument(help="the .tar.gz to write")]) -> None:
    """Back up the embedded store (stop the server first: the store must not be in use)."""
    from indexer.backup import snapshot as take_snapshot

    try:
        report = take_snapshot(Settings(), out)
    except DQAError as exc:
        _fail(str(exc))
    typer.echo(f"snapshot {report.archive}: {report.points} points, {report.files} files, {report.bytes} B")


@app.command()
def restore(archive: Annotated[Path, typer.Argument(help="a .tar.gz written by `snapshot`")]) -> None:
    """Restore a snapshot into DQA_DATA_DIR, which must not hold a store yet."""
    from indexer.backup import restore as restore_snapshot

    settings = Settings()
    try:
        report = restore_snapshot(settings, archive)
    except DQAError as exc:
        _fail(str(exc))
    typer.echo(f"restored {report.points} points ({report.files} files) into {settings.data_dir}")


@app.command()
def inspect(
    path: Annotated[Path, typer.Argument(help="one file (.txt .md .docx .pdf)")],
    as_json: Annotated[bool, typer.Option("--json", help="print metadata and chunks as JSON")] = False,
) -> None:
    """Show how one file is cleaned and cut: its metadata and its chunks with their heading paths."""
    import dataclasses
    import json

    from indexer.embedding import make_embedder, token_counter
    from indexer.ingest import ingest_file

    settings = Settings()
    count_tokens = token_counter(make_embedder(settings))  # the model loads on the first count
    try:
        document = ingest_file(path, count_tokens, settings.chunk_max_tokens)
    except DQAError as exc:
        _fail(str(exc))
    except OSError as exc:
        _fail(f"{path}: {exc.strerror or exc}")
    if as_json:
        chunks = [
            {"section": c.section, "text": c.text, "start": c.start, "end": c.end} for c in document.chunks
        ]
        payload = {"metadata": dataclasses.asdict(document.metadata), "chunks": chunks}
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    _print_tree(document, count_tokens)


def _print_tree(document: Document, count_tokens: Callable[[str], int]) -> None:
    """Print metadata, then the chunks grouped under their heading paths with their token counts."""
    from rich.console import Console
    from rich.tree import Tree

    meta = document.metadata
    tree = Tree(f"[bold]{document.source}[/] {meta.doc_type or '?'} {meta.number or '(không số)'}")
    for name, value in _metadata_fields(meta):
        tree.add(f"[dim]{name}:[/] {value}")
    nodes: dict[tuple[str, ...], Tree] = {}
    body = tree.add(f"[bold]{len(document.chunks)} chunks[/]")
    for chunk in document.chunks:
        path = tuple(part for part in chunk.section.split(" > ") if part)
        parent = body
        for depth in range(1, len(path) + 1):
            key = path[:depth]
            if key not in nodes:
                nodes[key] = parent.add(f"[cyan]{key[-1]}[/]")
            parent = nodes[key]
        preview = " ".join(chunk.text.split())
        preview = preview if len(preview) <= 110 else preview[:109] + "…"
        notes = f" [magenta]+{len(chunk.footnotes)} chú thích[/]" if chunk.footnotes else ""
        parent.add(f"[green]#{chunk.index}[/] [yellow]{count_tokens(chunk.text)} tok[/]{notes} {preview}")
    Console().print(tree)


def _metadata_fields(meta: object) -> list[tuple[str, object]]:
    """Return the (name, value) pairs of a dataclass, recipients joined for display."""
    import dataclasses

    pairs: list[tuple[str, object]] = []
    for item in dataclasses.fields(meta):  # type: ignore[arg-type]
        value = getattr(meta, item.name)
        pairs.append((item.name, "; ".join(value) if isinstance(value, tuple) else value))
    return pairs


if __name__ == "__main__":
    app()
