"""The prefilter: the strings it derives from a pattern are in every match, so a search it skips
could not have matched; and the events stage reads every passage as the plain searches would.
Texts are written here or generated (tools.benchcorpus, word soups of the patterns' words)."""

from __future__ import annotations

import importlib
import pkgutil
import random
import re
from types import SimpleNamespace

import pytest
from pattern_spellings import regrouped

from pipeline.extract import dates, events, prefilter
from pipeline.extract.events import classify as C
from pipeline.extract.events import lexicon as L
from pipeline.extract.events import roles as R
from pipeline.extract.patterns import one_of
from tools import benchcorpus

_EVENTS_MODULES = [
    importlib.import_module(f"{events.__name__}.{m.name}")
    for m in pkgutil.iter_modules(events.__path__)
]


def _patterns() -> list[re.Pattern]:
    """Every compiled pattern of the events and dates stages, new ones included."""
    modules = [*_EVENTS_MODULES, dates, dates.lexicon]
    found = [v for m in modules for v in vars(m).values() if isinstance(v, re.Pattern)]
    found += [rx for _, rx in (*L.REMOTE_WEAPONS, *L.STRATEGIC, *L.ACTOR_KINDS)]
    return list({id(rx): rx for rx in found}.values())


def _lexicons() -> list[str]:
    """Every lexicon of the events stage (an alternation of words)."""
    tables = [
        *L.REMOTE_WEAPON_WORDS.values(),
        *L.STRATEGIC_WORDS.values(),
        *L.ACTOR_KIND_WORDS.values(),
    ]
    return [v for k, v in vars(L).items() if k.isupper() and isinstance(v, str)] + tables


def _plain_patterns() -> list[tuple[str, re.Pattern, re.Pattern]]:
    """(name, pattern, the pattern with each lexicon written as its plain alternation) for the
    patterns of the events stage built from a lexicon with one_of."""
    pairs = sorted(
        {(one_of(w), f"(?:{w})") for w in _lexicons()}, key=lambda p: len(p[0]), reverse=True
    )
    tables = {f"{name}[{i}]": rx for name in ("REMOTE_WEAPONS", "STRATEGIC", "ACTOR_KINDS")
              for i, (_, rx) in enumerate(getattr(L, name))}  # fmt: skip
    return list(regrouped([L, SimpleNamespace(**tables)], pairs))


_WRITTEN = [
    "Gunmen shot dead a shopkeeper in his store on Monday.",
    "Soldiers clashed with rebels near the border, and two fighters were killed.",
    "A roadside bomb exploded under a police truck on 3 May 2025.",
    "Hundreds of nurses marched to the health ministry to demand higher pay.",
    "Police fired tear gas at protesters who threw stones at the governor's office.",
    "Villagers lynched a suspected thief after a land dispute turned violent.",
    "Rebels took control of the town of Kalehe after heavy fighting.",
    "The ministers met in Geneva for talks on a ceasefire agreement.",
    "Two guards were shot by gunmen at the gate; the clerk was reportedly kidnapped.",
    "A drone strike hit a militant hideout overnight, killing four.",
    "Troops fired into the air to disperse the crowd.",
    "A man was shot dead as fighting between gangs went on in the district.",
    # a match that ends inside a word ("shot|gun"), the next one starting there
    "One two three four five was shotgun men were killed.",
    "Security forces defused an IED planted near the checkpoint.",
    "On the night of 5 to 6 March, militants raided a village three days ago.",
    "The army did not rule out new air strikes, an official said last week.",
    "Unidentified gunmen abducted a pastor and his wife from their home in the village.",
    "The minister was in Paris for talks.",
]


def _bench_sentences(n: int = 12) -> list[str]:
    out = []
    for rec in benchcorpus.text_records(n, seed=7):
        out.append(rec["title"])
        out += re.split(r"(?<=[.!?])\s+", rec["text"])
    return out


def _soups(n: int, seed: int = 3) -> list[str]:
    """Word soups of the patterns' own words and a few fillers: many of them match. The words
    are read from each pattern as written plainly (one_of's grouping leaves pieces of words)."""
    plain = {id(rx): p for _, rx, p in _plain_patterns()}
    pool = sorted(
        {
            w
            for rx in _patterns()
            for options in prefilter.words(plain.get(id(rx), rx))
            for w in options
        }
    )
    pool += ["the", "a", "was", "were", "by", "at", "on", "in", "two", "near", "police",
             "soldiers", "gun", "s", "ed", "-", ".", ",", "5", "May"]  # fmt: skip
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        words = [rng.choice(pool) for _ in range(rng.randint(2, 14))]
        text = " ".join(w.strip() for w in words)
        out.append(rng.choice((str, str.upper, str.title, str.capitalize))(text))
    return out


def _non_ascii(texts: list[str]) -> list[str]:
    """re.IGNORECASE matches "ſ" with "s", the Kelvin sign with "k", "İ" with "i"; \\d matches
    "٢" (an Arabic-Indic two)."""
    return (
        [
            t.replace("s", "\u017f", 1).replace("k", "\u212a", 1).replace("i", "\u0130", 1)
            for t in texts
        ]
        + [f"{t} \u2014 é" for t in texts]
        + [t.replace("2", "\u0662") for t in texts]
    )


def _corpus() -> list[str]:
    written = _WRITTEN + _bench_sentences()
    return written + _soups(1500) + _non_ascii(written[:60])


def test_derived_strings_of_known_patterns():
    def words(pattern, flags=re.I):
        return prefilter.words(re.compile(pattern, flags))

    assert words(r"\b(?:kill\w*|shot)\b") == (("kill", "shot"),)
    assert words(r"(?:took|seized) (?:\w+ )?(?:town|city)") == (
        ("seized ", "took "),
        ("city", "town"),
    )
    assert words(r"air ?strikes?") == (("air strike", "airstrike"),)
    assert words(r"[Mm]arch(?:es)? on", 0) == (("march on", "marches on"),)
    assert words(r"(?<!heavy )machine ?guns?") == (("machine gun", "machinegun"),)
    assert words(r"(?:abc)?d") == (("d",),)  # what may be absent gives nothing
    assert words(r"\d{4}-\d{2}") == (("-",), tuple("0123456789"))
    assert words("\u017fhot") == (("hot",),)  # a non-ASCII letter of the pattern gives nothing
    for unknown in (r"\w+", r"a|\w", r"x*", r".{3}"):
        assert words(unknown) == ()
    passive = ("had been", "has been", "have been", "was", "were")
    assert passive in prefilter.words(L.VICTIM_BEFORE)  # and a set of the verbs after them
    assert prefilter.words(L.AIR_SHOTS) == (("in the air", "into the air"),)
    assert len(prefilter.words(L.TERRITORY)) == 2  # a verb and a place


def test_a_non_ascii_text_is_tested_folded_and_one_with_other_digits_is_never_skipped():
    assert prefilter.lowered("Two Were Killed") == "two were killed"
    # the letters re.IGNORECASE reads as ASCII ones are written as those
    assert prefilter.lowered("A porter was \u017fhot \u2014 \u0130N K\u0131lis") == (
        "a porter was shot \u2014 in kilis"
    )
    assert prefilter.search(L.VIOLENT, "He was \u017fhot.", prefilter.lowered("He was \u017fhot."))
    # \d matches "٣", which the derived strings (0-9) do not spell out
    assert prefilter.lowered("\u0663 days ago") is None
    assert prefilter.search(re.compile(r"\d days"), "\u0663 days", None) is not None


def test_the_prefilter_never_skips_a_text_a_pattern_matches():
    corpus = _corpus()
    skipped = 0
    for rx in _patterns():
        for text in corpus:
            lowered = prefilter.lowered(text)
            plain = [m.span() for m in rx.finditer(text)]
            if plain:
                assert prefilter.may_match(rx, lowered), (rx.pattern, text)
            assert [m.span() for m in prefilter.finditer(rx, text, lowered)] == plain
            skipped += not prefilter.may_match(rx, lowered)
    assert skipped > len(corpus) * 10  # and it does skip


def test_event_patterns_with_grouped_words_match_as_their_plain_spelling():
    """one_of groups a lexicon's words by first letter: each pattern built from lexicons finds
    what the plain alternations find, at the same places, and fullmatches the same words."""
    corpus = _corpus()
    words = sorted({w for text in corpus for w in text.split()})
    checked = _plain_patterns()
    for name, rx, plain in checked:
        for text in corpus:
            assert [(m.span(), m.groups()) for m in rx.finditer(text)] == [
                (m.span(), m.groups()) for m in plain.finditer(text)
            ], (name, text)
        assert [w for w in words if rx.fullmatch(w)] == [w for w in words if plain.fullmatch(w)]
    # every lexicon is read by a pattern (checked above, unless one_of left it as written), or is
    # a part of one that is ("STATE_FORCE_WORDS" of "ARMED_PEOPLE_WORDS")
    patterns = _patterns()
    read = [w for w in _lexicons() if any(one_of(w) in rx.pattern for rx in patterns)]
    for lexicon in _lexicons():
        assert any(lexicon in whole for whole in read), lexicon[:40]
    assert len(checked) > 40


def test_passive_victims_are_found_as_by_the_plain_search():
    inside = "One two three four five was shotgun men were killed."
    assert [m.group(1) for m in R._passive_victims(inside)] == ["two three four five ", "gun men "]
    for text in _corpus():
        plain = [(m.span(), m.groups()) for m in L.VICTIM_BEFORE.finditer(text)]
        assert [(m.span(), m.groups()) for m in R._passive_victims(text)] == plain, text


@pytest.mark.parametrize(
    "text",
    [
        "Two guards were shot by gunmen at the gate.",
        "The clerk was reportedly kidnapped on Monday.",
        "A farmer had been found dead near the well.",
        "Villagers said the convoy was ambushed at dawn.",
        "The minister was in Paris for talks.",
        "A porter was \u017fhot in the arm.",
        "One two three four five was shotgun men were killed.",
    ],
)
def test_fallback_roles_are_those_of_the_plain_searches(text):
    assert R.regex_roles(text).targets == [
        m.group(1)
        for rx in (L.VICTIM_AFTER, L.VICTIM_BEFORE, L.FIRED_AT)
        for m in rx.finditer(text)
    ]


def test_the_passive_victim_search_is_skipped_without_a_passive_violent_verb():
    for text in ("The minister was in Paris for talks.", "Gunmen attacked the convoy at dawn."):
        assert not prefilter.may_match(L.VICTIM_BEFORE, prefilter.lowered(text))


def _with_roles(texts: list[str]) -> list[tuple[str, R.Roles | None]]:
    """Each text without roles, and with agents and targets as a parse might give them."""
    rng = random.Random(5)
    phrases = ["gunmen", "soldiers", "villagers", "a mob", "Palestinians", "the police station",
               "civilians", "a former soldier", "suspected robbers", "two women", "the army"]  # fmt: skip
    out: list[tuple[str, R.Roles | None]] = []
    for text in texts:
        out.append((text, None))
        agents = rng.sample(phrases, rng.randint(0, 2))
        out.append((text, R.Roles(agents, rng.sample(phrases, rng.randint(0, 2)))))
    return out


def test_classify_reads_as_without_the_prefilter(monkeypatch):
    cases = _with_roles(_corpus())
    with_prefilter = [C.classify(t, r) for t, r in cases]
    monkeypatch.setattr(prefilter, "lowered", lambda text: None)  # every search in full
    assert [C.classify(t, r) for t, r in cases] == with_prefilter
    assert len(set(with_prefilter)) > 10  # the cases reach most rules


def test_a_passage_matching_none_of_the_reporting_patterns_is_no_event():
    """classify returns None early when no pattern of _REPORTS matches: the rules agree."""
    quiet = 0
    for text, roles in _with_roles(_corpus()):
        text = L.AIR_SHOTS.sub(" warning shots ", text)
        if not any(rx.search(text) for rx in C._REPORTS):
            quiet += 1
            assert C._classify_reported(C._Passage(text, roles)) is None, text
    assert quiet > 100


def test_dates_resolve_as_without_the_prefilter(monkeypatch):
    def resolve(text):
        try:
            return dates.resolve_date(text, "2026-03-04")
        except ValueError as error:  # "Thurſday" matches WEEKDAY but is not a weekday's name
            return str(error)

    texts = _corpus()
    with_prefilter = [resolve(t) for t in texts]
    monkeypatch.setattr(prefilter, "lowered", lambda text: None)
    assert [resolve(t) for t in texts] == with_prefilter
    assert sum(isinstance(d, tuple) for d in with_prefilter) > 20


# --- the figures stage's patterns, and what every match ends with ---------------------------------


def _figure_patterns() -> list[re.Pattern]:
    from pipeline.extract.figures import rules

    return [v for v in vars(rules).values() if isinstance(v, re.Pattern)]


_FIGURE_TEXTS = [
    "At least 12 people were killed and 30 wounded, the health ministry said.",
    "The death toll rose to 40 on Monday; the toll was revised to 8 later.",
    "Gunmen shot and killed a farmer; a 19-year-old man is in stable condition.",
    "No one was killed. Neither injuries nor fatalities were reported.",
    "Fighting displaced some 3,000 people, bringing the number of IDPs to 12,000 since 2022.",
    "The toll has risen from 12 to 15, and between 30 and 40 were abducted.",
    "Timothy Agnew was killed; Jason Kimble and Ann Reed were injured.",
    "Police arrested up to 25 protesters, detaining more than 10 overnight.",
]


def test_the_prefilter_never_skips_a_text_a_figures_pattern_matches():
    corpus = _FIGURE_TEXTS + _non_ascii(_FIGURE_TEXTS) + _corpus()[:800]
    for rx in _figure_patterns():
        for text in corpus:
            lowered = prefilter.lowered(text)
            plain = [m.span() for m in rx.finditer(text)]
            assert [m.span() for m in prefilter.finditer(rx, text, lowered)] == plain, text


def test_derived_endings_of_known_patterns():
    def endings(pattern, flags=re.I):
        return prefilter.endings(re.compile(pattern, flags))

    assert endings(r"\b(?:killing|killed)\s+$") == ("killed", "killing")
    # what may be absent adds the endings of what is before it
    assert endings(r"\b(?:of|in)\s+(?:the\s+)?$") == ("in", "of", "the")
    assert endings(r"toll\s+(?:is|was)\s+(?:at\s+)?$") == ("at", "is", "was")
    # a string that ends with another one adds no test: "fatally shot" ends with "shot"
    assert endings(r"\b(?:fatally )?shot\s+$") == ("shot",)
    assert endings(r"\b(?:death|fatality) toll\s+(?:to|at)\s+$") == ("at", "to")
    assert endings(r"[Tt]oll\s$", 0) == ("toll",)
    # not anchored at the end, no space before it, or an unknown last word: no gate
    for unknown in (r"kill\s+", r"kill$", r"kill\s*$", r"\w+\s+$", r"(?:kill|\w+)\s+$", r"\d+\s+$"):
        assert endings(unknown) is None, unknown


def test_every_way_an_anchored_pattern_can_match_ends_with_a_derived_ending():
    from pattern_spellings import spellings

    from pipeline.extract.figures import rules as R
    from pipeline.extract.patterns import folded

    for rx in (R.CUE_BEFORE, R.QUALIFIER_BEFORE, R.FROM_UPDATE, R.BETWEEN):
        ends = prefilter.endings(rx)
        for spelled in spellings(rx):
            words = spelled.rstrip()
            assert len(words) < len(spelled) and folded(words).endswith(ends), spelled


def test_a_window_a_pattern_matches_at_its_end_ends_with_one_of_its_endings():
    from pipeline.extract.patterns import ends_with_word

    anchored = [rx for rx in _figure_patterns() if prefilter.endings(rx) is not None]
    assert len(anchored) >= 4  # the cues, qualifiers, "from" and "between" before a number
    pool = sorted({w for rx in anchored for w in prefilter.endings(rx)})
    pool += ["the", "a", "12", "toll", "death", "people", "were", "rose", ",", "and"]
    rng = random.Random(11)
    texts = _FIGURE_TEXTS + [
        " ".join(rng.choice(pool) for _ in range(rng.randint(2, 12))) + " 7" for _ in range(1500)
    ]
    hits = 0
    for text in texts + _non_ascii(texts[:200]):
        for cut in (m.end() for m in re.finditer(r"\s+", text)):
            window = text[max(0, cut - 120) : cut]
            for rx in anchored:
                if rx.search(window):
                    hits += 1
                    assert ends_with_word(window, prefilter.endings(rx)), (rx.pattern, window)
    assert hits > 1000


def test_several_patterns_are_skipped_together_only_when_none_can_match():
    from pipeline.extract.figures import sentence

    corpus = _FIGURE_TEXTS + _non_ascii(_FIGURE_TEXTS) + _corpus()[:400]
    skipped = 0
    for text in corpus:
        lowered = prefilter.lowered(text)
        if not prefilter.may_match_any(sentence._UNCOUNTED, lowered):
            skipped += 1
            assert not any(rx.search(text) for rx in sentence._UNCOUNTED), text
    assert skipped > 50


# --- the entities stage's gates: what every match of a cue ends with, and begins with ------------


def _entity_end_patterns() -> list[re.Pattern]:
    """The entity patterns anchored at the end of the words before a name."""
    from pipeline.extract.entities import mentions as M

    return [M._PLACE_BEFORE_STRONG, M._PLACE_BEFORE, M._PLACE_VERB, M._TITLES]


def _entity_start_patterns() -> list[re.Pattern]:
    """The entity patterns tried only where one of their first words begins."""
    from pipeline.extract.entities import missed_places as P

    return [P._UNIT_THEN_NAME, P._PAIR]


def test_a_title_gate_takes_off_the_marks_and_spaces_its_pattern_allows():
    title = re.compile(r"(?:\b(?:mr|gen|prime minister)\.?\]?\s*)$", re.I)
    gate = prefilter._end_gate(title)
    assert gate.words == ("gen", "mr", "prime minister")
    assert gate.marks == ("]", ".")  # taken off the text the last one first
    assert not gate.space  # "\s*": a title may end the text
    assert prefilter.endings(title) is None  # no `\s+$`: not a gate for `ends_with_word`
    for before in ("said Gen.", "said Gen.] ", "met Mr", "the Prime Minister\n", "MR \u00a0"):
        assert prefilter.may_end(title, before) and title.search(before), before
    for before in ("said Gen.,", "said Genx ", "said Gen].", "the minister's ", ""):
        assert not prefilter.may_end(title, before) and not title.search(before), before
    # "\s+$" after the marks: a space is needed; the marks are read as the words' ends
    assert prefilter.endings(re.compile(r"\b(?:mr|gen)\.?\s+$", re.I)) == (
        "gen", "gen.", "mr", "mr.",
    )  # fmt: skip
    # a word that ends with a mark or may be absent: taking marks off could cut it, no gate
    for unknown in (r"\b(?:mr|x\.)\.?\s*$", r"(?:mr)?\.?\s*$", r"\b\w+\.?\s*$", r"mr\.?\s*"):
        assert prefilter._end_gate(re.compile(unknown)) is None, unknown
        assert prefilter.may_end(re.compile(unknown), "anything")


def test_derived_starts_of_known_patterns():
    from pipeline.extract.entities import missed_places as P

    def starts(pattern, flags=re.I):
        return prefilter.starts(re.compile(pattern, flags))

    assert starts(r"\b(?:between|from)\s+\w+") == ("between", "from")
    # an optional piece adds what follows it; a string that begins with another one adds nothing
    assert starts(r"(?:the\s+)?(?:village|town)s?\s+of") == ("the", "town", "village")
    assert starts(r"\bbrgy\.?\s+[A-Z]") == ("brgy",)
    assert starts(r"(?<![\w-])(?=[A-Z])(?:al-)?kill") == ("al-kill", "kill")
    # empty, or beginning with an unknown character: no starts
    for unknown in (r"\w+ of", r"(?:the)?\s+x", r"(?:a|\d)b", r"(?:x)*"):
        assert starts(unknown) is None, unknown
    assert prefilter.starts(P._PAIR) == ("between", "from")
    assert {"village", "sub-district", "subdistrict", "neighbourhood", "neighborhood", "barangay",
            "brgy", "tambon"} <= set(prefilter.starts(P._UNIT_THEN_NAME))  # fmt: skip


def test_a_long_list_of_words_gives_their_first_or_last_letters_not_no_gate():
    words = [a + b + c + "z" for a in "abcd" for b in "efghi" for c in "klmno"]  # 100 words
    assert prefilter.endings(re.compile(rf"\b(?:{'|'.join(words)})\s+$")) == tuple(
        sorted({w[-3:] for w in words})
    )  # 25 of them
    assert prefilter.starts(re.compile(rf"(?:{'|'.join(words)})\s")) == tuple(
        sorted({w[:2] for w in words})
    )  # 20


def test_every_way_an_entity_cue_can_match_begins_or_ends_with_a_derived_word():
    from pattern_spellings import spellings

    from pipeline.extract.entities import lexicon
    from pipeline.extract.entities import mentions as M
    from pipeline.extract.patterns import folded

    for rx in _entity_end_patterns():
        assert prefilter._end_gate(rx) is not None, rx.pattern[:60]
        for spelled in spellings(rx):
            assert prefilter.may_end(rx, spelled), spelled
    # the title gate is the title words (one that ends with another is tested by it)
    assert set(prefilter._end_gate(M._TITLES).words) == {
        w
        for w in lexicon.TITLE_WORDS
        if not any(o != w and w.endswith(o) for o in lexicon.TITLE_WORDS)
    }
    for rx in _entity_start_patterns():
        begins = lambda s, rx=rx: folded(s).startswith(prefilter.starts(rx))  # noqa: E731
        assert spellings(rx, done=begins) == set()


def _entity_soups(words: set[str], n: int, seed: int) -> list[str]:
    """Word soups of gate words, a few link words and marks, and capitalised names: many match."""
    pool = sorted(words) * max(1, 24 // len(words)) + ["the", "in", ".", "]", ",", "-", "12", "\n"]
    pool += ["of", "and", "to", "Kahil", "Ein Issa", "al-Bab", "Qadis", "Lawa", "Abyei"] * 4
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        soup = [rng.choice(pool) for _ in range(rng.randint(2, 12))]
        text = rng.choice((" ", " ", "  ", "")).join(soup) + rng.choice(("", " ", ". ", "] ", "\n"))
        out.append(rng.choice((str, str, str.upper, str.title, str.capitalize))(text))
    return out


def test_the_entity_gates_skip_only_searches_that_find_nothing():
    from pipeline.extract.patterns import folded

    end_words = {w for rx in _entity_end_patterns() for w in prefilter._end_gate(rx).words}
    texts = _entity_soups(end_words, 1500, seed=5) + _WRITTEN
    for seed, rx in enumerate(_entity_start_patterns()):
        texts += _entity_soups(set(prefilter.starts(rx)), 2000, seed=6 + seed)
    texts += _non_ascii(texts[:200] + texts[-400:])
    ends = starts = 0
    for text in texts:
        for cut in range(len(text) + 1):  # every end of the words before a name
            before = text[max(0, cut - 40) : cut]
            for rx in _entity_end_patterns():
                found = rx.search(before) is not None
                ends += found
                assert prefilter.may_end(rx, before) or not found, (rx.pattern[:40], before)
        for rx in _entity_start_patterns():
            plain = [(m.span(), m.groups()) for m in rx.finditer(text)]
            gated = prefilter.finditer_at_starts(rx, text, folded(text))
            assert [(m.span(), m.groups()) for m in gated] == plain, (rx.pattern[:40], text)
            starts += len(plain)
    assert ends > 2000 and starts > 100
