"""The compiled attribute ruler gives the stock ruler's token attributes exactly."""

import pytest
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG

from pipeline.extract.attribute_rules import compile_ruler, replace_ruler
from pipeline.extract.records import nlp, stock_model
from tools import benchcorpus

_ATTRS = [POS, TAG, MORPH, LEMMA, DEP, HEAD]

# the model's exceptions: contractions, auxiliaries, pronouns by their role, determiners standing
# alone, "there is", spaces of every kind
_TRICKY = [
    "Y'all ain't gonna believe it, c'mon. Let's go, we gotta run before 'em ol' boys see us.",
    "I saw it and it saw me. You know it. Give it to me, not to you. He'd had enough 'nuff said.",
    "Which was that? Those are mine, and that is theirs. There is nothing left; there were two.",
    "Did he do it? He did. They have had their say and he has gone. Nothin' doin', somethin' else.",
    "It gets worse: he got hurt.  Two  spaces, a tab\there\n\nand a new paragraph\n \n.",
    "The rebels, who were seen near Goma on Monday, said they wo n't stop and ca n't be stopped.",
]


@pytest.fixture(scope="module")
def stock():
    return stock_model()


def _before_ruler(model, text):
    names = model.pipe_names[: model.pipe_names.index("attribute_ruler")]
    with model.select_pipes(enable=names):
        return model(text)


def _texts():
    briefs = [r["text"] for r in benchcorpus.text_records(25, seed=11)]
    return _TRICKY + briefs


def test_the_compiled_ruler_sets_what_the_stock_ruler_sets_on_every_token(stock):
    ruler = stock.get_pipe("attribute_ruler")
    compiled = compile_ruler(ruler)
    assert compiled is not None
    for text in _texts():
        expected, got = _before_ruler(stock, text), _before_ruler(stock, text)
        ruler(expected)
        compiled(got)
        assert (expected.to_array(_ATTRS) == got.to_array(_ATTRS)).all(), text
        assert [str(t.morph) for t in expected] == [str(t.morph) for t in got], text


def test_the_exceptions_are_exercised_by_the_test_texts(stock):
    # the text above must reach beyond the tag map, or the comparison proves little
    doc = stock(" ".join(_TRICKY))
    pos = {t.text: t.pos_ for t in doc}
    assert pos["ai"] == "AUX" and pos["had"] in ("AUX", "VERB")
    assert any(t.is_space and t.pos_ == "SPACE" for t in doc)
    assert {t.lemma_ for t in doc if t.lower_ in ("gon", "'em", "ca")} >= {"go", "them", "can"}


def test_the_pipeline_runs_the_compiled_ruler_and_tags_as_with_the_stock_one():
    model = nlp()
    assert "attribute_ruler" not in model.pipe_names
    assert "compiled_attribute_ruler" in model.pipe_names
    reference = stock_model()  # our pipeline with the stock ruler
    reference.add_pipe("paragraph_sentences", before="parser")
    for text in _TRICKY + _texts()[-5:]:
        ours, theirs = model(text), reference(text)
        assert [(t.pos_, t.tag_, str(t.morph), t.dep_) for t in ours] == [
            (t.pos_, t.tag_, str(t.morph), t.dep_) for t in theirs
        ]


def _blank_ruler(patterns):
    model = spacy.blank("en")
    ruler = model.add_pipe("attribute_ruler")
    ruler.add_patterns(patterns)
    return model, ruler


def test_later_rules_override_earlier_ones_and_the_index_picks_the_token():
    patterns = [
        {"patterns": [[{"LOWER": "gon"}]], "attrs": {"POS": "VERB", "LEMMA": "go"}},
        {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"POS": "AUX"}, "index": 0},
        {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "to"}, "index": -1},
        {"patterns": [[{"LOWER": {"REGEX": "^n[ou]thin'$"}}]], "attrs": {"LEMMA": "nothing"}},
        {"patterns": [[{"LOWER": {"NOT_IN": ["gon", "na"]}, "IS_SPACE": False}]],
         "attrs": {"POS": "X"}},
        {"patterns": [[{"LOWER": {"IN": ["nuthin'", "it"]}}]], "attrs": {"POS": "PRON"}},
    ]  # fmt: skip
    model, ruler = _blank_ruler(patterns)
    compiled = compile_ruler(ruler)
    assert compiled is not None
    text = "Gon na say nuthin' , gon it nothin' gon"
    expected, got = model.make_doc(text), model.make_doc(text)
    ruler(expected)
    compiled(got)
    assert (expected.to_array([POS, LEMMA]) == got.to_array([POS, LEMMA])).all()
    assert [(t.pos_, t.lemma_) for t in got][:4] == [
        ("AUX", "go"), ("", "to"), ("X", ""), ("PRON", "nothing"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    "pattern",
    [
        [{"LOWER": "very", "OP": "+"}],  # an operator
        [{"LOWER": "new"}, {}],  # a wildcard token
        [{"ORTH": "York"}],  # an attribute the compiler does not read
    ],
)
def test_a_ruler_beyond_the_compiler_is_left_as_it_is(pattern):
    model, ruler = _blank_ruler(
        [{"patterns": [[{"LOWER": "the"}]], "attrs": {"POS": "DET"}},
         {"patterns": [pattern], "attrs": {"POS": "PROPN"}}]
    )  # fmt: skip
    assert compile_ruler(ruler) is None
    assert replace_ruler(model) is False
    assert model.pipe_names == ["attribute_ruler"]
