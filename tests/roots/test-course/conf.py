# A course of one lecture and one exercise, using every course directive as an author should.
project = "Demo course"
extensions = ["hieroglyph", "exercise_downloads", "lecture", "lecture_notes", "lesson", "practice",
              "course_index", "instructor_guide", "checker_download", "hieroglyph_compat"]
nitpicky = True
slide_relative_path = "slides/"
slide_html_relative_path = "../"
