"""Which of Harper's rules essaylint switches on.

Harper ships about 900 rules, and its time grows with every rule switched on
whether or not the rule finds anything: on the shared corpus each rule adds
about 0.25 ms to a 2,500-word essay, and the whole set costs more than ten
times Harper's parsing and spelling together. So by default essaylint runs
the "essay" set: every rule Harper enables except

- the ones that misfire on essays (measured on the shared corpus), and
- the ones whose every lint is of a kind essaylint never reports: style,
  formatting, readability and redundancy hints (T401 reports spelling and
  T403 grammar and usage; the rest were thrown away after Harper made them).

Leaving those out changes no finding (tests/services/test_harper_rules.py
checks it). ``harper-rules = "all"`` in the configuration (or
``--harper-rules all``) runs every rule Harper enables, less the misfiring
ones. Pure data and one pure function: nothing here imports Harper.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

HarperRuleSet = Literal["essay", "all"]

#: Harper's lint kinds that essaylint reports (T401 spelling, T403 grammar).
REPORTED_KINDS = frozenset(
    {
        "Spelling", "Grammar", "Agreement", "WordChoice", "Punctuation", "Capitalization",
        "Usage", "Eggcorn", "Malapropism", "Typo", "BoundaryError", "Nonstandard",
        "Miscellaneous", "WordOrder",
    }
)  # fmt: skip

# Rules that misfire on essays (measured on the shared corpus): compound-word
# splitting of technical terms ("chia" -> "chi a"), capitalisation after citations,
# guesses about missing words. Repeated words are essaylint's own rule (T402).
MISFIRING = frozenset(
    {
        "SplitWords", "SentenceCapitalization", "PhrasalVerbAsCompoundNoun", "HowTo",
        "MergeWords", "WrongNegative", "MissingPreposition", "MissingTo",
        "OrthographicConsistency", "Damages", "CompoundNouns", "RepeatedWords", "MassNouns",
        "NounVerbConfusion",
    }
)  # fmt: skip

#: Rules whose every lint is of a kind essaylint does not report, by kind. The
#: kinds were read from Harper's rule sources (the .weir files declare them)
#: and, for the Rust rules, from the lints harper-py 0.2.0 returns for example
#: sentences; a rule that can also emit a reported kind is not listed.
NOT_REPORTED = frozenset(
    {
        # Style
        "AOkHyphen", "Addicting", "AdjectiveOfA", "ArriveOnWeekday", "CauseItIsBecause",
        "Cybersec", "ExpandAlgorithm", "ExpandAlloc", "ExpandArgument", "ExpandBecause",
        "ExpandConfiguration", "ExpandControl", "ExpandCoordinate", "ExpandDecl",
        "ExpandDependencies", "ExpandDereference", "ExpandDirectory", "ExpandFavourite",
        "ExpandForward", "ExpandGovt", "ExpandLegitimate", "ExpandMinimum",
        "ExpandNotification", "ExpandParameter", "ExpandPeople", "ExpandPerformance",
        "ExpandPointer", "ExpandPreference", "ExpandPrevious",
        "ExpandStandardInputAndOutput", "ExpandThough", "ExpandThrough",
        "ExpandVulnerability", "ExpandWith", "ExpandWithout", "FatalOutcome",
        "LitotesDirectPositive", "MakeupCompoundNoun", "OvertimeCompoundNoun",
        "OxfordComma", "PasswordProtectedHyphen", "RainbowColoredHyphen",
        "RedundantPretty", "SendAnEmailTo", "SomewhatSomething", "ThriveOn",
        "TrueToWord", "WasComprisedOf", "WordPressDotcom", "WouldNeverHave",
        # Redundancy
        "ACoupleMore", "AfterLater", "AmInTheMorning", "AnAnother", "AnotherAn",
        "AsIfThough", "AvoidAndAlso", "AwaitFor", "CallThem", "CondenseAllThe",
        "EverPronounRelPronoun", "FellowCoRedundancy", "ForFreeOfCharge",
        "InTimeFromNow", "ItLooksLikeThat", "KindOf", "MoreBetter", "OverPlus",
        "RedundantAcronyms", "RedundantAdditiveAdverbs", "RedundantAlmostNearly",
        "RedundantFirsts", "RedundantIIRC", "RedundantProgressiveComparative",
        "RedundantSelf", "RedundantSuperlatives", "SideTangent",
        "TheProperNounPossessive", "Towards", "TruthToTheFact", "VeryMuchSo",
        "WholeEntire", "WillGonna",
        # Formatting
        "CurrencyPlacement", "Dashes", "DotInitialisms", "EllipsisLength",
        "FootInchMinuteSecondSymbols", "NoFrenchSpaces", "NumericRangeEnDash",
        "QuoteSpacing", "Spaces", "UnclosedQuotes", "UseEllipsisCharacter",
        # Repetition
        "CriteriaPhenomena", "MultipleSequentialPronouns", "RedundantThat", "ThatWhich",
        "TheMy",
        # Regionalism
        "HaveTakeALook", "InOnTheCards", "OutOfTheWindow", "Regionalisms", "TillDate",
        # Enhancement
        "Cant", "Excellent", "Freezing", "Starving",
        # Readability
        "LongSentences",
    }
)  # fmt: skip


def rule_config(
    defaults: Mapping[str, bool | None], rules: HarperRuleSet
) -> dict[str, bool | None]:
    """Harper's lint configuration for a rule set, from Harper's own defaults.

    A rule Harper adds in a later version is kept at its default, so an
    upgrade never silently drops a check.
    """
    skipped = MISFIRING if rules == "all" else MISFIRING | NOT_REPORTED
    return {name: bool(enabled) and name not in skipped for name, enabled in defaults.items()}
