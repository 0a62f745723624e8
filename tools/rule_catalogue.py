"""Write the rule catalogue (workbench/compliance/checks/rule_catalogue.py) into README.md.

    python tools/rule_catalogue.py

tests/unit/compliance/test_rule_catalogue.py fails when the README's table is not this one.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from workbench.compliance.checks.rule_catalogue import (  # noqa: E402 - after the path
    README_END,
    README_START,
    catalogue_markdown,
)


def main() -> int:
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    start, end = text.index(README_START), text.index(README_END) + len(README_END)
    readme.write_text(text[:start] + catalogue_markdown() + text[end:], encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
