"""Property tests (hypothesis): whatever text comes in, the number parser, the figure finder,
the entity finder and the whole extract path never raise, and every offset they return lies
inside the text it points into.

The texts are drawn from two sources: arbitrary Unicode, and news-like sentences assembled from
words that trigger the rules (numbers in digits and words, ranges, qualifiers, casualty verbs,
place and person names, odd spaces and punctuation), so that the rules' branches are exercised
and not only their early exits.
"""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from pipeline.extract.numbers import NUMBER_RE, parse_number

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
NLP_SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)

NUMBER_WORDS = [
    "0", "1", "7", "12", "15-20", "30", "1,200", "14 000", "2.5", "3.", ".5", "1e9", "999999999999",
    "10,00", "1,000,000,000,000", "twenty-three", "a dozen", "dozens", "hundreds", "one hundred and",
    "and", "million", "billion", "thousand", "bn", "mn", "k", "m", "half", "nine", "ninety-nine",
    "an", "a", "-", "–", "to", "between", "or",
]  # fmt: skip
NEWS_WORDS = [
    "people", "civilians", "soldiers", "were", "was", "killed", "dead", "died", "wounded",
    "injured", "missing", "displaced", "fled", "arrested", "abducted", "at least", "more than",
    "about", "nearly", "up to", "fewer than", "no one", "not a single", "none", "toll", "rose to",
    "total", "since", "in", "the", "attack", "on", "Monday", "March", "2026", "Kharkiv",
    "Ukraine", "Gaza", "Nigeria", "Maiduguri", "President", "Jane", "Okafor", "said", "police",
    "the health ministry", "UN", "(UN)", "Boko Haram", "Russian", "forces", "shelling", "protest",
    "riot", "talks", "ceasefire", "'s", "’s", "village", "of", "aged", "year-old", "year", "old",
    "Thursday", "six days ago", "2 weeks ago", "yesterday", "last week", "as of June", "militants",
    "no one was killed", "no casualties", "neither injuries nor fatalities",
]  # fmt: skip
PUNCT = [
    " ", " ", " ", ", ", ". ", "; ", ": ", "\n", "\n\n", "\u00a0", "\u202f", "!", "?", '"', "“",
    "”", "(", ")", "-", "—", "'", "’", "/", "%", "$", "\t", "\u200b", "\ufeff",
]  # fmt: skip

# digit runs of any length (a table of figures glued together, an id, a phone number)
long_digits = st.integers(min_value=0, max_value=10**400).map(str)
tokens = st.one_of(st.sampled_from(NUMBER_WORDS + NEWS_WORDS + PUNCT), long_digits)
news_text = st.lists(tokens, max_size=60).map("".join)
# letters that re.IGNORECASE matches to ASCII ones but that lower() does not turn into them (the
# long s, the dotless i, the dotted capital I, whose lower case is two characters; the Kelvin sign)
LOOKALIKES = {"s": "\u017f", "i": "\u0131", "I": "\u0130", "k": "\u212a"}


def _swap_letters(text: str, letters: str) -> str:
    return "".join(LOOKALIKES[ch] if ch in letters else ch for ch in text)


# every s, every i, ... of a news-like text written with its look-alike
lookalike_text = st.tuples(news_text, st.sampled_from(["s", "i", "I", "k", "sikI"])).map(
    lambda pair: _swap_letters(*pair)
)
any_text = st.one_of(news_text, lookalike_text, st.text(max_size=300))
# publication dates at the ends of the calendar: a date resolved against them must not overflow
PUBLISHED = [None, "2026-03-02", "not a date", "0001-01-01", "9999-12-31"]


def _inside(span, text: str) -> bool:
    start, end = span
    return isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text)


# --- numbers -------------------------------------------------------------------------------


@SETTINGS
@given(any_text)
def test_parse_number_never_raises_and_returns_a_non_negative_int_or_none(text):
    value = parse_number(text)
    assert value is None or (isinstance(value, int) and value >= 0)


@SETTINGS
@given(any_text)
def test_every_number_the_pattern_finds_lies_inside_the_text(text):
    for m in NUMBER_RE.finditer(text):
        assert _inside(m.span(), text)
        value = parse_number(m.group(0))
        assert value is None or value >= 0


@SETTINGS
@given(st.integers(min_value=0, max_value=10**400))
def test_digits_with_thousands_separators_read_back_as_the_same_number(n):
    assert parse_number(str(n)) == n
    assert parse_number(f"{n:,}") == n


# --- figures (sentences split by punctuation: no model needed) ------------------------------


def _naive_sentences(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for i, ch in enumerate(text):
        if ch in ".!?\n":
            spans.append((start, i + 1))
            start = i + 1
    if start < len(text):
        spans.append((start, len(text)))
    return spans


@SETTINGS
@given(
    any_text,
    st.lists(st.tuples(st.integers(0, 400), st.integers(0, 40)), max_size=4),
    st.sampled_from(PUBLISHED),
)
# inputs that once raised: a look-alike letter in a zero's cue word, an "as of" month resolved
# against the calendar's last day
@example("No one was k\u0131lled; no ca\u017fualties.", [], "2026-03-02")
@example("As of June, 12 people were displaced.", [], "9999-12-31")
def test_figures_never_raise_and_their_spans_lie_inside_the_text(text, excluded, published):
    from pipeline.extract.figures.find import find_figures

    excluded = [(s, s + n) for s, n in excluded]
    figures = find_figures(text, _naive_sentences(text), excluded, published)
    for f in figures:
        assert _inside(f.span, text)
        assert f.best >= 0
        assert f.low is None or f.low <= f.best
        assert f.high is None or f.best <= f.high


# --- with the spaCy model: entities and the whole extract path -------------------------------


@NLP_SETTINGS
@given(news_text)
def test_entities_never_raise_and_every_mention_lies_inside_the_text(nlp, text):
    from pipeline.extract.entities.resolve import find_entities

    doc = nlp(text)
    for entity in find_entities(doc):
        assert entity.mentions
        for span in entity.mentions:
            assert _inside(span, text)


@NLP_SETTINGS
@given(st.lists(any_text, min_size=1, max_size=4), st.sampled_from(PUBLISHED[:2] + PUBLISHED[3:]))
# inputs that once raised: look-alike letters in a weekday, a count word and an actor's noun;
# dates resolved against the calendar's first and last days
@example(["Two SOLD\u0130ERS were killed on Thur\u017fday."], "2026-03-02")
@example(["Armed m\u0130litants attacked the village \u017fix days ago."], "2026-03-02")
@example(["As of June, the market was calm.", "Gunmen killed 3 people yesterday."], "9999-12-31")
@example(["Gunmen killed 3 people yesterday, two weeks ago and last week."], "0001-01-01")
def test_extract_gives_one_line_per_record_with_every_offset_inside_its_text(nlp, texts, published):
    from pipeline.extract.records import extract_records

    records = [{"id": f"r{i}", "text": t, "published": published} for i, t in enumerate(texts)]
    out = list(extract_records(records))
    assert [o["id"] for o in out] == [r["id"] for r in records]
    for o in out:
        assert o["status"] in ("ok", "rejected")
        if o["status"] == "rejected":
            assert o["reason"] in ("empty", "too_large")  # a text record is refused only so
            continue
        text = o["text"]
        for e in o["entities"]:
            for span in e["mentions"]:
                assert _inside(span, text)
        for f in o["figures"]:
            assert _inside(f["span"], text)
            assert f["event"] is None or 0 <= f["event"] < len(o["events"])
        for ev in o["events"]:
            assert _inside(ev["span"], text)
