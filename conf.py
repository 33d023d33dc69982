"""One configuration for every builder: the handbook (html) and the deck (slides)."""

import sys
from pathlib import Path

# The course's extensions (_ext/) read the lecture list from tools/course.py at the root.
sys.path[:0] = [str(Path(__file__).parent / "_ext"), str(Path(__file__).parent)]

# -- Project --
project = "ML in Production"
author = "the ML in Production course team"
copyright = "2020-2026, the ML in Production course team"

extensions = [
    "hieroglyph",
    "myst_parser",
    "sphinx_copybutton",
    "sphinx_togglebutton",
    "sphinxcontrib.jquery",
    "sphinx.ext.githubpages",  # .nojekyll: GitHub Pages keeps _static/
    "exercise_downloads",
    "lecture",
    "lecture_notes",
    "lesson",
    "practice",
    "course_index",
    "instructor_guide",
    "checker_download",
    "slide_links",
    "deck_scripts",
    "deck_bundle",
    "continuation_slides",
    "deck_html_lang",
    "deck_keys",
    "hieroglyph_compat",
    "incremental",
    "lean_output",
]
exclude_patterns = ["_build", ".venv*", "README.md", "**/README.md", "tests", ".ci"]
templates_path = ["_templates"]
html_static_path = ["_static"]
nitpicky = True

# -- Handbook --
html_theme = "sphinx_rtd_theme"
html_title = "ML in Production"
html_css_files = ["css/handbook.css"]
html_show_sourcelink = False
copybutton_exclude = ".linenos, .gp, .go"
# The published site puts the deck under slides/ beside the handbook.
slide_link_html_to_slides = True
slide_relative_path = "slides/"

# -- Slides --
# hieroglyph's "slides" theme with the course's keys, console and overview (_themes/).
slide_theme = "course-slides"
slide_theme_path = ["_themes"]
slide_theme_options = {"custom_css": "css/deck.css"}
slide_numbers = True
slide_link_to_html = True
slide_html_relative_path = "../"

# -- MyST (exercise pages) --
myst_enable_extensions = ["deflist"]
