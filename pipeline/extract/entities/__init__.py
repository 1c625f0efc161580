"""Entities: `resolve` (one canonical entity per real-world thing in a document), `places`
(names and demonyms -> countries, the gazetteer), `actors` (generic groups: "unidentified
gunmen", "Turkish forces")."""
