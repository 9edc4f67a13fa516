"""A claims cache: one file per analysed document, keyed by content, tool and settings.

An entry holds what `analyse` produced for one input file (the Document, its
Segmentation and its Claims) as zlib-compressed JSON of the pydantic models — never
pickle, so a tampered cache file can at worst be rejected, not run code.

Where an entry lives: `<root>/<key hash>/<sha256 of the file>.<format>.json.z`. The key
is the tool version plus a configuration fingerprint (see `cache_key`): a new version,
an edited gazetteer or edited package code/data gives a fresh directory.

Identity: the same bytes may be read under another path, id or role in a later run.
Extraction does not depend on them, so an entry is shared by every copy of a content;
`get` rewrites the document's id/path/role, every claim id (`<doc>#kind-n`) and the
`doc` of every Span to the caller's. The rewrite is done on the JSON text before
validation: in JSON an unescaped `"` cannot stand inside a string, so `"doc":"OLD"`
and `"id":"OLD#` can only be the structural fields themselves.

Safety: writes go to a temp file in the same directory, then `os.replace`, so
concurrent runs leave either entry whole. A corrupt, truncated, foreign or mismatched
entry (wrong key, sha256 or format) reads as a miss and is recomputed.
"""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError
from pydantic_core import to_json

from factcheck.corpus import DocInput
from factcheck.model import Claim, Document, Role, Segmentation
from factcheck.normalise import write_cache_file

DEFAULT_DIR = ".factcheck-cache"
ENTRY_VERSION = 1
_SUFFIX = ".json.z"


class CacheEntry(BaseModel):
    """What one cache file holds."""

    # built on first use: a run without a cache never needs it (saves ~0.5 ms of start-up)
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    version: int = ENTRY_VERSION
    key: str
    document: Document
    segmentation: Segmentation
    claims: list[Claim]


class ClaimsCache:
    """Claims cache under `root` for one cache `key` (see `cache_key`)."""

    def __init__(self, root: Path | str, key: str) -> None:
        self.key = key
        self.root = Path(root)
        self.dir = self.root / hashlib.sha256(key.encode()).hexdigest()[:20]

    def path_for(self, sha256: str, fmt: str) -> Path:
        """The file an entry for this content and format lives in."""
        return self.dir / f"{sha256}.{fmt}{_SUFFIX}"

    def read(self, sha256: str, fmt: str) -> bytes | None:
        """The stored (compressed) entry, unchecked; None when there is none."""
        try:
            return self.path_for(sha256, fmt).read_bytes()
        except OSError:
            return None

    def get_json(
        self, sha256: str, fmt: str, *, doc_id: str, path: str, role: Role
    ) -> bytes | None:
        """The entry's JSON with identity rewritten to the caller's, NOT yet validated
        (`parse` validates); None on a miss or an unreadable file."""
        stored = self.read(sha256, fmt)
        return None if stored is None else unpack(stored, doc_id=doc_id, path=path, role=role)

    def parse(self, raw: bytes, sha256: str, fmt: str) -> DocInput | None:
        """Validate entry JSON; None unless it is whole and matches key, sha256, format."""
        return parse_entry(raw, self.key, sha256, fmt)

    def get(
        self, sha256: str, fmt: str, *, doc_id: str, path: str | None = None, role: Role = "peer"
    ) -> DocInput | None:
        """The cached analysis of content `sha256` read as `fmt`, under the caller's
        id/path/role; None on a miss (or a corrupt entry)."""
        raw = self.get_json(sha256, fmt, doc_id=doc_id, path=path or doc_id, role=role)
        return None if raw is None else self.parse(raw, sha256, fmt)

    def put(self, doc: DocInput) -> None:
        """Store one analysed document; errors writing the cache are ignored."""
        self.store(doc.document.sha256, doc.document.format, entry_bytes(doc, self.key))

    def store(self, sha256: str, fmt: str, packed: bytes) -> None:
        """Store an entry already packed by `entry_bytes` (with this cache's key); a
        read-only or full disk is not the run's failure (`write_cache_file` is quiet)."""
        write_cache_file(self.path_for(sha256, fmt), packed)


def parse_entry(raw: bytes, key: str, sha256: str, fmt: str) -> DocInput | None:
    """Validate entry JSON; None unless it is whole and matches key, sha256 and format."""
    try:
        entry = CacheEntry.model_validate_json(raw)
    except (ValidationError, ValueError):
        return None
    doc = entry.document
    if entry.version != ENTRY_VERSION or entry.key != key:
        return None
    if doc.sha256 != sha256 or doc.format != fmt:
        return None
    return DocInput(document=doc, segmentation=entry.segmentation, claims=tuple(entry.claims))


def entry_json(doc: DocInput, key: str) -> bytes:
    """The uncompressed JSON of one entry."""
    entry = CacheEntry(
        key=key, document=doc.document, segmentation=doc.segmentation, claims=list(doc.claims)
    )
    return entry.model_dump_json().encode()


def entry_bytes(doc: DocInput, key: str) -> bytes:
    """One entry as stored: zlib-compressed JSON (fast level: text compresses well)."""
    return zlib.compress(entry_json(doc, key), 1)


def unpack(stored: bytes, *, doc_id: str, path: str, role: Role) -> bytes | None:
    """Decompress a stored entry and rewrite its identity; None if it is not zlib data."""
    try:
        raw = zlib.decompress(stored)
    except zlib.error:
        return None
    return rewrite_identity(raw, doc_id=doc_id, path=path, role=role)


def _quoted(value: str) -> bytes:
    """`value` as a JSON string exactly as pydantic writes it."""
    return to_json(value)


def rewrite_identity(raw: bytes, *, doc_id: str, path: str, role: Role) -> bytes:
    """Entry JSON with the document's id, path and role, claim ids and span docs
    replaced by the caller's (see the module docstring for why this is exact)."""
    head = raw[: raw.find(b',"text":')] if b',"text":' in raw else raw
    old_id = _field(head, b'"document":{"id":')
    old_path = _field(head, b',"path":')
    old_role = _field(head, b',"role":')
    if old_id is None or old_path is None or old_role is None:
        return raw  # not an entry we wrote: `parse` rejects it
    new_id, new_path, new_role = _quoted(doc_id), _quoted(path), _quoted(role)
    if (old_id, old_path, old_role) == (new_id, new_path, new_role):
        return raw
    before = b'"document":{"id":' + old_id + b',"path":' + old_path + b","
    after = b'"document":{"id":' + new_id + b',"path":' + new_path + b","
    raw = raw.replace(before, after, 1)
    raw = raw.replace(b',"role":' + old_role + b',"text":', b',"role":' + new_role + b',"text":', 1)
    if old_id != new_id:
        raw = raw.replace(b'"doc":' + old_id, b'"doc":' + new_id)
        raw = raw.replace(b'"id":' + old_id[:-1] + b"#", b'"id":' + new_id[:-1] + b"#")
    return raw


def _field(head: bytes, marker: bytes) -> bytes | None:
    """The JSON string value right after `marker` in `head` (quotes included)."""
    i = head.find(marker)
    if i < 0:
        return None
    start = i + len(marker)
    if head[start : start + 1] != b'"':
        return None
    j = start + 1
    while True:
        j = head.find(b'"', j)
        if j < 0:
            return None
        backslashes = len(head[:j]) - len(head[:j].rstrip(b"\\"))
        if backslashes % 2 == 0:
            return head[start : j + 1]
        j += 1


@cache
def code_fingerprint() -> str:
    """Size and mtime of every module and data file of the package: an edited
    extractor or vocabulary (in a source checkout) invalidates the cache."""
    here = Path(__file__).resolve().parent
    return _files_fingerprint(sorted([*here.rglob("*.py"), *here.rglob("*.yaml")]), here)


def _files_fingerprint(files: Iterable[Path], base: Path) -> str:
    h = hashlib.sha256()
    for f in files:
        st = f.stat()
        h.update(f"{f.relative_to(base)}:{st.st_size}:{st.st_mtime_ns};".encode())
    return h.hexdigest()[:16]


def cache_key(settings_fingerprint: str = "", gazetteer_files: Iterable[Path | str] = ()) -> str:
    """The cache key: tool version, package code fingerprint, the contents of the
    gazetteer files in use and whatever else the caller says affects extraction."""
    from factcheck import __version__

    h = hashlib.sha256()
    for p in gazetteer_files:
        try:
            h.update(Path(p).read_bytes())
        except OSError:
            h.update(f"unreadable:{p}".encode())
        h.update(b"\0")
    return f"{__version__}:{code_fingerprint()}:{h.hexdigest()[:16]}:{settings_fingerprint}"
