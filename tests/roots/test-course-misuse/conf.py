# Every way an author can misuse the course directives, each to be reported with its line.
project = "Demo course"
extensions = ["course"]
nitpicky = True
slide_relative_path = "slides/"
slide_html_relative_path = "../"
