"""`make test-distributed`, the part after `scripts/cluster.sh start`: run the DAGs on the Celery
cluster through Airflow's REST API and check what they published on object storage.

1. serve the sample site on 127.0.0.1 (the port the cluster's sources file names);
2. trigger news_nightly for a sample date and news_backfill for a 3-day JSONL archive of 2016,
   at once, so the two Celery workers share the tasks, then unpause the DAGs;
3. wait for both; then run Airflow's own backfill (`POST /backfills`, what `airflow backfill
   create` does) of news_nightly over two days of 1999 read from an archive; then wait for the
   news_publish run that their `news_partitions` asset events start;
4. download the published news.duckdb from the bucket and check its views; check that both
   workers ran tasks, that fetch ran in its pool, and that the backfill's last day (three
   records, parts of one record) was extracted by three extract_parts task instances.

Prints the timings and a closing `N passed, N failed` line; exits 1 when a check failed.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from pipeline import publish
from pipeline.demo import sample_dates
from pipeline.demo.site import serve_site
from pipeline.store import remote

API = os.environ["NEWSFACTS_API"] + "/api/v2"
DATA_URL = os.environ["NEWSFACTS_DATA_DIR"]
CLUSTER_DIR = Path(os.environ["CLUSTER_DIR"])
SITE_PORT = int(os.environ["SITE_PORT"])
TIMEOUT = float(os.environ.get("CLUSTER_TIMEOUT", "900"))
DAGS = ("news_nightly", "news_backfill", "news_publish")
# old days on purpose: every DAG takes any day from 1990 on (pipeline.settings.EARLIEST_DATE)
BACKFILL_DAYS = ("2016-04-04", "2016-04-05", "2016-04-06")
OLD_DAYS = ("1999-05-03", "1999-05-04")
RESULTS: list[tuple[str, bool, str]] = []


def api(method: str, path: str, body: dict | None = None) -> dict:
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(
        API + path, data=data, method=method, headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(req, timeout=60) as resp:
        return json.loads(resp.read() or b"{}")


def check(name: str, ok: bool, detail: str = "") -> None:
    RESULTS.append((name, bool(ok), detail))
    print(f"{'PASS' if ok else 'FAIL'} {name}{': ' + str(detail) if detail else ''}", flush=True)


def wait_until(what: str, probe, timeout: float = TIMEOUT, every: float = 3.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = probe()
        if value:
            return value
        time.sleep(every)
    raise TimeoutError(f"{what}: not done in {timeout:.0f}s")


def wait_dags_parsed() -> None:
    def parsed():
        try:
            return all(api("GET", f"/dags/{d}")["dag_id"] for d in DAGS)
        except Exception:
            return False

    wait_until("DAGs parsed", parsed, timeout=300)


def trigger(dag_id: str, logical_date: str, conf: dict) -> str:
    run_id = f"check__{dag_id}__{dt.datetime.now(dt.UTC):%Y%m%dT%H%M%S}"
    body = {"dag_run_id": run_id, "logical_date": f"{logical_date}T00:00:00Z", "conf": conf}
    return api("POST", f"/dags/{dag_id}/dagRuns", body)["dag_run_id"]


def run_state(dag_id: str, run_id: str) -> dict:
    return api("GET", f"/dags/{dag_id}/dagRuns/{run_id}")


def finished(dag_id: str, run_id: str) -> dict | None:
    run = run_state(dag_id, run_id)
    return run if run["state"] in ("success", "failed") else None


def task(dag_id: str, run_id: str, task_id: str) -> dict:
    return api("GET", f"/dags/{dag_id}/dagRuns/{run_id}/taskInstances/{task_id}")


def seconds(run: dict) -> float:
    start = dt.datetime.fromisoformat(run["start_date"])
    end = dt.datetime.fromisoformat(run["end_date"])
    return (end - start).total_seconds()


def write_archive(path: Path) -> Path:
    """A JSONL archive of our own invented reports, one per day, plus a broken line."""
    texts = [
        "Five miners were killed on Monday when a tunnel collapsed at a gold mine near Kenieba, "
        "local officials said. Three others were injured.",
        "About two hundred farmers marched through Nakuru on Tuesday to protest the price of "
        "fertiliser. Police said the march was peaceful.",
        "At least 12 people were wounded on Wednesday when a bus overturned outside Mbeya, "
        "the regional police commander said.",
        # two more reports of the last day, with no figure: its parts of one record each
        "Foreign ministers of the region met in Arusha on Wednesday to discuss a new trade "
        "corridor, a spokesman for the host government said.",
        "Heavy rain closed schools across Dodoma on Wednesday, the education office said, and "
        "teachers were told to wait for news of the roads.",
    ]
    days = [*BACKFILL_DAYS, BACKFILL_DAYS[-1], BACKFILL_DAYS[-1]]
    lines = [
        json.dumps({"id": f"c{i}", "url": f"http://archive.test/c{i}", "published": day,
                    "text": text})
        for i, (day, text) in enumerate(zip(days, texts, strict=True))
    ]  # fmt: skip
    lines.insert(1, "{not json")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def write_old_archive(path: Path) -> Path:
    """Two invented reports of 1999, for Airflow's backfill of the nightly DAG."""
    texts = [
        "Rebels killed seven soldiers in an ambush near the town of Makeni on Sunday, the army "
        "said.",
        "Police arrested forty demonstrators in Freetown on Monday after a march on the "
        "parliament, witnesses said.",
    ]
    lines = [
        json.dumps({"id": f"o{i}", "url": f"http://archive.test/o{i}", "published": day,
                    "text": text})
        for i, (day, text) in enumerate(zip(OLD_DAYS, texts, strict=True))
    ]  # fmt: skip
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def airflow_backfill(archive: Path) -> list[dict]:
    """Airflow's own backfill of news_nightly over OLD_DAYS, reading `archive`: the runs it made,
    once it completed."""
    body = {
        "dag_id": "news_nightly", "from_date": f"{OLD_DAYS[0]}T00:00:00Z",
        "to_date": f"{OLD_DAYS[-1]}T00:00:00Z", "max_active_runs": 1,
        "dag_run_conf": {"archive": str(archive), "sources": os.environ["NEWSFACTS_SOURCES"],
                         "data_dir": DATA_URL},
    }  # fmt: skip
    backfill_id = api("POST", "/backfills", body)["id"]

    def completed():
        return api("GET", f"/backfills/{backfill_id}").get("completed_at")

    wait_until("airflow backfill of news_nightly", completed)
    made = api("GET", "/dags/news_nightly/dagRuns?run_type=backfill&limit=100")["dag_runs"]
    return [r for r in made if (r.get("logical_date") or "")[:10] in OLD_DAYS]


def tasks_per_worker() -> dict[str, int]:
    """Task executions each worker's log reports (both share this host, so the Celery hostname
    tells them apart, not the task instance's hostname)."""
    counts = {}
    for name in ("worker1", "worker2"):
        log = CLUSTER_DIR / "logs" / f"{name}.log"
        text = log.read_text(errors="replace") if log.exists() else ""
        counts[name] = text.count("Executing workload")
    return counts


@dataclass(frozen=True)
class TriggeredRuns:
    """The nightly and backfill runs triggered at once: their ids, their final states, and the
    moment they were triggered (the timings count from there)."""

    nightly_id: str
    nightly: dict
    backfill_id: str
    backfill: dict
    triggered_at: float


def main() -> int:
    started = time.monotonic()
    nightly_date = sample_dates()[0]
    archive = write_archive(CLUSTER_DIR / "archive.jsonl")
    old_archive = write_old_archive(CLUSTER_DIR / "archive-1999.jsonl")
    wait_dags_parsed()
    runs = run_nightly_and_backfill(nightly_date, archive)
    both_done = time.monotonic() - runs.triggered_at
    check("news_nightly run succeeded", runs.nightly["state"] == "success", runs.nightly_id)
    check("news_backfill run succeeded", runs.backfill["state"] == "success", runs.backfill_id)
    old_runs = check_airflow_backfill(old_archive)
    old_done = time.monotonic() - runs.triggered_at
    publishes = wait_for_publish(runs, old_runs)
    publish_done = time.monotonic() - runs.triggered_at
    if publishes:
        check(
            "news_publish ran on the asset events and succeeded",
            all(r["state"] == "success" for r in publishes),
            ", ".join(f"{r['dag_run_id']}={r['state']}" for r in publishes),
        )
    check_bucket(nightly_date)
    check_workers(runs.nightly_id)
    check_parts(runs.backfill_id)
    since_triggered = {
        "both_runs_wall_s": both_done,
        "airflow_backfill_1999_done_s": old_done,
        "until_published_s": publish_done,
    }
    write_timings(runs, since_triggered, started)
    failed = sum(not ok for _, ok, _ in RESULTS)
    print(f"{len(RESULTS) - failed} passed, {failed} failed")
    return 1 if failed else 0


def run_nightly_and_backfill(nightly_date: str, archive: Path) -> TriggeredRuns:
    """Trigger news_nightly on the sample site and news_backfill on `archive` at once, unpause
    the DAGs, and wait for both runs to finish."""
    with serve_site(port=SITE_PORT):
        triggered_at = time.monotonic()
        nightly_id = trigger("news_nightly", nightly_date, {
            "sources": os.environ["NEWSFACTS_SOURCES"], "data_dir": DATA_URL,
        })  # fmt: skip
        backfill_id = trigger("news_backfill", BACKFILL_DAYS[-1], {
            "archive": str(archive), "date_from": BACKFILL_DAYS[0],
            "date_to": BACKFILL_DAYS[-1], "data_dir": DATA_URL,
            # parts of one record: the last day's three spread over extract_parts tasks
            "extract_part_records": 1,
        })  # fmt: skip
        # the DAGs are paused at creation, so that these runs come before the scheduled nightly
        # that unpausing creates (the latest interval, which finds nothing on the sample site)
        for dag_id in DAGS:
            api("PATCH", f"/dags/{dag_id}", {"is_paused": False})
        nightly = wait_until("news_nightly", lambda: finished("news_nightly", nightly_id))
        backfill = wait_until("news_backfill", lambda: finished("news_backfill", backfill_id))
    return TriggeredRuns(nightly_id, nightly, backfill_id, backfill, triggered_at)


def check_airflow_backfill(old_archive: Path) -> list[dict]:
    """Airflow's own backfill of news_nightly over OLD_DAYS ran and succeeded on each day; the
    runs it made (none when it failed to complete)."""
    try:
        old_runs = airflow_backfill(old_archive)
    except (TimeoutError, OSError) as exc:
        check("airflow backfill of news_nightly over 1999", False, str(exc))
        old_runs = []
    check(
        "airflow backfill of news_nightly ran and succeeded on each day of 1999",
        sorted(r["logical_date"][:10] for r in old_runs if r["state"] == "success")
        == list(OLD_DAYS),
        ", ".join(f"{r['logical_date'][:10]}={r['state']}" for r in old_runs),
    )
    return old_runs


def wait_for_publish(runs: TriggeredRuns, old_runs: list[dict]) -> list[dict]:
    """The news_publish runs created after every outlet task of `runs` and `old_runs` started,
    once none is queued or running; none (and a failed check) when they do not come in time."""
    # a publish run created after both outlet tasks started read both runs' partitions (the
    # asset event is emitted when the outlet task ends, after its partitions were committed)
    outlets = [("news_nightly", runs.nightly_id, "write_partitions"),
               ("news_backfill", runs.backfill_id, "partitions_landed")]  # fmt: skip
    outlets += [("news_nightly", r["dag_run_id"], "write_partitions") for r in old_runs]
    after = max(task(dag, run_id, name)["start_date"] or "" for dag, run_id, name in outlets)

    def published():
        recent = api("GET", "/dags/news_publish/dagRuns?order_by=-run_after&limit=20")["dag_runs"]
        if any(r["state"] in ("queued", "running") for r in recent):
            return None
        return [r for r in recent if (r.get("run_after") or "") >= after] or None

    try:
        return wait_until("news_publish after both runs", published, timeout=600)
    except TimeoutError as exc:
        check("news_publish ran on the asset events", False, str(exc))
        return []


def check_bucket(nightly_date: str) -> None:
    """The bucket holds news.duckdb and nothing half-written; the published file's contents."""
    objects = remote.list_files(DATA_URL)
    check("news.duckdb is in the bucket", "news.duckdb" in objects)
    check(
        "no staging or candidate left in the bucket",
        not [k for k in objects if k.startswith("_staging/") or k.endswith(".tmp")],
    )
    if "news.duckdb" in objects:
        with remote.local_copy(f"{DATA_URL}/news.duckdb") as db:
            con = publish.open_read_only(db)
            check_published_file(con, nightly_date)
            con.close()


def check_published_file(con, nightly_date: str) -> None:
    """What the published news.duckdb answers: the nightly's articles, the backfill's dates and
    figures, Airflow's backfill's figures of 1999, the broken archive line as a reject, every
    view, and the bucket as its origin."""

    def q(sql: str) -> list[tuple]:
        return con.execute(sql).fetchall()

    n_nightly = q(f"select count(*) from articles where \"date\" = '{nightly_date}'")[0][0]
    check("nightly articles published", n_nightly > 0, f"{n_nightly} on {nightly_date}")
    days = q(
        f'select distinct "date"::varchar from articles where "date" between '
        f"'{BACKFILL_DAYS[0]}' and '{BACKFILL_DAYS[-1]}' order by 1"
    )
    check("backfill dates published", [d for (d,) in days] == list(BACKFILL_DAYS), str(days))
    figures = q(
        'select "date"::varchar, category, best from figures where "date" between '
        f"'{BACKFILL_DAYS[0]}' and '{BACKFILL_DAYS[-1]}' order by all"
    )
    expected = [("2016-04-04", "injured", 3), ("2016-04-04", "killed", 5),
                ("2016-04-06", "injured", 12)]  # fmt: skip
    check("backfill figures", figures == expected, str(figures))
    old = q(
        'select "date"::varchar, category, best from figures where year("date") = 1999 order by all'
    )
    expected = [("1999-05-03", "killed", 7), ("1999-05-04", "arrested", 40)]
    check("airflow backfill figures of 1999 published", old == expected, str(old))
    bad = q("select count(*) from rejects where reason = 'bad_record'")[0][0]
    check("the broken archive line is a reject", bad == 1, str(bad))
    views = [v for (v,) in q("select view_name from duckdb_views() where not internal")]
    counts = {v: q(f'select count(*) from "{v}"')[0][0] for v in views}
    check("every view answers", len(views) >= 10, json.dumps(counts))
    origin = q("select data_dir from publication")[0][0]
    check("publication names the bucket", origin == DATA_URL, origin)


def check_workers(nightly_id: str) -> None:
    """Fetch ran in its pool, and both Celery workers ran tasks."""
    fetch = task("news_nightly", nightly_id, "fetch")
    check("fetch ran in the newsfacts_fetch pool", fetch.get("pool") == "newsfacts_fetch")
    per_worker = tasks_per_worker()
    check("both Celery workers ran tasks", all(per_worker.values()), json.dumps(per_worker))


def check_parts(backfill_id: str) -> None:
    """The backfill's last day ran as several extract_parts task instances (one per part), each
    done before write_date."""
    tis = api("GET", f"/dags/news_backfill/dagRuns/{backfill_id}/taskInstances?limit=100")
    extract = [t for t in tis["task_instances"] if t["task_id"] == "extract_parts"]
    labels = sorted(t.get("rendered_map_index") or "" for t in extract)
    last_day = [
        t for t in extract if (t.get("rendered_map_index") or "").startswith(BACKFILL_DAYS[-1])
    ]
    check(
        f"{BACKFILL_DAYS[-1]}'s parts ran as several task instances",
        len(last_day) == 3 and all(t["state"] == "success" for t in last_day),
        json.dumps(labels),
    )
    check("every extract_parts task succeeded", len(extract) == 5
          and all(t["state"] == "success" for t in extract), str(len(extract)))  # fmt: skip


def write_timings(runs: TriggeredRuns, since_triggered: dict[str, float], started: float) -> None:
    """Print the timings (each run's duration, the seconds from the trigger to each moment of
    `since_triggered`, the whole check's since `started`, each task's duration) and keep them in
    CLUSTER_DIR/timings.json."""
    timings = {
        "nightly_run_s": round(seconds(runs.nightly), 1),
        "backfill_run_s": round(seconds(runs.backfill), 1),
        **{name: round(s, 1) for name, s in since_triggered.items()},
        "check_total_s": round(time.monotonic() - started, 1),
    }
    for dag_id, run_id in (("news_nightly", runs.nightly_id), ("news_backfill", runs.backfill_id)):
        tis = api("GET", f"/dags/{dag_id}/dagRuns/{run_id}/taskInstances")["task_instances"]
        timings[dag_id + "_tasks_s"] = {
            t["task_id"] + (f"[{t['map_index']}]" if t["map_index"] >= 0 else ""): round(
                t["duration"] or 0, 1
            )
            for t in tis
        }
    print("timings " + json.dumps(timings))
    (CLUSTER_DIR / "timings.json").write_text(json.dumps(timings, indent=2))


if __name__ == "__main__":
    sys.exit(main())
