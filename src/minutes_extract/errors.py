"""One catalogue of error codes. The library raises these; only the CLI turns them into messages,
and the batch runner turns them into error records."""
from __future__ import annotations


class MinutesError(Exception):
    code = "E000"
    path: str | None = None  # the input (or "archive.zip!member") the error is about, when known

    def __init__(self, message: str, path: str | None = None):
        super().__init__(message)
        self.message = message
        if path is not None:
            self.path = path


class UsageError(MinutesError):
    """A user's mistake on the command line (missing path, unwritable output)."""
    code = "E001"


class InputNotFound(UsageError):
    code = "E002"


class UnreadableInput(MinutesError):
    code = "E101"


class EmptyInput(MinutesError):
    code = "E102"


class UnsupportedFormat(MinutesError):
    code = "E103"


class CorruptInput(MinutesError):
    code = "E104"


class EncryptedInput(MinutesError):
    code = "E105"


class InputTooLarge(MinutesError):
    code = "E106"


class UnsafeArchive(MinutesError):
    code = "E107"


class NoText(EmptyInput):
    """The document parsed but holds no extractable text (e.g. a scanned PDF with no text layer)."""
    code = "E108"


class ExtractionFailed(MinutesError):
    """A bug: the pipeline raised on a document. Recorded, never fatal to a batch."""
    code = "E900"


class RuleFileError(MinutesError):
    code = "E200"
