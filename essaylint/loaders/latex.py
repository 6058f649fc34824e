"""LaTeX sources.

Decision on comments: the loader blanks them. Every ``%`` comment (a ``%``
not escaped as ``\\%``) is replaced, up to the end of its line, by spaces of
the same length, so the Document text has exactly the offsets, lines and
columns of the file while no rule ever reads commented-out prose or
commented-out ``\\cite`` commands. The one exception is a suppression
directive: a comment whose text starts with ``essaylint:`` (``% essaylint:
ignore[T401]``) is kept verbatim, so the suppression handling reads it from
``Document.text`` like ``<!-- essaylint: ... -->`` in Markdown.

``%`` is literal (not a comment) inside ``\\verb``, inside the arguments of
``\\url``/``\\href`` on the same line and inside ``verbatim``-like environments.
"""

from __future__ import annotations

import re
from pathlib import Path

from essaylint.lazy_pattern import compile_lazily
from essaylint.loaders.errors import cannot_read
from essaylint.models import Document

_SUPPRESSION = compile_lazily(r"%\s*essaylint:")
_VERBATIM_ENVS = ("verbatim", "verbatim*", "lstlisting", "minted", "Verbatim", "comment")
_BEGIN_VERBATIM = compile_lazily(
    r"\\begin\{(" + "|".join(re.escape(e) for e in _VERBATIM_ENVS) + r")\}"
)
_URL_COMMAND = compile_lazily(r"\\(?:url|href|path)\s*\{")
_VERB = compile_lazily(r"\\verb\*?([^A-Za-z\s*])")


def _comment_start(line: str) -> int:
    """Offset of the ``%`` that starts a comment in ``line``, or -1."""
    i = 0
    n = len(line)
    while i < n:
        ch = line[i]
        if ch == "\\":
            verb = _VERB.match(line, i)
            if verb:
                end = line.find(verb.group(1), verb.end())
                i = n if end == -1 else end + 1
                continue
            url = _URL_COMMAND.match(line, i)
            if url:
                depth = 1
                j = url.end()
                while j < n and depth:
                    if line[j] == "{":
                        depth += 1
                    elif line[j] == "}":
                        depth -= 1
                    j += 1
                i = j
                continue
            i += 2  # a control symbol such as \% or \\ : skip both characters
            continue
        if ch == "%":
            return i
        i += 1
    return -1


def blank_latex_comments(text: str) -> str:
    """``text`` with each LaTeX comment replaced by spaces of the same length.

    Line endings (LF or CRLF) and every other character stay where they are.
    Comments that are suppression directives (``% essaylint: ...``) are kept.
    The body of a ``comment`` environment is blanked too.
    """
    out: list[str] = []
    in_env: str | None = None
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        ending = line[len(body) :]
        if in_env is not None:
            end_marker = "\\end{" + in_env + "}"
            pos = body.find(end_marker)
            if pos == -1:
                out.append((" " * len(body) if in_env == "comment" else body) + ending)
                continue
            head = body[: pos + len(end_marker)]
            rest = body[pos + len(end_marker) :]
            if in_env == "comment":
                head = " " * (pos) + head[pos:]
            in_env = None
            out.append(head + _blank_line(rest) + ending)
            continue
        begin = _BEGIN_VERBATIM.search(body)
        if begin is not None:
            before = body[: begin.start()]
            cut = _comment_start(before)
            if cut == -1:
                in_env = begin.group(1)
                out.append(body + ending)
                continue
        out.append(_blank_line(body) + ending)
    return "".join(out)


def _blank_line(body: str) -> str:
    cut = _comment_start(body)
    if cut == -1:
        return body
    if _SUPPRESSION.match(body, cut):
        return body
    return body[:cut] + " " * (len(body) - cut)


# What a reader sees in place of markup, each the length of what it replaces: an escaped
# "\\&" is an ampersand, "``" and "''" the quotation marks they print, pandoc's "{[}" and
# "{]}" brackets, and an invisible anchor (pandoc's "\\leavevmode\\hypertarget{ref-key}{}"
# before each entry) is nothing; so is layout a writer types between paragraphs or entries
# ("\\newline", "\\\\", "\\vspace{1em}"); a control space and a tie before "(" are spaces.
_READ_AS = compile_lazily(
    r"\\&|``|''|\{\[\}|\{\]\}|\\leavevmode\b|\\hypertarget\{[^{}\n]*\}\{\}"
    r"|\\(?:newline|linebreak|pagebreak|newpage|clearpage|noindent|par|medskip|smallskip"
    r"|bigskip|hfill|vfill)(?![A-Za-z])|\\[vh]space\*?\{[^{}\n]*\}|\\\\(?:\[[^\]\n]{0,20}\])?"
    # a control space ("et al.\ (2006)") and a tie before a year ("Mello et al.~(2006)")
    r"|\\(?= )|~(?=\()"
)
_SEEN = {"\\&": " &", "``": " “", "''": "” ", "{[}": "  [", "{]}": "]  "}
# An internal link shows its text: pandoc renders "(\\protect\\hyperlink{ref-sen}{Sen, 1977})".
_HYPERLINK = compile_lazily(r"(?:\\protect\s*)?\\hyperlink\s*\{[^{}\n]*\}\{([^{}]*)\}")


def _seen(match: re.Match[str]) -> str:
    return _SEEN.get(match.group(0), " " * len(match.group(0)))


def _link_text(match: re.Match[str]) -> str:
    """The link's text, pushed against the closing brace: "(Sen, 1977)" keeps its parentheses."""
    shown = match.group(1)
    return " " * (len(match.group(0)) - len(shown)) + _READ_AS.sub(_seen, shown)


def read_latex(text: str) -> str:
    """``text`` with comments blanked and escapes read as their characters, offsets kept.

    See :func:`blank_latex_comments`; besides, ``\\&`` reads as "&", two backquotes
    and two apostrophes as curly quotation marks, ``{[}`` and
    ``{]}`` as brackets, an empty ``\\hypertarget`` anchor or ``\\leavevmode``
    as spaces and a ``\\hyperlink`` as its text, so the citations and the
    reference list pandoc wrote are read as a reader reads them.
    """
    text = _HYPERLINK.sub(_link_text, blank_latex_comments(text))
    return _READ_AS.sub(_seen, text)


def load_latex(data: bytes, path: str) -> Document:
    """A .tex file as a Document (format ``"latex"``), read by :func:`read_latex`."""
    from essaylint.loaders.text import decode_bytes

    decoded = decode_bytes(data, path)
    text = read_latex(decoded.text)
    if not text.strip():
        raise cannot_read(path, "is empty (it has only comments)")
    return Document.from_text(
        text,
        path=path,
        format="latex",
        encoding=decoded.encoding,
        notes=decoded.notes,
    )


_BIB_COMMAND = compile_lazily(
    r"\\(bibliography|addbibresource|addglobalbib|addsectionbib)\s*(?:\[[^\]]*\]\s*)?\{([^}]*)\}"
)


def latex_bib_paths(doc_path: Path, text: str) -> list[Path]:
    """The .bib files a LaTeX document names, resolved beside ``doc_path``.

    Reads ``\\bibliography{a,b}`` (``.bib`` added when missing) and
    ``\\addbibresource{x.bib}`` (also ``\\addglobalbib``/``\\addsectionbib``);
    ``\\jobname`` is the document's own name; commented-out commands are
    ignored. Paths are returned in order without duplicates, whether or not they
    exist: the caller reports missing ones. Absolute names are kept as they are.
    """
    base = Path(doc_path).parent
    found: list[Path] = []
    for match in _BIB_COMMAND.finditer(blank_latex_comments(text)):
        command, argument = match.group(1), match.group(2)
        names = argument.split(",") if command == "bibliography" else [argument]
        for raw in names:
            name = raw.strip()
            if not name:
                continue
            name = name.replace("\\jobname", Path(doc_path).stem)  # the root's own name
            if not name.lower().endswith(".bib"):
                name += ".bib"
            candidate = Path(name)
            resolved = candidate if candidate.is_absolute() else base / candidate
            if resolved not in found:
                found.append(resolved)
    return found
