"""Common first names, lower-cased, as written in German and international news.

HanTa does not know many first names ("Ines" comes out as an adjective, "Kraft"
after it as a noun), so names are recognised from this list too; the gender
lets "sie" find the right person.

Each set holds the names as written in lower case and folded ("jürgen" and
"jurgen"), so a lookup works with either ``str.lower`` or ``model.fold``.
"""

from ..model import fold


def _spellings(names: set[str]) -> frozenset[str]:
    return frozenset(names | {fold(n) for n in names})


FEMALE = _spellings({
    "abigail", "ada", "adele", "adelheid", "agathe", "agnes", "aileen", "alessia", "alexandra",
    "alice", "alina", "aline", "alisa", "alison", "allison", "almut", "amelie", "amira", "ana",
    "angela", "angelika", "anja", "anke", "ann", "anna", "annabelle", "annalena", "anne",
    "annegret", "anneliese", "annette", "annika", "antje", "antonia", "ariane", "astrid", "aurelia",
    "ayla", "aylin", "ayse", "barbara", "beate", "beatrice", "beatrix", "beth", "bettina", "bianca",
    "birgit", "brigitte", "britt", "britta", "carina", "carla", "carmen", "carola", "carolin",
    "caroline", "carolyn", "catherine", "cathrin", "celina", "charlott", "charlotte", "chiara",
    "christa", "christiane", "christina", "christine", "claire", "clara", "claudia", "colleen",
    "cornelia", "dagmar", "dana", "daniela", "daria", "deborah", "derya", "diana", "dolores",
    "dora", "doris", "dorothea", "edith", "eileen", "elena", "eleni", "elfriede", "elif", "elisa",
    "elisabeth", "elizabeth", "elke", "ella", "ellen", "elsa", "emilia", "emily", "emine", "emma",
    "emmanuelle", "erika", "esther", "eva", "evelyn", "fatima", "fatma", "franziska", "frauke",
    "frida", "frieda", "friederike", "gabriele", "gerda", "gertrud", "gesine", "giorgia", "gisela",
    "gret", "greta", "gudrun", "gundula", "gwen", "gül", "hanna", "hannah", "hannelore", "hatice",
    "hedwig", "heide", "heidi", "heike", "helen", "helena", "helene", "helga", "henriette", "hilde",
    "hildegard", "hillary", "ida", "ilka", "ilse", "imke", "ines", "inge", "ingeborg", "ingrid",
    "insa", "irene", "irina", "iris", "irmgard", "isabel", "isabella", "isabelle", "jacinda",
    "jacqueline", "jana", "janina", "jasmin", "jennifer", "jessica", "jill", "jocelyn", "johanna",
    "josefine", "judith", "julia", "juliane", "jutta", "kaja", "kamala", "karen", "karin", "karla",
    "katarina", "katharina", "kathleen", "kathrin", "katja", "katrin", "kerstin", "kirsten",
    "klara", "kristin", "kristina", "larissa", "laura", "layla", "lea", "leila", "lena", "leonie",
    "leyla", "lia", "lieselotte", "lilli", "lilly", "lina", "linda", "lisa", "liv", "liz", "lotte",
    "louisa", "lourdes", "lucia", "luisa", "luise", "luzia", "lydia", "lynn", "madison",
    "magdalena", "maja", "malin", "manuela", "mara", "mareike", "maren", "marga", "margaret",
    "margarete", "margit", "margot", "margret", "maria", "mariam", "marianne", "marie", "marilyn",
    "marina", "marion", "marit", "marlene", "martha", "martina", "mary", "maryam", "mathilda",
    "maud", "maureen", "maximiliane", "mechthild", "megan", "melanie", "mercedes", "merle", "meryl",
    "mette", "mia", "michaela", "milena", "mira", "miriam", "monika", "nadine", "nadja", "nancy",
    "natalie", "natascha", "nathalie", "neele", "nele", "nicole", "nina", "nora", "nur", "olga",
    "paula", "paulina", "petra", "pia", "rachel", "rebecca", "regina", "renate", "ricarda", "rieke",
    "rita", "roberta", "ronja", "rosalind", "rosemarie", "ruth", "sabine", "sabrina", "sandra",
    "sanna", "sara", "sarah", "saskia", "selin", "shirin", "sieglinde", "sigrid", "sigrun", "silke",
    "simone", "sina", "siobhan", "siobhán", "sofia", "solveig", "sonja", "sophia", "sophie",
    "stefanie", "stephanie", "susan", "susanne", "svenja", "svetlana", "sylvia", "ségolène",
    "tabea", "tamara", "tanja", "tatjana", "thea", "theresa", "therese", "tina", "ulla", "ulrike",
    "ursula", "uta", "ute", "vanessa", "vera", "verena", "veronika", "victoria", "viktoria",
    "vivien", "waltraud", "wiebke", "wilma", "yasmin", "yvonne", "zeynep",
})

MALE = _spellings({
    "aaron", "achim", "adam", "adrian", "ahmed", "ahmet", "alexander", "alexej", "alfred", "ali",
    "andre", "andreas", "andrej", "andrzej", "andré", "anthony", "antoine", "anton", "antonio",
    "antony", "armin", "arnd", "arne", "arnold", "artur", "attila", "axel", "barack", "bastian",
    "beat", "ben", "benedikt", "benjamin", "bernd", "bernhard", "björn", "bodo", "boris", "bruce",
    "burkhard", "carl", "carl-friedrich", "carlos", "carsten", "cem", "charlie", "christian",
    "christoph", "claude", "claus", "clemens", "constantin", "cornelius", "daniel", "dave", "david",
    "denis", "dennis", "detlef", "dieter", "dietmar", "dirk", "dmitri", "dominik", "donald",
    "duane", "dustin", "eberhard", "eddie", "edgar", "edmund", "eduard", "edwin", "egon", "elia",
    "elias", "elijah", "emil", "emmanuel", "emre", "enrico", "erich", "erik", "ernst", "erwin",
    "eugen", "ezra", "fabian", "falk", "felix", "ferdinand", "finn", "florian", "franz",
    "franz-josef", "françois", "frederik", "friedrich", "fritz", "gabriel", "georg", "george",
    "gerald", "gerd", "gerhard", "gernot", "giuseppe", "gregor", "guido", "guillaume", "gunnar",
    "gustav", "günter", "günther", "hakan", "hannes", "hans", "hans-jürgen", "hans-peter", "harald",
    "hartmut", "hasan", "heiko", "heinrich", "heinz", "heinz-christian", "helge", "helmut",
    "hendrik", "henning", "henrik", "henry", "herbert", "hermann", "hinnerk", "hinrich", "holger",
    "horst", "hubert", "hubertus", "hüseyin", "ibrahim", "igor", "ilja", "ilya", "ingo", "issa",
    "ivan", "jacques", "jair", "jakob", "jamie", "jan", "jan-hendrik", "jannik", "jaroslaw",
    "javier", "jean", "jens", "jerome", "jesse", "joachim", "jochen", "joe", "johann", "johannes",
    "jona", "jonah", "jonas", "jonathan", "jorge", "jose", "josef", "joseph", "joshua", "jost",
    "josé", "juan", "julian", "julius", "justin", "justus", "jérôme", "jörg", "jürgen", "kalle",
    "karl", "karl-heinz", "karl-theodor", "karsten", "keir", "kemal", "kevin", "kilian", "klaus",
    "klaus-dieter", "knut", "konrad", "konstantin", "kosta", "kurt", "lars", "laurenz", "lech",
    "lee", "lennart", "leon", "leonard", "leopold", "linus", "lloyd", "lorenz", "lothar", "lucas",
    "ludwig", "luis", "lukas", "lutz", "malte", "manfred", "marc", "marcel", "marco", "marcus",
    "mario", "marius", "markus", "martin", "marvin", "mateusz", "mats", "matteo", "matthias",
    "mattia", "mattis", "maurice", "max", "maxime", "maximilian", "mehmet", "michael", "mika",
    "mike", "mirko", "moritz", "murat", "musa", "mustafa", "narendra", "nico", "nicola", "nicolas",
    "niels", "niklas", "nikolai", "nikolaus", "nils", "noah", "norbert", "olaf", "ole", "oliver",
    "oskar", "otto", "pascal", "patrick", "paul", "pedro", "peter", "philipp", "philippe", "pierre",
    "piet", "quentin", "rainer", "ralf", "ralph", "recep", "reinhard", "reinhold", "rene", "rené",
    "richard", "rishi", "robert", "roland", "rolf", "roman", "rudolf", "rüdiger", "sacha",
    "sebastian", "sergej", "shane", "siegfried", "simon", "stefan", "steffen", "stephan", "steve",
    "sven", "sönke", "tayyip", "theo", "theodor", "thilo", "thomas", "thorsten", "till", "tim",
    "timo", "tjark", "tobias", "tom", "torsten", "udo", "ulf", "ulrich", "urs", "uwe", "valentin",
    "viktor", "vincent", "vladimir", "volker", "walter", "wayne", "werner", "wilfried", "wilhelm",
    "willi", "willie", "wladimir", "wolf", "wolfgang", "wolodymyr", "xi", "yusuf",
})

# either, or not known
NEUTRAL = _spellings({
    "alex", "andrea", "chris", "jo", "kai", "kim", "luca", "nikita", "robin", "sascha", "sasha",
    "toni",
})

ALL = FEMALE | MALE | NEUTRAL
