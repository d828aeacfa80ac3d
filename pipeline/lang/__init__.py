"""Language knowledge, one module per language: character classes, punctuation, numerals and
number words. Stages import these instead of writing their own ranges."""
