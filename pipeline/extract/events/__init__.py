"""Events: what happened, where, when, who did it to whom; one record per event the text reports.

The modules, in the order an article goes through them:

- `lexicon`: the words (event cues by kind, actors, hedges, places), written once as data, and
  the patterns built from them;
- `detect`: which sentences report an event (a cue not negated, hedged or intended), and what
  each sentence says;
- `classify`: an event's type and sub-type, by a fixed precedence;
- `roles`: who acted and against whom, from the parse; actor1 and actor2 with their kinds;
- `group`: which sentences tell of one event;
- `date` and `place`: when and where;
- `find`: `find_events`, which ties them together, and the `Event` record.
"""
