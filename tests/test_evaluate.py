"""`make eval` (tools/evaluate.py): a set labelled on another set's inputs scores that set's
predictions instead of extracting the same pages twice, and extracts them itself when alone."""

from __future__ import annotations

import json

import pytest

from tools import evaluate

RELEVANCE = next(d for d in evaluate.DEV_SETS if d.name == "relevance")
SCORER = """import json, sys
print(json.dumps({"pred": sys.argv[2], "none_with_event_rate": 0.0}))
"""


@pytest.fixture
def eval_dir(tmp_path):
    (tmp_path / RELEVANCE.scorer).write_text(SCORER, encoding="utf-8")
    return tmp_path


def test_the_relevance_set_scores_the_html_predictions_without_extracting_again(
    eval_dir, tmp_path, monkeypatch
):
    def no_extract(*_):
        raise AssertionError("the html pages were extracted twice")

    monkeypatch.setattr(evaluate, "run_extract", no_extract)
    done = {"html": {"docs": 90, "docs_per_s": 3.0}}
    result = evaluate.evaluate_set(RELEVANCE, eval_dir, tmp_path, done)
    assert result["scores"]["pred"] == str(tmp_path / "html-pred.jsonl")
    rows = evaluate.summary_rows({"relevance": result})
    assert ("relevance", "none_with_event_rate", "0.0000") in rows
    assert ("relevance", "predictions", "the html set's") in rows


@pytest.mark.parametrize("done", [{}, {"html": {"error": "extract failed"}}])
def test_the_relevance_set_extracts_the_html_pages_itself_when_they_were_not(
    eval_dir, tmp_path, monkeypatch, done
):
    ran = []

    def fake_extract(inputs, output):
        ran.append((inputs, output))
        output.write_text(json.dumps({"id": "p"}) + "\n", encoding="utf-8")
        return {"docs": 1, "seconds": 1.0, "docs_per_s": 1.0}

    monkeypatch.setattr(evaluate, "run_extract", fake_extract)
    result = evaluate.evaluate_set(RELEVANCE, eval_dir, tmp_path, done)
    assert ran == [(eval_dir / "html" / "dev.jsonl", tmp_path / "relevance-pred.jsonl")]
    assert result["scores"]["pred"] == str(tmp_path / "relevance-pred.jsonl")


def test_the_figure_probes_are_scored_per_family_without_a_shared_directory(tmp_path, monkeypatch):
    def nothing_found(inputs, output):  # every probe read as reporting nobody
        with output.open("w", encoding="utf-8") as fh:
            for line in inputs.read_text(encoding="utf-8").splitlines():
                record = {"id": json.loads(line)["id"], "status": "ok", "figures": []}
                fh.write(json.dumps(record | {"relevance": "none"}) + "\n")
        return {"docs": 1, "seconds": 1.0, "docs_per_s": 1.0}

    monkeypatch.setattr(evaluate, "run_extract", nothing_found)
    out, missing = tmp_path / "out", str(tmp_path / "no-shared")
    assert evaluate.main(["--only", "figprobes", "--shared", missing, "--out", str(out)]) == 0
    scores = json.loads((out / "summary.json").read_text())["sets"]["figprobes"]["scores"]
    assert {"victim_phrases", "parts", "negation", "inv_places"} <= set(scores["families"])
    assert scores["families"]["negation"]["passed"] > 0  # nobody hurt: no figure is right
    assert scores["passed"] < scores["cases"]
    failed = (out / "figprobes-failures.jsonl").read_text().splitlines()
    assert len(failed) == scores["cases"] - scores["passed"]
    assert evaluate.main(["--shared", missing, "--out", str(out)]) == 2  # the dev sets need it


def test_the_type_probes_are_scored_per_family_without_a_shared_directory(tmp_path, monkeypatch):
    def no_event(inputs, output):  # every probe read as reporting no event
        with output.open("w", encoding="utf-8") as fh:
            for line in inputs.read_text(encoding="utf-8").splitlines():
                record = {"id": json.loads(line)["id"], "status": "ok", "events": []}
                fh.write(json.dumps(record | {"relevance": "none"}) + "\n")
        return {"docs": 1, "seconds": 1.0, "docs_per_s": 1.0}

    monkeypatch.setattr(evaluate, "run_extract", no_event)
    out, missing = tmp_path / "out", str(tmp_path / "no-shared")
    assert evaluate.main(["--only", "typeprobes", "--shared", missing, "--out", str(out)]) == 0
    scores = json.loads((out / "summary.json").read_text())["sets"]["typeprobes"]["scores"]
    families = scores["families"]
    assert families["no_event"]["pass_rate"] == 1.0  # nothing reported: no event is right
    assert families["battles"]["passed"] == 0 and families["protests"]["passed"] == 0
    failed = (out / "typeprobes-failures.jsonl").read_text().splitlines()
    assert len(failed) == scores["cases"] - scores["passed"] > 0
