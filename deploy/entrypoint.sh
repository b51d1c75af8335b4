#!/bin/sh
# Container entrypoint: index the demo corpus when the store holds no document, then exec CMD.
#
# DQA_INDEX_DEMO_ON_START (read only here, not a Settings field):
#   auto   (default) index the demo corpus only when the store is empty
#   always run the incremental build at every start (unchanged documents are skipped)
#   never  start serving straight away (use for the 2nd..Nth replica behind a load balancer)
set -eu

mode="${DQA_INDEX_DEMO_ON_START:-auto}"

store_is_empty() {
    # exit 0 when the store (embedded or server, per DQA_QDRANT_URL) lists no document
    python - <<'PY'
import sys

from assistant.service import Assistant
from assistant.settings import Settings

try:
    documents = Assistant(Settings()).list_documents()
except Exception as error:  # store not created yet: treat as empty
    print(f"entrypoint: store not readable yet ({type(error).__name__}); treating as empty", file=sys.stderr)
    sys.exit(0)
sys.exit(0 if not documents else 1)
PY
}

case "$mode" in
    always)
        python -m indexer build
        ;;
    auto)
        if store_is_empty; then
            echo "entrypoint: store is empty, indexing the demo corpus" >&2
            python -m indexer build
        fi
        ;;
    never)
        ;;
    *)
        echo "entrypoint: DQA_INDEX_DEMO_ON_START must be auto, always or never (got '$mode')" >&2
        exit 2
        ;;
esac

exec "$@"
