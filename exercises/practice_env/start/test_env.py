"""Step 3 of the exercise: do practice_env's packages import with this environment's Python?

Run it inside the activated environment:  python test_env.py
When a package does not import, it must end with an error, so that you, the checker or a CI job
can tell.
"""

# Import each package of step 2 here, and print its version.
print("nothing is checked yet")
