"""Entities, as a specification: one canonical entity per real-world thing in a document, with
one type, a country where the text or the gazetteer gives one, every mention, and a stable id.
Every sentence here is written for these tests."""

from __future__ import annotations

import pytest

from pipeline.extract.records import extract_records


def _extract(text: str, published: str = "2026-03-04") -> dict:
    (out,) = extract_records([{"id": "t", "text": text, "published": published}])
    assert out["status"] == "ok", out
    return out


def _entity(out: dict, name: str) -> dict:
    matches = [e for e in out["entities"] if e["name"] == name]
    assert len(matches) == 1, f"{name!r} in {[(e['name'], e['type']) for e in out['entities']]}"
    return matches[0]


def _surfaces(out: dict, ent: dict) -> list[str]:
    return [out["text"][s:e] for s, e in ent["mentions"]]


def _names(out: dict) -> set[str]:
    return {e["name"] for e in out["entities"]}


# --- consolidation -------------------------------------------------------------------------


def test_one_person_across_full_name_surname_possessive_and_title():
    out = _extract(
        "President Donald Trump said on Monday that talks would go on.\n\n"
        "Trump’s envoy arrived in Geneva later. [President Trump] did not take questions, and "
        "Trump left for Washington in the evening."
    )
    trump = _entity(out, "Donald Trump")
    assert trump["type"] == "PERSON"
    assert trump["country"] == "USA"  # a head of state: the leaders reference table
    surfaces = _surfaces(out, trump)
    assert surfaces.count("Trump") == 3 and "Donald Trump" in surfaces
    assert not [e for e in out["entities"] if e["name"] in ("Trump", "Trump’s")]


def test_demonym_before_a_title_gives_a_person_country():
    out = _extract("Kenyan President William Ruto met the envoy in Nairobi. Ruto said little.")
    ruto = _entity(out, "William Ruto")
    assert (ruto["type"], ruto["country"]) == ("PERSON", "KEN")
    assert _surfaces(out, ruto).count("Ruto") == 1


def test_country_abbreviations_are_one_entity_with_the_full_name():
    out = _extract(
        "The U.S. sent more aid. Officials in the United States said the US would also fund "
        "the clinics."
    )
    usa = _entity(out, "United States")
    assert (usa["type"], usa["country"]) == ("GPE", "USA")
    assert len(usa["mentions"]) == 3


def test_organisation_abbreviations_map_to_full_names():
    out = _extract(
        "Fighters of the Patriotic Liberation Front (PLF) raided the market in Kivuye. "
        "The PLF denied it. The UN condemned the raid, and the EU called for calm."
    )
    assert {"Patriotic Liberation Front", "United Nations", "European Union"} <= _names(out)
    plf = _entity(out, "Patriotic Liberation Front")
    assert plf["type"] == "ORG"
    assert "PLF" in _surfaces(out, plf)


def test_acronyms_the_model_misses_are_organisations_but_weapons_are_not():
    out = _extract("On 3 May, KRM fighters detonated an IED near a checkpoint.")
    krm = _entity(out, "KRM")
    assert krm["type"] == "ORG"
    assert "IED" not in _names(out)


# --- demonyms and places ---------------------------------------------------------------------


def test_demonyms_are_norp_with_their_country():
    out = _extract("Sudanese officials and Ukrainian volunteers met in Cairo.")
    assert (_entity(out, "Sudanese")["type"], _entity(out, "Sudanese")["country"]) == (
        "NORP",
        "SDN",
    )
    assert _entity(out, "Ukrainian")["country"] == "UKR"
    cairo = _entity(out, "Cairo")
    assert (cairo["type"], cairo["country"]) == ("GPE", "EGY")
    assert cairo["latitude"] == pytest.approx(30.06, abs=0.1)


def test_place_unit_words_are_not_part_of_the_name():
    out = _extract(
        "On 4 May, gunmen attacked a police post in Kandahar city and in Helmand province."
    )
    kandahar = _entity(out, "Kandahar")
    assert _surfaces(out, kandahar) == ["Kandahar"]
    assert kandahar["country"] == "AFG"
    assert _entity(out, "Helmand")["type"] in ("GPE", "LOC")


def test_places_named_only_by_their_context():
    out = _extract(
        "On 6 May, militiamen burned houses in the village of Tomboroko and looted shops in "
        "Wenduri (Soro, Upper Zalu). Residents fled to Kamsala district."
    )
    for name in ("Tomboroko", "Wenduri", "Soro", "Upper Zalu", "Kamsala"):
        assert _entity(out, name)["type"] in ("GPE", "LOC"), name


def test_a_list_of_places_after_a_place():
    out = _extract("On 1 May, a trader was shot dead in Barangay Malinis, Dumaro, Capiz.")
    for name in ("Malinis", "Dumaro", "Capiz"):
        assert _entity(out, name)["type"] == "GPE", name


def test_georgia_is_resolved_by_the_other_places_or_left_unresolved():
    us = _extract("Storms hit Georgia overnight. In Atlanta, officials said three people died.")
    assert _entity(us, "Georgia")["country"] == "USA"
    caucasus = _extract("Georgia accused Russia of moving border markers near Tbilisi.")
    assert _entity(caucasus, "Georgia")["country"] == "GEO"
    alone = _extract("Georgia said on Monday it would respond to the report.")
    assert _entity(alone, "Georgia")["country"] is None


def test_a_small_town_abroad_does_not_take_a_place_from_another_country():
    # "Borno" is a Nigerian state; the gazetteer knows only a small German place of that name
    out = _extract(
        "Nigerian troops repelled an attack on a base in Gubio (Gubio LGA, Borno) on Sunday."
    )
    assert _entity(out, "Borno")["country"] in (None, "NGA")


# --- generic actors ----------------------------------------------------------------------------


def test_generic_actors_are_entities_with_a_kind():
    out = _extract(
        "On 2 May, unidentified gunmen killed two farmers near Kiboga. Kenyan police said "
        "protesters later blocked the highway, and soldiers were deployed."
    )
    kinds = {e["name"]: (e["type"], e["kind"], e["country"]) for e in out["entities"]}
    assert kinds["unidentified gunmen"] == ("ORG", "unidentified_armed_group", None)
    assert kinds["Kenyan police"] == ("ORG", "state_forces", "KEN")
    assert kinds["protesters"][1] == "protesters"
    assert kinds["soldiers"][1:] == ("state_forces", None)  # no country where none is written


def test_a_named_groups_fighters_keep_the_group_as_an_organisation():
    out = _extract("On 7 May, Ralu Brotherhood militants ambushed a convoy; Houthi forces shelled")
    names = {e["name"]: e for e in out["entities"]}
    assert names["Ralu Brotherhood militants"]["kind"] == "armed_group"
    assert names["Ralu Brotherhood"]["type"] == "ORG"
    assert names["Houthi forces"]["kind"] == "armed_group"


def test_forces_alone_is_not_an_actor():
    out = _extract("The forces of nature shaped the valley over centuries.")
    assert not [e for e in out["entities"] if e["kind"] != "named"]


# --- ids and offsets -----------------------------------------------------------------------------


def test_entity_ids_are_stable_across_articles_and_differ_by_type_and_country():
    a = _extract("Vladimir Putin spoke in Moscow on Friday.")
    b = _extract("On Sunday, Putin's spokesman said Vladimir Putin would travel to Minsk.")
    assert _entity(a, "Vladimir Putin")["id"] == _entity(b, "Vladimir Putin")["id"]
    assert _entity(a, "Moscow")["id"] != _entity(a, "Vladimir Putin")["id"]
    ids = [e["id"] for e in a["entities"]]
    assert len(ids) == len(set(ids))


def test_every_mention_points_into_the_text_and_matches_its_entity():
    out = _extract(
        "On 9 May, Turkish forces shelled Tal Rifat in the northern countryside of Aleppo, "
        "according to the Syrian Observatory. Residents of Tal Rifat fled towards Afrin."
    )
    text = out["text"]
    for ent in out["entities"]:
        for s, e in ent["mentions"]:
            assert 0 <= s < e <= len(text)
            assert text[s:e].strip() == text[s:e]
    tal_rifat = _entity(out, "Tal Rifat")
    assert len(tal_rifat["mentions"]) == 2 and tal_rifat["country"] in (None, "SYR")


def test_continents_and_regions_are_loc_without_a_country():
    out = _extract("Drought across the Sahel pushed thousands north, towards Europe, in May.")
    for name in ("Sahel", "Europe"):
        ent = _entity(out, name)
        assert (ent["type"], ent["country"]) == ("LOC", None), name


def test_a_countrys_possessive_is_not_part_of_a_place_name():
    out = _extract("Floods in Mozambique's Zambezia province displaced 4,000 people on Monday.")
    zambezia = _entity(out, "Zambezia")
    assert zambezia["type"] in ("GPE", "LOC")
    assert _entity(out, "Mozambique")["country"] == "MOZ"


def test_a_name_never_runs_across_a_line_break():
    out = _extract(
        "Attack near Maiduguri\n\nNigerian troops repelled an attack on a base in Borno."
    )
    for ent in out["entities"]:
        for s, e in ent["mentions"]:
            assert "\n" not in out["text"][s:e], ent["name"]
    assert _entity(out, "Maiduguri")["type"] == "GPE"


# --- the faster searches find what the plain ones find ---------------------------------------

_PLACE_SENTENCES = [
    "Gunmen attacked the village of Turaybikh in Qadis district on Monday.",
    "Fighting spread from Anet to Abyei town and between Kahil and Mseifra.",
    "Troops shelled the countryside of Ein Issa, north of Raqqa, and the outskirts of al-Bab.",
    "Militants raided Barangay Lawa and Brgy. Sto Nino in Bulan, Sorsogon.",
    "The Allied Democratic Forces (ADF) attacked Beni (Beni, Nord-Kivu) at dawn.",
    "A bomb hit the Damboa - Maiduguri road near Inalabag [Tin Elebag] on Friday.",
    "President Bola Tinubu and Gen. Christopher Musa met Sen. Ali Ndume; Tinubu spoke first.",
    "Mr. Abu-Bakr and Dr. Jean-Pierre Müller of the UNHCR visited the sub-district of Kere.",
    "Residents of Goma said JNIM and ISWAP fighters crossed the Tripoli-Beirut highway.",
    "Suspected bandits killed 12 villagers in Zamfara State; Nigerian troops arrived later.",
    "İSTANBUL — Police detained 40 protesters in the Kadıköy district, officials said.",
    "the VILLAGE OF Mbe, the Town of Kolo and the ſub-district of Baro were shelled.",
]


def _entity_texts() -> list[str]:
    """The sentences of these tests and of the figures' tests, generated news briefs, and each
    in capitals, in title case and with letters that re.I reads as ASCII ones."""
    import ast
    import re
    from pathlib import Path

    from tools.benchcorpus import text_records

    here = Path(__file__).parent
    found = list(_PLACE_SENTENCES)
    for name in ("test_entities.py", "test_figures.py"):
        tree = ast.parse((here / name).read_text(encoding="utf-8"))
        found += [
            node.value
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and len(node.value) > 15
            and re.search(r"\s[A-Z]", node.value)
        ]
    found += [r["text"] for r in text_records(30, seed=11)]
    odd = [s.replace("s", "\u017f").replace("i", "\u0131").replace("I", "\u0130") for s in found]
    return found + [s.upper() for s in found[:80]] + [s.title() for s in found[:80]] + odd


@pytest.fixture(scope="module")
def entity_texts() -> list[str]:
    return _entity_texts()


def _same_matches(rx, plain, texts, cuts: bool = False) -> None:
    import re

    for text in texts:
        assert [(m.span(), m.groups()) for m in rx.finditer(text)] == [
            (m.span(), m.groups()) for m in plain.finditer(text)
        ], (rx.pattern[:50], text)
        if cuts:  # a pattern searched in the words before a mention: every end of a word
            for cut in (m.end() for m in re.finditer(r"\s", text)):
                a, b = rx.search(text, 0, cut), plain.search(text, 0, cut)
                assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups()))


def _entity_modules() -> list:
    """Every module of pipeline.extract.entities."""
    import importlib
    import pkgutil

    import pipeline.extract.entities as package

    return [
        importlib.import_module(f"{package.__name__}.{info.name}")
        for info in pkgutil.iter_modules(package.__path__)
    ]


def test_entity_patterns_with_grouped_words_match_as_their_plain_spelling(entity_texts):
    from pattern_spellings import regrouped

    from pipeline.extract.entities import actors as A
    from pipeline.extract.entities import lexicon as L
    from pipeline.extract.entities import mentions as M
    from pipeline.extract.patterns import one_of

    def plain(words):
        return f"(?:{'|'.join(words)})"

    pairs = [
        (one_of(M._PLACE_BEFORE_WORDS), plain(M._PLACE_BEFORE_WORDS)),
        (one_of(L.PLACE_UNITS), plain(L.PLACE_UNITS)),
        (one_of(L.TITLE_WORDS), plain(L.TITLE_WORDS)),
        (one_of(L.PLACE_VERBS), plain(L.PLACE_VERBS)),
        (one_of(L.UNITS_BEFORE_OF), plain(L.UNITS_BEFORE_OF)),
        (one_of(A.GROUP_NOUNS), A.GROUP_NOUNS),
        (one_of(L.STATE_WORDS), "|".join(L.STATE_WORDS)),
        ("(?=[A-Zae])", ""),  # the lookahead before a place name
    ]
    changed = set()
    for name, rx, plain_rx in regrouped(_entity_modules(), pairs):
        changed.add(name)
        _same_matches(rx, plain_rx, entity_texts, plain_rx.pattern.endswith("$"))
    assert changed == {
        "_TITLES", "_PLACE_BEFORE_STRONG", "_PLACE_AFTER", "UNIT_TAIL", "_PLACE_VERB",
        "_NAME_THEN_UNIT", "_UNIT_THEN_NAME", "_UNIT_BEFORE", "_PHRASE", "_STATE_WORD",
    }  # fmt: skip


def test_names_and_acronyms_are_looked_for_by_their_letters_with_the_same_matches(entity_texts):
    import re

    from pipeline.extract.entities import actors as A
    from pipeline.extract.entities.missed_names import _name_alone

    plain_acronym = re.compile(r"(?<![\w.&-])[A-Z][A-Z0-9&]{1,6}(?![\w&-])")
    _same_matches(A._ACRONYM, plain_acronym, entity_texts)
    names = {"Tinubu", "Musa", "Abu-Bakr", "Bakr", "Müller", "Pierre", "Kere", "Beni", "Nino"}
    names |= {w for t in entity_texts[:200] for w in re.findall(r"[A-Z][\w-]+", t)}
    for name in sorted(names):
        plain = re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])")
        _same_matches(_name_alone(name), plain, entity_texts[:300])


def test_unit_and_pair_places_are_tried_only_where_their_first_word_is(entity_texts):
    from pipeline.extract import prefilter
    from pipeline.extract.entities import missed_places as P
    from pipeline.extract.patterns import folded

    found = 0
    for text in entity_texts:
        for rx in (P._UNIT_THEN_NAME, P._PAIR):
            fast = [
                (m.span(), m.groups()) for m in prefilter.finditer_at_starts(rx, text, folded(text))
            ]
            assert fast == [(m.span(), m.groups()) for m in rx.finditer(text)], text
            found += len(fast)
    assert found > 20


def test_the_words_before_a_name_are_read_as_the_full_search_reads_them(entity_texts):
    import re

    from pipeline.extract.entities import mentions as M

    titles = 0
    for text in entity_texts:
        for m in re.finditer(r"\w+", text):  # the 40 characters before each word
            before = text[max(0, m.start() - 40) : m.start()]
            assert M.after_title(before) == bool(M._TITLES.search(before)), before
            titles += M.after_title(before)
            for rx in (M._PLACE_BEFORE_STRONG, M._PLACE_BEFORE, M._PLACE_VERB):
                assert M._ends_with(rx, before) == bool(rx.search(before)), before
    assert titles > 10


def test_the_gated_searches_change_no_entity(nlp, monkeypatch):
    import re

    from pipeline.extract import prefilter
    from pipeline.extract.entities import mentions as M
    from pipeline.extract.entities.resolve import find_entities

    texts = [*_PLACE_SENTENCES, *[t for t in _entity_texts() if "\n" in t][:20]]
    docs = list(nlp.pipe(texts))

    def entities_of_all():
        return [[e.as_contract() for e in find_entities(d)] for d in docs]

    fast = entities_of_all()
    assert sum(map(len, fast)) > 100

    def caps_line(text):  # the line test, read anew at each acronym
        def check(pos):
            start = text.rfind("\n", 0, pos) + 1
            end = text.find("\n", pos)
            letters = [c for c in text[start : end if end >= 0 else len(text)] if c.isalpha()]
            return len(letters) > 12 and sum(c.isupper() for c in letters) > 0.6 * len(letters)

        return check

    def everywhere(name, plain):  # in each module that looks the name up
        modules = [m for m in _entity_modules() if hasattr(m, name)]
        assert modules, name
        for module in modules:
            monkeypatch.setattr(module, name, plain)

    everywhere("_ends_with", lambda rx, before: bool(rx.search(before)))
    everywhere("after_title", lambda before: bool(M._TITLES.search(before)))
    monkeypatch.setattr(
        prefilter, "finditer_at_starts", lambda rx, text, lowered: rx.finditer(text)
    )
    monkeypatch.setattr(prefilter, "lowered", lambda text: None)  # every gated search in full
    everywhere("_line_is_caps", caps_line)
    everywhere("_name_alone", lambda name: re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])"))
    assert entities_of_all() == fast
