"""One configuration for every builder: the handbook (html) and the deck (slides)."""

import os
import sys
from pathlib import Path

# The course's extension (_ext/course) reads the site map from tools/sitemap.py at the root.
sys.path[:0] = [str(Path(__file__).parent / "_ext"), str(Path(__file__).parent)]

# -- Project --
project = "ML in Production"
author = "the ML in Production course team"
copyright = "2020-2026, the ML in Production course team"

extensions = [
    "myst_parser",
    "sphinx_copybutton",
    "sphinx_togglebutton",
    "sphinxcontrib.jquery",
    "sphinx.ext.githubpages",  # .nojekyll: GitHub Pages keeps _static/
    "course",  # _ext/course: the course's directives, pages and deck (hieroglyph with it)
]
exclude_patterns = ["_build", ".venv*", "README.md", "**/README.md", "tests", ".ci"]
templates_path = ["_templates"]
html_static_path = ["_static"]
nitpicky = True

# -- Publishing --
# The site's address, for the exercise pages' download commands and the checkers' links to their
# lessons: Read the Docs sets READTHEDOCS_CANONICAL_URL, and .github/workflows/pages.yml passes
# what actions/configure-pages gives as COURSE_SITE_URL. `-D html_baseurl=...` still wins. A
# local build has none: its links stay relative, and the exercise pages say so.
html_baseurl = os.environ.get("READTHEDOCS_CANONICAL_URL") or os.environ.get("COURSE_SITE_URL", "")

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
myst_enable_extensions = ["deflist", "colon_fence"]
