"""British or American spelling: evidence from a small list of clear cases.

The list holds only words whose spelling tells the dialects apart without
context: -our/-or (colour/color), -ise/-ize and -isation/-ization on a list of
common stems (organise/organize), -yse/-yze (analyse/analyze), -tre/-ter
(centre/center), the doubled l before a suffix (travelled/traveled), -ce/-se
nouns (defence/defense), a few others (grey/gray, aluminium/aluminum) and
British-only forms with no American twin (whilst, amongst, programme,
licence, practise).

Left out on purpose, because both dialects use them: "program" (British for
software), "license" (the British verb), "meter" (a measuring device
everywhere), "dialogue", "analyses" (plural of analysis), "judgment" in law,
"while"/"among". Capitalised words in the middle of a sentence are not
counted: they are names ("World Health Organization", "Lincoln Center",
"the Labour Party"), spelt the way their owners spell them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from essaylint.lazy_pattern import compile_lazily
from essaylint.models import Span

Dialect = Literal["american", "british"]
Hit = tuple[str, int, int]

_OUR_STEMS = (
    "ardo", "armo", "behavio", "cando", "clamo", "colo", "demeano", "endeavo",
    "favo", "fervo", "flavo", "harbo", "hono", "humo", "labo", "misbehavio", "neighbo",
    "odo", "parlo", "rigo", "rumo", "savo", "splendo", "tumo", "valo", "vapo", "vigo",
    "disfavo", "dishono", "discolo",
)  # fmt: skip
_OUR_SUFFIXES = (
    "", "s", "ed", "ing", "ful", "fully", "less", "able", "ably", "er", "ers", "ite",
    "ites", "hood", "hoods", "ly", "ist", "ists", "ings",
)  # fmt: skip
# "behavioural" but not "humoural": British writes "humoral" too.
_OUR_AL_STEMS = ("behavio", "misbehavio")
_ISE_STEMS = (
    "apolog", "author", "capital", "categor", "central", "character", "civil", "colon",
    "commercial", "critic", "custom", "democrat", "desensit", "digital", "emphas",
    "energ", "familiar", "fertil", "final", "formal", "general", "global", "harmon",
    "hospital", "hypothes", "ideal", "jeopard", "legal", "legitim", "local", "margin",
    "maxim", "memor", "minim", "mobil", "modern", "monopol", "neutral", "normal",
    "optim", "organ", "penal", "personal", "polar", "popular", "priorit", "public",
    "rational", "real", "recogn", "reorgan", "sensit", "social", "special", "stabil",
    "standard", "summar", "symbol", "sympath", "synchron", "theor", "urban", "util",
    "visual", "western", "victim", "trivial", "scrutin", "patron", "marginal",
    "internal", "individual", "industrial", "initial", "mechan", "politic", "human",
    "immun", "hospital", "mesmer", "fantas", "agon", "antagon", "vandal", "sanit",
    "stigmat", "radical", "conceptual", "contextual", "operational", "commodit",
)  # fmt: skip
_ISE_SUFFIXES = (
    "e", "ed", "es", "ing", "er", "ers", "ation", "ations", "able",
)  # fmt: skip
_YSE_STEMS = ("analy", "paraly", "cataly")
_YSE_SUFFIXES = ("e", "ed", "ing", "er", "ers")  # "analyses" is also the plural noun
_TRE_STEMS = (
    "cent", "theat", "fib", "lit", "calib", "somb", "spect", "lust", "meag", "sab",
    "kilomet", "centimet", "millimet", "nanomet", "decimet",
)  # fmt: skip
_LL_STEMS = (
    "travel", "model", "label", "cancel", "counsel", "fuel", "signal", "level", "channel",
    "marvel", "quarrel", "tunnel", "total", "dial", "duel", "jewel", "rival", "shovel",
    "snorkel", "swivel", "yodel", "panel", "pedal", "funnel", "grovel",
)  # fmt: skip
_LL_SUFFIXES = ("ed", "ing", "er", "ers")

# British -> American, spelt out.
_PAIRS: dict[str, str] = {
    "defence": "defense", "defences": "defenses", "offence": "offense",
    "offences": "offenses", "pretence": "pretense", "grey": "gray", "greyer": "grayer",
    "greyish": "grayish", "aluminium": "aluminum", "ageing": "aging",
    "judgement": "judgment", "judgements": "judgments", "catalogue": "catalog",
    "catalogues": "catalogs", "catalogued": "cataloged", "mum": "mom", "mums": "moms",
    "sceptic": "skeptic", "sceptics": "skeptics", "sceptical": "skeptical",
    "scepticism": "skepticism", "plough": "plow", "ploughs": "plows", "mould": "mold",
    "mouldy": "moldy", "moustache": "mustache", "manoeuvre": "maneuver",
    "manoeuvres": "maneuvers", "oestrogen": "estrogen", "paediatric": "pediatric",
    "paediatrician": "pediatrician", "anaemia": "anemia", "anaemic": "anemic",
    "anaesthesia": "anesthesia", "anaesthetic": "anesthetic", "haemoglobin": "hemoglobin",
    "haemorrhage": "hemorrhage", "foetus": "fetus", "foetal": "fetal",
    "diarrhoea": "diarrhea", "orthopaedic": "orthopedic", "leukaemia": "leukemia",
    "oesophagus": "esophagus", "pyjamas": "pajamas", "marvellous": "marvelous",
    "jewellery": "jewelry", "enrolment": "enrollment", "enrolments": "enrollments",
    "fulfil": "fulfill", "fulfils": "fulfills", "fulfilment": "fulfillment",
    "skilful": "skillful", "skilfully": "skillfully", "wilful": "willful",
    "instalment": "installment", "instalments": "installments",
    "practised": "practiced", "practising": "practicing", "cosy": "cozy",
    "doughnut": "donut", "counsellor": "counselor", "counsellors": "counselors",
    "panellist": "panelist", "panellists": "panelists", "paralysed": "paralyzed",
}  # fmt: skip
# British spellings with no single American twin (the American form is shared).
_BRITISH_ONLY: dict[str, str | None] = {
    "whilst": "while", "amongst": "among", "programme": "program", "programmes": "programs",
    "licence": "license", "licences": "licenses", "practise": "practice", "tyre": "tire",
    "cheque": "check", "cheques": "checks", "metre": None, "metres": None,
    "practises": "practices", "tyres": "tires", "storey": "story", "storeys": "stories",
    "kerb": "curb",
}  # fmt: skip


def _build() -> tuple[dict[str, str | None], dict[str, str | None]]:
    british: dict[str, str | None] = dict(_BRITISH_ONLY)
    american: dict[str, str | None] = {}

    def pair(gb: str, us: str) -> None:
        british[gb] = us
        american[us] = gb

    for stem in _OUR_STEMS:
        for suffix in _OUR_SUFFIXES:
            pair(f"{stem}ur{suffix}", f"{stem}r{suffix}")
    for stem in _OUR_AL_STEMS:
        for suffix in ("al", "ally", "ism", "ist", "ists"):
            pair(f"{stem}ur{suffix}", f"{stem}r{suffix}")
    for stem in _ISE_STEMS:
        for suffix in _ISE_SUFFIXES:
            pair(f"{stem}is{suffix}", f"{stem}iz{suffix}")
    for stem in _YSE_STEMS:
        for suffix in _YSE_SUFFIXES:
            pair(f"{stem}s{suffix}", f"{stem}z{suffix}")
    for stem in _TRE_STEMS:
        for gb_end, us_end in (("re", "er"), ("res", "ers"), ("red", "ered"), ("ring", "ering")):
            pair(f"{stem}{gb_end}", f"{stem}{us_end}")
    for stem in _LL_STEMS:
        for suffix in _LL_SUFFIXES:
            pair(f"{stem}l{suffix}", f"{stem}{suffix}")
    for gb, us in _PAIRS.items():
        pair(gb, us)
    return british, american


BRITISH, AMERICAN = _build()

_WORD = compile_lazily(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_SENTENCE_START = compile_lazily(r"(?:^|[.!?:;]|^\s*[#>*+-]+|\n\s*\n)[\s\"'“‘(*_#>]*\Z", re.M)


@dataclass(frozen=True)
class DialectEvidence:
    """The British and American spellings found, each as (word, start, end)."""

    british: tuple[Hit, ...] = ()
    american: tuple[Hit, ...] = ()

    def majority(self) -> Dialect | None:
        if len(self.british) > len(self.american):
            return "british"
        if len(self.american) > len(self.british):
            return "american"
        return None


def counterpart(word: str) -> str | None:
    """The other dialect's spelling of ``word`` ("colour" -> "color"), when there is one."""
    key = word.casefold()
    other = BRITISH.get(key) if key in BRITISH else AMERICAN.get(key)
    if other is None:
        return None
    if word[:1].isupper():
        return other[:1].upper() + other[1:]
    return other


def dialect_of(word: str) -> Dialect | None:
    key = word.casefold()
    if key in BRITISH:
        return "british"
    if key in AMERICAN:
        return "american"
    return None


def oxford_acceptable(word: str) -> bool:
    """-ize/-yze words are American, but -ize is also British Oxford spelling."""
    key = word.casefold()
    return key in AMERICAN and "iz" in key and "is" in (AMERICAN[key] or "")


def _is_name(text: str, start: int, word: str) -> bool:
    """A capitalised word in mid-sentence: a name, spelt as its owner spells it."""
    if not word[:1].isupper():
        return False
    if word.isupper() and len(word) > 1:
        return True
    before = text[max(0, start - 40) : start]
    return not _SENTENCE_START.search(before)


def spelling_evidence(text: str, spans: Sequence[Span] | None = None) -> DialectEvidence:
    """Every clearly British and clearly American spelling in ``text`` (or in ``spans``)."""
    regions = [(s.start, s.end) for s in spans] if spans is not None else [(0, len(text))]
    british: list[Hit] = []
    american: list[Hit] = []
    for start, end in regions:
        for m in _WORD.finditer(text, start, end):
            word = m.group(0)
            if len(word) < 3:
                continue
            kind = dialect_of(word)
            if kind is None or _is_name(text, m.start(), word):
                continue
            (british if kind == "british" else american).append((word, m.start(), m.end()))
    return DialectEvidence(british=tuple(british), american=tuple(american))


def detect_dialect(
    text: str, spans: Sequence[Span] | None = None, default: Dialect = "american"
) -> Dialect:
    """The dialect most of the essay's telling spellings belong to; ties give ``default``."""
    return spelling_evidence(text, spans).majority() or default
