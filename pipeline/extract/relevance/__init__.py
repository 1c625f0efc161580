"""Relevance: does an article report an incident (conflict, disaster, diplomacy) or none?

`reading` reads each sentence for incidents reported as having happened, in the literal sense
of their words; `judge` decides the article's relevance and lets through only the events and
figures of incidents."""
