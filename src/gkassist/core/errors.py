"""Errors the user can act on: each carries one Chinese line naming the file and the place."""


class InputError(Exception):
    """The input cannot be used (exit status 2)."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message
