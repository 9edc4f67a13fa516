"""Fact sheets: a YAML list of approved facts, read as a reference document.

```yaml
facts:
  - subject: the Bourbourg plant
    attribute: capacity
    value: 16 GWh per year
    keywords: [initial capacity, gigafactory]
    date: 2025-12-11        # optional: when the fact holds
```

Each fact becomes one sentence of plain text ("the Bourbourg plant capacity
(initial capacity, gigafactory): 16 GWh per year.") that the ordinary extractors
read, so a fact sheet is compared exactly like a press release. Every sentence
maps back to the `value:` line of its fact in the YAML file.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from factcheck.errors import ConfigError, InputFileError
from factcheck.model import Document, SourceMap
from factcheck.yamlload import error_message, load_yaml, read_text_file


class Fact(BaseModel):
    model_config = ConfigDict(extra="forbid")

    subject: str = Field(min_length=1)
    attribute: str = Field(min_length=1)
    value: str | int | float
    keywords: list[str] = Field(default_factory=list)
    date: dt.date | str | None = None


class FactSheet(BaseModel):
    model_config = ConfigDict(extra="forbid")

    facts: list[Fact]


def fact_sentence(fact: Fact) -> str:
    """The plain-text sentence a fact is read as."""
    keywords = f" ({', '.join(fact.keywords)})" if fact.keywords else ""
    when = f" on {fact.date}" if fact.date else ""
    value = fact.value if isinstance(fact.value, str) else f"{fact.value:,}"
    return f"{fact.subject} {fact.attribute}{keywords}: {value}{when}."


def _error(path: str, line: int | None, message: str) -> InputFileError:
    """`facts.yaml:5: message`, like a rule pack's errors: the line goes with the path."""
    return InputFileError(f"{path}:{line}" if line else path, message)


def load_facts(path: str) -> Document:
    """Read a fact sheet into a reference Document; errors cite file and line."""
    try:
        source = read_text_file(path)
        located = load_yaml(source, path)
    except ConfigError as exc:
        raise _error(path, exc.line, exc.reason) from None
    try:
        sheet = FactSheet.model_validate(located.data)
    except ValidationError as exc:
        err = exc.errors()[0]
        line = located.line_of(tuple(err["loc"]))
        where = ".".join(str(p) for p in err["loc"]) or "facts"
        raise _error(path, line, f"{where}: {error_message(err)}") from None
    line_starts = [0]
    for i, ch in enumerate(source):
        if ch == "\n":
            line_starts.append(i + 1)
    text_parts: list[str] = []
    run_text: list[int] = []
    run_source: list[int] = []
    offset = 0
    for n, fact in enumerate(sheet.facts):
        line = located.line_of(("facts", n, "value")) or 1
        value_start = line_starts[min(line, len(line_starts)) - 1]
        sentence = fact_sentence(fact)
        # Every character of the generated sentence points at its fact's `value:` line.
        run_text.extend(range(offset, offset + len(sentence) + 2))
        run_source.extend([value_start] * (len(sentence) + 2))
        text_parts.append(sentence)
        offset += len(sentence) + 2
    text = "\n\n".join(text_parts)
    return Document(
        id=str(Path(path)),
        path=str(Path(path)),
        format="facts",
        role="reference",
        text=text,
        source=source,
        source_map=SourceMap(
            run_text=run_text or [0],
            run_source=run_source or [0],
            line_starts=line_starts,
        ),
        sha256=hashlib.sha256(source.encode("utf-8")).hexdigest(),
    )
