"""Cleaning: article text from HTML, honest normalisation, and a reason for every refusal."""

from __future__ import annotations

import pytest

from pipeline.clean.page import (
    Rejected,
    clean_html,
    decode_body,
    normalize_text,
    repair_glued_words,
)

PARAGRAPH = (
    "<p>Heavy fighting broke out on Sunday between the army and a local militia on the outskirts "
    "of the town, residents said, forcing hundreds of families to leave their homes.</p>"
    "<p>The regional governor said reinforcements had been sent and that the main road to the "
    "capital would stay closed until the area was secured.</p>"
)


def page(body: str, head: str = "") -> str:
    return (
        f"<html><head><title>Clashes on the outskirts | The Paper</title>{head}</head><body>"
        "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>Clashes on the outskirts</h1>{body}</article>"
        "<footer>© 2026 The Paper. All rights reserved.</footer></body></html>"
    )


def test_article_body_without_headline_or_boilerplate():
    art = clean_html(page(PARAGRAPH))
    assert art.title == "Clashes on the outskirts"
    assert art.text.startswith("Heavy fighting broke out on Sunday")
    assert "All rights reserved" not in art.text and "Home" not in art.text
    assert art.language == "en"


def test_page_date_is_taken_only_from_date_markup():
    dated = page(PARAGRAPH, '<meta property="article:published_time" content="2026-03-02">')
    assert clean_html(dated).page_date == "2026-03-02"
    assert clean_html(page(PARAGRAPH)).page_date is None


@pytest.mark.parametrize(
    "html,reason",
    [
        ("", "empty"),
        ("<html><body><div></div></body></html>", "empty"),
        ("<html><body><nav>Home</nav></body></html>", "too_short"),
        (page("<p>Watch the video.</p>"), "too_short"),
        (page(PARAGRAPH, '<meta property="og:type" content="video.other">'), "not_article"),
    ],
)
def test_pages_that_are_not_articles_are_rejected_with_a_reason(html, reason):
    with pytest.raises(Rejected) as err:
        clean_html(html)
    assert err.value.reason == reason


def test_index_page_of_linked_headlines_is_not_an_article():
    items = "".join(
        f"<li><a href='/a{i}'><h3>Headline number {i} about the regional elections</h3></a>"
        f"<p>A short teaser sentence for story {i}.</p></li>"
        for i in range(8)
    )
    with pytest.raises(Rejected) as err:
        clean_html(page(f"<ul>{items}</ul>"))
    assert err.value.reason == "not_article"


def test_index_page_whose_extraction_keeps_only_the_teasers_is_not_an_article():
    cards = "".join(
        f"<li class='card'><a href='/story/{i}'><h3>Storm number {i} floods the coastal towns</h3>"
        f"</a><p class='dek'>Crews in district {i} worked through the night to clear roads after "
        f"the river rose above its banks and cut the main bridge.</p></li>"
        for i in range(10)
    )
    with pytest.raises(Rejected) as err:
        clean_html(page(f"<ul class='cards'>{cards}</ul>"))
    assert err.value.reason == "not_article"
    assert "teasers" in err.value.detail


def test_an_article_with_one_related_story_card_inside_it_is_an_article():
    card = (
        "<div class='related'><a href='/story/9'><h4>Earlier: talks on the border stall</h4></a>"
        "<p>Negotiators left the capital without a deal.</p></div>"
    )
    art = clean_html(page(PARAGRAPH + card + PARAGRAPH.replace("Heavy", "Renewed")))
    assert art.text.startswith("Heavy fighting broke out on Sunday")


def test_binary_and_empty_bodies_are_rejected():
    with pytest.raises(Rejected, match="binary"):
        decode_body(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    with pytest.raises(Rejected, match="empty"):
        decode_body(b"   ")


def test_declared_charset_is_used():
    assert (
        decode_body("Düsseldorf".encode("latin-1"), "text/html; charset=ISO-8859-1") == "Düsseldorf"
    )


def test_glued_words_at_a_lost_line_break_are_split():
    text, repairs = repair_glued_words("more than one million casualtiesas of June")
    assert text == "more than one million casualties as of June"
    assert repairs == ["casualtiesas -> casualties as"]


@pytest.mark.parametrize("word", ["peacekeeping", "ceasefire", "counterattack", "zelenskyy"])
def test_real_words_and_unknown_names_are_not_split(word):
    assert repair_glued_words(word)[0] == word


def test_normalisation_keeps_quotes_and_paragraphs():
    text, language, _ = normalize_text("“A  quote,”\u00a0he said.\r\n\r\n\r\nNext   paragraph.")
    assert text == "“A quote,” he said.\nNext paragraph."
    assert language == "en"


def test_glued_word_repair_runs_on_english_only():
    portuguese = "Nunca abandonamos nossas famílias, e transformam a coragem em esperança."
    assert normalize_text(portuguese)[0] == portuguese


@pytest.mark.parametrize(
    "line,credit",
    [
        ("Reporting by Samuel Reid; editing by Grace Whit", True),
        ("By Jane Roe and John Doe", True),
        ("By Jane Roe, Security Correspondent", True),
        ("READ MORE: More world news from the Paper", True),
        ("By midday the fire had spread to the neighbouring market, witnesses said.", False),
        ("By Sunday evening, at least 12 people had been killed in the clashes.", False),
    ],
)
def test_credit_lines_are_not_article_text(line, credit):
    art = clean_html(page(PARAGRAPH + f"<p>{line}</p>"))
    assert (line not in art.text) == credit


def test_a_paywall_stub_is_rejected():
    stub = (
        "<p>The defence ministry announced a new procurement plan on Monday, officials said.</p>"
        "<p>Subscribe now to continue reading this article and get unlimited access.</p>"
    )
    with pytest.raises(Rejected) as err:
        clean_html(page(PARAGRAPH + stub))
    assert err.value.reason == "paywall"


@pytest.mark.parametrize(
    "record,published,origin",
    [
        ({"published": "2026-03-01", "feed_published": "2026-03-02"}, "2026-03-01", "input"),
        (
            {"feed_published": "2026-03-02", "url": "http://x.test/2026/02/27/a"},
            "2026-03-02",
            "feed",
        ),
        ({"url": "http://x.test/news/2026/02/27/story.html"}, "2026-02-27", "url"),
        ({"url": "http://x.test/a", "crawl_date": "2026-03-04"}, "2026-03-04", "crawl"),
        ({"url": "http://x.test/a"}, None, None),
    ],
)
def test_publication_date_falls_back_from_page_to_feed_to_url(record, published, origin):
    from pipeline.extract.records import prepare

    prepared = prepare({"id": "a", "html": page(PARAGRAPH), **record})
    assert (prepared.published, prepared.published_from) == (published, origin)


def test_the_page_date_comes_before_the_feed_date():
    from pipeline.extract.records import prepare

    dated = page(
        PARAGRAPH, '<meta property="article:published_time" content="2026-02-28T09:00:00Z">'
    )
    prepared = prepare({"id": "a", "html": dated, "feed_published": "2026-03-02"})
    assert (prepared.published, prepared.published_from) == ("2026-02-28", "page")


def _raw_row(body: bytes, content_type: str) -> dict:
    return {"url": "http://x.test/a", "source": "s", "content_type": content_type, "body": body,
            "sha256": "f" * 64, "feed_published": "2026-03-02"}  # fmt: skip


@pytest.mark.parametrize(
    "body,content_type,reason",
    [
        (b"%PDF-1.7 ...", "application/pdf", "not_html"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "text/html", "binary"),
        (b"", "text/html", "empty"),
    ],
)
def test_raw_responses_that_are_not_pages_become_rejects_linked_to_their_raw_row(
    body, content_type, reason
):
    from pipeline.runs.nightly import _clean_raw_row

    out = _clean_raw_row(_raw_row(body, content_type), "2026-03-02")
    assert (out["stage"], out["reason"], out["raw_sha256"]) == ("clean", reason, "f" * 64)


def test_non_english_articles_are_kept_with_their_language_and_not_extracted():
    from pipeline.extract.records import extract_records

    text = (
        "El ejército informó el lunes que al menos doce soldados murieron en un ataque contra "
        "una base militar cerca de la frontera, y que se enviaron refuerzos a la zona."
    )
    (out,) = extract_records([{"id": "es", "text": text}])
    assert (out["status"], out["language"], out["extraction"]) == (
        "ok", "es", "skipped: unsupported_language"
    )  # fmt: skip
    assert out["entities"] == out["figures"] == out["events"] == []


def test_an_xhtml_page_that_declares_its_encoding_is_read():
    xhtml = '<?xml version="1.0" encoding="utf-8"?>\n' + page(PARAGRAPH)
    assert clean_html(xhtml).text.startswith("Heavy fighting broke out on Sunday")


def test_oversized_inputs_are_refused_before_parsing():
    from pipeline.clean.page import clean_text
    from pipeline.settings import CleanOptions

    with pytest.raises(Rejected, match="too_large"):
        clean_html(page(PARAGRAPH * 50), options=CleanOptions(max_html_chars=1000))
    with pytest.raises(Rejected, match="too_large"):
        clean_text("word " * 100, options=CleanOptions(max_text_chars=100))


def test_a_byline_in_the_page_body_is_found_as_trafilatura_finds_it():
    from trafilatura.metadata import extract_author
    from trafilatura.utils import load_html

    html = page('<div class="story-byline">Marta Keller and Ivo Brandt</div>' + PARAGRAPH)
    art = clean_html(html)
    assert art.author == extract_author(load_html(html))
    assert art.author and "Marta Keller" in art.author


def test_a_page_whose_markup_cannot_name_an_author_has_none():
    assert clean_html(page(PARAGRAPH)).author is None


@pytest.fixture
def extraction_runs(monkeypatch):
    """The (precision, fast) of every trafilatura run clean_html makes."""
    from pipeline.clean import page as clean

    runs = []
    real = clean._body_text

    def counting(tree, url, options, precision, fast=False):
        runs.append((precision, fast))
        return real(tree, url, options, precision, fast)

    monkeypatch.setattr(clean, "_body_text", counting)
    return runs


def test_the_default_extraction_runs_only_when_precision_kept_little_of_the_prose(
    extraction_runs,
):
    from dataclasses import replace

    from pipeline.settings import CleanOptions

    # precision keeps all the paragraphs: one run, without trafilatura's fallback algorithms
    clean_html(page(PARAGRAPH), options=replace(CleanOptions(), fallback_probe_min_chars=0))
    assert extraction_runs == [(True, True)]
    extraction_runs.clear()
    # a page with less text than the probe's floor is checked against the default extraction
    clean_html(page(PARAGRAPH))
    assert extraction_runs == [(True, True), (False, True)]


def test_the_fallback_algorithms_run_when_the_first_text_looks_unclean(extraction_runs):
    from dataclasses import replace

    from pipeline.settings import CleanOptions

    options = replace(CleanOptions(), fallback_probe_min_chars=0)
    # one paragraph longer than the limit reads as a run-on blob: the full run decides
    clean_html(page(PARAGRAPH), options=replace(options, unclean_max_line_chars=50))
    assert extraction_runs == [(True, True), (True, False)]


def test_menus_and_run_on_blobs_look_unclean_and_articles_do_not():
    from pipeline.clean.page import looks_unclean
    from pipeline.settings import CleanOptions

    options = CleanOptions()
    article = "\n".join(
        f"Paragraph {i} of the report says the river rose overnight and the road was closed."
        for i in range(10)
    )
    menu = "\n".join(["Home", "World", "Sport", "Contact us", "Weather"] * 3 + [article])
    blob = " ".join([article.replace("\n", " ")] * 3)
    assert not looks_unclean(article, options)
    assert looks_unclean(menu, options)
    assert looks_unclean(blob, options)
    assert looks_unclean("", options)
    # a few short lines (a dateline, a subhead) among paragraphs are an article
    assert not looks_unclean("Kampala\nMonday\n" + article, options)


def test_english_prose_is_english_and_other_languages_still_go_to_the_language_model():
    from pipeline.clean.page import detect_language

    english = " ".join(["The council said that the new bridge would open after the rains."] * 8)
    german = " ".join(["Der Rat sagte, dass die neue Brücke nach dem Regen öffnen würde."] * 8)
    assert detect_language(english) == "en"
    assert detect_language(german) == "de"
    assert detect_language("Der Rat") != "en"  # too short for the word count: the model decides


def test_a_short_english_text_the_model_misreads_is_english_and_short_foreign_ones_are_not():
    from pipeline.clean.page import detect_language

    # one or two sentences: the language model alone calls these Afrikaans and Nigerian Pidgin
    assert detect_language("Two soldiers died.") == "en"
    assert detect_language("Gunmen killed 4 villagers near Gusau on Monday, police said.") == "en"
    # short texts in other languages keep the model's answer, whether wordfreq lists the
    # language (French, German) or not (Swahili: no common English words either)
    assert detect_language("Des hommes armés ont tué quatre villageois lundi.") == "fr"
    assert detect_language("Die Regierung hat am Montag neue Regeln beschlossen.") == "de"
    assert detect_language("Watu wenye silaha waliwaua wanakijiji wanne Jumatatu.") == "sw"
    # as many common English words as common French ones: the model's answer stands
    assert detect_language("Le président a dit que la situation est grave.") == "fr"
