extensions = ["course"]
html_theme = "sphinx_rtd_theme"
slide_link_html_to_slides = True
slide_relative_path = "slides/"
