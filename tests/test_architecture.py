"""The design's fixed rule: `print_service` never imports `kiosk`, and core modules do no I/O imports."""

import ast
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_print_service_never_imports_kiosk() -> None:
    offenders = [
        str(path.relative_to(REPO))
        for path in (REPO / "print_service").rglob("*.py")
        if any(name == "kiosk" or name.startswith("kiosk.") for name in imported_modules(path))
    ]
    assert offenders == []


def test_the_rule_checker_sees_imports(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("import kiosk.cli\nfrom kiosk.config import Config\n")
    assert imported_modules(sample) == {"kiosk.cli", "kiosk.config"}
