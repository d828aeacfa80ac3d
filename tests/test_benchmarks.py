"""Every benchmark can run in CI: each script has a quick mode (.ci/run runs them all with --quick)."""

from __future__ import annotations

import ast

import pytest

from pipeline import PROJECT_DIR

SCRIPTS = sorted((PROJECT_DIR / "benchmarks").glob("*.py"))


def is_script(tree: ast.Module) -> bool:
    """Whether the module runs as a script (`if __name__ == "__main__":`), not a shared helper."""
    return any(isinstance(node, ast.If) and "__main__" in ast.unparse(node.test) for node in tree.body)


def options(tree: ast.Module) -> set[str]:
    """The option strings the script gives to argparse's add_argument."""
    return {
        argument.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "add_argument"
        for argument in node.args
        if isinstance(argument, ast.Constant) and isinstance(argument.value, str)
    }


@pytest.mark.parametrize("script", SCRIPTS, ids=[script.name for script in SCRIPTS])
def test_every_benchmark_script_has_a_quick_mode(script):
    tree = ast.parse(script.read_text(encoding="utf-8"))
    if is_script(tree):
        assert "--quick" in options(tree), f"{script.name} has no --quick mode, which CI runs (.ci/run)"


def test_the_helpers_are_told_apart_from_the_scripts():
    scripts = {script.name for script in SCRIPTS if is_script(ast.parse(script.read_text(encoding="utf-8")))}
    assert {"real_size.py", "run.py", "memory.py"} <= scripts
    assert "one_core.py" not in scripts
