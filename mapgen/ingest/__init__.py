"""Report ingest: a live blog or news text in, draft incidents for an editor to review out.

>>> result = ingest_file("report.txt", published="2016-02-04")   # doctest: +SKIP
>>> write_drafts("drafts.yaml", result.drafts, result.unresolved)   # doctest: +SKIP
"""
from __future__ import annotations

from mapgen.ingest.drafts import MergeResult, merge_into_project, render_drafts, write_drafts
from mapgen.ingest.report import IngestResult, excerpt, ingest_file, ingest_text

__all__ = ["IngestResult", "MergeResult", "excerpt", "ingest_file", "ingest_text",
           "merge_into_project", "render_drafts", "write_drafts"]
