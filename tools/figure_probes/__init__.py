"""Behavioural probes for casualty figures (issue 19), in the spirit of CheckList: one- and
two-sentence news reports generated from templates x open word lists written for this suite (no
evaluation text), each with the figures it states.

    python -m tools.figure_probes [--family NAME] [--sample N] [--failures K]

runs the probes through the production extraction in process and prints the pass rate per
family and the failures grouped by what went wrong. `make eval` runs all of them as the set
`figprobes` (`tools/evaluate.py`); `make test` runs a fixed sample of them
(`tests/test_figure_probes.py`) and holds each family to the rate it reached.

What a case is: a text (one or two sentences with a date and a place, so that relevance judges
it an incident) and the counts it states per category, e.g. "Four people, including two
policemen, were shot dead in Quetta on Monday, police said." -> killed 4.

When a case passes (`failure`): for every category, the sum of `best` over the output's
incident figures of that category equals the expected count, where a category the case does
not name is expected at 0. So
- parts are not added: "Four people, including two policemen" gives killed 4, not 4 + 2;
- coordinated victims add up: "a soldier and two militants" may be one figure of 3 or figures
  of 1 and 2 (the marts sum an article's incident figures per category, so both read 3);
- an expected 0 ("no one was killed") passes with a figure of 0 or with no figure;
- every category counts, arrested and casualties included: a figure the text does not state
  (the gunmen counted as victims, "300 cattle" as people) fails the case;
- no case states a running total, so any figure of scope `cumulative` fails it;
- a case whose text relevance judges `none` has no figures, and fails unless it expects none.
The comparison is on (category, best) only: `best` follows the README's convention (the low
end of a range, the number after "at least", "more than", "nearly", "about"; "dozens" 12).

Invariance families (`inv_*`) hold groups of variants of one case that differ only in a name,
a place or the number; besides the pass rate, `consistency` is the share of groups whose
variants all pass or all fail.
"""

from tools.figure_probes.families import FAMILIES, Probe, all_probes, records, sample
from tools.figure_probes.score import Result, failure, report, results, run, summary

__all__ = [
    "FAMILIES", "Probe", "Result", "all_probes", "failure", "records", "report", "results",
    "run", "sample", "summary",
]  # fmt: skip
