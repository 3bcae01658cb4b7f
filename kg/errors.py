"""One base error for everything govkg reports to a user.

Messages are one plain sentence that says what went wrong and how to fix it;
the CLI prints them without a traceback and exits non-zero.
"""


class GovKGError(Exception):
    """Base class of all errors govkg raises for a user mistake or bad input.

    >>> str(InputError("The file report.txt is empty: give a report with text."))
    'The file report.txt is empty: give a report with text.'
    """


class InputError(GovKGError):
    """A report file that cannot be read: missing, empty, binary, undecodable, malformed."""


class QueryError(GovKGError):
    """A SPARQL query that is malformed, unknown, refused or lacks a parameter."""


class EndpointError(GovKGError):
    """A SPARQL endpoint that is down, slow or answers with an error."""


class GraphError(GovKGError):
    """A graph file that cannot be read or fails validation."""
