"""The only way into a register. Every public method is one transaction and returns records."""

from workbench.services.register import (
    Register,
    default_register_path,
    demo_register_path,
    open_register,
)

__all__ = ["Register", "default_register_path", "demo_register_path", "open_register"]
