"""Dedup, the day-level steps: the same story published twice is one story (`articles`), and the
reports of one event in several articles share one event id (`events`)."""
