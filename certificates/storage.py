"""Where certificate PDFs are kept: the private storage, never a public URL."""

from django.core.files.storage import storages


def private_storage():
    """`STORAGES["private"]`: read through `/certificates/<code>.pdf`, which checks."""
    return storages["private"]
