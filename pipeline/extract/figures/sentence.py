"""The figures of one sentence, found by named passes that each propose candidates.

The passes over the counts: each count takes the cue after it ("12 [people were killed]") or
else the cue before it ("[killing] 12"); a count without one shares the next count's cue when
joined to it ("12 militants and 3 soldiers were killed"), or the previous one's when it updates
it ("rose from 12 to 15"). Then the passes for victims told without a count, in this order:
people the text names, one victim ("a farmer was shot dead"), one person hurt, and explicit
zeros ("no one was killed"). A victim told without a count whose words overlap a figure found
before is the same victim told twice, and is not added. Each pattern is searched only where
`prefilter` shows it can match.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cached_property

from pipeline.extract import prefilter
from pipeline.extract.figures import lexicon as L
from pipeline.extract.figures import rules as R
from pipeline.extract.figures.counts import Count, counts_in, search_before
from pipeline.extract.figures.figure import Figure
from pipeline.extract.figures.scope import Context, context_of
from pipeline.extract.figures.victims import NOTHING, Reading, Victims, read_victims
from pipeline.extract.patterns import folded
from pipeline.vocabulary import FigureCategory as C
from pipeline.vocabulary import Qualifier, Scope


@dataclass(frozen=True)
class Cue:
    """What a count counts: the category, the victims as written, where the cue's words end."""

    category: C
    who: str | None
    end: int
    hit: bool = False  # "were shot": hit by gunfire, fate unstated


@dataclass(frozen=True)
class Candidate:
    """A figure of one sentence before the sentence's scope, "as of" date and source are added."""

    category: C
    best: int
    low: int | None
    high: int | None
    qualifier: Qualifier
    who: str | None
    span: tuple[int, int]
    update: bool = False
    hit: bool = False
    part: bool = False
    incident: bool = False  # a report of nobody is about the incident, whatever the sentence says
    at: int | None = None  # where its count starts, for a figure read from a count

    @staticmethod
    def one(category: C, n: int, who: str | None, span: tuple[int, int], hit=False) -> Candidate:
        """n victims told without a count ("a farmer", "Jason Kimble and Ann Reed")."""
        return Candidate(category, n, n, n, Qualifier.EXACT, who, span, hit=hit)


class Sentence:
    """One sentence of the text, at `offset`, with what its passes share."""

    def __init__(self, text: str, offset: int, published: str | None):
        self.text, self.offset, self.published = text, offset, published
        self.lowered = prefilter.lowered(text)
        self._cues_before: dict[int, re.Match | None] = {}

    @cached_property
    def context(self) -> Context:  # read once, when the sentence has a figure
        return context_of(self.text, self.published)

    def finditer(self, rx: re.Pattern) -> Iterator[re.Match]:
        """`rx.finditer(text)`, nothing when `prefilter` shows `rx` cannot match."""
        if prefilter.may_match(rx, self.lowered):
            return rx.finditer(self.text)
        return iter(())

    def span(self, m: re.Match, group: int | str = 0) -> tuple[int, int]:
        return m.start(group) + self.offset, m.end(group) + self.offset

    def cue_before(self, end: int) -> re.Match | None:
        """The cue that ends just before `end` ("killing 12"), searched once per place."""
        if end not in self._cues_before:
            self._cues_before[end] = search_before(R.CUE_BEFORE, self.text, end)
        return self._cues_before[end]

    def figure(self, c: Candidate) -> Figure:
        ctx = self.context
        scope = Scope.INCIDENT if c.incident else ctx.scope
        source = ctx.source_at(c.span[0] - self.offset)
        return Figure(c.category, c.best, c.low, c.high, c.qualifier, c.who, scope, ctx.as_of,
                      source, c.span, update=c.update, hit=c.hit, part=c.part,
                      counted_at=c.at)  # fmt: skip


def sentence_figures(
    text: str,
    offset: int,
    excluded: list[tuple[int, int]],
    published: str | None,
    persons: list[tuple[int, int]],
    tokens=None,
) -> list[Figure]:
    """The figures of the sentence `text`, which starts at `offset`, in the order of their spans.
    `tokens` are its words in the parsed Doc, when there is one: the victims read over the
    parse (`victims`) join those of the passes."""
    s = Sentence(text, offset, published)
    counts = counts_in(text, offset, excluded)
    reading = read_victims(tokens, counts, persons) if tokens is not None else NOTHING
    if not counts and not reading.victims and not prefilter.may_match_any(_UNCOUNTED, s.lowered):
        return []  # most sentences hold no number and none of the victims' words
    out = list(counted(s, counts))
    for candidates in (
        named_victims(s, persons),
        named_hurt(s, persons),
        single_victims(s),
        hurt_one(s),
    ):
        for c in candidates:
            add_unless_overlapping(out, c)
    out = with_parse(s, out, reading)
    out.extend(zeros(s))
    return sorted((s.figure(c) for c in out), key=lambda f: f.span)


def add_unless_overlapping(out: list[Candidate], c: Candidate) -> None:
    """Add `c` unless its words overlap those of a figure already found: a victim told without a
    count next to a count or another telling is the same victim."""
    start, end = c.span
    if not any(f.span[0] < end and start < f.span[1] for f in out):
        out.append(c)


# --- the victims read over the parse ------------------------------------------------------------


def with_parse(s: Sentence, found: list[Candidate], reading: Reading) -> list[Candidate]:
    """The passes' figures and the parse's, as one: a count the parse shows to be a part of a
    counted group or a doer's is no figure; a count the parse reads as the patient of a
    predicate takes that predicate's category and the whole coordinated phrase as its words
    ("nine refugees were killed" is a killing, not a count of the displaced); a group of
    victims the passes missed is added (unless a number alone names it), replacing a victim
    told without a count inside it; and people named one by one replace a figure of the
    passes that counts fewer of them."""
    refuted = reading.refuted
    if not reading.victims and not refuted:
        return found
    kept = [c for c in found if c.at is None or c.at not in refuted]
    added: list[Candidate] = []
    for v in reading.victims:
        if v.count is not None:
            same = [c for c in kept if c.at == v.count.start]
            kept = [c for c in kept if c not in same]
            if same:
                added += [_as_parsed(c, v) for c in same]
            elif not v.bare:  # "one was burnt alive" may be one of a group counted before
                kept = [c for c in kept if c.at is not None or not _overlaps(c.span, v.span)]
                added.append(_from_parse(s, v))
            continue
        covering = [c for c in kept if any(c.span[0] <= m < c.span[1] for m in v.members)]
        if v.bare and not covering:
            continue
        if any(c.at is not None or c.best == 0 for c in covering):
            continue  # counted there, or said to be nobody ("neither the driver nor ...")
        if sum(c.best for c in covering) < v.n:
            kept = [c for c in kept if c not in covering]
            added.append(_from_parse(s, v))
    return kept + added


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _as_parsed(c: Candidate, v: Victims) -> Candidate:
    """A figure of the passes whose count the parse reads too: its words to the end of the
    coordinated phrase, so that the groups of one predicate stay one unit
    (`reconcile.resolve_totals`); the parse's category when the passes read a status the
    victims' noun names ("nine refugees were killed" is a killing), a hit the parse shows
    fatal ("were shot and killed"), or the cue of a predicate beyond the count's own ("19
    chiefs died and 2 were wounded": 19 died)."""
    span = (min(c.span[0], v.span[0]), max(c.span[1], v.span[1]))
    status = c.category in L.STATUS_CATEGORIES and v.category != c.category
    # the passes took the cue of a later predicate: "19 chiefs died and 2 were wounded"
    nearer = c.span[0] <= v.span[0] and v.span[1] < c.span[1] and v.category != c.category
    fatal = c.hit and v.category == C.KILLED and not v.hit
    # the passes read the participle that describes them: "two injured soldiers died" died
    # (a death only: "one wounded fighter was arrested" stays wounded)
    described = v.described and v.category == C.KILLED != c.category
    if c.update or not (status or fatal or nearer or described):
        return replace(c, span=span)
    return replace(c, category=v.category, hit=v.hit, span=span, who=v.who or c.who)


def _from_parse(s: Sentence, v: Victims) -> Candidate:
    if v.count is None:  # told one by one, perhaps some of a group counted elsewhere
        # where the first is named: never the same count as a group of its predicate
        one = Candidate.one(v.category, v.n, v.who, v.span, hit=v.hit)
        return replace(one, part=True, at=v.members[0])
    n = v.count
    best, low, high = n.bounds()
    # "one victim sustained critical injuries": one of a group, like a victim told alone
    part = bool(R.PART_OF.match(s.text, n.end - s.offset)) or high == 1
    return Candidate(v.category, best, low, high, n.qualifier, v.who, v.span, hit=v.hit,
                     part=part, at=n.start)  # fmt: skip


# --- the passes over the counts -------------------------------------------------------------------


def counted(s: Sentence, counts: list[Count]) -> Iterator[Candidate]:
    """A figure for each count with a cue, in the order of the counts."""
    cues = [cue_of(s, n) for n in counts]
    share_joined_cues(s, counts, cues)
    carry_updated_cues(s, counts, cues)
    for n, cue in zip(counts, cues, strict=True):
        if cue is not None:
            c = _counted(s, n, cue)
            if c is not None:
                yield c


def cue_of(s: Sentence, n: Count) -> Cue | None:
    """The cue after the count, else the one before it; None when the count counts no victims
    ("two gunmen killed a man" counts the agents, "300 cattle" no people)."""
    rest = s.text[n.end - s.offset :]
    right = R.CUE_AFTER.match(rest[:120])
    if (
        right
        and right.group("who").strip()
        and R.first_group(right, L.CUES_AFTER) in L.ACTIVE_CUES
        and R.OBJECT_AFTER.match(rest[right.end() :])
    ):
        right = None  # "two armed men ... shot and killed a man": the number did the killing
    if right:
        category = R.first_group(right, L.CUES_AFTER)
        who = right.group("who").strip() or None
        if who and n.low > 1 and R.SINGULAR_END.search(who):
            return None  # "52 Fresno County Jail officer wounded": not a count of 52
        if who and R.NOT_PEOPLE.search(who):
            return None
        hit = category == C.INJURED and right.group(C.INJURED).lower().startswith("shot")
        return Cue(category, who, n.end + right.end(), hit)
    left = s.cue_before(n.qual_start - s.offset)
    if left:
        who_m = R.WHO_AFTER.match(rest)
        who = who_m.group(1).strip() if who_m else None
        if who and R.NOT_PEOPLE.search(who):
            return None
        return Cue(R.first_group(left, L.CUES_BEFORE), who, n.end + (who_m.end() if who_m else 0))
    return None


def share_joined_cues(s: Sentence, counts: list[Count], cues: list[Cue | None]) -> None:
    """ "12 militants and 3 soldiers were killed": a count joined by "and" shares the next cue."""
    off = s.offset
    for i in range(len(counts) - 2, -1, -1):
        j = i + 1  # the next count outside an aside ("4 people (including 1 journalist) and")
        while j < len(counts) - 1:
            gap = s.text[counts[i].end - off : counts[j].start - off]
            if gap.count("(") <= gap.count(")"):
                break
            j += 1
        joined = cues[j]
        if cues[i] is None and joined is not None:
            between = s.text[counts[i].end - off : counts[j].qual_start - off]
            if R.JOINED.fullmatch(between):
                who = R.JOIN_TAIL.sub("", between).strip(" ,")
                cues[i] = replace(joined, who=who or None)


def carry_updated_cues(s: Sentence, counts: list[Count], cues: list[Cue | None]) -> None:
    """ "rose from 12 to 15": 15 is the same count as 12, updated, and takes its cue."""
    off = s.offset
    for i in range(1, len(counts)):
        if cues[i] is not None or cues[i - 1] is None:
            continue
        between = s.text[counts[i - 1].end - off : counts[i].qual_start - off]
        if R.TO.fullmatch(between) and search_before(
            R.FROM_UPDATE, s.text, counts[i - 1].qual_start - off
        ):
            cues[i] = cues[i - 1]


def _counted(s: Sentence, n: Count, cue: Cue) -> Candidate | None:
    """The figure a count and its cue state; None for a bare 0 ("0" alone is no report;
    "revised the toll to 0", "coded as 0" is one)."""
    qual_start = n.qual_start - s.offset
    update = bool(R.UPDATE.search(s.text[max(0, qual_start - 40) : qual_start]))
    if update and R.told_otherwise(s.text, qual_start):
        update = False  # "while residents put the toll at 30": another account, not a later one
    if n.low == 0 and not update:
        return None
    end = cue.end
    as_of_m = s.context.as_of_match
    if as_of_m and 0 <= as_of_m.start() + s.offset - cue.end <= 2:
        end = as_of_m.end() + s.offset  # "12 killed as of June"
    left = s.cue_before(qual_start)
    start = min(n.qual_start, left.start() + s.offset if left else n.qual_start)
    best, low, high = n.bounds()
    part = bool(R.PART_OF.match(s.text, n.end - s.offset))
    return Candidate(cue.category, best, low, high, n.qualifier, clean_who(cue.who),
                     (start, end), update=update, hit=cue.hit, part=part, at=n.start)  # fmt: skip


def clean_who(who: str | None) -> str | None:
    """The victim group as written, without the verbs and adverbs that followed it:
    "civilians were reportedly" -> "civilians"; "people" alone says nothing -> None."""
    if not who:
        return None
    if R.ONLY_PEOPLE.fullmatch(who.strip()):
        return None
    cleaned = R.WHO_STOP.sub("", who).strip(" ,")
    return cleaned or None


# --- victims told without a count -----------------------------------------------------------------


def _named(s: Sentence, m: re.Match, groups: list[str], persons: list[tuple[int, int]]) -> bool:
    """Whether each of the named groups of `m` is a name the entity stage calls a person."""
    return all(
        any(ps <= ws and we <= pe for ps, pe in persons)
        for ws, we in (s.span(m, g) for g in groups)
    )


def named_victims(s: Sentence, persons: list[tuple[int, int]]) -> Iterator[Candidate]:
    """A person the text names was killed: "Timothy Agnew was killed" is a count of one."""
    for m in s.finditer(R.NAMED_VICTIM):
        who = "who" if m.group("who") else "who2"
        if _named(s, m, [who], persons):
            yield Candidate.one(C.KILLED, 1, m.group(who), s.span(m))


def named_hurt(s: Sentence, persons: list[tuple[int, int]]) -> Iterator[Candidate]:
    """People the text names were hurt: one for each name."""
    for m in s.finditer(R.NAMED_HURT):
        names = [g for g in ("who", "who2") if m.group(g)]
        if _named(s, m, names, persons):
            who = " and ".join(m.group(g) for g in names)
            yield Candidate.one(C.INJURED, len(names), who, s.span(m))


# one victim told without a count, explicit active killings first ("shot dead a shopkeeper
# were arrested" is a killing)
_SINGLES = (
    R.KILLED_ONE, R.SINGLE_VICTIM, R.BODY_OF, R.DEATH_OF, R.PRONOUNCED, R.BARE_VICTIM, R.HE_DIED,
)  # fmt: skip


def single_victims(s: Sentence) -> Iterator[Candidate]:
    """One victim (two for "a woman and her son"), killed unless the cue says otherwise; none
    for "neither the driver nor the passenger was hurt"."""
    for rx in _SINGLES:
        for m in s.finditer(rx):
            category = R.first_group(m, L.CUES_AFTER) if rx is R.SINGLE_VICTIM else C.KILLED
            groups = m.groupdict()
            who = next(groups[g] for g in ("who", "who2", "who3") if groups.get(g)).strip()
            cue = groups.get("cue") or ""
            hit = category == C.INJURED and cue.lower().startswith("shot")
            n = 2 if groups.get("pair") else 1  # "killing a woman and her son"
            if rx is R.SINGLE_VICTIM and R.NEGATED_SUBJECT.search(
                s.text, max(0, m.start() - 80), m.start()
            ):
                n, hit = 0, False  # "neither the driver nor the passenger was hurt": nobody was
            yield Candidate.one(category, n, who, s.span(m), hit=hit)


# every pattern of a victim told without a count
_UNCOUNTED = (R.NAMED_VICTIM, R.NAMED_HURT, *_SINGLES, R.HURT_ONE, R.ZERO)
_HURT_WHO = ("who", "who2", "who3", "who4", "who5", "who6", "who8")


def hurt_one(s: Sentence) -> Iterator[Candidate]:
    """One person hurt: "injuring a 4-year-old", "she remains in critical condition"."""
    for m in s.finditer(R.HURT_ONE):
        who = next((m.group(g) for g in _HURT_WHO if m.group(g)), "another")
        cue = m.group("cue") or m.group("cue5") or ""
        how = (m.group("how2") or "") + (m.group("how6") or "")
        # shot, or a gunshot wound of unstated gravity: the victim may be among the dead
        hit = cue.lower() == "shot" or (
            bool(m.group("who6") or m.group("how2")) and not R.MINOR_WOUND.search(how)
        )
        yield Candidate.one(C.INJURED, 1, who.strip(), s.span(m), hit=hit)


def zeros(s: Sentence) -> Iterator[Candidate]:
    """ "no one was killed", "neither injuries nor fatalities": a figure of 0 for each category
    named, about the incident."""
    for m in s.finditer(R.ZERO):
        words = [m.group(g) for g in ("a", "b", "b2", "c", "c2") if m.group(g)]
        for category in dict.fromkeys(L.NOBODY_WORDS[folded(w)] for w in words):
            yield replace(Candidate.one(category, 0, None, s.span(m)), incident=True)
