"""Extract: clean text -> entities, casualty figures and events (the contract's output).

`records` is the one code path behind `pipeline extract` and both DAGs. `entities/`, `figures/`
and `events/` are the three extractions; `numbers`, `dates`, `patterns`, `prefilter`,
`attribute_rules` and `transition_steps` are what they share (number and date reading,
regular-expression machinery, the spaCy model's compiled attribute ruler, its parser and entity
recognizer stepped from Python). Importing this package imports nothing heavy."""
