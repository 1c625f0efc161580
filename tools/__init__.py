"""Development tools, not part of the runtime package: the benchmark (`bench`, `benchcorpus`),
generated data directories (`synthetic`), the evaluation runner (`evaluate`) and the event
clustering scorer (`cluster_score`)."""
