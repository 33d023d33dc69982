# The course's themes and the extensions that bring their own files: sphinx-rtd-theme (its fonts)
# and jQuery for the handbook, hieroglyph's slides theme (Open Sans) for the deck.
extensions = ["sphinxcontrib.jquery", "course"]
html_theme = "sphinx_rtd_theme"
slide_theme = "slides"
