"""An example essaylint plugin with one rule, X901 exclamation-mark."""
