"""LIX, the Scandinavian readability index (Björnsson 1968), for decision letters in plain Danish.

    LIX = words / sentences + 100 × long words / words

A word is a run of letters or digits (hyphens and apostrophes inside it belong to it: "SU-lån" is one
word); a long word has more than six letters. A sentence ends at ".", "!", "?" or ":" followed by a
space and a capital letter (or by the end of the text), and at a line break — so a heading or a list
item is a sentence of its own, and "jf. § 24", "kl. 15" or "fx. at" do not end one.
Roughly: under 30 very easy, 30–40 easy (plain letters aim here), 40–50 medium, 50–60 hard, over 60 very
hard (legal prose).
"""

import re
from dataclasses import dataclass

WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
# A sentence boundary: terminal punctuation before a capital letter or the end, or a line break.
BOUNDARY = re.compile(r"[.!?:]+(?=\s+[\"“”»(]*[A-ZÆØÅÄÖÜÉ]|\s*$)|\n")
LONG_WORD_LETTERS = 6


@dataclass(frozen=True)
class Lix:
    words: int
    sentences: int
    long_words: int

    @property
    def score(self) -> float:
        if not self.words:
            return 0.0
        return self.words / max(self.sentences, 1) + 100 * self.long_words / self.words


def lix(text: str) -> Lix:
    """The counts behind the LIX score of `text`."""
    words = 0
    long_words = 0
    sentences = 0
    for part in BOUNDARY.split(text):
        found = WORD.findall(part)
        if not found:
            continue
        sentences += 1
        words += len(found)
        long_words += sum(1 for word in found if sum(ch.isalpha() for ch in word) > LONG_WORD_LETTERS)
    return Lix(words=words, sentences=sentences, long_words=long_words)
