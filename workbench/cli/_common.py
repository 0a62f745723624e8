"""Helpers shared by the subcommands: opening the register the options name, printing."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from workbench.domain import codec
from workbench.services import Register, demo_register_path, open_register


def open_from_args(args: argparse.Namespace) -> Register:
    if getattr(args, "demo", False):
        from workbench.services.demo import ensure_demo_register

        register: Register = ensure_demo_register(
            args.db or demo_register_path(), author=args.author
        )
        return register
    return open_register(args.db, author=args.author)


def print_json(payload: Any) -> None:
    json.dump(payload, sys.stdout, ensure_ascii=False, indent=2, sort_keys=False)
    sys.stdout.write("\n")


def records_json(records: list[Any]) -> list[dict[str, Any]]:
    return [codec.to_dict(r) for r in records]


def print_table(headers: list[str], rows: list[list[str]]) -> None:
    widths = [len(h) for h in headers]
    for row in rows:
        for i, cell in enumerate(row):
            widths[i] = min(max(widths[i], len(cell)), 60)
    line = "  ".join(h.ljust(widths[i]) for i, h in enumerate(headers))
    print(line)
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print("  ".join(_cut(cell, widths[i]).ljust(widths[i]) for i, cell in enumerate(row)))


def _cut(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
