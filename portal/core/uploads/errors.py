"""The refusal every upload check raises."""


class FileRejected(Exception):
    """A Vietnamese message saying why this file cannot be accepted."""
