# Every way an author can misuse the course directives, each to be reported with its line.
project = "Demo course"
extensions = ["myst_parser", "course"]
nitpicky = True
slide_relative_path = "slides/"
slide_html_relative_path = "../"
myst_enable_extensions = ["colon_fence"]
