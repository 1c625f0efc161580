"""A generated news corpus for `make bench`: any number of article pages of realistic length,
made from templates and word lists written for this project (no real article, no evaluation
text), the same for the same seed.

Each page is a whole news page: head with meta tags and JSON-LD, navigation, the article
(headline, byline, date, 8-14 paragraphs, about 400-800 words), related links, a footer and a
script block, so cleaning does the work it does on a real site. The articles mix casualty
reports, statements and background, so extraction finds entities, figures and events.

`records` yields the pages, `text_records` short clean briefs; `write_archive` writes either to
a JSONL(.gz) archive, the input of a backfill or of `pipeline extract`.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import random
from collections.abc import Iterator
from pathlib import Path

_NAMES = [
    "Amara",
    "Okafor",
    "Lukas",
    "Brenner",
    "Sofia",
    "Marchetti",
    "Tomas",
    "Varga",
    "Leila",
    "Haddad",
    "Jonah",
    "Whitfield",
    "Mei",
    "Tanaka",
    "Rafael",
    "Quintero",
    "Ingrid",
    "Solberg",
    "Dmitri",
    "Volkov",
    "Aisha",
    "Bello",
    "Pieter",
    "Janssen",
    "Nadia",
    "Rahimi",
    "Kofi",
    "Mensah",
    "Elena",
    "Petrova",
    "Samuel",
    "Odhiambo",
    "Hana",
    "Novak",
    "Idris",
    "Kamara",
    "Clara",
    "Dufresne",
    "Omar",
    "Siddiqui",
]
FIRST, LAST = _NAMES[0::2], _NAMES[1::2]
PLACES = (
    ("Kaduna", "Nigeria"), ("Mosul", "Iraq"), ("Goma", "Democratic Republic of Congo"),
    ("Kharkiv", "Ukraine"), ("Timbuktu", "Mali"), ("Kandahar", "Afghanistan"),
    ("Aleppo", "Syria"), ("Beledweyne", "Somalia"), ("Ouagadougou", "Burkina Faso"),
    ("Marawi", "Philippines"), ("Juba", "South Sudan"), ("Cabo Delgado", "Mozambique"),
    ("Taiz", "Yemen"), ("Maiduguri", "Nigeria"), ("Bunia", "Democratic Republic of Congo"),
    ("Quetta", "Pakistan"), ("El Fasher", "Sudan"), ("Tillaberi", "Niger"),
)  # fmt: skip
GROUPS = (
    "gunmen",
    "armed men",
    "militants",
    "suspected insurgents",
    "a group of attackers",
    "fighters of a local militia",
    "unidentified assailants",
)
TARGETS = (
    "a market",
    "a village",
    "a police station",
    "an army checkpoint",
    "a bus station",
    "a camp for displaced families",
    "a school",
    "a convoy of trucks",
)
OFFICIALS = (
    "a police spokesman",
    "the regional governor",
    "a local official",
    "an army spokeswoman",
    "a hospital director",
    "the interior ministry",
    "a community leader",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
NUMBER_WORDS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozens of")
TOPICS = ("Politics", "World", "Business", "Health", "Science", "Sport", "Culture", "Opinion")

INCIDENT = (
    "At least {n} people were killed when {group} attacked {target} in {city} on {weekday}, "
    "{official} said.",
    "{official_cap} said {n} civilians died and {m} others were wounded in the attack on "
    "{target} near {city}.",
    "The death toll from {weekday}'s assault on {target} in {city} rose to {n}, according to "
    "{official}.",
    "{nw} soldiers were killed and {m} were injured when {group} ambushed {target} outside {city}.",
    "Residents of {city} said {group} set fire to {target} and abducted {m} people before "
    "dawn on {weekday}.",
)
STATEMENT = (
    "\u201cWe have sent reinforcements to the area and the situation is now under control,\u201d "
    "{person} told reporters in {capital}.",
    "{person}, who leads a relief group in {city}, said {m} families had fled their homes since "
    "the start of the month.",
    "The government condemned the attack and promised an investigation, {person} said in a "
    "statement on {weekday}.",
    "No group has claimed responsibility, but {person} said the attack bore the marks of earlier "
    "raids in the region.",
    "{person} said the wounded were taken to the main hospital in {city}, where {m} remained in "
    "serious condition.",
)
BACKGROUND = (
    "Violence in the region has displaced more than {big} people over the past {years} years, "
    "according to aid agencies.",
    "The area has seen repeated attacks on {target_plural} since the security forces withdrew "
    "from several towns last year.",
    "Farmers in the district say they can no longer reach their fields, and prices in the local "
    "markets have risen by a third.",
    "Regional leaders are due to meet in {capital} next month to discuss a joint security plan "
    "and funding for reconstruction.",
    "Aid workers said roads into {city} were cut for {m} days after the rains, delaying "
    "deliveries of food and medicine.",
    "The national statistics office estimated that the conflict had cost the economy about {big} "
    "jobs since it began.",
    "Schools in the area reopened only in {month}, after teachers returned under a new "
    "agreement with the authorities.",
    "Local radio stations reported that many shops stayed closed on {weekday} as residents "
    "waited for news of relatives.",
)
FILLER = (
    "The council also approved a budget of {big} for new water pipes, a spokesman for the mayor "
    "said.",
    "Traffic on the main road into {city} was diverted for several hours while engineers "
    "repaired a bridge.",
    "A football match planned for {weekday} was postponed, the organisers said, without giving "
    "a new date.",
    "Officials said the census, the first in {years} years, would be completed before the end "
    "of {month}.",
    "Several hundred people gathered in the central square of {city} to mark the anniversary of "
    "the town's founding.",
)
MONTHS = ("January", "March", "April", "June", "September", "October", "November")


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _fill(rng: random.Random, template: str, city: str, capital: str) -> str:
    official = rng.choice(OFFICIALS)
    return template.format(
        n=rng.randint(3, 120), m=rng.randint(2, 60), big=f"{rng.randint(2, 900) * 1000:,}",
        nw=rng.choice(NUMBER_WORDS).capitalize(), group=rng.choice(GROUPS),
        target=rng.choice(TARGETS), target_plural=rng.choice(TARGETS).split(" ", 1)[1] + "s",
        city=city, capital=capital, weekday=rng.choice(WEEKDAYS), official=official,
        official_cap=official[0].upper() + official[1:], person=_person(rng),
        years=rng.randint(2, 15), month=rng.choice(MONTHS),
    )  # fmt: skip


def article(
    rng: random.Random, more_paragraphs: tuple[int, int] = (7, 13)
) -> tuple[str, list[str], str]:
    """(headline, paragraphs, byline) of one invented news story: a lead paragraph and
    `more_paragraphs` (a range) more."""
    city, country = rng.choice(PLACES)
    capital = rng.choice(PLACES)[0]
    kind = rng.random()
    headline = (
        f"Attack on {rng.choice(TARGETS).split(' ', 1)[1]} in {city} leaves dozens dead"
        if kind < 0.6
        else f"{country}: officials in {city} announce new plans as tensions ease"
    )
    paragraphs = [
        f"{city.upper()}, {country} \u2014 " + _fill(rng, rng.choice(INCIDENT), city, capital)
    ]
    for _ in range(rng.randint(*more_paragraphs)):
        pool = rng.choice((INCIDENT, STATEMENT, STATEMENT, BACKGROUND, BACKGROUND, FILLER))
        sentences = [_fill(rng, rng.choice(pool), city, capital) for _ in range(rng.randint(2, 4))]
        paragraphs.append(" ".join(sentences))
    return headline, paragraphs, _person(rng)


def _links(rng: random.Random, n: int, prefix: str) -> str:
    return "".join(
        f'<li><a href="/{prefix}/{rng.randint(1000, 99999)}">{rng.choice(TOPICS)} '
        f"{rng.choice(('update', 'live', 'analysis', 'in pictures', 'explained'))}</a></li>"
        for _ in range(n)
    )


def page(rng: random.Random, i: int, day: str) -> tuple[str, str]:
    """(url, html) of one generated article page published on `day`."""
    headline, paragraphs, byline = article(rng)
    url = f"https://news.bench.example/{day.replace('-', '/')}/story-{i}.html"
    related = "".join(
        f'<li><a href="/story/{rng.randint(10**5, 10**6)}">{article(rng, (0, 0))[0]}</a>'
        f"<p>{rng.choice(BACKGROUND).split(',')[0]}.</p></li>"
        for _ in range(12)
    )
    ld = json.dumps(
        {
            "@context": "https://schema.org", "@type": "NewsArticle", "headline": headline,
            "datePublished": f"{day}T07:30:00Z", "author": {"@type": "Person", "name": byline},
            "publisher": {"@type": "Organization", "name": "Bench Daily"},
        }
    )  # fmt: skip
    config = json.dumps({"ads": [f"slot-{k}" for k in range(300)], "section": rng.choice(TOPICS)})
    body = "".join(f"<p>{p}</p>\n" for p in paragraphs)
    html = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{headline} | Bench Daily</title>
<meta name="author" content="{byline}"><meta property="og:title" content="{headline}">
<meta property="og:type" content="article"><meta property="og:site_name" content="Bench Daily">
<meta property="article:published_time" content="{day}T07:30:00Z">
<link rel="canonical" href="{url}"><link rel="stylesheet" href="/static/site.css">
<script type="application/ld+json">{ld}</script>
<script>window.siteConfig = {config};</script></head>
<body><header class="site-header"><a class="logo" href="/">Bench Daily</a>
<nav class="main-nav"><ul>{_links(rng, 80, "section")}</ul></nav>
<form class="search"><input type="text" name="q" placeholder="Search"></form></header>
<main><article class="story">
<h1 class="headline">{headline}</h1>
<div class="meta"><span class="byline">By {byline}</span>
<time datetime="{day}T07:30:00Z">{day}</time></div>
<figure><img src="/img/{i}.jpg" alt=""><figcaption>A street in the town centre.</figcaption>
</figure>
<div class="story-body">
{body}</div>
<div class="share"><a href="#">Share</a> <a href="#">Email</a> <a href="#">Print</a></div>
</article>
<aside class="related"><h2>Related stories</h2><ul>{related}</ul></aside>
<aside class="most-read"><h2>Most read</h2><ol>{_links(rng, 10, "story")}</ol></aside>
<aside class="newsletter"><h3>Newsletter</h3><p>Get the morning briefing in your inbox.</p>
<form><input type="email" name="email"><button>Sign up</button></form></aside>
</main>
<footer class="site-footer"><ul>{_links(rng, 60, "about")}</ul>
<p>\u00a9 Bench Daily. All rights reserved.</p></footer>
<script src="/static/app.js"></script></body></html>
"""
    return url, html


def records(n: int, days: int = 5, seed: int = 1, start: str = "2025-06-01") -> Iterator[dict]:
    """`n` pipeline input records (id, url, html, published), spread evenly over `days` days."""
    rng = random.Random(seed)
    first = dt.date.fromisoformat(start)
    for i in range(n):
        day = (first + dt.timedelta(days=i % days)).isoformat()
        url, html = page(rng, i, day)
        yield {"id": f"bench-{i}", "url": url, "html": html, "published": day}


def text_records(n: int, days: int = 5, seed: int = 1, start: str = "2025-06-01") -> Iterator[dict]:
    """`n` news briefs as already-clean text records (id, title, text, published): a lead
    paragraph and at most one more, about 40-120 words."""
    rng = random.Random(seed)
    first = dt.date.fromisoformat(start)
    for i in range(n):
        day = (first + dt.timedelta(days=i % days)).isoformat()
        headline, paragraphs, _ = article(rng, (0, 1))
        yield {"id": f"brief-{i}", "title": headline, "text": "\n".join(paragraphs),
               "published": day}  # fmt: skip


def write_archive(path: Path, n: int, days: int, briefs: bool = False) -> int:
    """Write `n` generated records (whole pages, or `briefs`: short clean texts) to a
    JSONL(.gz) archive, as a backfill or `pipeline extract` reads one; returns its size in
    bytes."""
    opener = gzip.open if path.name.endswith(".gz") else open
    generated = text_records(n, days=days) if briefs else records(n, days=days)
    with opener(path, "wt", encoding="utf-8") as out:
        for rec in generated:
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return path.stat().st_size
