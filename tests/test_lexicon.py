"""Word forms as tables: every case form of every month (and of weekdays and units) that the
grammar of the language gives, checked against the lexicon built from dateparser's words and
the declension rules in timeline/lang/forms.json."""
import json
from pathlib import Path

import pytest

from timeline import find_dates
from timeline.lexicon import declension_rules, inflect, lexicon

FORMS_PATH = Path(__file__).resolve().parent.parent / "timeline" / "lang" / "forms.json"

# (lang, case, the twelve months in that case, January first)
MONTH_CASES = [
    ("uk", "genitive", "січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня"),
    ("uk", "locative", "січні лютому березні квітні травні червні липні серпні вересні жовтні листопаді грудні"),
    ("uk", "instrumental", "січнем лютим березнем квітнем травнем червнем липнем серпнем вереснем жовтнем листопадом груднем"),
    ("ru", "genitive", "января февраля марта апреля мая июня июля августа сентября октября ноября декабря"),
    ("ru", "dative", "январю февралю марту апрелю маю июню июлю августу сентябрю октябрю ноябрю декабрю"),
    ("ru", "instrumental", "январём февралём мартом апрелем маем июнем июлем августом сентябрём октябрём ноябрём декабрём"),
    ("ru", "prepositional", "январе феврале марте апреле мае июне июле августе сентябре октябре ноябре декабре"),
    ("pl", "genitive", "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia"),
    ("pl", "locative", "styczniu lutym marcu kwietniu maju czerwcu lipcu sierpniu wrześniu październiku listopadzie grudniu"),
    ("pl", "instrumental", "styczniem lutym marcem kwietniem majem czerwcem lipcem sierpniem wrześniem październikiem listopadem grudniem"),
    ("el", "nominative", "Ιανουάριος Φεβρουάριος Μάρτιος Απρίλιος Μάιος Ιούνιος Ιούλιος Αύγουστος Σεπτέμβριος Οκτώβριος Νοέμβριος Δεκέμβριος"),
    ("el", "genitive", "Ιανουαρίου Φεβρουαρίου Μαρτίου Απριλίου Μαΐου Ιουνίου Ιουλίου Αυγούστου Σεπτεμβρίου Οκτωβρίου Νοεμβρίου Δεκεμβρίου"),
    ("el", "accusative", "Ιανουάριο Φεβρουάριο Μάρτιο Απρίλιο Μάιο Ιούνιο Ιούλιο Αύγουστο Σεπτέμβριο Οκτώβριο Νοέμβριο Δεκέμβριο"),
    ("el", "accusative, capitals without accents", "ΙΑΝΟΥΑΡΙΟ ΦΕΒΡΟΥΑΡΙΟ ΜΑΡΤΙΟ ΑΠΡΙΛΙΟ ΜΑΙΟ ΙΟΥΝΙΟ ΙΟΥΛΙΟ ΑΥΓΟΥΣΤΟ ΣΕΠΤΕΜΒΡΙΟ ΟΚΤΩΒΡΙΟ ΝΟΕΜΒΡΙΟ ΔΕΚΕΜΒΡΙΟ"),
    ("el", "popular, nominative", "Γενάρης Φλεβάρης Μάρτης Απρίλης Μάης Ιούνης Ιούλης Αύγουστος Σεπτέμβρης Οκτώβρης Νοέμβρης Δεκέμβρης"),
    ("el", "popular, accusative and genitive", "Γενάρη Φλεβάρη Μάρτη Απρίλη Μάη Ιούνη Ιούλη Αύγουστο Σεπτέμβρη Οκτώβρη Νοέμβρη Δεκέμβρη"),
    ("sk", "locative", "januári februári marci apríli máji júni júli auguste septembri októbri novembri decembri"),
    ("sr", "genitive", "јануара фебруара марта априла маја јуна јула августа септембра октобра новембра децембра"),
    ("sr", "locative", "јануару фебруару марту априлу мају јуну јулу августу септембру октобру новембру децембру"),
    ("sl", "genitive", "januarja februarja marca aprila maja junija julija avgusta septembra oktobra novembra decembra"),
    ("sl", "locative", "januarju februarju marcu aprilu maju juniju juliju avgustu septembru oktobru novembru decembru"),
    ("be", "locative", "студзені лютым сакавіку красавіку траўні чэрвені ліпені жніўні верасні кастрычніку лістападзе снежні"),
    ("lv", "locative", "janvārī februārī martā aprīlī maijā jūnijā jūlijā augustā septembrī oktobrī novembrī decembrī"),
    ("hu", "inessive", "januárban februárban márciusban áprilisban májusban júniusban júliusban augusztusban szeptemberben októberben novemberben decemberben"),
    ("fi", "genitive", "tammikuun helmikuun maaliskuun huhtikuun toukokuun kesäkuun heinäkuun elokuun syyskuun lokakuun marraskuun joulukuun"),
    ("fi", "elative", "tammikuusta helmikuusta maaliskuusta huhtikuusta toukokuusta kesäkuusta heinäkuusta elokuusta syyskuusta lokakuusta marraskuusta joulukuusta"),
]

# (lang, case, the seven weekdays in that case, Monday first)
WEEKDAY_CASES = [
    ("uk", "accusative", "понеділок вівторок середу четвер п'ятницю суботу неділю"),
    ("uk", "genitive", "понеділка вівторка середи четверга п'ятниці суботи неділі"),
    ("uk", "genitive, typographic apostrophe", "понеділка вівторка середи четверга п’ятниці суботи неділі"),
    ("ru", "accusative", "понедельник вторник среду четверг пятницу субботу воскресенье"),
    ("ru", "genitive", "понедельника вторника четверга пятницы субботы воскресенья"),
    ("ru", "instrumental", "понедельником вторником четвергом пятницей субботой воскресеньем"),
    ("pl", "accusative", "poniedziałek wtorek środę czwartek piątek sobotę niedzielę"),
    ("pl", "genitive", "poniedziałku wtorku środy czwartku piątku soboty niedzieli"),
    ("el", "nominative", "Δευτέρα Τρίτη Τετάρτη Πέμπτη Παρασκευή Σάββατο Κυριακή"),
    ("el", "genitive", "Δευτέρας Τρίτης Τετάρτης Πέμπτης Παρασκευής Σαββάτου Κυριακής"),
    ("fi", "essive", "maanantaina tiistaina keskiviikkona torstaina perjantaina lauantaina sunnuntaina"),
    ("fi", "nominative", "maanantai tiistai keskiviikko torstai perjantai lauantai sunnuntai"),
    ("cs", "genitive", "čtvrtku pátku"),
    ("hr", "accusative", "ponedjeljak utorak srijedu četvrtak petak subotu nedjelju"),
    # Serbian "недељу" is also "week": a homograph, left out (see test_homographs_are_not_generated).
    ("sr", "accusative", "понедељак уторак среду четвртак петак суботу"),
    ("sl", "accusative", "ponedeljek torek sredo četrtek petek soboto nedeljo"),
    ("lv", "locative", "pirmdienā otrdienā trešdienā ceturtdienā piektdienā sestdienā svētdienā"),
    ("hu", "superessive", "hétfőn kedden szerdán csütörtökön pénteken szombaton vasárnap"),
]

# (lang, unit, forms)
UNIT_CASES = [
    ("el", "D", "ημέρα ημέρας ημέρες ημερών μέρα μέρας μέρες μερών"),
    ("el", "W", "εβδομάδα εβδομάδας εβδομάδες εβδομάδων"),
    ("el", "M", "μήνας μήνα μήνες μηνών"),
    ("el", "Y", "έτος έτους έτη ετών χρόνος χρόνου χρόνο χρόνια χρόνων χρονιά χρονιάς"),
    ("el", "H", "ώρα ώρας ώρες ωρών"),
    ("el", "DE", "δεκαετία δεκαετίας δεκαετίες δεκαετιών"),
    ("el", "CE", "αιώνας αιώνα αιώνες αιώνων"),
    ("uk", "DE", "десятиліття десятиліть десятиліттям десятилітті"),
    ("uk", "CE", "століття століть сторіччя сторіч"),
    ("ru", "Y", "год года году годом годы годов лет"),
    ("ru", "M", "месяц месяца месяцу месяцем месяце месяцы месяцев"),
    ("ru", "W", "неделя недели неделе неделю неделей недель"),
    ("ru", "D", "день дня дню днём дне дни дней"),
    ("pl", "Y", "rok roku rokiem lata lat latach"),
    ("pl", "M", "miesiąc miesiąca miesiącu miesiącem miesiące miesięcy"),
    ("pl", "W", "tydzień tygodnia tygodniu tygodnie tygodni"),
    ("pl", "DE", "dekada dekady dekadę dekadzie"),
]


@pytest.mark.parametrize("lang,case,forms", MONTH_CASES)
def test_every_month_in_every_case(lang, case, forms):
    months = lexicon(lang).months
    found = {form: months.get(form.lower()) for form in forms.split()}
    assert found == {form: number for number, form in enumerate(forms.split(), 1)}, case


@pytest.mark.parametrize("lang,case,forms", WEEKDAY_CASES)
def test_weekdays_in_their_cases(lang, case, forms):
    weekdays = lexicon(lang).weekdays
    words = forms.split()
    found = {form: weekdays.get(form.lower()) for form in words}
    if len(words) == 7:
        assert found == {form: number for number, form in enumerate(words)}, case
    else:
        assert all(value is not None for value in found.values()), found


@pytest.mark.parametrize("lang,unit,forms", UNIT_CASES)
def test_unit_words_in_their_cases(lang, unit, forms):
    units = lexicon(lang).units
    assert {form: units.get(form) for form in forms.split()} == {form: unit for form in forms.split()}


# (rule table, word, forms the rule gives)
INFLECT_CASES = [
    ({"α": ["ας", "ες", "~ών"]}, "ημέρα", ["ημέρας", "ημέρες", "ημερών"]),     # stress moves onto the ending
    ({"α": ["ας"], "άδα": ["άδων"]}, "εβδομάδα", ["εβδομάδων"]),              # the longest ending wins
    ({"α": ["ας"], "ια": []}, "χρόνια", []),                                  # an empty rule stops a shorter one
    ({"ος": ["ο"]}, "Μάιος", ["μάιο"]),                                        # the diaeresis stays a letter
    ({"к": ["ка"]}, "вск", []),                                               # no vowel: an abbreviation
    ({"я": ["е"]}, "мая", ["мае"]),                                            # a short word still declines
    ({"ος": ["ο"]}, "1939", []),
]


@pytest.mark.parametrize("rules,word,expected", INFLECT_CASES)
def test_inflect(rules, word, expected):
    assert inflect(word, rules) == expected


def test_homographs_are_not_generated():
    assert "недељу" not in lexicon("sr").weekdays   # Serbian: also "week"
    assert "piatka" not in lexicon("sk").weekdays   # Slovak: also "a five"
    # Russian "среды", "среде", "средой" are the everyday "environment"; Wednesday keeps its
    # accusative "среду" from dateparser, whose data has it.
    weekdays = lexicon("ru").weekdays
    assert not {"среды", "среде", "средой"} & set(weekdays)
    assert weekdays["среду"] == 2
    assert find_dates("Защита окружающей среды и среде обитания.", published="2024-06-01", lang="ru") == []


def test_forms_file_names_known_kinds_and_languages():
    data = json.loads(FORMS_PATH.read_text(encoding="utf-8"))
    for lang, rules in data.items():
        if lang.startswith("_"):
            continue
        assert set(rules) <= {"months", "weekdays", "units", "homographs", "variants"}, lang
        assert declension_rules(lang) == rules
        for kind in ("months", "weekdays", "units"):
            for ending, replacements in rules.get(kind, {}).items():
                assert ending and all(isinstance(r, str) and r for r in replacements), (lang, kind, ending)


# Whole sentences in our own words: (text, lang, expression, value)
SENTENCE_CASES = [
    ("Наступ почався у листопаді 2022 року.", "uk", "листопаді 2022 року", "2022-11"),
    ("Засідання відбулося у лютому.", "uk", "лютому", "2024-02"),
    ("Нічого не змінилося до четверга.", "uk", "четверга", "2024-05-30"),
    ("Переговоры перенесли к маю 2023 года.", "ru", "маю 2023 года", "2023-05"),
    ("Przed styczniem 2020 r. nic nie ustalono.", "pl", "styczniem 2020 r.", "2020-01"),
    ("Τον Μάρτιο του 1941 ο στρατός προχώρησε.", "el", "Τον Μάρτιο του 1941", "1941-03"),
    ("Η συνθήκη υπογράφηκε την 1η Σεπτεμβρίου 1939.", "el", "την 1η Σεπτεμβρίου 1939", "1939-09-01"),
    ("Η ειρήνη ήρθε το 1945.", "el", "το 1945", "1945"),
    ("Στα τέλη Μαΐου 1940 η γραμμή έσπασε.", "el", "τέλη Μαΐου 1940", "1940-05"),
    ("Η πολιορκία κράτησε τρεις εβδομάδες.", "el", "τρεις εβδομάδες", "P3W"),
    ("Οι διαπραγματεύσεις κράτησαν έξι μήνες.", "el", "έξι μήνες", "P6M"),
    ("Η κατοχή κράτησε ενάμιση χρόνο.", "el", "ενάμιση χρόνο", "P18M"),
    ("Οι άμαχοι περίμεναν δεκαοκτώ ημέρες.", "el", "δεκαοκτώ ημέρες", "P18D"),
    ("Η ανακωχή κράτησε μια βδομάδα.", "el", "μια βδομάδα", "P1W"),
    ("Η πόλη ανήκει στη σημερινή Ελλάδα.", "el", "σημερινή", "PRESENT_REF"),
    ("Tapaaminen pidettiin tammikuun 2020 lopussa.", "fi", "tammikuun 2020", "2020-01"),
]


@pytest.mark.parametrize("text,lang,expression,value", SENTENCE_CASES)
def test_word_forms_in_sentences(text, lang, expression, value):
    found = {(m.text, m.value) for m in find_dates(text, published="2024-06-01", lang=lang)}
    assert (expression, value) in found, found


# A generated form that is also an ordinary word must not make a date.
NOT_DATES = [
    ("Стояв лютий мороз.", "uk"),              # "fierce"
    ("Η τρίτη προσπάθεια απέτυχε.", "el"),      # "third", lower case, not Tuesday
    ("Η πέμπτη μεραρχία υποχώρησε.", "el"),     # "fifth", not Thursday
]


@pytest.mark.parametrize("text,lang", NOT_DATES)
def test_homographs_make_no_date(text, lang):
    assert find_dates(text, published="2024-06-01", lang=lang) == []
