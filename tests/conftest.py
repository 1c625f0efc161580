"""Shared fixtures. Airflow reads its settings on first import, so its home is set here, before
any test imports it: a temporary AIRFLOW_HOME with a SQLite DB, never inside the repository."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from pipeline.runs.orchestrate import prepare_airflow  # importing it does not import Airflow

os.environ["AIRFLOW_HOME"] = tempfile.mkdtemp(prefix="newsfacts-airflow-")
prepare_airflow(os.environ["AIRFLOW_HOME"])

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def seed_site():
    """The bundled sample site on a real HTTP server on 127.0.0.1; yields its base URL."""
    from pipeline.demo.site import serve_site

    with serve_site() as base:
        yield base


@pytest.fixture(scope="session")
def seed_sources(seed_site, tmp_path_factory) -> Path:
    from pipeline.demo.site import sources_for

    path = tmp_path_factory.mktemp("sources") / "sources.toml"
    path.write_text(sources_for(seed_site), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def nlp():
    from pipeline.extract.records import nlp as load

    return load()
