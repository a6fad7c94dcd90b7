"""Why a file was not imported."""


class SkipFile(Exception):
    """The file is not a statute (front matter, a guide page); it is skipped with this reason."""


class ImportFailure(Exception):
    """The file looks like a statute but cannot be read or parsed; the message says why."""
