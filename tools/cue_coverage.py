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
            "en": "decided|decides|decision|decisions|decide",
            "id": "memutuskan|diputuskan|keputusan|diputus",
            "fr": "décidé|décidée|décide|décident|décision|décisions|décider|décida|décidés|décidées|décidera",
            "es": "decidió|decidieron|decidido|decide|deciden|decisión|decisiones|decidir|decidida|decidan|decidirá",
            "pt": "decidiu|decidiram|decidido|decide|decidem|decisão|decisões|decidir|decidida|decididos",
            "de": "entschied|entschieden|entscheidet|entscheidung|beschloss|beschlossen|beschließt|beschluss|beschlüsse|entscheiden|entscheidungen|beschlossene|*beschluss|*beschlüsse|*entscheidung",
            "ru": "решил*|решени*",
            "tr": "karar*",
            "ar": "قرر|قرار|قررت|تقرر",
        },
        "approve": {
            "en": "approved|approves|approval|approve|approving",
            "id": "mengesahkan|disahkan|pengesahan|disetujui",
            "fr": "approuvé|approuvée|approuvés|approuvées|approuve|approuvent|approbation|validé|validée|approuver",
            "es": "aprobó|aprobaron|aprobado|aprobada|aprobados|aprobadas|aprueba|aprueban|aprobación|aprobar|apruebe",
            "pt": "aprovou|aprovaram|aprovado|aprovada|aprovados|aprovadas|aprova|aprovam|aprovação|aprovar",
            "de": "genehmigt|genehmigte|genehmigung|billigt|billigte|gebilligt|zugestimmt|genehmigen|genehmigten|billigen|billigung|*genehmigung",
            "ru": "одобрил*|одобрен*|утвердил*|утвержден*",
            "tr": "onay*",
            "ar": "وافق|موافقة|أقر|أقرت",
        },
        "adopt / enact": {
            "en": "adopted|adopts|enacted|enacts|adoption|enact|enactment",
            "id": "mengadopsi|diadopsi|memberlakukan|diberlakukan|pemberlakuan|diberlakukannya",
            "fr": "adopté|adoptée|adoptés|adoptées|adopte|adoptent|promulgué|promulguée|promulgue|promulgation|adopter|adopta|promulguer",
            "es": "adoptó|adoptaron|adoptado|adoptada|adopta|promulgó|promulgado|promulgada|promulga|adoptar|adoptan|adoptadas|adoptados|adopción|promulgar|promulgación",
            "pt": "adotou|adotaram|adotado|adotada|adota|promulgou|promulgado|promulgada|promulga|adotar|adotadas|adotados|adotam|promulgação",
            "de": "erlassen|erließ|erlässt|erlassene",
            "tr": "yürürlüğe girdi",
        },
        "reject / veto": {
            "en": "rejected|rejects|rejection|vetoed|vetoes|veto|overturned|reject|overturn",
            "id": "menolak|ditolak|penolakan|memveto|veto|menolaknya|ditolaknya",
            "fr": "rejeté|rejetée|rejetés|rejette|rejettent|veto",
            "es": "rechazó|rechazaron|rechazado|rechazada|rechaza|rechazan|rechazo|vetó|veto|rechazar|rechazados|rechazadas",
            "pt": "rejeitou|rejeitaram|rejeitado|rejeitada|rejeita|rejeitam|rejeição|vetou|veto|rejeitar|rejeitados|rejeitadas",
            "de": "abgelehnt|ablehnung|veto|ablehnen|ablehnt|ablehnte|abgelehnte|abgelehnten",
            "ru": "отклонил*|отклонен*|отверг*|вето",
            "tr": "reddetti|reddedildi|veto|reddet*|redded*",
            "ar": "رفض|رفضت|فيتو",
        },
        "ratify": {
            "en": "ratified|ratifies|ratification|ratify",
            "id": "meratifikasi|diratifikasi|ratifikasi",
            "fr": "ratifié|ratifiée|ratifie|ratifient|ratification|ratifier",
            "es": "ratificó|ratificado|ratificada|ratifica|ratificación",
            "pt": "ratificou|ratificaram|ratificado|ratificada|ratifica|ratificação|ratificar",
            "de": "ratifiziert|ratifizierte|ratifizierung",
            "ru": "ратифицир*|ратификаци*",
            "ar": "صادق|مصادقة",
        },
        "postpone": {
            "en": "postponed|postpones|postponement|deferred|postpone|deferral",
            "id": "menunda|ditunda|penundaan",
            "fr": "reporté|reportée|reporte|reportent|ajourné|ajournée|ajournement|repoussé|repoussée",
            "es": "postergó|postergado|postergada|posterga|aplazó|aplazado|aplazada|aplaza|aplazamiento|pospuso|pospuesto|pospuesta|posponer|aplazar",
            "pt": "adiou|adiaram|adiado|adiada|adia|adiamento|adiar|adiados|adiadas",
            "de": "verschoben|verschob|verschiebt|verschiebung|vertagt|vertagte|verschieben",
            "ru": "отложил*|отложен*|перенесл*",
            "tr": "erteledi|ertelendi|erteleme|ertele*",
            "ar": "تأجيل|أرجأ|تأجل",
        },
        "extend": {
            "en": "extended|extends",
            "id": "memperpanjang|diperpanjang|perpanjangan|perpanjang",
            "fr": "prolongé|prolongée|prolonge|prolongent|prolongation|prolonger|prolongées|prolongés|prolongera",
            "es": "prorrogó|prorrogado|prorrogada|prorroga|prórroga|prorrogar",
            "pt": "prorrogou|prorrogado|prorrogada|prorroga|prorrogação",
            "de": "verlängert|verlängerte|verlängerung|verlängern|verlängerten|*verlängerung",
            "ru": "продлил*|продлен*",
            "tr": "uzattı|uzatıldı",
            "ar": "تمديد",
        },
        "suspend": {
            "en": "suspended|suspends|suspension|suspend",
            "id": "menangguhkan|ditangguhkan|penangguhan|membekukan|dibekukan",
            "fr": "suspendu|suspendue|suspend|suspendent|suspension|suspendre|suspendus|suspendues",
            "es": "suspendió|suspendieron|suspendido|suspendida|suspende|suspensión|suspender|suspendidos|suspendidas|suspenden|suspenderá",
            "pt": "suspendeu|suspenderam|suspenso|suspensa|suspende|suspensão|suspender",
            "de": "ausgesetzt|aussetzung|suspendiert|setzte aus|aussetzen",
            "ru": "приостановил*|приостановлен*",
            "tr": "askıya aldı|askıya alındı",
        },
        "ban": {
            "en": "banned|bans|ban|prohibited|prohibits|prohibition|outlawed|prohibit|outlaw",
            "id": "melarang|dilarang|larangan|larang",
            "fr": "interdit|interdite|interdits|interdisent|interdiction|interdire",
            "es": "prohibió|prohibido|prohibida|prohíbe|prohibición|prohibir|prohibidos|prohibidas|prohibe|prohiben|prohibieron|prohíben",
            "pt": "proibiu|proibido|proibida|proíbe|proibição|proibir|proibidos|proibidas|proíbem|proibiram",
            "de": "verboten|verbietet|verbot|verbote|verbieten|*verbot|*verbote",
            "ru": "запрет*",
            "tr": "yasakladı|yasaklandı|yasak",
            "ar": "حظر",
        },
        "order": {
            "en": "ordered|orders",
            "id": "memerintahkan|diperintahkan|menginstruksikan|instruksi",
            "fr": "ordonné|ordonnée|ordonne|ordonnent|ordonnance|ordonner|ordonna|ordonnances",
            "es": "ordenó|ordenaron|ordenado|ordenada|ordena|ordenar|ordenan",
            "pt": "ordenou|ordenaram|ordenado|ordenada|ordena|ordenar",
            "de": "angeordnet|anordnung|ordnete an|ordnet an|befahl|befohlen|befiehlt|anordnungen|anordnen",
            "ru": "приказал*|приказ|распорядил*|поручил*",
            "tr": "emretti|talimat verdi",
        },
        "law / decree / bill / budget / measures": {
            "en": "decree|decreed|law|laws|legislation|bill|resolution|budget|measures|regulation|regulations|ordinance|amendment|executive order|bills|amendments",
            "id": "dekrit|undang-undang|rancangan undang-undang|ruu|peraturan|perppu|perpres|resolusi|anggaran|regulasi|amandemen",
            "fr": "décret|décrété|décrète|loi|lois|projet de loi|résolution|budget|mesures|ordonnance|amendement|décrets|résolutions|amendements|budgets",
            "es": "decreto|decretó|ley|leyes|proyecto de ley|resolución|presupuesto|medidas|reglamento|enmienda|ordenanza|presupuestos",
            "pt": "decreto|decretou|lei|leis|projeto de lei|projecto de lei|resolução|orçamento|medidas|regulamento|emenda|portaria|emendas",
            "de": "dekret|erlass|gesetz|gesetze|gesetzes|gesetzentwurf|gesetzesentwurf|gesetzgebung|*gesetz|verordnung|resolution|haushalt|maßnahmen|gesetzen|gesetzes*|*dekret|*verordnung|*erlass|*haushalt",
            "ru": "закон|закона|законом|законы|законов|закону|законе|законопроект*|законодательств*|указ|указа|указом|указе|указы|резолюци*|бюджет*|постановлени*",
            "tr": "kanun*|yasa*|kararname*|bütçe*|tasarı|tasarısı|tedbir*",
            "ar": "قانون|قوانين|مرسوم|مشروع قانون|ميزانية|موازنة|تشريع|تشريعات",
        },
        "state of emergency / curfew": {
            "en": "state of emergency|declared a state of|curfew",
            "id": "keadaan darurat|status darurat|jam malam",
            "fr": "état d'urgence|couvre-feu",
            "es": "estado de emergencia|estado de excepción|toque de queda",
            "pt": "estado de emergência|estado de sítio|toque de recolher",
            "de": "ausnahmezustand|notstand|ausgangssperre|*ausnahmezustand|*ausgangssperre",
            "ru": "чрезвычайное положение|чрезвычайного положения|комендантский час",
            "tr": "olağanüstü hal",
            "ar": "حالة الطوارئ|حظر التجول",
        },
        "enter into force": {
            "en": "entered into force|came into force|comes into force|took effect|takes effect|went into effect|goes into effect",
            "id": "mulai berlaku|berlaku efektif",
            "fr": "en vigueur",
            "es": "en vigor",
            "pt": "em vigor",
            "de": "in kraft",
            "ru": "вступил* в силу",
            "tr": "yürürlüğe",
            "ar": "حيز التنفيذ",
        },
        "close / reopen / dissolve / revoke": {
            "en": "closed|closes|reopened|dissolved|dissolves|imposed|imposes|lifted|revoked|abolished|abolish|dissolution|dissolve|closure",
            "id": "menutup|ditutup|penutupan|membuka kembali|dibuka kembali|membubarkan|dibubarkan|pembubaran|mencabut|dicabut|pencabutan",
            "fr": "fermé|fermée|fermeture|rouvert|rouverte|réouverture|dissous|dissolution|imposé|imposée|abrogé|abrogée|aboli|abolie|fermés|fermées|abolition",
            "es": "cerró|cierre|reabrió|reapertura|disolvió|disolución|impuso|derogó|derogada|abolió|cerrar|cierra|cerraron",
            "pt": "fechou|encerrou|encerramento|reabriu|reabertura|dissolveu|dissolução|impôs|revogou|revogada|aboliu|fechar|encerrar|fecharam",
            "de": "geschlossen|schließt|schließung|wiedereröffnet|wiedereröffnung|aufgelöst|auflösung|verhängt|verhängte|aufgehoben|abgeschafft|auflösen|*schließung|*auflösung",
            "ru": "распустил*|отменил*|отменен*|закрыл*",
            "tr": "kapattı|kapatıldı|feshetti|iptal*",
            "ar": "ألغى|إلغاء|أغلق|إغلاق",
        },
    },
    "appointment": {
        "appoint": {
            "en": "appointed|appoints|appoint|appointment|named as|appointee|appointees|appointing|reshuffle",
            "id": "menunjuk|ditunjuk|penunjukan|mengangkat|diangkat|pengangkatan|reshuffle|perombakan kabinet|merombak kabinet|serah terima jabatan",
            "fr": "nommé|nommée|nommés|nommées|nomme|nomment|nomination|désigné|désignée|nommer|nomma|désignation|remaniement",
            "es": "nombrado|nombrada|nombrados|nombra|nombró|nombraron|nombramiento|designado|designada|designa|designó|designaron|designación|nombrar|designar|nombramientos|designados|designadas|designaciones",
            "pt": "nomeado|nomeada|nomeados|nomeia|nomeou|nomearam|nomeação|designado|designada|designou|nomear|nomeações|nomeadas|designação|designados|remodelação",
            "de": "ernannt|ernannte|ernennt|ernennung|ernennen|ernannten|kabinettsumbildung|regierungsumbildung",
            "ru": "назначен*|назначил*",
            "tr": "atandı|atadı|atama|ataması|atamalar|atamaları|atanan|atand*",
            "ar": "تعيين|عين|عينت|تم تعيين",
        },
        "nominate": {
            "en": "nominated|nominates|nomination|nominee|nominate|nominating|nominees",
            "es": "nominado|nominada|nominación",
            "de": "nominiert|nominierte|nominierung|nominierten|nominieren",
        },
        "swear in / inaugurate": {
            "en": "sworn in|sworn|swore in|inaugurated|inauguration|oath of office",
            "id": "dilantik|melantik|pelantikan|disumpah|pengambilan sumpah|mengambil sumpah",
            "fr": "investi|investie|investiture|prête serment|prêté serment|a prêté serment|assermenté|assermentée",
            "es": "juramentó|juró|juramento|juramentado|juramentada|investidura|investido|investida|toma de posesión|posesionó|prestó juramento",
            "pt": "empossado|empossada|tomou posse|toma posse|posse|tomada de posse|prestou juramento|investidura",
            "de": "vereidigt|vereidigte|vereidigung|amtseid|amtseinführung|*vereidigung",
            "ru": "инаугураци*|присяг*",
            "tr": "yemin etti|göreve başladı|yemin et*",
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
            "de": "trat zurück|tritt zurück|zurückgetreten|rücktritt|zurücktreten|*rücktritt",
            "ru": "отставк*",
            "tr": "istifa|istifası|istifasını|istifaya|istifa etti|istifa et*",
            "ar": "استقال|استقالت|استقالة",
        },
        "dismiss": {
            "en": "dismissed|dismisses|sacked|removed from office|relieved of",
            "id": "dicopot|mencopot|pencopotan|diberhentikan|memberhentikan|pemberhentian|memecat|dipecat|pemecatan",
            "fr": "limogé|limogée|limoge|limogeage|destitué|destituée|destitue|destitution|révoqué|révoquée",
            "es": "destituido|destituida|destituye|destituyó|destitución|cesado|cesada|relevado|relevada|despedido",
            "pt": "demitido|demitida|demitiu|demite|exonerado|exonerada|exonerou|exonera|exoneração|destituído|destituída|destituiu|destituição|demitir|demitiram|exonerar|destituir|destituídos|demitidos",
            "de": "entlassen|entlässt|entließ|entlassung|abgesetzt|absetzung|absetzen|abgesetzten|*entlassung",
            "ru": "уволил*|уволен*|снял с должности|снят с должности",
            "tr": "görevden alındı|görevden aldı|görevden alınan|görevden alma|görevden alın*",
            "ar": "أقال|أقالت|إقالة|أقيل",
        },
        "successor": {
            "en": "successor",
            "fr": "successeur|succède|succédé|succéder|successeurs",
            "es": "sucesor|sucesora",
            "pt": "sucessor|sucessora",
            "de": "nachfolger|nachfolgerin|nachfolge|*nachfolger|*nachfolgerin",
            "ru": "преемник*",
            "tr": "halefi",
        },
    },
    "military_action": {
        "attack": {
            "en": "attack|attacks|attacked|attacking|attackers",
            "id": "serang|serangan|serangannya|menyerang|diserang|penyerangan|menyerbu|diserbu|serbuan",
            "fr": "attaque|attaques|attaqué|attaquée|attaqués|attaquent|attaquer|assaut|attentat|attentats",
            "es": "ataque|ataques|atacó|atacaron|atacado|atacada|atacados|ataca|atacan|atacar|asalto|atentado|atentados|atacando|ataquen",
            "pt": "ataque|ataques|atacou|atacaram|atacado|atacada|atacados|ataca|atacam|atacar|atentado|atentados|atacando",
            "de": "angegriffen|angriff|angriffe|angreifen|anzugreifen|griff an|griffen an|überfall|*anschlag|anschläge|angreift|überfallen|anschlägen",
            "ru": "атак*|напал*|нападени*",
            "tr": "saldırı*|saldırdı|saldırd*",
            "ar": "هجوم|هجمات|هاجم|هاجمت|اعتداء",
        },
        "strike": {
            "en": "strike|strikes|struck|airstrike|airstrikes|air strike|air strikes|drone strike|missile strike",
            "id": "serangan udara|gempuran|menggempur|digempur",
            "fr": "frappe|frappes|frappé|frappée|frappés|frappent",
            "de": "luftschlag|luftschläge|militärschlag|*luftschlag|*luftschläge|gegenschlag",
            "ru": "удар*",
            "tr": "vurdu|vuruldu|hava saldırısı",
            "ar": "ضربة|ضربات|غارة|غارات",
        },
        "bomb / shell": {
            "en": "bombing|bombings|bombed|bomb|bombs|bombardment|bombarded|shelling|shelled|shells",
            "id": "mengebom|dibom|pengeboman|pemboman|bom|membombardir|dibombardir",
            "fr": "bombardement|bombardements|bombardé|bombardée|bombardés|bombarde|bombardent|bombarder|bombe|bombes|pilonné|pilonnage|obus",
            "es": "bombardeo|bombardeos|bombardeó|bombardearon|bombardeado|bombardea|bombardean|bomba|bombas|bombardear|bombardeando",
            "pt": "bombardeio|bombardeios|bombardeamento|bombardeou|bombardearam|bombardeado|bombardeia|bombardeiam|bomba|bombas|bombardear|bombardeamentos",
            "de": "bombardierung|bombardiert|bombardierte|bombardieren|bombe|bomben|beschuss|beschossen|beschoss|beschießt|*beschuss|*bombe|*bomben|*bombardierung",
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
            "en": "fired|opened fire|gunfire|shooting|shot dead|gunmen|shootings|gunman|shootout",
            "id": "menembak|menembakkan|ditembak|ditembakkan|ditembaki|tembakan|penembakan|melepaskan tembakan|tembak",
            "fr": "tirs|tir|tiré|ouvert le feu|fusillade|coups de feu|fusillades|fusillé",
            "es": "disparos|disparó|dispararon|disparan|abrió fuego|abrieron fuego|tiroteo|balacera|disparo|disparar|disparando",
            "pt": "disparos|disparou|dispararam|disparam|abriu fogo|abriram fogo|tiroteio|tiros|disparo|disparar|disparando",
            "de": "schüsse|schusswechsel|feuerte|eröffnete das feuer|*schüsse",
            "ru": "стрельб*|открыл огонь|открыли огонь|выстрел*",
            "tr": "ateş açtı|ateş açıldı|fırlattı",
            "ar": "إطلاق نار|أطلق النار|رصاص",
        },
        "kill / wound": {
            "en": "killed|killing|kills|wounded|casualties|assassinated|assassination|killings|assassinate",
            "id": "menewaskan|tewas|terbunuh|membunuh|dibunuh",
            "fr": "tué|tués|tuée|blessés|assassiné|assassinée|assassinat|blessé|blessée|assassiner|assassinés|assassinats",
            "es": "mató|mataron|muertos|asesinados|asesinado|asesinada|asesinato|heridos|matar|matan|herido|asesinar|asesinatos",
            "pt": "matou|mataram|mortos|assassinado|assassinada|assassinato|feridos|matar|matando|matam|ferido|assassinados|assassinatos",
            "de": "getötet|tötete|töteten|ermordet|verwundet|töten|tötet|ermordung|ermordeten|getöteten|getötete|verwundeten|verwundete",
            "ru": "убит*|погиб*|ранен*|убил*",
            "tr": "öldürüldü|öldürdü|yaralandı|öldürül*|öldürd*",
            "ar": "مقتل|قتل|قتلى|جرحى|اغتيال|اغتال",
        },
        "intercept / shoot down": {
            "en": "intercepted|intercepts|interception|shot down|downed",
            "id": "dicegat|mencegat|pencegatan|menembak jatuh|ditembak jatuh",
            "fr": "intercepté|interceptée|interceptés|interception|abattu|abattue|abattus|abattre|intercepter",
            "es": "interceptado|interceptó|interceptaron|derribado|derribó|derribaron|derriban|derribar",
            "pt": "interceptado|intercetado|interceptou|intercetou|abatido|abateu|abateram|interceptar",
            "de": "abgefangen|abgeschossen|abschuss|fing ab|fingen ab",
            "ru": "перехвач*|сбит*|сбил*",
            "tr": "düşürüldü|düşürdü|imha edildi",
            "ar": "اعتراض|أسقط|أسقطت|إسقاط",
        },
        "clash / fighting": {
            "en": "clash|clashes|clashed|fighting|hostilities|skirmish|skirmishes|firefight",
            "id": "pertempuran|bertempur|baku tembak|bentrokan|kontak senjata",
            "fr": "affrontement|affrontements|combats|accrochages|hostilités|se sont affrontés|accrochage",
            "es": "enfrentamientos|enfrentamiento|combates|choques|hostilidades|escaramuzas|escaramuza",
            "pt": "confrontos|confronto|combates|choques|hostilidades",
            "de": "kämpfe|gefechte|zusammenstöße|zusammenstoß|feindseligkeiten|*gefechte",
            "ru": "боев*|бои|столкновени*|сражени*",
            "tr": "çatışma*|çatıştı",
            "ar": "اشتباكات|اشتباك|معارك|معركة|مواجهات",
        },
        "offensive / capture": {
            "en": "offensive|counteroffensive|counter-offensive|captured|recaptured|recapture",
            "id": "ofensif",
            "fr": "offensive|contre-offensive|capturé|capturée|s'est emparé|se sont emparés",
            "es": "ofensiva|contraofensiva",
            "pt": "ofensiva|contraofensiva",
            "de": "offensive|gegenoffensive|erobert|eroberte|eroberten|vormarsch|vorstoß|erobern|eroberung|bodenoffensive|militäroffensive",
            "ru": "наступлени*|контрнаступлени*|захватил*|захвачен*",
            "tr": "taarruz*|ele geçirdi|ele geçirildi",
            "ar": "هجوم مضاد|سيطرت على|سيطر على",
        },
        "invade / raid / incursion": {
            "en": "invasion|invaded|invades|invade|raid|raids|raided|incursion|incursions",
            "id": "invasi|menginvasi|agresi",
            "fr": "invasion|envahi|envahie|envahissent|envahir|raid|raids|incursion|incursions|envahit",
            "es": "invasión|invadió|invadieron|invadido|incursión|incursiones|invadir|invaden",
            "pt": "invasão|invadiu|invadiram|invadido|incursão|incursões|invadir|invadem",
            "de": "invasion|eingedrungen|einmarsch|einmarschiert|überfiel|*einmarsch",
            "ru": "вторжени*|вторгл*",
            "tr": "işgal*|istila",
            "ar": "اجتياح|غزو|توغل|اقتحام",
        },
        "deploy / exercise": {
            "en": "deployed|deployment|deploys|manoeuvres|maneuvers|military exercise|military exercises|military drills",
            "id": "mengerahkan|dikerahkan|pengerahan|latihan militer|latihan perang|manuver",
            "fr": "déployé|déployés|déploiement|manœuvres|exercices militaires|exercice militaire|déployer|déploie|déploient",
            "es": "desplegado|desplegados|despliegue|desplegó|desplegaron|maniobras|ejercicios militares|desplegar|despliega",
            "pt": "manobras|exercícios militares",
            "de": "stationiert|entsandt|stationierung|entsendung|manöver|militärübung|entsendet|entsandte|stationierten",
            "ru": "военные учения|учения",
            "tr": "tatbikat*|konuşlandırdı|konuşlandırıldı",
            "ar": "مناورات|تدريبات عسكرية",
        },
        "military operation": {
            "en": "military operation",
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
            "en": "explosion|explosions|blast|detonated|detonation|blasts",
            "id": "ledakan|meledak|diledakkan",
            "fr": "explosion|explosions|exploser|explosé",
            "es": "explosión|explosiones",
            "pt": "explosão|explosões|explodiu|explodiram",
            "de": "explosion|explosionen|*explosion|*explosionen",
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
        "de verabschiedet": "sich verabschieden (say goodbye); the law it passes is a cue",
        "de lehnte (ab)": "lehnte sich (leaned)",
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
        "id menggantikan (alone)": "replaces any thing; the office changing hands is reshuffle, serah terima jabatan",
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
        "en military operations": "the office of a Director General of Military Operations",
        "de *offensive / *schlag / *kämpfe / *manöver": "Charmeoffensive, Vorschlag, Wahlkämpfe, Ablenkungsmanöver",
        "es dispara / pt dispara, disparado": "prices soar (se dispara)",
        "ar اعترض / نشر": "'objected', 'published'",
        "ru учени*": "ученик (pupil), учение (teaching)",
    },
}


# Longer cues of another type that keep a concept word's other sense there (the longest match
# wins): a labour strike is a protest, a deal struck an agreement.
GUARDS: dict[str, dict[str, str]] = {
    "protest": {"en": "on strike|general strike|hunger strike|strikers|strike action|labour strike|labor strike"},
    "agreement": {"en": "struck a deal|strike a deal"},
}
# Phrases whose cue words say nothing of a happening ("rule of law" is no decision).
IGNORE: dict[str, str] = {
    "en": "rule of law|law enforcement|international law|conflict resolution",
}
# Stems and words taken out of a list: their other sense is the commoner one.
REMOVE: dict[tuple[str, str], dict[str, str]] = {
    ("appointment", "es"): {"sucede": "'happens' (lo que sucede)"},
    ("appointment", "pt"): {"sucede": "'happens'"},
    ("decision", "ru"): {"указ*": "указал, указывает (pointed out): the noun's forms are listed instead",
                         "закон*": "закончил (finished): the noun's forms are listed instead"},
    ("appointment", "tr"): {"istifa*": "istifade (use, benefit)", "atama*": "atamaz, atamam (cannot throw)"},
    ("military_action", "id"): {"serang*": "serangkaian (a series of), serangga (insect)"},
}


def _taxonomy() -> dict:
    return json.loads(TAXONOMY.read_text(encoding="utf-8"))


def _covered(word: str, cues: list[str], lang: str) -> bool:
    """Whether a cue of `cues` (one type, one language) matches all of `word` (a stem: is there)."""
    if word in cues:
        return True
    text = word.strip("*")
    if word.startswith("*"):
        text = "staats" + text          # a compound's last part: some compound must be matched
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


# Words of a dictionary of their language (KBBI, Duden, TDK, ...) that wordfreq's smaller lists of
# the language lack or hold as rarer than MIN_ZIPF: taken as general words all the same.
DICTIONARY_ONLY = {
    "id": {"memveto", "veto", "meratifikasi", "diratifikasi", "ratifikasi", "memangku jabatan",
           "pencopotan", "digempur", "membombardir", "dibombardir", "pesawat nirawak", "ditembaki",
           "pencegatan"},
    "pt": {"intercetou"},
    "tr": {"feshetti", "konuşlandırdı", "konuşlandırıldı"},
}


def _zipf(word: str, lang: str) -> float:
    """wordfreq's Zipf frequency of a word; of a stem (ru "резолюци*"), that of its commonest word."""
    import wordfreq
    if word in DICTIONARY_ONLY.get(lang, ()):
        return MIN_ZIPF
    if " " in word:                      # a phrase: its words as written, stems as their bare stems
        return wordfreq.zipf_frequency(word.replace("*", "").replace("-", " "), lang)
    if word.endswith("*"):
        pattern = re.compile(enrich._cue_regex(word, lang), re.IGNORECASE)
        return max((wordfreq.zipf_frequency(w, lang) for w in wordfreq.top_n_list(lang, TOP_WORDS)
                    if pattern.fullmatch(w)), default=0.0)
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


def family(data: dict, min_zipf: float = 2.5) -> None:
    """Frequent words of each concept word's family (same beginning: the infinitive, other persons,
    the nouns) that no cue of the type covers: candidates to review for CONCEPTS or LEFT_OUT."""
    import wordfreq
    for event_type, concepts in CONCEPTS.items():
        lists = data["types"][event_type]["cues"]
        print(f"== {event_type}")
        for concept, by_lang in concepts.items():
            for lang, text in by_lang.items():
                stems = {w[:max(4, len(w) - 3)] for w in _forms(text) if " " not in w and "*" not in w}
                if not stems:
                    continue
                found = [w for w in wordfreq.top_n_list(lang, TOP_WORDS)
                         if any(w.startswith(stem) for stem in stems)
                         and wordfreq.zipf_frequency(w, lang) >= min_zipf
                         and not _covered(w, lists.get(lang, []), lang)]
                if found:
                    print(f"  {concept} {lang}: {' '.join(found[:25])}")


def apply(data: dict) -> int:
    """Append every lacking word to its type's list for its language; refuse words that are not
    words of their language. Returns how many were added."""
    added = 0
    rare = []
    for (event_type, lang), words in REMOVE.items():
        cues = data["types"][event_type]["cues"][lang]
        cues[:] = [cue for cue in cues if cue not in words]
    for event_type, by_lang in GUARDS.items():
        for lang, text in by_lang.items():
            cues = data["types"][event_type]["cues"][lang]
            new = [w for w in _forms(text) if w not in cues]
            cues.extend(new)
            added += len(new)
    for lang, text in IGNORE.items():
        phrases = data["ignore"][lang]
        phrases.extend(w for w in _forms(text) if w not in phrases)
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
    parser.add_argument("--family", action="store_true", help="frequent words of the concept words' families not covered")
    args = parser.parse_args()
    data = _taxonomy()
    if args.apply:
        print(f"added {apply(data)} cues to {TAXONOMY.relative_to(ROOT)}")
        return
    if args.clashes:
        clashes(data)
        return
    if args.family:
        family(data)
        return
    report(data, args.words)


if __name__ == "__main__":
    main()
