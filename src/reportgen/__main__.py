"""``python -m reportgen``: the same as the ``reportgen`` command."""

from .cli import main

if __name__ == "__main__":
    main(prog_name="reportgen")
