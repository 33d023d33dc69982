"""`make site` (handbook, deck and `make pdf`): a PDF of each lecture's deck, one slide a page,
with its text selectable, and a handout of its handbook page with the speaker notes in."""

import html
import re
import unicodedata

import pytest
from pypdf import PdfReader

from conftest import LECTURES


def squash(text):
    """Text to compare across HTML and PDF: ligatures undone, no spaces, no case."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).casefold()


def strip_tags(fragment):
    fragment = re.sub(r'<a class="headerlink[^>]*>.*?</a>', "", fragment, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", fragment))


def slide_titles(deck_page):
    """The title of every slide of a built deck page, in order."""
    articles = re.findall(r'<article\b[^>]*\bclass="[^"]*\bslide\b[^"]*"[^>]*>(.*?)</article>',
                          deck_page.read_text(encoding="utf-8"), flags=re.S)
    titles = []
    for article in articles:
        heading = re.search(r"<h([1-6])\b[^>]*>(.*?)</h\1>", article, flags=re.S)
        titles.append(strip_tags(heading.group(2)).strip() if heading else "")
    return titles


def admonition_texts(page, kind):
    """The first paragraph of each admonition with class kind on a handbook page."""
    texts = []
    for classes, body in re.findall(r'<div class="([^"]*\badmonition\b[^"]*)">(.*?)</div>',
                                    page.read_text(encoding="utf-8"), flags=re.S):
        first = re.search(r'<p>(.*?)</p>', body, flags=re.S)  # the title is <p class=...>
        if kind in classes.split() and first:
            texts.append(strip_tags(first.group(1)).strip())
    return [text for text in texts if text]


@pytest.mark.parametrize("lecture", LECTURES)
def test_deck_pdf_has_one_page_per_slide_with_its_title_as_text(course_build, lecture):
    titles = slide_titles(course_build / "slides" / "slides" / f"{lecture}.html")
    assert titles, "no slide in the deck"
    pdf = PdfReader(course_build / "pdf" / f"{lecture}-slides.pdf")
    assert len(pdf.pages) == len(titles)
    for number, (page, title) in enumerate(zip(pdf.pages, titles), start=1):
        text = squash(page.extract_text())
        assert squash(title) in text, f"page {number} does not read {title!r}: {text[:200]!r}"
    # every page is a slide: the shape of a slide, not of a sheet of paper
    box = pdf.pages[0].mediabox
    assert all(page.mediabox == box for page in pdf.pages)
    assert float(box.width) > float(box.height)


@pytest.mark.parametrize("lecture", LECTURES)
def test_deck_pdf_leaves_the_speaker_notes_out(course_build, lecture):
    notes = admonition_texts(course_build / "slides" / f"{lecture}.html", "note")
    assert notes, "the lecture has no speaker notes"
    pdf = PdfReader(course_build / "pdf" / f"{lecture}-slides.pdf")
    text = squash("".join(page.extract_text() for page in pdf.pages))
    shown = [note for note in notes if squash(note)[:80] in text]
    assert shown == []


@pytest.mark.parametrize("lecture", LECTURES)
def test_handout_is_the_handbook_page_with_notes_and_answers(course_build, lecture):
    page = course_build / "slides" / f"{lecture}.html"
    pdf = PdfReader(course_build / "pdf" / f"{lecture}-handout.pdf")
    text = squash("".join(p.extract_text() for p in pdf.pages))
    title = slide_titles(course_build / "slides" / "slides" / f"{lecture}.html")[0]
    assert squash(title) in text
    # notes and (collapsed on screen) answers are printed, as the beginning of each shows
    for note in admonition_texts(page, "note") + admonition_texts(page, "dropdown"):
        assert squash(note)[:60] in text, f"the handout lacks {note[:80]!r}"
    assert pdf.pages[0].mediabox.height > pdf.pages[0].mediabox.width  # A4, upright


def test_pdfs_sit_in_the_site(course_build):
    assert sorted(p.name for p in (course_build / "pdf").iterdir()) == sorted(
        f"{lecture}-{kind}.pdf" for lecture in LECTURES for kind in ("slides", "handout"))
