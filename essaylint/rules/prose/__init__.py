"""Rules about the language of the essay (T4xx): spelling, grammar, quotes, consistency."""
