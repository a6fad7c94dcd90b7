"""Errors of the knowledge base beyond statutes: every message names the item and what is wrong."""


class KnowledgeError(Exception):
    """A standard, case or calculation that cannot be accepted; the message (中文) says why."""
