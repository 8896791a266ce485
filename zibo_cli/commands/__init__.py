"""Every command as a plain function of (database, output format, options): what it does and prints.

``cli/options.py`` names each command's function here (``LIBRARY``); the typer command in
``zibo_cli/cli`` parses the command line and calls it, and so does the fast path for scripts
(``zibo_cli/cli/fast.py``) for the queries: cli → library (here) → render. Neither typer nor click
is imported here, and rich only when a table or a progress bar goes to a terminal; what a command
asks the user (``forget``'s question) comes in as a function.
"""
