extensions = ["hieroglyph", "hieroglyph_compat", "continuation_slides"]
slide_link_to_html = True
slide_html_relative_path = "../html/"
