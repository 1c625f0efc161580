"""Casualty figures: every stated number of killed, injured, missing, displaced, ... with its
evidence (`find`). One module per concern: `lexicon` (every word, written once), `rules` (the
patterns built from it), `counts` (numbers in context), `sentence` (the passes over one
sentence), `scope` (scope, as_of, source), `reconcile` (updates, parts of totals, the shot),
`figure` (the record)."""
