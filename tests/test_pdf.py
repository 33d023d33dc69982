"""`make site` (handbook, deck and `make pdf`): a PDF of each lecture's deck, one slide a page,
with its text selectable, and a handout of its handbook page with the speaker notes in."""

import re

import pytest
from pypdf import PdfReader

from pages import plain, read, text_of
from repo import SITE
from tools.sitemap import lectures

# A note is found in a PDF by its opening characters: enough to tell notes apart, few enough to
# stay on one page of the handout.
OPENING = 60


def squash(text):
    """Text to compare across HTML and PDF: plain quotes, ligatures undone, no spaces, no case."""
    return re.sub(r"\s+", "", plain(text)).casefold()


def pdf_text(path):
    return squash("".join(page.extract_text() for page in PdfReader(path).pages))


@pytest.fixture(params=lectures(), ids=lambda lecture: lecture.name)
def lecture(request):
    return request.param


def test_deck_pdf_has_one_page_per_slide_with_its_title_as_text(course_build, lecture):
    titles = [slide.title for slide in read(course_build, SITE.deck_page(lecture.docname)).slides]
    assert titles, "no slide in the deck"
    pdf = PdfReader(course_build / SITE.pdfs(lecture)["slides"])
    assert len(pdf.pages) == len(titles)
    for number, (page, title) in enumerate(zip(pdf.pages, titles), start=1):
        assert squash(title) in squash(page.extract_text()), f"page {number} does not read {title!r}"
    # every page is a slide: the shape of a slide, not of a sheet of paper
    box = pdf.pages[0].mediabox
    assert all(page.mediabox == box for page in pdf.pages)
    assert float(box.width) > float(box.height)


def test_deck_pdf_leaves_the_speaker_notes_out(course_build, lecture):
    notes = [note for slide in read(course_build, SITE.deck_page(lecture.docname)).slides for note in slide.notes]
    assert notes, "the lecture has no speaker notes"
    text = pdf_text(course_build / SITE.pdfs(lecture)["slides"])
    assert [note for note in notes if squash(note)[:OPENING] in text] == []


def test_handout_is_the_handbook_page_with_notes_and_answers(course_build, lecture):
    handbook = read(course_build, SITE.handbook_page(lecture.docname))
    text = pdf_text(course_build / SITE.pdfs(lecture)["handout"])
    assert squash(read(course_build, SITE.deck_page(lecture.docname)).slides[0].title) in text
    # notes and (folded on screen) answers are printed, as the opening of each one's first
    # paragraph shows (a list's numbers and bullets are text in a PDF)
    for note in handbook.select("div.admonition.note"):
        opening = text_of(note.select_one("p:not(.admonition-title)"))[:OPENING]
        assert squash(opening) in text, f"the handout lacks {opening!r}"
    # what only works on a screen is not printed (handbook.css, @media print)
    assert squash("View as slides") not in text and squash("Search docs") not in text
    page = PdfReader(course_build / SITE.pdfs(lecture)["handout"]).pages[0]
    assert page.mediabox.height > page.mediabox.width  # A4, upright


def test_pdfs_sit_in_the_site(course_build):
    assert sorted(p.relative_to(course_build).as_posix() for p in (course_build / "pdf").iterdir()) \
        == sorted(path for lecture in lectures() for path in SITE.pdfs(lecture).values())
