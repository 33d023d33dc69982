# Every way an author can misuse the course directives, each to be reported with its line.
project = "Demo course"
extensions = ["hieroglyph", "exercise_downloads", "lecture", "lecture_notes", "lesson", "practice",
              "course_index", "instructor_guide", "checker_download", "hieroglyph_compat"]
nitpicky = True
slide_relative_path = "slides/"
slide_html_relative_path = "../"
