"""Titles stacked before one name with nothing between them: «командующий войсками Сибирского военного округа
генерал-полковник X», «Эмир Катара шейх X», «представитель вооружённых сил полковник X». The inner title (a
rank, an honorific) is held where the outer one is: it takes the outer title's organization when it names
none of its own. A comma or «и» between them lists two roles («депутат Госдумы, писатель X»): nothing passes."""

from __future__ import annotations

from itertools import pairwise

from elitewatch.extract.document import DocumentIndex
from elitewatch.model import Position


def share_stacked_orgs(doc: DocumentIndex, positions: list[Position]) -> None:
    """Give each title with no organization the organization of the title stacked right before it."""
    titles = sorted((p for p in positions if p.pattern == "title"), key=lambda p: p.evidence_start)
    for outer, inner in pairwise(titles):
        if inner.person != outer.person or inner.org is not None or inner.org_text is not None:
            continue
        if outer.org is None and outer.org_text is None:
            continue
        between = doc.text[outer.evidence_end : inner.evidence_start]
        if between.strip() or "\n" in between:
            continue
        inner.org, inner.org_text = outer.org, outer.org_text
