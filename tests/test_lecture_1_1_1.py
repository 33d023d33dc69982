"""Lecture 1.1.1 as the author's 2020 deck made it (tests/data/seed-...-2020.txt): every slide
title of the seed is a slide of the built deck, in the seed's order; every note of the seed is
said in the speaker notes; none of the seed's PNG figures is used; its quiz keeps its answers
folded. What every lecture must do is checked by test_lectures.py, for this one too."""

import re

import pytest

from repo import REPO, SITE
from pages import plain, read

SEED = REPO / "tests" / "data" / "seed-1.1.1-environment-management-2020.txt"
LECTURE = "1-1-1-environment-management"
NUMBER = "1.1.1"
# The two typos of the seed's titles that the lecture fixes.
TITLE_FIXES = {
    "Quizz": "Quiz",
    "How does Python imports libraries?": "How does Python import libraries?",
}
# A seed note is "said" when the notes use this share of its words.
SAID = 0.8


def seed_titles(text):
    """The slide titles of a reST deck, in order: section titles (a line underlined with = or -,
    possibly overlined too), plus one title for each `.. nextslide::`, which repeats the title of
    the slide it continues (hieroglyph appends " (n)" when the directive has `:increment:`).
    Comments, directive bodies and other indented lines are never titles."""
    lines = text.splitlines()
    underline = re.compile(r"^([=\-])\1{2,}\s*$")
    titles = []
    continued = {}  # title -> how many slides carry it so far
    for i, line in enumerate(lines):
        if line.startswith(".. nextslide::"):
            options = []
            for following in lines[i + 1:]:
                if not following.strip() or not following[0].isspace():
                    break
                options.append(following.strip())
            previous = titles[-1][1] if titles else None
            assert previous, "a nextslide before any title"
            base = re.sub(r" \(\d+\)$", "", previous)
            continued[base] = continued.get(base, 1) + 1
            titles.append(("nextslide", f"{base} ({continued[base]})" if ":increment:" in options else base))
            continue
        if (
            i + 1 < len(lines)
            and line.strip()
            and not line[0].isspace()
            and not line.startswith("..")
            and not underline.match(line)
            and underline.match(lines[i + 1])
            and len(lines[i + 1].rstrip()) >= len(line.rstrip())
        ):
            titles.append(("section", line.strip()))
    return [title for _, title in titles]


def seed_plain(text):
    """A seed title as the deck shows it: no reST inline markup."""
    return plain(re.sub(r"[`*]", "", text))


def expected_titles():
    titles = [TITLE_FIXES.get(title, title) for title in seed_titles(SEED.read_text(encoding="utf-8"))]
    # The lecture's own title carries its number.
    titles[0] = f"{NUMBER} {titles[0]}"
    return [seed_plain(title) for title in titles]



@pytest.fixture(scope="module")
def deck(course_build):
    return read(course_build, SITE.deck_page(f"slides/{LECTURE}"))


@pytest.fixture(scope="module")
def handbook(course_build):
    return read(course_build, SITE.handbook_page(f"slides/{LECTURE}"))


def test_seed_parser_reads_every_slide_title():
    titles = expected_titles()
    assert len(titles) == 25
    assert titles[0] == "1.1.1 Environment management"
    assert titles[titles.index("Pip hell") + 1] == "Pip hell (2)"
    assert "Quiz" in titles and "Quizz" not in titles
    assert "How does Python import libraries?" in titles
    assert "And needs to run on different environments" in titles


def test_every_seed_slide_title_is_a_slide_in_the_seeds_order(deck):
    built = [slide.title for slide in deck.slides]
    position = 0
    for title in expected_titles():
        assert title in built[position:], (
            f"seed slide {title!r} is missing from the deck, or out of order; deck: {built}"
        )
        position = built.index(title, position) + 1


def test_every_note_of_the_seed_is_said_in_the_speaker_notes(deck):
    seed = SEED.read_text(encoding="utf-8")
    seed_notes = [seed_plain(note) for note in re.findall(r"\.\. rst-class:: note\s*\n\s*\n\s+(.+)", seed)]
    assert len(seed_notes) == 5
    words = lambda text: set(re.findall(r"[a-z]+", text.lower()))  # noqa: E731
    said = words(" ".join(note for slide in deck.slides for note in slide.notes))
    for note in seed_notes:
        assert len(words(note) & said) >= SAID * len(words(note)), note


def test_no_png_of_the_seed_is_used_anywhere(course_build):
    seed_pngs = set(re.findall(r"[\w.\-]+\.png", SEED.read_text(encoding="utf-8")))
    assert seed_pngs, "the seed names its PNG figures"
    for path in course_build.rglob("*"):
        if path.suffix in {".html", ".css", ".js", ".txt", ".svg"}:
            text = path.read_text(encoding="utf-8", errors="replace")
            used = [png for png in seed_pngs if png in text]
            assert used == [], f"{path.relative_to(course_build)} uses {used}"
    figures = [course_build / "_images", course_build / "slides" / "_images",
               course_build / "_static" / "1-1-1", course_build / "slides" / "_static" / "1-1-1"]
    assert [png for folder in figures for png in folder.glob("*.png")] == [], "PNG figures"


def test_the_quiz_shows_its_questions_and_folds_its_answers(deck, handbook):
    quiz = handbook.section("quiz")
    assert len(quiz.select("li")) >= 3
    answers = quiz.select("div.admonition.note.dropdown")
    assert len(answers) == 1 and "envs" in answers[0].get_text() and "PATH" in answers[0].get_text()
    slide = deck.slide("Quiz")
    assert "which python" in slide.shown and "echo $PATH" in slide.shown and "envs" not in slide.shown
    assert any("envs" in note for note in slide.notes)
