"""Score the production extract path on the shared dev sets and the seed example (`make eval`).

    python -m tools.evaluate [--shared ../shared] [--out eval-out] [--only SET,...]

SETS are acled, html, figures, relevance (the dev sets), example (the seed article) and
figprobes and typeprobes (the behavioural probes of `tools.figure_probes` and
`tools.type_probes`, generated here: the sets that need no shared directory); default all.

For each dev set in SHARED/eval/ (see its README) this runs the production command
`python -m pipeline extract` on the set's input as a subprocess, times it, and scores the output
with the set's own scorer (`--json`, last line). A set labelled on another set's inputs (relevance:
the html pages) scores that set's predictions when it ran in the same evaluation, and runs the
extraction itself only when it did not. For the seed article in SHARED/examples/ it runs
the same command and checks the output against our reading of `ukraine-peacekeeping.expected.md`;
the checks below are written as data, and the article's text is read at run time, never copied.

For figprobes it writes the generated cases to OUT/figprobes-input.jsonl, runs the same command
on them and scores each case by the suite's own rule (`tools/figure_probes/__init__.py`): the
pass rate overall and per template family, the consistency of the invariance groups, and every
failing case in OUT/figprobes-failures.jsonl. typeprobes likewise: the first event's type against
the codebook's per family, the sub-type rate, failures in OUT/typeprobes-failures.jsonl.

Predictions, scorer output and the example's input go to OUT/; every number to OUT/summary.json.
The run ends with one table: set, metric, value.

Exit status: 0 when every extract run and scorer completed, 1 when one of them failed, 2 when the
shared directory is missing and a set other than the probes was asked for.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

PROJECT_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class DevSet:
    name: str
    inputs: str  # paths relative to SHARED/eval
    gold: str
    scorer: str
    metrics: tuple[str, ...]  # scorer keys shown in the summary table (all go to summary.json)
    reuses: str | None = None  # the set whose inputs it labels: its predictions are scored


DEV_SETS = (
    DevSet(
        "acled",
        "acled/inputs-dev.jsonl",
        "acled/dev.jsonl",
        "score_acled.py",
        (
            "fatalities_exact",
            "fatalities_exact_pos",
            "fatalities_exact_zero",
            "fatalities_exact_stated",
            "fatalities_exact_uncoded",
            "fatalities_mae",
            "nonzero_precision",
            "nonzero_recall",
            "event_type_acc",
            "event_date_acc",
            "location_recall",
            "actor_recall",
            "actor_alias_recall",
        ),
    ),  # fmt: skip
    DevSet(
        "html",
        "html/dev.jsonl",
        "html/dev-gold.jsonl",
        "score_html.py",
        ("f1", "precision", "recall", "accuracy", "precision_incl_empty"),
    ),
    DevSet(
        "figures",
        "figures/dev.jsonl",
        "figures/dev.jsonl",
        "score_figures.py",
        tuple(
            f"{category}.{measure}"
            for category in ("all", "killed", "injured", "displaced")
            for measure in ("precision", "recall", "f1")
        ),
    ),
    DevSet(
        "relevance",
        "html/dev.jsonl",
        "relevance/dev-labels.jsonl",
        "score_relevance.py",
        ("none_with_event_rate", "none_with_figure_rate", "incident_typed_rate"),
        reuses="html",
    ),
)
SET_NAMES = tuple(s.name for s in DEV_SETS) + ("example", "figprobes", "typeprobes")
LOCAL_SETS = ("figprobes", "typeprobes")  # generated here: no shared directory needed

# --- The seed example: our reading of SHARED/examples/ukraine-peacekeeping.expected.md ---------

EXAMPLE_TXT = "examples/ukraine-peacekeeping.txt"
EXAMPLE_PUBLISHED = "2025-08-19"
# (canonical name, type, country); country None = not stated in the expectations, not checked
EXAMPLE_ENTITIES = (
    ("Donald Trump", "PERSON", "USA"),
    ("Volodymyr Zelenskyy", "PERSON", "UKR"),
    ("Vladimir Putin", "PERSON", "RUS"),
    ("Politico", "ORG", None),
    ("Ukraine", "GPE", "UKR"),
    ("Russia", "GPE", "RUS"),
    ("United States", "GPE", "USA"),
    ("Alaska", "GPE", "USA"),
    ("Europe", "LOC", None),
    ("Russo-Ukraine War", "EVENT", None),
    ("Ukrainian", "NORP", "UKR"),
    ("Russian", "NORP", "RUS"),
    ("American", "NORP", "USA"),
    ("Europeans", "NORP", None),
)
EXAMPLE_ONE_ENTITY = ("Donald Trump", "Trump")  # every mention containing "Trump" is in this one
EXAMPLE_FIGURE = {
    "category": "casualties",
    "best": 1_000_000,
    "low": 1_000_000,
    "high": None,
    "qualifier": "more_than",
    "scope": "cumulative",
    "as_of": "2025-06",
}
EXAMPLE_FIGURE_SPAN = "more than one million casualties as of June"
EXAMPLE_EVENTS = (("Diplomacy", "2025-08-18"), ("Diplomacy", "2025-08-15"))
EXAMPLE_TEXT_CONTAINS = "casualties as of June"  # the glued "casualtiesas" repaired


class Check(NamedTuple):
    name: str
    ok: bool
    found: str


class StepFailed(Exception):
    """An extract run or a scorer did not complete."""


# --- Running the production command and the scorers -------------------------------------------


def count_lines(path: Path) -> int:
    with path.open("rb") as fh:
        return sum(1 for line in fh if line.strip())


def run_extract(inputs: Path, output: Path) -> dict[str, Any]:
    """Run `python -m pipeline extract` exactly as production does; return docs and timing."""
    cmd = [sys.executable, "-m", "pipeline", "extract"]
    cmd += ["--input", str(inputs), "--output", str(output)]
    print(f"$ {' '.join(cmd)}", flush=True)
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=PROJECT_ROOT)  # stderr passes through: progress and errors
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise StepFailed(f"extract exited with status {proc.returncode} after {seconds:.1f}s")
    docs = count_lines(inputs)
    return {"docs": docs, "seconds": round(seconds, 2), "docs_per_s": round(docs / seconds, 2)}


def run_scorer(scorer: Path, gold: Path, pred: Path, log_path: Path) -> dict[str, Any]:
    """Run a scorer with --json, keep its full output in log_path, return its last-line JSON."""
    cmd = [sys.executable, str(scorer), str(gold), str(pred), "--json"]
    print(f"$ {' '.join(cmd)}", flush=True)
    proc = subprocess.run(cmd, capture_output=True, text=True)
    log_path.write_text(proc.stdout + proc.stderr, encoding="utf-8")
    if proc.returncode != 0:
        raise StepFailed(
            f"{scorer.name} exited with status {proc.returncode}: {proc.stderr.strip()}"
        )
    lines = proc.stdout.strip().splitlines()
    try:
        return json.loads(lines[-1])
    except (IndexError, json.JSONDecodeError) as exc:
        raise StepFailed(f"{scorer.name} printed no JSON last line (see {log_path})") from exc


def evaluate_set(
    dev: DevSet, eval_dir: Path, out: Path, done: dict[str, dict[str, Any]] | None = None
) -> dict[str, Any]:
    """Extract the set's inputs and score them; a set that labels another set's inputs scores
    that set's predictions when `done` has them (an extraction of the same pages, not redone)."""
    print(f"\n== {dev.name}", flush=True)
    if dev.reuses and "error" not in (done or {}).get(dev.reuses, {"error": "not run"}):
        pred = out / f"{dev.reuses}-pred.jsonl"
        print(f"(the {dev.reuses} set's predictions: {pred})", flush=True)
        result: dict[str, Any] = {"predictions_of": dev.reuses}
    else:
        pred = out / f"{dev.name}-pred.jsonl"
        result = run_extract(eval_dir / dev.inputs, pred)
    score_log = out / f"{dev.name}-score.txt"
    result["scores"] = run_scorer(eval_dir / dev.scorer, eval_dir / dev.gold, pred, score_log)
    return result


# --- The seed example ---------------------------------------------------------------------------


def _entity_label(entity: dict) -> str:
    return f"{entity.get('name')}/{entity.get('type')}/{entity.get('country')}"


def _mention_texts(entity: dict, text: str) -> list[str]:
    texts = []
    for mention in entity.get("mentions") or []:
        try:
            start, end = mention
            texts.append(text[start:end])
        except (TypeError, ValueError):
            continue
    return texts


def check_entities(entities: list[dict], text: str) -> list[Check]:
    checks = []
    for name, type_, country in EXAMPLE_ENTITIES:
        label = f"entity {name} {type_} {country or '(any country)'}"
        matches = [e for e in entities if e.get("name") == name]
        if not matches:
            words = {w for w in name.lower().split() if len(w) > 3}
            similar = [
                _entity_label(e)
                for e in entities
                if words & set(str(e.get("name", "")).lower().split())
                or (e.get("type") == type_ and name.lower()[:5] in str(e.get("name", "")).lower())
            ]
            found = f"no entity named {name!r}; similar: {', '.join(similar[:5]) or 'none'}"
            checks.append(Check(label, False, found))
            continue
        ok = any(
            e.get("type") == type_ and (country is None or e.get("country") == country)
            for e in matches
        )
        checks.append(Check(label, ok, "found " + ", ".join(_entity_label(e) for e in matches)))

    owner, word = EXAMPLE_ONE_ENTITY
    stray = [
        f"{m!r} in {_entity_label(e)}"
        for e in entities
        if e.get("name") != owner
        for m in _mention_texts(e, text)
        if word in m
    ]
    checks.append(
        Check(
            f"every mention of {word} is in the {owner} entity",
            not stray,
            "stray: " + "; ".join(stray[:5]) if stray else "no stray mentions",
        )
    )
    return checks


def check_figures(figures: list[dict], text: str) -> list[Check]:
    summary = ", ".join(
        f"{f.get('category')} {f.get('best')} ({f.get('qualifier')})" for f in figures
    )
    checks = [Check("exactly one figure", len(figures) == 1, f"{len(figures)}: {summary or '-'}")]
    wanted = EXAMPLE_FIGURE["category"]
    figure = next(
        (f for f in figures if f.get("category") == wanted), figures[0] if figures else {}
    )
    wrong = [
        f"{k}={figure.get(k)!r} (want {v!r})"
        for k, v in EXAMPLE_FIGURE.items()
        if figure.get(k) != v
    ]
    fields = ", ".join(f"{k}={v!r}" for k, v in EXAMPLE_FIGURE.items())
    checks.append(
        Check(f"figure {fields}", bool(figure) and not wrong, "; ".join(wrong) or "all match")
    )
    try:
        start, end = figure["span"]
        span_text = text[start:end]
    except (KeyError, TypeError, ValueError):
        span_text = None
    checks.append(
        Check(
            f"figure span contains {EXAMPLE_FIGURE_SPAN!r}",
            span_text is not None and EXAMPLE_FIGURE_SPAN in span_text,
            f"span text {span_text!r}",
        )
    )
    return checks


def check_events(events: list[dict]) -> list[Check]:
    seen = [(e.get("type"), str(e.get("date") or "")[:10]) for e in events]
    listing = ", ".join(f"{t} {d or '(no date)'}" for t, d in seen) or "no events"
    return [
        Check(f"event {type_} on {date}", (type_, date) in seen, f"events: {listing}")
        for type_, date in EXAMPLE_EVENTS
    ]


def check_example_output(record: dict) -> list[Check]:
    text = record.get("text") or ""
    return [
        *check_entities(record.get("entities") or [], text),
        *check_figures(record.get("figures") or [], text),
        *check_events(record.get("events") or []),
        Check(
            f"text contains {EXAMPLE_TEXT_CONTAINS!r}",
            EXAMPLE_TEXT_CONTAINS in text,
            "yes" if EXAMPLE_TEXT_CONTAINS in text else "no",
        ),
    ]


def evaluate_example(shared: Path, out: Path) -> dict[str, Any]:
    print("\n== example", flush=True)
    source = shared / EXAMPLE_TXT
    inputs = out / "example-input.jsonl"
    pred = out / "example-pred.jsonl"
    line = {
        "id": "seed",
        "text": source.read_text(encoding="utf-8"),
        "published": EXAMPLE_PUBLISHED,
    }
    inputs.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    result = run_extract(inputs, pred)

    records = [json.loads(x) for x in pred.read_text(encoding="utf-8").splitlines() if x.strip()]
    record = next((r for r in records if r.get("id") == "seed"), None)
    if record is None:
        raise StepFailed(f"no output line for id 'seed' in {pred}")
    if record.get("status") != "ok":
        checks = [
            Check("status ok", False, f"status {record.get('status')}: {record.get('reason')}")
        ]
    else:
        checks = check_example_output(record)
    for check in checks:
        print(f"{'PASS' if check.ok else 'FAIL'}  {check.name}: {check.found}")
    result["checks"] = [c._asdict() for c in checks]
    result["passed"] = sum(c.ok for c in checks)
    result["total"] = len(checks)
    return result


# --- The behavioural figure probes ---------------------------------------------------------------


def probe_outputs(name: str, records: list[dict], out: Path) -> tuple[dict[str, Any], list[dict]]:
    """Generated probe records through `python -m pipeline extract` as a subprocess: the run's
    timing and each record's output, in the records' order (a record with none: `missing`)."""
    inputs, pred = out / f"{name}-input.jsonl", out / f"{name}-pred.jsonl"
    with inputs.open("w", encoding="utf-8") as fh:
        for record in records:
            fh.write(json.dumps(record) + "\n")
    result = run_extract(inputs, pred)
    by_id = {}
    for line in pred.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            by_id[record.get("id")] = record
    return result, [by_id.get(r["id"], {"status": "missing"}) for r in records]


def evaluate_figprobes(out: Path) -> dict[str, Any]:
    """Every generated probe through `python -m pipeline extract`, scored by the suite's rule."""
    from tools import figure_probes

    print("\n== figprobes", flush=True)
    probes = figure_probes.all_probes()
    result, outputs = probe_outputs("figprobes", figure_probes.records(probes), out)
    res = figure_probes.results(probes, outputs)
    with (out / "figprobes-failures.jsonl").open("w", encoding="utf-8") as fh:
        for r in res:
            if not r.passed:
                row = {"family": r.probe.family, "template": r.probe.template,
                       "text": r.probe.text, "expected": dict(r.probe.expected),
                       "reason": r.reason, "relevance": r.relevance, "figures": r.figures}  # fmt: skip
                fh.write(json.dumps(row) + "\n")
    result["scores"] = figure_probes.summary(res)
    print(figure_probes.report(res, failures=0))
    return result


def evaluate_typeprobes(out: Path) -> dict[str, Any]:
    """Every generated type probe through `python -m pipeline extract`: the first event's type
    (and sub-type) against the codebook's, per family; failures in typeprobes-failures.jsonl."""
    from tools import type_probes
    from tools.type_probes.score import results

    print("\n== typeprobes", flush=True)
    probes = type_probes.all_probes()
    result, outputs = probe_outputs("typeprobes", type_probes.records(probes), out)
    res = results(probes, outputs)
    with (out / "typeprobes-failures.jsonl").open("w", encoding="utf-8") as fh:
        for r in res:
            if not r.passed:
                row = {"family": r.probe.family, "text": r.probe.text, "type": r.probe.type,
                       "got": r.type, "sub_type": r.probe.sub_type, "got_sub": r.sub_type}  # fmt: skip
                fh.write(json.dumps(row) + "\n")
    families = {}
    for family, (passed, cases) in type_probes.rates(res).items():
        families[family] = {"passed": passed, "cases": cases, "pass_rate": passed / cases}
    named = [r for r in res if r.probe.sub_type]
    passed = sum(r.passed for r in res)
    result["scores"] = {
        "cases": len(res), "passed": passed, "pass_rate": passed / max(1, len(res)),
        "sub_type_rate": sum(r.sub_passed for r in named) / max(1, len(named)),
        "families": families,
    }  # fmt: skip
    print(type_probes.report(res, failures=0))
    return result


def figprobes_rows(result: dict[str, Any]) -> list[tuple[str, str, str]]:
    scores = result["scores"]
    rows = [("figprobes", "pass_rate", f"{scores['pass_rate']:.4f} "
             f"({scores['passed']}/{scores['cases']})")]  # fmt: skip
    for family, f in scores["families"].items():
        rows.append(("figprobes", family, f"{f['pass_rate']:.4f} ({f['passed']}/{f['cases']})"))
    for family, c in scores["consistency"].items():
        rows.append(
            ("figprobes", f"{family} consistent", f"{c['consistent_groups']}/{c['groups']}")
        )
    rows.append(("figprobes", "docs/s", f"{result['docs_per_s']:.1f}"))
    return rows


def typeprobes_rows(result: dict[str, Any]) -> list[tuple[str, str, str]]:
    scores = result["scores"]
    rows = [("typeprobes", "pass_rate", f"{scores['pass_rate']:.4f} "
             f"({scores['passed']}/{scores['cases']})"),
            ("typeprobes", "sub_type_rate", f"{scores['sub_type_rate']:.4f}")]  # fmt: skip
    for family, f in scores["families"].items():
        rows.append(("typeprobes", family, f"{f['pass_rate']:.4f} ({f['passed']}/{f['cases']})"))
    rows.append(("typeprobes", "docs/s", f"{result['docs_per_s']:.1f}"))
    return rows


# --- Summary ------------------------------------------------------------------------------------


def _fmt(value: Any) -> str:
    if value is None:
        return "n/a"
    if isinstance(value, float):
        return f"{value:.4f}"
    return str(value)


def summary_rows(results: dict[str, dict[str, Any]]) -> list[tuple[str, str, str]]:
    rows = []
    for dev in DEV_SETS:
        if dev.name not in results:
            continue
        result = results[dev.name]
        if "error" in result:
            rows.append((dev.name, "error", result["error"]))
            continue
        scores = result["scores"]
        rows += [(dev.name, k, _fmt(scores[k]) if k in scores else "(absent)") for k in dev.metrics]
        if "predictions_of" in result:
            rows.append((dev.name, "predictions", f"the {result['predictions_of']} set's"))
        else:
            rows.append((dev.name, "docs/s", f"{result['docs_per_s']:.1f}"))
    if "example" in results:
        result = results["example"]
        if "error" in result:
            rows.append(("example", "error", result["error"]))
        else:
            rows.append(("example", "checks passed", f"{result['passed']} / {result['total']}"))
            rows.append(("example", "docs/s", f"{result['docs_per_s']:.1f}"))
    for name, probe_rows in (("figprobes", figprobes_rows), ("typeprobes", typeprobes_rows)):
        if name in results:
            result = results[name]
            rows += [(name, "error", result["error"])] if "error" in result else probe_rows(result)
    return rows


def print_table(rows: list[tuple[str, str, str]]) -> None:
    header = ("set", "metric", "value")
    w_set, w_metric, w_value = (max(len(r[i]) for r in [header, *rows]) for i in range(3))
    print()
    for i, (name, metric, value) in enumerate([header, *rows]):
        print(f"{name:<{w_set}} | {metric:<{w_metric}} | {value:>{w_value}}")
        if i == 0:
            print(f"{'-' * w_set}-+-{'-' * w_metric}-+-{'-' * w_value}")


# --- Command line -------------------------------------------------------------------------------


def parse_only(value: str) -> list[str]:
    names = [n.strip() for n in value.split(",") if n.strip()]
    unknown = sorted(set(names) - set(SET_NAMES))
    if unknown or not names:
        raise argparse.ArgumentTypeError(
            f"unknown set(s) {', '.join(unknown) or '(none given)'}; "
            f"choose from {', '.join(SET_NAMES)}"
        )
    return names


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m tools.evaluate",
        description="Score the production extract on the shared dev sets and the seed example.",
    )
    parser.add_argument(
        "--shared", default="../shared", help="the shared directory (eval/, examples/)"
    )
    parser.add_argument("--out", default="eval-out", help="where predictions and summary.json go")
    parser.add_argument(
        "--only", type=parse_only, default=list(SET_NAMES), help=f"subset of {','.join(SET_NAMES)}"
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    shared = Path(args.shared).resolve()
    if not shared.is_dir() and set(args.only) - set(LOCAL_SETS):
        print(
            f"evaluate: shared directory {args.shared} ({shared}) does not exist; "
            "it holds the eval sets and the example. Pass --shared DIR (make eval: SHARED=DIR), "
            f"or --only {','.join(LOCAL_SETS)} (make eval EVAL_ONLY={','.join(LOCAL_SETS)}) "
            "for the sets that need none.",
            file=sys.stderr,
        )
        return 2
    out = Path(args.out).resolve()
    out.mkdir(parents=True, exist_ok=True)

    started = time.perf_counter()
    results: dict[str, dict[str, Any]] = {}
    for name in [n for n in SET_NAMES if n in args.only]:
        try:
            if name == "example":
                results[name] = evaluate_example(shared, out)
            elif name == "figprobes":
                results[name] = evaluate_figprobes(out)
            elif name == "typeprobes":
                results[name] = evaluate_typeprobes(out)
            else:
                dev = next(d for d in DEV_SETS if d.name == name)
                results[name] = evaluate_set(dev, shared / "eval", out, results)
        except (StepFailed, OSError, json.JSONDecodeError) as exc:
            print(f"evaluate: {name} failed: {exc}", file=sys.stderr)
            results[name] = {"error": str(exc)}
    total = round(time.perf_counter() - started, 1)

    summary = {"shared": str(shared), "seconds": total, "sets": results}
    (out / "summary.json").write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    print_table(summary_rows(results))
    print(f"\n{total:.0f}s in all; every number in {out / 'summary.json'}")
    return 1 if any("error" in r for r in results.values()) else 0


if __name__ == "__main__":
    raise SystemExit(main())
