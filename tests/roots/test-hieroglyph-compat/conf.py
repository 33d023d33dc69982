"""A small deck that needs every patch of _ext/hieroglyph_compat.py on current Sphinx.

tests/test_hieroglyph_compat.py builds it with the course's _ext/ on PYTHONPATH.
"""

project = "hieroglyph compat"
extensions = ["hieroglyph", "hieroglyph_compat"]
html_static_path = ["_static"]

# the course's theme choice
slide_theme = "slides"
slide_theme_options = {"custom_css": "deck.css"}
slide_numbers = True
# a theme from slide_theme_path, used by other.rst
slide_theme_path = ["_themes"]
