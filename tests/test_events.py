"""extract_events on real articles: the seed (from ../shared) and the bundled demo."""
from pathlib import Path

import pandas as pd
import pytest

from timeline import extract_events
from timeline.schema import EVENT_COLUMNS

from shared_data import SEEDS, require

ROOT = Path(__file__).resolve().parents[1]

# The seed's dated happenings: (date, precision, words the row's title must contain)
SEED_EVENTS = [
    ("2025-02-12", "day", ["Panggilan telepon"]),
    ("2024-12", "month", ["kudeta"]),
    ("2025-01", "month", ["ditunjuk sebagai presiden"]),
    ("2024-12-08", "day", ["Hayat Tahrir al-Sham", "Damaskus"]),
    ("2025-01-28", "day", ["delegasi Rusia", "bertemu dengan Sharaa"]),
    ("2024-12", "month", ["Moskow telah berkomunikasi", "HTS"]),
    ("2024-12", "month", ["Putin", "menyatakan"]),
]


@pytest.fixture(scope="module")
def seed_events() -> pd.DataFrame:
    seed = require(SEEDS / "000_d7403727daf98fa3.txt")
    return extract_events(seed.read_text(encoding="utf-8"), published="2025-02-13", lang="id", source=seed.name)


@pytest.mark.parametrize("value, precision, title_words", SEED_EVENTS)
def test_seed_event_found_with_its_own_clause(seed_events, value, precision, title_words):
    rows = seed_events[(seed_events["date"] == value) & (seed_events["precision"] == precision)]
    matching = [t for t in rows["title"] if all(w.lower() in t.lower() for w in title_words)]
    assert matching, f"no {value} row titled with {title_words}: {list(rows['title'])}"


def test_seed_gives_exactly_the_dated_happenings(seed_events):
    assert sorted(zip(seed_events["date"], seed_events["precision"])) == sorted((v, p) for v, p, _ in SEED_EVENTS)


def test_seed_rows_follow_the_schema_and_keep_provenance(seed_events):
    assert list(seed_events.columns) == list(EVENT_COLUMNS)
    text = (SEEDS / "000_d7403727daf98fa3.txt").read_text(encoding="utf-8")
    for row in seed_events.itertuples():
        assert text[row.char_start:row.char_end] == row.date_text
        assert row.date_text in row.evidence
        assert row.start <= row.end
        assert row.published == "2025-02-13" and row.lang == "id" and row.origin == "extracted"
    assert seed_events["event_id"].is_unique


def test_month_events_cover_the_whole_month(seed_events):
    december = seed_events[seed_events["date"] == "2024-12"]
    assert set(december["start"]) == {"2024-12-01"} and set(december["end"]) == {"2024-12-31"}


def test_same_input_gives_same_event_ids(seed_events):
    text = (SEEDS / "000_d7403727daf98fa3.txt").read_text(encoding="utf-8")
    again = extract_events(text, published="2025-02-13", lang="id", source="000_d7403727daf98fa3.txt")
    assert list(again["event_id"]) == list(seed_events["event_id"])


def test_two_dates_in_one_sentence_give_two_titled_events():
    text = ("The rebels entered the capital on 8 December 2024, and the new cabinet was sworn in on "
            "30 January 2025.")
    events = extract_events(text, published="2025-02-13", lang="en")
    assert list(events["date"]) == ["2024-12-08", "2025-01-30"]
    assert "rebels entered the capital" in events["title"][0]
    assert "cabinet was sworn in" in events["title"][1]
    assert "cabinet" not in events["title"][0]


def test_durations_and_vague_references_make_no_events():
    events = extract_events("He ruled for 25 years and now lives abroad.", published="2025-02-13", lang="en")
    assert events.empty and list(events.columns) == list(EVENT_COLUMNS)


def test_no_publication_date_lowers_confidence_and_keeps_year_unknown():
    events = extract_events("Pasukan masuk ke Damaskus pada 8 Desember 2024. Lalu ada rapat pada 9 Januari.",
                            published=None, lang="id")
    assert list(events["date"]) == ["2024-12-08"]   # "9 Januari" cannot be placed without a year
    assert events["confidence"].max() <= 0.4
    assert events["published"].tolist() == [""]


def test_empty_article_gives_empty_table():
    assert extract_events("", published="2025-01-01").empty


# --- role and headline (issue 10) -----------------------------------------------------------

@pytest.mark.parametrize("clause, first, published, lang, role", [
    ("The two sides will meet again on 2 May.", "2025-05-02", "2025-03-20", "en", "plan"),
    ("Ia akan mengumumkan kabinet pada Senin malam.", "2024-10-21", "2024-10-21", "id", "plan"),
    ("Filipina terakhir kali menggelar pemilu sela pada 1971", "1971-01-01", "2024-12-04", "id", "background"),
    ("Le pays est en guerre depuis mars", ("2025-03-01", "2025-03-31"), "2025-05-10", "fr", "background"),
    ("Ils ne sont plus membres depuis mercredi", "2025-01-29", "2025-01-30", "fr", "happening"),
    ("Troops crossed the border on Tuesday.", "2025-03-18", "2025-03-20", "en", "happening"),
    ("Sharaa, previously known as Julani, was appointed last month", "2025-01-01", "2025-02-13", "en", "happening"),
])
def test_row_role_from_date_and_clause_words(clause, first, published, lang, role):
    from timeline.role import row_role

    first, last = first if isinstance(first, tuple) else (first, first)
    assert row_role(clause, first, last, published, lang) == role


def test_headline_names_type_actors_and_place_in_english_within_twelve_words():
    from timeline.headline import headline

    line = headline("meeting", "Russia; Mikhail Bogdanov; Alexander Lavrentyev; Ahmed al-Sharaa", "Damascus", "plan")
    assert line == "Meeting (planned): Russia, Mikhail Bogdanov, Alexander Lavrentyev, Ahmed al-Sharaa, Damascus"
    assert len(headline("meeting", "; ".join(f"Person Number{i}" for i in range(9)), "Damascus").split()) <= 12


def test_seed_rows_have_headline_type_and_role_and_8_december_is_military(seed_events):
    assert (seed_events["headline"] != "").all() and (seed_events["event_type"] != "").all()
    assert set(seed_events["role"]) <= {"happening", "plan", "background"} and (seed_events["role"] != "").all()
    december_8 = seed_events[seed_events["date"] == "2024-12-08"].iloc[0]
    assert december_8["event_type"] in ("military_action", "regime_change")
    assert "Hayat Tahrir al-Sham" in december_8["headline"]


# Before issue 10 these got "meeting" (English: the cue nearest the date) and "agreement" and stayed
# two events; one happening now gets one type in both languages, whichever cue is nearer its date.
CEASEFIRE_EN = ("Doha, 14 May 2025 – The two warring sides agreed on a ceasefire in Sudan on Tuesday after "
                "talks in Doha, mediators said.")
CEASEFIRE_ID = ("Kedua pihak yang bertikai di Sudan bertemu di Doha pada Selasa (13/5) dan akhirnya "
                "menyepakati gencatan senjata.")


def test_two_language_reports_of_one_ceasefire_merge_into_one_event_with_two_sources():
    from timeline.merge import merge_events

    frame = pd.concat([extract_events(CEASEFIRE_EN, published="2025-05-14", lang="en", source="wire-en"),
                       extract_events(CEASEFIRE_ID, published="2025-05-14", lang="id", source="kabar-id")],
                      ignore_index=True)
    day = frame[frame["date"] == "2025-05-13"]
    assert set(day["source"]) == {"wire-en", "kabar-id"}
    assert set(day["event_type"]) == {"agreement"}
    merged = merge_events(day)
    assert len(merged) == 1
    assert merged.iloc[0]["source_count"] == 2


def test_a_reporting_frame_is_no_row_of_its_own_and_its_clause_runs_into_the_main_one():
    text = ("Dans un communiqué publié le 3 mars 2025, les trois gouvernements ont rejeté "
            "le calendrier proposé par l'organisation régionale.")
    events = extract_events(text, published="2025-03-05", lang="fr")
    assert len(events) == 1
    assert "ont rejeté le calendrier" in events["title"][0]


def test_a_two_word_preposition_goes_with_the_date_it_introduces():
    events = extract_events("Ce retrait deviendra effectif dès le 29 janvier 2025.", published="2024-12-23", lang="fr")
    assert list(events["title"]) == ["Ce retrait deviendra effectif."]
    assert list(events["role"]) == ["plan"]


# --------------------------------------------------------------------------- inferred dates

_UNDATED_LEAD = ("Harbour workers end strike at the northern port\n\n"
                 "Dock workers at the northern port returned to their cranes after a week-long strike. "
                 "The union and the port authority signed a pay deal on 3 March in the city hall. "
                 "Afterwards the union leaders thanked the members for their patience at a rally.")


def test_without_infer_dates_an_undated_lead_gives_no_row():
    frame = extract_events(_UNDATED_LEAD, published="2025-03-05", lang="en")
    assert frame["date_text"].tolist() == ["3 March"]


def test_the_lead_is_dated_by_the_article_and_a_continuation_by_the_date_before_it():
    frame = extract_events(_UNDATED_LEAD, published="2025-03-05", lang="en", infer_dates=True)
    rows = frame[["date", "precision", "date_text", "tags", "confidence"]].values.tolist()
    assert rows == [["2025-03-05", "day", "", "inferred date", 0.5],
                    ["2025-03-03", "day", "3 March", "", rows[1][4]],
                    ["2025-03-03", "day", "", "inferred date", 0.45]]
    assert frame["title"].iloc[0].startswith("Dock workers at the northern port")   # not the headline line
    assert frame["title"].iloc[2].startswith("Afterwards the union leaders")


def test_an_article_without_any_date_gets_its_lead_row_only_with_a_publication_date():
    text = "Rescue teams reached the flooded valley villages by boat. Many families had spent the night on roofs."
    assert extract_events(text, lang="en", infer_dates=True).empty
    frame = extract_events(text, published="2025-01-09", lang="en", infer_dates=True)
    assert frame["date"].tolist() == ["2025-01-09"] and frame["date_text"].tolist() == [""]


def test_a_lead_after_a_dateline_is_dated_by_the_article():
    text = "NAIROBI, 4 June 2025 – Farmers blocked the main highway with tractors over fuel prices."
    frame = extract_events(text, published="2025-06-04", lang="en", infer_dates=True)
    assert frame["date"].tolist() == ["2025-06-04"] and frame["tags"].tolist() == ["inferred date"]


def test_a_sentence_without_a_continuation_word_inherits_nothing():
    text = ("Ministers met in the capital on 2 May to discuss the budget. "
            "The opposition criticised the plan in a long statement to the press.")
    frame = extract_events(text, published="2025-05-04", lang="en", infer_dates=True)
    assert frame["date_text"].tolist() == ["2 May"]


def test_continuation_words_in_indonesian():
    text = ("Presiden meresmikan bendungan baru pada Senin (3/3/2025) di Jawa Tengah. "
            "Kemudian presiden meninjau sawah petani di sekitar bendungan itu.")
    frame = extract_events(text, published="2025-03-04", lang="id", infer_dates=True)
    assert frame["date"].tolist() == ["2025-03-03", "2025-03-03"]
    assert frame["date_text"].tolist()[1] == ""


def test_a_lead_with_its_own_dateline_day_is_dated_by_that_day():
    text = "NAIROBI, 3 June 2025 – Farmers blocked the main highway with tractors over fuel prices."
    frame = extract_events(text, published="2025-06-04", lang="en", infer_dates=True)
    assert frame["date"].tolist() == ["2025-06-03"] and frame["date_text"].tolist() == [""]


def test_one_happening_told_twice_in_an_article_is_one_row():
    # The lead and the body tell one signing on one day: one row, with both sentences as evidence.
    text = ("Kenya and Tanzania signed a fisheries accord in Mombasa on Tuesday. "
            "The ministers of both countries met for two hours before the talks ended. "
            "The fisheries accord that Kenya and Tanzania signed in Mombasa on Tuesday opens the lake to both fleets.")
    frame = extract_events(text, published="2031-04-10", lang="en")
    assert frame["date"].tolist() == ["2031-04-08"]
    assert "opens the lake" in frame["evidence"].iloc[0] and "signed a fisheries accord" in frame["evidence"].iloc[0]
    assert frame["merge_note"].iloc[0] == ""        # not a merge of sources an analyst could split


def test_two_happenings_of_one_day_stay_two_rows():
    # Same day, different kinds of happening (an accord, a protest): two rows.
    text = ("Kenya and Tanzania signed a fisheries accord in Mombasa on Tuesday. "
            "On Tuesday hundreds of fishermen marched in protest through Dar es Salaam.")
    frame = extract_events(text, published="2031-04-10", lang="en")
    assert frame["date"].tolist() == ["2031-04-08", "2031-04-08"]


def test_a_year_holding_a_dated_telling_of_the_same_summit_is_one_row():
    text = ("Leaders of the bloc met in Lisbon for their summit on 3 March 2031. "
            "The summit in Lisbon this year brought the leaders of the bloc together again.")
    frame = extract_events(text, published="2031-03-05", lang="en")
    assert frame["date"].tolist() == ["2031-03-03"]


def test_role_of_a_dated_announcement_of_a_plan_is_happening():
    from timeline.role import row_role

    clause = "The minister announced on Monday that the bridge would open to traffic"
    assert row_role(clause, "2031-06-03", "2031-06-03", "2031-06-03", "en", date_at=clause.index("on Monday")) == "happening"
    said_later = "The minister said that the bridge would open on Monday"
    assert row_role(said_later, "2031-06-02", "2031-06-02", "2031-06-01", "en",
                    date_at=said_later.index("on Monday")) == "plan"


def test_role_words_of_expectation_make_a_plan():
    from timeline.role import row_role

    clause = "Esta semana, espera-se que os ministros aprovem o orçamento"
    assert row_role(clause, "2031-06-02", "2031-06-08", "2031-06-03", "pt", date_at=0) == "plan"


def test_two_clock_times_of_one_happening_in_one_sentence_are_one_row():
    text = ("The summit of the bloc opened in Vienna at 09.00 on Thursday, "
            "and the summit talks in Vienna went on at 14.00.")
    frame = extract_events(text, published="2031-05-08", lang="en")
    assert len(frame) == 1 and frame["date"].iloc[0] == "2031-05-08"


def test_two_clock_times_in_two_sentences_stay_two_rows():
    text = ("A first blast hit the depot in Kharkiv at 02.00 on Thursday. "
            "A second blast hit the same depot in Kharkiv at 04.30 on Thursday.")
    frame = extract_events(text, published="2031-05-08", lang="en")
    assert frame["date"].tolist() == ["2031-05-08", "2031-05-08"]


@pytest.mark.parametrize("text, kept", [
    # A date glued to a possessive or a word is part of the noun phrase: cutting it out would
    # leave "'s bombing" (and a title that opens with "S").
    ("Last week's bombing of the depot killed five guards.", "Last week's bombing of the depot"),
    ("Yesterday’s vote in parliament was delayed again.", "Yesterday’s vote in parliament"),
    ("Kemarin, polisi menangkap dua tersangka di Bandung.", "Polisi menangkap dua tersangka"),
])
def test_a_date_is_cut_from_the_title_only_where_it_stands_apart(text, kept):
    events = extract_events(text, published="2025-03-20", lang="id" if text.startswith("Kemarin") else "en")
    assert len(events) == 1
    assert events["title"][0].startswith(kept), events["title"][0]


def test_a_quote_that_retells_the_days_happening_is_one_row_with_it():
    # The reporter's sentence and the speaker's quote tell one attack; the quote's "yesterday"
    # counts from the day the saying is dated.
    text = ("Gunmen attacked an aid convoy near the border on Sunday, 7 May 2023, killing two drivers.\n\n"
            "At a press conference on Monday, 8 May 2023, the regional envoy told reporters the attack was a crime. "
            "He spoke for an hour. \"Yesterday gunmen attacked our convoy on the road,\" he said.")
    events = extract_events(text, published="2023-05-09", lang="en")
    sunday = events[events["date"] == "2023-05-07"]
    assert len(sunday) == 1, list(events["title"])
    assert "Yesterday gunmen attacked our convoy" in sunday["evidence"].iloc[0]
    assert "Gunmen attacked an aid convoy" in sunday["evidence"].iloc[0]


def test_a_sentence_wrapped_across_lines_keeps_its_row_and_continued_type():
    one_line = "Parliament approved the budget law on Monday, 3 February 2025. The new rules apply from 1 March 2025."
    wrapped = one_line.replace("rules apply", "rules\napply")
    rows = [extract_events(text, "2025-02-05", "en") for text in (one_line, wrapped)]
    assert list(rows[1]["date"]) == list(rows[0]["date"]) == ["2025-02-03", "2025-03-01"]
    assert list(rows[1]["event_type"]) == list(rows[0]["event_type"])
