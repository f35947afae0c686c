"""A cheap necessary condition for a compiled regex: `required(pattern)` gives a regex that
finds, in any stretch of text where `pattern` can match, some piece every match must contain.

The piece is read off the pattern's own parse tree (the characters and character classes it
must consume), so it holds for whatever data the pattern was built from and needs no list kept
by hand. A recogniser whose required piece is absent from a window is not run there: most of
the tagger's patterns need a word or a digit shape (a unit word, "century", "年", a 4-digit
year) that most windows lack, and finding that piece costs a fraction of running the pattern.

Exactness: every atom of the piece is one character or one character class of the pattern,
compiled with the flags in force where the pattern has it, and look-arounds contribute nothing
(they consume no text), so a match of the pattern inside [lo, hi) always contains a match of
the piece inside [lo, hi).
"""
from __future__ import annotations

import _sre
import re
from functools import lru_cache
from re import _constants as C
from re import _parser

# Largest set of strings a node is still spelled out as (all the words of a trie alternation,
# a few digit shapes); beyond it only what each string must contain is kept.
_CAP = 512
# A piece weaker than this (one letter, a space) finds a match in nearly every window: no filter.
_MIN_WEIGHT = 2.0

_CATEGORIES = {
    C.CATEGORY_DIGIT: r"\d", C.CATEGORY_NOT_DIGIT: r"\D", C.CATEGORY_SPACE: r"\s",
    C.CATEGORY_NOT_SPACE: r"\S", C.CATEGORY_WORD: r"\w", C.CATEGORY_NOT_WORD: r"\W",
}


def required(pattern: re.Pattern, present: frozenset[str] = frozenset()) -> re.Pattern | None:
    """A regex (same flags as `pattern`) matching, in any text `pattern` matches, somewhere
    inside that match; None when no piece selective enough can be read off the pattern.

    `present`: lower-case words one of which every text to be filtered holds (the triggers
    its windows were cut around). When each of them holds the piece, the filter could
    never reject a text and is not worth its search: None.
    """
    return required_pair(pattern, present)[0]


def required_pair(pattern: re.Pattern, present: frozenset[str] = frozenset()) -> tuple[re.Pattern | None, tuple | None]:
    """(`required(pattern, present)`, that filter's `literal_led` form or None). In a text where
    no character begins a match of the filter but ASCII and the covered ones, the literal-led form
    finds a match exactly where the filter does, and is quicker to search."""
    try:
        tree = _parsed(pattern.pattern, pattern.flags)
        _, need = _sequence(list(tree), pattern.flags)
    except _Unknown:   # a construct this reader does not know: no filter, never a wrong one
        return None, None
    if need is None or _score(need)[0] < _MIN_WEIGHT:
        return None, None
    if not need:
        return _NEVER, None   # the pattern can match nothing at all
    need = _minimal(need)
    if present and _always_holds(need, present):
        return None, None
    flags = pattern.flags & ~re.IGNORECASE
    root = _trie_root(need)
    return quick_start(re.compile(_trie_node(root), flags)), literal_led(
        [(atom, _trie_node(child)) for atom, child in sorted(root.items())], flags)


def _always_holds(need: set, present: frozenset[str]) -> bool:
    """Whether every word of `present` contains one of the strings of `need` (compared in
    lower case; a class atom is never taken to be contained, so the answer errs towards
    keeping the filter)."""
    spelled = [_spelled(string) for string in need]
    spelled = [text for text in spelled if text]
    return all(any(text in word for text in spelled) for word in present)


def _spelled(string: tuple[str, ...]) -> str:
    """The lower-case text of a string of single-character atoms, "" if any atom is a class."""
    chars = []
    for atom in string:
        body = atom[atom.index(":") + 1:-1]
        if not body.startswith("\\U"):
            return ""
        chars.append(chr(int(body[2:], 16)).lower())
    return "".join(chars)


_NEVER = re.compile(r"(?!)")


@lru_cache(maxsize=256)
def _parsed(text: str, flags: int):
    """The parse tree of a regex (read, never changed: the readers below each parse the same
    patterns, and parsing the tagger's long alternations is most of what they cost)."""
    return _parser.parse(text, flags)


def forget_parse_trees() -> None:
    """Drop the kept parse trees, once a language's filters are read off them. The trees of the
    tagger's patterns are ~100,000 objects: kept, they were most of the process's live objects,
    walked by every full garbage collection for as long as the process lived."""
    _parsed.cache_clear()


class _Unknown(Exception):
    """A parse-tree operation this reader does not model."""


# A node's info: (exact, need).
# exact: every string the node can match, as tuples of atoms (one character or class each,
#        as regex text with its flags), or None when that set is too large or unbounded.
# need:  strings of atoms one of which every match of the node contains, or None for no
#        requirement (the node can match without any of them, e.g. the empty string).

def _node(op, av, flags: int):
    if op is C.LITERAL:
        return {(_atom(_char(av), flags),)}, None
    if op is C.NOT_LITERAL:
        return {(_atom(f"[^{_char(av)}]", flags),)}, None
    if op is C.IN:
        return {(_atom(_charclass(av), flags),)}, None
    if op is C.ANY:
        return {(_atom("." if not flags & re.DOTALL else "(?s:.)", flags),)}, None
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
        return {()}, None   # zero width: consumes nothing
    if op is C.SUBPATTERN:
        _, add, delete, sub = av
        return _sequence(list(sub), (flags | add) & ~delete)
    if op is C.ATOMIC_GROUP:
        return _sequence(list(av), flags)
    if op is C.BRANCH:
        return _branch([_sequence(list(alt), flags) for alt in av[1]])
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        low, high, sub = av
        return _repeat(_sequence(list(sub), flags), low, high)
    if op in (C.GROUPREF, C.GROUPREF_EXISTS, C.GROUPREF_IGNORE, C.GROUPREF_LOC_IGNORE, C.GROUPREF_UNI_IGNORE):
        return None, None   # what a group reference matches is not known here
    raise _Unknown(op)


def _sequence(items, flags: int):
    best = None
    run: set | None = {()}      # the exact strings of the items since the last break
    whole_exact = True
    if _never(items):
        return set(), set()
    for op, av in items:
        exact, need = _node(op, av, flags)
        if exact is not None and run is not None and len(run) * len(exact) <= _CAP:
            run = {a + b for a in run for b in exact}
            continue
        whole_exact = False
        best = _better(best, _need_of(run))
        if exact is not None:
            run = exact
        else:
            best = _better(best, need)
            run = {()}
    best = _better(best, _need_of(run))
    return (run if whole_exact else None), best


def _never(items) -> bool:
    """Whether the sequence holds a look-ahead forbidding the very character that follows it,
    "(?!x)x": what timeline.patterns.alternation writes for an empty list of words."""
    for (op, av), (next_op, next_av) in zip(items, items[1:]):
        if op is C.ASSERT_NOT and av[0] == 1 and next_op is C.LITERAL:
            inner = list(av[1])
            if inner == [(C.LITERAL, next_av)]:
                return True
    return False


def _branch(infos):
    exacts = [exact for exact, _ in infos]
    exact = None
    if all(e is not None for e in exacts):
        union = set().union(*exacts)
        exact = union if len(union) <= _CAP else None
    needs = []
    for info_exact, need in infos:
        need = need if info_exact is None else _need_of(info_exact)
        if need is None:
            return exact, None
        needs.append(need)
    return exact, set().union(*needs)


def _repeat(info, low: int, high: int):
    exact, need = info
    if exact is not None and high <= 4:
        out, power = set(), {()}
        for count in range(high + 1):
            if count >= low:
                out |= power
            power = {a + b for a in power for b in exact}
            if len(out) > _CAP or len(power) > _CAP:
                out = None
                break
        if out is not None:
            return out, _need_of(out)
    if low == 0:
        return None, None
    return None, (_need_of(exact) if exact is not None else need)


def _need_of(exact: set | None):
    if exact is None or () in exact:
        return None
    return set(exact)


def _better(a, b):
    if a is None:
        return b
    if b is None:
        return a
    return a if _score(a) >= _score(b) else b


def _score(need: set) -> tuple[float, int]:
    """(weight of its weakest string, minus how many strings): higher is more selective."""
    if not need:
        return float("inf"), 0
    return min(sum(_weight(atom) for atom in string) for string in need), -len(need)


def _weight(atom: str) -> float:
    body = atom[atom.index(":") + 1:-1]
    if body.startswith(r"\U"):
        return _char_weight(int(body[2:], 16))
    if body == r"[\d]":
        return 0.6
    members = body[1:-1].split("\\U")[1:] if body.startswith("[\\U") else []
    if members and all(len(member) == 8 for member in members) and len(members) <= 3:
        # a few characters, none of them a range
        return min(_char_weight(int(member, 16)) for member in members) - 0.2
    return 0.1   # a wide class, a negation, any character


def _char_weight(code: int) -> float:
    # An ideograph or a Hangul syllable ("年", "월") is rare in any text whose dates are not
    # written with it: alone it is worth a filter.
    return 3.0 if code >= 0x2E80 else 1.0


def _minimal(need: set) -> set:
    """`need` without strings that hold another of its strings at their start (those add no
    position the shorter one misses)."""
    out = set()
    for string in sorted(need, key=len):
        if not any(string[:len(kept)] == kept for kept in out):
            out.add(string)
    return out


def _trie(strings: set) -> str:
    """One alternation of `strings` (tuples of atoms) as a trie, so that a position is given up
    after its first atom fails, as in timeline.patterns.alternation."""
    return _trie_node(_trie_root(strings))


def _trie_root(strings: set) -> dict:
    root: dict = {}
    for string in strings:
        node = root
        for atom in string:
            node = node.setdefault(atom, {})
        node[""] = {}
    return root


def _trie_node(node: dict) -> str:
    if "" in node:
        return ""   # a string ends here: any longer one is implied (see _minimal)
    branches = [atom + _trie_node(child) for atom, child in sorted(node.items())]
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


def _char(code: int) -> str:
    return f"\\U{code:08x}"


def _atom(text: str, flags: int) -> str:
    """One atom with its case flag written in, so the filter may be compiled without it."""
    return f"(?i:{text})" if flags & re.IGNORECASE else f"(?-i:{text})"


def _charclass(items) -> str:
    parts = []
    for op, av in items:
        if op is C.NEGATE:
            parts.insert(0, "^")
        elif op is C.LITERAL:
            parts.append(_char(av))
        elif op is C.RANGE:
            parts.append(f"{_char(av[0])}-{_char(av[1])}")
        elif op is C.CATEGORY:
            if av not in _CATEGORIES:
                raise _Unknown(av)
            parts.append(_CATEGORIES[av])
        else:
            raise _Unknown(op)
    return "[" + "".join(parts) + "]"


def quick_start(pattern: re.Pattern) -> re.Pattern:
    """`pattern` behind a look-ahead for the characters its matches can begin with: the same
    matches (the look-ahead holds wherever a match begins), but a position that cannot begin
    one is given up after one class test instead of the pattern's look-behinds and optional
    words. A pattern that begins with a character or class keeps its own search, which the
    regex engine already speeds up that way."""
    tree = _parsed(pattern.pattern, pattern.flags)
    if tree.data and tree.data[0][0] in (C.LITERAL, C.IN):
        return pattern
    first = first_char(pattern)
    if first is None:
        return pattern
    try:
        return re.compile(f"(?={first})(?:{pattern.pattern})", pattern.flags)
    except re.error:   # a global inline flag cannot move inside a group
        return pattern


def first_char(pattern: re.Pattern) -> str | None:
    """A regex (text) of one character matching the first character of every match of
    `pattern`; None when a match may be empty or its start is not known."""
    try:
        tree = _parsed(pattern.pattern, pattern.flags)
        nullable, atoms = _first_sequence(list(tree), pattern.flags)
    except _Unknown:
        return None
    if nullable or atoms is None or not atoms:
        return None
    by_flag: dict[bool, list[str]] = {}
    loose = []
    for text, flags in atoms:
        if text.startswith("[^") or text.startswith("(?s:") or text == ".":
            loose.append(_atom(text, flags))
        else:
            by_flag.setdefault(bool(flags & re.IGNORECASE), []).append(text[1:-1] if text.startswith("[") else text)
    parts = [("(?i:[" if ignore else "(?-i:[") + "".join(sorted(set(members))) + "])"
             for ignore, members in sorted(by_flag.items())] + sorted(set(loose))
    return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"


# The first characters a node can consume: (nullable, atoms) with atoms a set of
# (character or class as regex text, flags), or None when unknown.

def _first_node(op, av, flags: int):
    if op is C.LITERAL:
        return False, {(_char(av), flags)}
    if op is C.NOT_LITERAL:
        return False, {(f"[^{_char(av)}]", flags)}
    if op is C.IN:
        return False, {(_charclass(av), flags)}
    if op is C.ANY:
        return False, {("(?s:.)" if flags & re.DOTALL else ".", flags)}
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
        return True, set()
    if op is C.SUBPATTERN:
        _, add, delete, sub = av
        return _first_sequence(list(sub), (flags | add) & ~delete)
    if op is C.ATOMIC_GROUP:
        return _first_sequence(list(av), flags)
    if op is C.BRANCH:
        nullable, atoms = False, set()
        for alt in av[1]:
            alt_nullable, alt_atoms = _first_sequence(list(alt), flags)
            if alt_atoms is None:
                return False, None
            nullable, atoms = nullable or alt_nullable, atoms | alt_atoms
        return nullable, atoms
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        low, high, sub = av
        if high == 0:
            return True, set()
        sub_nullable, atoms = _first_sequence(list(sub), flags)
        return (low == 0 or sub_nullable), atoms
    return False, None   # a group reference: its first character is not known here


def _first_sequence(items, flags: int):
    atoms: set = set()
    for op, av in items:
        nullable, first = _first_node(op, av, flags)
        if first is None:
            return False, None
        atoms |= first
        if not nullable:
            return False, atoms
    return True, atoms


# ---------------------------------------------------------------------------------------------
# Literal-led alternations. When every alternative of a regex begins with a literal character,
# the regex engine reads the set of first characters off the compiled regex and skips, in C,
# every position whose character begins none. A character compared without regard to case is no
# literal to it, so `literal_led` spells each first character out as the characters it matches:
# all of ASCII, and of the rest those written in the regex itself that have no case. The result
# holds for texts where no other character can begin a match (`begins_outside_ascii`).

_ASCII = [chr(code) for code in range(128)]
# Most alternatives one literal-led regex may have (a class of digits spelled out copies its
# rest ten times).
_LED_CAP = 4096


def literal_led(branches: list[tuple[str, str]], flags: int) -> tuple[re.Pattern, frozenset[str]] | None:
    """(regex, characters outside ASCII it covers) for the alternation of `first + rest` over
    `branches`, in their order, read with `flags`: at a position whose character is ASCII or
    covered, the regex matches what the alternation matches there, with the same span. Each
    `first` is a regex of one character, written as the characters it matches, each before its
    own copy of `rest`. None when a `first` is no one-character regex or the copies would be too
    many."""
    alternatives, covered = [], set()
    case_flag = "(?i:" if flags & re.IGNORECASE else "(?-i:"
    for first, rest in branches:
        try:
            tree = _parser.parse(first, flags)
            one = re.compile(first, flags)
        except re.error:
            return None
        if tree.getwidth() != (1, 1) or one.groups:
            return None
        own = [ch for ch in _written_characters(tree) if ch > "\x7f" and not _sre.unicode_iscased(ord(ch))]
        members = [ch for ch in _ASCII + own if one.fullmatch(ch)]
        covered.update(ch for ch in members if ch > "\x7f")
        alternatives += [re.escape(ch) + case_flag + rest + ")" for ch in dict.fromkeys(members)]
        if len(alternatives) > _LED_CAP:
            return None
    try:
        return re.compile("|".join(alternatives) or r"(?!)", flags & ~re.IGNORECASE), frozenset(covered)
    except re.error:
        return None


def _written_characters(tree) -> list[str]:
    """The characters a one-character regex names one by one (not those of its ranges and
    categories)."""
    out = []
    for op, av in tree:
        if op is C.LITERAL:
            out.append(chr(av))
        elif op is C.IN:
            out += [chr(value) for item_op, value in av if item_op is C.LITERAL]
        elif op is C.SUBPATTERN:
            out += _written_characters(av[3])
    return out


def begins_outside_ascii(pattern: re.Pattern) -> re.Pattern | None:
    """A regex of one character matching every character that can begin a match of `pattern`
    (and maybe more); None when that is not known."""
    first = first_char(pattern)
    return None if first is None else re.compile(first, pattern.flags)


# ---------------------------------------------------------------------------------------------
# Lowered forms. Most of the tagger's patterns compare letters without regard to case, which
# makes every letter test of the regex engine a case fold and keeps it from skipping positions.
# For a text written in ALPHABET (the Latin, Greek, Cyrillic and Arabic letters of the tagger's
# languages and the usual marks), `lowered_form` gives a regex that finds, in `lowered(text)`,
# the same matches at the same spans: each character test of the pattern becomes one that
# accepts, as they are written, the lowered characters it accepts.

_RANGES = ((0x00, 0x7F), (0xA0, 0x17F), (0x370, 0x4FF), (0x600, 0x6FF), (0x2010, 0x205E), (0x20AC, 0x20AC), (0x2122, 0x2122))
ALPHABET = "".join(chr(code) for low, high in _RANGES for code in range(low, high + 1) if not 0xD800 <= code <= 0xDFFF)
# Each character of the alphabet as the regex engine lowers it when it ignores case.
_LOWER = {ord(ch): _sre.unicode_tolower(ord(ch)) for ch in ALPHABET if _sre.unicode_tolower(ord(ch)) != ord(ch)}
assert all(chr(code) in ALPHABET for code in _LOWER.values())
_CAPITALS = [(chr(upper), chr(lower)) for upper, lower in _LOWER.items()]
_SMALL = "".join(ch for ch in ALPHABET if ord(ch) not in _LOWER)   # what a lowered text is written in
_OUTSIDE = re.compile("[^" + "".join(f"\\U{low:08x}-\\U{high:08x}" for low, high in _RANGES) + "]")
_AT_TEXT = {C.AT_BOUNDARY: r"\b", C.AT_NON_BOUNDARY: r"\B", C.AT_BEGINNING_STRING: r"\A", C.AT_END_STRING: r"\Z"}


def in_alphabet(text: str) -> bool:
    """Whether `text` is written in ALPHABET only."""
    return text.isascii() or _OUTSIDE.search(text) is None


def lowered(text: str) -> str:
    """`text` (in ALPHABET) with its capitals made small as the regex engine lowers them (same
    length: offsets hold)."""
    if "İ" in text or "Σ" in text:
        return text.translate(_LOWER)
    return text.lower()   # the same for every other character of the alphabet, and quicker


# str.lower lowers as the regex engine does, but for "İ" (two characters) and "Σ" (by its place).
assert all(ch.lower() == ch.translate(_LOWER) for ch in ALPHABET if ch not in "İΣ")


def lowered_form(pattern: re.Pattern, keep_groups: bool = False) -> re.Pattern | None:
    """A regex that matches in `lowered(text)` where `pattern` matches in `text`, with the same
    spans, for any text in ALPHABET; with `keep_groups`, the same groups too. None where the
    pattern compares a letter by its case, refers back to a group, or uses a construct this
    reader does not know."""
    try:
        tree = _parsed(pattern.pattern, pattern.flags)
        names = {number: name for name, number in pattern.groupindex.items()}
        body = _lowered_items(list(tree), pattern.flags, names if keep_groups else None)
        return re.compile(body, pattern.flags & ~re.IGNORECASE)
    except (_Unknown, re.error, RecursionError):
        return None


def _lowered_items(items, flags: int, names: dict | None) -> str:
    return "".join(_lowered_node(op, av, flags, names) for op, av in items)


def _lowered_node(op, av, flags: int, names: dict | None) -> str:
    if op is C.LITERAL:
        return _accepted(_char(av), flags)
    if op is C.NOT_LITERAL:
        return _accepted(f"[^{_char(av)}]", flags)
    if op is C.IN:
        return _accepted(_charclass(av), flags)
    if op is C.ANY:
        return _accepted("(?s:.)" if flags & re.DOTALL else "(?-s:.)", flags)
    if op is C.AT:
        if av not in _AT_TEXT:
            raise _Unknown(av)   # ^ and $, whose sense the multi-line flag changes
        return _AT_TEXT[av]
    if op in (C.ASSERT, C.ASSERT_NOT):
        direction, sub = av
        head = {(C.ASSERT, 1): "(?=", (C.ASSERT, -1): "(?<=", (C.ASSERT_NOT, 1): "(?!", (C.ASSERT_NOT, -1): "(?<!"}[op, direction]
        return head + _lowered_items(list(sub), flags, names) + ")"
    if op is C.SUBPATTERN:
        group, add, delete, sub = av
        inner = _lowered_items(list(sub), (flags | add) & ~delete, names)
        if group is not None and names is not None:
            return f"(?P<{names[group]}>{inner})" if group in names else f"({inner})"
        return f"(?:{inner})"
    if op is C.ATOMIC_GROUP:
        return "(?>" + _lowered_items(list(av), flags, names) + ")"
    if op is C.BRANCH:
        return "(?:" + "|".join(_lowered_items(list(alt), flags, names) for alt in av[1]) + ")"
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        low, high, sub = av
        count = f"{{{low},}}" if high is C.MAXREPEAT else f"{{{low},{high}}}"
        lazy = {C.MAX_REPEAT: "", C.MIN_REPEAT: "?", C.POSSESSIVE_REPEAT: "+"}[op]
        return "(?:" + _lowered_items(list(sub), flags, names) + ")" + count + lazy
    raise _Unknown(op)   # a group reference, a conditional


_ACCEPTED_CAP = 4096
_accepted_cache: dict[tuple[str, int], str] = {}


def _accepted(atom: str, flags: int) -> str:
    """A regex of one character accepting, as they are written, the lowered characters
    (`_SMALL`) that one-character regex `atom` (read with `flags`) accepts; _Unknown where the
    atom tells a capital of the alphabet from its small letter."""
    key = (atom, flags)
    found = _accepted_cache.get(key)
    if found is None:
        one = re.compile(atom, flags)
        capitals = set(one.findall("".join(upper for upper, _ in _CAPITALS)))
        smalls = set(one.findall("".join(lower for _, lower in _CAPITALS)))
        if any((upper in capitals) != (lower in smalls) for upper, lower in _CAPITALS):
            raise _Unknown(atom)
        members = one.findall(_SMALL)
        plain = re.compile(atom, flags & ~re.IGNORECASE)
        if plain.findall(_SMALL) == members:
            found = atom   # compared as written it accepts the same: kept short
        elif not members:
            found = "(?!)"
        else:
            found = "[" + "".join(re.escape(ch) for ch in members) + "]"
        if len(_accepted_cache) > _ACCEPTED_CAP:
            _accepted_cache.clear()
        _accepted_cache[key] = found
    return found


# Most letters and digits (of the lowered alphabet) a pattern's matches may begin with for
# `starts_form` to pay: each position that may begin one costs a look-behind and a look-ahead.
_STARTS_CAP = 20
_WORD_CHARACTERS = "".join(re.findall(r"[^\W\d_]", _SMALL)) + "0123456789"   # digits of other scripts are rare


def starts_form(pattern: re.Pattern) -> re.Pattern | None:
    """A regex whose matches are one character long and begin at every position where `pattern`
    matches (the regex engine skips, in C, the characters no match begins with; the pattern is
    then tried where one does). With the pattern's own match at each such position, kept where
    it begins at or after the end of the last one kept, it finds what `pattern.finditer` finds.
    None where the first characters are not known, or are not one class compared as written."""
    first = first_char(pattern)
    if first is None or pattern.flags & re.IGNORECASE or not first.startswith("(?-i:[") or first.count("[") != 1:
        return None
    if len(re.findall(first, _WORD_CHARACTERS)) > _STARTS_CAP:
        return None   # most words begin a match: the pattern's own scan is quicker
    try:
        return re.compile(f"{first}(?<=(?=(?:{pattern.pattern}))(?s:.))", pattern.flags)
    except re.error:
        return None
