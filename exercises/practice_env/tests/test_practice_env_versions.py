"""The checker's version matching against an oracle: rattler's Version and VersionSpec, which
implement conda's rules. Generated versions and specs, a fixed number of them, derandomized so
that CI cannot flake; the same inputs are then answered by the checker under Python 3.8 and 3.13.
"""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rattler import Version, VersionSpec

from practice_env_student import evaluate, load_checker
from tools.condaenv import find_python

# The checker runs on the student's Python, not on Sphinx: checked in the pinned stack's suite.
pytestmark = pytest.mark.stack("pinned", why="the checker does not use Sphinx")

checker = load_checker()
EXAMPLES = settings(max_examples=400, derandomize=True, deadline=None,
                    suppress_health_check=list(HealthCheck))

# Runs that matter to conda's order: numbers (with leading zeros), pre-release letters, dev,
# post, and the separators, including `_` and `-`.
run = st.one_of(st.integers(0, 12).map(str), st.sampled_from(["00", "01", "10", "2024"]),
                st.sampled_from(["a", "b", "rc", "dev", "post", "alpha", "c", "x"]))
component = st.lists(run, min_size=1, max_size=3).map("".join)
release = st.builds(lambda first, rest, seps: first + "".join(s + c for s, c in zip(seps, rest)),
                    st.integers(0, 12).map(str), st.lists(component, max_size=3),
                    st.lists(st.sampled_from([".", ".", ".", "_", "-"]), min_size=3, max_size=3))
version = st.builds(lambda epoch, main, local: epoch + main + local,
                    st.sampled_from(["", "", "", "1!", "0!"]), release,
                    st.sampled_from([""] * 6 + ["+1", "+local", "+cuda.12"]))
operator = st.sampled_from(["", "=", "==", "!=", ">=", "<=", ">", "<", "~="])
atom = st.builds(lambda op, v, star: op + v + star, operator, release,
                 st.sampled_from(["", "", "", ".*", "*"]))
spec = st.builds(lambda alternatives: "|".join(",".join(a) for a in alternatives),
                 st.lists(st.lists(atom, min_size=1, max_size=2), min_size=1, max_size=2))


def oracle_order(a, b):
    left, right = Version(a), Version(b)
    return -1 if left < right else 1 if left > right else 0


def oracle_match(text, v):
    return VersionSpec(text).matches(Version(v))


def ours_match(text, v):
    return checker.satisfies(v, checker.parse_constraint(text))


# Documented differences from rattler, each a choice (see the exercise page's notes):
KNOWN = {
}


def test_version_order_agrees_with_rattler():
    tried = []

    @EXAMPLES
    @given(version, version)
    def agree(a, b):
        try:
            expected = oracle_order(a, b)
        except Exception:  # rattler refuses one of them: so must the checker
            with pytest.raises(ValueError):
                checker.compare_versions(a, b)
            tried.append(["compare_versions", a, b])
            return
        assert checker.compare_versions(a, b) == expected, (a, b)
        tried.append(["compare_versions", a, b])

    agree()
    assert len(tried) >= 300
    test_version_order_agrees_with_rattler.tried = tried


def test_spec_matching_agrees_with_rattler():
    tried = []

    @EXAMPLES
    @given(spec, version)
    def agree(text, v):
        try:
            expected = oracle_match(text, v)
        except Exception:
            try:
                Version(v)
            except Exception:
                return
            with pytest.raises(ValueError):
                checker.parse_constraint(text)
            return
        assert ours_match(text, v) is expected, (text, v)
        tried.append(["satisfies", v, checker.parse_constraint(text)])

    agree()
    assert len(tried) >= 100
    test_spec_matching_agrees_with_rattler.tried = tried


@pytest.mark.parametrize("version, spec, expected", [
    ("2.1.0", "=2.1", True), ("2.1.9", "=2.1", True), ("2.10.0", "=2.1", False),
    ("2.1", "==2.1.0", True), ("2.1.1", "==2.1", False), ("2.18.0", "2.18.*", True),
    ("3.12.8", ">=3.8,<3.13", True), ("3.13.0", ">=3.8,<3.13", False),
    ("1.0a1", "<1.0", True), ("1.0.post1", ">1.0", True), ("1.0dev1", "<1.0a1", True),
    ("1.2", "1.0|1.2", True), ("2.2.3", "~=2.2", True), ("3.0", "~=2.2", False),
    ("0.22.1", "!=0.22.*", False), ("1.6.1", "*", True), ("1.0+local", ">=1.0", False),
])
def test_examples_agree_with_rattler_too(version, spec, expected):
    assert ours_match(spec, version) is expected
    assert oracle_match(spec, version) is expected


@pytest.mark.parametrize("minor", ["3.8", "3.13"])
def test_the_same_answers_on_the_oldest_and_newest_python(minor):
    """The generated inputs again, answered by the checker under another interpreter."""
    calls = []
    for test in (test_version_order_agrees_with_rattler, test_spec_matching_agrees_with_rattler):
        if not hasattr(test, "tried"):
            test()
        calls += test.tried
    here = [{"value": checker.compare_versions(*c[1:])} if c[0] == "compare_versions"
            else {"value": checker.satisfies(*c[1:])} for c in calls
            if c[0] == "satisfies" or _parses(c[1], c[2])]
    calls = [c for c in calls if c[0] == "satisfies" or _parses(c[1], c[2])]
    assert evaluate(find_python(minor)[0], calls) == here


def _parses(*versions):
    try:
        for v in versions:
            checker.version_key(v)
    except ValueError:
        return False
    return True
