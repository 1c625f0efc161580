"""Clean: raw HTML (or plain text) -> article text and metadata, or a reason to reject it.

Guarantees: the text returned is the text every later offset points into. It is Unicode NFC,
with runs of spaces collapsed inside a line and one newline between paragraphs; typographic quotes
and dashes are kept as written. Words glued together where a line break was lost
("casualtiesas") are split only when the glued form is not a word and both halves are common
words in the wordfreq list. Nothing is dropped silently: every refusal is a `Rejected` reason.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from lxml.etree import XPath

from pipeline.settings import CleanOptions

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")
_LOWER_WORD = re.compile(r"\b[a-z]{5,}\b")
# credit lines and reader prompts that extraction keeps as paragraphs of their own
_CREDIT_LINE = re.compile(
    r"^(?:(?:additional )?reporting by|written by|writing by|editing by|edited by|compiled by|"
    r"photos? by|(?:read|see) (?:more|also)\s*:|related\s*:|more on this story\s*:)"
    r"|^by\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}(?:\s*(?:,|and|\||;|-|–)\s*[^.!?]*)?$",
    re.I,
)
_PAYWALL = re.compile(
    r"\b(?:subscribe|subscription|subscribers?|sign in|log in|register)\b[^.\n]{0,80}"
    r"\b(?:to (?:continue|keep) reading|to read (?:the|this|more|on)|full (?:article|story)|"
    r"access|unlimited)|\b(?:this (?:article|content|story) is (?:only )?(?:available|for|reserved)"
    r"[^.\n]{0,40}(?:subscribers|members))",
    re.I,
)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_OG_VIDEO = re.compile(r"""<meta[^>]+property=["']og:type["'][^>]+content=["']video""")
_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([\w-]+)""", re.I)
_ANCHORS = XPath("//a")
_IN_PARAGRAPH = XPath("boolean(ancestor::p)")
_PARAGRAPH_TEXT = XPath("//p//text()")


class Rejected(Exception):
    """An input that cannot become an article; `reason` is a short machine-readable code."""

    def __init__(self, reason: str, detail: str = ""):
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


@dataclass
class CleanArticle:
    text: str
    title: str | None = None
    author: str | None = None
    site_name: str | None = None
    canonical_url: str | None = None
    page_date: str | None = None
    language: str | None = None
    repairs: list[str] = field(default_factory=list)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


# --- text normalisation -------------------------------------------------------------------


@lru_cache(maxsize=200_000)
def word_zipf(word: str) -> float:
    """Zipf frequency of an English word (0 = unknown), from the offline wordfreq list."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


def _split_glued(word: str, min_zipf: float) -> str | None:
    """'casualtiesas' -> 'casualties as' when the evidence is strong, else None."""
    if word_zipf(word) > 0:
        return None
    best: tuple[float, str] | None = None
    for i in range(2, len(word) - 1):
        left, right = word[:i], word[i:]
        # a short piece must be a very common function word ("as", "of", "the")
        need_left = 5.0 if len(left) <= 2 else min_zipf
        need_right = 5.0 if len(right) <= 2 else min_zipf
        zl, zr = word_zipf(left), word_zipf(right)
        if zl >= need_left and zr >= need_right:
            score = min(zl, zr)
            if best is None or score > best[0]:
                best = (score, f"{left} {right}")
    return best[1] if best else None


def repair_glued_words(text: str, min_zipf: float = 3.5) -> tuple[str, list[str]]:
    """Split lower-case tokens that are two common words run together; returns the repairs."""
    # only a word missing from the list can be split: most texts have none, and then the
    # substitution pass (a Python call per word) is skipped
    splits = {}
    for word in set(_LOWER_WORD.findall(text)):
        if word_zipf(word) == 0:
            split = _split_glued(word, min_zipf)
            if split is not None:
                splits[word] = split
    if not splits:
        return text, []
    repairs: list[str] = []

    def fix(m: re.Match) -> str:
        split = splits.get(m.group(0))
        if split is None:
            return m.group(0)
        repairs.append(f"{m.group(0)} -> {split}")
        return split

    return _LOWER_WORD.sub(fix, text), repairs


def normalize_text(text: str, repair: bool = True) -> tuple[str, str | None, list[str]]:
    """NFC, collapsed spaces, one newline between paragraphs; the language of the result; and,
    for English, glued words repaired (the word list is English: other languages are left as
    they are). Returns (text, language, repairs)."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    text = "\n".join(line for line in lines if line)
    text = _BLANK_LINES.sub("\n", text)
    language = detect_language(text)
    if repair and language == "en":
        text, repairs = repair_glued_words(text)
        return text, language, repairs
    return text, language, []


# --- language --------------------------------------------------------------------------------


# words that only English uses often: about one word in five of English prose is one of them,
# while other languages' texts have almost none (HTML dev set: 14% the least for an English text,
# 1.2% the most for another language), so a text this English needs no language model
_ENGLISH_WORDS = frozenset((
    "the", "of", "and", "to", "that", "for", "with", "said", "from", "his", "are", "were", "has",
    "have", "which", "this", "they", "their", "been", "who", "after", "would", "there", "than",
    "about", "when",
))  # fmt: skip
_WORD = re.compile(r"\w+")


def detect_language(
    text: str, sample_chars: int = CleanOptions.language_sample_chars
) -> str | None:
    if not text.strip():
        return None
    sample = text[:sample_chars]
    words = _WORD.findall(sample.lower())
    if len(words) >= 50 and sum(w in _ENGLISH_WORDS for w in words) >= 0.08 * len(words):
        return "en"
    import py3langid

    lang, _ = py3langid.classify(sample)
    if lang != "en" and len(words) < 50 and _reads_as_english(sample, lang):
        return "en"
    return lang


@lru_cache(maxsize=1)
def _wordfreq_languages() -> frozenset[str]:
    from wordfreq import available_languages

    return frozenset(available_languages())


_LETTER_WORD = re.compile(r"[^\W\d_]{2,}")


def _reads_as_english(sample: str, guessed: str, common: float = 3.0, share: float = 0.6) -> bool:
    """Whether a short text the language model put in another language is plain English after
    all: on a sentence or two the model often misreads English ("Two soldiers died." as
    Afrikaans, a note naming Nigerian places as Nigerian Pidgin). True when at least `share` of
    its words are common English words (Zipf >= `common` in wordfreq's English list) and more of
    them are common English than common words of the guessed language (a language wordfreq does
    not list has none)."""
    from wordfreq import zipf_frequency

    words = [w.lower() for w in _LETTER_WORD.findall(sample)]
    if not words:
        return False
    english = sum(word_zipf(w) >= common for w in words) / len(words)
    if english < share:
        return False
    if guessed not in _wordfreq_languages():
        return True
    return english > sum(zipf_frequency(w, guessed) >= common for w in words) / len(words)


# --- HTML ------------------------------------------------------------------------------------


def decode_body(body: bytes, content_type: str | None = None) -> str:
    """Bytes of a page -> str, by the declared charset, else UTF-8, else cp1252."""
    if not body or not body.strip():
        raise Rejected("empty", "empty body")
    for bom, enc in _BOMS:  # a byte-order mark outranks any declaration (and UTF-16 has NULs)
        if body.startswith(bom):
            try:
                return body[len(bom) :].decode(enc)
            except UnicodeDecodeError as exc:
                raise Rejected("undecodable", f"{enc} byte-order mark: {exc}") from exc
    if b"\x00" in body[:4096]:
        raise Rejected("binary", "body contains NUL bytes")
    candidates = []
    if content_type and "charset=" in content_type.lower():
        candidates.append(content_type.lower().split("charset=")[1].split(";")[0].strip(" \"'"))
    m = _CHARSET.search(body[:4096])
    if m:
        candidates.append(m.group(1).decode("ascii", "ignore").lower())
    candidates += ["utf-8", "cp1252"]
    for enc in candidates:
        try:
            text = body.decode(enc)
        except (LookupError, UnicodeDecodeError):
            continue
        if _keeps_markup(body, text):
            return text
    raise Rejected("undecodable", "no charset decodes the body")


_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe\x00\x00", "utf-32-le"),
         (b"\x00\x00\xfe\xff", "utf-32-be"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))  # fmt: skip


def _keeps_markup(body: bytes, text: str) -> bool:
    """A page whose bytes start with ASCII markup must still start with it once decoded: a
    lying charset (UTF-16 or EBCDIC declared for a UTF-8 page) turns it into other letters."""
    return not body.lstrip().startswith(b"<") or text.lstrip().startswith("<")


def _listing_items(html_tree, body: str) -> tuple[int, int]:
    """(items, words) of `body` that make a page a listing: linked headlines (3+ words, not
    links inside a paragraph's prose) that the extraction kept, and the teasers of their cards
    (the paragraph or two beside one linked headline), kept with or without the headline."""
    headlines: set[str] = set()
    teasers: set[str] = set()
    cards = 0
    n_paragraphs: dict = {}  # element -> <p> elements under it (only those that hold one)
    for p in html_tree.iter("p"):
        for up in p.iterancestors():
            n_paragraphs[up] = n_paragraphs.get(up, 0) + 1
    for a in _ANCHORS(html_tree):
        text = " ".join(a.text_content().split())
        if len(text.split()) < 3 or text in headlines or _IN_PARAGRAPH(a):
            continue
        if text in body:
            headlines.add(text)
        card = a.getparent()
        for _ in range(3):  # the headline's card: the nearest ancestor with a paragraph
            if card is None or card in n_paragraphs:
                break
            card = card.getparent()
        # a card has a dek or two; more is a story or a whole column
        if card is None or not 0 < n_paragraphs.get(card, 0) <= 2:
            continue
        texts = (" ".join(p.text_content().split()) for p in card.iter("p"))
        kept = [t for t in texts if t and t in body]
        if kept and sum(len(x.text_content().split()) >= 3 for x in card.iter("a")) == 1:
            cards += text not in headlines
            teasers.update(kept)
    items = headlines | teasers
    return len(headlines) + cards, sum(len(t.split()) for t in items)


def _paragraph_chars(html_tree) -> int:
    """Characters of text inside <p> elements: what a page offers as prose."""
    return sum(len(t) for t in _PARAGRAPH_TEXT(html_tree))


def _parse(html: str):
    """The page as trafilatura parses it (its parser, its repairs), once for every step."""
    from lxml import html as lxml_html
    from trafilatura.utils import load_html

    try:
        tree = load_html(html)
    except Exception as exc:  # lxml raises several types on garbage
        raise Rejected("unparseable", str(exc)[:200]) from exc
    if tree is None:
        # trafilatura refuses what is not an HTML document; lxml tells garbage from a page
        # without an article
        try:
            lxml_html.fromstring(_XML_DECLARATION.sub("", html, count=1))
        except Exception as exc:
            raise Rejected("unparseable", str(exc)[:200]) from exc
        raise Rejected("empty", "no article text found on the page")
    return tree


def _body_text(
    tree, url: str | None, options: CleanOptions, precision: bool, fast: bool = False
) -> str:
    import trafilatura

    doc = trafilatura.bare_extraction(
        tree, url=url, favor_precision=precision, fast=fast,
        include_comments=options.include_comments, include_tables=options.include_tables,
    )  # fmt: skip
    return (doc.text if doc is not None else "") or ""


def looks_unclean(text: str, options: CleanOptions) -> bool:
    """Does an extraction look like navigation (mostly short lines) or a run-on blob (one
    enormous line: paragraphs not told apart, often with page furniture glued in)? Then
    trafilatura's fallback algorithms get their say."""
    lines = [line for line in text.split("\n") if line.strip()]
    if not lines:
        return True
    if max(len(line) for line in lines) > options.unclean_max_line_chars:
        return True
    short = sum(len(line.split()) < 5 for line in lines)
    return len(
        lines
    ) >= options.unclean_min_lines and short > options.unclean_short_line_share * len(lines)


# trafilatura's byline search (metadata.extract_author) copies and prunes the whole page, then
# looks for elements whose names or attribute values hold one of these words (xpaths.AUTHOR_XPATHS):
# a page whose markup spells none of them has no byline for it to find
_BYLINE_WORDS = (
    "author", "byl", "bbl", "username", "zuozhe", "bianji", "xiaobian", "channel-name",
    "submitted-by", "posted-by", "journalist-name", "screenname", "writer", "<rel",
)  # fmt: skip


def _byline(tree, lowered_html: str) -> str | None:
    """The author named in the page body, as trafilatura's `extract_author` finds it."""
    from trafilatura.metadata import extract_author

    if not any(word in lowered_html for word in _BYLINE_WORDS):
        return None
    return extract_author(tree)


def _page_metadata(tree, url: str | None, lowered_html: str):
    """trafilatura's metadata of a page (title, author, site name, canonical URL, date), minus
    what we never use (categories, tags, licence) and minus the costly searches that cannot
    succeed: the author search when no element can name an author, the date search when the
    page marks up no date (a guessed date is not used, see `_has_page_date`)."""
    from trafilatura import metadata as tm
    from trafilatura.settings import DEFAULT_CONFIG, set_date_params

    doc = tm.examine_meta(tree)
    if doc.author and " " not in doc.author:
        doc.author = None
    with contextlib.suppress(Exception):  # trafilatura's JSON-LD reader has bugs of its own
        doc = tm.extract_meta_json(tree, doc)
    if not doc.title:
        doc.title = tm.extract_title(tree)
    if not doc.author:
        doc.author = _byline(tree, lowered_html)
    if not doc.url:
        doc.url = tm.extract_url(tree, url)
    if _has_page_date(lowered_html):
        from htmldate import find_date

        params = set_date_params(DEFAULT_CONFIG.getboolean("DEFAULT", "EXTENSIVE_DATE_SEARCH"))
        params["url"] = doc.url
        doc.date = find_date(tree, **params)
    if not doc.sitename:
        doc.sitename = tm.extract_sitename(tree)
    if doc.sitename:
        doc.sitename = doc.sitename.lstrip("@")
        if doc.sitename and "." not in doc.sitename and not doc.sitename[0].isupper():
            doc.sitename = doc.sitename.title()
    elif doc.url:
        match = tm.META_URL.match(doc.url)
        if match:
            doc.sitename = match[1]
    doc.clean_and_trim()
    return doc


def clean_html(
    html: str, url: str | None = None, options: CleanOptions | None = None
) -> CleanArticle:
    """Extract the article body and metadata of one page, or raise `Rejected`.

    The page is parsed once, with trafilatura's own parser (a tree from another parser loses
    text), and that tree serves the metadata, the extraction and the link-density check."""
    options = options or CleanOptions()
    if not html or not html.strip():
        raise Rejected("empty", "empty page")
    if len(html) > options.max_html_chars:
        raise Rejected("too_large", f"{len(html)} characters of HTML")
    if "\x00" in html[:4096]:  # HTML given as a string (archives) skips decode_body's check
        raise Rejected("binary", "page contains NUL characters")
    tree = _parse(html)
    lowered = html.lower()  # for the markup tests below
    meta = _page_metadata(tree, url, lowered)
    # trafilatura without its fallback algorithms first (they cost more than the extraction
    # itself); with them only when that text looks unclean
    precise = _body_text(tree, url, options, precision=True, fast=True)
    if looks_unclean(precise, options):
        precise = _body_text(tree, url, options, precision=True)
    raw_text = precise
    # precision mode drops boilerplate the default keeps, but now and then it cuts the article
    # itself: then the default extraction is used (dev F1 0.961 -> 0.967 for this rule alone).
    # The default run costs as much as the first, so it only runs when precision kept less than
    # that share of the page's paragraph text (or almost nothing): the default can only win by
    # a lot where precision dropped prose
    share = options.precision_fallback_share
    if share > 0 and len(precise) < share * max(
        _paragraph_chars(tree), options.fallback_probe_min_chars
    ):
        default = _body_text(tree, url, options, precision=False, fast=True)
        if len(precise) < share * len(default):
            raw_text = default
    title = meta.title or None
    lines = [" ".join(line.split()) for line in raw_text.split("\n")]
    lines = [line for line in lines if line]
    if lines and title and lines[0] == " ".join(title.split()):
        lines = lines[1:]  # the headline belongs in `title`, not in the body
    lines = [line for line in lines if not _is_credit_line(line)]
    if not lines:
        raise Rejected("empty", "no article text found on the page")
    body = "\n".join(lines)
    # an index page is a list of linked headlines (with or without teasers); an article's body
    # is prose with at most a few links of its own
    n_items, item_words = _listing_items(tree, body)
    if n_items >= 3 and item_words / max(len(body.split()), 1) > options.max_link_word_share:
        raise Rejected(
            "not_article", f"{n_items} linked headlines and teasers make {item_words} of the words"
        )
    text, language, repairs = normalize_text(body)
    n_words = len(text.split())
    if len(text) > options.max_text_chars:
        raise Rejected("too_large", f"{len(text)} characters of article text")
    if _OG_VIDEO.search(lowered) and n_words < options.min_words_video:
        raise Rejected("not_article", f"video page with {n_words} words of text")
    if n_words < options.min_words_paywall and _PAYWALL.search(text):
        raise Rejected("paywall", f"{n_words} words and a subscription prompt")
    if n_words < options.min_words:
        raise Rejected("too_short", f"{n_words} words (minimum {options.min_words})")
    return CleanArticle(
        text=text,
        title=title,
        author=meta.author,
        site_name=meta.sitename,
        canonical_url=meta.url,
        page_date=meta.date,
        language=language,
        repairs=repairs,
    )


def _is_credit_line(line: str) -> bool:
    """'Reporting by A; editing by B', 'By Jane Roe', 'READ MORE: ...' (short lines only)."""
    if len(line.split()) > 25:
        return False
    if line[:3].lower() == "by " and len(line.split()) > 10:
        return False
    return bool(_CREDIT_LINE.match(line))


# date markup in lower-cased HTML: plain substrings, and patterns that each start with a literal
# (a case-insensitive alternation scans a long page many times slower)
_DATE_MARKERS = ("published_time", "datepublished", "pubdate", "dc.date")
_DATE_MARKUP = (re.compile(r"<time[^>]+datetime"), re.compile(r"name=[\"']date[\"']"))


def _has_page_date(lowered_html: str) -> bool:
    # htmldate falls back to guesses (copyright years, file dates); only trust a page date when
    # the page marks one up, else the feed's or sitemap's date wins.
    return any(m in lowered_html for m in _DATE_MARKERS) or any(
        p.search(lowered_html) for p in _DATE_MARKUP
    )


def clean_text(
    text: str, title: str | None = None, options: CleanOptions | None = None
) -> CleanArticle:
    """Plain text input: normalise it; reject only when nothing is left."""
    options = options or CleanOptions()
    if len(text or "") > options.max_text_chars:
        raise Rejected("too_large", f"{len(text)} characters of text")
    text, language, repairs = normalize_text(text or "")
    if not text:
        raise Rejected("empty", "no text")
    return CleanArticle(text=text, title=title, language=language, repairs=repairs)
