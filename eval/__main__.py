"""Command line of the evaluation suite: `python -m eval run | compare | check | baseline | gold-check`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from assistant.errors import DQAError
from assistant.settings import Settings

app = typer.Typer(help="Evaluate the assistant on gold question/answer pairs.", no_args_is_help=True)

GOLD_DIR = Path(__file__).resolve().parent / "gold"
FLOORS = Path(__file__).resolve().parent / "floors.json"


def _fail(message: str, code: int = 2) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


def _print_headline(metrics: dict[str, object], keys: tuple[str, ...]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table("metric", "value")
    for key in keys:
        value = metrics.get(key)
        if isinstance(value, float):
            table.add_row(key, f"{value:.3f}" if value <= 1.0 else f"{value:.0f}")
        else:
            table.add_row(key, "–" if value is None else str(value))
    Console().print(table)


@app.command()
def run(
    gold: Annotated[Path, typer.Option(help="gold JSON Lines file")] = GOLD_DIR / "dev.jsonl",
    out: Annotated[Path, typer.Option(help="folder for metrics.json, results.jsonl, report.html")] = Path(
        "artifacts/eval-dev"
    ),
    mode: Annotated[str, typer.Option(help="extractive | llm")] = "extractive",
    retrieval: Annotated[str, typer.Option(help="dense | sparse | hybrid")] = "hybrid",
    top_k: Annotated[int, typer.Option("--top-k", min=1, max=50)] = 5,
    heading_context: Annotated[
        bool, typer.Option("--heading-context/--no-heading-context", help="ablation: actor from headings")
    ] = True,
    corpus: Annotated[
        Path | None, typer.Option(help="folder to index (incrementally) before asking; default: demo corpus")
    ] = None,
    no_index: Annotated[bool, typer.Option("--no-index", help="ask the store as it is")] = False,
) -> None:
    """Answer every gold question and write the metrics, the per-question results and the report."""
    from eval.metrics import HEADLINE_KEYS
    from eval.runner import RunConfig
    from eval.runner import run as run_eval

    if mode not in ("extractive", "llm"):
        _fail(f"--mode must be extractive or llm, not {mode!r}")
    if retrieval not in ("dense", "sparse", "hybrid"):
        _fail(f"--retrieval must be dense, sparse or hybrid, not {retrieval!r}")
    settings = Settings()
    config = RunConfig(
        gold=str(gold),
        mode=mode,  # type: ignore[arg-type]
        retrieval=retrieval,  # type: ignore[arg-type]
        top_k=top_k,
        heading_context=heading_context,
    )
    folder = None if no_index else corpus or settings.demo_corpus
    if folder is not None:
        typer.echo(f"indexing {folder} (only new or changed files) …", err=True)
    try:
        metrics = run_eval(settings, config, out, corpus=folder)
    except DQAError as exc:
        _fail(str(exc))
    except NotImplementedError:
        _fail("the assistant is not implemented yet (Assistant.ask / index raise NotImplementedError)")
    _print_headline(metrics, ("n", *HEADLINE_KEYS))
    typer.echo(f"report: {out / 'report.html'}")


@app.command()
def compare(
    run_a: Annotated[Path, typer.Argument(help="run folder (before)")],
    run_b: Annotated[Path, typer.Argument(help="run folder (after)")],
) -> None:
    """Show headline deltas and every question whose outcome changed between two runs."""
    from eval.compare import load_run, print_comparison

    try:
        print_comparison(load_run(run_a), load_run(run_b))
    except DQAError as exc:
        _fail(str(exc))


@app.command()
def check(
    metrics: Annotated[Path, typer.Option(help="metrics.json of a run")],
    floors: Annotated[Path, typer.Option(help="floors file")] = FLOORS,
) -> None:
    """Exit with status 1 when a headline number is below its floor (above its ceiling)."""
    from eval.floors import check_floors, read_floors

    try:
        limits = read_floors(floors)
    except DQAError as exc:
        _fail(str(exc))
    if not metrics.is_file():
        _fail(f"metrics file not found: {metrics}")
    checks = check_floors(json.loads(metrics.read_text(encoding="utf-8")), limits)
    unset = [name for name, limit in limits.items() if limit is None]
    if unset:
        typer.echo(f"warning: no floor set yet for {', '.join(unset)}", err=True)
    for item in checks:
        value = "missing" if item.value is None else f"{item.value:.3g}"
        typer.echo(f"{'ok  ' if item.passed else 'FAIL'} {item.metric}: {value} (limit {item.limit:.3g})")
    if not all(item.passed for item in checks):
        raise typer.Exit(1)


@app.command()
def baseline(
    gold: Annotated[Path, typer.Option(help="gold JSON Lines file")] = GOLD_DIR / "dev.jsonl",
    out: Annotated[Path, typer.Option(help="output folder")] = Path("artifacts/eval-baseline-dev"),
    corpus: Annotated[Path | None, typer.Option(help="folder of raw files; default: demo corpus")] = None,
    top_k: Annotated[int, typer.Option("--top-k", min=1, max=50)] = 5,
) -> None:
    """Evaluate the LlamaIndex quickstart baseline (retrieval metrics; top passage as its answer)."""
    from eval.baseline import run_baseline

    try:
        metrics = run_baseline(gold, out, corpus or Settings().demo_corpus, top_k)
    except DQAError as exc:
        _fail(str(exc))
    config = metrics["config"]
    assert isinstance(config, dict)
    _print_headline(
        metrics, ("n", "hit@1", "hit@5", "mrr", "answer_accuracy", "answer_chars_p50", "latency_ms_p50")
    )
    typer.echo(
        f"passages: {config.get('n_passages')}, mean length {config.get('passage_chars_mean', 0):.0f} chars"
    )
    typer.echo(f"report: {out / 'report.html'}")


@app.command("gold-check")
def gold_check(
    gold: Annotated[list[Path], typer.Argument(help="gold files")],
    corpus: Annotated[Path | None, typer.Option(help="folder holding the gold documents")] = None,
) -> None:
    """Validate gold files and check every evidence span occurs in its document."""
    from eval.gold import load_gold, missing_evidence

    folder = corpus or Settings().demo_corpus
    documents = {p.name: p.read_text(encoding="utf-8") for p in folder.iterdir() if p.is_file()}
    bad = 0
    for path in gold:
        try:
            items = load_gold(path)
        except DQAError as exc:
            _fail(str(exc))
        for item_id, span in missing_evidence(items, documents):
            typer.echo(f"{path.name} {item_id}: evidence not found: {span!r}")
            bad += 1
        typer.echo(f"{path.name}: {len(items)} questions")
    if bad:
        raise typer.Exit(1)


def _gold_questions(gold: list[Path]) -> list[str]:
    """Return the questions of the gold files, in file order."""
    from eval.gold import load_gold

    return [item.question for path in gold for item in load_gold(path)]


@app.command()
def bench(
    gold: Annotated[list[Path] | None, typer.Option(help="gold files whose questions are asked")] = None,
    corpus: Annotated[Path | None, typer.Option(help="folder to index; default: demo corpus")] = None,
    out: Annotated[Path | None, typer.Option(help="write the result as JSON here")] = None,
) -> None:
    """Index into a fresh store (chunks/s), then time each question per mode (embed, search, total)."""
    from eval.bench import markdown_table, run_bench

    questions = _gold_questions(gold or sorted(GOLD_DIR.glob("*.jsonl")))
    try:
        result = run_bench(Settings(), questions, corpus=corpus)
    except (DQAError, ValueError) as exc:
        _fail(str(exc))
    typer.echo(markdown_table(result))
    if out:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(result, indent=2), encoding="utf-8")


@app.command("bench-load")
def bench_load(
    clients: Annotated[int, typer.Option(min=1, max=200, help="concurrent clients")] = 20,
    duration: Annotated[float, typer.Option(min=1, max=600, help="seconds of load")] = 60.0,
    gold: Annotated[list[Path] | None, typer.Option(help="gold files whose questions are asked")] = None,
    data_dir: Annotated[
        Path | None, typer.Option(help="indexed data folder to serve; default: index the demo corpus afresh")
    ] = None,
    out: Annotated[Path | None, typer.Option(help="write the result as JSON here")] = None,
) -> None:
    """Load the real HTTP server (127.0.0.1) with concurrent clients asking gold questions."""
    from dataclasses import asdict

    from eval.load import bench_load as run_bench_load
    from eval.load import markdown_table

    questions = _gold_questions(gold or sorted(GOLD_DIR.glob("*.jsonl")))
    try:
        result = run_bench_load(
            Settings(), questions, clients=clients, duration_s=duration, data_dir=data_dir
        )
    except DQAError as exc:
        _fail(str(exc))
    typer.echo(markdown_table(result))
    typer.echo(f"outcomes: {result.outcomes}; server RSS {result.server_rss_mb or 0:.0f} MB")
    if out:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(asdict(result), indent=2), encoding="utf-8")
    if result.errors:
        raise typer.Exit(1)


@app.command("bench-scale")
def bench_scale(
    sizes: Annotated[str, typer.Option(help="comma-separated corpus sizes in chunks")] = "10000,100000",
    gold: Annotated[list[Path] | None, typer.Option(help="gold files whose questions are asked")] = None,
    plot: Annotated[Path, typer.Option(help="PNG plot to write")] = Path("docs/scale.png"),
    out: Annotated[Path | None, typer.Option(help="write the rows as JSON here")] = None,
    cache: Annotated[
        Path | None, typer.Option(help="file keeping the demo passages' embeddings between runs")
    ] = None,
) -> None:
    """Grow a synthetic corpus from the demo documents; time indexing and queries, measure memory."""
    from dataclasses import asdict

    from eval.scale import markdown_table, run_sizes
    from eval.scale import plot as draw

    try:
        chunk_counts = [int(size) for size in sizes.split(",") if size.strip()]
    except ValueError:
        _fail(f"--sizes must be comma-separated integers, not {sizes!r}")
    questions = _gold_questions(gold or sorted(GOLD_DIR.glob("*.jsonl")))
    try:
        rows = run_sizes(Settings(), chunk_counts, questions, cache=cache)
    except DQAError as exc:
        _fail(str(exc))
    typer.echo(markdown_table(rows))
    try:
        typer.echo(f"plot: {draw(rows, plot)}")
    except ImportError:
        typer.echo("no plot: matplotlib is not installed (pip install '.[dev]')", err=True)
    if out:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps([asdict(row) for row in rows], indent=2), encoding="utf-8")


@app.command("feedback-export")
def feedback_export(
    out: Annotated[Path | None, typer.Option(help="JSON Lines file to write; default: stdout")] = None,
) -> None:
    """Write the thumbs-down answers of the web chat as gold candidates (answers/evidence to fill in)."""
    import sys

    from eval.feedback_export import export_thumbs_down, export_to_file
    from ui.feedback import FeedbackStore

    store = FeedbackStore(Settings().feedback_db)
    try:
        count = export_to_file(store, out) if out else export_thumbs_down(store, sys.stdout)
    except DQAError as exc:
        _fail(str(exc))
    finally:
        store.close()
    typer.echo(f"{count} thumbs-down answer(s) exported{f' to {out}' if out else ''}", err=True)


if __name__ == "__main__":
    app()
