"""The document model: what a posting is once read: text, structure, language and place."""

from __future__ import annotations

from .doc import Document

__all__ = ["Document"]
