"""Compiled recognisers for one language: regexes built from its Lexicon, cached per language.

`patterns(lang)` gives the caller a `Patterns` whose fields are compiled regexes with named
groups; `timeline.dates` runs them and turns matches into mentions. Cheap and certain patterns
(ISO, numeric) are language-free; the rest are alternations of the language's own words.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from timeline.holiday import holiday_names
from timeline.lexicon import Lexicon, lexicon

L = r"(?<![\w])"   # left word edge that also works for non-Latin scripts
R = r"(?![\w])"    # right word edge


def alternation(words, boundary: bool = True) -> str:
    """A regex matching any of `words` (flexible inner spaces), as a trie.

    A trie ("ja(?:n(?:uari)?|...)") lets the regex engine reject a position after one or
    two characters instead of trying every word in turn: the tagger's hot path.
    """
    forms = {re.sub(r"\s+", " ", w.strip()) for w in words if w and w.strip()}
    if not forms:
        return r"(?!x)x"
    body = _trie_regex(sorted(forms))
    return f"{L}{body}{R}" if boundary else body


def _trie_regex(words: list[str]) -> str:
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word.lower() if word.lower().upper() == word.upper() else word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _node_regex(trie)


def _node_regex(node: dict) -> str:
    ends = "" in node
    branches = []
    for ch in sorted(k for k in node if k):
        piece = r"\s+" if ch == " " else re.escape(ch)
        branches.append(piece + _node_regex(node[ch]))
    if not branches:
        return ""
    inner = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        # Longer words first: the optional tail is greedy, so "bulan lalu" beats "bulan".
        return f"(?:{inner})?"
    return inner


@dataclass
class Patterns:
    lex: Lexicon
    number: str
    iso: re.Pattern
    numeric: re.Pattern
    numeric_paren: re.Pattern
    day_month: re.Pattern
    month_day: re.Pattern
    month_year: re.Pattern
    bare_month: re.Pattern
    year: re.Pattern
    year_range: re.Pattern
    decade: re.Pattern
    century: re.Pattern
    weekday: re.Pattern
    relative_phrase: re.Pattern
    modified: re.Pattern
    ago: re.Pattern
    trigger: re.Pattern
    trigger_kinds: dict[str, frozenset[str]]
    pod_after_paren: re.Pattern
    pod_of_before: re.Pattern | None
    pod_adverb_before: re.Pattern | None
    plan_prep: re.Pattern | None
    pod_adverb_after: re.Pattern | None
    year_hyphen_before: re.Pattern | None
    date_offset: re.Pattern | None
    quantity_after: re.Pattern
    this_word: re.Pattern
    duration: re.Pattern
    hyphen_duration: re.Pattern
    reference: re.Pattern
    clock: re.Pattern
    anaphor: re.Pattern
    pod_phrase: re.Pattern
    position: re.Pattern
    approx: re.Pattern
    future_cue: re.Pattern
    past_cue: re.Pattern
    present_cue: re.Pattern | None
    age_before: re.Pattern
    age_after: re.Pattern
    ordinal_date: re.Pattern | None
    clock_outside: re.Pattern
    quarter: re.Pattern
    month_range: re.Pattern
    cjk: re.Pattern
    hms: re.Pattern
    plural_unit: re.Pattern
    day_weekday: re.Pattern
    later: re.Pattern | None
    season_year: re.Pattern | None
    season: re.Pattern | None
    unit_alone: re.Pattern
    short_year: re.Pattern | None
    pod_anaphor: re.Pattern | None
    range_joint: re.Pattern
    and_day: re.Pattern | None
    day_anaphor: re.Pattern | None
    weekend: re.Pattern | None
    context_period: re.Pattern | None
    day_alone: re.Pattern | None
    complementizer: re.Pattern | None
    era_year: re.Pattern | None
    clock_compact: re.Pattern
    clock_word: re.Pattern | None
    holiday: re.Pattern | None
    half: re.Pattern | None
    fiscal: re.Pattern | None
    set: re.Pattern | None


@lru_cache(maxsize=64)
def patterns(lang: str) -> Patterns:
    """Compiled recognisers for `lang`, built once."""
    lex = lexicon(lang)
    ex = lex.extra
    flags = re.IGNORECASE | re.UNICODE

    month_full = alternation(lex.months)
    month_any = f"(?:{alternation(lex.months)}|{alternation(lex.month_abbrevs)}\\.?)"
    weekday_full = alternation(lex.weekdays)
    weekday_suffix = alternation(lex.words("weekday_suffix"))
    ordinal = ex.get("ordinal_suffix", "") or ""
    day = r"(?:0?[1-9]|[12]\d|3[01])(?!\d)" + (f"(?:{ordinal})?" if ordinal else "")
    year4 = r"(?:1[5-9]\d\d|20\d\d|2100)"
    sep_and = alternation(lex.words("range_and") + lex.words("range_to"))
    dash = r"\s*[-–—]\s*"
    # The word between a day or month and its year ("of", "de"; Greek "του").
    of = rf"(?:\s+{alternation(lex.words('of') or ['de', 'of', 'del', 'do', 'da'])})?"
    year_prefix = alternation(lex.words("year_prefix"))
    year_suffix = alternation(lex.words("year_suffix"))
    # "mid-1998", "post-1959": a year may follow a hyphen after one of these words (one
    # fixed-width look-behind per word); the word joins the span in recognise._attach_context.
    year_hyphen = _right_after(lex.words("year_hyphen_prefix"), "-") + "|" if lex.words("year_hyphen_prefix") else ""
    day_prefix = alternation(lex.words("day_prefix"))

    number_words = alternation(lex.numbers)
    half = alternation(lex.words("half"))
    # Words worth 1 ("a", "se", "un") never start a compound number: "A four-week" is 4.
    singles = alternation([w for w, v in lex.numbers.items() if v == 1 and len(w) <= 3])
    compound = alternation([w for w, v in lex.numbers.items() if not (v == 1 and len(w) <= 3)])
    # A digit number may carry a half written as a fraction ("3 1/2 hours", "2½ years").
    # ... or be a half of one unit ("half an hour", "setengah jam", "une demi-heure").
    half_of = alternation(lex.words("half_of"))
    number = (rf"(?<![-\w])(?:\d+(?:[.,]\d+)?(?:\s?½|\s1/2)?|{half_of}|{singles}|{compound}(?:[\s-]+{compound})*)"
              rf"(?:\s+{half})?")

    units_all = alternation(lex.units)
    pod = alternation(lex.mapping("part_of_day"))
    vague = alternation(lex.words("vague"))
    approx = alternation(lex.words("approx"))
    position = alternation(lex.words("positions"))
    seasons = alternation(lex.mapping("seasons"))
    prefix_mods = alternation(lex.mapping("prefix_mods"))
    suffix_mods = alternation(lex.mapping("suffix_mods"))
    weekday_prefix = alternation(lex.words("weekday_prefix"))

    # Relative phrases from dateparser ("bulan lalu", "last month") and day words ("kemarin").
    relative_phrases = list(lex.relative) + list(lex.mapping("day_words"))
    reference = lex.words("present") + lex.words("past") + lex.words("future")

    # dateparser's "(\d+) days ago" / "hace (\d+) días" templates, folded into one regex:
    # an optional word before the number, the unit word, an optional word after it.
    ago_before, ago_after = set(), set()
    for template, unit, sign in lex.ago_patterns:
        left, right = template.split("{N}", 1)
        words = right.split()
        if left.strip():
            ago_before.add(left.strip().lower())
        if len(words) > 1:
            ago_after.add(" ".join(words[1:]).lower())
    ago_after.update(w.lower() for w in lex.words("ago_after"))
    fused = alternation(lex.fused)
    # An approximation word belongs to the phrase ("almost six years ago", "hace casi dos años").
    ago = re.compile(
        rf"(?:(?P<before>{alternation(ago_before)})\s+(?:{approx}\s+)?(?P<n1>{number})\s*(?P<u1>{units_all})"
        rf"|(?:{approx}\s+)?(?P<n2>{number})\s*(?P<u2>{units_all})\s+(?P<after>{alternation(ago_after)})"
        rf"|(?P<fused>{fused})\s+(?P<after2>{alternation(ago_after)}))(?!\w)", flags)
    quarter = ex.get("quarter", {})
    quarter_word = alternation(quarter.get("words", []))
    quarter_ord = alternation(quarter.get("ordinals", {}))
    halves = ex.get("half_year", {})
    # "the third quarter (of 1990)", "third-quarter", "kuartal ketiga 2025"; the year may be
    # left to the context, as may the half's ("the first half", "το πρώτο εξάμηνο του 1965").
    year_after = rf"(?:,?{of}(?:\s+{year_prefix})?\s+(?P<y>{year4}))?"
    if quarter.get("unit_first"):
        quarter_body = rf"{quarter_word}\s+(?:ke-?)?(?P<q>{quarter_ord}){year_after}"
    else:
        # "the" belongs to the span of "the third quarter", not of "the third-quarter report".
        quarter_body = rf"(?:{L}the\s+(?![^\s-]+-))?(?P<q>{quarter_ord})[\s-]+{quarter_word}{year_after}"
    half_word, half_ord = alternation(halves.get("words", [])), alternation(halves.get("ordinals", {}))
    if halves.get("unit_first"):
        half_body = rf"{L}{half_word}\s+(?:ke-?)?(?P<h>{half_ord}){year_after}(?!\w)"
    else:
        half_body = rf"{L}(?:(?:the|το|τo)\s+)?(?P<h>{half_ord})[\s-]+{half_word}{year_after}(?!\w)"
    fiscal = alternation(lex.words("fiscal_words"))

    target = rf"(?:(?:{alternation(lex.words('unit_adjectives'))}\s+)?(?P<unit>{units_all})|(?P<wd>{weekday_full})|(?P<month>{month_full})|(?P<season>{seasons}))"
    modified = (rf"(?:{L}the\s+)?(?:(?P<pre>{prefix_mods})\s+{target}(?:\s+(?P<post2>{suffix_mods}))?"
                rf"|{target.replace('?P<unit>', '?P<unit2>').replace('?P<wd>', '?P<wd2>').replace('?P<month>', '?P<month2>').replace('?P<season>', '?P<season2>')}\s+(?P<post>{suffix_mods}))")

    pod_link = alternation(lex.words("pod_link"))
    pod_then = rf"(?:{pod_link}\s+)?" if ex.get("pod_before_weekday") else rf"{pod_link}\s+"
    weekday = (rf"(?:(?P<pod_before>{pod})\s+{pod_then})?(?:{weekday_prefix}\s+)?(?P<wd1>{weekday_full})"
               rf"(?:\s*(?:,|{sep_and})\s*(?P<wd2>{weekday_full}))?"
               rf"(?:\s+{weekday_suffix})?"
               rf"(?:\s+(?:(?:{alternation(lex.words('weekday_pod_links'), boundary=False)})\s+)?(?P<pod>{pod}))?"
               rf"(?:\s+(?P<weekmod>{alternation([u for u, k in lex.units.items() if k == 'W'])})\s+(?P<weekpost>{suffix_mods}))?"
               rf"(?:\s+(?P<post>{suffix_mods}))?")

    ordinal_date = None
    if ex.get("ordinals"):
        link = ex.get("ordinal_link", "")
        ordinal_date = re.compile(
            rf"(?P<ord>{alternation(ex['ordinals'])})\s+(?:{re.escape(link)}\s+)?(?P<m>{month_full})(?:\s+(?P<y>{year4}))?", flags)

    # The end of a unit word: a case ending the language's annotations leave out of the span
    # may follow ("üç yıl|da").
    unit_end = (rf"(?=(?:{alternation(lex.words('unit_suffixes'), boundary=False)})?(?!\w))"
                if lex.words("unit_suffixes") else r"(?!\w)")
    units_open = f"{L}{alternation(lex.units, boundary=False)}" if lex.words("unit_suffixes") else units_all
    # "over the weekend": one fixed-width look-behind per word that must come first
    weekend_lead = _right_after(lex.words("weekend_before"), r"\s") if lex.words("weekend_before") else L

    range_words = alternation(lex.words("range_to") + lex.words("range_and"), boundary=False)

    # Trigger words, each with the kinds of expression it can start: a pattern only scans the
    # stretches around triggers of its kinds (a weekday pattern never scans around a digit).
    trigger_kinds: dict[str, frozenset[str]] = {}
    for kind, words in (
            ("month", list(lex.months) + list(lex.month_abbrevs)),
            ("weekday", list(lex.weekdays)),
            ("unit", list(lex.units) + list(lex.fused) + quarter.get("words", []) + list(lex.mapping("seasons"))
             + [u + e for u in lex.units for e in lex.words("unit_suffixes")]),
            # Narrow kinds for the recognisers that need only their own words nearby.
            ("quarter", quarter.get("words", [])),
            ("period", halves.get("words", []) + lex.words("fiscal_words")),
            ("set", lex.words("every_words") + list(lex.mapping("set_words"))),
            ("later", list(lex.mapping("later_words")) + list(lex.mapping("later_before"))),
            ("era", lex.words("bc_words") + lex.words("ad_words")),
            ("clock", list(lex.mapping("clock_words"))),
            ("day_anaphor", list(lex.mapping("day_anaphors"))),
            ("weekend", lex.words("weekend_alone")),
            ("context_period", list(lex.mapping("context_periods"))),
            ("day_alone", lex.words("day_alone_prefix")),
            ("holiday", list(holiday_names(lex.lang))),
            ("relative", relative_phrases + list(lex.mapping("today_pod")) + list(lex.mapping("yesterday_pod"))),
            ("reference", reference + lex.words("same_day") + lex.words("same_month") + lex.words("same_week") + lex.words("the_month")
             + lex.words("same_year") + lex.words("that_time")),
            ("pod", list(lex.mapping("part_of_day")))):
        for word in words:
            key = re.sub(r"\s+", " ", word.strip().lower())
            if key:
                trigger_kinds[key] = trigger_kinds.get(key, frozenset()) | {kind}
    # The trigger regex takes the longest phrase ("tahun lalu"), so a phrase also carries the
    # kinds of its words ("dua tahun lalu" is an amount of a unit too).
    for key in list(trigger_kinds):
        for word in key.split(" "):
            trigger_kinds[key] |= trigger_kinds.get(word, frozenset())

    return Patterns(
        lex=lex,
        number=number,
        iso=re.compile(r"(?<![\d-])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?![\d-])"),
        numeric=re.compile(r"(?<![\d/.])(?P<a>\d{1,2})(?P<s>[/.-])(?P<b>\d{1,2})(?P=s)(?P<y>\d{4}|\d{2})(?![\d/]|\.\d)"),
        numeric_paren=re.compile(r"\((?P<a>\d{1,2})/(?P<b>\d{1,2})(?:/(?P<y>\d{4}|\d{2}))?\)"),
        day_month=re.compile(
            rf"{L}(?:{day_prefix}\s+)?(?:(?P<d1>{day})(?:{dash}|\s*{sep_and}\s*))?(?P<d>{day})\.?{of}\s*(?P<m>{month_any})"
            rf"(?:,?{of}\s*(?P<y>{year4})(?:\s+{year_suffix})?|\s+(?P<post>{suffix_mods}))?(?!\d)(?!\w)", flags),
        month_day=re.compile(
            rf"(?P<m>{month_any})\s+(?P<d>{day})(?:{dash}(?P<d2>{day}))?(?:,?\s*(?P<y>{year4})(?:\s+{year_suffix})?)?(?!\d)", flags),
        quarter=re.compile(rf"{L}(?:Q(?P<q2>[1-4])\s*(?P<y2>{year4})|(?P<y3>{year4})\s*Q(?P<q3>[1-4])|{quarter_body})(?!\w)", flags),
        month_range=re.compile(
            rf"(?P<m1>{month_full})\s*(?:[-–—]|(?P<sep>{sep_and}))\s*(?P<m>{month_full})(?:,?\s+(?P<y>{year4}))?(?!\d)", flags),
        month_year=re.compile(rf"(?P<m>{month_any}),?{of}\s+(?P<y>{year4})(?:\s+{year_suffix})?(?!\d)", flags),
        bare_month=re.compile(rf"(?:(?P<pre>{alternation(lex.words('month_prefix'))})\s+)?(?P<m>{month_full})", flags),
        year=re.compile(rf"(?:(?P<pre>{year_prefix})\s+)?(?:{year_hyphen}(?<![\w.,/$€£-]))(?P<y>{year4})(?:\s+{year_suffix}|(?![\w%]|[.,]\d|-\w))", flags),
        cjk=re.compile(r"(?P<y>\d{4})\s*[年년]\s*(?:(?P<m>\d{1,2})\s*[月월]\s*(?:(?P<d>\d{1,2})\s*[日일号])?)?"
                       r"|(?P<m2>\d{1,2})\s*[月월]\s*(?P<d2>\d{1,2})\s*[日일号]"),
        year_range=re.compile(
            rf"(?<![\w.,/$-])(?P<y1>{year4})(?:{dash}|\s+(?P<sep>{sep_and})\s+)(?P<y2>{year4}|\d\d)(?![\w%]|[.,]\d)", flags),
        # "1990s", "1990-an"; the language's own ending ("1920-х", "1920er", "1990'lar"); after the
        # decade's prefix, its first year or its short form ("δεκαετία του 1930", "του '70").
        decade=re.compile(rf"{L}(?P<c>1[5-9]|20)(?P<d>\d)0(?:'?s|-an|an|{alternation(lex.words('decade_suffix'), boundary=False)})(?!\w)|{L}'(?P<d2>\d)0s(?!\w)"
                          rf"|{L}(?:{alternation(lex.words('decade_prefix'))})\s+(?:(?P<c3>1[5-9]|20)(?P<d3>\d)0(?!\w)|['’](?P<d5>\d)0(?![\d'’]))", flags),
        century=re.compile(
            rf"(?:(?P<n>\d{{1,2}})(?:st|nd|rd|th)\s+century|abad\s+(?:ke-?)?(?P<n2>\d{{1,2}}|[XVI]+)|(?P<n3>\d{{1,2}})(?:e|ème)\s+siècle|siglo\s+(?P<n4>[XVI]+)"
            # The language's own century words, before or after the number ("18ου αιώνα",
            # "XX века", "20. Jahrhundert"), from its data.
            rf"|{L}(?P<n5>\d{{1,2}}|(?-i:[XVI]+))(?:{alternation(lex.words('century_ordinal'), boundary=False)})?\.?\s+(?:{alternation(lex.words('century_after'))})"
            rf"|(?:{alternation(lex.words('century_before'))})\s+(?P<n6>\d{{1,2}}|(?-i:[XVI]+))(?:{alternation(lex.words('century_ordinal'), boundary=False)})?)(?!\w)", flags),
        weekday=re.compile(weekday, flags),
        relative_phrase=re.compile(alternation(relative_phrases), flags),
        modified=re.compile(modified, flags),
        ago=ago,
        # A run of digits is one trigger: its window is the same as its digits' windows joined.
        trigger=re.compile(rf"(?P<word>{alternation(trigger_kinds)})|(?P<quote>['’]\d\d)|(?P<digit>\d+)", flags),
        trigger_kinds=trigger_kinds,
        pod_after_paren=re.compile(rf"\)\s+(?P<pod>{pod})", flags),
        # "the night of 4 August", "la nuit du 4 août", "το πρωί της 1ης Νοεμβρίου": a part of
        # day, then the language's "of", right before a date.
        pod_of_before=re.compile(rf"{L}(?:(?:the|la|el|le|il|a)\s+)?(?P<pod>{pod})\s+(?P<of>(?:{alternation(lex.words('pod_of'), boundary=False)})\s+)?$", flags)
        if lex.words("pod_of") else None,
        plan_prep=re.compile(rf"{L}(?:{alternation(lex.words('plan_preps'))})\s+$", flags) if lex.words("plan_preps") else None,
        pod_adverb_before=re.compile(rf"{L}(?P<pod>{alternation(lex.words('pod_adverbs'))})\s+$", flags)
        if lex.words("pod_adverbs") else None,
        pod_adverb_after=re.compile(rf"\s+(?P<pod>{alternation(lex.words('pod_adverbs'))})(?!\w)", flags)
        if lex.words("pod_adverbs") else None,
        # "the day before 6 March", "the week of 6 March": words right before a dated day.
        date_offset=re.compile(rf"{L}(?:(?P<offset>{alternation(lex.mapping('date_offsets'), boundary=False)})"
                               rf"|(?P<week>{alternation(lex.words('week_of'), boundary=False)}))\s+$", flags)
        if lex.mapping("date_offsets") or lex.words("week_of") else None,
        year_hyphen_before=re.compile(rf"{L}(?:{alternation(lex.words('year_hyphen_prefix'), boundary=False)})-$", flags)
        if lex.words("year_hyphen_prefix") else None,
        quantity_after=re.compile(rf"\s*(?:%|{alternation(lex.words('quantity_after'))})", flags),
        this_word=re.compile(alternation([w for w, v in {**lex.mapping("prefix_mods"), **lex.mapping("suffix_mods")}.items() if v == 0]), flags),
        duration=re.compile(
            rf"{L}(?:(?P<approx>{approx})\s+)?(?:(?P<the>the)\s+)?(?:(?P<mod>{alternation(lex.words('duration_mods'), boundary=False)})\s+)?"
            rf"(?:(?P<vague>{vague})\s+(?P<vunit>{units_open})|(?P<n>{number})\s+(?:(?:{alternation(lex.words('amount_links'), boundary=False)})\s+)?(?P<unit>{units_open})|(?P<unit_first>{units_all})\s+(?P<vague_after>{alternation(lex.words('vague_after'))})"
            rf"|(?P<fused>{fused}))" + unit_end
            + (rf"(?:\s+(?:{alternation(lex.words('duration_mods_after'), boundary=False)})(?!\w))?" if lex.words("duration_mods_after") else ""),
            flags),
        hyphen_duration=re.compile(rf"{L}(?P<n>{number})-(?P<unit>{units_all})(?!\w)", flags),
        reference=re.compile(alternation(reference), flags),
        clock=re.compile(
            rf"{L}(?:(?P<approx>{approx})\s+)?(?:(?P<cue>{alternation(lex.words('clock_cues'))})\s+)?"
            rf"(?<![\d.,:])(?P<h>2[0-4]|[01]?\d)(?:(?P<sep>[:.])(?P<mi>[0-5]\d)(?![\d]|[.,]\d))?"
            rf"(?:\s*(?P<ampm>a\.m\.|p\.m\.|am|pm)(?!\w))?"
            rf"(?:\s+(?:(?:{alternation(lex.words('clock_pod_links'), boundary=False)})\s+)?(?P<pod>{pod})(?!\w))?"
            rf"(?:\s*(?P<tz>{alternation(lex.words('timezones'))}))?"
            rf"(?:\s+(?P<suffix>{alternation(lex.words('clock_suffix'))}))?", flags),
        # A holiday by its name, written as the calendar writes it (capitals included: "Ascension"
        # is a holiday, "ascension" a word).
        # "last Thanksgiving", "Lebaran lalu": a modifier says which year's.
        holiday=re.compile(rf"{L}(?:(?P<pre>{prefix_mods})\s+)?(?P<name>(?-i:"
                           + "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in holiday_names(lex.lang))
                           + rf"))(?!\w)(?:\s+(?P<post>{suffix_mods})(?!\w))?", flags)
        if holiday_names(lex.lang) else None,
        # "noon", "minuit", "tengah malam": a clock time in one word.
        clock_word=re.compile(rf"{L}(?P<word>{alternation(lex.mapping('clock_words'))})(?!\w)", flags)
        if lex.mapping("clock_words") else None,
        anaphor=re.compile(
            # "28 του ίδιου μήνα", "the 28th of that month": a day of the story's month
            rf"(?P<same_day>{alternation(lex.words('same_day'))})|(?:(?P<dom>{day}){of}\s+)?(?P<same_month>{alternation(lex.words('same_month'))})"
            rf"|(?P<dom_of>{day}){of}\s+(?P<of_month>{alternation(lex.words('the_month'))})"
            rf"|(?P<same_week>{alternation(lex.words('same_week'))})|(?P<same_year>{alternation(lex.words('same_year'))})"
            rf"|(?P<that_time>{alternation(lex.words('that_time'))})", flags),
        pod_phrase=re.compile(
            rf"(?P<today>{alternation(lex.mapping('today_pod'))})|(?P<yesterday>{alternation(lex.mapping('yesterday_pod'))})", flags),
        position=re.compile(rf"(?:{position})(?:\s+(?:of|de|del|do|da|di))?\s*$", flags),
        approx=re.compile(rf"(?:{approx})\s*$", flags),
        future_cue=re.compile(alternation(lex.words("future_cues")) + (f"|{ex['future_suffix_regex']}" if ex.get("future_suffix_regex") else ""), flags),
        past_cue=re.compile(alternation(lex.words("past_cues")) + (rf"|(?-i:{L}[^\W\d_A-ZÀ-Þ]\w{{2,}}{ex['past_suffix']}){R}" if ex.get("past_suffix") else "")
                            + (f"|{ex['past_suffix_regex']}" if ex.get("past_suffix_regex") else ""), flags),
        present_cue=re.compile(alternation(lex.words("present_cues")) + (f"|{ex['present_regex']}" if ex.get("present_regex") else ""), flags)
        if lex.words("present_cues") or ex.get("present_regex") else None,
        age_before=re.compile(rf"(?:{alternation(lex.words('age_cues_before'))})\s*$", flags),
        age_after=re.compile(rf"^\s*(?:{alternation(lex.words('age_cues_after'), boundary=False)})", flags),
        ordinal_date=ordinal_date,
        clock_outside=re.compile(rf"(?:{alternation(lex.words('clock_cues_outside'))})\s*$", flags),
        hms=re.compile(r"(?<![\d:.])(?P<h>\d{1,2}):(?P<mi>[0-5]\d):(?P<s>[0-5]\d)(?![\d:])"),
        plural_unit=re.compile(alternation(_plural_units(lex)), flags),
        set=re.compile(
            rf"{L}(?:(?P<every>{alternation(lex.words('every_words'))})\s+(?:(?P<n>{number})\s+)?"
            rf"(?:(?P<unit>{units_all})|(?P<wd>{weekday_full})|(?P<pod>{pod}))|(?P<word>{alternation(lex.mapping('set_words'))}))(?!\w)", flags)
        if lex.words("every_words") or lex.mapping("set_words") else None,
        half=re.compile(half_body, flags) if halves.get("words") else None,
        fiscal=re.compile(rf"{L}(?:{fiscal})\s+(?P<y>{year4})(?!\w)", flags) if lex.words("fiscal_words") else None,
        # "2315GMT", "0930 GMT": four digits are a clock time only with a zone after them.
        clock_compact=re.compile(rf"(?<![\w.,:])(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d)\s*(?P<tz>{alternation(lex.words('timezones'), boundary=False)}){R}", flags),
        # A year with its era written after it: any number of digits is a year then.
        era_year=re.compile(rf"(?<![\w.,])(?P<y>[1-9]\d{{0,3}})\s*(?:(?P<bc>{alternation(lex.words('bc_words'), boundary=False)})"
                            rf"|(?P<ad>{alternation(lex.words('ad_words'), boundary=False)}))(?!\w)", flags)
        if lex.words("bc_words") else None,
        complementizer=re.compile(alternation(lex.words("complementizers")), flags) if lex.words("complementizers") else None,
        # "the next morning", "that night", "το ίδιο βράδυ", "malam itu": a part of the day the
        # story has reached, or of the one after or before it.
        pod_anaphor=re.compile(rf"{L}(?:(?P<ana>{alternation(lex.mapping('pod_anaphors'))})\s+(?P<pod>{pod})"
                               rf"|(?P<pod2>{pod})\s+(?P<ana2>{alternation(lex.mapping('pod_anaphors_after'))}))(?!\w)", flags)
        if lex.mapping("pod_anaphors") or lex.mapping("pod_anaphors_after") else None,
        # Where a range's first end stops and its second begins: "1914-1918", "2003 to 2007".
        range_joint=re.compile(rf"(?<=\w)\s*(?:[-–—/]|\s(?:{range_words})\s)\s*(?=\w)", flags),
        # A second day after a month-first date: "July 13 and 14", "March 2 and 3, 2019".
        and_day=re.compile(rf"\s+(?:{alternation(lex.words('range_and'), boundary=False)})\s+(\d{{1,2}})(?![\d.,:/-]\d|\d|\s*%)"
                           rf"(?:,?\s+(\d{{4}})(?!\d))?", flags) if lex.words("range_and") else None,
        # "over the weekend", "am Wochenende": a weekend the text does not name.
        weekend=re.compile(weekend_lead + rf"(?P<weekend>{alternation(lex.words('weekend_alone'), boundary=False)})(?!\w)", flags)
        if lex.words("weekend_alone") else None,
        # "no próximo dia 12", "el día 2", "tanggal 5": a day of a month the text leaves out.
        day_alone=re.compile(rf"{L}(?:(?P<mod>{prefix_mods})\s+)?(?:{alternation(lex.words('day_alone_prefix'), boundary=False)})\s+"
                             rf"(?P<d>[12]\d|3[01]|0?[1-9])(?![\d.,:/]\d|\d|\s*%)", flags)
        if lex.words("day_alone_prefix") else None,
        # "the quarter", "the year-earlier period": the period the text reports on, or a year before it.
        context_period=re.compile(rf"{L}(?P<period>{alternation(lex.mapping('context_periods'), boundary=False)})(?!\w)", flags)
        if lex.mapping("context_periods") else None,
        # "le lendemain", "keesokan harinya", "την επομένη": the day after (or before) the story's.
        day_anaphor=re.compile(rf"{L}(?P<ana>{alternation(lex.mapping('day_anaphors'), boundary=False)})(?!\w)"
                               + (rf"(?!\s*(?:{alternation(lex.words('day_anaphors_not_before'), boundary=False)})(?!\w))"
                                  if lex.words("day_anaphors_not_before") else ""), flags)
        if lex.mapping("day_anaphors") else None,
        # "in '71", "το '52": a year written with its last two digits, after the language's word
        # for "in" or its article.
        short_year=re.compile(rf"(?:(?P<art>{alternation(lex.words('short_year_articles'))})\s+)?(?<![\w'’])['’](?P<yy>\d\d)(?![\w'’%]|[.,]\d)", flags)
        if lex.words("short_year_before") or lex.words("short_year_articles") else None,
        # "the year" in "the end of the year", "akhir tahun", "до кінця року": a calendar unit
        # named after a position word is the current one (the guard asks for the position).
        unit_alone=re.compile(rf"{L}(?:(?P<art>the|l'|la|le|el|des|der|del|du|della|dello|του|της|το)\s*)?(?P<unit>{alternation(_calendar_units(lex))})(?!\w)", flags),
        # "the spring", "την άνοιξη", "im Sommer": a season without its year (words that are
        # also ordinary words, English "fall", are left out).
        season=re.compile(rf"{L}(?:(?P<art>{alternation(lex.words('season_articles'), boundary=False)})\s+)?"
                          rf"(?P<season>{alternation([w for w in lex.mapping('seasons') if w.lower() not in lex.words('season_homographs')], boundary=False)})(?!\w)", flags)
        if lex.mapping("seasons") and (lex.words("season_articles") or lex.words("season_preps") or lex.words("season_alone")) else None,
        # "the summer of 1943", "το καλοκαίρι του 1943", "musim panas 1943": a season of a written year.
        season_year=re.compile(rf"{L}(?:(?:the|το|την|τον|του|της)\s+)?(?P<season>{seasons}){of}\s+"
                               rf"(?:(?P<bcy>[1-9]\d{{0,3}})\s*(?:{alternation(lex.words('bc_words'), boundary=False)})(?!\w)|(?P<y>{year4})(?:\s+{year_suffix})?(?!\d))", flags)
        if lex.mapping("seasons") else None,
        # "two days later", "через два тижні". Where the language's convention makes the whole
        # phrase a date (not English, whose TimeML marks "two days" a duration), the span holds
        # the direction word too.
        later=re.compile(
            # the amount may be left out before a unit ("через год": in a year), or fused with it
            # ("setahun kemudian": a year later)
            rf"{L}(?:(?P<dir_before>{alternation(lex.mapping('later_before'))})\s+(?:(?P<n_after>{number})\s+)?(?P<unit_after>{units_all})(?!\w)"
            rf"|(?P<fused_later>{fused})\s+(?P<dir_fused>{alternation(lex.mapping('later_words'))})(?!\w)"
            rf"|(?P<n>{number})\s+(?P<unit>{units_all})"
            + (rf"(?=\s+(?P<dir>{alternation(lex.mapping('later_words'))})(?!\w)))" if ex.get("later_as_duration")
               else rf"\s+(?P<dir>{alternation(lex.mapping('later_words'))})(?!\w))"), flags)
        if lex.mapping("later_words") else None,
        day_weekday=re.compile(
            rf"{day_prefix}\s+(?P<d>{day})\s+(?:{weekday_prefix}\s+)?(?P<wd1>{weekday_full})"
            rf"(?:,?\s*(?P<m>{month_full})(?:\s+(?P<y>{year4}))?)?(?!\w)", flags),
    )


def _right_after(words: list[str], separator: str) -> str:
    """A regex position right after one of `words` and `separator` ("mid-", "over "): one
    fixed-width look-behind per word, as Python's look-behinds must be."""
    return "(?:" + "|".join(rf"(?<=\b{re.escape(w)}{separator})" for w in words) + ")"


def _calendar_units(lex: Lexicon) -> list[str]:
    """Singular words of the calendar units a position can name: year, quarter, month, week."""
    plural = set(_plural_units(lex))
    return [form for form, unit in lex.units.items() if unit in ("Y", "Q", "M", "W") and form not in plural]


def _plural_units(lex: Lexicon) -> list[str]:
    """Plural unit words ("years", "décadas"): alone they are vague durations (PXY)."""
    out = []
    for form, unit in lex.units.items():
        if unit in ("WE", "Q") or len(form) < 4 or not form.endswith("s"):
            continue
        if form[:-1] in lex.units or form[:-2] in lex.units:
            out.append(form)
    # Languages whose plurals do not end in -s list them ("χρόνια", "μήνες").
    out += [form.lower() for form in lex.words("plural_unit_forms") if form.lower() in lex.units]
    return out
