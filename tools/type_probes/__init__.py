"""Behavioural probes for event types (issue 20): one- and two-sentence reports generated from
templates x open lists of actors of each ACLED kind (state forces, rebel groups named on several
continents and invented, identity militias, unidentified gunmen, party workers and supporters,
mobs, villagers, demonstrators, civilians) x means (gunfire, machetes, sticks, stones, arson,
airstrike, shelling, IED, grenade, suicide bomb, march, sit-in, strike) x phrasings (active,
passive, "clashes between X and Y", "X were attacked by Y"), each with the ACLED type and
sub-type the codebook gives it, plus texts that report no event.

    python -m tools.type_probes [--family NAME] [--sample N] [--failures K]

A case passes when the output's first event has the case's type (a case of no event: when the
output has no event); `sub_type` is reported apart, over the cases that name one.
"""

from tools.type_probes.cases import FAMILIES, Probe, all_probes, records, sample
from tools.type_probes.score import Result, rates, report, run

__all__ = [
    "FAMILIES", "Probe", "Result", "all_probes", "rates", "records", "report", "run", "sample",
]  # fmt: skip
