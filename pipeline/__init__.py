"""newsfacts: news articles -> entities, events and casualty figures."""

import os

if os.environ.get("NEWSFACTS_MALLOC_DEFAULTS") != "1":
    # Arrow's buffers from the C library's heap, not mimalloc's: read before pyarrow makes its
    # first buffer (see pipeline.extract.heap)
    os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", "system")
