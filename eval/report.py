"""The evaluation report: one self-contained HTML page (inline SVG plots, no scripts, no tool needed)."""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Mapping, Sequence
from html import escape
from typing import Any

from eval.metrics import HEADLINE_KEYS, contains_evidence

_CSS = """
body{font-family:system-ui,'Segoe UI',Arial,sans-serif;margin:2rem auto;max-width:1100px;color:#222;
padding:0 1rem}
h1{font-size:1.5rem}h2{margin-top:2rem;border-bottom:1px solid #ddd}
table{border-collapse:collapse;margin:.5rem 0}
td,th{border:1px solid #ccc;padding:.25rem .6rem;text-align:right}
th{background:#f3f3f3}td.l,th.l{text-align:left}
.plots{display:flex;flex-wrap:wrap;gap:1rem}.plots figure{margin:0;flex:1 1 340px}
.fail{border:1px solid #e3b3b3;border-radius:6px;padding:.6rem 1rem;margin:1rem 0;background:#fffafa}
.why{color:#a00;font-weight:600}.cite{border-left:3px solid #bbb;padding:.2rem .6rem;margin:.4rem 0;
font-size:.9rem;background:#fafafa}.cite.ok{border-left-color:#2a2}.muted{color:#777}
"""


def _fmt(value: object) -> str:
    """Return a metric value for display: ratios with 3 decimals, milliseconds rounded, None as a dash."""
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.3f}" if value <= 1.0 else f"{value:.0f}"
    return escape(str(value))


def _svg(figure: Any) -> str:
    """Return a matplotlib figure as an inline <svg> element (text kept as text)."""
    import matplotlib.pyplot as plt

    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", bbox_inches="tight")
    plt.close(figure)
    text = buffer.getvalue()
    return text[text.index("<svg") :]


def _figure(width: float = 4.5, height: float = 2.8) -> tuple[Any, Any]:
    import matplotlib

    matplotlib.use("Agg")
    matplotlib.rcParams["svg.fonttype"] = "none"
    matplotlib.rcParams["svg.hashsalt"] = "dqa-eval"  # stable ids: the same run renders the same page
    import matplotlib.pyplot as plt

    return plt.subplots(figsize=(width, height))


def accuracy_plot(by_type: Mapping[str, Mapping[str, Any]]) -> str:
    """Return a bar chart of answer accuracy per question type (abstention accuracy for "none")."""
    figure, axes = _figure(6.0, 3.0)
    labels, values = [], []
    for qtype, numbers in by_type.items():
        value = numbers.get("abstain_accuracy") if qtype == "none" else numbers.get("answer_accuracy")
        labels.append(f"{qtype}\n(n={numbers.get('n')})")
        values.append(value or 0.0)
    axes.bar(labels, values, color=["#888" if label.startswith("none") else "#3a7" for label in labels])
    axes.set_ylim(0, 1)
    axes.tick_params(axis="x", labelsize=8)
    axes.set_ylabel("accuracy")
    axes.set_title("Answer accuracy by type (none: abstention)")
    return _svg(figure)


def rank_plot(ranks: Sequence[int | None], top_k: int) -> str:
    """Return a bar chart of the rank of the first citation holding the evidence (answerable questions)."""
    figure, axes = _figure()
    counts = Counter("miss" if r is None or r > top_k else str(r) for r in ranks)
    labels = [str(r) for r in range(1, top_k + 1)] + ["miss"]
    axes.bar(labels, [counts.get(label, 0) for label in labels], color="#47a")
    axes.set_xlabel("rank of first citation containing evidence")
    axes.set_ylabel("questions")
    axes.set_title("Evidence rank distribution")
    return _svg(figure)


def latency_plot(latencies_ms: Sequence[float]) -> str:
    """Return a histogram of per-question latency in milliseconds."""
    figure, axes = _figure()
    axes.hist(list(latencies_ms) or [0.0], bins=20, color="#a74")
    axes.set_xlabel("latency (ms)")
    axes.set_ylabel("questions")
    axes.set_title("Latency")
    return _svg(figure)


def failure_reasons(verdict: Mapping[str, Any]) -> list[str]:
    """Return why a result counts as a failure (empty list: it passed)."""
    if verdict.get("error"):
        return [f"error: {verdict['error']}"]
    if not verdict["answerable"]:
        return [] if verdict["abstained"] else ["answered a question the documents do not answer"]
    reasons = []
    if verdict["abstained"]:
        reasons.append("abstained on an answerable question")
    elif not verdict["correct"]:
        reasons.append("no accepted answer in the answer")
    if not verdict["abstained"] and not verdict["first_citation_ok"]:
        reasons.append(
            "evidence not in any citation"
            if verdict["rank"] is None
            else f"evidence first at rank {verdict['rank']}"
        )
    return reasons


def _headline_table(metrics: Mapping[str, Any]) -> str:
    rows = "".join(
        f"<tr><th class=l>{escape(k)}</th><td>{_fmt(metrics.get(k))}</td></tr>" for k in HEADLINE_KEYS
    )
    counts = (
        f"<p>{metrics.get('n')} questions: {metrics.get('n_answerable')} answerable, "
        f"{metrics.get('n_unanswerable')} unanswerable; {metrics.get('errors', 0)} errors.</p>"
    )
    return counts + f"<table>{rows}</table>"


def _type_table(by_type: Mapping[str, Mapping[str, Any]]) -> str:
    keys = ("n",) + HEADLINE_KEYS
    head = "<tr><th class=l>type</th>" + "".join(f"<th>{escape(k)}</th>" for k in keys) + "</tr>"
    body = "".join(
        f"<tr><th class=l>{escape(t)}</th>" + "".join(f"<td>{_fmt(m.get(k))}</td>" for k in keys) + "</tr>"
        for t, m in by_type.items()
    )
    return f"<table>{head}{body}</table>"


def _citation(rank: int, citation: Mapping[str, Any], evidence: Sequence[str]) -> str:
    """Return one cited passage; its edge is green when it contains the gold evidence."""
    ok = " ok" if evidence and contains_evidence(str(citation.get("text", "")), evidence) else ""
    source = escape(str(citation.get("source")))
    where = " · ".join(
        (
            escape(str(citation.get("number") or "")),
            escape(str(citation.get("section") or "")),
            f"score {float(citation.get('score', 0.0)):.3f}",
        )
    )
    quote = escape(str(citation.get("quote", "")))
    text = escape(str(citation.get("text", "")))
    return f"<div class='cite{ok}'><b>[{rank}]</b> {source} <span class=muted>{where}</span><br>" + (
        f"quote: <i>{quote}</i><br>{text}</div>"
    )


def _failure(record: Mapping[str, Any], reasons: Sequence[str]) -> str:
    """Return one failure: question, expected answer and evidence, given answer, cited passages."""
    expected = record["expected"]
    answer = record.get("answer") or {}
    given = "(abstained) " if answer.get("abstained") else ""
    given += answer.get("answer", "") if answer else "(no answer)"
    evidence = [str(e) for e in expected.get("evidence", [])]
    accepted = " | ".join(expected.get("answers") or ["(not in the documents: abstain)"])
    cites = "".join(_citation(rank, c, evidence) for rank, c in enumerate(answer.get("citations", []), 1))
    return (
        f"<div class=fail><b>{escape(str(record['id']))}</b> ({escape(str(record['type']))}) "
        f"<span class=why>{escape('; '.join(reasons))}</span>"
        f"<p><b>Question:</b> {escape(str(record['question']))}</p>"
        f"<p><b>Expected:</b> {escape(accepted)}"
        f" <span class=muted>{escape(str(expected.get('doc') or ''))}</span></p>"
        f"<p><b>Evidence:</b> {escape(' | '.join(evidence) or '–')}</p>"
        f"<p><b>Given:</b> {escape(given)}</p>{cites or '<p class=muted>no citations</p>'}</div>"
    )


def render_report(metrics: Mapping[str, Any], records: Sequence[Mapping[str, Any]], title: str) -> str:
    """Return the whole HTML report: headline numbers, per-type table, plots and every failure."""
    by_type = metrics.get("by_type", {})
    top_k = int((metrics.get("config") or {}).get("top_k", 5))
    verdicts = [r["verdict"] for r in records]
    failures = [(r, failure_reasons(r["verdict"])) for r in records]
    failures = [(r, why) for r, why in failures if why]
    plots = "".join(
        f"<figure>{svg}</figure>"
        for svg in (
            accuracy_plot(by_type),
            rank_plot([v["rank"] for v in verdicts if v["answerable"]], top_k),
            latency_plot([float(v["latency_ms"]) for v in verdicts]),
        )
    )
    config = metrics.get("config") or {}
    config_text = ", ".join(f"{escape(str(k))}={escape(str(v))}" for k, v in config.items())
    return (
        "<!DOCTYPE html><html lang=vi><head><meta charset=utf-8>"
        f"<title>Evaluation: {escape(title)}</title><style>{_CSS}</style></head><body>"
        f"<h1>Evaluation: {escape(title)}</h1><p class=muted>{config_text}</p>"
        f"<h2>Headline</h2>{_headline_table(metrics)}"
        f"<h2>By question type</h2>{_type_table(by_type)}"
        f"<h2>Plots</h2><div class=plots>{plots}</div>"
        f"<h2>Failures ({len(failures)} of {len(records)})</h2>"
        + ("".join(_failure(r, why) for r, why in failures) or "<p>None.</p>")
        + "<p class=muted>A failure: a wrong or missing answer, a wrong abstention, or a first citation "
        "without the gold evidence. Green-edged citations contain the evidence.</p></body></html>"
    )
