"""The checker's environment-file reader against an oracle, PyYAML, on generated files in the
shapes that `conda env export`, `conda export` and hand editing give; and the requirement forms
of conda and pip that such files hold."""

import json

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from practice_env_student import SOLUTION, evaluate, load_checker
from tools.condaenv import find_python

# The checker runs on the student's Python, not on Sphinx: checked in the pinned stack's suite.
pytestmark = pytest.mark.stack("pinned", why="the checker does not use Sphinx")

checker = load_checker()
EXAMPLES = settings(max_examples=250, derandomize=True, deadline=None,
                    suppress_health_check=list(HealthCheck))

name = st.sampled_from(["python", "flask", "scikit-learn", "_libgcc_mutex", "ca-certificates",
                        "py-opencv", "libstdcxx-ng"])
conda_entry = st.builds(lambda channel, n, rest: channel + n + rest,
                        st.sampled_from(["", "", "conda-forge::", "conda-forge/label/dev::"]), name,
                        st.sampled_from(["", "=3.12", "=3.12.1", "=3.12.1=h2f1_0", "==3.12.1",
                                         ">=3.8", ">=3.8,<3.13", " 3.12.*", " 3.12.* *_cpython",
                                         "[version='>=3.8']", "=1.0|1.2", "<4"]))
pip_entry = st.sampled_from(["tensorflow==2.18.0", "tensorflow==2.18.*", "Flask>=3.1,<4",
                             "requests[socks] >= 2.31", "numpy (>=1.26)", "black ; python_version>'3.8'",
                             "pkg @ https://example.org/pkg-1.0.tar.gz", "-r requirements.txt",
                             "--index-url https://example.org/simple", "git+https://example.org/r.git",
                             "./local/package", "-e .", "six===1.16.0"])
quoting = st.sampled_from(["plain", "plain", "single", "double"])
comment = st.sampled_from(["", "", "", "  # pinned", " #"])


def quoted(text, how):
    if how == "single":
        return "'%s'" % text.replace("'", "''")
    if how == "double":
        return '"%s"' % text.replace("\\", "\\\\").replace('"', '\\"')
    return text


@st.composite
def environment_file(draw):
    """A file as conda writes it, with the variations people make by hand."""
    indent = draw(st.sampled_from(["", "  ", "    "]))
    pip_indent = indent + draw(st.sampled_from(["  ", "    "]))
    lines = [draw(st.sampled_from(["", "# my environment", "---"]))]
    lines.append("name: " + draw(st.sampled_from(["practice_env", "'practice_env'", "neighbour-env"])))
    channels = draw(st.lists(st.sampled_from(["conda-forge", "defaults", "nodefaults",
                                              "https://conda.anaconda.org/conda-forge"]),
                             min_size=1, max_size=3))
    if draw(st.booleans()):
        lines.append("channels: [%s]" % ", ".join(channels))
    else:
        lines += ["channels:"] + [indent + "- " + c for c in channels]
    lines.append("dependencies:" + draw(comment))
    for entry in draw(st.lists(conda_entry, min_size=1, max_size=6)):
        lines.append(indent + "- " + quoted(entry, draw(quoting)) + draw(comment))
        if draw(st.integers(0, 9)) == 0:
            lines.append("")
    pips = draw(st.lists(pip_entry, max_size=4))
    if pips:
        lines.append(indent + "- pip:")
        lines += [pip_indent + "- " + quoted(p, draw(quoting)) for p in pips]
    if draw(st.booleans()):
        lines += ["variables:", "  TF_CPP_MIN_LOG_LEVEL: '2'"]
    if draw(st.booleans()):
        lines.append("prefix: /home/ana/miniforge3/envs/practice_env")
    newline = draw(st.sampled_from(["\n", "\n", "\r\n"]))
    return newline.join(lines) + newline




@st.composite
def environment_file_in_other_styles(draw):
    """The same content in the forms YAML and JSON allow beyond conda's own block style: flow
    lists across lines with quoted items holding commas, quoted keys, a %YAML directive with
    --- and ..., anchors and aliases, flow mappings, and JSON."""
    entries = draw(st.lists(conda_entry, min_size=1, max_size=5))
    pips = draw(st.lists(pip_entry, max_size=3))
    if draw(st.integers(0, 4)) == 0:  # JSON, as a script or `conda env export --json` writes it
        content = {"name": "practice_env", "channels": ["conda-forge"],
                   "dependencies": entries + ([{"pip": pips}] if pips else [])}
        return json.dumps(content, indent=draw(st.sampled_from([None, 2])))
    key = lambda name: quoted(name, draw(st.sampled_from(["plain", "single", "double"])))  # noqa: E731
    item = lambda text: quoted(text, draw(st.sampled_from(["plain", "single", "double"]))  # noqa: E731
                               if "," not in text and "[" not in text else "double")
    separator = draw(st.sampled_from([", ", ",\n  ", " ,\n    "]))
    lines = []
    if draw(st.booleans()):
        lines += ["%YAML 1.2", "---"]
    elif draw(st.booleans()):
        lines.append("--- # the environment")
    lines.append("%s: %s" % (key("name"), key("practice_env")))
    lines.append("%s: %s[conda-forge]" % (key("channels"), draw(st.sampled_from(["", "&ch "]))))
    flow = "[" + separator.join(item(e) for e in entries)
    if pips:
        flow += separator + "{pip: [" + ", ".join(item(p) for p in pips) + "]}"
    lines.append("%s: %s%s]" % (key("dependencies"), draw(st.sampled_from(["", "&deps "])), flow))
    if draw(st.booleans()):
        lines.append("%s: {TF_CPP_MIN_LOG_LEVEL: '2', %s: \"a\\tb\"}" % (key("variables"), key("X")))
    for name in ("ch", "deps"):
        if "&%s " % name in "\n".join(lines):
            lines.append("copy_of_%s: *%s" % (name, name))
    if draw(st.booleans()):
        lines.append("...")
    return "\n".join(lines) + "\n"


def test_the_reader_agrees_with_pyyaml_on_other_styles():
    tried = []

    @EXAMPLES
    @given(environment_file_in_other_styles())
    def agree(text):
        assert checker.parse_yaml(text, "environment.yml") == yaml.safe_load(text), text
        checker.env_file_from_text(text, "environment.yml")
        tried.append(text)

    agree()
    kinds = {"json": any(t.startswith("{") for t in tried), "%YAML": any("%YAML" in t for t in tried),
             "alias": any("*deps" in t for t in tried), "across lines": any(",\n" in t for t in tried),
             "quoted key": any(t.startswith('"name"') or "'name'" in t for t in tried)}
    assert all(kinds.values()), kinds


@pytest.mark.parametrize("text, construct", [
    ("dependencies: !!seq [python]\n", "line 1: tags (!) are not supported"),
    ("name: |\n  x\ndependencies: [python]\n", "line 1: block scalars (| and >) are not supported"),
    ("? dependencies\n: [python]\n", "line 1: explicit keys (?) are not supported"),
    ("base: &b {name: x}\n<<: *b\ndependencies: [python]\n", "line 2: merge keys (<<) are not supported"),
    ("dependencies: [python]\n---\ndependencies: [flask]\n", "line 2: a second YAML document"),
    ("%TAG ! tag:x\n---\ndependencies: [python]\n", "line 1: the %TAG directive is not supported"),
])
def test_what_conda_never_writes_is_refused_on_one_line_naming_it(text, construct):
    with pytest.raises(checker.SpecError) as refused:
        checker.env_file_from_text(text, "e.yml")
    assert str(refused.value).startswith("e.yml: " + construct)
    assert "\n" not in str(refused.value)


def test_a_tab_after_a_list_dash_is_a_separator():
    """PyYAML refuses it, conda's reader (ruamel.yaml) reads it as a space."""
    spaced = checker.parse_yaml("dependencies:\n- python=3.12\n-  flask=3.1\n", "e.yml")
    assert checker.parse_yaml("dependencies:\n-\tpython=3.12\n- \tflask=3.1\n", "e.yml") == spaced


def test_the_reader_agrees_with_pyyaml():
    tried = []

    @EXAMPLES
    @given(environment_file())
    def agree(text):
        expected = yaml.safe_load(text)
        ours = checker.parse_yaml(text, "environment.yml")
        assert ours == {k: v for k, v in expected.items()}, text
        checker.env_file_from_text(text, "environment.yml")  # every entry is a requirement
        tried.append(text)

    agree()
    assert len(tried) == 250
    test_the_reader_agrees_with_pyyaml.tried = tried


@pytest.mark.parametrize("minor", ["3.8", "3.13"])
def test_the_same_files_read_the_same_on_the_oldest_and_newest_python(minor):
    if not hasattr(test_the_reader_agrees_with_pyyaml, "tried"):
        test_the_reader_agrees_with_pyyaml()
    calls = [["env_file_from_text", text, "e.yml"] for text in test_the_reader_agrees_with_pyyaml.tried]
    here = []
    for _, text, path in calls:
        env = checker.env_file_from_text(text, path)
        here.append({"value": [[r.name, r.version, r.build, r.pip] for r in env.requirements]
                     + [env.prefix]})
    assert evaluate(find_python(minor)[0], calls) == here


@pytest.mark.parametrize("text, expected", [
    ("python=3.12", ("python", "3.12", "")), ("python=3.12.1=h2f1_0", ("python", "3.12.1", "h2f1_0")),
    ("conda-forge::flask==3.1.0", ("flask", "3.1.0", "")), ("python 3.12.* *_cpython", ("python", "3.12", "*_cpython")),
    ("python >= 3.8 , < 3.13", ("python", "", "")), ("numpy[version='>=1.26', build=py312*]", ("numpy", "", "py312*")),
    ("pandas=2.2|2.3", ("pandas", "", "")),
])
def test_conda_requirement_forms(text, expected):
    requirement = checker.parse_conda_dep(text)
    assert (requirement.name, requirement.version, requirement.build) == expected


@pytest.mark.parametrize("text, expected", [
    ("tensorflow==2.18.*", ("tensorflow", "2.18")), ("numpy (>=1.26)", ("numpy", "")),
    ("requests[socks]>=2.31; python_version>'3.8'", ("requests", "")),
    ("six===1.16.0", ("six", "1.16.0")), ("pkg @ https://example.org/p.tar.gz", ("pkg", "")),
    ("pkg==1.0 --hash=sha256:abc", ("pkg", "1.0")),
])
def test_pip_requirement_forms(text, expected):
    requirement = checker.parse_pip_dep(text)
    assert (requirement.name, requirement.version) == expected
    assert checker.satisfies("2.18.3", checker.parse_pip_dep("tf==2.18.*").constraint)


@pytest.mark.parametrize("text", ["git+https://example.org/r.git", "./local", "C:\\wheels\\x.whl",
                                  "https://example.org/x.whl"])
def test_a_pip_file_or_address_names_no_package(text):
    assert checker.parse_pip_dep(text) is None


def test_reads_what_conda_env_export_writes(tmp_path):
    path = tmp_path / "environment.yml"
    path.write_text(
        "# exported\nname: practice_env\nchannels: [conda-forge, 'defaults']\n"
        "dependencies:\n- _libgcc_mutex=0.1=conda_forge\n- conda-forge::flask=3.1.0  # web\n"
        "- \"python 3.12.* *_cpython\"\n- pip\n- pip:\n  - tensorflow==2.18.0\n  - -r extra.txt\n"
        "variables:\n  TF_CPP_MIN_LOG_LEVEL: '2'\nprefix: /home/ana/miniforge3/envs/practice_env\n",
        encoding="utf-16")  # as Windows PowerShell 5's `>` writes it
    export = checker.read_env_file(str(path))
    assert export.prefix == "/home/ana/miniforge3/envs/practice_env"
    assert [(r.name, r.version, r.build, r.pip) for r in export.requirements] == [
        ("-libgcc-mutex", "0.1", "conda_forge", False), ("flask", "3.1.0", "", False),
        ("python", "3.12", "*_cpython", False), ("pip", "", "", False),
        ("tensorflow", "2.18.0", "", True)]


def test_the_model_files_pin_the_2026_set():
    spec = checker.load_spec("2026")
    for name in ("environment.yml", "environment-windows.yml"):
        model = checker.read_env_file(str(SOLUTION / name))
        assert checker.uncovered(model, spec) == [], name
        assert not model.prefix and not any(r.build for r in model.requirements)


def test_a_long_line_is_read_in_linear_time():
    """A line of a million spaces before a #: the old regular expression took minutes."""
    text = "dependencies:\n  - python" + " " * 1000000 + "x#\n"
    with pytest.raises(checker.SpecError):
        checker.env_file_from_text(text, "e.yml")
    assert checker.parse_yaml("a: b" + " " * 1000000 + "# c", "e.yml") == {"a": "b"}
