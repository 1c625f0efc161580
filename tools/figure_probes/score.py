"""What a pass is, and the numbers of a run: pass rates per family, consistency of the
invariance groups, cases relevance judged `none`, and the failures grouped by template and kind.
The rule itself is in the package docstring."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from tools.figure_probes.families import FAMILIES, Probe, records


def observed(out: dict) -> dict[str, int]:
    """The sum of `best` per category over the output's incident figures."""
    sums: dict[str, int] = defaultdict(int)
    for f in out.get("figures") or []:
        if f.get("scope") == "incident":
            sums[str(f["category"])] += int(f["best"])
    return dict(sums)


def failure(probe: Probe, out: dict) -> str | None:
    """None when the output states what the case does, else what went wrong, in words:
    "dropped (relevance none)", "no figure", "killed 6 for 4", "extra injured 2", ...
    (see the module docstring)."""
    if out.get("status") != "ok":
        return f"rejected ({out.get('reason')})"
    expected = dict(probe.expected)
    got = observed(out)
    wrong = [
        (c, got.get(c, 0), expected.get(c, 0))
        for c in sorted(set(got) | set(expected))
        if got.get(c, 0) != expected.get(c, 0)
    ]
    cumulative = any(f.get("scope") != "incident" for f in out.get("figures") or [])
    if not wrong and not cumulative:
        return None
    if cumulative:
        return "running total"
    if any(expected.values()) and not any(got.values()):
        return "dropped (relevance none)" if out.get("relevance") == "none" else "no figure"
    words_ = []
    for c, g, e in wrong:
        if e == 0:
            words_.append(f"extra {c} {g}")
        elif g == 0:
            words_.append(f"no {c} (want {e})")
        else:
            words_.append(f"{c} {g} for {e}")
    return "; ".join(words_)


def failure_kind(reason: str) -> str:
    """A failure's reason without its numbers: "killed 6 for 4" -> "killed too many"."""
    kinds = []
    for part in reason.split("; "):
        bits = part.split()
        if len(bits) == 4 and bits[2] == "for":
            kinds.append(f"{bits[0]} too {'many' if int(bits[1]) > int(bits[3]) else 'few'}")
        elif bits[0] in ("extra", "no") and len(bits) >= 2 and bits[1] != "figure":
            kinds.append(f"{bits[0]} {bits[1]}")
        else:
            kinds.append(part)
    return "; ".join(kinds)


@dataclass(frozen=True)
class Result:
    probe: Probe
    reason: str | None  # None: passed
    relevance: str | None
    figures: tuple[str, ...]  # "killed 4 (exact) civilians" for each figure, to show a failure

    @property
    def passed(self) -> bool:
        return self.reason is None


def results(probes: list[Probe], outputs: Iterable[dict]) -> list[Result]:
    out = []
    for probe, o in zip(probes, outputs, strict=True):
        figures = tuple(
            f"{f['category']} {f['best']} ({f['qualifier']}, {f['scope']}) {f.get('who') or '-'}"
            for f in o.get("figures") or []
        )
        out.append(Result(probe, failure(probe, o), o.get("relevance"), figures))
    return out


def rates(res: list[Result]) -> dict[str, tuple[int, int]]:
    """(passed, cases) per family, in the families' order."""
    by_family: dict[str, list[bool]] = {name: [] for name in FAMILIES}
    for r in res:
        by_family[r.probe.family].append(r.passed)
    return {f: (sum(v), len(v)) for f, v in by_family.items() if v}


def consistency(res: list[Result]) -> dict[str, tuple[int, int]]:
    """(groups whose variants all pass or all fail, groups) per invariance family."""
    groups: dict[str, dict[str, set[bool]]] = defaultdict(lambda: defaultdict(set))
    for r in res:
        if r.probe.group:
            groups[r.probe.family][r.probe.group].add(r.passed)
    return {f: (sum(len(v) == 1 for v in g.values()), len(g)) for f, g in groups.items()}


def relevance_dropped(res: list[Result]) -> dict[str, tuple[int, int]]:
    """(cases judged `none`, cases) per family, over the cases that expect a figure."""
    out: dict[str, list[bool]] = defaultdict(list)
    for r in res:
        if any(v for _, v in r.probe.expected):
            out[r.probe.family].append(r.relevance == "none")
    return {f: (sum(v), len(v)) for f, v in out.items()}


def failure_classes(res: list[Result]) -> list[tuple[tuple[str, str], list[Result]]]:
    """The failures grouped by (template, kind of error), largest first."""
    groups: dict[tuple[str, str], list[Result]] = defaultdict(list)
    for r in res:
        if r.reason:
            groups[(r.probe.template, failure_kind(r.reason))].append(r)
    return sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))


def summary(res: list[Result]) -> dict:
    """Every number of a run, as `make eval` writes it to summary.json."""
    ok = sum(r.passed for r in res)
    kinds = Counter(failure_kind(r.reason) for r in res if r.reason)
    return {
        "cases": len(res),
        "passed": ok,
        "pass_rate": round(ok / len(res), 4) if res else None,
        "families": {
            f: {"passed": p, "cases": n, "pass_rate": round(p / n, 4)}
            for f, (p, n) in rates(res).items()
        },
        "consistency": {
            f: {"consistent_groups": c, "groups": n, "rate": round(c / n, 4)}
            for f, (c, n) in consistency(res).items()
        },
        "relevance_none": {
            f: {"cases": d, "of": n} for f, (d, n) in relevance_dropped(res).items() if d
        },
        "failure_kinds": dict(kinds.most_common()),
    }


def report(res: list[Result], failures: int = 2) -> str:
    """Per-family pass rates, then the failure classes with `failures` examples each."""
    lines = []
    cons = consistency(res)
    for f, (p, n) in rates(res).items():
        extra = f"   consistent groups {cons[f][0]}/{cons[f][1]}" if f in cons else ""
        lines.append(f"{f:22} {p:5}/{n:<5} {p / n:6.1%}{extra}")
    ok = sum(r.passed for r in res)
    lines.append(f"{'overall':22} {ok:5}/{len(res):<5} {ok / max(1, len(res)):6.1%}")
    if failures:
        lines.append("")
        for (template, kind), items in failure_classes(res):
            lines.append(f"{len(items):4}  {template}: {kind}")
            for r in items[:failures]:
                lines.append(f"        {r.probe.text}")
                lines.append(f"          want {dict(r.probe.expected)}; got {list(r.figures)}"
                             f" [{r.relevance}]")  # fmt: skip
    return "\n".join(lines)


def run(probes: list[Probe]) -> list[Result]:
    """The probes through the production extraction, in process."""
    from pipeline.extract.records import extract_records

    return results(probes, extract_records(records(probes)))
