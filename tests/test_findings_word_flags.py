"""Vocabulary.with_bit: which words' gates (or near bits) hold a bit, kept per word number and extended as the
vocabulary grows between documents; it must say what testing each word's bits says."""
from minutes_extract.components.findings.lexicon import Vocabulary


def _vocabulary():
    # gates: bit 1 for words with an "a", bit 2 for words longer than four letters, bit 4 for "the"; near: bit 8 for "o"
    def describe(word):
        gates = (1 if "a" in word else 0) | (2 if len(word) > 4 else 0) | (4 if word == "the" else 0)
        return 0, -1, 0, gates, 8 if "o" in word else 0
    return Vocabulary(describe, with_near=True)


def _expected(vocab, table, bit):
    return [bits & bit != 0 for bits in getattr(vocab, table)[:len(vocab.words)].tolist()]


def test_flags_follow_the_words_added_after_they_were_first_asked():
    vocab = _vocabulary()
    for word in ("the", "inspection", "was", "good"):
        vocab[word]
    asked = [(table, bit) for table in ("gates", "near") for bit in (1, 2, 4, 8, Vocabulary.ANY_GATE)]
    for table, bit in asked:
        assert vocab.with_bit(bit, table).tolist() == _expected(vocab, table, bit)
    for word in ("children", "a", "plan", "thorough", "the"):  # new words (and one known): the flags grow
        vocab[word]
    for table, bit in asked:
        assert vocab.with_bit(bit, table).tolist() == _expected(vocab, table, bit), (table, bit)
    assert vocab.with_bit(Vocabulary.ANY_GATE).tolist() == [True, True, True, False, True, True, True, True]
