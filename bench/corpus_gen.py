"""Write a synthetic news corpus (JSON lines, gzip if the name ends in .gz) for batch benchmarks.

    python bench/corpus_gen.py 10000 -o /tmp/corpus-10k.jsonl.gz [--seed 7]

Every article is made from the templates below (our own sentences) in one of eight languages,
with dates of every kind the engine reads: full dates, day and month, month and year, bare
years, weekdays, relative phrases, numeric and ISO dates, ranges and durations. The reference
date is given in different ways, as in real corpora: a "published" field, a dated URL, a
dateline at the start of the text, or nothing at all. The same seed gives the same corpus.
"""
from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
from datetime import date, timedelta
from pathlib import Path

MONTHS = {
    "en": "January February March April May June July August September October November December",
    "id": "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
    "tr": "Ocak Şubat Mart Nisan Mayıs Haziran Temmuz Ağustos Eylül Ekim Kasım Aralık",
    "ru": "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
}
WEEKDAYS = {
    "en": "Monday Tuesday Wednesday Thursday Friday Saturday Sunday",
    "id": "Senin Selasa Rabu Kamis Jumat Sabtu Minggu",
    "fr": "lundi mardi mercredi jeudi vendredi samedi dimanche",
    "es": "lunes martes miércoles jueves viernes sábado domingo",
    "de": "Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag",
    "pt": "segunda-feira terça-feira quarta-feira quinta-feira sexta-feira sábado domingo",
    "tr": "pazartesi salı çarşamba perşembe cuma cumartesi pazar",
    "ru": "понедельник вторник среду четверг пятницу субботу воскресенье",
}
# How each language writes a full date, a day and month, and a month with its year.
FORMS = {
    "en": ("{d} {m} {y}", "{d} {m}", "{m} {y}"),
    "id": ("{d} {m} {y}", "{d} {m}", "{m} {y}"),
    "fr": ("{d} {m} {y}", "{d} {m}", "{m} {y}"),
    "es": ("{d} de {m} de {y}", "{d} de {m}", "{m} de {y}"),
    "de": ("{d}. {m} {y}", "{d}. {m}", "{m} {y}"),
    "pt": ("{d} de {m} de {y}", "{d} de {m}", "{m} de {y}"),
    "tr": ("{d} {m} {y}", "{d} {m}", "{m} {y}"),
    "ru": ("{d} {m} {y} года", "{d} {m}", "в {m} {y} года"),
}
PLACES = ["Geneva", "Doha", "Jakarta", "Nairobi", "Ankara", "Lima", "Oslo", "Hanoi", "Accra", "Baku", "Riga", "Quito"]
ACTORS = {
    "en": ["the foreign minister", "the envoy", "the defence secretary", "the mediators", "the delegation"],
    "id": ["menteri luar negeri", "utusan khusus", "menteri pertahanan", "para mediator", "delegasi"],
    "fr": ["le ministre des affaires étrangères", "l'envoyé spécial", "les médiateurs", "la délégation"],
    "es": ["el canciller", "el enviado especial", "los mediadores", "la delegación"],
    "de": ["der Außenminister", "der Sondergesandte", "die Vermittler", "die Delegation"],
    "pt": ["o chanceler", "o enviado especial", "os mediadores", "a delegação"],
    "tr": ["dışişleri bakanı", "özel temsilci", "arabulucular", "heyet"],
    "ru": ["министр иностранных дел", "специальный посланник", "посредники", "делегация"],
}
# Sentences with one slot for a date ({date}) and optional {actor} and {place}. Each kind of
# slot is filled with a date of that kind: full, daymonth, monthyear, year, weekday, relative,
# numeric, iso, range, duration.
SENTENCES = {
    "en": [
        ("{actor} met their counterparts in {place} on {date}.", "full"),
        ("Talks in {place} resumed on {date} after a long pause.", "daymonth"),
        ("The ceasefire was first agreed in {date}.", "monthyear"),
        ("The border has been disputed since {date}.", "year"),
        ("{actor} flew to {place} on {date} for a short visit.", "weekday"),
        ("A new round of talks is expected {date}.", "relative"),
        ("The agreement was signed on {date} in {place}.", "numeric"),
        ("Observers arrived in {place} on {date}.", "iso"),
        ("The summit in {place} will run {date}.", "range"),
        ("The blockade lasted {date}.", "duration"),
    ],
    "id": [
        ("{actor} bertemu mitranya di {place} pada {date}.", "full"),
        ("Perundingan di {place} dilanjutkan pada {date}.", "daymonth"),
        ("Gencatan senjata pertama kali disepakati pada {date}.", "monthyear"),
        ("Perbatasan itu disengketakan sejak {date}.", "year"),
        ("{actor} terbang ke {place} pada hari {date}.", "weekday"),
        ("Putaran baru perundingan diperkirakan digelar {date}.", "relative"),
        ("Perjanjian ditandatangani pada {date} di {place}.", "numeric"),
        ("Pengamat tiba di {place} pada {date}.", "iso"),
        ("Blokade itu berlangsung {date}.", "duration"),
    ],
    "fr": [
        ("{actor} a rencontré ses homologues à {place} le {date}.", "full"),
        ("Les pourparlers ont repris à {place} le {date}.", "daymonth"),
        ("Le cessez-le-feu avait été conclu en {date}.", "monthyear"),
        ("La frontière est contestée depuis {date}.", "year"),
        ("{actor} s'est rendu à {place} {date}.", "weekday"),
        ("Un nouveau cycle de discussions est prévu {date}.", "relative"),
        ("L'accord a été signé le {date} à {place}.", "numeric"),
        ("Le blocus a duré {date}.", "duration"),
    ],
    "es": [
        ("{actor} se reunió con sus homólogos en {place} el {date}.", "full"),
        ("Las conversaciones se reanudaron en {place} el {date}.", "daymonth"),
        ("El alto el fuego se acordó en {date}.", "monthyear"),
        ("La frontera está en disputa desde {date}.", "year"),
        ("{actor} viajó a {place} el {date}.", "weekday"),
        ("Se espera una nueva ronda de negociaciones {date}.", "relative"),
        ("El acuerdo se firmó el {date} en {place}.", "numeric"),
    ],
    "de": [
        ("{actor} traf seine Amtskollegen am {date} in {place}.", "full"),
        ("Die Gespräche in {place} wurden am {date} fortgesetzt.", "daymonth"),
        ("Die Waffenruhe wurde im {date} vereinbart.", "monthyear"),
        ("Die Grenze ist seit {date} umstritten.", "year"),
        ("{actor} reiste am {date} nach {place}.", "weekday"),
        ("Eine neue Verhandlungsrunde wird {date} erwartet.", "relative"),
        ("Das Abkommen wurde am {date} in {place} unterzeichnet.", "numeric"),
    ],
    "pt": [
        ("{actor} encontrou seus homólogos em {place} em {date}.", "full"),
        ("As negociações foram retomadas em {place} em {date}.", "daymonth"),
        ("O cessar-fogo foi acordado em {date}.", "monthyear"),
        ("A fronteira é disputada desde {date}.", "year"),
        ("{actor} viajou para {place} na {date}.", "weekday"),
        ("O acordo foi assinado em {date} em {place}.", "numeric"),
    ],
    "tr": [
        ("{actor} {date} tarihinde {place} kentinde mevkidaşlarıyla görüştü.", "full"),
        ("{place} görüşmeleri {date} günü yeniden başladı.", "daymonth"),
        ("Ateşkes ilk olarak {date} ayında kabul edildi.", "monthyear"),
        ("Sınır {date} yılından beri tartışmalı.", "year"),
        ("{actor} {date} günü {place} kentine gitti.", "weekday"),
    ],
    "ru": [
        ("{actor} встретился с коллегами в {place} {date}.", "full"),
        ("Переговоры в {place} возобновились {date}.", "daymonth"),
        ("Перемирие было согласовано {date}.", "monthyear"),
        ("{actor} прибыл в {place} в {date}.", "weekday"),
    ],
}
FILLER = {
    "en": ["Officials gave few details about the substance of the discussions.",
           "Both sides described the meeting as constructive.", "Diplomats expect a written statement later."],
    "id": ["Pejabat tidak memberikan banyak rincian tentang isi pembicaraan.",
           "Kedua pihak menyebut pertemuan itu konstruktif."],
    "fr": ["Les responsables ont donné peu de détails sur le contenu des discussions.",
           "Les deux parties ont qualifié la réunion de constructive."],
    "es": ["Los funcionarios dieron pocos detalles sobre el contenido de las conversaciones.",
           "Ambas partes calificaron la reunión de constructiva."],
    "de": ["Die Beamten nannten kaum Einzelheiten zum Inhalt der Gespräche.",
           "Beide Seiten bezeichneten das Treffen als konstruktiv."],
    "pt": ["As autoridades deram poucos detalhes sobre o conteúdo das conversas.",
           "Ambas as partes classificaram a reunião como construtiva."],
    "tr": ["Yetkililer görüşmelerin içeriği hakkında az ayrıntı verdi.",
           "İki taraf da toplantıyı yapıcı olarak nitelendirdi."],
    "ru": ["Официальные лица почти не раскрыли подробностей переговоров.",
           "Обе стороны назвали встречу конструктивной."],
}
RELATIVE = {
    "en": ["next week", "next month", "later this year", "two days ago", "last week", "yesterday"],
    "id": ["pekan depan", "bulan depan", "dua hari lalu", "pekan lalu", "kemarin"],
    "fr": ["la semaine prochaine", "le mois prochain", "il y a deux jours", "la semaine dernière", "hier"],
    "es": ["la próxima semana", "el próximo mes", "hace dos días", "la semana pasada", "ayer"],
    "de": ["nächste Woche", "nächsten Monat", "vor zwei Tagen", "letzte Woche", "gestern"],
}
DURATION = {
    "en": ["for 25 years", "for three months", "for two weeks"],
    "id": ["selama 25 tahun", "selama tiga bulan"],
    "fr": ["pendant 25 ans", "pendant trois mois"],
}
RANGE = {"en": ["from 3 to 5 {m}", "between 10 and 12 {m}"]}
DATELINE = {"en": "{place}, {full} —", "id": "{place}, {full} —", "fr": "{place}, {full} —", "es": "{place}, {full} —",
            "de": "{place}, {full} —", "pt": "{place}, {full} —", "tr": "{place}, {full} —", "ru": "{place}, {full} —"}


def date_text(kind: str, lang: str, day: date, rng: random.Random) -> str:
    """`day` written as a date of `kind` in `lang`."""
    months = MONTHS[lang].split()
    full, day_month, month_year = FORMS[lang]
    values = {"d": day.day, "m": months[day.month - 1], "y": day.year}
    if kind == "full":
        return full.format(**values)
    if kind == "daymonth":
        return day_month.format(**values)
    if kind == "monthyear":
        return month_year.format(**values)
    if kind == "year":
        return str(day.year)
    if kind == "weekday":
        return WEEKDAYS[lang].split()[day.weekday()]
    if kind == "relative":
        return rng.choice(RELATIVE.get(lang, RELATIVE["en"]))
    if kind == "numeric":
        return f"{day.day:02d}/{day.month:02d}/{day.year}" if lang != "en" else f"{day.day} {values['m']} {day.year}"
    if kind == "iso":
        return day.isoformat()
    if kind == "range":
        return rng.choice(RANGE["en"]).format(m=values["m"])
    return rng.choice(DURATION.get(lang, DURATION["en"]))


def article(number: int, rng: random.Random) -> dict:
    """One synthetic record: {"id", "text"} plus, depending on the draw, "published" or "url"."""
    lang = rng.choice(list(SENTENCES))
    published = date(2023, 1, 1) + timedelta(days=rng.randrange(900))
    place = rng.choice(PLACES)
    sentences = []
    for _ in range(rng.randint(3, 7)):
        template, kind = rng.choice(SENTENCES[lang])
        day = published - timedelta(days=rng.randrange(1, 400))
        sentence = template.format(actor=rng.choice(ACTORS[lang]), place=rng.choice(PLACES),
                                   date=date_text(kind, lang, day, rng))
        sentences.append(sentence[0].upper() + sentence[1:])
        if rng.random() < 0.5:
            sentences.append(rng.choice(FILLER[lang]))
    record = {"id": f"doc-{number:07d}"}
    how = rng.choice(("field", "url", "dateline", "none"))
    text = " ".join(sentences)
    if how == "dateline":
        text = DATELINE[lang].format(place=place.upper(), full=date_text("full", lang, published, rng)) + " " + text
    paragraphs = [text[i:i + 400] for i in range(0, len(text), 400)] if rng.random() < 0.2 else [text]
    record["text"] = "\n\n".join(paragraphs)
    if how == "field":
        record["published"] = published.isoformat()
    elif how == "url":
        record["url"] = f"https://news.example.org/{lang}/{published:%Y/%m/%d}/story-{number}"
    if rng.random() < 0.5:
        record["lang"] = lang
    return record


def write_corpus(path: str | Path, documents: int, seed: int = 7) -> Path:
    """Write `documents` synthetic records to `path` (gzip when it ends in .gz); returns the path."""
    path = Path(path)
    rng = random.Random(seed)
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "wt", encoding="utf-8") as out:
        for number in range(documents):
            out.write(json.dumps(article(number, rng), ensure_ascii=False) + "\n")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("documents", type=int, help="how many articles")
    parser.add_argument("-o", "--output", required=True, help="JSON-lines file (.gz: compressed)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    path = write_corpus(args.output, args.documents, args.seed)
    print(f"{args.documents} documents -> {path} ({path.stat().st_size / 1e6:.1f} MB)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
