"""Golden outputs for the fixtures: `make golden` (python tests/golden.py --write) regenerates them
after a deliberate change; tests/test_golden.py fails on any unintended change in what is extracted."""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden"
FIXTURE_GLOBS = ("fixtures/0*.txt", "fixtures/formats/*.html", "fixtures/formats/*.pdf", "fixtures/inspection/*.txt")


def fixture_paths() -> list[Path]:
    return sorted(p for pattern in FIXTURE_GLOBS for p in ROOT.glob(pattern))


def without_confidence(node):
    """Confidence comes from models/confidence.json (`make calibrate`), not from the rules: not pinned here."""
    if isinstance(node, dict):
        return {k: without_confidence(v) for k, v in node.items() if k != "confidence"}
    if isinstance(node, list):
        return [without_confidence(x) for x in node]
    return node


def golden_view(record) -> dict:
    """What a golden file pins: the record minus the text, the source details that move with paths and
    the confidences (tests/test_confidence.py covers those)."""
    data = without_confidence(record.model_dump(mode="json"))
    data.pop("text", None)
    data["source"] = {"format": data["source"]["format"], "sha256": data["source"]["sha256"]}
    return data


def golden_file(path: Path) -> Path:
    return GOLDEN / f"{path.parent.name}__{path.name}.json"


def main(argv: list[str]) -> int:
    from minutes_extract.extract import extract_path
    from minutes_extract.pipeline import build_pipeline
    nlp = build_pipeline()
    GOLDEN.mkdir(exist_ok=True)
    for path in fixture_paths():
        (record,) = list(extract_path(path, nlp))
        golden_file(path).write_text(json.dumps(golden_view(record), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {golden_file(path).relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    if "--write" not in sys.argv:
        sys.exit("usage: python tests/golden.py --write   (regenerates tests/golden/)")
    sys.exit(main(sys.argv))
