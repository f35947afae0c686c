"""timeline.titles: a row's clause cut to its core, on sentences of our own in several languages."""
import pytest

from timeline.titles import MAX_WORDS, display_title


@pytest.mark.parametrize("clause, lang, date_text, title", [
    # an attribution after the reported words
    ("The rebels entered the capital on Sunday, the army said.", "en", "Sunday",
     "The rebels entered the capital on Sunday"),
    ("Talks will resume in Geneva next week, a spokesman for the mediators told reporters.", "en", "next week",
     "Talks will resume in Geneva next week"),
    ('Kapal itu ditahan di pelabuhan sejak Selasa," ujarnya.', "id", "Selasa",
     "Kapal itu ditahan di pelabuhan sejak Selasa"),
    ("Le scrutin aura lieu en mars, a précisé le porte-parole du gouvernement.", "fr", "en mars",
     "Le scrutin aura lieu en mars"),
    # a frame before them, when the reported clause holds the date and has a subject of its own
    ("The ministry said that the border crossing reopened on Monday.", "en", "on Monday",
     "The border crossing reopened on Monday."),
    ("Juru bicara kepolisian menyatakan bahwa dua tersangka ditangkap pada Jumat.", "id", "Jumat",
     "Dua tersangka ditangkap pada Jumat."),
    # ... but not when the frame holds the date (the saying is the happening) or the clause opens
    # with a pronoun only the frame explains
    ("The minister said on Friday that the plant would close.", "en", "Friday",
     "The minister said on Friday that the plant would close."),
    ("The two leaders said that they met in Oslo on 3 May.", "en", "3 May",
     "The two leaders said that they met in Oslo on 3 May."),
    # a relative clause after the subject, and one later in the clause
    ("The envoy, who arrived from Cairo, met the prime minister on Tuesday.", "en", "Tuesday",
     "The envoy met the prime minister on Tuesday."),
    ("Delegasi itu, yang dipimpin wakil menteri, bertemu presiden pada Rabu.", "id", "Rabu",
     "Delegasi itu bertemu presiden pada Rabu."),
    ("Floods on Monday cut the road to the port, which handles most of the country's grain.", "en", "Monday",
     "Floods on Monday cut the road to the port"),
    # ... kept where it holds the row's date
    ("Ms Diaz, who was elected in 2016, resigned last month.", "en", "2016",
     "Ms Diaz, who was elected in 2016, resigned last month."),
    # a sentence adverb and an opening frame, a short aside in brackets
    ("Meanwhile, the central bank raised its rate on Thursday.", "en", "Thursday",
     "The central bank raised its rate on Thursday."),
    ("Dans un communiqué publié mardi, le gouvernement a annoncé la fermeture des écoles.", "fr", "",
     "Le gouvernement a annoncé la fermeture des écoles."),
    ("The Electoral Commission (EC) confirmed the result on 9 June.", "en", "9 June",
     "The Electoral Commission confirmed the result on 9 June."),
])
def test_the_title_is_the_clause_cut_to_its_core(clause, lang, date_text, title):
    assert display_title(clause, lang, date_text) == title


def test_a_cut_that_would_leave_too_few_words_is_not_made():
    assert display_title("It fell, officials said.", "en", "") == "It fell, officials said."


def test_a_long_clause_is_cut_with_an_ellipsis_and_a_lowercase_start_is_capitalised():
    clause = "troops " + " ".join(f"word{i}" for i in range(40))
    title = display_title(clause, "en", "")
    assert title.startswith("Troops ") and title.endswith(" …") and len(title.split()) == MAX_WORDS + 1


def test_unmatched_quotes_are_dropped():
    assert display_title("the vote will be held on Sunday»", "ru", "") == "The vote will be held on Sunday"


def test_the_rows_own_date_opening_the_title_is_left_to_the_date_column():
    assert display_title("Sebelumnya, pada Senin malam, Iran menembakkan rudal ke pangkalan udara.", "id",
                         "Senin malam") == "Iran menembakkan rudal ke pangkalan udara."
    assert display_title("On 3 March, the army seized the airport.", "en", "3 March") == "The army seized the airport."
    # inside the clause it stays, or the words around it would run together
    clause = "At a press conference in Geneva, on Monday, the envoy repeated his call."
    assert display_title(clause, "en", "Monday") == clause


@pytest.mark.parametrize("clause, lang, date_text, title", [
    # a long title loses the adjunct after its main clause: a subordinate clause or a
    # circumstance ("after ...", "setelah ...", "tras ...") or a participle phrase (", killing ...")
    ("Rebels seized the northern airport on Monday, after three weeks of heavy fighting around the town and its roads.",
     "en", "Monday", "Rebels seized the northern airport on Monday"),
    ("The storm hit the coastal province of the country on Friday, killing at least twelve people and flooding roads.",
     "en", "Friday", "The storm hit the coastal province of the country on Friday"),
    ("Pemerintah mengumumkan paket bantuan baru bagi para petani pada Kamis, setelah panen gagal selama dua musim berturut-turut.",
     "id", "Kamis", "Pemerintah mengumumkan paket bantuan baru bagi para petani pada Kamis"),
    ("El Congreso aprobó el martes el presupuesto del próximo año, dejando sin fondos a varios programas sociales del país.",
     "es", "el martes", "El Congreso aprobó el martes el presupuesto del próximo año"),
    ("Le Parlement a adopté la loi sur l'eau le 4 avril, alors que les agriculteurs manifestaient devant le bâtiment.",
     "fr", "le 4 avril", "Le Parlement a adopté la loi sur l'eau le 4 avril"),
    ("Die Regierung hat am Montag neue Regeln für die Grenze beschlossen, nachdem die Zahl der Übertritte stark gestiegen war.",
     "de", "am Montag", "Die Regierung hat am Montag neue Regeln für die Grenze beschlossen"),
    # a clause of contrast after a comma is a second statement: a long title ends before it
    ("The court released the former minister from detention last month and he went home, but the trial goes on.",
     "en", "last month", "The court released the former minister from detention last month and he went home"),
    ("Pemerintah mencabut status darurat di provinsi itu pada Senin pagi, tetapi jam malam tetap berlaku di ibu kota.",
     "id", "Senin pagi", "Pemerintah mencabut status darurat di provinsi itu pada Senin pagi"),
    ("Le retrait des trois pays devient effectif en janvier prochain, comme le prévoit le traité de l'organisation.",
     "fr", "en janvier prochain", "Le retrait des trois pays devient effectif en janvier prochain"),
])
def test_a_long_title_loses_the_adjunct_after_its_main_clause(clause, lang, date_text, title):
    assert display_title(clause, lang, date_text) == title


@pytest.mark.parametrize("clause, lang, date_text", [
    # short enough already: the adjunct stays
    ("Troops left the city on Monday, after talks.", "en", "Monday"),
    # the row's date is in the adjunct: the adjunct is the happening
    ("The two leaders spoke by phone for the first time in months, after the border clash on 3 May left dozens dead.",
     "en", "3 May"),
    # a name after the comma is no participle, a decimal comma no clause break
    ("Ministers from ten countries gathered for the annual trade summit on Monday, Beijing and Hanoi among the hosts.",
     "en", "Monday"),
    ("O banco central subiu a taxa de juro para 10,5 por cento na quarta-feira passada por causa da inflação.",
     "pt", "na quarta-feira passada"),
])
def test_an_adjunct_stays_where_the_title_needs_it(clause, lang, date_text):
    assert display_title(clause, lang, date_text) == clause


def test_a_long_title_loses_a_clause_of_cause_even_without_its_comma():
    assert display_title("Kementerian menunda pembukaan kembali perbatasan dengan negara tetangga itu pada Senin karena "
                         "hujan lebat merusak jalan", "id", "Senin") == \
        "Kementerian menunda pembukaan kembali perbatasan dengan negara tetangga itu pada Senin"
    assert display_title("The airline cancelled all of its flights to the northern islands on Tuesday because the "
                         "runway was flooded", "en", "Tuesday") == \
        "The airline cancelled all of its flights to the northern islands on Tuesday"
    # short, it stays
    assert display_title("Schools closed on Monday because of snow", "en", "Monday") == \
        "Schools closed on Monday because of snow"


def test_an_aside_dropped_from_between_two_commas_leaves_one_comma():
    title = display_title("Di Jenewa, Senin, (8/5/2023), menteri itu mengulangi seruannya.", "id", "Senin")
    assert ",," not in title and title == "Di Jenewa, Senin, menteri itu mengulangi seruannya."


def test_titles_compile_no_pattern_per_date(monkeypatch):
    """The opening-date check read each date as a new regex: compiled per row, it cost a batch
    worker a third of its time and pushed every other pattern out of re's cache."""
    import re

    compiled = []
    real = re._compile

    def counting(pattern, flags):
        compiled.append(pattern)
        return real(pattern, flags)

    display_title("On 1 March, the army seized the airport.", "en", "1 March")   # the language's own patterns
    monkeypatch.setattr(re, "_compile", counting)
    for day in range(2, 29):
        assert display_title(f"On {day} March, the army seized the airport.", "en", f"{day} March") \
            == "The army seized the airport."
    assert not [p for p in compiled if "March" in str(p)]
