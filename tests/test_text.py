"""Sentence bounds (timeline.text): the sentence-break regex finds what its plain form finds."""
import random
import re

from timeline.text import _END, sentence_bounds

# The break as first written: a mark, closing quotes, space, and a capital, quote or digit next;
# or a line break. timeline.text writes it so that the regex engine can skip most characters.
_PLAIN = re.compile(r"(?<=[.!?。！？؟])[\"”’)]*\s+(?=[\"“‘«(\[]?[A-ZÀ-ÖØ-ÞĀ-ſ\u0386\u0388-\u038F\u0391-\u03A9"
                    r"\u0400-\u042F\u0490\u0600-\u06FF\d])|\n\s*")
_PIECES = [".", "!", "?", "。", "؟", "\"", "”", "’", ")", "(", "«", "“", "[", " ", "  ", "\n", "\t", "\n\n",
           "A", "a", "É", "Ё", "ج", "1", "x", "Mr", "e.g", "a.m"]


def test_the_break_regex_finds_the_breaks_of_its_plain_form():
    rng = random.Random(12)
    for _ in range(20000):
        text = "".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 14)))
        assert [m.span() for m in _END.finditer(text)] == [m.span() for m in _PLAIN.finditer(text)], repr(text)


def test_sentences_end_at_marks_and_line_breaks_but_not_after_abbreviations():
    # (a closing quote after the mark goes with the break, as it always has)
    text = "Talks began on Monday. Mr. Smith said \"yes.\" Then\n\nthe vote: 4 a.m. EDT was the time."
    assert [text[a:b] for a, b in sentence_bounds(text)] == [
        "Talks began on Monday.", "Mr. Smith said \"yes.", "Then", "the vote: 4 a.m. EDT was the time."]


def test_a_single_line_break_before_a_lower_case_word_does_not_end_a_sentence():
    # Hard-wrapped text (a plain-text copy, an e-mail) breaks sentences across lines: a line that
    # goes on in lower case continues its sentence. A blank line, or a capital, still ends one.
    text = "The new rules\napply from 1 March. Talks\nStart here\n\nthen more.\nparlament setuju."
    assert [text[a:b] for a, b in sentence_bounds(text)] == [
        "The new rules\napply from 1 March.", "Talks", "Start here", "then more.", "parlament setuju."]
