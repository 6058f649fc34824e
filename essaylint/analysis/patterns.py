"""The patterns several modules read by: one definition of each, used everywhere.

A year, a footnote, a reference list's heading, front matter, emphasis: when two
readers of the same text disagree about what one of these looks like, essaylint
contradicts itself (a line the section finder calls a heading is an entry to the
entry splitter). So each is written once, here, and the modules that need one
import it or build their own pattern around it.
"""

from __future__ import annotations

import re

# --- years ---------------------------------------------------------------------------

#: The four digits of a publication year, 1500-2099 (a bare fragment to build patterns from).
YEAR_DIGITS = r"(?:1[5-9]\d\d|20\d\d)"
#: A year as citations and entries write it: "2019", "2019a", "n.d.", "in press",
#: "forthcoming"; a decade ("1950s") is no year.
YEAR = r"(?:" + YEAR_DIGITS + r"(?!(?<=0)s)[a-z]?|n\.\s?d\.?|in\s+press|forthcoming)"

# --- markup --------------------------------------------------------------------------

#: Markdown emphasis around a run of text: *x*, **x**, ***x***, _x_, __x__ (group 2 is x).
EMPHASIS = re.compile(r"(?<![\w*\\])(\*{1,3}|_{1,2})(?=[^\s*_])(.+?)(?<=[^\s*_])\1(?![\w*])")
#: YAML front matter (pandoc, Jekyll, Hugo): "---" on the first line that is not blank,
#: closed by "---" or "..."; group 1 is the YAML.
FRONT_MATTER = re.compile(
    r"\A\ufeff?(?:[ \t]*\r?\n)*---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S
)
#: An HTML character reference: "&amp;", "&#8217;", "&#x2019;".
HTML_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
#: A LaTeX cite command (\\cite, \\parencite, \\citet, \\nocite, ...) with its keys.
LATEX_CITE = re.compile(
    r"\\(?P<cmd>[a-zA-Z]*cite[a-zA-Z]*)\*?(?P<opt1>\[[^\]]*\])?(?P<opt2>\[[^\]]*\])?\{(?P<keys>[^}]*)\}"
)
#: Every dash and hyphen, for a character class ("[" + DASHES + "]"); the hyphen is last.
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212-"
