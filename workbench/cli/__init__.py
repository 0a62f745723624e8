"""The `dpo-workbench` command line: the composition root for headless work.

Each subcommand lives in its own `commands_<name>.py` module exposing `register(subparsers)`;
`main.py` lists them in COMMAND_MODULES. A command returns the process exit code.
"""
