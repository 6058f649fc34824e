"""Invented essays for grading tests: a class made in the test, never copied from anywhere.

``distinct_essay(seed)`` writes a different essay on one topic (school phones)
for every seed: sentences are drawn from slot-filled patterns with many
choices per slot, so two essays share topic words but hardly ever five words
in a row, as two students writing on the same question would.
"""

from __future__ import annotations

import random

_OPENERS = [
    "Moreover",
    "However",
    "In practice",
    "At first",
    "Still",
    "Later on",
    "Even so",
    "By contrast",
    "Over time",
    "Perhaps",
    "Above all",
    "In my school",
    "Meanwhile",
]
_SUBJECTS = [
    "pupils",
    "teachers",
    "parents",
    "head teachers",
    "younger children",
    "older students",
    "school nurses",
    "librarians",
    "coaches",
    "counsellors",
    "class tutors",
    "families",
]
_VERBS = [
    "notice",
    "argue",
    "worry",
    "suspect",
    "report",
    "complain",
    "admit",
    "insist",
    "remember",
    "suggest",
    "discover",
    "believe",
    "doubt",
    "accept",
]
_ADJS = [
    "quiet",
    "restless",
    "crowded",
    "noisy",
    "calm",
    "tired",
    "focused",
    "distracted",
    "cheerful",
    "anxious",
    "patient",
    "curious",
    "bored",
    "careful",
    "lively",
]
_PLACES = [
    "corridors",
    "canteens",
    "classrooms",
    "playgrounds",
    "libraries",
    "buses",
    "lockers",
    "staff rooms",
    "sports halls",
    "common rooms",
    "science labs",
]
_THINGS = [
    "phones",
    "tablets",
    "smartwatches",
    "earphones",
    "chargers",
    "group chats",
    "notifications",
    "screens",
    "games",
    "messages",
    "cameras",
    "videos",
]
_TIMES = [
    "during lunch",
    "before assembly",
    "after the bell",
    "between lessons",
    "on Mondays",
    "in winter",
    "at break",
    "during exams",
    "on trips",
    "in the mornings",
    "after school",
]
_LINKS = ["because", "although", "while", "since", "whenever", "unless", "until", "once"]

_PATTERNS = [
    "{o}, {s} {v} that {adj} {p} feel different {t}.",
    "{S} {v} that {th} make {p} {adj} {t}, {l} {s2} {v2} otherwise.",
    "{o}, {th} stay in {p} {t} {l} {s} {v} it.",
    "{S} seem {adj} {t}, and {s2} {v2} that {th} matter less.",
    "{o}, few {s} {v} how {adj} {p} become {l} {th} vanish.",
    "{S} {v} rules on {th}, {l} {adj} {s2} keep them {t}.",
]


def _sentence(rng: random.Random) -> str:
    def pick(items: list[str]) -> str:
        return rng.choice(items)

    s = pick(_SUBJECTS)
    return rng.choice(_PATTERNS).format(
        o=pick(_OPENERS), s=s, S=s[0].upper() + s[1:], v=pick(_VERBS), adj=pick(_ADJS),
        p=pick(_PLACES), t=pick(_TIMES), th=pick(_THINGS), l=pick(_LINKS),
        s2=pick(_SUBJECTS), v2=pick(_VERBS),
    )  # fmt: skip


def distinct_essay(seed: int, paragraphs: int = 5, sentences: int = 6) -> str:
    """A Markdown essay on phones in school, different for every seed, with one cited source."""
    rng = random.Random(seed)
    body = "\n\n".join(
        " ".join(_sentence(rng) for _ in range(sentences)) for _ in range(paragraphs)
    )
    return (
        f"# Phones in school\n\n{body} Schools differ widely here (Marlow, 2021).\n\n"
        "## References\n\n"
        "Marlow, T. (2021). Devices in the classroom. Journal of School Life, 8(2), 40-55.\n"
    )


def change_words(text: str, every: int, seed: int = 0) -> str:
    """``text`` with one body word in ``every`` replaced by another: a lightly disguised copy."""
    rng = random.Random(seed)
    words = text.split(" ")
    for i in range(5, len(words) - 12, every):
        if words[i].isalpha():
            words[i] = rng.choice(["really", "clearly", "often", "mostly", "surely"])
    return " ".join(words)


CAREFUL = """# Screens and sleep

Teenagers now spend long evenings with phones in hand (Carter, 2018). Light from screens
delays the release of melatonin, which shifts the body clock later (Nguyen & Patel, 2020).
Schools that moved their start times later saw attendance improve (Okafor, 2019).

Yet the picture is mixed. Some students use phones to wind down, and parents report calmer
evenings when devices are shared rather than banned (Carter, 2017).

## References

Carter, J. (2018). Night-time phone use among adolescents. Journal of Youth Studies, 21(4), 455-470.

Nguyen, L., & Patel, R. (2020). Screen light and melatonin onset. Sleep Health, 6(2), 112-119.

Okafor, B. (2019). Later school start times and attendance. Education Review, 12(1), 33-48.

Quill, S. (2016). Homework and family evenings. Family Studies Quarterly, 3(1), 5-19.
"""

NO_SOURCES = """# Screens and sleep

It is obvious that phones are ruining how young people sleep. As one expert put it, "the
bedroom has become the most connected room in the house and the least restful one."
Studies have shown that 72% of teenagers keep a phone within reach at night.

Another writer claimed that "no generation has ever been asked to fall asleep next to a
glowing window onto the whole world." The answer is simple: take the phones away at nine.
"""

UNRECOGNISED = """# Screens and sleep

Teenagers sleep less than they need, and the glowing phone is often blamed {Hollis: 45}.
Hollis argues that the habit begins early, long before high school {Hollis: 52}. Others
point to homework loads that push bedtimes past midnight {Marsh: 17}.

## Works Cited

Hollis, Dana. Wired at Night. Riverbend Press, 2016.

Marsh, Peter. "Homework and the Late Bedtime." Education Weekly, vol. 9, no. 3, 2019, pp. 14-20.

Tran, Minh. Sleep Debt in Schools. Harbour Books, 2018.
"""
