"""Uploaded files put in a private folder for the ingest, each under a name of its own, and the ingest's
report told in the uploads' names (never the server's folder)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from elitewatch.errors import InputError
from elitewatch.ingest.readers import SIDECAR_SUFFIX
from elitewatch.pipeline import IngestReport

UPLOAD_LIMIT = 5_000_000  # bytes of one uploaded file
NAME_LIMIT = 200  # bytes of a file name: most file systems stop at 255, and a duplicate gets "-2" added
UNSAFE = re.compile(r"[\x00-\x1f\x7f]")


@dataclass
class Saved:
    folder: Path
    names: list[str] = field(default_factory=list)  # as saved, one per upload, in order
    renamed: list[dict[str, str]] = field(default_factory=list)  # {"upload": given, "as": saved}
    refused: list[tuple[str, str]] = field(default_factory=list)  # (name, reason), before the ingest

    def inputs(self) -> list[str]:
        """The paths to ingest; a sidecar is read with its document, not as one."""
        return [str(self.folder / name) for name in self.names if not name.endswith(SIDECAR_SUFFIX)]

    def tell(self, text: str) -> str:
        """`text` with the folder taken out, so that a file is named as it was uploaded."""
        for folder in {str(self.folder), str(self.folder.resolve())}:
            text = text.replace(folder + "/", "").replace(folder, "upload")
        return text


def file_name(given: str | None) -> str:
    """The name to save an upload under: its last part (a browser may send C:\\…\\name.txt); refused
    when nothing usable is left."""
    name = re.split(r"[/\\]", given or "")[-1].strip()
    if UNSAFE.search(name):
        raise InputError("the upload's file name has control characters", source=given)
    if name in ("", ".", ".."):
        raise InputError("the upload needs a file name, such as article.txt", source=given)
    if len(name.encode("utf-8", "replace")) > NAME_LIMIT:
        raise InputError(f"the upload's file name is longer than {NAME_LIMIT} bytes", source=given)
    return name


def unique(name: str, taken: set[str]) -> str:
    """`name`, or with "-2", "-3" … before its suffix when another upload has it: both are ingested, with
    ids of their own (a sidecar's number matches its document's when both come twice)."""
    if name not in taken:
        return name
    suffix = SIDECAR_SUFFIX if name.endswith(SIDECAR_SUFFIX) else Path(name).suffix
    stem = name[: len(name) - len(suffix)]
    number = 2
    while f"{stem}-{number}{suffix}" in taken:
        number += 1
    return f"{stem}-{number}{suffix}"


def save(folder: Path, uploads: list[tuple[str | None, BinaryIO]]) -> Saved:
    """Each (file name, content) written into `folder`; every name is checked before anything is written."""
    saved = Saved(folder)
    taken: set[str] = set()
    for given, _ in uploads:
        name = unique(file_name(given), taken)
        taken.add(name)
        saved.names.append(name)
        if name != given:
            saved.renamed.append({"upload": given or "", "as": name})
    for name, (given, content) in zip(saved.names, uploads, strict=True):
        data = content.read(UPLOAD_LIMIT + 1)
        if len(data) > UPLOAD_LIMIT:
            raise InputError(f"over the upload limit of {UPLOAD_LIMIT} bytes", source=given)
        (folder / name).write_bytes(data)
    documents = {name.rsplit(".", 1)[0] for name in saved.names if not name.endswith(SIDECAR_SUFFIX)}
    for name in saved.names:
        if name.endswith(SIDECAR_SUFFIX) and name.removesuffix(SIDECAR_SUFFIX) not in documents:
            saved.refused.append((name, f"a {SIDECAR_SUFFIX} file is read with its document, and none came with it"))
    return saved


def report_json(saved: Saved, report: IngestReport) -> dict[str, Any]:
    """The ingest report as the API gives it, refusals under the uploads' names."""

    def told(pairs: list[tuple[str, str]]) -> list[dict[str, str]]:
        return [{"source": saved.tell(source), "reason": saved.tell(reason)} for source, reason in pairs]

    return {
        "added": report.added,
        "replaced": report.replaced,
        "unchanged": report.unchanged,
        "refused": told(saved.refused + report.refused),
        "warnings": told(getattr(report, "warnings", [])),  # newer reports name what was ignored
        "renamed": saved.renamed,
    }
