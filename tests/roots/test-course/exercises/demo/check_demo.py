STEPS = [("one", "the first thing", "do the first thing")]
