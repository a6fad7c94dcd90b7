"""Errors of the knowledge base (standards, cases, citations): every message names the item and what is wrong."""


class KnowledgeError(Exception):
    """A standard, case or calculation that cannot be accepted; the message (中文) says why."""


class StoreError(Exception):
    """The data directory's store cannot be opened or written; the message (中文) says what to do."""
