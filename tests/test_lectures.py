"""Every lecture, whatever it teaches: what the course's conventions promise of each, checked on
the built site (`make site`, the course_build fixture). The lectures come from the sources on
disk (tools/sitemap.py), so a new lecture is checked by these tests without being named here."""

import re
import xml.etree.ElementTree as ET

import pytest

from pages import read
from repo import SITE
from tools.sitemap import exercises, lectures

LECTURES = lectures()
KEBAB_SVG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*\.svg")
# Short alt texts name a figure ("diagram") instead of saying what it shows.
MIN_ALT_WORDS = 4


@pytest.fixture(params=LECTURES, ids=lambda lecture: lecture.name)
def lecture(request):
    return request.param


def test_the_deck_opens_on_the_title_with_number_and_duration(course_build, lecture):
    deck = read(course_build, SITE.deck_page(lecture.docname))
    first = deck.slides[0]
    assert first.title.startswith(f"{lecture.number} ")
    assert "level-1" in first.classes
    assert re.search(rf"Lecture {re.escape(lecture.number)} \u00b7 \d+ minutes", first.shown), first.shown


def test_the_lecture_opens_with_questions_and_objectives_and_ends_with_key_points(course_build, lecture):
    for page in (read(course_build, SITE.deck_page(lecture.docname)), read(course_build, SITE.handbook_page(lecture.docname))):
        boxes = [box for box in page.select("div.lesson")]
        kinds = [next(c for c in box["class"] if c.startswith("lesson-")) for box in boxes]
        assert kinds[:2] == ["lesson-questions", "lesson-objectives"], f"{page.path.name}: {kinds}"
        assert kinds[-1] == "lesson-keypoints", f"{page.path.name}: {kinds}"
        assert all(box.select("li") for box in boxes)
    deck = read(course_build, SITE.deck_page(lecture.docname))
    assert deck.slides[-1].element.select("div.lesson-keypoints"), "the key points are not the last slide"


def test_every_slide_is_a_handbook_section_and_back(course_build, lecture):
    deck, handbook = read(course_build, SITE.deck_page(lecture.docname)), read(course_build, SITE.handbook_page(lecture.docname))
    for slide in deck.slides:
        assert slide.id in handbook.ids, f"slide {slide.title!r} ({slide.id}) has no handbook anchor"


def test_notes_are_hidden_notes_on_the_slide_and_text_in_the_handbook(course_build, lecture):
    deck, handbook = read(course_build, SITE.deck_page(lecture.docname)), read(course_build, SITE.handbook_page(lecture.docname))
    notes = [note for slide in deck.slides for note in slide.notes]
    assert notes, "the lecture has no speaker notes"
    handbook_text = handbook.text()
    for slide in deck.slides:
        for note in slide.notes:
            assert note not in slide.shown, f"{slide.title}: a note shows on the slide: {note[:80]!r}"
            assert note in handbook_text, f"{slide.title}: a note is not in the handbook: {note[:80]!r}"


def test_every_update_note_cites_a_source_and_a_date(course_build, lecture):
    handbook = read(course_build, SITE.handbook_page(lecture.docname))
    for update in handbook.select("div.admonition.update"):
        source = update.select("p.update-source a.reference.external")
        assert len(source) == 1, update.get_text()[:120]
        assert re.search(r"checked \d{4}-\d{2}-\d{2}\.", update.select_one("p.update-source").get_text())


def test_figures_are_the_lectures_own_named_svgs(course_build, lecture):
    for path in (SITE.deck_page(lecture.docname), SITE.handbook_page(lecture.docname)):
        for image in read(course_build, path).images:
            assert len(image.alt.split()) >= MIN_ALT_WORDS, f"{path}: {image.src} alt {image.alt!r}"
            assert image.target is not None and image.target.is_file(), f"{path}: {image.src} missing"
            assert KEBAB_SVG.fullmatch(image.target.name), f"{image.target.name}: not a kebab-case SVG"
            source = lecture.figures / image.target.name
            assert source.is_file(), f"{image.target.name} is not in {lecture.figures.name}/"
            assert image.target.read_bytes() == source.read_bytes()


def test_every_figure_file_is_well_formed_svg_with_a_title(lecture):
    for figure in sorted(lecture.figures.glob("*.svg")):
        root = ET.parse(figure).getroot()
        assert root.tag == "{http://www.w3.org/2000/svg}svg", figure.name
        assert re.fullmatch(r"\s*0\s+0\s+[\d.]+\s+[\d.]+\s*", root.get("viewBox", "")), figure.name
        title = root.find("{http://www.w3.org/2000/svg}title")
        assert title is not None and (title.text or "").strip(), f"{figure.name} has no <title>"


def test_the_front_page_lists_the_lecture_with_its_deck_pdfs_and_exercises(course_build, lecture):
    front = read(course_build, "index.html")
    entries = [entry for entry in front.select("li.lecture-entry")
               if front.target(entry.a["href"]) == (course_build / SITE.handbook_page(lecture.docname)).resolve()]
    assert len(entries) == 1, f"{lecture.name} is not on the front page once"
    targets = {front.target(a["href"]) for a in entries[0].select("a[href]")}
    for page in [SITE.deck_page(lecture.docname), *SITE.pdfs(lecture).values()]:
        assert (course_build / page).resolve() in targets, f"the front page does not link {page}"
        assert (course_build / page).is_file(), f"{page} was not built"
    handbook = read(course_build, SITE.handbook_page(lecture.docname))
    for link in handbook.select("p.practice a"):
        assert handbook.target(link["href"]) in targets, f"the front page lacks {link['href']}"


def test_the_practice_links_open_the_exercise_page_from_deck_and_handbook(course_build, lecture):
    pages = {SITE.handbook_page(exercise.docname): (course_build / SITE.handbook_page(exercise.docname)).resolve() for exercise in exercises()}
    for path in (SITE.deck_page(lecture.docname), SITE.handbook_page(lecture.docname)):
        page = read(course_build, path)
        for link in page.select("p.practice a"):
            assert page.target(link["href"]) in pages.values(), f"{path}: {link['href']}"


def test_the_key_points_page_and_instructor_guide_cover_the_lecture(course_build, lecture):
    handbook = read(course_build, SITE.handbook_page(lecture.docname))
    squash = lambda text: "".join(text.split())  # noqa: E731 (the summary is plain text)
    summary = squash(read(course_build, "keypoints.html").text())
    for item in handbook.select("div.lesson-keypoints li"):
        assert squash(item.get_text()) in summary, f"keypoints.html lacks {item.get_text()!r}"
    guide = read(course_build, "instructor.html")
    section = guide.select_one(f"section#guide-{lecture.id}")
    assert section is not None, "no section in the instructor guide"
    guide_text = " ".join(section.get_text(" ").split())
    sources = [a["href"] for a in handbook.select("div.admonition.update p.update-source a")]
    listed = [a["href"] for a in section.select("a.reference.external")]
    assert sorted(listed) == sorted(sources), "the guide's update notes differ from the lecture's"
    assert "Timing plan" in guide_text



def test_every_glossary_term_is_linked_from_a_lecture(course_build):
    glossary = read(course_build, "glossary.html")
    terms = {f"#{dt['id']}": dt.get_text(" ", strip=True).rstrip("¶ ")
             for dt in glossary.select("dl.glossary dt[id]")}
    assert terms, "the glossary has no terms"
    linked = set()
    for lecture in LECTURES:
        page = read(course_build, SITE.handbook_page(lecture.docname))
        linked |= {"#" + a["href"].partition("#")[2] for a in page.select("a[href*='glossary.html#']")}
    unlinked = [term for anchor, term in terms.items() if anchor not in linked]
    assert unlinked == [], f"glossary terms no lecture links: {unlinked}"
