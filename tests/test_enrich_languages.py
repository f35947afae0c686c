"""Event types, actors and places in Italian, Dutch, Polish, Ukrainian and Greek: one happening
gets one type in every language the enrichment reads. Sentences written for these tests."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from timeline.enrich import LOCATIVE_WORDS, classify_event, event_taxonomy, find_actors, find_places

ROOT = Path(__file__).resolve().parent.parent

# The languages whose dated clauses the enrichment types: every one needs cues for every type.
ENRICHED_LANGS = ("id", "en", "fr", "es", "pt", "de", "tr", "ru", "ar", "it", "nl", "pl", "uk", "el")
NEW_LANGS = ("it", "nl", "pl", "uk", "el")

CASES = [
    # Italian
    ("it", "regime_change", "L'esercito ha preso il potere con un colpo di stato."),
    ("it", "asylum", "Il giornalista ha chiesto asilo politico in Francia."),
    ("it", "military_action", "I droni hanno colpito una centrale elettrica."),
    ("it", "legal_action", "La polizia ha arrestato due sospettati."),
    ("it", "sanction", "L'Unione europea ha adottato nuove sanzioni contro l'Iran."),
    ("it", "agreement", "Le parti hanno firmato un accordo di cessate il fuoco."),
    ("it", "aid", "Il governo ha inviato aiuti umanitari alla popolazione."),
    ("it", "election", "Gli elettori hanno votato al ballottaggio."),
    ("it", "appointment", "Il ministro della difesa si è dimesso."),
    ("it", "protest", "Migliaia di manifestanti sono scesi in piazza."),
    ("it", "withdrawal", "Il paese ha annunciato il ritiro delle truppe."),
    ("it", "call", "I due presidenti hanno avuto una telefonata."),
    ("it", "meeting", "Il premier ha incontrato il cancelliere a Berlino."),
    ("it", "ceremony", "Si sono svolti i funerali delle vittime."),
    ("it", "decision", "Il parlamento ha approvato la nuova legge."),
    ("it", "statement", "Il portavoce ha dichiarato che la situazione è calma."),
    # Dutch
    ("nl", "regime_change", "Het leger pleegde een staatsgreep."),
    ("nl", "asylum", "De journalist vroeg asiel aan in Duitsland."),
    ("nl", "military_action", "Een luchtaanval verwoestte het ziekenhuis."),
    ("nl", "legal_action", "De politie heeft drie verdachten gearresteerd."),
    ("nl", "sanction", "De Europese Unie kondigde nieuwe sancties aan."),
    ("nl", "agreement", "Beide partijen ondertekenden een vredesakkoord."),
    ("nl", "aid", "Nederland stuurt noodhulp naar het getroffen gebied."),
    ("nl", "election", "De kiezers brachten hun stem uit bij de verkiezingen."),
    ("nl", "appointment", "De minister van Financiën is afgetreden."),
    ("nl", "protest", "Duizenden betogers trokken door de straten."),
    ("nl", "withdrawal", "Het land kondigde de terugtrekking van zijn troepen aan."),
    ("nl", "call", "De premier had een telefoongesprek met de president."),
    ("nl", "meeting", "De ministers ontmoetten elkaar in Brussel."),
    ("nl", "ceremony", "Bij de herdenking waren veertig veteranen aanwezig."),
    ("nl", "decision", "Het parlement heeft het wetsvoorstel goedgekeurd."),
    ("nl", "statement", "De woordvoerder verklaarde dat de grens open blijft."),
    # Polish
    ("pl", "regime_change", "Wojsko przejęło władzę w wyniku zamachu stanu."),
    ("pl", "asylum", "Dziennikarz poprosił o azyl polityczny."),
    ("pl", "military_action", "Rosyjskie drony zaatakowały elektrownię."),
    ("pl", "legal_action", "Sąd skazał byłego ministra na trzy lata więzienia."),
    ("pl", "sanction", "Unia Europejska nałożyła nowe sankcje na Iran."),
    ("pl", "agreement", "Strony podpisały porozumienie o zawieszeniu broni."),
    ("pl", "aid", "Rząd wysłał pomoc humanitarną dla uchodźców."),
    ("pl", "election", "Wyborcy oddali głosy w drugiej turze wyborów."),
    ("pl", "appointment", "Prezydent mianował nowego ministra obrony."),
    ("pl", "protest", "Tysiące demonstrantów wyszło na ulice."),
    ("pl", "withdrawal", "Kraj ogłosił wycofanie wojsk z regionu."),
    ("pl", "call", "Prezydenci odbyli rozmowę telefoniczną."),
    ("pl", "meeting", "Ministrowie spotkali się w Brukseli."),
    ("pl", "ceremony", "W uroczystości wzięli udział weterani."),
    ("pl", "decision", "Sejm uchwalił nową ustawę."),
    ("pl", "statement", "Rzecznik oświadczył, że granica pozostanie otwarta."),
    # Ukrainian
    ("uk", "regime_change", "Військові здійснили державний переворот."),
    ("uk", "asylum", "Журналіст попросив політичного притулку."),
    ("uk", "military_action", "Російські війська обстріляли місто з артилерії."),
    ("uk", "legal_action", "Колишнього міністра заарештували."),
    ("uk", "sanction", "Євросоюз запровадив нові санкції проти Ірану."),
    ("uk", "agreement", "Сторони підписали угоду про припинення вогню."),
    ("uk", "aid", "Уряд надіслав гуманітарну допомогу."),
    ("uk", "election", "Виборці проголосували у другому турі виборів."),
    ("uk", "appointment", "Президент призначив нового міністра оборони."),
    ("uk", "protest", "Тисячі демонстрантів вийшли на вулиці."),
    ("uk", "withdrawal", "Країна оголосила про виведення військ."),
    ("uk", "call", "Президенти провели телефонну розмову."),
    ("uk", "meeting", "Міністри зустрілися в Брюсселі."),
    ("uk", "ceremony", "У церемонії взяли участь ветерани."),
    ("uk", "decision", "Верховна Рада ухвалила новий закон."),
    ("uk", "statement", "Речник заявив, що кордон залишиться відкритим."),
    # Greek
    ("el", "regime_change", "Ο στρατός κατέλαβε την εξουσία με πραξικόπημα."),
    ("el", "asylum", "Ο δημοσιογράφος ζήτησε πολιτικό άσυλο."),
    ("el", "military_action", "Η αεροπορική επιδρομή κατέστρεψε το νοσοκομείο."),
    ("el", "legal_action", "Η αστυνομία συνέλαβε δύο υπόπτους."),
    ("el", "sanction", "Η Ευρωπαϊκή Ένωση επέβαλε νέες κυρώσεις στο Ιράν."),
    ("el", "agreement", "Οι δύο πλευρές υπέγραψαν συμφωνία για εκεχειρία."),
    ("el", "aid", "Η κυβέρνηση έστειλε ανθρωπιστική βοήθεια."),
    ("el", "election", "Οι ψηφοφόροι προσήλθαν στις κάλπες για τις εκλογές."),
    ("el", "appointment", "Ο υπουργός Άμυνας παραιτήθηκε."),
    ("el", "protest", "Χιλιάδες διαδηλωτές βγήκαν στους δρόμους."),
    ("el", "withdrawal", "Η χώρα ανακοίνωσε την αποχώρηση των στρατευμάτων."),
    ("el", "call", "Οι δύο πρόεδροι είχαν τηλεφωνική επικοινωνία."),
    ("el", "meeting", "Οι υπουργοί συναντήθηκαν στις Βρυξέλλες."),
    ("el", "ceremony", "Στην τελετή παρευρέθηκαν βετεράνοι."),
    ("el", "decision", "Η Βουλή ενέκρινε το νομοσχέδιο."),
    ("el", "statement", "Ο εκπρόσωπος δήλωσε ότι τα σύνορα παραμένουν ανοιχτά."),
]


@pytest.mark.parametrize("lang, event_type, clause", CASES)
def test_one_type_per_happening_in_every_language(lang, event_type, clause):
    assert classify_event(clause, lang)[0] == event_type


def test_the_table_covers_every_type_in_every_new_language():
    covered = {(lang, event_type) for lang, event_type, _ in CASES}
    assert covered == {(lang, t) for lang in NEW_LANGS for t in event_taxonomy()}


# Types that had few cues in Russian, Turkish and Arabic.
@pytest.mark.parametrize("lang, event_type, clause", [
    ("ru", "sanction", "Евросоюз внёс компанию в чёрный список."),
    ("ru", "election", "Избиратели пришли на участки."),
    ("ru", "appointment", "Министр был уволен."),
    ("ru", "protest", "В столице начались беспорядки."),
    ("ru", "withdrawal", "Страна объявила о выводе войск."),
    ("ru", "call", "Президенты провели телефонный разговор."),
    ("ru", "ceremony", "В городе прошли празднования."),
    ("ru", "military_action", "Армия начала военную операцию."),
    ("tr", "asylum", "Gazeteci siyasi sığınma talep etti."),
    ("tr", "sanction", "Şirket kara listeye alındı."),
    ("tr", "aid", "Okullara hibe verildi."),
    ("tr", "election", "Seçmenler sandık başına gitti."),
    ("tr", "protest", "Göstericiler meydanda toplandı."),
    ("tr", "withdrawal", "Ordu bölgeden geri çekildi."),
    ("tr", "call", "Liderler telefonla konuştu."),
    ("ar", "asylum", "انشق الضابط عن الجيش"),
    ("ar", "aid", "قدمت الدولة منحة للمدارس"),
    ("ar", "appointment", "أقال الرئيس قائد الجيش"),
    ("ar", "withdrawal", "أعلن الجيش سحب القوات"),
    ("ar", "call", "اتصل الرئيس بنظيره"),
    ("ar", "ceremony", "أقيمت مراسم تأبين الضحايا"),
])
def test_thin_types_of_russian_turkish_and_arabic(lang, event_type, clause):
    assert classify_event(clause, lang)[0] == event_type


@pytest.mark.parametrize("lang, clause, denied, left", [
    ("it", "I colloqui si sono conclusi senza un accordo.", "agreement", "meeting"),
    ("nl", "De gesprekken eindigden zonder akkoord.", "agreement", "meeting"),
    ("pl", "Rozmowy zakończyły się bez porozumienia.", "agreement", "meeting"),
    ("uk", "Переговори завершилися без жодної угоди.", "agreement", "meeting"),
    ("el", "Οι συνομιλίες ολοκληρώθηκαν χωρίς συμφωνία.", "agreement", "meeting"),
])
def test_a_negated_cue_does_not_count(lang, clause, denied, left):
    assert classify_event(clause, lang)[0] == left != denied


@pytest.mark.parametrize("lang, clause", [
    # words that begin like a cue, or hold one, but name no happening
    ("pl", "Zmierzono to za pomocą satelitów."),             # "by means of", not aid
    ("pl", "Wieczorem marszałek otworzył posiedzenie."),     # not "wiec" (rally), not "marsz" (march)
    ("pl", "Wybór należy do rządu."),                         # a choice, not the elections (wybory)
    ("uk", "Наступного тижня погода буде теплою."),           # "next", not an offensive (наступ)
    ("uk", "Маршрут автобуса змінився."),                     # a route, not a march (марш)
    ("el", "Σύμφωνα με την κυβέρνηση, η κατάσταση είναι ήρεμη."),  # "according to", not an agreement
    ("el", "Οι συνθήκες ζωής είναι δύσκολες."),               # conditions, not a treaty (συνθήκη)
    ("el", "Η κατηγορία των προϊόντων άλλαξε."),              # a category, not a charge
    ("it", "Il processo di pace è fermo."),                   # the peace process, not a trial
    ("it", "Il sistema elettrico è vecchio."),                # electric, not elected
    ("nl", "Het bestand is groot."),                          # a file, not a truce (wapenbestand)
    # a text of unknown language is read with every language's cues: no stem may begin English words
    ("", "A paradox of the paradigm, a decisive moment."),   # not Polish parada, Italian deciso
    ("", "He abandoned the vertices of the graph."),          # not Italian abbandonato, vertice
])
def test_look_alike_words_are_no_cues(lang, clause):
    assert classify_event(clause, lang) == ("", "")


@pytest.mark.parametrize("clause, event_type", [
    # Dutch splits a verb from its particle: "keurde ... goed", "kondigde ... aan"
    ("Het parlement keurde de begroting gisteren goed.", "decision"),
    ("De minister kondigde vorige week zijn vertrek aan.", "statement"),
    ("De landen kwamen overeen dat de grens open blijft.", "agreement"),
])
def test_dutch_separable_verbs(clause, event_type):
    assert classify_event(clause, "nl")[0] == event_type


@pytest.mark.parametrize("lang, clause, dated, event_type", [
    # the phrase after the date tells what led to it: the agreement is the dated happening
    ("pl", "Strony uzgodniły rozejm we wtorek, po tym jak trwał ostrzał.", "we wtorek", "agreement"),
    ("uk", "Сторони погодилися на перемир'я у вівторок, після тижнів обстрілів.", "у вівторок", "agreement"),
    ("el", "Οι πλευρές συμφώνησαν σε εκεχειρία την Τρίτη, μετά από εβδομάδες βομβαρδισμών.", "την Τρίτη", "agreement"),
])
def test_an_antecedent_phrase_does_not_decide(lang, clause, dated, event_type):
    assert classify_event(clause, lang, dated, dated)[0] == event_type


@pytest.mark.parametrize("lang, text, places", [
    ("it", "La manifestazione si è svolta a Roma.", ["Rome"]),
    ("nl", "De top vond plaats in Amsterdam.", ["Amsterdam"]),
    ("pl", "Protest odbył się w Warszawie.", ["Warsaw"]),
    ("pl", "Ministrowie spotkali się w Krakowie.", ["Kraków"]),
    ("uk", "Вибух пролунав у Києві.", ["Kyiv"]),
    ("uk", "Зустріч відбулася у Львові.", ["Lviv"]),
    ("el", "Η διαδήλωση έγινε στην Αθήνα.", ["Athens"]),
    ("el", "Η σύνοδος έγινε στη Θεσσαλονίκη.", ["Thessaloníki"]),
    # a country after a locative word is the scene, not a party
    ("pl", "Wybory odbyły się w Polsce.", ["Poland"]),
    ("uk", "Вибори відбулися в Україні.", ["Ukraine"]),
    ("el", "Οι εκλογές έγιναν στην Ελλάδα.", ["Greece"]),
])
def test_places_after_a_locative_word(lang, text, places):
    assert [p.name for p in find_places(text, lang)] == places


@pytest.mark.parametrize("lang, text, actors, places", [
    ("it", "La Russia ha attaccato l'Ucraina.", ["Russia", "Ukraine"], []),
    ("pl", "Rosja zaatakowała Ukrainę.", ["Russia", "Ukraine"], []),
    ("uk", "Росія атакувала Україну.", ["Russia", "Ukraine"], []),
    ("el", "Η Ρωσία επιτέθηκε στην Ουκρανία.", ["Russia"], ["Ukraine"]),
    ("pl", "Premier Polski spotkał się z prezydentem Francji w Paryżu.", ["Poland", "France"], ["Paris"]),
    ("pl", "Delegacje z Chin, Indii i Niemiec przyleciały do Moskwy.", ["China", "India", "Germany"], ["Moscow"]),
    ("pl", "Marszałek Sejmu przemawiał w Gdańsku.", [], ["Gdansk"]),
    ("uk", "Президент України провів переговори з канцлером Німеччини.", ["Ukraine", "Germany"], []),
    ("uk", "Російські війська обстріляли Харків і Одесу.", ["Russia"], ["Kharkiv", "Odesa"]),
    ("el", "Ο πρόεδρος της Τουρκίας επισκέφθηκε την Αθήνα.", ["Turkey"], ["Athens"]),
])
def test_actors_and_places_in_inflected_languages(lang, text, actors, places):
    assert find_actors(text, lang) == actors
    assert [p.name for p in find_places(text, lang)] == places


@pytest.mark.parametrize("lang, text, actors", [
    # a state's adjective names the state, as "russische Panzer" does (data/actors.csv)
    ("it", "Il presidente francese ha incontrato il cancelliere tedesco.", ["France", "Germany"]),
    ("nl", "De Franse president ontmoette de Duitse kanselier.", ["France", "Germany"]),
    ("pl", "Rosyjskie drony i amerykańskie rakiety.", ["Russia", "United States"]),
    ("uk", "Німецькі та французькі дипломати прибули.", ["Germany", "France"]),
    ("el", "Η γαλλική κυβέρνηση και οι βρετανικές αρχές.", ["France", "United Kingdom"]),
])
def test_state_adjectives(lang, text, actors):
    assert find_actors(text, lang) == actors


@pytest.mark.parametrize("lang, text", [
    # words of the language that are also some city's name elsewhere (data/city_stopwords.txt)
    ("pl", "Armia Krajowa walczyła o niepodległość."),      # national, not Craiova
    ("pl", "Rano doszło do ataku."),                         # in the morning, not Rano
    ("pl", "Brak informacji o ofiarach."),                   # a lack, not Brak
    ("uk", "Володимир Зеленський заявив про це."),           # a given name, not Vladimir
    ("el", "Η Μέση Ανατολή παραμένει ασταθής."),             # middle, not Mesa
])
def test_common_words_are_no_places(lang, text):
    assert find_places(text, lang) == []


@pytest.mark.parametrize("lang", ENRICHED_LANGS)
def test_every_type_has_cues_in_every_enriched_language(lang):
    missing = [t for t, spec in event_taxonomy().items() if not spec["cues"].get(lang)]
    assert missing == []


def test_the_enriched_languages_are_read_by_the_date_engine():
    engine = json.loads((ROOT / "timeline" / "lang" / "extra.json").read_text(encoding="utf-8"))
    assert set(ENRICHED_LANGS) <= set(engine)


@pytest.mark.parametrize("lang", NEW_LANGS)
def test_new_languages_have_their_word_lists(lang):
    data = json.loads((ROOT / "data" / "event_types.json").read_text(encoding="utf-8"))
    assert data["negations"].get(lang) and data["antecedents"].get(lang)
    assert LOCATIVE_WORDS.get(lang)
    engine = json.loads((ROOT / "timeline" / "lang" / "extra.json").read_text(encoding="utf-8"))
    assert engine[lang].get("speech_verbs")
    for name, key in [("role_words.json", "roles"), ("subject_pronouns.json", "pronouns"),
                      ("continuation_words.json", "words"), ("continuation_words.json", "and")]:
        table = json.loads((ROOT / "data" / name).read_text(encoding="utf-8"))[key]
        assert table.get(lang), (name, key)
