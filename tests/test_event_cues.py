"""Event type cues: the general words of decisions, appointments and military actions in every
covered language, the rule that a speech verb gives way to what it reports, and words that must
keep another sense. Sentences written for these tests, one line each."""
from __future__ import annotations

import pytest

from timeline import extract_events
from timeline.enrich import classify_event, continue_types, enrich_records


@pytest.mark.parametrize("clause, lang, event_type", [
    # decision: enact, veto, postpone, extend, revoke, ban, order, bill, budget, state of emergency
    ("Lawmakers enacted the reform on Tuesday", "en", "decision"),
    ("The governor vetoed the plan", "en", "decision"),
    ("The cabinet imposed a curfew in the capital", "en", "decision"),
    ("The assembly passed the budget", "en", "decision"),
    ("Pemerintah mencabut izin ekspor batu bara", "id", "decision"),
    ("Presiden menerbitkan peraturan baru tentang pajak", "id", "decision"),
    ("Rencana itu diputuskan dalam sidang kabinet", "id", "decision"),
    ("Le parlement a promulgué la réforme des retraites", "fr", "decision"),
    ("La mesure a été prolongée de six mois", "fr", "decision"),
    ("Le projet de loi est examiné par les députés", "fr", "decision"),
    ("El gobierno pospuso la reforma fiscal", "es", "decision"),
    ("El congreso promulgó la reforma", "es", "decision"),
    ("La medida fue aprobada por el senado", "es", "decision"),
    ("O governo adotou novas regras para a imigração", "pt", "decision"),
    ("O prazo foi prorrogado até março", "pt", "decision"),
    ("A reforma foi promulgada pelo presidente", "pt", "decision"),
    ("Die Regierung erließ neue Regeln für Banken", "de", "decision"),
    ("Die Sitzung wurde vertagt", "de", "decision"),
    ("Der Gesetzentwurf liegt dem Parlament vor", "de", "decision"),
    ("Президент утвердил бюджет страны", "ru", "decision"),
    ("Meclis bütçeyi onayladı", "tr", "decision"),
    # appointment: step down, dismiss, take office, successor, nominee
    ("The minister stepped down amid the scandal", "en", "appointment"),
    ("Her successor is a former general", "en", "appointment"),
    ("Menteri itu dipecat pekan lalu", "id", "appointment"),
    ("Ia resmi memangku jabatan gubernur", "id", "appointment"),
    ("La ministre a été révoquée par le président", "fr", "appointment"),
    ("Le limogeage du chef de la police", "fr", "appointment"),
    ("La ministra fue destituida por el presidente", "es", "appointment"),
    ("El nuevo alcalde fue juramentado ayer", "es", "appointment"),
    ("A ministra foi exonerada do cargo", "pt", "appointment"),
    ("O juiz foi destituído do tribunal superior", "pt", "appointment"),
    ("Der Minister wurde abgesetzt", "de", "appointment"),
    ("Die Ministerin trat ihr Amt an", "de", "appointment"),
    ("Министр был уволен в понедельник", "ru", "appointment"),
    ("Bakan görevden alındı", "tr", "appointment"),
    # military action: open fire, wounded, recapture, skirmish, shelling, counter-offensive
    ("Gunmen opened fire on a checkpoint", "en", "military_action"),
    ("Two soldiers were wounded near the border", "en", "military_action"),
    ("The army recaptured the town", "en", "military_action"),
    ("Pasukan terlibat bentrokan dengan milisi", "id", "military_action"),
    ("Gedung itu dibombardir semalam", "id", "military_action"),
    ("Roket ditembakkan ke arah kota", "id", "military_action"),
    ("Des accrochages ont éclaté à la frontière", "fr", "military_action"),
    ("La ville a été bombardée", "fr", "military_action"),
    ("Hubo escaramuzas en la frontera", "es", "military_action"),
    ("Los rebeldes abrieron fuego contra la patrulla", "es", "military_action"),
    ("Os rebeldes abriram fogo contra a patrulha", "pt", "military_action"),
    ("O exército lançou uma contraofensiva", "pt", "military_action"),
    ("Truppen eroberten die Stadt", "de", "military_action"),
    ("Bei einem Anschlag starben zwei Menschen", "de", "military_action"),
    ("Die Armee startete eine Gegenoffensive", "de", "military_action"),
    ("Началась военная операция", "ru", "military_action"),
    ("Ordu kente karşı taarruz başlattı", "tr", "military_action"),
])
def test_general_words_of_a_type(clause, lang, event_type):
    assert classify_event(clause, lang)[0] == event_type


@pytest.mark.parametrize("clause, lang, event_type", [
    # A speech verb introduces the happening: the reported cue decides.
    ("The president announced the appointment of a new envoy", "en", "appointment"),
    ("The general ordered troops to attack the town", "en", "military_action"),
    ("The ministry said parliament had approved the law", "en", "decision"),
    ("Presiden mengumumkan penunjukan duta besar baru", "id", "appointment"),
    ("Panglima memerintahkan pasukan menyerang kota itu", "id", "military_action"),
    ("Juru bicara mengatakan DPR telah mengesahkan undang-undang", "id", "decision"),
    ("Le président a annoncé la nomination d'un nouvel ambassadeur", "fr", "appointment"),
    ("Le général a ordonné aux troupes d'attaquer la ville", "fr", "military_action"),
    ("Le porte-parole a déclaré que le parlement avait approuvé la loi", "fr", "decision"),
    ("El presidente anunció el nombramiento de un embajador", "es", "appointment"),
    ("El general ordenó a las tropas atacar la ciudad", "es", "military_action"),
    ("El portavoz dijo que el congreso aprobó la ley", "es", "decision"),
    ("O presidente anunciou a nomeação de um embaixador", "pt", "appointment"),
    ("O general ordenou às tropas atacar a cidade", "pt", "military_action"),
    ("O porta-voz disse que o parlamento aprovou a lei", "pt", "decision"),
    ("Der Präsident kündigte die Ernennung eines Botschafters an", "de", "appointment"),
    ("Der General befahl den Truppen, die Stadt anzugreifen", "de", "military_action"),
    ("Ein Sprecher sagte, der Bundestag habe das Gesetz gebilligt", "de", "decision"),
    ("Пресс-служба сообщила о назначении нового посла", "ru", "appointment"),
    ("Генерал приказал войскам атаковать город", "ru", "military_action"),
    ("Представитель заявил, что парламент одобрил закон", "ru", "decision"),
    ("Sözcü, yeni büyükelçinin atandığını açıkladı", "tr", "appointment"),
    ("Bakanlık, sınavın ertelendiğini duyurdu", "tr", "decision"),
    ("أعلن الرئيس تعيين سفير جديد", "ar", "appointment"),
])
def test_speech_verb_gives_way_to_the_reported_happening(clause, lang, event_type):
    assert classify_event(clause, lang)[0] == event_type


@pytest.mark.parametrize("clause, lang, event_type", [
    # A labour strike is a protest, not an armed strike; a deal struck is an agreement.
    ("Thousands of workers went on strike over pay", "en", "protest"),
    ("The unions called a general strike", "en", "protest"),
    ("The two sides struck a deal on Monday", "en", "agreement"),
    ("Thousands joined the march on Sunday", "en", "protest"),
])
def test_words_with_two_senses_keep_the_right_one(clause, lang, event_type):
    assert classify_event(clause, lang)[0] == event_type


@pytest.mark.parametrize("clause, lang, not_type", [
    ("He spoke about the rule of law", "en", "decision"),
    ("The police and law enforcement agencies were present", "en", "decision"),
    ("Президент указал на проблемы экономики", "ru", "decision"),
    ("Nadie sabe lo que sucede en la frontera", "es", "appointment"),
    ("Der Minister verabschiedete sich von den Gästen", "de", "decision"),
    ("The company launched a new website", "en", "military_action"),
])
def test_a_common_other_sense_is_no_cue(clause, lang, not_type):
    assert classify_event(clause, lang)[0] != not_type


@pytest.mark.parametrize("article, sentence, lang, expected", [
    # A sentence with no cue goes on with the happening of the sentence before it.
    ("Parliament approved the new tax law. It applies from 1 March.", "It applies from 1 March.",
     "en", ("decision", "approved")),
    ("Rebels shelled the town overnight.\n\nThe town was quiet again by Sunday.",
     "The town was quiet again by Sunday.", "en", ("military_action", "shelled")),
    ("Le ministre a été limogé. Son départ prend effet le 2 mai.", "Son départ prend effet le 2 mai.",
     "fr", ("appointment", "limogé")),
    # A statement cue does not carry: it tells that something was said, not what happened.
    ("The spokesman said so. The weather was mild on Tuesday.", "The weather was mild on Tuesday.",
     "en", ("statement", "")),
    # The first sentence has none before it.
    ("The weather was mild on Tuesday. Rebels shelled the town.", "The weather was mild on Tuesday.",
     "en", ("statement", "")),
])
def test_a_sentence_without_a_cue_continues_the_one_before(article, sentence, lang, expected):
    record = {"event_type": "statement", "event_type_cue": "", "evidence": sentence, "lang": lang,
              "actors": "", "places": "", "role": ""}
    continue_types([record], article)
    assert (record["event_type"], record["event_type_cue"]) == expected


def test_the_rows_own_date_is_no_cue():
    # "March" the month is not a march; the date is the row's own date.
    assert classify_event("It applies from 1 March 2025", "en", near="1 March 2025") == ("", "")
    assert classify_event("They march again on 1 May", "en", near="1 May")[0] == "protest"


def test_continued_type_in_extracted_rows_and_an_analysts_type_kept():
    article = "Parliament approved the new tax law on 3 February 2025. It applies from 1 March 2025."
    rows = extract_events(article, published="2025-02-04", lang="en", source="t")
    later = rows[rows["date"] == "2025-03-01"].iloc[0]
    assert (later["event_type"], later["event_type_cue"]) == ("decision", "approved")
    assert later["headline"].startswith("Decision")
    record = {"event_type": "statement", "event_type_cue": "", "evidence": "It applies from 1 March 2025.",
              "title": "It applies from 1 March 2025", "lang": "en"}
    enrich_records([record], article)
    assert record["event_type"] == "statement"      # given before enrichment: an analyst's value
