"""Entities: `resolve.find_entities` gives one canonical entity per real-world thing in a document.

Its steps, one module each and in the order the data goes: `mentions` (the model's, cut to the
name), `missed_places` and `missed_names` (what the model missed), `grouping` (which mentions are
one entity), `vote` (the type, name and country of each), `countries` (settled by the whole
document); `entity` is what they give. `lexicon` holds every word the rules read, `places` the
gazetteer (names and demonyms -> countries), `actors` the generic groups ("unidentified gunmen",
"Turkish forces") and acronyms.
"""
