"""No component imports another component: shared code lives in matching/ (issue 9). A component that
needs another's output reads its span group, declared in pipeline.READS_WRITES."""
import ast
from pathlib import Path

COMPONENTS = Path(__file__).resolve().parents[1] / "src" / "minutes_extract" / "components"
SHARED = {"base"}  # components/base.py: the shared base every component may use


def component_of(path: Path) -> str:
    relative = path.relative_to(COMPONENTS)
    return relative.parts[0].removesuffix(".py")


def imported_components(path: Path) -> set[str]:
    """Component names an import in `path` reaches ("from ..findings import x", "from .dates import y")."""
    depth = len(path.relative_to(COMPONENTS).parts)  # 1: components/x.py, 2: components/pkg/x.py
    return imports_in(path.read_text(encoding="utf-8"), depth)


def imports_in(source: str, package_depth: int) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.level:
            up = node.level - (package_depth - 1)  # levels above the components folder itself
            if up == 1 and node.module:  # from .x / from ..x, resolved to components/x
                names.add(node.module.split(".")[0])
            elif up == 1:
                names.update(alias.name for alias in node.names)
            elif up == 2 and node.module and node.module.startswith("components."):
                names.add(node.module.split(".")[1])
    return names


def test_no_component_imports_another_component():
    offenders = []
    for path in sorted(COMPONENTS.rglob("*.py")):
        if path.name == "__init__.py" and path.parent == COMPONENTS:
            continue  # the package's index registers every factory
        own = component_of(path)
        for other in imported_components(path) - SHARED - {own}:
            offenders.append(f"{path.relative_to(COMPONENTS)} imports {other}")
    assert not offenders, offenders


def test_the_check_sees_an_import_of_another_component():
    """The check can fail: imports of a sibling component, written the ways a module could, are caught."""
    in_package = "from ..segmenter import Segmenter\nfrom .reader import x\nfrom ..base import Found\n"
    assert imports_in(in_package, 2) == {"segmenter", "base"}  # .reader is inside its own package
    assert imports_in("from .dates import Anchors\nfrom .. import extensions\n", 1) == {"dates"}
    assert imports_in("from ...components.metrics import judge\n", 2) == {"metrics"}
