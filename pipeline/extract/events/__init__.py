"""Events: what happened, where, when, who did it to whom; one record per event the text reports.

The modules, in the order an article goes through them:

- `lexicon`: the words (event cues by kind, actors, hedges, places), written once as data, and
  the patterns built from them;
- `detect`: which sentences report an event (a cue not negated, hedged or intended), and what
  each sentence says;
- `codebook`: ACLED's codebook as a decision table: the type from actor1's and actor2's sides
  (ACLED's actor kinds) and the means, and every (type, sub-type) the typing concludes;
- `sides`: the side of a role's phrase (state forces, rebel group, political or identity militia,
  rioters, protesters, civilians) and the means of a passage, read from their words;
- `classify`: an event's type and sub-type: the codebook where the sides decide, else a fixed
  precedence of cues;
- `roles`: who acted and against whom, from the parse; actor1 and actor2 with their kinds;
- `group`: which sentences tell of one event;
- `date` and `place`: when and where;
- `find`: `find_events`, which ties them together, and the `Event` record.
"""
