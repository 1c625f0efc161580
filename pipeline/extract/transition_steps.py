"""The model's parser and entity recognizer stepped from Python: the same parses and entities at
about half their cost.

spaCy runs the steps of a transition-based component (`parser`, `ner`) in a C loop with the
interpreter lock released, but the spaCy build we install (compiled with Cython's profiling
hooks, as spaCy is for Python before 3.12) takes the lock back in each call of the transition
rules inside that loop: a lock round trip for every action checked, every state, every step. It
was most of the recognizer's time (48 of 88 ms of the whole pipeline per bench page, the parser
a third of its 15).

`Stepped` takes the same steps with the lock held: the component's step model scores the states
(`ParserStepModel.predict`: the same precomputed features, sums, maxout and output layer as the
C loop, through the same BLAS), and the component's own `transition_states` checks the actions
and applies the best valid one, as the C loop does. Documents are batched as the stock
`Parser.pipe` batches them (by length, in sub-batches of a quarter of the batch) and annotated by
the component itself, so the results are the stock component's, token for token
(`tests/test_transition_steps.py`). A beam-search component is left to its own `predict`.
"""

from __future__ import annotations

from spacy.util import minibatch

_FACTORY = "stepped_transitions"
STEPPED = ("parser", "ner")


class Stepped:
    """A spaCy pipeline component: the transition-based component `stock`, stepped from Python."""

    def __init__(self, stock):
        self.stock = stock

    def __call__(self, doc):
        self.stock.set_annotations([doc], self.predict([doc]))
        return doc

    def pipe(self, docs, *, batch_size: int = 256):
        """As the stock `Parser.pipe`: batches sorted by length, in sub-batches of a quarter."""
        for batch in minibatch(docs, size=batch_size):
            in_order = list(batch)
            by_length = sorted(in_order, key=len)
            for sub in minibatch(by_length, size=max(batch_size // 4, 2)):
                sub = list(sub)
                self.stock.set_annotations(sub, self.predict(sub))
            yield from in_order

    def predict(self, docs):
        """The final parse states of `docs`, as the stock `predict` returns them."""
        stock = self.stock
        if not any(len(doc) for doc in docs) or stock.cfg["beam_width"] != 1:
            return stock.predict(docs)
        stock._ensure_labels_are_added(docs)  # as the stock greedy parse does first
        steps = stock.model.predict(docs)
        batch = stock.moves.init_batch(docs)
        states = [s for s in batch if not s.is_final()]
        while states:
            states = stock.transition_states(states, steps.predict(states))
        steps.clear_memory()
        return batch


def _stepped(nlp, name: str, stock: str) -> Stepped:
    return Stepped(nlp.get_pipe(stock))


def step_transitions(model) -> list[str]:
    """Swap `model`'s parser and entity recognizer for stepped ones, in place and under their
    own names; returns the names swapped."""
    from spacy.language import Language
    from spacy.pipeline.transition_parser import Parser

    if _FACTORY not in Language.factories:
        Language.factory(_FACTORY, func=_stepped)
    swapped = []
    for name in STEPPED:
        if name not in model.pipe_names or not isinstance(model.get_pipe(name), Parser):
            continue
        model.add_pipe(_FACTORY, name=f"{name}_stepped", after=name, config={"stock": name})
        model.remove_pipe(name)
        model.rename_pipe(f"{name}_stepped", name)
        swapped.append(name)
    return swapped
