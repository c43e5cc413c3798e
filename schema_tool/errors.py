"""Errors a person can act on. The CLI turns them into exit codes in one place."""


class SchemaToolError(Exception):
    """Base class. exit_code: 1 = checks failed, 2 = usage or configuration error."""

    exit_code = 2


class UsageError(SchemaToolError):
    exit_code = 2


class CheckFailed(SchemaToolError):
    exit_code = 1
