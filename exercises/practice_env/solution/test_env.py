"""Step 3 of the exercise: do practice_env's packages import with this environment's Python?

Run it inside the activated environment:  python test_env.py
It prints each package's version, and ends with an error (exit code 1) when one does not import,
so that you, a checker or a CI job can tell. Written for any Python from 3.6 on, so that it also
runs in an environment made with the 2020 pins (Python 3.7).
"""

import importlib
import sys

# The name you import -> the name you install: scikit-learn is imported as sklearn.
PACKAGES = {
    "flask": "flask",
    "tensorflow": "tensorflow",
    "pandas": "pandas",
    "sklearn": "scikit-learn",
}


def version_of(module, distribution):
    """The installed version, as pip and conda record it; Flask 3 no longer has __version__."""
    try:
        from importlib.metadata import PackageNotFoundError, version  # Python 3.8 and newer
    except ImportError:
        return getattr(module, "__version__", "unknown")
    try:
        return version(distribution)
    except PackageNotFoundError:
        return getattr(module, "__version__", "unknown")


def main():
    print("Python %s at %s" % (sys.version.split()[0], sys.executable))
    failed = []
    for name, distribution in PACKAGES.items():
        try:
            module = importlib.import_module(name)
        except ImportError as error:
            print("FAIL %-10s %s" % (name, error))
            failed.append(name)
        else:
            print("ok   %-10s %s" % (name, version_of(module, distribution)))
    if failed:
        sys.exit("cannot import: " + ", ".join(failed))


if __name__ == "__main__":
    main()
