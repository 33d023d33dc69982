extensions = ["course"]
slide_link_to_html = True
slide_relative_path = "slides/"
slide_html_relative_path = "../"
