package corpus

// The word lists the corpus is drawn from: real French words, so that the
// hyphenation patterns, the line breaker and the collation see what a real
// book gives them. Everything is fictitious; nothing here names a person.

type firstName struct {
	name     string
	feminine bool
}

var firstNames = []firstName{
	{"Agathe", true}, {"Aurore", true}, {"Charlotte", true}, {"Élodie", true}, {"Hélène", true},
	{"Hortense", true}, {"Inès", true}, {"Louise", true}, {"Maëlle", true}, {"Noémie", true},
	{"Anaïs", true}, {"Cécile", true}, {"Béatrice", true}, {"Zoé", true}, {"Chloé", true},
	{"Léa", true}, {"Margaux", true}, {"Solène", true}, {"Clémence", true}, {"Gaëlle", true},
	{"Marie", true}, {"Camille", true}, {"Juliette", true}, {"Éléonore", true}, {"Odile", true},
	{"Violette", true}, {"Joséphine", true}, {"Françoise", true}, {"Mathilde", true}, {"Lucie", true},
	{"Amélie", true}, {"Pénélope", true}, {"Ségolène", true}, {"Yasmine", true}, {"Fatou", true},
	{"Sidonie", true}, {"Armelle", true}, {"Bérénice", true}, {"Capucine", true}, {"Émilie", true},
	{"Gaspard", false}, {"Jérôme", false}, {"Pieter", false}, {"Yves", false}, {"Loïc", false},
	{"Gaëtan", false}, {"François", false}, {"Benoît", false}, {"Étienne", false}, {"Aurélien", false},
	{"Mathis", false}, {"Noël", false}, {"Raphaël", false}, {"Théo", false}, {"Joël", false},
	{"Hugo", false}, {"Lucas", false}, {"Antoine", false}, {"Baptiste", false}, {"Clément", false},
	{"Denis", false}, {"Émile", false}, {"Frédéric", false}, {"Grégoire", false}, {"Hervé", false},
	{"Jean-Marc", false}, {"Marc-Antoine", false}, {"Olivier", false}, {"Pascal", false}, {"Rémi", false},
	{"Sébastien", false}, {"Timothée", false}, {"Valentin", false}, {"Xavier", false}, {"Youssef", false},
	{"Kofi", false}, {"Mehdi", false}, {"Thibault", false}, {"Anatole", false}, {"Bastien", false},
}

// surnames are plain family names; particles are added separately.
var surnames = []string{
	"Brisefer", "Kowalczyk", "Marchetti", "Hérisson", "Fauvette", "Castellanos", "Cœurderoy",
	"Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy",
	"Moreau", "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "David", "Bertrand", "Roux",
	"Vincent", "Fournier", "Morel", "Girard", "André", "Mercier", "Blanc", "Guérin", "Boyer",
	"Garnier", "Chevalier", "François", "Legrand", "Gauthier", "Perrin", "Robin", "Clément",
	"Morin", "Nicolas", "Henry", "Roussel", "Mathieu", "Gautier", "Masson", "Marchand", "Duval",
	"Denis", "Dumont", "Marie", "Lemaire", "Noël", "Meyer", "Dufour", "Meunier", "Brun", "Blanchard",
	"Giraud", "Joly", "Rivière", "Lucas", "Brunet", "Gaillard", "Barbier", "Arnaud", "Martinez",
	"Gérard", "Roche", "Renard", "Schmitt", "Roy", "Leroux", "Colin", "Vidal", "Caron", "Picard",
	"Roger", "Fabre", "Aubert", "Lemoine", "Renaud", "Dumas", "Lacroix", "Olivier", "Philippe",
	"Bourgeois", "Pierre", "Benoît", "Rey", "Leclerc", "Payet", "Rolland", "Lecomte", "Carré",
	"Charpentier", "Ménard", "Maillard", "Baron", "Bertin", "Bailly", "Hervé", "Schneider",
	"Fernandez", "Collet", "Léger", "Bouvier", "Julien", "Prévost", "Millet", "Perrot", "Daniel",
	"Cousin", "Germain", "Breton", "Besson", "Langlois", "Rémy", "Pelletier", "Lévêque", "Perrier",
	"Leblanc", "Barré", "Lebrun", "Marchal", "Weber", "Mallet", "Hamon", "Boulanger", "Jacob",
	"Monnier", "Michaud", "Rodriguez", "Guichard", "Gillet", "Étienne", "Grondin", "Poulain",
	"Tessier", "Chevallier", "Collin", "Chauvin", "Da Silva", "Bouchet", "Gay", "Lemaître",
	"Bénard", "Maréchal", "Humbert", "Reynaud", "Antoine", "Hoarau", "Perret", "Barthélemy",
	"Cordier", "Pichon", "Lejeune", "Gilbert", "Lamy", "Delaunay", "Pasquier", "Carpentier",
	"Laporte", "Paris", "Nguyen", "Diallo", "Traoré", "Benali", "Haddad", "Kouassi", "Ferreira",
}

// Surnames that read well after a particle: « de Montfleury », « d’Arbonne ».
var nobleNames = []string{
	"Montfleury", "Verger", "Bellerive", "Sauvigny", "Valmont", "Castelnau", "Roquebrune",
	"Champlain", "Beaumanoir", "Villeneuve", "Maupertuis", "Saint-Aubin", "Courtenay", "Marsac",
}
var vowelNames = []string{
	"Arbonne", "Aubigny", "Estienne", "Orval", "Argentré", "Harcourt", "Ormesson", "Aiguillon",
	"Épinay", "Uzès", "Avenel", "Ivry",
}
var breizhNames = []string{ // after a capitalised « Le » or « La »
	"Goaziou", "Gall", "Bihan", "Jossec", "Floc’h", "Roux", "Meur", "Gac", "Cam", "Pennec",
	"La Fontaine", "La Rochelle", "La Salle", "La Haye",
}
var dutchNames = []string{"Kraats", "Berg", "Linden", "Meer", "Velde", "Heijden", "Broek"}

type role struct{ m, f string }

var roles = []role{
	{"Instituteur à la retraite", "Institutrice à la retraite"},
	{"Modérateur de communauté en ligne", "Modératrice de communauté en ligne"},
	{"Consultant en transitions professionnelles", "Consultante en transitions professionnelles"},
	{"Infirmier de nuit", "Infirmière de nuit"},
	{"Facteur", "Factrice"},
	{"Vigneron", "Vigneronne"},
	{"Recruteur", "Recruteuse"},
	{"Bibliothécaire", "Bibliothécaire"},
	{"Chercheur en océanographie", "Chercheuse en océanographie"},
	{"Chef de cuisine", "Cheffe de cuisine"},
	{"Directeur de la communication", "Directrice de la communication"},
	{"Développeur web", "Développeuse web"},
	{"Responsable des ressources humaines", "Responsable des ressources humaines"},
	{"Artisan ébéniste", "Artisane ébéniste"},
	{"Médecin généraliste", "Médecin généraliste"},
	{"Professeur de mathématiques", "Professeure de mathématiques"},
	{"Chargé de mission insertion", "Chargée de mission insertion"},
	{"Fondateur d’une jeune entreprise", "Fondatrice d’une jeune entreprise"},
	{"Journaliste indépendant", "Journaliste indépendante"},
	{"Éducateur spécialisé", "Éducatrice spécialisée"},
	{"Marin pêcheur", "Marin pêcheuse"},
	{"Boulanger", "Boulangère"},
	{"Pharmacien", "Pharmacienne"},
	{"Conseiller en insertion professionnelle", "Conseillère en insertion professionnelle"},
	{"Photographe", "Photographe"},
	{"Animateur socioculturel", "Animatrice socioculturelle"},
	{"Étudiant en sociologie", "Étudiante en sociologie"},
	{"Maire d’une petite commune", "Maire d’une petite commune"},
	{"Libraire", "Libraire"},
	{"Ingénieur en informatique", "Ingénieure en informatique"},
	{"Agriculteur", "Agricultrice"},
	{"Coach sportif", "Coach sportive"},
	{"Avocat", "Avocate"},
	{"Designer graphique", "Designer graphique"},
	{"Bénévole associatif", "Bénévole associative"},
	{"Sage-femme", "Sage-femme"},
	{"Chauffeur de bus", "Conductrice de bus"},
	{"Directeur d’école", "Directrice d’école"},
}

var orgKinds = []string{
	"Association fictive", "Cabinet fictif", "Coopérative imaginaire", "Fondation fictive",
	"Collectif imaginaire", "Réseau fictif", "Atelier fictif", "Centre hospitalier fictif",
	"Société imaginaire", "Maison fictive",
}
var orgObjects = []string{
	"des lecteurs du dimanche", "du lien social", "des jardins partagés", "de l’entraide numérique",
	"des métiers d’art", "des Calanques", "de la Côte d’Opale", "des rencontres improbables",
	"pour l’emploi des jeunes", "des solidarités rurales", "de la mer d’Iroise", "du Vieux-Port",
	"des cuisines du monde", "des Veilleurs", "des savoirs partagés", "du quartier des Tanneurs",
}

var cities = []string{
	"Lyon", "Marseille", "Bordeaux", "Lille", "Nantes", "Rennes", "Brest", "Lens", "Clermont-Ferrand",
	"Saint-Étienne", "Besançon", "Périgueux", "Fécamp", "Béziers", "Nîmes", "Montréal", "Liège",
	"Genève", "Dakar", "Pointe-à-Pitre", "Saint-Denis", "Aix-en-Provence", "Quimper", "Orléans",
}

// A noun with its gender; elided articles are chosen from the first letter.
type noun struct {
	w        string
	feminine bool
}

var nouns = []noun{
	{"rencontre", true}, {"réseau", false}, {"métier", false}, {"conversation", true}, {"équipe", true},
	{"hôpital", false}, {"banc", false}, {"jardin", false}, {"bibliothèque", true}, {"forum", false},
	{"message", false}, {"lettre", true}, {"voisine", true}, {"collègue", false}, {"atelier", false},
	{"entreprise", true}, {"association", true}, {"question", true}, {"réponse", true}, {"histoire", true},
	{"soirée", true}, {"journée", true}, {"semaine", true}, {"hiver", false}, {"printemps", false},
	{"village", false}, {"quartier", false}, {"écran", false}, {"ordinateur", false}, {"téléphone", false},
	{"idée", true}, {"confiance", true}, {"curiosité", true}, {"patience", true}, {"habitude", true},
	{"projet", false}, {"bureau", false}, {"cuisine", true}, {"vigne", true}, {"bateau", false},
	{"inconnu", false}, {"apprentie", true}, {"candidat", false}, {"famille", true}, {"enfant", false},
	{"ordonnance", true}, {"recette", true}, {"tournée", true}, {"boulangerie", true}, {"gare", true},
	{"salle", true}, {"commune", true}, {"université", true}, {"formation", true}, {"compétence", true},
	{"parcours", false}, {"rendez-vous", false}, {"après-midi", false}, {"arc-en-ciel", false},
	{"souvenir", false}, {"silence", false}, {"regard", false}, {"sourire", false}, {"chemin", false},
	{"orientation", true}, {"bienveillance", true}, {"solidarité", true}, {"transmission", true},
	{"expérience", true}, {"difficulté", true}, {"opportunité", true}, {"reconnaissance", true},
	{"apprentissage", false}, {"accompagnement", false}, {"engagement", false}, {"événement", false},
}

type adjective struct{ m, f string }

var adjectives = []adjective{
	{"improbable", "improbable"}, {"inattendu", "inattendue"}, {"petit", "petite"}, {"grand", "grande"},
	{"nouveau", "nouvelle"}, {"ancien", "ancienne"}, {"discret", "discrète"}, {"généreux", "généreuse"},
	{"étonnant", "étonnante"}, {"précieux", "précieuse"}, {"lointain", "lointaine"}, {"simple", "simple"},
	{"numérique", "numérique"}, {"professionnel", "professionnelle"}, {"quotidien", "quotidienne"},
	{"patient", "patiente"}, {"bienveillant", "bienveillante"}, {"minuscule", "minuscule"},
	{"extraordinaire", "extraordinaire"}, {"inoubliable", "inoubliable"}, {"fragile", "fragile"},
	{"attentif", "attentive"}, {"silencieux", "silencieuse"}, {"chaleureux", "chaleureuse"},
	{"compliqué", "compliquée"}, {"entrouvert", "entrouverte"}, {"imprévu", "imprévue"},
}

// Verb phrases that take a direct object, in the third person, present or
// passé composé.
var verbs = []string{
	"a changé", "a transformé", "raconte", "a ouvert", "accompagne", "rappelle", "a bousculé",
	"éclaire", "prolonge", "a déplacé", "partage", "construit", "a rapproché", "nourrit",
	"a réveillé", "interroge", "dessine", "a remplacé", "accueille", "a précédé",
}

// First-person clauses, complete on their own.
var firstPerson = []string{
	"j’ai appris à écouter", "je n’avais rien prévu", "je me suis assise à côté de lui",
	"j’ai compris que le temps donné n’est jamais perdu", "je travaille depuis onze ans dans ce service",
	"je n’ai aucun mérite dans cette histoire", "j’ai posé une question naïve",
	"je garde précieusement cette phrase", "je lui ai proposé un marché",
	"j’ai répondu le lendemain, un peu intimidé", "je ne savais pas quoi dire",
	"j’ai recommencé la semaine suivante", "nous avons tenu parole tout l’hiver",
	"nous avons fondé une petite association", "nous nous sommes revus au printemps",
	"on s’est retrouvés autour d’une table", "personne n’est reparti avant minuit",
	"chacun avait une histoire à raconter", "il m’a demandé ce que je lisais",
	"elle m’a écrit trois lignes, sans fautes", "il a fallu tout réapprendre",
}

var adverbials = []string{
	"un soir d’octobre", "depuis quinze ans", "sans rien demander", "au bout de trois semaines",
	"vers 3 h du matin", "chaque lundi", "presque par hasard", "à la fin d’une réunion",
	"dans la file d’attente d’une boulangerie", "sur un quai de gare", "entre deux rendez-vous",
	"pendant une semaine", "au printemps suivant", "le lendemain matin", "tout l’hiver",
	"à 500 mètres de chez moi", "en 2019", "pour la première fois", "au fond de la salle",
	"grâce à un simple message", "malgré la fatigue", "avec une patience infinie",
}

var connectors = []string{
	"Pourtant", "Depuis", "Ensuite", "Au fond", "Bien sûr", "Puis", "Alors", "Aujourd’hui",
	"Souvent", "Parfois", "Un jour", "Plus tard", "Au début", "Finalement", "Évidemment",
}

var quotes = []string{
	"C’est trop long", "Vous êtes la dame de la nuit qui connaît mon chat",
	"Je n’ai pas de réseau", "On essaie", "Revenez demain, on en reparlera",
	"Personne ne se ressemble, et c’est pour cela que ça marche",
	"Il suffit de dire bonjour", "Vous avez cinq minutes",
}

var exclamations = []string{
	"Quelle surprise", "Quelle histoire", "Quel hiver", "Tant mieux", "Et pourtant",
	"Merci encore", "Quelle leçon",
}

var titleHeads = []string{
	"Le banc du square", "Modérer, c’est d’abord lire", "Trois heures du matin", "Le réseau invisible",
	"Une question naïve", "La porte entrouverte", "Ce que j’ai appris", "Le goût des autres",
	"Une lettre sans réponse", "Le jour où tout a changé", "Écouter d’abord", "L’inconnu du quai",
}

var listItems = []string{
	"écrire chaque lundi à une personne perdue de vue", "poser une vraie question, et écouter la réponse",
	"noter chaque vendredi une rencontre inattendue", "ne jamais terminer une conversation sans remercier",
	"protéger d’abord la personne exposée", "répondre une fois, calmement, aux critiques sincères",
	"laisser un peu de place dans son agenda", "accepter de s’arrêter", "prêter un livre à un inconnu",
	"proposer un café à la nouvelle recrue", "relire son message avant de l’envoyer",
	"demander plutôt que décider à sa place",
}
