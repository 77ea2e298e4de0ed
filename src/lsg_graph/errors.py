"""Errors the CLI reports as one plain line (a traceback only with --debug)."""

from __future__ import annotations


class LsgGraphError(Exception):
    """An error with a message meant for the user; `exit_code` is what the CLI exits with."""

    exit_code = 1


class UsageError(LsgGraphError):
    """The user asked for something that does not exist or gave a value of the wrong type."""

    exit_code = 2
