"""LIX on known Danish texts, each value counted by hand (words / sentences + 100 × long words / words)."""

import pytest

from casework.readability import lix

FYRTOEJET = (
    "Der kom en soldat marcherende hen ad landevejen: én, to! én, to! Han havde sit tornyster på ryggen og en "
    "sabel ved siden, for han havde været i krigen, og nu skulle han hjem."
)


@pytest.mark.parametrize(
    ("text", "words", "sentences", "long_words", "score"),
    [
        # Two short sentences; "afgørelsen" is the one word of more than six letters ("ændrer" has six).
        ("Du får ret. Vi ændrer afgørelsen.", 6, 2, 1, 6 / 2 + 100 * 1 / 6),
        # Grundloven § 1: nine words, "grundlov" and "Danmarks" long.
        ("Denne grundlov gælder for alle dele af Danmarks Rige.", 9, 1, 2, 9 + 100 * 2 / 9),
        # Grundloven § 2: a hyphenated word is one word.
        ("Regeringsformen er indskrænket-monarkisk.", 3, 1, 2, 3 + 100 * 2 / 3),
        # H.C. Andersen, Fyrtøjet: "landevejen: én" and "to! én" go on (small letter), "to! Han" ends;
        # 12 + 22 words, long: marcherende, landevejen, tornyster.
        (FYRTOEJET, 34, 2, 3, 34 / 2 + 100 * 3 / 34),
        # Case prose: 13 words, 7 long (Kommunen, truffet, afgørelse, ansøgningen, merudgifter,
        # servicelovens, bestemmelser).
        (
            "Kommunen har truffet afgørelse om afslag på ansøgningen om merudgifter efter servicelovens bestemmelser.",
            13,
            1,
            7,
            13 + 100 * 7 / 13,
        ),
        # A heading line is a sentence; "jf. § 24" does not end one; numbers are words.
        (
            "Begrundelse\nVi har lagt vægt på lægens udtalelse, jf. § 24 i loven. Du kan klage.",
            15,
            3,
            2,
            15 / 3 + 100 * 2 / 15,
        ),
    ],
)
def test_lix_of_known_texts(text, words, sentences, long_words, score):
    counted = lix(text)
    assert (counted.words, counted.sentences, counted.long_words) == (words, sentences, long_words)
    assert counted.score == pytest.approx(score)


def test_the_scores_by_hand():
    assert round(lix("Du får ret. Vi ændrer afgørelsen.").score, 2) == 19.67
    assert round(lix(FYRTOEJET).score, 2) == 25.82


def test_empty_text_scores_zero():
    assert lix("").score == 0.0
    assert lix(" \n . ").score == 0.0
