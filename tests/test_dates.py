"""Date rules as a table: one line per case (text, published, lang, expression, value, precision)."""
from datetime import date

import pytest

from timeline import find_dates

CASES = [
    # Indonesian: the seed's forms
    ("Pasukan masuk ke Damaskus pada 8 Desember.", "2025-02-13", "id", "8 Desember", "2024-12-08", "day"),
    ("Pada 28 Januari, delegasi Rusia bertemu Sharaa.", "2025-02-13", "id", "28 Januari", "2025-01-28", "day"),
    ("Panggilan telepon hari Rabu itu berlangsung lama.", "2025-02-13", "id", "hari Rabu", "2025-02-12", "day"),
    ("Kudeta terjadi pada bulan Desember.", "2025-02-13", "id", "bulan Desember", "2024-12", "month"),
    ("Ia ditunjuk sebagai presiden bulan lalu.", "2025-02-13", "id", "bulan lalu", "2025-01", "month"),
    ("Kemarin menteri tiba di Jakarta.", "2025-02-13", "id", "Kemarin", "2025-02-12", "day"),
    ("Perang itu pecah dua tahun lalu.", "2025-02-13", "id", "dua tahun lalu", "2023", "year"),
    ("Rapat digelar pekan lalu di Bogor.", "2025-02-13", "id", "pekan lalu", "2025-W06", "week"),
    ("Pemilu akan digelar tahun depan.", "2025-02-13", "id", "tahun depan", "2026", "year"),
    ("Ia memimpin partai selama 25 tahun.", "2025-02-13", "id", "25 tahun", "P25Y", "duration"),
    ("KTT berlangsung 26-28 Oktober di Bali.", "2025-11-02", "id", "26-28 Oktober", "2025-10-26", "day"),
    ("Ia terpilih sebagai presiden pada Mei 2022.", "2024-12-04", "id", "Mei 2022", "2022-05", "month"),
    # a part of day after the bracketed date belongs to it, as in "(9 Mei) dini hari"
    ("Sidang dimulai Senin (13/10/2025) pagi.", "2025-10-13", "id", "Senin (13/10/2025) pagi", "2025-10-13TMO", "part_of_day"),
    ("Saat ini harga minyak naik.", "2025-02-13", "id", "Saat ini", "PRESENT_REF", "reference"),
    ("Tembakan terdengar pukul 23.00 WIB.", "2024-12-03", "id", "pukul 23.00 WIB", "2024-12-03T23:00", "time"),
    # English
    ("The talks ended on Friday.", "2013-03-22", "en", "Friday", "2013-03-22", "day"),
    ("He resigned last month.", "2013-03-22", "en", "last month", "2013-02", "month"),
    ("The plant closed four years ago.", "2013-03-21", "en", "four years ago", "2009", "year"),
    ("Sales grew earlier this week.", "2013-03-22", "en", "this week", "2013-W12", "week"),
    ("The war lasted for 25 years.", "2013-03-22", "en", "25 years", "P25Y", "duration"),
    ("Ships sailed from 2011 to 2014.", "2015-01-01", "en", "2011 to 2014", "2011", "year"),
    ("Prices fell in early December.", "2013-03-22", "en", "early December", "2012-12", "month"),
    ("The vote is set for May 12.", "2025-05-10", "en", "May 12", "2025-05-12", "day"),
    ("The ceasefire came into force at 17:00 local time.", "2025-05-10", "en", "17:00 local time", "2025-05-10T17:00", "time"),
    ("She was born in the 1990s.", "2013-03-22", "en", "1990s", "199", "decade"),
    ("Ties date back to the 20th century.", "2013-03-22", "en", "20th century", "19", "century"),
    ("Aturan itu berlaku mulai 1 Maret mendatang.", "2025-02-03", "id", "1 Maret mendatang", "2025-03-01", "day"),
    ("Le sommet du 3 mars dernier a échoué.", "2025-05-03", "fr", "3 mars dernier", "2025-03-03", "day"),
    ("Pada Juni-Juli 2024 terjadi demo besar.", "2025-02-03", "id", "Juni-Juli 2024", "2024-06", "month"),
    ("Ekspor naik pada kuartal pertama 2025.", "2025-06-03", "id", "kuartal pertama 2025", "2025-Q1", "quarter"),
    ("Profits rose in the first quarter of 2024.", "2025-02-03", "en", "the first quarter of 2024", "2024-Q1", "quarter"),  # TimeML keeps the determiner in the span
    ("Setahun lalu ia masih menteri.", "2025-02-03", "id", "Setahun lalu", "2024", "year"),
    ("Harga naik dalam sepekan.", "2025-02-03", "id", "sepekan", "P1W", "duration"),
    ("He left early this year.", "2013-03-21", "en", "early this year", "2013", "year"),
    ("The budget for this fiscal year grew.", "2013-03-22", "en", "this fiscal year", "2013", "year"),
    # Other languages through dateparser's locale data
    ("La cumbre será el 19 de octubre.", "2025-08-27", "es", "19 de octubre", "2025-10-19", "day"),
    ("Le sommet s'est tenu le 22 décembre.", "2024-12-23", "fr", "22 décembre", "2024-12-22", "day"),
    ("Переговоры прошли 1 февраля.", "2026-02-02", "ru", "1 февраля", "2026-02-01", "day"),
    ("GEÇEN YIL yapılan çağrı önemliydi.", "2026-02-27", "tr", "GEÇEN YIL", "2025", "year"),
    ("In der Nacht zum Mittwoch griff Russland an.", "2025-09-10", "de", "Nacht zum Mittwoch", "2025-09-10TNI", "part_of_day"),
    ("Die Drohnen flogen im Februar 2022 ein.", "2025-09-10", "de", "Februar 2022", "2022-02", "month"),
    ("A reunião foi na semana passada.", "2025-06-23", "pt", "semana passada", "2025-W25", "week"),
    ("Il vertice si è tenuto il 3 marzo 2025 a Roma.", "2025-03-05", "it", "3 marzo 2025", "2025-03-03", "day"),
    ("Twee jaar geleden begon de crisis.", "2025-03-05", "nl", "Twee jaar geleden", "2023", "year"),
    ("В январе 2024 года правительство пало.", "2025-03-05", "ru", "январе 2024 года", "2024-01", "month"),
    ("Саміт відбувся 3 березня 2025 року.", "2025-03-05", "uk", "3 березня 2025 року", "2025-03-03", "day"),
    ("Dwa lata temu zaczął się kryzys.", "2025-03-05", "pl", "Dwa lata temu", "2023", "year"),
    ("این نشست در ۳ مارس ۲۰۲۵ برگزار شد.", "2025-03-05", "fa", "۳ مارس ۲۰۲۵", "2025-03-03", "day"),
    ("峰会于2025年3月3日在北京举行。", "2025-03-05", "zh", "2025年3月3日", "2025-03-03", "day"),
    ("بدأت الأزمة قبل عامين.", "2025-03-05", "ar", "قبل عامين", "2023", "year"),
]


@pytest.mark.parametrize("text, published, lang, expression, value, precision", CASES)
def test_date_rule(text, published, lang, expression, value, precision):
    mentions = find_dates(text, published=published, lang=lang)
    found = {m.text: m for m in mentions}
    assert expression in found, f"{expression!r} not found in {[m.text for m in mentions]}"
    mention = found[expression]
    assert (mention.value, mention.precision) == (value, precision)
    assert text[mention.start:mention.end] == expression


TRAPS = [
    ("We met the minister and we agreed.", "en"),
    ("Officials may sign the deal soon.", "en"),
    ("Mereka bekerja sama dengan baik.", "id"),
    ("The army will march on the capital.", "en"),
    ("The deal is worth $2015 million and rose 2014%.", "en"),
    ("Harga naik 10.000 rupiah, atau 3/4 dari gaji.", "id"),
    ("Two of the 12 ships and 7 planes were seen.", "en"),
    ("Jet MiG-29 itu jatuh.", "id"),
]


@pytest.mark.parametrize("text, lang", TRAPS)
def test_no_false_positive_on_ordinary_words(text, lang):
    assert [m.text for m in find_dates(text, published="2025-02-13", lang=lang) if m.type in ("DATE", "TIME")] == []


def test_month_only_mention_keeps_month_precision_and_covers_whole_month():
    (mention,) = find_dates("Laporan dari bulan Desember menunjukkan hal itu.", published=date(2025, 2, 13), lang="id")
    assert (mention.value, mention.precision) == ("2024-12", "month")
    assert (mention.first_day, mention.last_day) == (date(2024, 12, 1), date(2024, 12, 31))


def test_future_wording_points_forward():
    (mention,) = find_dates("Pertemuan berikutnya akan digelar hari Rabu.", published="2025-02-13", lang="id")
    assert mention.value == "2025-02-19"


def test_weekday_can_be_the_publication_day_itself():
    (mention,) = find_dates("La junta confirmó el miércoles la segunda vuelta.", published="2025-08-27", lang="es")
    assert mention.value == "2025-08-27"


def test_without_publication_date_year_stays_unknown_and_confidence_drops():
    (mention,) = find_dates("Pasukan masuk pada 8 Desember.", published=None, lang="id")
    assert mention.value == "XXXX-12-08"
    assert mention.confidence < 0.5


def test_durations_are_not_event_dates():
    mentions = find_dates("He ruled for 25 years.", published="2020-01-01", lang="en")
    assert [m.is_event_date for m in mentions] == [False]


def test_empty_text_gives_empty_list():
    assert find_dates("", published="2025-01-01", lang="en") == []
    assert find_dates("   \n", published="2025-01-01", lang="en") == []


def test_published_as_date_or_iso_string_gives_the_same_result():
    text = "Pasukan masuk ke Damaskus pada 8 Desember."
    assert find_dates(text, date(2025, 2, 13), "id") == find_dates(text, "2025-02-13", "id")


def test_language_detected_when_not_given():
    mentions = find_dates("Pasukan pemberontak masuk ke ibu kota pada 8 Desember dan presiden melarikan diri.",
                          published="2025-02-13")
    assert [m.value for m in mentions] == ["2024-12-08"]


def test_a_region_tag_names_the_language():
    assert [m.value for m in find_dates("on 3 May 2024", published="2025-01-01", lang="en-GB")] == ["2024-05-03"]


def test_an_unknown_language_code_warns_and_the_language_is_detected():
    with pytest.warns(UserWarning, match="not an ISO 639 language code"):
        found = find_dates("Die Wahl fand am 3. März 2024 statt.", published="2025-01-01", lang="klingon")
    assert [m.value for m in found] == ["2024-03-03"]


@pytest.mark.parametrize("published", ["9999-12-31", "0000-01-01", "1850-06-01"])
def test_a_publication_year_outside_the_window_is_refused(published):
    with pytest.raises(ValueError, match="outside the supported years"):
        find_dates("on 3 May", published=published, lang="en")
