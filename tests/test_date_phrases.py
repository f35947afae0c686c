"""Phrases built around a date, as a table: (text, published, lang, expression, value).

Each line is a general rule of its language: a plan verb in a past form, a parenthesis without
a verb of its own, a clock abbreviation before a time zone, an approximation before "ago", a
half written as a fraction, a day named from another day or its week, a second day joined by
"and", a year joined by a hyphen, a month written small, a part of day counted from the last
day named. Texts are ours; values are worked out by hand from the publication date.
"""
import pytest

from timeline import find_dates

CASES = [
    # a plan verb in a past form points forward for what follows it ...
    ("Farmers planned a rally outside parliament on Sunday.", "2021-06-10", "en", "Sunday", "2021-06-13"),
    # ... and a mention before it dates the planning
    ("On Monday, the council planned a new budget.", "2021-06-10", "en", "Monday", "2021-06-07"),
    # a parenthesis with no verb of its own takes the tense of the clause around it
    ("The envoy will fly out at dawn (5 a.m. GMT Saturday), aides said.", "2021-06-10", "en",
     "5 a.m. GMT Saturday", "2021-06-12T05:00"),
    ("The envoy flew out at dawn (5 a.m. GMT Saturday), aides said.", "2021-06-14", "en",
     "5 a.m. GMT Saturday", "2021-06-12T05:00"),
    # an approximation word belongs to "ago"
    ("The mine closed nearly six years ago.", "2021-06-10", "en", "nearly six years ago", "2015"),
    ("La fábrica cerró hace casi seis años.", "2021-06-10", "es", "hace casi seis años", "2015"),
    # a half written as a fraction
    ("The hearing lasted 3 1/2 hours.", "2021-06-10", "en", "3 1/2 hours", "PT210M"),
    ("Negotiations dragged on for 1½ years.", "2021-06-10", "en", "1½ years", "P18M"),
    # half of one unit ("half an hour" had been read as "an hour")
    ("The vote was delayed by half an hour.", "2021-06-10", "en", "half an hour", "PT30M"),
    ("Rapat itu hanya berlangsung setengah jam.", "2021-06-10", "id", "setengah jam", "PT30M"),
    ("La réunion a duré une demi-heure.", "2021-06-10", "fr", "une demi-heure", "PT30M"),
    ("El apagón duró media hora.", "2021-06-10", "es", "media hora", "PT30M"),
    ("Die Sitzung dauerte eine halbe Stunde.", "2021-06-10", "de", "eine halbe Stunde", "PT30M"),
    ("The works will take half a year.", "2021-06-10", "en", "half a year", "P6M"),
    # a day named from another day, or its week
    ("Talks opened the week of May 17.", "2021-06-10", "en", "the week of May 17", "2021-W20"),
    ("He was detained the day after 2 May 2021.", "2021-06-10", "en", "the day after 2 May 2021", "2021-05-03"),
    ("Il a été arrêté la veille du 14 mai.", "2021-06-10", "fr", "la veille du 14 mai", "2021-05-13"),
    ("Les élections ont lieu la semaine du 21 juin.", "2021-06-10", "fr", "la semaine du 21 juin", "2021-W25"),
    # a second day joined by "and" to a date written month first
    ("The ministers meet on July 13 and 14 in Oslo.", "2021-06-10", "en", "14", "2021-07-14"),
    ("The ministers met on March 2 and 3, 2019 in Oslo.", "2021-06-10", "en", "March 2", "2019-03-02"),
    # a month joined by a hyphen to a position word
    ("Prices peaked in mid-May.", "2021-06-10", "en", "mid-May", "2021-05"),
    # a year joined by a hyphen to a position word or pre/post
    ("Prices peaked in mid-2017.", "2021-06-10", "en", "mid-2017", "2017"),
    ("The post-2003 constitution was amended.", "2021-06-10", "en", "post-2003", "2003"),
    # one-word clock times
    ("The court sits at midday.", "2021-06-10", "en", "midday", "2021-06-10T12:00"),
    ("Sokağa çıkma yasağı gece yarısı başladı.", "2021-06-10", "tr", "gece yarısı", "2021-06-10T24:00"),
    # Indonesian "silam" (ago) and a modifier after an amount of time
    ("Gempa besar melanda kota itu tujuh tahun silam.", "2021-06-10", "id", "tujuh tahun silam", "2014"),
    ("Harga beras naik selama dua pekan terakhir.", "2021-06-10", "id", "dua pekan terakhir", "P2W"),
    # Arabic parts of day before the day they belong to
    ("صباح اليوم وصل الوفد إلى المدينة.", "2021-06-10", "ar", "صباح اليوم", "2021-06-10TMO"),
    ("مساء الثلاثاء وقع هجوم على القافلة.", "2021-06-10", "ar", "مساء الثلاثاء", "2021-06-08TEV"),
    ("مساء أمس وقع انفجار في الميناء.", "2021-06-10", "ar", "مساء أمس", "2021-06-09TEV"),
    # a word between a number and its unit leaves the amount as it is
    ("The talks need three more weeks.", "2021-06-10", "en", "three more weeks", "P3W"),
    # a day or month "of the same year" is one expression in the story's year
    ("The siege began in 1683. On 12 September of that year the army arrived.", "2021-06-10", "en",
     "12 September of that year", "1683-09-12"),
    ("Облога почалася у 1683 році. 12 вересня того ж року підійшло військо.", "2021-06-10", "uk",
     "12 вересня того ж року", "1683-09-12"),
    ("Η εξέγερση ξέσπασε το 1683. Τον Μάρτιο του ίδιου έτους έφτασαν οι πρέσβεις.", "2021-06-10", "el",
     "Τον Μάρτιο του ίδιου έτους", "1683-03"),
    # centuries in the case forms of Ukrainian, Russian and Polish
    ("У XVII столітті місто зросло.", "2021-06-10", "uk", "XVII столітті", "16"),
    ("К XIX веку город вырос.", "2021-06-10", "ru", "XIX веку", "18"),
    ("W XVIII wieku miasto urosło.", "2021-06-10", "pl", "XVIII wieku", "17"),
    # "this century" and "this decade" are the current ones (dateparser files them under "ago")
    ("Nothing like it has happened this century.", "2021-06-10", "en", "this century", "20"),
    ("Prices doubled this decade.", "2021-06-10", "en", "this decade", "202"),
    # the end of the current year has not come: in a past clause it is last year's end
    ("Inflation peaked at the end of the year.", "2021-04-10", "en", "the end of the year", "2020"),
    ("Inflation will peak at the end of the year.", "2021-04-10", "en", "the end of the year", "2021"),
    ("Inflation peaked at the end of the year.", "2021-12-20", "en", "the end of the year", "2021"),
    ("Переговори будуть відновлені на початку року.", "2021-09-10", "uk", "на початку року", "2022"),
    # the day after or before the story's day, in the words of each language
    ("Le 4 mars, les troupes sont entrées. Le lendemain, la ville est tombée.", "2021-06-10", "fr", "Le lendemain", "2021-03-05"),
    ("Le 4 mars, les troupes sont entrées. La veille, le pont avait sauté.", "2021-06-10", "fr", "La veille", "2021-03-03"),
    ("El 4 de marzo entraron las tropas. Al día siguiente cayó la ciudad.", "2021-06-10", "es", "Al día siguiente", "2021-03-05"),
    ("Am 4. März marschierten die Truppen ein. Tags darauf fiel die Stadt.", "2021-06-10", "de", "Tags darauf", "2021-03-05"),
    ("Pada 4 Maret pasukan masuk. Keesokan harinya kota itu jatuh.", "2021-06-10", "id", "Keesokan harinya", "2021-03-05"),
    ("Στις 4 Μαρτίου μπήκαν τα στρατεύματα. Την επομένη έπεσε η πόλη.", "2021-06-10", "el", "Την επομένη", "2021-03-05"),
    ("4 Mart'ta askerler girdi. Ertesi gün şehir düştü.", "2021-06-10", "tr", "Ertesi gün", "2021-03-05"),
    ("Il 4 marzo entrarono le truppe. Il giorno dopo la città cadde.", "2021-06-10", "it", "Il giorno dopo", "2021-03-05"),
    ("في 4 مارس دخلت القوات. وفي اليوم التالي سقطت المدينة.", "2021-06-10", "ar", "اليوم التالي", "2021-03-05"),
    # "a year later" with the amount fused to the unit, or left out after the word before it
    ("Pada 4 Mei 2020 sekolah tutup. Seminggu kemudian sekolah dibuka.", "2021-06-10", "id", "Seminggu kemudian", "2020-W20"),
    ("4 мая 2020 года закрылись школы. Через неделю они открылись.", "2021-06-10", "ru", "Через неделю", "2020-W20"),
    ("4 травня 2020 року закрилися школи. Через тиждень вони відкрилися.", "2021-06-10", "uk", "Через тиждень", "2020-W20"),
    # an amount of time before or after "this" (the story's day), Ukrainian and Russian
    ("Міст відкрили 20 серпня 1932 року. За два дні до цього його випробували.", "2021-06-10", "uk",
     "два дні до цього", "1932-08-18"),
    ("Мост открыли 20 августа 1932 года. За два дня до этого его испытали.", "2021-06-10", "ru",
     "два дня до этого", "1932-08-18"),
    # a season "of the same year"; a season of a year with the year's case word
    ("Влітку 1942 року фронт просунувся. Восени того ж року почався наступ.", "2021-06-10", "uk",
     "Восени того ж року", "1942-FA"),
    ("Летом 1942 года фронт продвинулся.", "2021-06-10", "ru", "Летом 1942 года", "1942-SU"),
    # the night leading into a date, Ukrainian and Russian "у ніч на", "в ночь на"
    ("У ніч на 22 червня 1941 року почався напад.", "2021-06-10", "uk", "ніч на 22 червня 1941 року", "1941-06-22TNI"),
    ("В ночь на 22 июня 1941 года началось нападение.", "2021-06-10", "ru", "ночь на 22 июня 1941 года", "1941-06-22TNI"),
    # Ukrainian clock times after "о"/"об", with the hour's case word
    ("Засідання почалося о 10 годині.", "2021-06-10", "uk", "о 10 годині", "2021-06-10T10:00"),
    ("Засідання почнеться об 11:30.", "2021-06-10", "uk", "об 11:30", "2021-06-10T11:30"),
    # a weekend the text does not name: the one the tense points to, else the nearest
    ("Protesters gathered over the weekend.", "2021-06-07", "en", "the weekend", "2021-W22-WE"),
    ("Officials will meet over the weekend.", "2021-06-07", "en", "the weekend", "2021-W23-WE"),
    ("Am Wochenende wurde in der Stadt gewählt.", "2021-06-09", "de", "Am Wochenende", "2021-W22-WE"),
    ("Pada akhir pekan warga berkumpul di alun-alun.", "2021-06-11", "id", "akhir pekan", "2021-W23-WE"),
    # the period a business report is about, and that period a year before
    ("Profit rose in the second quarter from the year-earlier period.", "2022-08-04", "en",
     "the year-earlier period", "2021-Q2"),
    ("Profit rose in the second quarter. In the quarter, costs fell.", "2022-08-04", "en", "the quarter", "2022-Q2"),
    ("Sales in the year-ago quarter were flat.", "2022-08-04", "en", "the year-ago quarter", "2021-Q2"),
    # "in three months" where the language counts it forward from now ('dentro de', 'dans', 'tra')
    ("Dentro de tres meses habrá elecciones.", "2021-06-10", "es", "Dentro de tres meses", "2021-09"),
    ("Dans trois mois, le pays votera.", "2021-06-10", "fr", "Dans trois mois", "2021-09"),
    ("Daqui a três meses haverá eleições.", "2021-06-10", "pt", "Daqui a três meses", "2021-09"),
    # a weekday with its part of day after the language's link words
    ("El ministro llegó el lunes por la noche.", "2021-06-10", "es", "lunes por la noche", "2021-06-07TNI"),
    ("O ministro chegou na segunda-feira à noite.", "2021-06-10", "pt", "segunda-feira à noite", "2021-06-07TNI"),
    ("Esta madrugada se registró un sismo.", "2021-06-10", "es", "Esta madrugada", "2021-06-10TMO"),
    ("Nesta manhã o governo anunciou o plano.", "2021-06-10", "pt", "Nesta manhã", "2021-06-10TMO"),
    # a day of the month written without its month
    ("A cúpula será realizada no próximo dia 14.", "2021-06-10", "pt", "próximo dia 14", "2021-06-14"),
    ("O acordo foi assinado no dia 28.", "2021-06-10", "pt", "dia 28", "2021-05-28"),
    ("El acuerdo se firmó el pasado día 2.", "2021-06-10", "es", "pasado día 2", "2021-06-02"),
    ("Kapal itu tiba tanggal 3.", "2021-06-10", "id", "tanggal 3", "2021-06-03"),
    # Turkish amounts of time with their case ending left out of the span, and their modifier kept
    ("Son dört yılda ihracat arttı.", "2021-06-10", "tr", "Son dört yıl", "P4Y"),
    ("Üç aydır görüşmeler sürüyor.", "2021-06-10", "tr", "Üç ay", "P3M"),
    ("İki saattir bekliyoruz.", "2021-06-10", "tr", "İki saat", "PT2H"),
    # a part of day counted from the last day named, in a story told in years
    ("The unit was formed in 1988 and fought in 1991 and 1994. It was disbanded in 2001. "
     "Last Tuesday its veterans marched. They met the mayor the next morning.", "2021-06-10", "en",
     "the next morning", "2021-06-09TMO"),
    # in a history told from afar "the next" is the story's following day, no future of the
    # writer's: the year-less date in its clause keeps the story's year
    ("Το 1861 ξεσπά ο πόλεμος. Το 1862 οι μάχες συνεχίζονται. Στις αρχές Ιουλίου 1863 ο στρατός νικά. "
     "Ο πρόεδρος μαθαίνει τα νέα, όταν την επόμενη, στις 4 Ιουλίου, η πόλη παραδίδεται.", "2018-07-07", "el",
     "4 Ιουλίου", "1863-07-04"),
    # a day counted from a story told in months says no more than the month (the day was invented)
    ("In December 1918 the hetman abdicated. The next day troops entered the city.", "2023-05-01", "en",
     "The next day", "1918-12"),
    ("У грудні 1918 року гетьман зрікся влади. Через два дні сформували уряд.", "2023-05-01", "uk",
     "Через два дні", "1918-12"),
    ("Η κυβέρνηση παραιτήθηκε τον Μάρτιο του 1935. Την επόμενη μέρα ξέσπασαν ταραχές.", "2023-05-01", "el",
     "Την επόμενη μέρα", "1935-03"),
    # a clock time with no day of its own: the story's last day, but not a planned day after
    # publication for a clause told in the past
    ("The appeal will be heard on 18 March. The earthquake struck at 03:15, officials said.", "2025-03-13", "en",
     "03:15", "2025-03-13T03:15"),
    ("The appeal will be heard on 18 March. It opens at 09:00.", "2025-03-13", "en", "09:00", "2025-03-18T09:00"),
    # "the same month", "that week": the month or week of the story's last date; a day "of the
    # same month" is a day of it
    ("The dam was finished in May 1961. That same month, the valley was flooded.", "2021-06-10", "en",
     "That same month", "1961-05"),
    ("Pabrik itu dibuka pada 3 Maret 1998. Pada bulan yang sama, ribuan pekerja direkrut.", "2021-06-10", "id",
     "bulan yang sama", "1998-03"),
    ("Le pont a été inauguré en avril 1977. Ce mois-là, la ville a changé de maire.", "2021-06-10", "fr",
     "Ce mois-là", "1977-04"),
    ("La huelga empezó el 2 de octubre de 1934. Esa misma semana cayó el gobierno.", "2021-06-10", "es",
     "Esa misma semana", "1934-W40"),
    ("Завод открыли в феврале 1931 года. В том же месяце начались поставки.", "2021-06-10", "ru",
     "В том же месяце", "1931-02"),
    ("Der Vertrag wurde am 4. Juli 1950 unterzeichnet. In derselben Woche trat der Minister zurück.", "2021-06-10",
     "de", "In derselben Woche", "1950-W27"),
    ("The siege began on 3 June 1942, and on the 28th of the same month the city fell.", "2021-06-10", "en",
     "28th of the same month", "1942-06-28"),
    ("Η πολιορκία άρχισε στις 3 Ιουνίου 1942. Στις 28 του ίδιου μήνα η πόλη έπεσε.", "2021-06-10", "el",
     "28 του ίδιου μήνα", "1942-06-28"),
    # a season or month "of the following year" is one expression in the year those words reach,
    # and it carries the story on
    ("The war began in 1914. In the spring of the following year the army attacked. "
     "In May of the next year it retreated.", "2023-07-01", "en", "May of the next year", "1916-05"),
    ("Війна почалася у 1914 році. Навесні наступного року армія наступала.", "2023-07-01", "uk",
     "Навесні наступного року", "1915-SP"),
    ("Война началась в 1914 году. Весной следующего года армия наступала.", "2023-07-01", "ru",
     "Весной следующего года", "1915-SP"),
    ("Ο πόλεμος άρχισε το 1914. Τον Μάιο του επόμενου έτους ο στρατός υποχώρησε.", "2023-07-01", "el",
     "Τον Μάιο του επόμενου έτους", "1915-05"),
    # ... while the word alone still means tomorrow
    ("Die Minister treffen sich morgen in Brüssel.", "2023-07-01", "de", "morgen", "2023-07-02"),
    ("Mañana comienza la cumbre.", "2023-07-01", "es", "Mañana", "2023-07-02"),
    # French imperfect and passé composé are past: a year-less month in them points back
    ("En décembre, les chefs d'État avaient ouvert une période de transition.", "2025-01-30", "fr",
     "décembre", "2024-12"),
    ("En décembre, le ministre a annoncé sa démission.", "2025-01-30", "fr", "décembre", "2024-12"),
    # a day counted from a planned day, in a clause told in the past, is the writer's
    ("Les élections auront lieu le 7 juillet. La veille, les sondages donnaient l'opposition en tête.",
     "2024-03-15", "fr", "La veille", "2024-03-14"),
    # position words with their contracted article ("fim do mês", "fin du mois", "a fin de mes")
    ("Até ao fim do mês a lei será votada.", "2024-03-15", "pt", "fim do mês", "2024-03"),
    ("D'ici la fin du mois, une loi sera votée.", "2024-03-15", "fr", "fin du mois", "2024-03"),
    ("A fin de mes llegará el pago.", "2024-03-15", "es", "A fin de mes", "2024-03"),
    # past forms of Spanish, Portuguese and Italian verbs point a year-less date back, their
    # simple futures forward; a day something is set "for" is a plan whatever the verb's tense
    ("En marzo, el ministro anunció su renuncia.", "2025-01-30", "es", "marzo", "2024-03"),
    ("Em março, o ministro anunciou a demissão.", "2025-01-30", "pt", "março", "2024-03"),
    ("A marzo il ministro ha annunciato le dimissioni.", "2025-01-30", "it", "marzo", "2024-03"),
    ("El tribunal dejó fijado el balotaje que enfrentará a los dos candidatos el 19 de octubre.", "2025-08-27",
     "es", "19 de octubre", "2025-10-19"),
    ("O Presidente dissolveu a Assembleia e marcou eleições antecipadas para 18 de maio.", "2025-03-20", "pt",
     "18 de maio", "2025-05-18"),
    ("The president called elections for 30 June.", "2024-03-15", "en", "30 June", "2024-06-30"),
    ("Le président a annoncé des élections pour le 30 juin.", "2024-03-15", "fr", "30 juin", "2024-06-30"),
    # a day word inside a quote counts from the day the text says the quote was said
    ('Dalam konferensi pers di Labuan Bajo, Senin, (8/5/2023), Presiden kembali menekankan sikapnya. '
     'Ia juga mengutuk serangan itu. "Kemarin, tim bantuan diserang di tengah jalan," ujarnya.', "2023-05-09", "id",
     "Kemarin", "2023-05-07"),
    ('"We met the rebels yesterday," the minister told reporters on Monday, 8 May 2023.', "2023-05-09", "en",
     "yesterday", "2023-05-07"),
    # ... but not where the text does not date the saying, nor outside the quote
    ('"We met the rebels yesterday," the minister said.', "2023-05-09", "en", "yesterday", "2023-05-08"),
    ('The minister spoke on Monday, 8 May 2023. Talks resumed yesterday.', "2023-05-10", "en", "yesterday",
     "2023-05-09"),
    # in a story before our era, a year-less day keeps the era's year, and so does a day counted
    # from it (they had taken the publication's year)
    ("Το 480 π.Χ. ο στρατός εισέβαλε. Τον Αύγουστο η μάχη άρχισε. Την επόμενη μέρα οι Πέρσες επιτέθηκαν.",
     "2018-07-07", "el", "Την επόμενη μέρα", "BC0480-08"),
    ("Στις 27 Αυγούστου 479 π.Χ. έγινε η μάχη. Την ίδια μέρα ο στόλος νίκησε.", "2018-07-07", "el",
     "Την ίδια μέρα", "BC0479-08-27"),
    ("Το 480 π.Χ. ο στρατός εισέβαλε. Στις 28 Αυγούστου οι Πέρσες επιτέθηκαν.", "2018-07-07", "el",
     "28 Αυγούστου", "BC0480-08-28"),
    # a holiday by the name its news uses, and with a modifier that says which year's
    ("Arus mudik Lebaran tahun ini sangat padat.", "2022-10-04", "id", "Lebaran", "2022-05-02"),
    ("Gereja penuh saat Natal lalu.", "2022-10-04", "id", "Natal lalu", "2021-12-25"),
    ("Shops were full last Christmas.", "2022-10-04", "en", "last Christmas", "2021-12-25"),
    ("The family met again last Thanksgiving.", "2022-10-04", "en", "last Thanksgiving", "2021-11-25"),
    ("The talks will resume after Easter.", "2022-10-04", "en", "Easter", "2023-04-09"),
    # quarters in more languages, and "the previous quarter" of the one just named
    ("Pada kuartal II 2022 ekonomi tumbuh 5,44 persen, naik dari kuartal sebelumnya.", "2022-09-03", "id",
     "kuartal sebelumnya", "2022-Q1"),
    ("Au deuxième trimestre 2022, le PIB a progressé par rapport au trimestre précédent.", "2022-09-03", "fr",
     "trimestre précédent", "2022-Q1"),
    ("En el segundo trimestre de 2022 el PIB creció frente al trimestre anterior.", "2022-09-03", "es",
     "segundo trimestre de 2022", "2022-Q2"),
    ("Im zweiten Quartal 2022 wuchs die Wirtschaft.", "2022-09-03", "de", "zweiten Quartal 2022", "2022-Q2"),
    ("No terceiro trimestre de 2021 o PIB caiu.", "2022-09-03", "pt", "terceiro trimestre de 2021", "2021-Q3"),
    ("A economia cresceu durante três trimestres.", "2022-09-03", "pt", "três trimestres", "P9M"),
    # an amount in the instrumental case before "later"/"earlier"
    ("Місто залишили 5 вересня 1941 року. Двома тижнями пізніше армія відступила.", "2023-07-01", "uk",
     "Двома тижнями пізніше", "1941-W38"),
    ("Город оставили 5 сентября 1941 года. Двумя неделями позже армия отступила.", "2023-07-01", "ru",
     "Двумя неделями позже", "1941-W38"),
    # a part of day said as an adverb joins the date beside it; German "des" is its "of"
    ("Утром 24 июня началась эвакуация.", "2023-07-01", "ru", "Утром 24 июня", "2023-06-24TMO"),
    ("Вранці 24 червня почалася евакуація.", "2023-07-01", "uk", "Вранці 24 червня", "2023-06-24TMO"),
    ("26 червня ввечері знову стріляли.", "2023-07-01", "uk", "26 червня ввечері", "2023-06-26TEV"),
    ("Rano 24 czerwca rozpoczęła się ewakuacja.", "2023-07-01", "pl", "Rano 24 czerwca", "2023-06-24TMO"),
    ("Am Abend des 24. Juni begann die Evakuierung.", "2023-07-01", "de", "Abend des 24. Juni", "2023-06-24TEV"),
    ("Am Morgen des 24. Juni begann die Evakuierung.", "2023-07-01", "de", "Morgen des 24. Juni", "2023-06-24TMO"),
    # "the 27th of the month": a day of the month the text is in
    ("The offensive opened on 3 June 1942, and on the 27th of the month the city fell.", "2021-06-10", "en",
     "27th of the month", "1942-06-27"),
    ("Η επίθεση ξεκίνησε τον Οκτώβριο του 1863 και πέτυχε στις 27 του μήνα.", "2021-06-10", "el",
     "27 του μήνα", "1863-10-27"),
    ("Выборы прошли 5 марта. 27 числа оппозиция вышла на улицы.", "2025-04-10", "ru", "27 числа", "2025-03-27"),
    ("Le sommet s'est ouvert le 3 mars. Le 27 du mois, les ministres se sont réunis.", "2025-04-10", "fr",
     "27 du mois", "2025-03-27"),
]


@pytest.mark.parametrize("text, published, lang, expression, value", CASES)
def test_date_phrase(text, published, lang, expression, value):
    mentions = find_dates(text, published=published, lang=lang)
    found = {m.text: m for m in mentions}
    assert expression in found, f"{expression!r} not found in {[m.text for m in mentions]}"
    assert found[expression].value == value
    assert text[found[expression].start:found[expression].end] == expression


TRAPS = [
    # a word for tomorrow that is also the noun "morning", after an article or preposition
    ("Am Morgen griffen Truppen die Stadt an.", "de"),
    ("Por la mañana las tropas atacaron la ciudad.", "es"),
    # a quarter word with no position or modifier before it names no quarter
    ("Le trimestre a été difficile pour les agriculteurs.", "fr"),
    # "that month" with no month told before it refers to nothing the text dates
    ("Prices rose sharply that month, traders said.", "en"),
    # a Turkish unit word inside a longer word is no unit
    ("Kadınlar aylık toplantıda ayrıntıları konuştu.", "tr"),
    # "the quarter" of a town, in a text that reports on no quarter
    ("Shells fell on the quarter overnight.", "en"),
    # an hour that counts people is no clock time
    ("Він звернувся о 10 осіб із проханням.", "uk"),
    # the eve of something else is not a day of the story
    ("La veille des élections, le ministre a parlé.", "fr"),
    # a month written small after a modifier is the ordinary word
    ("Police joined this march through the old town.", "en"),
    ("She said last may be the hardest part.", "en"),
    # a number after "and" that counts something is no day
    ("On May 4 and 25 soldiers were wounded.", "en"),
    ("The vote on May 4 and 25 percent turnout surprised.", "en"),
]


@pytest.mark.parametrize("text, lang", TRAPS)
def test_no_date_in_ordinary_words(text, lang):
    texts = [m.text for m in find_dates(text, published="2021-06-10", lang=lang) if m.type in ("DATE", "TIME")]
    assert texts in ([], ["May 4"]), texts


def test_second_day_takes_the_year_written_after_it():
    mentions = find_dates("The ministers met on March 2 and 3, 2019 in Oslo.", published="2021-06-10", lang="en")
    assert [m.value for m in mentions] == ["2019-03-02", "2019-03-03"]


def test_a_clock_abbreviation_before_a_time_zone_does_not_end_the_sentence():
    from timeline.text import sentence_bounds

    text = "They left at 4 a.m. EDT Thursday. Then it rained."
    assert [text[a:b] for a, b in sentence_bounds(text)] == ["They left at 4 a.m. EDT Thursday.", "Then it rained."]


def test_greek_and_ukrainian_capitals_start_a_sentence():
    from timeline.text import sentence_bounds

    text = "Ο στρατός έφυγε. Έτσι τελείωσε η μάχη. Військо пішло. Існує новий план."
    assert [text[a:b] for a, b in sentence_bounds(text)] == [
        "Ο στρατός έφυγε.", "Έτσι τελείωσε η μάχη.", "Військо пішло.", "Існує новий план."]


def test_a_greek_future_in_the_next_sentence_does_not_turn_a_dated_day_forward():
    text = ("Η δημοκρατία ανακηρύχθηκε το 1931 και οι εκλογές έγιναν το 1933 και το 1936. "
            "Στις 20 Μαρτίου 1936 ο στρατός κινήθηκε. 21 Μαρτίου. Διορισμός νέου πρωθυπουργού. "
            "Ο στρατηγός θα πετούσε από τη Λισαβόνα, αλλά το αεροπλάνο συνετρίβη.")
    found = {m.text: m.value for m in find_dates(text, published="2019-07-07", lang="el")}
    assert found["21 Μαρτίου"] == "1936-03-21"


RANGES = [
    # (text, lang, joined as (text, value, end_value), split as [(text, value), ...])
    ("The dockers struck from 1926 to 1929.", "en", ("1926 to 1929", "1926", "1929"), [("1926", "1926"), ("1929", "1929")]),
    ("Talks ran on 11-13 March 2019 in Geneva.", "en", ("11-13 March 2019", "2019-03-11", "2019-03-13"),
     [("11", "2019-03-11"), ("13 March 2019", "2019-03-13")]),
    ("Η κρίση (1931-1933) άλλαξε τη χώρα.", "el", ("1931-1933", "1931", "1933"), [("1931", "1931"), ("1933", "1933")]),
    ("Οι μάχες (431-404 π.Χ.) κράτησαν πολύ.", "el", ("431-404 π.Χ.", "BC0431", "BC0404"),
     [("431", "BC0431"), ("404 π.Χ.", "BC0404")]),
]


@pytest.mark.parametrize("text, lang, joined, split", RANGES)
def test_a_range_is_joined_or_split_as_asked(text, lang, joined, split):
    (one,) = [m for m in find_dates(text, published="2021-06-10", lang=lang, ranges="joined") if m.type == "DATE"]
    assert (one.text, one.value, one.end_value) == joined
    parts = [m for m in find_dates(text, published="2021-06-10", lang=lang, ranges="split") if m.type == "DATE"]
    assert [(m.text, m.value) for m in parts] == split
    assert all(text[m.start:m.end] == m.text for m in parts)
    # Greek timelines follow WikiWarsEL's TimeML, which tags each end: that is the default there
    default = [(m.text, m.value) for m in find_dates(text, published="2021-06-10", lang=lang) if m.type == "DATE"]
    assert default == (split if lang == "el" else [joined[:2]])


def test_a_range_stays_joined_where_the_language_does_not_split_it():
    (one,) = find_dates("La huelga duró de 1926 a 1929.", published="2021-06-10", lang="es")
    assert (one.value, one.end_value) == ("1926", "1929")
    (one,) = find_dates("The strike lasted from 1926 to 1929.", published="2021-06-10", lang="en")
    assert (one.value, one.end_value) == ("1926", "1929")


def test_an_unknown_ranges_setting_is_refused():
    with pytest.raises(ValueError, match="ranges must be one of"):
        find_dates("in 1926", published="2021-06-10", lang="en", ranges="both")


def test_the_events_table_keeps_a_range_as_one_row_with_its_start_and_end():
    from timeline import extract_events

    events = extract_events("The dockers went on strike from 1926 to 1929 in the port.", published="2021-06-10", lang="en")
    assert len(events) == 1
    row = events.iloc[0]
    assert (row["date"], row["start"], row["end"]) == ("1926", "1926-01-01", "1929-12-31")


def test_years_after_a_plural_year_word_are_years_not_an_amount():
    found = [(m.text, m.value) for m in find_dates("Κυβέρνησε κατά τα έτη 1921-1924.", published="2021-06-10", lang="el")]
    assert found == [("1921", "1921"), ("1924", "1924")]


def test_a_story_told_in_years_before_our_era_counts_its_years_down():
    text = ("Το 331 π.Χ. ο στρατός πέρασε τον ποταμό. Δύο χρόνια αργότερα έφτασε στα βουνά. "
            "Το επόμενο έτος χτίστηκε μια πόλη. Τον χειμώνα οι στρατιώτες ξεκουράστηκαν. "
            "Τα επόμενα χρόνια ήταν δύσκολα. Το 1975 βρέθηκαν τα ερείπια. Δύο χρόνια αργότερα ανασκάφηκαν.")
    found = [(m.text, m.value) for m in find_dates(text, published="2021-06-10", lang="el")]
    assert found == [("331 π.Χ.", "BC0331"), ("Δύο χρόνια αργότερα", "BC0329"), ("Το επόμενο έτος", "BC0328"),
                     ("Τον χειμώνα", "BC0328-WI"), ("Τα επόμενα χρόνια", "PXY"), ("Το 1975", "1975"),
                     ("Δύο χρόνια αργότερα", "1977")]
    english = [(m.text, m.value) for m in find_dates("In 331 BC the army crossed the river. The next year a city was built.",
                                                     published="2021-06-10", lang="en")]
    assert english == [("331 BC", "BC0331"), ("The next year", "BC0330")]


def test_a_day_or_month_of_a_year_before_our_era_is_one_date():
    found = [(m.text, m.value) for m in find_dates("Τον Μάιο 334 π.Χ. πέρασε τον ποταμό. Στις 2 Οκτωβρίου 331 π.Χ. νίκησε.",
                                                   published="2021-06-10", lang="el")]
    assert found == [("Τον Μάιο 334 π.Χ.", "BC0334-05"), ("2 Οκτωβρίου 331 π.Χ.", "BC0331-10-02")]
    found = [(m.text, m.value) for m in find_dates("On 2 October 331 BC the army won.", published="2021-06-10", lang="en")]
    assert found == [("2 October 331 BC", "BC0331-10-02")]


NEXT_IN_THE_PAST = [
    # "next" in a past clause names the period after the story's time; its month follows it
    ("The dam was finished on 3 May 1956. The next year, in June, the valley flooded.", "en",
     [("3 May 1956", "1956-05-03"), ("The next year", "1957"), ("June", "1957-06")]),
    ("Дамбу добудували 3 травня 1956 року. Наступного року, у червні, долину затопило.", "uk",
     [("3 травня 1956 року", "1956-05-03"), ("Наступного року", "1957"), ("червні", "1957-06")]),
    ("Плотину достроили 3 мая 1956 года. В следующем году, в июне, долину затопило.", "ru",
     [("3 мая 1956 года", "1956-05-03"), ("В следующем году", "1957"), ("июне", "1957-06")]),
    # in a future clause "next" still counts from publication
    ("The dam was finished in 1956. Next year the town will rebuild it.", "en",
     [("1956", "1956"), ("Next year", "2022")]),
    ("Дамбу добудували у 1956 році. Наступного року її відремонтують, і це буде дорого.", "uk",
     [("1956 році", "1956"), ("Наступного року", "2022")]),
]


@pytest.mark.parametrize("text, lang, expected", NEXT_IN_THE_PAST)
def test_next_in_a_past_clause_follows_the_story(text, lang, expected):
    found = [(m.text, m.value) for m in find_dates(text, published="2021-06-10", lang=lang)]
    assert found == expected


def test_a_mention_is_not_its_own_tense_cue():
    # "наступного" (next) is a future word, but here the verb is past: the year follows the story's
    found = [(m.text, m.value) for m in find_dates("Місто заснували 1850 року. Наступного року, взимку, згоріла церква.",
                                                   published="2021-06-10", lang="uk")]
    assert found[1] == ("Наступного року", "1851")
