extensions = ["course"]
# As the course publishes it: the deck under slides/ beside the handbook.
slide_relative_path = "slides/"
slide_html_relative_path = "../"
