"""Casualty figures: every stated number of killed, injured, missing, displaced, ... with its
evidence (`find`)."""
