"""Runs: the bodies of the DAG tasks as plain functions over a staging directory (`steps`),
running the DAGs in process (`orchestrate`), and what the DAG files share (`dagkit`). Importing
this package imports nothing heavy: the DAG files import `dagkit` at parse time."""
