# A course of one lecture and one exercise, using every course directive as an author should.
project = "Demo course"
extensions = ["myst_parser", "course"]
nitpicky = True
slide_relative_path = "slides/"
slide_html_relative_path = "../"
myst_enable_extensions = ["colon_fence"]
