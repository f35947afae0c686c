"""timeline.enrich and timeline.mapview: tables of cases, one line each."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest

from timeline.enrich import (
    Place, classify_event, enrich_events, event_taxonomy, find_actors, find_places, place_lookup,
)
from timeline.mapview import map_figure, place_points

ROOT = Path(__file__).resolve().parent.parent

# --------------------------------------------------------------------------- actors

@pytest.mark.parametrize("text, lang, expected", [
    ("Rusia dan Suriah membahas kerja sama.", "id", ["Russia", "Syria"]),
    ("Russia and Syria discussed cooperation.", "en", ["Russia", "Syria"]),
    ("Россия и Сирия обсудили сотрудничество.", "ru", ["Russia", "Syria"]),
    ("Переговоры между Россией и Украиной отложили.", "ru", ["Russia", "Ukraine"]),
    ("Kremlin segera memberikan suaka kepada Assad.", "id", ["Russia", "Bashar al-Assad"]),
    ("Le Kremlin a démenti.", "fr", ["Russia"]),
    ("Sharaa bertemu delegasi.", "id", ["Ahmed al-Sharaa"]),
    ("al-Sharaa arrived at the White House.", "en", ["Ahmed al-Sharaa"]),
    ("Abu Mohammad al-Julani led the offensive.", "en", ["Ahmed al-Sharaa"]),
    ("استقبل ترامب أحمد الشرع", "ar", ["Donald Trump", "Ahmed al-Sharaa"]),
    ("Hayat Tahrir al-Sham (HTS) memasuki kota.", "id", ["Hayat Tahrir al-Sham"]),
    ("HTS fighters entered the city.", "en", ["Hayat Tahrir al-Sham"]),
    ("Öcalan'ın PKK'ya çağrısı", "tr", ["Abdullah Öcalan", "PKK"]),
    ("сказал Песков журналистам", "ru", ["Dmitry Peskov"]),
    ("Pasukan AS tiba di pangkalan.", "id", ["United States"]),
    ("les pays de l'AES ont quitté la Cédéao", "fr", ["Alliance of Sahel States", "ECOWAS"]),
    ("mindestens 19 russische Drohnen", "de", ["Russia"]),
    ("Sekjen PBB António Guterres", "id", ["António Guterres"]),
])
def test_aliases_resolve_to_one_canonical_name(text, lang, expected):
    assert find_actors(text, lang) == expected


@pytest.mark.parametrize("text, published, expected", [
    # A job title names whoever held the office on the publication date.
    ("pertama kalinya presiden Rusia berbicara dengan Sharaa", "2025-02-13", ["Vladimir Putin", "Ahmed al-Sharaa"]),
    ("pertama kalinya presiden Rusia berbicara", "2010-06-01", ["Dmitry Medvedev"]),
    ("The US President spoke on Monday.", "2024-05-01", ["Joe Biden"]),
    ("The US President spoke on Monday.", "2025-05-01", ["Donald Trump"]),
    ("The US President spoke on Monday.", "", ["Donald Trump"]),
    ("The US President spoke on Monday.", "2019-05-01", ["Donald Trump"]),
    ("The US President spoke on Monday.", "2013-03-22", ["Barack Obama"]),
    # ...unless the text says the holder is a former one.
    ("mantan presiden Rusia itu", "2025-02-13", []),
    ("Rodrigo Duterte, who was president of the Philippines", "2025-03-12", ["Rodrigo Duterte"]),
])
def test_job_titles_follow_the_publication_date(text, published, expected):
    assert find_actors(text, "", published) == expected


@pytest.mark.parametrize("text, lang", [
    # Capitalised common words, short words and title-case headlines name no one.
    ("as the talks went on, us and them", "en"),
    ("Kerja Sama Lewat Panggilan Telepon Pertama", "id"),
    ("Menurut Reuters , selama pertemuan tersebut", "id"),
    ("Tiba-tiba Aman Sama Seperti Bulan Lalu", "id"),
    ("Negara Bagian itu tetap aman, kata warga.", "id"),
    ("Seul le président a parlé.", "fr"),
    ("Совет решил отложить дело.", "ru"),
    ("في المدينة الجديدة عند الباب", "ar"),
])
def test_no_false_positives_on_common_words(text, lang):
    assert find_actors(text, lang) == []
    assert find_places(text, lang) == []


# --------------------------------------------------------------------------- places

@pytest.mark.parametrize("text, lang, expected", [
    ("bertemu dengan Sharaa di Damaskus", "id", ["Damascus"]),
    ("suaka kepada Assad di Moskow", "id", ["Moscow"]),
    ("dekat kota pelabuhan Latakia dan pangkalan angkatan laut Tartous", "id", ["Latakia", "Tartus"]),
    ("Переговоры в Абу-Даби", "ru", ["Abu Dhabi"]),
    ("ابتعدت دمشق عن طهران وموسكو", "ar", ["Damascus", "Tehran", "Moscow"]),
    ("die westukrainische Stadt Lwiw", "de", ["Lviv"]),
    ("Prabowo berangkat dari Jakarta ke Kairo", "id", ["Jakarta", "Cairo"]),
    ("KTT BRICS di Rio de Janeiro, Brasil", "id", ["Rio de Janeiro", "Brazil"]),
    ("Ankara'da bir etkinlik düzenleyecek", "tr", ["Ankara"]),
    ("taken into custody in Manila early on Tuesday", "en", ["Manila"]),
    # A country is a place when it is the scene, an actor when it acts.
    ("pangkalan militernya di Suriah", "id", ["Syria"]),
    ("Suriye'de seçim yapıldı", "tr", ["Syria"]),
    ("Rusia menginvasi Ukraina", "id", []),
    ("masuknya HTS ke Damaskus, Kremlin segera memberikan suaka", "id", ["Damascus"]),
    ("In New Delhi, Indian officials said", "en", ["Delhi"]),
    ("due to touch down in the Netherlands", "en", ["Netherlands"]),
    ("Rio de Janeiro, Brasil, yang berlangsung", "id", ["Rio de Janeiro", "Brazil"]),
])
def test_places_with_alternate_names(text, lang, expected):
    assert [p.name for p in find_places(text, lang)] == expected


# The ordinary name of a country in each language is CLDR's; pycountry translates only the ISO
# names and lacks many of these.
@pytest.mark.parametrize("text, lang, expected", [
    ("Pemerintah Hungaria menolak usulan itu.", "id", ["Hungary"]),
    ("O governo da Tchéquia enviou observadores.", "pt", ["Czechia"]),
    ("Le Kirghizstan a fermé sa frontière.", "fr", ["Kyrgyzstan"]),
    ("أعلنت النمسا موقفها", "ar", ["Austria"]),
    ("Η Νότια Κορέα ανακοίνωσε κυρώσεις.", "el", ["South Korea"]),
    ("Las Comoras votaron en contra.", "es", ["Comoros"]),
])
def test_countries_by_their_cldr_names(text, lang, expected):
    assert find_actors(text, lang) == expected


def test_places_carry_coordinates_and_country():
    damascus = find_places("di Damaskus", "id")[0]
    assert isinstance(damascus, Place)
    assert (damascus.country_code, damascus.kind) == ("SY", "city")
    assert damascus.lat == pytest.approx(33.51, abs=0.05) and damascus.lon == pytest.approx(36.29, abs=0.05)
    syria = find_places("di Suriah", "id")[0]
    assert (syria.name, syria.kind, syria.country_code) == ("Syria", "country", "SY")


@pytest.mark.parametrize("text, lang, expected", [
    ("LA PAZ, Bolivia – El tribunal confirmó la fecha.", "es", []),          # a dateline
    ("KAIRO – Mesir mengundang para pemimpin.", "id", []),
    ("declaró Gustavo Ávila, vocal del organismo", "es", []),                # a surname
    ("the biggest city of the region, Damascus, fell", "en", ["Damascus"]),
])
def test_datelines_and_surnames_are_not_event_places(text, lang, expected):
    assert [p.name for p in find_places(text, lang)] == expected


# --------------------------------------------------------------------------- event types

@pytest.mark.parametrize("clause, lang, event_type, cue", [
    ("Panggilan telepon hari Rabu adalah yang pertama", "id", "call", "Panggilan telepon"),
    ("Putin held a phone call with Sharaa", "en", "call", "phone call"),
    ("delegasi Rusia bertemu dengan Sharaa di Damaskus", "id", "meeting", "delegasi"),
    ("Trump met Putin in Alaska", "en", "meeting", "met"),
    ("Kremlin segera memberikan suaka kepada Assad", "id", "asylum", "suaka"),
    ("Russia granted asylum to Assad", "en", "asylum", "asylum"),
    ("Sharaa meminta kompensasi dari Rusia", "id", "aid", "kompensasi"),
    ("Sharaa ditunjuk sebagai presiden", "id", "appointment", "ditunjuk"),
    ("She was appointed foreign minister", "en", "appointment", "appointed"),
    ("memimpin kudeta terhadap presiden", "id", "regime_change", "kudeta"),
    ("the army staged a coup", "en", "regime_change", "coup"),
    ("India melancarkan serangan ke Pakistan", "id", "military_action", "melancarkan"),
    ("India carried out airstrikes on Pakistani targets", "en", "military_action", "airstrikes"),
    ("Uni Eropa menjatuhkan sanksi baru", "id", "sanction", "sanksi"),
    ("Washington imposed new sanctions on Moscow", "en", "sanction", "sanctions"),
    ("Israel dan Hamas menyepakati gencatan senjata", "id", "agreement", "menyepakati"),
    ("they had agreed to a ceasefire", "en", "agreement", "agreed"),
    ("ribuan orang berunjuk rasa di depan parlemen", "id", "protest", "berunjuk rasa"),
    ("hundreds of protesters gathered outside the court", "en", "protest", "protesters"),
    ("pemilihan umum digelar hari Selasa", "id", "election", "pemilihan umum"),
    ("voters went to the polls", "en", "election", "voters"),
    ("Duterte was taken into custody in Manila", "en", "legal_action", "custody"),
    ("Kremlin mengeluarkan pernyataan", "id", "statement", "pernyataan"),
    ("the Kremlin said in a statement", "en", "statement", "said"),
    ("Prabowo hadir dalam parade militer", "id", "ceremony", "parade militer"),
    ("les pays de l'AES ont décidé de quitter la Cédéao", "fr", "withdrawal", "quitter"),
    ("استقبل ترامب الشرع في البيت الأبيض", "ar", "meeting", "استقبل"),
    ("Переговоры в Абу-Даби перенесли", "ru", "meeting", "Переговоры"),
])
def test_event_type_cues(clause, lang, event_type, cue):
    assert classify_event(clause, lang) == (event_type, cue)


@pytest.mark.parametrize("clause, lang, near, event_type", [
    # Statement words step aside for the happening they report.
    ("190 anggota parlemen menyatakan menolak darurat militer", "id", "", "regime_change"),
    ("Pakistan and India said on Saturday that they had agreed to a ceasefire", "en", "Saturday", "agreement"),
    # The cue nearest the date decides between two happenings.
    ("Iran menembakkan rudal pada Senin malam, sehari setelah KTT", "id", "Senin malam", "military_action"),
    ("Sharaa bertemu delegasi pada 28 Januari setelah serangan", "id", "28 Januari", "meeting"),
    # A cue word inside a name is not a cue: "Operasi Militer" here is an organisation.
    ("ditunjuk sebagai presiden bulan lalu oleh Departemen Operasi Militer", "id", "bulan lalu", "appointment"),
    # Reinforcements are not aid; "menahan diri" is restraint, not detention.
    ("bala bantuan datang", "id", "", "military_action"),
    ("pihaknya telah menahan diri sepenuhnya", "id", "", ""),
])
def test_event_type_choice_between_cues(clause, lang, near, event_type):
    assert classify_event(clause, lang, near)[0] == event_type


@pytest.mark.parametrize("clause, lang", [
    ("The weather was mild and the city was quiet.", "en"),
    ("Cuaca cerah dan kota tampak tenang.", "id"),
    ("", ""),
])
def test_no_event_type_without_a_cue(clause, lang):
    assert classify_event(clause, lang) == ("", "")


def test_taxonomy_file_is_documented():
    doc = (ROOT / "docs" / "event_types.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `(\w+)` \| \d+ \|", doc, flags=re.MULTILINE))
    assert documented == set(event_taxonomy())


def test_taxonomy_has_indonesian_and_english_cues_for_every_type():
    for event_type, spec in event_taxonomy().items():
        assert spec["description"], event_type
        assert spec["cues"].get("id") and spec["cues"].get("en"), event_type
        for cues in spec["cues"].values():
            assert all(cue == cue.lower() for cue in cues), event_type


def test_actors_file_is_well_formed():
    import csv

    lines = [line for line in (ROOT / "data" / "actors.csv").read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#")]
    rows = list(csv.DictReader(lines))
    assert rows and set(rows[0]) == {"name", "kind", "country", "aliases", "titles", "term"}
    names = [row["name"] for row in rows]
    assert len(names) == len(set(names))
    for row in rows:
        assert row["kind"] in ("person", "organisation", "state"), row["name"]
        if row["term"]:
            period = r"(\d{4}-\d{2}-\d{2})?/(\d{4}-\d{2}-\d{2})?"
            assert re.fullmatch(f"{period}(;{period})*", row["term"]), row["name"]


# --------------------------------------------------------------------------- the stage

def _frame(rows):
    return pd.DataFrame(rows)


def test_enrich_fills_empty_cells_from_title_then_evidence():
    frame = _frame([{
        "title": "delegasi Rusia bertemu dengan Sharaa di Damaskus",
        "evidence": "Pada 28 Januari, delegasi Rusia bertemu dengan Sharaa di Damaskus.",
        "date_text": "28 Januari", "lang": "id", "published": "2025-02-13",
        "actors": "", "places": "", "event_type": "", "event_type_cue": "",
    }, {
        "title": "Panggilan telepon hari Rabu",
        "evidence": "Panggilan telepon hari Rabu antara Putin dan Sharaa di Moskow.",
        "date_text": "hari Rabu", "lang": "id", "published": "2025-02-13",
        "actors": "", "places": "", "event_type": "", "event_type_cue": "",
    }])
    out = enrich_events(frame)
    assert out.loc[0, ["actors", "places", "event_type", "event_type_cue"]].tolist() == [
        "Russia; Ahmed al-Sharaa", "Damascus", "meeting", "delegasi"]
    # Nothing named in the title: the sentence speaks for it.
    assert out.loc[1, ["actors", "places", "event_type", "event_type_cue"]].tolist() == [
        "Vladimir Putin; Ahmed al-Sharaa", "Moscow", "call", "Panggilan telepon"]


def test_enrich_keeps_the_analysts_values():
    frame = _frame([{
        "title": "Kremlin segera memberikan suaka kepada Assad di Moskow", "evidence": "", "lang": "id",
        "actors": "Russia", "places": "", "event_type": "aid", "event_type_cue": "",
    }])
    out = enrich_events(frame)
    assert out.loc[0, "actors"] == "Russia"
    assert out.loc[0, "event_type"] == "aid"
    assert out.loc[0, "event_type_cue"] == ""       # no cue invented for a type the analyst chose
    assert out.loc[0, "places"] == "Moscow"
    assert frame.loc[0, "places"] == ""             # the input is not changed


def test_enrich_accepts_a_conformed_events_table_and_missing_columns():
    from timeline.schema import conform

    table = conform(pd.DataFrame([{"title": "Trump met Putin in Alaska", "lang": "en"}]))
    out = enrich_events(table)
    assert list(out.columns) == list(table.columns)
    assert out.loc[0, "actors"] == "Donald Trump; Vladimir Putin"
    assert out.loc[0, "event_type"] == "meeting"
    bare = enrich_events(pd.DataFrame({"title": ["Rusia menginvasi Ukraina"]}))
    assert bare.loc[0, "actors"] == "Russia; Ukraine"
    assert enrich_events(pd.DataFrame()).empty


# --------------------------------------------------------------------------- map

def test_place_points_one_row_per_event_and_place():
    frame = _frame([
        {"event_id": "ev-1", "date": "2024-12-08", "title": "HTS enters Damascus",
         "places": "Damascus; Moscow", "event_type": "regime_change", "actors": "Hayat Tahrir al-Sham"},
        {"event_id": "ev-2", "date": "2025-01-28", "title": "Meeting", "places": "Damascus; Nowhereville",
         "event_type": "meeting", "actors": ""},
        {"event_id": "ev-3", "date": "2025-01-29", "title": "No place", "places": "", "event_type": "", "actors": ""},
    ])
    points = place_points(frame)
    assert points[["event_id", "place", "country_code"]].values.tolist() == [
        ["ev-1", "Damascus", "SY"], ["ev-1", "Moscow", "RU"], ["ev-2", "Damascus", "SY"]]
    assert points["lat"].between(-90, 90).all() and points["lon"].between(-180, 180).all()


def test_place_lookup_knows_canonical_names_and_aliases():
    assert place_lookup("Syria").kind == "country"
    assert place_lookup("Damaskus").name == "Damascus"
    assert place_lookup("") is None and place_lookup("Nowhereville") is None


def test_map_figure_draws_offline():
    frame = _frame([{"event_id": "ev-1", "date": "2024-12-08", "title": "t", "places": "Damascus",
                     "event_type": "regime_change", "actors": ""}])
    figure = map_figure(frame)
    assert [trace.type for trace in figure.data] == ["scattergeo"]
    assert figure.layout.mapbox.style is None        # no tile server, no token
    json.loads(figure.to_json())
    empty = map_figure(frame.iloc[0:0])
    assert not empty.data and empty.layout.annotations[0].text == "No mapped places"


@pytest.mark.parametrize("text, lang, expected", [
    # A large city whose name is a common word elsewhere ("lima" is five in Indonesian) is the
    # scene after a locative word of the language, and nothing otherwise.
    ("Miles de personas marcharon el jueves en Lima contra la extorsión.", "es", ["Lima"]),
    ("Lima orang tewas dalam kecelakaan itu.", "id", []),
    # "Kota" (town) before a name is the place noun, not the Indian city of Kota.
    ("Serangan udara menghantam Kota Gaza pada Rabu.", "id", ["Gaza"]),
])
def test_cities_named_like_common_words_need_a_locative(text, lang, expected):
    assert [place.name for place in find_places(text, lang)] == expected


@pytest.mark.parametrize("text, lang, expected", [
    ("Innenminister Marcin Kierwiński sagte, die Grenze bleibe zu.", "de", ["Marcin Kierwiński"]),
    ("Le ministre des Affaires étrangères Abderaman Koulamallah a expliqué sa position.", "fr", ["Abderaman Koulamallah"]),
    ("el senador Paz dio la gran sorpresa", "es", ["Rodrigo Paz"]),      # a known surname after a role word
    ("Paz en Gaza, pidió el papa.", "es", []),                            # no bare one-word alias
    ("O primeiro-ministro Luís Montenegro perdeu a votação.", "pt", ["Luís Montenegro"]),
])
def test_people_after_a_role_word_are_actors_kept_as_written(text, lang, expected):
    assert find_actors(text, lang, "2025-08-27") == expected


def test_a_pronoun_subject_is_the_person_of_the_row_before():
    # "dia" / "he" names nobody: the row is about the person the previous row named.
    from timeline import extract_events

    text = ("Presiden Prabowo Subianto meresmikan pelabuhan baru di Makassar pada Senin (3/3/2031). "
            "Pada Selasa (4/3/2031) dia meninjau sawah di sekitar kota itu.")
    rows = extract_events(text, published="2031-03-05", lang="id").to_dict("records")
    assert [r["date"] for r in rows] == ["2031-03-03", "2031-03-04"]
    assert rows[1]["actors"] == "Prabowo Subianto"
    assert "Prabowo Subianto" in rows[1]["headline"]


def test_a_row_that_names_its_own_actor_gets_nobody_carried():
    from timeline import extract_events

    text = ("Presiden Prabowo Subianto meresmikan pelabuhan baru di Makassar pada Senin (3/3/2031). "
            "Pada Selasa (4/3/2031) Joko Widodo mengatakan dia mendukung proyek itu.")
    rows = extract_events(text, published="2031-03-05", lang="id").to_dict("records")
    assert rows[1]["actors"] == "Joko Widodo"


def test_an_after_phrase_behind_the_date_does_not_type_the_dated_happening():
    # The dated happening is the accord; the "after ..." phrase tells what led to it.
    clause = "Chad and Sudan said on Monday that they had signed an accord, after weeks of shelling along the border"
    assert classify_event(clause, "en", dated="on Monday")[0] == "agreement"
    clause_id = "Kedua negara menandatangani kesepakatan pada Senin, setelah berminggu-minggu serangan di perbatasan"
    assert classify_event(clause_id, "id", dated="pada Senin")[0] == "agreement"


@pytest.mark.parametrize("clause, lang, event_type", [
    ("The mayor was placed in custody by the police", "en", "legal_action"),
    ("Le maire a été placé en garde à vue par la police", "fr", "legal_action"),
    ("El alcalde fue capturado por la policía", "es", "legal_action"),
    ("O presidente da câmara foi indiciado pela polícia", "pt", "legal_action"),
    ("Der Bürgermeister wurde von der Polizei inhaftiert", "de", "legal_action"),
    ("Les électeurs se sont rendus aux urnes dans le calme", "fr", "election"),
    ("Los votantes acudieron a las urnas", "es", "election"),
    ("Die Wähler strömten in die Wahllokale", "de", "election"),
    ("Rebels fired artillery at the port", "en", "military_action"),
    ("Les rebelles ont tiré des obus sur le port", "fr", "military_action"),
    ("Los rebeldes lanzaron cohetes contra el puerto", "es", "military_action"),
    ("Os rebeldes dispararam foguetes contra o porto", "pt", "military_action"),
    ("Die Rebellen lieferten sich ein Gefecht am Hafen", "de", "military_action"),
    ("The ministry suspended all flights to the island", "en", "decision"),
    ("Le ministère a suspendu tous les vols vers l'île", "fr", "decision"),
    ("El ministerio suspendió todos los vuelos a la isla", "es", "decision"),
    ("O ministério suspendeu todos os voos para a ilha", "pt", "decision"),
    ("Das Ministerium hat alle Flüge auf die Insel ausgesetzt", "de", "decision"),
    ("Kementerian menangguhkan semua penerbangan ke pulau itu", "id", "decision"),
    ("La alcaldesa presentó su candidatura", "es", "election"),
    ("Die Bürgermeisterin meldete ihre Kandidatur an", "de", "election"),
])
def test_one_happening_gets_one_type_in_every_language(clause, lang, event_type):
    assert classify_event(clause, lang)[0] == event_type


@pytest.mark.parametrize("text, lang, scene, reference", [
    ("Gunmen attacked a village in Kenya about 60 km north of Nairobi", "en", ["Kenya"], "Nairobi"),
    ("Banjir melanda sebuah desa sekitar 40 kilometer dari Bandung", "id", [], "Bandung"),
])
def test_a_place_named_as_the_reference_of_a_distance_is_no_scene(text, lang, scene, reference):
    assert [place.name for place in find_places(text, lang)] == scene


@pytest.mark.parametrize("clause, lang, event_type", [
    # The same happening told in the present or another person of the verb gets the type its
    # past form gets: a cue table holds each verb's forms, not one tense of it.
    ("The council approves the new budget", "en", "decision"),
    ("The cabinet bans gatherings near the port", "en", "decision"),
    ("Le conseil approuve le nouveau budget", "fr", "decision"),
    ("El consejo aprueba el nuevo presupuesto", "es", "decision"),
    ("O conselho aprova o novo orçamento", "pt", "decision"),
    ("Der Rat billigt den neuen Haushalt", "de", "decision"),
    ("The governor appoints a new police chief", "en", "appointment"),
    ("Le gouverneur nomme un nouveau préfet", "fr", "appointment"),
    ("El gobernador nombró a un nuevo jefe de policía", "es", "appointment"),
    ("O governador nomeou um novo chefe de polícia", "pt", "appointment"),
    ("Der Gouverneur ernennt einen neuen Polizeichef", "de", "appointment"),
    ("Rebels attack a convoy near the river", "en", "military_action"),
    ("Los rebeldes atacan un convoy cerca del río", "es", "military_action"),
    ("Os rebeldes atacam um comboio perto do rio", "pt", "military_action"),
])
def test_each_form_of_a_cue_verb_types_alike(clause, lang, event_type):
    assert classify_event(clause, lang)[0] == event_type


@pytest.mark.parametrize("text, lang", [
    # A country named as the clock a time is given in is a time zone, not a party.
    ("Pesawat mendarat pukul 20.00 waktu Indonesia.", "id"),
    ("The plane landed at 8 pm India time.", "en"),
])
def test_a_country_naming_a_time_zone_is_no_actor(text, lang):
    assert find_actors(text, lang, "2031-03-05") == []


def test_a_country_after_a_word_that_is_no_clock_stays_an_actor():
    assert find_actors("Saat Indonesia menolak usulan itu, rapat ditunda.", "id", "2031-03-05") == ["Indonesia"]
