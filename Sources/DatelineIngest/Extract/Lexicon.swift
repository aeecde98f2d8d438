/// Word lists the rules consult. All entries are lowercase, as tokens store them.
enum Lexicon {
  /// Words followed by a dot that do not end a sentence.
  static let abbreviations: Set<String> = [
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "maj", "capt",
    "cpt", "sgt", "adm", "cmdr", "st", "jr", "sr", "inc", "corp", "co", "ltd", "vs", "no", "nos",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt",
    "ft", "ave", "blvd", "dept", "est", "fig", "hon", "rev", "pres", "supt", "gens", "reps",
    "sens", "messrs", "mme", "mlle", "rt", "approx", "cf", "al", "e.g", "i.e", "ph.d", "atty",
    "insp", "det", "cpl", "pvt", "brig", "sec", "secy", "amb", "fr", "msgr", "gov.-elect",
  ]

  /// Verbs that say who spoke when they sit next to a quote, and mean something else
  /// elsewhere ("charged with fraud"), so they are no speech verbs for the rest of ingest.
  static let quoteAttributingVerbs: WordSet = [
    "pressed", "charged", "snapped", "reasoned", "remembered", "exhorted", "reacted",
    "questioned", "retaliated", "interrupted", "teased", "scolded", "elaborated", "advised",
    "cracked", "implored", "pleaded", "ventured", "quipped", "thundered", "boomed",
  ]

  /// Verbs that introduce or attribute speech, in all the forms news writing uses.
  static let speechVerbs: Set<String> = [
    "said", "says", "say", "saying", "told", "tells", "tell", "added", "adds", "add", "predicted",
    "predicts", "responded", "responds", "asked", "asks", "wrote", "writes", "noted", "notes",
    "explained", "explains", "insisted", "insists", "warned", "warns", "argued", "argues",
    "stated", "states", "declared", "declares", "replied", "replies", "answered", "answers",
    "continued", "continues", "recalled", "recalls", "admitted", "admits", "acknowledged",
    "acknowledges", "claimed", "claims", "observed", "remarked", "remarks", "suggested",
    "suggests", "tweeted", "posted", "announced", "announces", "confirmed", "confirms", "urged",
    "urges", "cautioned", "cautions", "conceded", "concedes", "countered", "counters", "joked",
    "jokes", "quipped", "shouted", "yelled", "agreed", "promised", "promises", "vowed", "vows",
    "emphasized", "emphasised", "stressed", "stresses", "concluded", "pointed", "testified",
    "testifies", "reiterated", "complained", "complains", "lamented", "mused", "boasted",
    "whispered", "demanded", "pleaded", "assured", "assures", "maintained", "maintains",
    "contended", "denied", "denies", "objected", "protested", "interjected", "began", "offered",
    "commented", "comments", "predicting", "accused", "accuses", "called", "calls",
    "telling", "adding", "writing", "asking", "noting", "warning", "arguing", "recounted",
    "explaining", "insisting", "declaring", "stating", "replying", "responding", "announcing",
    "wondered", "wonders", "exclaimed", "sighed", "acknowledging", "conceding", "barked",
    "beamed", "fumed", "scoffed", "gushed", "groused", "bragged", "retorted", "chimed",
    "marveled", "marvelled", "musing", "muses", "proclaimed", "proclaims", "opined",
    "concludes", "echoed", "yelling", "shouting", "pledging", "vowing", "emphasizes",
    "emphasizing",
  ]

  /// Titles and ranks that, before a name, make it a person and give the role.
  static let titles: Set<String> = [
    "president", "vice", "prime", "minister", "chancellor", "secretary", "senator", "sen.",
    "representative", "rep.", "governor", "gov.", "mayor", "general", "gen.", "lt.", "col.",
    "colonel", "lieutenant", "major", "maj.", "captain", "capt.", "sergeant", "sgt.", "admiral",
    "adm.", "commander", "king", "queen", "prince", "princess", "pope", "ambassador", "envoy",
    "spokesperson", "spokesman", "spokeswoman", "chief", "ceo", "chairman", "chairwoman", "chair",
    "director", "judge", "justice", "professor", "prof.", "leader", "speaker", "deputy",
    "chargé", "charge", "emir", "sheikh", "crown", "premier", "foreign", "defense", "defence",
    "finance", "interior", "attorney", "commissioner", "chairperson", "head", "founder",
    "executive", "officer", "coach", "manager", "analyst", "economist", "negotiator", "adviser",
    "advisor", "aide", "official", "counsel", "superintendent", "sheriff", "inspector",
    "detective", "senior", "national", "security", "state", "affairs", "d'affaires", "army",
    "navy", "ruling", "opposition", "party", "union", "council", "mission",
    "secretary-general", "director-general", "councilmember", "councilwoman", "councilman",
    "lawmaker", "congressman", "congresswoman", "assemblymember", "dean", "provost", "rector",
    "bishop", "archbishop", "cardinal", "rabbi", "imam", "reverend", "rev.", "dr.", "mr.",
    "mrs.", "ms.", "sir", "dame", "lord", "lady", "baroness", "marshal",
    "trooper", "chef", "owner", "researcher", "scientist", "historian", "author",
    "activist", "organizer", "organiser", "resident", "press", "whip",
  ]

  /// Abbreviated titles as tokens hold them (the dot is its own token).
  static let abbreviatedTitles: Set<String> = [
    "lt", "gen", "sen", "rep", "gov", "col", "maj", "capt", "sgt", "adm", "dr", "mr", "mrs",
    "ms", "prof", "rev", "cmdr", "cpl", "pvt", "brig", "amb", "det", "insp", "atty", "supt",
    "pres", "hon", "msgr", "fr",
  ]

  /// Title words strong enough to mark a person on their own (not "house", "state", ...).
  static let personTitles: Set<String> = [
    "president", "minister", "chancellor", "secretary", "senator", "sen.", "representative",
    "rep.", "governor", "gov.", "mayor", "general", "gen.", "lt.", "col.", "colonel",
    "lieutenant", "maj.", "captain", "capt.", "sergeant", "sgt.", "admiral", "adm.",
    "commander", "king", "queen", "prince", "princess", "pope", "ambassador", "envoy",
    "spokesperson", "spokesman", "spokeswoman", "ceo", "chairman", "chairwoman", "director",
    "judge", "justice", "professor", "prof.", "leader", "speaker", "premier", "emir", "sheikh",
    "attorney", "commissioner", "chairperson", "founder", "coach", "manager", "analyst",
    "economist", "negotiator", "adviser", "advisor", "aide", "official", "dr.", "mr.", "mrs.",
    "ms.", "sir", "dame", "lord", "lady", "superintendent", "sheriff", "inspector", "detective",
    "chargé", "d'affaires", "secretary-general", "director-general", "congressman",
    "congresswoman", "lawmaker", "councilwoman", "councilman", "councilmember", "bishop",
    "archbishop", "cardinal", "rabbi", "imam", "reverend", "rev.", "dean", "marshal", "chef",
    "owner", "researcher", "scientist", "historian", "author", "activist", "organizer",
    "organiser", "resident", "officer", "baroness", "trooper", "chief", "deputy", "head", "whip",
  ]

  /// Honorifics: mark a person, add no role.
  static let honorifics: WordSet = ["mr.", "mrs.", "ms.", "dr.", "sir", "dame", "mx."]
  static let femaleMarkers: Set<String> = [
    "queen", "princess", "lady", "baroness", "chairwoman",
    "spokeswoman", "congresswoman", "councilwoman",
  ]
  static let maleMarkers: Set<String> = [
    "king", "prince", "sir", "lord", "chairman", "spokesman", "congressman",
    "councilman",
  ]

  /// Common first names that tell a person's gender, for "he"/"she": without them a pronoun
  /// goes to the first person of the sentence before whatever their gender.
  static let femaleFirstNames: WordSet = [
    "mary", "patricia", "jennifer", "linda", "elizabeth", "barbara", "susan", "jessica", "sarah",
    "karen", "nancy", "lisa", "betty", "margaret", "sandra", "ashley", "kimberly", "emily",
    "donna", "michelle", "carol", "amanda", "melissa", "deborah", "stephanie", "rebecca", "laura",
    "sharon", "cynthia", "kathleen", "amy", "shirley", "angela", "helen", "anna", "brenda",
    "pamela", "nicole", "samantha", "katherine", "christine", "debra", "rachel", "catherine",
    "carolyn", "janet", "ruth", "maria", "heather", "diane", "virginia", "julie", "joyce",
    "victoria", "kelly", "christina", "joan", "evelyn", "lauren", "judith", "olivia", "martha",
    "cheryl", "megan", "andrea", "hannah", "jacqueline", "ann", "jean", "alice", "kathryn",
    "gloria", "teresa", "doris", "sara", "janice", "julia", "marie", "madison", "grace", "judy",
    "theresa", "beverly", "denise", "marilyn", "amber", "danielle", "abigail", "brittany", "rose",
    "diana", "natalie", "sophia", "alexis", "lori", "kayla", "jane", "hillary", "melania",
    "ivanka", "nikki", "kellyanne", "huma", "megyn", "katie", "hope", "sheryl", "kirsten", "tammy",
    "claire", "dianne", "jeanne", "kamala", "debbie", "carly", "condoleezza", "madeleine",
    "loretta", "susana", "mia", "ivana", "chelsea", "tiffany", "kristen", "erin", "ellen",
    "eleanor",
  ]
  static let maleFirstNames: WordSet = [
    "james", "robert", "john", "michael", "david", "william", "richard", "joseph", "thomas",
    "charles", "christopher", "daniel", "matthew", "anthony", "mark", "donald", "steven", "paul",
    "andrew", "joshua", "kenneth", "kevin", "brian", "george", "timothy", "ronald", "edward",
    "jason", "jeffrey", "ryan", "jacob", "gary", "nicholas", "eric", "jonathan", "stephen",
    "larry", "justin", "scott", "brandon", "benjamin", "samuel", "gregory", "alexander", "frank",
    "patrick", "raymond", "jack", "dennis", "jerry", "tyler", "aaron", "jose", "adam", "nathan",
    "henry", "douglas", "zachary", "peter", "kyle", "ethan", "walter", "noah", "jeremy",
    "christian", "keith", "roger", "terry", "gerald", "harold", "sean", "austin", "carl", "arthur",
    "lawrence", "dylan", "jesse", "jordan", "bryan", "billy", "joe", "bruce", "gabriel", "logan",
    "albert", "willie", "alan", "juan", "wayne", "elijah", "randy", "roy", "vincent", "ralph",
    "eugene", "russell", "bobby", "mason", "philip", "louis", "barack", "bernie", "bill", "ted",
    "marco", "jeb", "chris", "mike", "mitch", "harry", "newt", "rand", "ben", "reince", "corey",
    "rudy", "tim", "tom", "jim", "bob", "dick", "chuck", "martin", "rick", "jeff", "mitt", "al",
    "hugh", "vladimir", "xi", "emmanuel", "boris", "keir", "volodymyr", "steve", "dan", "ed",
    "fred", "greg", "ken", "nick", "rob", "sam", "tony", "will", "jimmy", "lyndon", "franklin",
    "dwight", "herbert", "woodrow",
  ]

  /// Country names (and short forms) to canonical names.
  /// `countries` and `demonyms`, looked up by bytes (the entity rules ask on many tokens).
  static let countryNames = WordMap(countries)
  static let demonymNames = WordMap(demonyms)

  static let countries: [String: String] = [
    "u.s.": "United States", "us": "United States", "u.s": "United States",
    "united states": "United States", "america": "United States",
    "united states of america": "United States", "usa": "United States",
    "u.k.": "United Kingdom", "uk": "United Kingdom", "united kingdom": "United Kingdom",
    "britain": "United Kingdom", "great britain": "United Kingdom", "russia": "Russia",
    "ukraine": "Ukraine", "france": "France", "germany": "Germany", "china": "China",
    "japan": "Japan", "india": "India", "canada": "Canada", "mexico": "Mexico",
    "brazil": "Brazil", "italy": "Italy", "spain": "Spain", "poland": "Poland",
    "israel": "Israel", "iran": "Iran", "iraq": "Iraq", "syria": "Syria", "turkey": "Turkey",
    "turkiye": "Turkey", "egypt": "Egypt", "saudi arabia": "Saudi Arabia", "qatar": "Qatar",
    "north korea": "North Korea", "south korea": "South Korea", "taiwan": "Taiwan",
    "australia": "Australia", "new zealand": "New Zealand", "ireland": "Ireland",
    "netherlands": "Netherlands", "belgium": "Belgium", "sweden": "Sweden", "norway": "Norway",
    "finland": "Finland", "denmark": "Denmark", "switzerland": "Switzerland",
    "austria": "Austria", "hungary": "Hungary", "romania": "Romania", "greece": "Greece",
    "portugal": "Portugal", "czech republic": "Czech Republic", "slovakia": "Slovakia",
    "belarus": "Belarus", "moldova": "Moldova", "georgia": "Georgia", "armenia": "Armenia",
    "azerbaijan": "Azerbaijan", "kazakhstan": "Kazakhstan", "pakistan": "Pakistan",
    "afghanistan": "Afghanistan", "bangladesh": "Bangladesh", "indonesia": "Indonesia",
    "vietnam": "Vietnam", "thailand": "Thailand", "philippines": "Philippines",
    "malaysia": "Malaysia", "singapore": "Singapore", "nigeria": "Nigeria", "kenya": "Kenya",
    "ethiopia": "Ethiopia", "south africa": "South Africa", "argentina": "Argentina",
    "chile": "Chile", "colombia": "Colombia", "venezuela": "Venezuela", "peru": "Peru",
    "cuba": "Cuba", "lebanon": "Lebanon", "jordan": "Jordan", "yemen": "Yemen",
    "estonia": "Estonia", "latvia": "Latvia", "lithuania": "Lithuania", "serbia": "Serbia",
    "croatia": "Croatia", "bulgaria": "Bulgaria", "iceland": "Iceland", "sudan": "Sudan",
    "libya": "Libya", "morocco": "Morocco", "algeria": "Algeria", "tunisia": "Tunisia",
    "gaza": "Gaza", "palestine": "Palestine", "kosovo": "Kosovo", "bosnia": "Bosnia",
  ]

  /// Adjectives of nationality to the country they name.
  static let demonyms: [String: String] = [
    "american": "United States", "u.s.": "United States", "british": "United Kingdom",
    "u.k.": "United Kingdom", "russian": "Russia", "ukrainian": "Ukraine", "french": "France",
    "german": "Germany", "chinese": "China", "japanese": "Japan", "indian": "India",
    "canadian": "Canada", "mexican": "Mexico", "brazilian": "Brazil", "italian": "Italy",
    "spanish": "Spain", "polish": "Poland", "israeli": "Israel", "iranian": "Iran",
    "iraqi": "Iraq", "syrian": "Syria", "turkish": "Turkey", "egyptian": "Egypt",
    "saudi": "Saudi Arabia", "qatari": "Qatar", "north korean": "North Korea",
    "south korean": "South Korea", "taiwanese": "Taiwan", "australian": "Australia",
    "irish": "Ireland", "dutch": "Netherlands", "belgian": "Belgium", "swedish": "Sweden",
    "norwegian": "Norway", "finnish": "Finland", "danish": "Denmark", "swiss": "Switzerland",
    "austrian": "Austria", "hungarian": "Hungary", "romanian": "Romania", "greek": "Greece",
    "portuguese": "Portugal", "belarusian": "Belarus", "georgian": "Georgia",
    "pakistani": "Pakistan", "afghan": "Afghanistan", "nigerian": "Nigeria", "kenyan": "Kenya",
    "argentine": "Argentina", "chilean": "Chile", "colombian": "Colombia",
    "venezuelan": "Venezuela", "cuban": "Cuba", "lebanese": "Lebanon", "jordanian": "Jordan",
    "estonian": "Estonia", "latvian": "Latvia", "lithuanian": "Lithuania", "serbian": "Serbia",
    "palestinian": "Palestine", "kenyan ": "Kenya", "scottish": "United Kingdom",
    "welsh": "United Kingdom", "english": "United Kingdom",
  ]

  /// Words that make a capitalized name an organization.
  static let organizationWords: Set<String> = [
    "nations", "assembly", "council", "mission", "ministry", "department", "agency",
    "commission", "union", "party", "congress", "senate", "parliament", "court", "bank", "fund",
    "organization", "organisation", "institute", "university", "college", "company", "corp",
    "corp.", "inc", "inc.", "ltd", "group", "times", "news", "post", "journal", "kremlin",
    "pentagon", "nato", "un", "u.n.", "eu", "e.u.", "imf", "who", "fbi", "cia", "army", "navy",
    "forces", "police", "foundation", "association", "committee", "service", "federation",
    "league", "alliance", "coalition", "secretariat", "board", "authority", "bureau", "office",
    "administration", "government", "cabinet", "reuters", "ap", "afp", "bbc", "cnn", "npr",
    "hamas", "hezbollah", "taliban", "opec", "wto", "fifa", "olympic", "society", "center",
    "centre", "hospital", "school", "airlines", "motors", "technologies", "labs", "press",
    "network", "club", "team", "church", "federal", "reserve", "guard", "corps", "legislature",
    "tribunal", "directorate", "command", "brigade", "battalion", "regiment", "airforce",
    "unicef", "unesco", "osce", "g7", "g20", "asean", "brics", "mi6", "kgb", "fsb", "nasa",
    "commerce", "chamber", "exchange", "trust", "capital", "partners", "holdings", "systems",
    "industries", "enterprises", "llc", "plc", "gmbh", "ag", "airways", "energy", "pharmaceuticals",
    "ministries", "authorities", "institution", "commission's", "tribune", "herald", "gazette",
    "chronicle",
  ]

  /// Acronyms and short names of organizations to their full names.
  static let organizationAliases: [String: String] = [
    "un": "United Nations", "u.n.": "United Nations", "eu": "European Union",
    "e.u.": "European Union", "nato": "NATO", "imf": "International Monetary Fund",
    "who": "World Health Organization",
  ]

  /// Heads of names that are things, not actors: "Marlow Prize", "Clean Air Act".
  static let thingWords: Set<String> = [
    "prize", "award", "awards", "festival", "cup", "trophy", "games", "championship", "act",
    "bill", "law", "treaty", "accord", "accords", "agreement", "plan", "index", "tower",
    "medal", "day", "week", "month", "year", "war", "crisis", "protocol", "doctrine", "summit",
    "conference", "session", "forum", "olympics", "series", "league's", "stadium", "hall",
  ]
  /// Last words that make a name a place: "Calder Bay", "Harwick County".
  static let placeWords: Set<String> = [
    "bay", "city", "county", "valley", "river", "island", "islands", "port", "harbor",
    "harbour", "lake", "mountain", "mountains", "peninsula", "coast", "heights", "hills",
    "district", "province", "region", "square", "park", "airport", "street", "avenue", "road",
    "bridge", "beach", "canyon", "creek", "falls", "springs", "village", "town", "state",
    "strait", "sea", "ocean", "gulf", "desert", "forest", "plaza", "palace", "castle", "sound",
    "channel", "inlet", "lagoon", "side",
  ]
  /// Prepositions that put a name in a place: "in Valmont".
  static let locativePrepositions: Set<String> = [
    "in", "at", "near", "outside", "inside", "across", "around", "toward", "towards", "into",
    "throughout",
  ]

  /// Places: capitalized, but not actors.
  static let places: WordSet = [
    "white house", "oval office", "washington", "paris", "london", "moscow", "kyiv", "kiev",
    "brussels", "capitol", "capitol hill", "beijing", "berlin", "tokyo", "new york",
    "new york city", "geneva", "rome", "madrid", "warsaw", "jerusalem", "tel aviv", "tehran",
    "baghdad", "damascus", "cairo", "istanbul", "ankara", "riyadh", "doha", "dubai", "delhi",
    "new delhi", "mumbai", "ottawa", "toronto", "sydney", "canberra", "europe", "asia", "africa",
    "middle east", "latin america", "north america", "south america", "crimea", "donbas",
    "donetsk", "luhansk", "kharkiv", "odesa", "odessa", "mariupol", "zaporizhzhia", "kherson",
    "bakhmut", "avdiivka", "west bank", "downing street", "elysee", "élysée", "elysee palace",
    "élysée palace", "mar-a-lago", "camp david", "munich", "davos", "minsk", "helsinki",
    "stockholm", "oslo", "copenhagen", "vienna", "budapest", "prague", "athens", "lisbon",
    "dublin", "edinburgh", "manchester", "chicago", "los angeles", "san francisco", "boston",
    "seattle", "miami", "texas", "california", "florida", "ohio", "michigan", "pennsylvania",
    "arizona", "nevada", "virginia", "maryland", "atlantic", "pacific", "arctic", "baltic",
    "black sea", "red sea", "mediterranean", "strait", "city hall", "main street", "harbor",
    "river", "valley", "street", "avenue", "bridge", "park", "square", "station", "airport",
    "lake", "county", "province", "district", "region", "state house", "statehouse",
    // The states of the United States not named above ("Georgia" is a country, "Washington" a
    // city): news names people by them ("Nevada Sen. Ada Holt", "an Iowa Democrat").
    "alabama", "alaska", "arkansas", "colorado", "connecticut", "delaware", "hawaii", "idaho",
    "illinois", "indiana", "iowa", "kansas", "kentucky", "louisiana", "maine", "massachusetts",
    "minnesota", "mississippi", "missouri", "montana", "nebraska", "new hampshire", "new jersey",
    "new mexico", "north carolina", "north dakota", "oklahoma", "oregon", "rhode island",
    "south carolina", "south dakota", "tennessee", "utah", "vermont", "west virginia",
    "wisconsin", "wyoming",
  ]

  /// Every demonym and country name: `nationalityWords.contains(word)` is
  /// `demonyms[word] != nil || countries[word] != nil` with one cheap lookup.
  static let nationalityWords = WordSet(Array(demonyms.keys) + Array(countries.keys))

  /// The first word of every country and place name: a run whose first word is not here names
  /// neither, and needs no key built and looked up.
  static let countryAndPlaceFirstWords = WordSet(
    (Array(countries.keys) + Array(places.words)).map { String($0.prefix { $0 != " " }) })

  /// Capitalized words that start sentences or headlines but are never names.
  static let commonCapitalized: Set<String> = [
    "the", "a", "an", "and", "but", "or", "nor", "so", "yet", "for", "of", "in", "on", "at",
    "to", "by", "with", "without", "from", "into", "onto", "over", "under", "after", "before",
    "during", "since", "until", "while", "when", "where", "why", "how", "what", "which", "who",
    "whom", "whose", "that", "this", "these", "those", "there", "here", "it", "its", "he", "she",
    "they", "we", "i", "you", "his", "her", "their", "our", "my", "your", "him", "them", "us",
    "me", "still", "earlier", "later", "meanwhile", "however", "also", "then", "now", "instead",
    "if", "as", "although", "though", "because", "despite", "one", "two", "three", "some",
    "many", "most", "all", "both", "each", "every", "no", "not", "asked", "speaking",
    "according", "last", "next", "today", "tomorrow", "yesterday", "tonight", "once",
    "even", "just", "only", "such", "other", "another", "several", "few", "more", "less",
    "much", "any", "none", "nothing", "something", "everything", "everyone", "nobody", "yes",
    "well", "oh", "let", "please", "thank", "thanks", "sources", "officials", "experts",
    "critics", "supporters", "residents", "analysts", "people", "first", "second",
    "third", "finally", "again", "already", "about", "around", "among", "between", "against",
    "within", "across", "along", "through", "throughout", "toward", "towards", "upon", "do",
    "does", "did", "is", "are", "was", "were", "be", "been", "being", "have", "has", "had",
    "will", "would", "could", "should", "may", "might", "must", "can", "cannot", "photo",
    "photos", "video", "watch", "read", "listen", "updated", "published", "posted", "advertisement",
    "related", "new", "old", "mr", "mrs", "ms", "dr", "fellow", "like", "unlike", "former",
    "whether", "either", "neither", "whatever", "whoever", "perhaps", "maybe", "indeed", "thus",
    "hence", "therefore", "otherwise", "overall", "ultimately", "currently", "recently",
    "previously", "initially", "eventually", "soon", "together", "elsewhere", "nearby",
    "inside", "outside", "above", "below", "beyond", "behind", "beside", "besides", "except",
    "plus", "minus", "via", "per", "than", "nearly", "almost", "roughly",
    "breaking", "exclusive", "analysis", "opinion", "editorial", "update", "live", "note",
    "editor's", "correction", "sign", "subscribe", "click", "share", "follow", "copyright",
  ]

  /// Weekday and month names (never actors).
  static let weekdays: [String: Int] = [
    "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
    "sunday": 7, "mon": 1, "tue": 2, "tues": 2, "wed": 3, "thu": 4, "thur": 4, "thurs": 4,
    "fri": 5, "sat": 6, "sun": 7,
  ]
  static let fullWeekdays: Set<String> = [
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
  ]
  static let months: [String: Int] = [
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
  ]

  /// Modal markers that make a future event a prediction rather than a plan.
  static let predictionMarkers: Set<String> = [
    "could", "might", "may", "predicted", "predicts", "predict", "thinks", "believes",
    "likely", "possibly", "probably", "forecast", "forecasts", "hopes", "hope", "would",
  ]
  static let expectationMarkers: Set<String> = ["expected", "expects", "expect", "due", "likely"]

  /// Common irregular past forms (regular ones end in -ed).
  static let pastVerbs: Set<String> = [
    "was", "were", "had", "did", "said", "told", "met", "came", "went", "took", "made", "gave",
    "began", "spoke", "held", "left", "saw", "won", "lost", "sent", "brought", "thought",
    "found", "became", "ran", "stood", "wrote", "rose", "fell", "led", "paid", "sold", "struck",
    "got", "put", "set", "kept", "knew", "hit", "cut", "shot", "built", "bought", "caught",
    "chose", "drew", "drove", "ate", "flew", "forgot", "froze", "grew", "hung", "heard", "hid",
    "laid", "lent", "lay", "lit", "meant", "quit", "read", "rode", "rang", "sank", "sat",
    "shook", "shut", "sang", "slept", "slid", "spent", "spun", "split", "spread", "stole",
    "stuck", "stung", "swore", "swept", "swam", "swung", "taught", "tore", "threw", "understood",
    "woke", "wore", "wept", "withdrew", "overtook", "undertook", "sought", "fought", "fled",
    "dealt", "felt", "broke", "bore", "beat", "bit", "blew", "bent", "bound", "fed", "forgave",
    "foresaw", "oversaw", "arose", "awoke", "upheld", "withheld", "overcame",
  ]
  static let presentVerbs: Set<String> = [
    "is", "are", "am", "says", "has", "have", "does", "do", "meets", "visits", "arrives",
    "holds", "hosts", "travels", "leads", "remains", "begins", "opens", "closes", "faces",
  ]
  /// Regular-looking words ending in -ed that are not past verbs.
  static let notPastEd: Set<String> = [
    "need", "speed", "seed", "feed", "bed", "red", "shed", "bled", "proceed", "succeed",
    "exceed", "indeed", "breed", "greed", "weed", "deed", "embed", "united", "limited",
    "hundred", "sacred", "naked", "wicked", "kindred", "rugged", "ragged", "beloved",
    "learned", "aged", "alleged", "based", "supposed", "so-called", "armed", "advanced",
    "experienced", "skilled", "detailed", "talented", "varied", "renewed", "related",
    "interested", "concerned", "divided", "mixed", "unprecedented", "unexpected", "unnamed",
    "unidentified", "reported", "estimated", "elected", "appointed", "expected", "scheduled",
  ]

  /// Nouns for the gathering an article reports: the story's own moment.
  static let gatheringNouns: Set<String> = [
    "conference", "meeting", "summit", "talks", "briefing", "interview", "hearing", "rally",
    "speech", "visit", "session", "address", "appearance", "event", "ceremony", "debate",
    "call", "remarks", "announcement", "statement", "meetings", "sit-down", "gathering",
  ]

  /// Verbs of action for event detection (beyond any past or future verb found).
  static let auxiliaries: Set<String> = [
    "will", "would", "could", "should", "may", "might", "must", "can", "shall", "is", "are",
    "was", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did", "'ll",
    "to", "not", "also", "then", "still", "already", "just", "reportedly", "later", "again",
    "n't", "never", "soon", "finally", "officially", "going",
  ]

  /// Words that introduce scare quotes or titles rather than speech.
  static let scareQuoteIntroducers: WordSet = [
    "so-called", "dubbed", "called", "titled", "entitled", "named", "labeled", "labelled",
    "branded", "term", "word", "phrase", "nicknamed", "headlined", "slogan", "motto",
    "hashtag", "book", "film", "movie", "song", "album", "show", "series", "novel", "play",
    "documentary", "podcast", "report", "article", "essay", "op-ed", "column", "exhibit",
    "exhibition", "campaign", "program", "programme", "operation", "project", "known",
  ]
}

/// A fixed word list asked `contains` for most tokens a rule visits. An ASCII word is found from
/// its bytes (FNV hash and one comparison, see WordLookup), several times cheaper than hashing a
/// String; any other word goes to a Set, which also matches other Unicode normal forms of it.
/// The entries are written in NFC, as Swift source is.
/// A fixed `[String: Value]` looked up as `WordSet` looks words up: an ASCII word by its bytes
/// (no String hashing), any other through the dictionary.
struct WordMap<Value: Sendable>: Sendable {
  let dictionary: [String: Value]
  private let lookup: WordLookup<Value>

  init(_ dictionary: [String: Value]) {
    self.dictionary = dictionary
    lookup = WordLookup(dictionary)
  }

  subscript(word: String) -> Value? {
    // (The outer optional: contiguous storage; the middle one: ASCII.)
    let found: Value??? = word.utf8.withContiguousStorageIfAvailable { bytes -> Value?? in
      for byte in bytes where byte >= 0x80 { return nil }
      return .some(lookup.find(bytes)?.value)
    }
    if case .some(.some(let value)) = found { return value }
    return dictionary[word]
  }
}

struct WordSet: Sendable, ExpressibleByArrayLiteral {
  let words: Set<String>
  private let lookup: WordLookup<Bool>
  /// The byte lengths (64 and more share the last bit) and ASCII first bytes of the words: an
  /// ASCII word whose length or first byte no listed word has (most words a rule asks about)
  /// is not listed, known without hashing it.
  private let lengths: UInt64
  private let firstBytes: (low: UInt64, high: UInt64)
  /// No word outside ASCII equals a listed word (Strings compare by canonical equivalence):
  /// every listed word is ASCII without ";", "`" and "K", the only ASCII characters another
  /// character is canonically equivalent to. Then `contains` rejects a word by its byte count
  /// before reading it.
  private let onlyASCIIMatches: Bool

  init<Words: Sequence>(_ words: Words) where Words.Element == String {
    self.words = Set(words)
    onlyASCIIMatches = self.words.allSatisfy { word in
      word.utf8.allSatisfy {
        $0 < 0x80 && $0 != UInt8(ascii: ";") && $0 != UInt8(ascii: "`") && $0 != UInt8(ascii: "K")
      }
    }
    lookup = WordLookup(Dictionary(uniqueKeysWithValues: self.words.map { ($0, true) }))
    var lengths: UInt64 = 0
    var firstBytes: (low: UInt64, high: UInt64) = (0, 0)
    for word in self.words {
      lengths |= 1 << UInt64(min(word.utf8.count, 63))
      if let first = word.utf8.first { WordSet.mark(first, in: &firstBytes) }
    }
    self.lengths = lengths
    self.firstBytes = firstBytes
  }

  init(arrayLiteral words: String...) { self.init(words) }

  private static func mark(_ byte: UInt8, in bits: inout (low: UInt64, high: UInt64)) {
    if byte < 64 {
      bits.low |= 1 << UInt64(byte)
    } else if byte < 128 {
      bits.high |= 1 << UInt64(byte - 64)
    }
  }

  /// False when no listed word has this byte length and first byte (the first byte as the
  /// listed word's would be, already lowercased by the caller when it lowercases).
  @inline(__always)
  private func mayList(count: Int, first: UInt8?) -> Bool {
    guard lengths & (1 << UInt64(min(count, 63))) != 0 else { return false }
    guard let first else { return true }
    return first < 64
      ? firstBytes.low & (1 << UInt64(first)) != 0
      : first < 128 && firstBytes.high & (1 << UInt64(first - 64)) != 0
  }

  func contains(_ word: String) -> Bool {
    // Most words asked about are not listed, and many have a byte count no listed word has:
    // the count is stored in the String, so this rejects them without reading them.
    if onlyASCIIMatches, lengths & (1 << UInt64(min(word.utf8.count, 63))) == 0 { return false }
    let found: Bool?? = word.utf8.withContiguousStorageIfAvailable { bytes in
      // Then the first byte rules out most of the rest, read before the others (a word with
      // a byte past ASCII is not listed either).
      if onlyASCIIMatches, !mayList(count: bytes.count, first: bytes.first) { return false }
      for byte in bytes where byte >= 0x80 { return onlyASCIIMatches ? false : nil }
      guard mayList(count: bytes.count, first: bytes.first) else { return false }
      return lookup.find(bytes) != nil
    }
    if case .some(.some(let found)) = found { return found }
    return words.contains(word)
  }

  /// `contains` of an ASCII word given as its bytes.
  @inline(__always)
  func contains(ascii bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard mayList(count: bytes.count, first: bytes.first) else { return false }
    return lookup.find(bytes) != nil
  }

  /// `contains(word.lowercased())`, lowercasing an ASCII word on the stack.
  func containsLowercased(_ word: String) -> Bool {
    let found: Bool?? = word.utf8.withContiguousStorageIfAvailable { bytes in
      for byte in bytes where byte >= 0x80 { return nil }
      guard mayList(count: bytes.count, first: bytes.first.map(asciiLowercase)) else {
        return false
      }
      return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) { lowered in
        for (offset, byte) in bytes.enumerated() { lowered[offset] = asciiLowercase(byte) }
        return lookup.find(UnsafeBufferPointer(lowered)) != nil
      }
    }
    if case .some(.some(let found)) = found { return found }
    return words.contains(word.lowercased())
  }

  /// `containsLowercased` of the word whose UTF-8 bytes are `bytes`.
  func containsLowercased(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard bytes.allSatisfy({ $0 < 0x80 }) else {
      return words.contains(String(decoding: bytes, as: UTF8.self).lowercased())
    }
    guard mayList(count: bytes.count, first: bytes.first.map(asciiLowercase)) else {
      return false
    }
    return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) { lowered in
      for (offset, byte) in bytes.enumerated() { lowered[offset] = asciiLowercase(byte) }
      return lookup.find(UnsafeBufferPointer(lowered)) != nil
    }
  }
}

extension String {
  /// `self == word`, lengths first: most comparisons of a token with a word fail, and a failing
  /// String comparison is a library call, slow for words like "—". Exact as long as no other
  /// character decomposes into one of `word`'s: true of every word but those with ";", "`", "K".
  @inline(__always)
  func equals(_ word: String) -> Bool {
    assert(!word.contains(where: { $0 == ";" || $0 == "`" || $0 == "K" }))
    return utf8.count == word.utf8.count && self == word
  }

  /// More than `limit` characters; cheap for ASCII, which needs no grapheme walk.
  @inline(__always)
  func hasMoreCharacters(than limit: Int) -> Bool {
    let bytes = utf8.count
    if bytes <= limit { return false }
    if isPlainASCII { return true }
    return count > limit
  }

  /// ASCII without "\r" (which pairs with "\n" into one character): one byte, one character.
  /// Scanned as a buffer, which is much cheaper than walking the UTF-8 view.
  var isPlainASCII: Bool {
    let answer = utf8.withContiguousStorageIfAvailable { bytes in
      bytes.allSatisfy { $0 < 0x80 && $0 != 0x0D }
    }
    return answer ?? utf8.allSatisfy { $0 < 0x80 && $0 != 0x0D }
  }

  /// The pieces one after another, written into a single allocation: String's own appends
  /// and interpolation cost several hundred instructions each.
  init(concatenating pieces: [String]) {
    let byteCount = pieces.reduce(0) { $0 + $1.utf8.count }
    self.init(unsafeUninitializedCapacity: byteCount) { buffer in
      var offset = 0
      for piece in pieces { offset += piece.copyUTF8(into: buffer, at: offset) }
      return offset
    }
  }

  /// `lowercased()`, with ASCII lowercased byte by byte rather than through Unicode tables.
  func asciiLowercased() -> String {
    // Bytes in an array: walking the UTF-8 view byte by byte costs several times more.
    let bytes = Array(utf8)
    guard bytes.allSatisfy({ $0 < 0x80 }) else { return lowercased() }
    guard bytes.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return self }
    return String(decoding: bytes.map(asciiLowercase), as: UTF8.self)
  }

  /// `count` without the grapheme walk for ASCII text ("\r\n" is one character, so not that).
  var characterCount: Int {
    isPlainASCII ? utf8.count : count
  }
}

extension StringProtocol {
  /// Writes the text's UTF-8 into `buffer` at `offset`, which must leave room; returns the count.
  @inline(__always)
  func copyUTF8(into buffer: UnsafeMutableBufferPointer<UInt8>, at offset: Int) -> Int {
    let copied = utf8.withContiguousStorageIfAvailable { bytes -> Int in
      guard let source = bytes.baseAddress, let target = buffer.baseAddress else { return 0 }
      (target + offset).update(from: source, count: bytes.count)
      return bytes.count
    }
    if let copied { return copied }
    var position = offset
    for byte in utf8 {
      buffer[position] = byte
      position += 1
    }
    return position - offset
  }
}

/// "A" -> "a"; other bytes unchanged.
@inline(__always)
func asciiLowercase(_ byte: UInt8) -> UInt8 {
  byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
}
