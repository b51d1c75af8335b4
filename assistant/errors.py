"""The one small error family; the API and the CLI translate it once at their boundary."""

from __future__ import annotations


class DQAError(Exception):
    """Base of every error the program reports to a user."""

    status_code = 400


class BadInput(DQAError):
    """A question, filter or parameter that cannot be used."""

    status_code = 422


class UnsupportedFile(DQAError):
    """A file whose type, encoding or content cannot be read (corrupt, empty, needs OCR)."""

    status_code = 415


class TooLarge(DQAError):
    """An upload or question over its size limit."""

    status_code = 413


class NotFound(DQAError):
    """An unknown document id."""

    status_code = 404


class Unauthorized(DQAError):
    """A missing or wrong API key."""

    status_code = 401


class NotReady(DQAError):
    """The store or model is not available yet."""

    status_code = 503
