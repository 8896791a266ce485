"""The query commands as plain functions of (database, output format, options): what each prints.

Neither typer nor click nor rich is imported here (rich only when a table goes to a terminal), so
the fast path for scripts (``zibo_cli/cli/fast.py``) runs them without loading the CLI framework;
the typer commands in ``zibo_cli/cli`` parse their arguments and call the same functions.
"""
