"""What a pass is (the package docstring), pass rates per family, and the failures grouped by
template and by what was predicted."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from tools.type_probes.cases import FAMILIES, Probe, records


@dataclass(frozen=True)
class Result:
    probe: Probe
    type: str | None  # the first event's, None for no event
    sub_type: str | None

    @property
    def passed(self) -> bool:
        return self.type == self.probe.type

    @property
    def sub_passed(self) -> bool:
        return self.passed and self.sub_type == self.probe.sub_type


def results(probes: list[Probe], outputs) -> list[Result]:
    out = []
    for probe, o in zip(probes, outputs, strict=True):
        events = o.get("events") or []
        first = events[0] if events else {}
        out.append(Result(probe, first.get("type"), first.get("sub_type")))
    return out


def rates(res: list[Result]) -> dict[str, tuple[int, int]]:
    """(passed, cases) per family, in the families' order."""
    by_family: dict[str, list[bool]] = {name: [] for name in FAMILIES}
    for r in res:
        by_family[r.probe.family].append(r.passed)
    return {f: (sum(v), len(v)) for f, v in by_family.items() if v}


def report(res: list[Result], failures: int = 2) -> str:
    lines = []
    subs: dict[str, list[bool]] = defaultdict(list)
    for r in res:
        if r.probe.sub_type:
            subs[r.probe.family].append(r.sub_passed)
    for f, (p, n) in rates(res).items():
        s = subs.get(f)
        extra = f"   sub-type {sum(s)}/{len(s)}" if s else ""
        lines.append(f"{f:22} {p:5}/{n:<5} {p / n:6.1%}{extra}")
    ok = sum(r.passed for r in res)
    lines.append(f"{'overall':22} {ok:5}/{len(res):<5} {ok / max(1, len(res)):6.1%}")
    if failures:
        groups: dict[tuple[str, str], list[Result]] = defaultdict(list)
        for r in res:
            if not r.passed:
                groups[(r.probe.template, str(r.type))].append(r)
        lines.append("")
        for (template, got), items in sorted(groups.items(), key=lambda kv: -len(kv[1])):
            lines.append(f"{len(items):4}  {template}: want {items[0].probe.type}, got {got}")
            for r in items[:failures]:
                lines.append(f"        {r.probe.text}  [{r.sub_type}]")
    return "\n".join(lines)


def run(probes: list[Probe]) -> list[Result]:
    """The probes through the production extraction, in process."""
    from pipeline.extract.records import extract_records

    return results(probes, extract_records(records(probes)))
