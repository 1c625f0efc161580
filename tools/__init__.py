"""Development tools, not part of the runtime package: the benchmark (`bench`, a package with one
module per part it measures, and its generated corpus `benchcorpus`), generated data directories
(`synthetic`), the evaluation runner (`evaluate`) and the event clustering scorer
(`cluster_score`)."""
