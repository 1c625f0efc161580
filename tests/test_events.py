"""Events: what happened (type and sub-type, by a fixed precedence), who did it to whom, where,
when, and the same event reported by several articles. Every sentence here is invented."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.dedup.events import ClusterOptions, EventReport, cluster
from pipeline.extract.dates import resolve_date
from pipeline.extract.entities.resolve import find_entities
from pipeline.extract.events.find import find_events
from tools.cluster_score import pairwise_scores

PUBLISHED = "2026-03-04"  # a Wednesday


def events_of(nlp, text: str, published: str = PUBLISHED):
    from pipeline.extract.records import sentence_spans

    doc = nlp(text)
    return find_events(text, sentence_spans(doc), find_entities(doc), published, None, doc)


# --- types ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,etype,sub_type",
    [
        ("Soldiers clashed with rebels near the border on Monday, and two fighters were killed.",
         "Battles", "Armed clash"),
        ("Gunmen shot dead a shopkeeper in his store on Monday.",
         "Violence against civilians", "Attack"),
        ("Armed men abducted four aid workers on the road to the airport on Monday.",
         "Violence against civilians", "Abduction/forced disappearance"),
        ("A roadside bomb exploded under a police truck on Monday.",
         "Explosions/Remote violence", "Remote explosive/landmine/IED"),
        ("Hundreds of nurses marched to the health ministry on Monday to demand higher pay.",
         "Protests", "Peaceful protest"),
        ("Police fired tear gas to disperse students who were protesting against fees on Monday.",
         "Protests", "Protest with intervention"),
        ("Demonstrators threw stones at police and set a car on fire during a protest over fuel "
         "prices on Monday.", "Riots", "Violent demonstration"),
        ("A mob beat a suspected thief to death in the market on Monday.",
         "Riots", "Mob violence"),
        ("Police arrested twelve members of the opposition party at their offices on Monday.",
         "Strategic developments", "Arrests"),
        ("The foreign ministers of the two countries met in the capital on Monday for talks.",
         "Diplomacy", "Talks"),
    ],
)  # fmt: skip
def test_each_kind_of_event_gets_its_acled_type_and_sub_type(nlp, text, etype, sub_type):
    ev = events_of(nlp, text)[0]
    assert (ev.type, ev.sub_type) == (etype, sub_type)


# --- one vocabulary: every type and sub-type the rules conclude is spelled in pipeline.vocabulary


def _events_modules() -> list:
    import importlib
    import pkgutil

    from pipeline.extract import events

    return [
        importlib.import_module(f"{events.__name__}.{m.name}")
        for m in pkgutil.iter_modules(events.__path__)
    ]


def _kinds_the_rules_conclude() -> set:
    """Every (type, sub-type) the events stage can emit, read from the code's tables: the kinds
    classify's rules conclude, and one per entry of its tables of remote weapons and strategic
    developments (find_events and the grouping emit only these: see the test below)."""
    from pipeline.extract.events.classify import Kind

    kinds = set()
    for module in _events_modules():
        for value in vars(module).values():
            if isinstance(value, Kind):
                kinds.add(value)
            elif isinstance(value, list) and value and isinstance(value[0], tuple):
                kinds.update(v[0] for v in value if isinstance(v[0], Kind))
    return kinds


def test_every_type_and_sub_type_the_rules_conclude_is_in_the_vocabulary():
    from pipeline.vocabulary import SUB_TYPES, EventType

    kinds = _kinds_the_rules_conclude()
    assert len(kinds) >= 20 and {"Air/drone strike", "Arrests"} <= {k.sub_type for k in kinds}
    for kind in kinds:
        assert isinstance(kind.type, EventType), kind
        assert kind.sub_type in SUB_TYPES[kind.type], kind


def test_the_precedence_ranks_every_type_the_rules_conclude():
    from pipeline.extract.events.classify import RANK
    from pipeline.vocabulary import EventType

    assert all(isinstance(t, EventType) for t in RANK)
    assert {kind.type for kind in _kinds_the_rules_conclude()} <= set(RANK)


def test_no_rule_spells_a_type_or_a_sub_type_of_its_own():
    """A type is an EventType member everywhere in the events stage, and every (type, sub-type)
    is built once at module level, where the two tests above read them: no function builds a
    Kind or writes a sub-type."""
    import ast
    import inspect

    from pipeline.vocabulary import SUB_TYPES, EventType

    sub_types = {s for subs in SUB_TYPES.values() for s in subs}
    for module in _events_modules():
        tree = ast.parse(inspect.getsource(module))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant):
                assert node.value not in set(EventType), (module.__name__, node.value)
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for node in ast.walk(function):
                call = isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Kind"
                assert not call, (module.__name__, function.name)
                if isinstance(node, ast.Constant):
                    assert node.value not in sub_types, (module.__name__, node.value)


# --- precedence -----------------------------------------------------------------------------


def test_an_air_strike_that_kills_civilians_is_remote_violence_as_acled_codes_it(nlp):
    ev = events_of(nlp, "An air strike hit a market on Monday, killing eleven civilians.")[0]
    assert (ev.type, ev.sub_type) == ("Explosions/Remote violence", "Air/drone strike")


def test_heavy_weapons_fired_together_with_small_arms_at_positions_are_a_battle(nlp):
    shelling = "Rebel forces fired mortars at army positions near the town on Monday."
    mixed = "Rebel forces fired mortars and small arms at army positions near the town on Monday."
    assert events_of(nlp, shelling)[0].type == "Explosions/Remote violence"
    assert events_of(nlp, mixed)[0].type == "Battles"


def test_a_protest_whose_crowd_then_throws_stones_is_a_riot(nlp):
    text = (
        "Villagers protested outside the district office on Monday against the closure of the "
        "clinic. They threw stones at the police."
    )
    events = events_of(nlp, text)
    assert len(events) == 1
    assert (events[0].type, events[0].sub_type) == ("Riots", "Violent demonstration")


def test_people_who_are_not_armed_groups_fighting_each_other_is_mob_violence(nlp):
    text = "Two groups of villagers clashed over a land dispute on Monday, and one man was killed."
    ev = events_of(nlp, text)[0]
    assert (ev.type, ev.sub_type) == ("Riots", "Mob violence")


def test_a_crowd_burning_tyres_over_a_grievance_is_a_violent_demonstration(nlp):
    text = "Residents burned tyres and blocked the main road on Monday, angry over power cuts."
    ev = events_of(nlp, text)[0]
    assert (ev.type, ev.sub_type) == ("Riots", "Violent demonstration")


def test_killing_a_soldier_is_a_battle_and_killing_a_farmer_is_violence_against_civilians(nlp):
    assert events_of(nlp, "Militants killed a soldier on Monday.")[0].type == "Battles"
    farmer = events_of(nlp, "Militants killed a farmer on Monday.")[0]
    assert farmer.type == "Violence against civilians"


def test_a_bomb_that_goes_off_while_being_planted_is_a_disrupted_weapons_use(nlp):
    text = (
        "Two militants were killed when a bomb they were planting exploded prematurely on Monday."
    )
    ev = events_of(nlp, text)[0]
    assert (ev.type, ev.sub_type) == ("Strategic developments", "Disrupted weapons use")


def test_shots_fired_into_the_air_hurt_no_one(nlp):
    ev = events_of(nlp, "Border guards fired several shots into the air near the river on Monday.")[
        0
    ]
    assert ev.type == "Strategic developments"


def test_repelling_an_attack_is_a_battle(nlp):
    ev = events_of(nlp, "Government forces thwarted a rebel attack on the town on Monday.")[0]
    assert ev.type == "Battles"


def test_an_off_duty_policeman_is_a_civilian(nlp):
    ev = events_of(nlp, "Gunmen shot dead an off-duty police officer at his home on Monday.")[0]
    assert ev.type == "Violence against civilians"


def test_talks_about_an_attack_are_not_diplomacy_when_the_attack_is_reported(nlp):
    text = (
        "A car bomb killed nine people at a checkpoint on Monday. "
        "Ministers met in the capital on Tuesday to discuss security."
    )
    types = [ev.type for ev in events_of(nlp, text)]
    assert types == ["Explosions/Remote violence", "Diplomacy"]


# --- several events, and the main one first ---------------------------------------------------


def test_two_meetings_on_two_days_are_two_diplomacy_events_with_their_dates(nlp):
    text = (
        "The president's meeting with the prime minister on Monday was called a success. "
        "He met the king of Jordan in Amman on Friday."
    )
    events = events_of(nlp, text)
    assert [(ev.type, ev.date) for ev in events] == [
        ("Diplomacy", "2026-03-02"),
        ("Diplomacy", "2026-02-27"),
    ]


def test_the_first_reported_violent_event_comes_first(nlp):
    text = (
        "Leaders met in the capital on Tuesday to discuss the crisis. "
        "On Monday, an explosion killed seven people at a bus station in the north."
    )
    events = events_of(nlp, text)
    assert events[0].type == "Explosions/Remote violence"
    assert events[1].type == "Diplomacy"


def test_what_has_not_happened_is_not_an_event(nlp):
    text = (
        "The minister has not ruled out the deployment of troops, and is trying to arrange a "
        "summit. Rebels attacked a police patrol on Monday."
    )
    events = events_of(nlp, text)
    assert [ev.type for ev in events] == ["Battles"]


# --- actors ---------------------------------------------------------------------------------


def test_the_subject_acts_and_the_object_suffers(nlp):
    ev = events_of(nlp, "Unidentified gunmen killed a village teacher on Monday.")[0]
    # the capital of a sentence's first word is no part of the group's name
    assert (ev.actor1, ev.actor1_kind) == ("unidentified gunmen", "unidentified_armed_group")
    assert (ev.actor2, ev.actor2_kind) == ("village teacher", "civilians")


def test_in_a_passive_sentence_the_by_phrase_acts(nlp):
    ev = events_of(nlp, "A farmer was shot dead by suspected militants on Monday.")[0]
    assert ev.actor1 == "militants"  # the generic actor entity's canonical name
    assert ev.actor2 == "farmer"
    assert (ev.actor1_kind, ev.actor2_kind) == ("armed_group", "civilians")


def test_an_actor_that_is_an_entity_is_written_as_the_entity(nlp):
    text = "President Donald Trump met Vladimir Putin in Alaska on Friday."
    ev = events_of(nlp, text)[0]
    assert (ev.actor1, ev.actor2) == ("Donald Trump", "Vladimir Putin")
    assert (ev.actor1_kind, ev.actor2_kind) == ("named", "named")
    assert ev.location == "Alaska" and ev.country == "USA"


# --- dates ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "phrase,date,precision",
    [
        ("on Monday", "2026-03-02", "day"),
        ("yesterday", "2026-03-03", "day"),
        ("three days ago", "2026-03-01", "day"),
        ("last week", "2026-02-25", "week"),
        ("on the night of 1 to 2 March", "2026-03-01", "day"),
        ("on 28 February", "2026-02-28", "day"),
        ("on 30 December", "2025-12-30", "day"),  # the latest 30 December not after publication
        ("in January", "2026-01-01", "month"),
    ],
)  # fmt: skip
def test_relative_dates_resolve_against_the_publication_date(phrase, date, precision):
    resolved = resolve_date(f"Fighting broke out {phrase}.", PUBLISHED)
    assert (resolved[0].isoformat(), resolved[1]) == (date, precision)


def test_an_event_without_a_stated_date_takes_the_publication_day_with_a_lower_precision(nlp):
    ev = events_of(nlp, "Gunmen shot dead a trader in the market.")[0]
    assert (ev.date, ev.date_precision) == (PUBLISHED, "week")


def test_a_sentence_without_a_date_continues_the_time_of_the_one_before(nlp):
    text = "On 1 March, protesters gathered in the square. Later, clashes broke out with police."
    assert events_of(nlp, text)[0].date == "2026-03-01"


# --- figures --------------------------------------------------------------------------------


def test_figures_belong_to_the_event_that_states_them():
    from pipeline.extract.records import extract_records

    text = (
        "Attack on a bus station\nAn explosion killed seven people at a bus station in the "
        "north of the country on Monday, the police said in a statement to reporters. "
        "The foreign ministers of the two neighbouring countries met in the capital on Tuesday "
        "to discuss security along the border. Separately, on Sunday, soldiers clashed with "
        "rebels near the border and three soldiers were killed in the fighting there."
    )
    out = next(extract_records([{"id": "x", "text": text, "published": PUBLISHED}]))
    types = [ev["type"] for ev in out["events"]]
    by_count = {f["best"]: f["event"] for f in out["figures"] if f["category"] == "killed"}
    assert types[by_count[7]] == "Explosions/Remote violence"
    assert types[by_count[3]] == "Battles"


# --- clustering -----------------------------------------------------------------------------


def report(rid, day, location="Mogadishu", country="SOM", actors=("Al Shabaab",), **kw):
    article = kw.pop("article", rid)
    return EventReport(
        f"{rid}#v0", article, kw.pop("type", "Explosions/Remote violence"),
        dt.date(2026, 3, day), kw.pop("precision", "day"), location, country, actors, **kw,
    )  # fmt: skip


def test_outlets_reporting_one_attack_share_the_id_of_the_earliest_report():
    ids = cluster([report("b", 4), report("a", 3, actors=("Al-Shabaab militants",))])
    assert ids == {"a#v0": "a#v0", "b#v0": "a#v0"}


def test_the_same_kind_of_attack_in_the_same_town_two_weeks_later_is_another_event():
    ids = cluster([report("a", 3), report("b", 17)])
    assert ids["a#v0"] != ids["b#v0"]


def test_events_of_another_type_or_another_town_are_other_events():
    ids = cluster([report("a", 3), report("b", 3, type="Battles"), report("c", 3, "Kismayo")])
    assert len(set(ids.values())) == 3


def test_a_report_naming_only_the_country_joins_the_town_but_never_chains_two_towns():
    ids = cluster([report("a", 3), report("b", 3, "Somalia"), report("c", 3, "Kismayo")])
    assert ids["b#v0"] == ids["a#v0"] or ids["b#v0"] == ids["c#v0"]
    assert ids["a#v0"] != ids["c#v0"]


def test_reports_naming_different_armed_groups_are_different_events():
    ids = cluster([report("a", 3), report("b", 3, actors=("ISWAP",))])
    assert ids["a#v0"] != ids["b#v0"]


def test_two_events_of_one_article_are_never_merged():
    ids = cluster([report("a", 3, article="x"), report("b", 3, article="x")])
    assert ids["a#v0"] != ids["b#v0"]


def test_a_stored_event_keeps_its_id_and_a_later_report_joins_it():
    stored = report("old", 3, event_id="first#v0")
    ids = cluster([stored, report("new", 4)])
    assert ids == {"old#v0": "first#v0", "new#v0": "first#v0"}


def test_the_date_window_is_a_setting():
    reports = [report("a", 3), report("b", 5)]
    assert len(set(cluster(reports, ClusterOptions(window_days=1)).values())) == 2
    assert len(set(cluster(reports, ClusterOptions(window_days=2)).values())) == 1


def test_pairwise_precision_and_recall_count_pairs_of_reports():
    scores = pairwise_scores({"a": "1", "b": "1", "c": "1"}, {"a": "x", "b": "x", "c": "y"})
    assert (scores["precision"], scores["recall"]) == (0.333, 1.0)


# --- the published tables -------------------------------------------------------------------


def _event_row(article_id, day, event_id=None):
    return {
        "event_id": event_id or f"{article_id}#v0", "article_id": article_id,
        "type": "Explosions/Remote violence", "sub_type": "Remote explosive/landmine/IED",
        "event_date": dt.date(2026, 3, day), "date_precision": "day", "location": "Mogadishu",
        "country": "SOM", "actors": ["Al Shabaab"], "span": [0, 10], "evidence": "A car bomb",
    }  # fmt: skip


def _figure_row(article_id, best):
    return {
        "figure_id": f"{article_id}#f0", "article_id": article_id, "category": "killed",
        "best": best, "low": best, "high": best, "qualifier": "exact", "scope": "incident",
        "span": [0, len(f"{best} killed")], "evidence": f"{best} killed",
        "event_id": f"{article_id}#v0",
    }  # fmt: skip


def _day_event_ids(tmp_path, date: str, events: list[dict], figures: list[dict], dup_of=None):
    """The day's events and figures through the extract step's own path: clustered from a
    part's temporary events file (`_event_ids`), the ids then set as the staged tables get
    them (`_with_day_ids`). Returns the event ids of both tables."""
    from pipeline import schemas, store
    from pipeline.runs import extraction

    chunk = store.write_table(tmp_path / "events.chunks.parquet", "events", events)
    dup_of = dup_of or {}
    ids = extraction._event_ids([chunk], dup_of, {"date": date, "data_dir": str(tmp_path)})
    return {
        table: extraction._with_day_ids(
            table, schemas.to_table(table, rows), dup_of, ids.of_part(0)
        )
        .column("event_id")
        .to_pylist()
        for table, rows in (("events", events), ("figures", figures))
    }


def test_a_day_clustered_group_by_group_from_several_parts_gets_the_ids_of_one_clustering(
    tmp_path, monkeypatch
):
    """Parts written as a day's workers write them, clustered a group of one neighbourhood at
    a time: each part's old and new ids are those of clustering every report at once."""
    from pipeline import store
    from pipeline.dedup import events
    from pipeline.runs import extraction

    towns = ["Mogadishu", "Kismayo", "Baidoa", "Beledweyne"]
    rows = [
        {**_event_row(f"a{k}", 3, event_id=f"a{k}#v{v}"), "location": towns[(k + v) % 4]}
        for k in range(12)
        for v in range(2)
    ]  # fmt: skip
    parts = [rows[:10], rows[10:17], rows[17:]]  # an article's events may span two parts
    files = [
        store.write_table(tmp_path / f"events.chunks-{n:05d}.parquet", "events", part)
        for n, part in enumerate(parts)
    ]
    monkeypatch.setattr(events, "GROUP_REPORTS", 1)  # a group for each town
    monkeypatch.setattr(extraction, "_BATCH", 3)  # a part's file read in batches
    dup_of = {"a5": "a1"}  # a syndicated copy keeps its own ids
    ids = extraction._event_ids(files, dup_of, {"date": "2026-03-03", "data_dir": str(tmp_path)})
    expected = events.cluster([
        events.EventReport(r["event_id"], r["article_id"], r["type"], r["event_date"], "day",
                           r["location"], r["country"], tuple(r["actors"]))
        for r in rows if r["article_id"] not in dup_of
    ])  # fmt: skip
    got = {}
    for n in range(len(parts)):
        old, new = ids.of_part(n)
        assert set(old.to_pylist()) <= {r["event_id"] for r in parts[n]}
        got.update(zip(old.to_pylist(), new.to_pylist(), strict=True))
    assert got == {k: v for k, v in expected.items() if k != v}
    assert len(set(got.values())) == 4 and len(ids) == len(got)


def test_a_report_published_days_later_takes_the_id_of_the_stored_event(tmp_path):
    from pipeline import store

    staged = store.write_table(tmp_path / "s.parquet", "events", [_event_row("early", 3)])
    store.replace_partition(tmp_path, "events", "2026-03-03", staged)
    ids = _day_event_ids(tmp_path, "2026-03-05", [_event_row("late", 3)], [_figure_row("late", 14)])
    assert ids == {"events": ["early#v0"], "figures": ["early#v0"]}


def test_event_casualties_reconciles_the_tolls_of_every_article_reporting_one_event(tmp_path):
    from pipeline import publish, store

    rows = {
        "articles": [
            {"article_id": a, "url": f"http://{a}.example/1", "title": a,
             "text": f"{best} killed", "published": dt.date(2026, 3, 4)}
            for a, best in (("a", 12), ("b", 15), ("c", 14))
        ],
        "events": [_event_row(a, 3, event_id="a#v0") for a in ("a", "b", "c")],
        "figures": [
            {**_figure_row(a, best), "event_id": "a#v0"}
            for a, best in (("a", 12), ("b", 15), ("c", 14))
        ],
    }  # fmt: skip
    for table, table_rows in rows.items():
        staged = store.write_table(tmp_path / f"{table}.parquet", table, table_rows)
        store.replace_partition(tmp_path, table, "2026-03-04", staged)
    publish.publish(tmp_path)
    _, result = publish.query(
        tmp_path, "select event_key, low, best, high, n_articles from event_casualties"
    )
    assert result == [("a#v0", 12, 14, 15, 3)]
    assert [r.name for r in publish.run_checks(tmp_path) if r.failing_rows] == []


def test_a_syndicated_copy_keeps_its_own_event_id(tmp_path):
    events = [_event_row("first", 3), _event_row("copy", 3)]
    ids = _day_event_ids(tmp_path, "2026-03-03", events, [], dup_of={"copy": "first"})
    assert ids["events"] == ["first#v0", "copy#v0"]


# --- shortcuts that must not change a result --------------------------------------------------


def _walk_up(D, tok) -> bool:
    """The plain walk that _reported shortens: the cue and its first 23 heads, one by one."""
    from pipeline.extract.events.lexicon import HEDGE

    node = tok
    for _ in range(24):
        if D._hedged_by_children(node):
            return False
        if node is not tok and HEDGE.fullmatch(node.lower_):
            return False
        if tok.pos_ == "NOUN" and D._background_prep(node):
            return False
        if node.head is node:
            return True
        node = node.head
    return True


def test_cues_read_with_one_memo_per_document_are_read_as_by_the_plain_walk(nlp):
    from pipeline.extract.events import detect as D

    doc = nlp(
        "The army did not rule out new air strikes. Rebels attacked a post on Monday. "
        "Leaders are trying to arrange talks after the clashes, and officials fear more "
        "fighting in the north, where troops were deployed to stop the looting."
    )
    memo: dict[tuple[int, bool], int] = {}
    shared = [D._reported(t, memo) for t in doc]
    assert shared == [_walk_up(D, t) for t in doc]
    assert shared == [D._reported(t) for t in doc]
    assert memo and False in shared and True in shared


def test_marked_tokens_are_those_a_scan_of_each_sentence_finds(nlp):
    from pipeline.extract.events import detect as D
    from pipeline.extract.events.roles import is_violent_verb

    doc = nlp(
        "Gunmen attacked a convoy and killed two soldiers on Monday. Protesters marched to the "
        "ministry; police fired tear gas.\n\nTalks between the envoys were held in Doha. "
        "The rebels seized the town, looted shops and set fire to a school."
    )
    marks = D.Marks(doc)
    assert marks.violent_verbs and marks.cues
    for sent in doc.sents:
        assert marks.within(marks.violent_verbs, sent) == [
            t for t in sent if is_violent_verb(t.text)
        ]
        assert D._cue_tokens(sent, marks) == [
            t for t in sent if t.pos_ in ("VERB", "NOUN", "AUX") and D._is_cue(t.text)
        ]


def test_a_type_that_stands_is_kept_whatever_the_whole_passage_is():
    from pipeline.extract.events import classify as C

    kinds = [(t, "any") for t in C.RANK]
    for head in kinds:
        if C.head_stands(head):
            assert all(C.precedence(head, whole) == head for whole in [*kinds, None])
    assert C.head_stands(("Riots", "Mob violence"))
    assert not C.head_stands(("Battles", "Armed clash"))


def test_events_are_the_same_when_every_sentence_is_classified(nlp, monkeypatch):
    """Unreported sentences are classified only when the fallback asks: reading them all first
    gives the same events."""
    from pipeline.extract.events import classify as C
    from pipeline.extract.events import detect as D
    from pipeline.extract.events import find as F
    from tools import benchcorpus

    texts = [f"{r['title']}\n{r['text']}" for r in benchcorpus.text_records(8, seed=11)]
    texts += [
        "The army has not ruled out the deployment of troops. Officials may send more police.",
        "The weather was calm in the capital. The army may deploy more troops to the border.",
        "Rebels threatened to attack the town. They did not say when. Talks were planned.",
        "Leaders are trying to arrange a summit after the clashes in the north. Soldiers were "
        "killed there last week, and the army may retaliate.",
    ]
    lazy = [events_of(nlp, t) for t in texts]
    read_all = D.read_sentence

    def classified(*args):
        info = read_all(*args)
        if info["kind"] is D.UNREAD:
            info["kind"] = C.classify(info["sentence"], info["roles"])
        return info

    monkeypatch.setattr(F, "read_sentence", classified)  # the name find_events calls
    assert [events_of(nlp, t) for t in texts] == lazy
    assert any(lazy)
