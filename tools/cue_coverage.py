"""Which words of each event type's concepts the cue lists of data/event_types.json lack, by language.

    python tools/cue_coverage.py              # per type: its concepts and the languages lacking words
    python tools/cue_coverage.py --words      # ... and the lacking words themselves
    python tools/cue_coverage.py --clashes    # words the taxonomy reads as another type; stems' other words
    python tools/cue_coverage.py --apply      # append the lacking words to the type's language list

A type's concepts are the kinds of happening its description names (decision: decide, approve,
ban, postpone ...). For each concept CONCEPTS lists, per language, the words a bilingual dictionary
and the language's grammar give for it: the verb's past, participle and present (Indonesian me-,
di-, pe-an; Romance preterite and participles; German participles and compounds) and its noun.
A word is covered when a cue of the type in that language matches the whole word. Words that
would clash with a common unrelated sense are in LEFT_OUT with the reason, never in CONCEPTS.

--apply keeps the file's format (json, indent 2, UTF-8 as written) and key order, appends to the
existing language lists only and checks first that every word is a word of its language
(wordfreq knows it) and that, alone, it is read as its own type.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timeline import enrich  # noqa: E402

TAXONOMY = ROOT / "data" / "event_types.json"
LANGS = ("en", "id", "fr", "es", "pt", "de", "ru", "tr", "ar")
# Below this Zipf frequency (about once in 30 million words) a word is not taken as a general word
# of its language; phrases are scored by wordfreq as the rarest of their words.
MIN_ZIPF = 1.5
TOP_WORDS = 60000      # how many of a language's most frequent words a stem is checked against


def _forms(text: str) -> list[str]:
    return [w.strip() for w in text.split("|") if w.strip()]


# type -> concept -> language -> "word|word|..." (a word ending in * is a stem cue of the language)
CONCEPTS: dict[str, dict[str, dict[str, str]]] = {
    "decision": {
        "decide": {
            "en": "decided|decides|decision|decisions",
            "id": "memutuskan|diputuskan|keputusan",
            "fr": "décidé|décidée|décide|décident|décision|décisions",
            "es": "decidió|decidieron|decidido|decide|deciden|decisión|decisiones",
            "pt": "decidiu|decidiram|decidido|decide|decidem|decisão|decisões",
            "de": "entschied|entschieden|entscheidet|entscheidung|beschloss|beschlossen|beschließt|beschluss|beschlüsse",
            "ru": "решил*|решени*",
            "tr": "karar*",
            "ar": "قرر|قرار|قررت|تقرر",
        },
        "approve": {
            "en": "approved|approves|approval|approve",
            "id": "mengesahkan|disahkan|pengesahan|disetujui",
            "fr": "approuvé|approuvée|approuvés|approuvées|approuve|approuvent|approbation|validé|validée",
            "es": "aprobó|aprobaron|aprobado|aprobada|aprobados|aprobadas|aprueba|aprueban|aprobación",
            "pt": "aprovou|aprovaram|aprovado|aprovada|aprovados|aprovadas|aprova|aprovam|aprovação",
            "de": "genehmigt|genehmigte|genehmigung|billigt|billigte|gebilligt|zugestimmt|verabschiedet|verabschiedete",
            "ru": "одобрил*|одобрен*|утвердил*|утвержден*",
            "tr": "onay*",
            "ar": "وافق|موافقة|أقر|أقرت",
        },
        "adopt / enact": {
            "en": "adopted|adopts|enacted|enacts",
            "id": "mengadopsi|diadopsi|memberlakukan|diberlakukan|pemberlakuan",
            "fr": "adopté|adoptée|adoptés|adoptées|adopte|adoptent|promulgué|promulguée|promulgue|promulgation",
            "es": "adoptó|adoptaron|adoptado|adoptada|adopta|promulgó|promulgado|promulgada|promulga",
            "pt": "adotou|adotaram|adotado|adotada|adota|promulgou|promulgado|promulgada|promulga",
            "de": "erlassen|erließ|erlässt",
            "tr": "yürürlüğe girdi",
        },
        "reject / veto": {
            "en": "rejected|rejects|rejection|vetoed|vetoes|veto|overturned",
            "id": "menolak|ditolak|penolakan|memveto|veto",
            "fr": "rejeté|rejetée|rejetés|rejette|rejettent|veto",
            "es": "rechazó|rechazaron|rechazado|rechazada|rechaza|rechazan|rechazo|vetó|veto",
            "pt": "rejeitou|rejeitaram|rejeitado|rejeitada|rejeita|rejeitam|rejeição|vetou|veto",
            "de": "abgelehnt|ablehnung|lehnte|lehnten|veto",
            "ru": "отклонил*|отклонен*|отверг*|вето",
            "tr": "reddetti|reddedildi|veto",
            "ar": "رفض|رفضت|فيتو",
        },
        "ratify": {
            "en": "ratified|ratifies|ratification",
            "id": "meratifikasi|diratifikasi|ratifikasi",
            "fr": "ratifié|ratifiée|ratifie|ratifient|ratification",
            "es": "ratificó|ratificado|ratificada|ratifica|ratificación",
            "pt": "ratificou|ratificaram|ratificado|ratificada|ratifica|ratificação",
            "de": "ratifiziert|ratifizierte|ratifizierung",
            "ru": "ратифицир*|ратификаци*",
            "ar": "صادق|مصادقة",
        },
        "postpone": {
            "en": "postponed|postpones|postponement|deferred",
            "id": "menunda|ditunda|penundaan",
            "fr": "reporté|reportée|reporte|reportent|ajourné|ajournée|ajournement",
            "es": "postergó|postergado|postergada|posterga|aplazó|aplazado|aplazada|aplaza|aplazamiento|pospuso|pospuesto|pospuesta",
            "pt": "adiou|adiaram|adiado|adiada|adia|adiamento",
            "de": "verschoben|verschob|verschiebt|verschiebung|vertagt|vertagte",
            "ru": "отложил*|отложен*|перенесл*",
            "tr": "erteledi|ertelendi|erteleme",
            "ar": "تأجيل|أرجأ|تأجل",
        },
        "extend": {
            "en": "extended|extends",
            "id": "memperpanjang|diperpanjang|perpanjangan",
            "fr": "prolongé|prolongée|prolonge|prolongent|prolongation",
            "es": "prorrogó|prorrogado|prorrogada|prorroga|prórroga",
            "pt": "prorrogou|prorrogado|prorrogada|prorroga|prorrogação",
            "de": "verlängert|verlängerte|verlängerung",
            "ru": "продлил*|продлен*",
            "tr": "uzattı|uzatıldı",
            "ar": "تمديد",
        },
        "suspend": {
            "en": "suspended|suspends|suspension",
            "id": "menangguhkan|ditangguhkan|penangguhan|membekukan|dibekukan",
            "fr": "suspendu|suspendue|suspend|suspendent|suspension",
            "es": "suspendió|suspendieron|suspendido|suspendida|suspende|suspensión",
            "pt": "suspendeu|suspenderam|suspenso|suspensa|suspende|suspensão",
            "de": "ausgesetzt|aussetzung|suspendiert|setzte aus",
            "ru": "приостановил*|приостановлен*",
            "tr": "askıya aldı|askıya alındı",
        },
        "ban": {
            "en": "banned|bans|ban|prohibited|prohibits|prohibition|outlawed",
            "id": "melarang|dilarang|larangan",
            "fr": "interdit|interdite|interdits|interdisent|interdiction",
            "es": "prohibió|prohibido|prohibida|prohíbe|prohibición",
            "pt": "proibiu|proibido|proibida|proíbe|proibição",
            "de": "verboten|verbietet|verbot|verbote",
            "ru": "запрет*",
            "tr": "yasakladı|yasaklandı|yasak",
            "ar": "حظر",
        },
        "order": {
            "en": "ordered|orders",
            "id": "memerintahkan|diperintahkan|menginstruksikan|instruksi",
            "fr": "ordonné|ordonnée|ordonne|ordonnent|ordonnance",
            "es": "ordenó|ordenaron|ordenado|ordenada|ordena",
            "pt": "ordenou|ordenaram|ordenado|ordenada|ordena",
            "de": "angeordnet|anordnung|ordnete an|ordnet an",
            "ru": "приказал*|приказ|распорядил*|поручил*",
            "tr": "emretti|talimat verdi",
        },
        "law / decree / bill / budget / measures": {
            "en": "decree|decreed|law|laws|legislation|bill|resolution|budget|measures|regulation|regulations|ordinance|amendment|executive order",
            "id": "dekrit|undang-undang|rancangan undang-undang|ruu|peraturan|perppu|perpres|resolusi|anggaran|regulasi|amandemen",
            "fr": "décret|décrété|décrète|loi|lois|projet de loi|résolution|budget|mesures|ordonnance|amendement",
            "es": "decreto|decretó|ley|leyes|proyecto de ley|resolución|presupuesto|medidas|reglamento|enmienda|ordenanza",
            "pt": "decreto|decretou|lei|leis|projeto de lei|projecto de lei|resolução|orçamento|medidas|regulamento|emenda|portaria",
            "de": "dekret|erlass|gesetz|gesetze|gesetzes|gesetzentwurf|gesetzesentwurf|gesetzgebung|*gesetz|verordnung|resolution|haushalt|maßnahmen",
            "ru": "закон*|указ|указа|указом|указе|указы|резолюци*|бюджет*|постановлени*",
            "tr": "kanun*|yasa*|kararname*|bütçe*|tasarı|tasarısı|tedbir*",
            "ar": "قانون|قوانين|مرسوم|مشروع قانون|ميزانية|موازنة|تشريع|تشريعات",
        },
        "state of emergency / curfew": {
            "en": "state of emergency|declared a state of|curfew",
            "id": "keadaan darurat|status darurat|jam malam",
            "fr": "état d'urgence|couvre-feu",
            "es": "estado de emergencia|estado de excepción|toque de queda",
            "pt": "estado de emergência|estado de sítio|toque de recolher",
            "de": "ausnahmezustand|notstand|ausgangssperre",
            "ru": "чрезвычайное положение|чрезвычайного положения|комендантский час",
            "tr": "olağanüstü hal",
            "ar": "حالة الطوارئ|حظر التجول",
        },
        "close / reopen / dissolve / revoke": {
            "en": "closed|closes|reopened|dissolved|dissolves|imposed|imposes|lifted|revoked|abolished",
            "id": "menutup|ditutup|penutupan|membuka kembali|dibuka kembali|membubarkan|dibubarkan|pembubaran|mencabut|dicabut|pencabutan",
            "fr": "fermé|fermée|fermeture|rouvert|rouverte|réouverture|dissous|dissolution|imposé|imposée|abrogé|abrogée|aboli|abolie",
            "es": "cerró|cierre|reabrió|reapertura|disolvió|disolución|impuso|derogó|derogada|abolió",
            "pt": "fechou|encerrou|encerramento|reabriu|reabertura|dissolveu|dissolução|impôs|revogou|revogada|aboliu",
            "de": "geschlossen|schließt|schließung|wiedereröffnet|wiedereröffnung|aufgelöst|auflösung|verhängt|verhängte|aufgehoben|abgeschafft",
            "ru": "распустил*|отменил*|отменен*|закрыл*",
            "tr": "kapattı|kapatıldı|feshetti|iptal*",
            "ar": "ألغى|إلغاء|أغلق|إغلاق",
        },
    },
    "appointment": {
        "appoint": {
            "en": "appointed|appoints|appoint|appointment|named as",
            "id": "menunjuk|ditunjuk|penunjukan|mengangkat|diangkat|pengangkatan",
            "fr": "nommé|nommée|nommés|nommées|nomme|nomment|nomination|désigné|désignée",
            "es": "nombrado|nombrada|nombrados|nombra|nombró|nombraron|nombramiento|designado|designada|designa|designó|designaron|designación",
            "pt": "nomeado|nomeada|nomeados|nomeia|nomeou|nomearam|nomeação|designado|designada|designou",
            "de": "ernannt|ernannte|ernennt|ernennung",
            "ru": "назначен*|назначил*",
            "tr": "atandı|atadı|atama*|atanan",
            "ar": "تعيين|عين|عينت|تم تعيين",
        },
        "nominate": {
            "en": "nominated|nominates|nomination|nominee",
            "es": "nominado|nominada",
            "de": "nominiert|nominierte|nominierung",
        },
        "swear in / inaugurate": {
            "en": "sworn in|sworn|swore in|inaugurated|inauguration|oath of office",
            "id": "dilantik|melantik|pelantikan|disumpah|pengambilan sumpah|mengambil sumpah",
            "fr": "investi|investie|investiture|prête serment|prêté serment|a prêté serment|assermenté|assermentée",
            "es": "juramentó|juró|juramento|juramentado|juramentada|investidura|investido|investida|toma de posesión|posesionó|prestó juramento",
            "pt": "empossado|empossada|tomou posse|toma posse|posse|tomada de posse|prestou juramento|investidura",
            "de": "vereidigt|vereidigte|vereidigung|amtseid|amtseinführung",
            "ru": "инаугураци*|присяг*",
            "tr": "yemin etti|göreve başladı",
            "ar": "أدى اليمين|اليمين الدستورية|تنصيب",
        },
        "take office": {
            "en": "took office|takes office|assumed office|assumes office|took over as",
            "id": "memangku jabatan|mulai menjabat",
            "fr": "prend ses fonctions|pris ses fonctions|prise de fonctions|entre en fonction|entré en fonction|entrée en fonction",
            "es": "asumió|asume|asumió el cargo|asumirá|tomó posesión",
            "pt": "assumiu|assume|assumirá|tomou posse",
            "de": "amtsantritt|amtsübernahme|trat sein amt an|trat ihr amt an|tritt sein amt an",
            "ru": "вступил в должность|вступила в должность|вступит в должность|вступление в должность",
            "tr": "görevi devraldı",
            "ar": "تولى|تولت",
        },
        "resign": {
            "en": "resigned|resigns|resignation|stepped down|steps down|step down",
            "id": "mengundurkan diri|pengunduran diri|mundur dari jabatan|meletakkan jabatan",
            "fr": "démission|démissionné|démissionne|démissionnent|démissionnaire",
            "es": "renunció|renuncia|renunciaron|dimisión|dimitió|dimite|dimitieron",
            "pt": "renunciou|renúncia|renuncia|demissão|demitiu-se|pediu demissão",
            "de": "trat zurück|tritt zurück|zurückgetreten|rücktritt|zurücktreten",
            "ru": "отставк*",
            "tr": "istifa*",
            "ar": "استقال|استقالت|استقالة",
        },
        "dismiss": {
            "en": "dismissed|dismisses|sacked|removed from office|relieved of",
            "id": "dicopot|mencopot|pencopotan|diberhentikan|memberhentikan|pemberhentian|memecat|dipecat|pemecatan",
            "fr": "limogé|limogée|limoge|limogeage|destitué|destituée|destitue|destitution|révoqué|révoquée",
            "es": "destituido|destituida|destituye|destituyó|destitución|cesado|cesada|relevado|relevada|despedido",
            "pt": "demitido|demitida|demitiu|demite|exonerado|exonerada|exonerou|exonera|exoneração|destituído|destituída|destituiu|destituição",
            "de": "entlassen|entlässt|entließ|entlassung|abgesetzt|absetzung",
            "ru": "уволил*|уволен*|снял с должности|снят с должности",
            "tr": "görevden alındı|görevden aldı|görevden alınan|görevden alma",
            "ar": "أقال|أقالت|إقالة|أقيل",
        },
        "successor": {
            "en": "successor",
            "fr": "successeur|succède|succédé",
            "es": "sucesor|sucesora",
            "pt": "sucessor|sucessora",
            "de": "nachfolger|nachfolgerin",
            "ru": "преемник*",
            "tr": "halefi",
        },
    },
    "military_action": {
        "attack": {
            "en": "attack|attacks|attacked|attacking",
            "id": "menyerang|diserang|penyerangan|menyerbu|diserbu|serbuan",
            "fr": "attaque|attaques|attaqué|attaquée|attaqués|attaquent|attaquer|assaut|attentat|attentats",
            "es": "ataque|ataques|atacó|atacaron|atacado|atacada|atacados|ataca|atacan|atacar|asalto|atentado|atentados",
            "pt": "ataque|ataques|atacou|atacaram|atacado|atacada|atacados|ataca|atacam|atacar|atentado|atentados",
            "de": "angegriffen|angriff|angriffe|griff an|griffen an|überfall|*anschlag|anschläge",
            "ru": "атак*|напал*|нападени*",
            "tr": "saldırı*|saldırdı",
            "ar": "هجوم|هجمات|هاجم|هاجمت|اعتداء",
        },
        "strike": {
            "en": "strike|strikes|struck|airstrike|airstrikes|air strike|air strikes|drone strike|missile strike",
            "id": "serangan udara|gempuran|menggempur|digempur",
            "fr": "frappe|frappes|frappé|frappée|frappés|frappent",
            "de": "luftschlag|luftschläge|militärschlag",
            "ru": "удар*",
            "tr": "vurdu|vuruldu|hava saldırısı",
            "ar": "ضربة|ضربات|غارة|غارات",
        },
        "bomb / shell": {
            "en": "bombing|bombings|bombed|bomb|bombs|bombardment|bombarded|shelling|shelled|shells",
            "id": "mengebom|dibom|pengeboman|pemboman|bom|membombardir|dibombardir",
            "fr": "bombardement|bombardements|bombardé|bombardée|bombardés|bombarde|bombardent|bombarder|bombe|bombes|pilonné|pilonnage|obus",
            "es": "bombardeo|bombardeos|bombardeó|bombardearon|bombardeado|bombardea|bombardean|bomba|bombas",
            "pt": "bombardeio|bombardeios|bombardeamento|bombardeou|bombardearam|bombardeado|bombardeia|bombardeiam|bomba|bombas",
            "de": "bombardierung|bombardiert|bombardierte|bombardieren|bombe|bomben|beschuss|beschossen|beschoss|beschießt",
            "ru": "бомб*|обстрел*",
            "tr": "bombalama*|bombaladı|bombalandı|bomba|bombardıman",
            "ar": "قصف|قصفت|قنبلة|قنابل",
        },
        "missile / rocket / drone": {
            "en": "missile|missiles|rocket|rockets|drone|drones",
            "id": "rudal|roket|drone|pesawat nirawak",
            "fr": "missile|missiles|roquette|roquettes|drone|drones",
            "es": "misil|misiles|cohete|cohetes|dron|drones",
            "pt": "míssil|mísseis|foguete|foguetes|drone|drones",
            "de": "rakete|raketen|drohne|drohnen",
            "ru": "ракет*|беспилотник*|дрон*",
            "tr": "füze*|siha|roket*",
            "ar": "صاروخ|صواريخ|مسيرة|مسيرات|طائرة مسيرة",
        },
        "fire / shoot": {
            "en": "fired|opened fire|gunfire|shooting|shot dead|gunmen",
            "id": "menembak|menembakkan|ditembak|ditembakkan|ditembaki|tembakan|penembakan|melepaskan tembakan",
            "fr": "tirs|tir|tiré|ouvert le feu|fusillade|coups de feu",
            "es": "disparos|disparó|dispararon|disparan|abrió fuego|abrieron fuego|tiroteo|balacera",
            "pt": "disparos|disparou|dispararam|disparam|abriu fogo|abriram fogo|tiroteio|tiros",
            "de": "schüsse|schusswechsel|feuerte|eröffnete das feuer",
            "ru": "стрельб*|открыл огонь|открыли огонь|выстрел*",
            "tr": "ateş açtı|ateş açıldı|fırlattı",
            "ar": "إطلاق نار|أطلق النار|رصاص",
        },
        "kill / wound": {
            "en": "killed|killing|kills|wounded|casualties|assassinated|assassination",
            "id": "menewaskan|tewas|terbunuh|membunuh|dibunuh",
            "fr": "tué|tués|tuée|blessés|assassiné|assassinée|assassinat",
            "es": "mató|mataron|muertos|asesinados|asesinado|asesinada|asesinato|heridos",
            "pt": "matou|mataram|mortos|assassinado|assassinada|assassinato|feridos",
            "de": "getötet|tötete|töteten|ermordet|verwundet",
            "ru": "убит*|погиб*|ранен*|убил*",
            "tr": "öldürüldü|öldürdü|yaralandı",
            "ar": "مقتل|قتل|قتلى|جرحى|اغتيال|اغتال",
        },
        "intercept / shoot down": {
            "en": "intercepted|intercepts|interception|shot down|downed",
            "id": "dicegat|mencegat|pencegatan|menembak jatuh|ditembak jatuh",
            "fr": "intercepté|interceptée|interceptés|interception|abattu|abattue|abattus",
            "es": "interceptado|interceptó|interceptaron|derribado|derribó|derribaron|derriban",
            "pt": "interceptado|intercetado|interceptou|intercetou|abatido|abateu|abateram",
            "de": "abgefangen|abgeschossen|abschuss|fing ab|fingen ab",
            "ru": "перехвач*|сбит*|сбил*",
            "tr": "düşürüldü|düşürdü|imha edildi",
            "ar": "اعتراض|أسقط|أسقطت|إسقاط",
        },
        "clash / fighting": {
            "en": "clash|clashes|clashed|fighting|hostilities|skirmish|skirmishes|firefight",
            "id": "pertempuran|bertempur|baku tembak|bentrokan|kontak senjata",
            "fr": "affrontement|affrontements|combats|accrochages|hostilités|se sont affrontés",
            "es": "enfrentamientos|enfrentamiento|combates|choques|hostilidades|escaramuzas",
            "pt": "confrontos|confronto|combates|choques|hostilidades",
            "de": "kämpfe|gefechte|zusammenstöße|zusammenstoß|feindseligkeiten",
            "ru": "боев*|бои|столкновени*|сражени*",
            "tr": "çatışma*|çatıştı",
            "ar": "اشتباكات|اشتباك|معارك|معركة|مواجهات",
        },
        "offensive / capture": {
            "en": "offensive|counteroffensive|counter-offensive|captured|recaptured",
            "id": "ofensif",
            "fr": "offensive|contre-offensive|capturé|capturée|s'est emparé|se sont emparés",
            "es": "ofensiva|contraofensiva",
            "pt": "ofensiva|contraofensiva",
            "de": "offensive|gegenoffensive|erobert|eroberte|eroberten|vormarsch|vorstoß",
            "ru": "наступлени*|контрнаступлени*|захватил*|захвачен*",
            "tr": "taarruz*|ele geçirdi|ele geçirildi",
            "ar": "هجوم مضاد|سيطرت على|سيطر على",
        },
        "invade / raid / incursion": {
            "en": "invasion|invaded|invades|invade|raid|raids|raided|incursion|incursions",
            "id": "invasi|menginvasi|agresi",
            "fr": "invasion|envahi|envahie|envahissent|envahir|raid|raids|incursion|incursions",
            "es": "invasión|invadió|invadieron|invadido|incursión|incursiones",
            "pt": "invasão|invadiu|invadiram|invadido|incursão|incursões",
            "de": "invasion|eingedrungen|einmarsch|einmarschiert|überfiel",
            "ru": "вторжени*|вторгл*",
            "tr": "işgal*|istila",
            "ar": "اجتياح|غزو|توغل|اقتحام",
        },
        "deploy / exercise": {
            "en": "deployed|deployment|deploys|manoeuvres|maneuvers|military exercise|military exercises|military drills",
            "id": "mengerahkan|dikerahkan|pengerahan|latihan militer|latihan perang|manuver",
            "fr": "déployé|déployés|déploiement|manœuvres|exercices militaires|exercice militaire",
            "es": "desplegado|desplegados|despliegue|desplegó|desplegaron|maniobras|ejercicios militares",
            "pt": "manobras|exercícios militares",
            "de": "stationiert|entsandt|stationierung|entsendung|manöver|militärübung",
            "ru": "военные учения|учения",
            "tr": "tatbikat*|konuşlandırdı|konuşlandırıldı",
            "ar": "مناورات|تدريبات عسكرية",
        },
        "military operation": {
            "en": "military operation|military operations",
            "id": "operasi militer",
            "fr": "opération militaire|opérations militaires",
            "es": "operación militar|operaciones militares",
            "pt": "operação militar|operações militares",
            "de": "militäroperation|militäroperationen|militäreinsatz",
            "ru": "спецоперац*|военная операция|военной операции|военную операцию",
            "tr": "operasyon*|harekat*|harekât*",
            "ar": "عملية عسكرية|عمليات عسكرية",
        },
        "explosion": {
            "en": "explosion|explosions|blast|detonated",
            "id": "ledakan|meledak|diledakkan",
            "fr": "explosion|explosions",
            "es": "explosión|explosiones",
            "pt": "explosão|explosões",
            "de": "explosion|explosionen",
            "ru": "взрыв*",
            "tr": "patlama*",
            "ar": "انفجار|تفجير",
        },
    },
}

# Words of a concept that are left out of the cues, and why: their common unrelated sense.
LEFT_OUT: dict[str, dict[str, str]] = {
    "decision": {
        "en passed": "passed away, passed through, passed by",
        "en order": "in order to, world order, law and order",
        "en delayed": "flights and deliveries are delayed too",
        "fr impose": "s'impose (is needed; wins, in sports)",
        "fr ferme": "ferme is also the adjective 'firm' and a farm",
        "es impuesto / pt imposto": "the noun 'tax'",
        "es cerrado / pt fechado": "adjectives: a closed door, a closed meeting",
        "id kebijakan": "'policy' names standing policies far more than a new decision",
        "ar أمر / علق / منع": "'matter', 'commented', 'prevented'",
        "ru принял": "принял участие (took part), принял делегацию (received)",
        "tr kabul etti": "also 'received (a visitor)', 'admitted'",
    },
    "appointment": {
        "en succeeded": "succeeded in (managed to)",
        "en fired": "a weapon fired: a military_action cue",
        "en quit": "a withdrawal cue ('quit the treaty')",
        "es sucede / pt sucede": "'happens' (lo que sucede)",
        "es despidió": "se despidió (said goodbye)",
        "de berufen": "sich berufen auf (invoke)",
        "de gefeuert": "also a weapon fired",
        "id menggantikan / pengganti": "'replace / substitute' of any thing",
        "id menjabat": "'yang menjabat sebagai' describes an office held, not taking it",
    },
    "military_action": {
        "en launched / fr lancé / es lanzó / id meluncurkan / ru запустил": "a campaign, an investigation, a product",
        "en battle / fought": "legal battle, battle against corruption",
        "en war / id perang": "trade war, war of words; would outrank sanction and statement",
        "en assault": "sexual assault, a legal_action that this priority would beat",
        "en occupied / occupation / ar احتلال": "the occupied territories: a description, not a happening",
        "en seized": "seized assets, seized drugs (legal_action)",
        "fr morts": "the dead of floods and accidents",
        "id merebut / menduduki": "merebut medali, menduduki peringkat (win a medal, rank)",
        "de kämpften / gekämpft": "fought for rights",
        "tr baskın": "also 'dominant'",
        "ar اعترض / نشر": "'objected', 'published'",
        "ru учени*": "ученик (pupil), учение (teaching)",
    },
}


def _taxonomy() -> dict:
    return json.loads(TAXONOMY.read_text(encoding="utf-8"))


def _covered(word: str, cues: list[str], lang: str) -> bool:
    """Whether a cue of `cues` (one type, one language) matches all of `word` (a stem: is there)."""
    if word in cues:
        return True
    text = word.rstrip("*").lstrip("*")
    pattern = enrich._compile({lang: cues}, {lang}) if cues else None
    if pattern is None:
        return False
    folded = enrich._normalise_cue_text(text)
    return any(m.start() == 0 and m.end() == len(folded) for m in pattern.finditer(folded))


def lacking(data: dict) -> dict[tuple[str, str, str], list[str]]:
    """(type, concept, language) -> the concept's words no cue of the type in that language covers."""
    found = {}
    for event_type, concepts in CONCEPTS.items():
        lists = data["types"][event_type]["cues"]
        for concept, by_lang in concepts.items():
            for lang in LANGS:
                words = _forms(by_lang.get(lang, ""))
                missing = [w for w in words if not _covered(w, lists.get(lang, []), lang)]
                if missing:
                    found[(event_type, concept, lang)] = missing
    return found


def _zipf(word: str, lang: str) -> float:
    import wordfreq
    return wordfreq.zipf_frequency(word.strip("*").replace("-", " "), lang)


def _read_as(word: str, lang: str) -> str:
    """The type classify_event gives the word alone (a stem: its bare stem)."""
    return enrich.classify_event(word.strip("*"), lang)[0]


def _stem_neighbours(stem: str, lang: str, own: set[str], limit: int = 8) -> list[str]:
    """Frequent words of the language that the stem cue matches but the concept table does not list."""
    import wordfreq
    pattern = re.compile(enrich._cue_regex(stem, lang), re.IGNORECASE)
    hits = []
    for word in wordfreq.top_n_list(lang, TOP_WORDS):
        if word not in own and pattern.fullmatch(word):
            hits.append(word)
            if len(hits) >= limit:
                break
    return hits


def report(data: dict, words: bool) -> None:
    missing = lacking(data)
    for event_type, concepts in CONCEPTS.items():
        print(f"== {event_type} (priority {data['types'][event_type].get('priority')})")
        for concept, by_lang in concepts.items():
            gaps = [(lang, missing[(event_type, concept, lang)]) for lang in LANGS
                    if (event_type, concept, lang) in missing]
            absent = [lang for lang in LANGS if lang not in by_lang]
            line = ", ".join(f"{lang}({len(ws)})" for lang, ws in gaps) or "complete"
            print(f"  {concept:42} lacks: {line}" + (f"   [no words listed: {' '.join(absent)}]" if absent else ""))
            if words:
                for lang, ws in gaps:
                    print(f"      {lang}: {' | '.join(ws)}")
    print(f"\n{sum(len(v) for v in missing.values())} words lacking")


def clashes(data: dict) -> None:
    """Concept words that alone are read as another type (or rare as words), and the frequent
    other words each stem cue of the three types' lists would catch."""
    for event_type, concepts in CONCEPTS.items():
        own = {lang: {w for by_lang in concepts.values() for w in _forms(by_lang.get(lang, ""))} for lang in LANGS}
        print(f"== {event_type}")
        for concept, by_lang in concepts.items():
            for lang, text in by_lang.items():
                for word in _forms(text):
                    read = _read_as(word, lang)
                    zipf = _zipf(word, lang)
                    if read != event_type or zipf < MIN_ZIPF:
                        print(f"  {lang} {word!r}: read as {read or '-'}, zipf {zipf:.1f}")
        for lang in LANGS:
            for cue in data["types"][event_type]["cues"].get(lang, []):
                if cue.endswith("*") and not cue.startswith("*"):
                    others = _stem_neighbours(cue, lang, own[lang])
                    if others:
                        print(f"  stem {lang} {cue!r} also: {', '.join(others)}")


def apply(data: dict) -> int:
    """Append every lacking word to its type's list for its language; refuse words that are not
    words of their language. Returns how many were added."""
    added = 0
    rare = []
    for (event_type, _concept, lang), words in lacking(data).items():
        cues = data["types"][event_type]["cues"]
        if lang not in cues:
            continue                   # no new language keys: another branch adds languages
        for word in words:
            if _zipf(word, lang) < MIN_ZIPF:
                rare.append(f"{lang} {word}")
                continue
            if word not in cues[lang]:
                cues[lang].append(word)
                added += 1
    if rare:
        print("not added, too rare to be general words:", "; ".join(rare))
    TAXONOMY.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return added


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", action="store_true", help="print the lacking words")
    parser.add_argument("--clashes", action="store_true", help="words read as another type; stems' other words")
    parser.add_argument("--apply", action="store_true", help="append the lacking words to the json")
    args = parser.parse_args()
    data = _taxonomy()
    if args.apply:
        print(f"added {apply(data)} cues to {TAXONOMY.relative_to(ROOT)}")
        return
    if args.clashes:
        clashes(data)
        return
    report(data, args.words)


if __name__ == "__main__":
    main()
