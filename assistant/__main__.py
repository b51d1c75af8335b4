"""Command line of the assistant: `python -m assistant ask|serve|…`."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Annotated

import typer

from assistant.errors import DQAError, NotFound
from assistant.settings import RetrievalMode, Settings

app = typer.Typer(no_args_is_help=True, add_completion=False, help="Hỏi đáp văn bản chỉ đạo.")


@app.command()
def ask(
    question: Annotated[str, typer.Argument(help="The question, in Vietnamese.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the answer format as JSON.")] = False,
    top_k: Annotated[int | None, typer.Option("--top-k", min=1, max=50, help="Passages to cite.")] = None,
    mode: Annotated[RetrievalMode | None, typer.Option("--mode", help="dense, sparse or hybrid.")] = None,
) -> None:
    """Answer a question with citations (or say the documents do not tell)."""
    from assistant.service import Assistant

    settings = Settings()
    assistant = Assistant(settings)
    try:
        if not assistant.list_documents():
            raise NotFound(f"nothing is indexed yet in {settings.qdrant_url or settings.data_dir}: "
                           "run `python -m indexer build FOLDER` (or `make run`) first")
        answer = assistant.ask(question, top_k=top_k, mode=mode)
    except DQAError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(2) from error
    finally:
        assistant.close()
    if as_json:
        typer.echo(json.dumps(asdict(answer), ensure_ascii=False, indent=2))
        return
    typer.echo(answer.answer)
    for n, citation in enumerate(answer.citations, start=1):
        where = " — ".join(x for x in (citation.number or citation.source, citation.section) if x)
        typer.echo(f"[{n}] {where}\n    “{' '.join(citation.quote.split())}”")


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="The question or keywords, in Vietnamese.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the passages as JSON.")] = False,
    mode: Annotated[RetrievalMode | None, typer.Option("--mode", help="dense, sparse or hybrid.")] = None,
    top_k: Annotated[int | None, typer.Option("--top-k", min=1, max=50, help="Passages to show.")] = None,
) -> None:
    """Print the ranked passages for a query (no answer extraction)."""
    from assistant.service import Assistant

    assistant = Assistant(Settings())
    try:
        hits, timings = assistant.search_timed(query, mode=mode, top_k=top_k)
    except DQAError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(2) from error
    finally:
        assistant.close()
    if as_json:
        rows = [{"rank": n, "score": hit.score, "doc": asdict(hit.doc), "chunk": asdict(hit.chunk)}
                for n, hit in enumerate(hits, start=1)]
        typer.echo(json.dumps({"query": query, "hits": rows, "timings_ms": timings.as_dict()},
                              ensure_ascii=False, indent=2))
        return
    for n, hit in enumerate(hits, start=1):
        where = " — ".join(x for x in (hit.doc.number or hit.doc.source, hit.chunk.section) if x)
        typer.echo(f"[{n}] {hit.score:.4f} {where}\n    {' '.join(hit.chunk.text.split())[:300]}")
    typer.echo(f"({timings.total_ms:.0f} ms: embed {timings.embed_ms:.0f}, search {timings.search_ms:.0f})")


@app.command()
def serve(
    host: Annotated[str | None, typer.Option("--host", help="Interface to listen on.")] = None,
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
) -> None:
    """Serve the HTTP API (and the web UI) with uvicorn."""
    import uvicorn

    from assistant.api import create_app

    settings = Settings()
    uvicorn.run(create_app(settings), host=host or settings.host, port=port)


if __name__ == "__main__":
    app()
