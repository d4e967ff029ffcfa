//! Place names: countries (in their own and other languages) with their ISO 3166-1 codes,
//! states and provinces written as codes, regions, and the words that start multi-word city
//! names ("San", "New").

use std::collections::HashMap;
use std::sync::LazyLock;

use super::countries_iso::ISO_COUNTRY_NAMES;
use super::fold;

/// Countries, each with the names it is written as.
pub static COUNTRIES: &[(&str, &[&str])] = &[
    (
        "US",
        &[
            "USA",
            "U.S.A.",
            "US",
            "United States",
            "United States of America",
            "Estados Unidos",
            "EE.UU.",
            "EEUU",
            "Vereinigte Staaten",
            "États-Unis",
            "Stati Uniti",
            "Verenigde Staten",
        ],
    ),
    (
        "GB",
        &[
            "UK",
            "U.K.",
            "United Kingdom",
            "Great Britain",
            "Reino Unido",
            "Royaume-Uni",
            "Vereinigtes Königreich",
            "Regno Unito",
        ],
    ),
    ("CA", &["Canada"]),
    ("MX", &["Mexico", "México"]),
    ("BR", &["Brazil", "Brasil", "Brésil", "Brasilien", "Brasile"]),
    ("AR", &["Argentina"]),
    ("CL", &["Chile"]),
    ("CO", &["Colombia"]),
    ("PE", &["Peru"]),
    (
        "DE",
        &[
            "Germany",
            "Deutschland",
            "Allemagne",
            "Alemania",
            "Germania",
            "Alemanha",
            "Niemcy",
            "Германия",
            "Almanya",
            "Duitsland",
        ],
    ),
    (
        "FR",
        &["France", "Frankreich", "Francia", "França", "Francja", "Франция", "Fransa", "Frankrijk"],
    ),
    (
        "ES",
        &[
            "Spain",
            "España",
            "Espagne",
            "Spanien",
            "Espanha",
            "Hiszpania",
            "Испания",
            "İspanya",
            "Spanje",
            "Spagna",
        ],
    ),
    ("PT", &["Portugal", "Portogallo"]),
    (
        "IT",
        &["Italy", "Italia", "Italien", "Italie", "Itália", "Włochy", "Италия", "İtalya", "Italië"],
    ),
    (
        "NL",
        &[
            "Netherlands",
            "The Netherlands",
            "Nederland",
            "Holland",
            "Países Bajos",
            "Pays-Bas",
            "Niederlande",
            "Paesi Bassi",
            "Holanda",
            "Holandia",
            "Hollanda",
        ],
    ),
    ("BE", &["België", "Belgique", "Belgium", "Belgien", "Belgio", "Bélgica"]),
    (
        "CH",
        &[
            "Suisse",
            "Svizzera",
            "Switzerland",
            "Schweiz",
            "Suíça",
            "Suiza",
            "Szwajcaria",
            "İsviçre",
            "Zwitserland",
        ],
    ),
    ("PL", &["Polska", "Polen", "Poland"]),
    ("SE", &["Sverige", "Sweden"]),
    ("NO", &["Norge", "Norway"]),
    ("DK", &["Danmark", "Denmark"]),
    ("FI", &["Suomi", "Finland"]),
    ("IE", &["Éire", "Ireland"]),
    ("CZ", &["Česko", "Czech Republic", "Czechia"]),
    ("HU", &["Magyarország", "Hungary"]),
    ("RO", &["România", "Romania"]),
    ("GR", &["Ελλάδα", "Greece"]),
    ("TR", &["Türkiye", "Turkey", "Türkei", "Turquie", "Turquía", "Turchia", "Turcja"]),
    ("LU", &["Luxembourg"]),
    ("AT", &["Austria", "Österreich", "Autriche", "Áustria"]),
    ("IS", &["Iceland"]),
    ("SK", &["Slovakia"]),
    ("BG", &["Bulgaria"]),
    ("UA", &["Ukraine", "Україна", "Ucrania"]),
    ("RU", &["Russia", "Россия", "Rusia", "Russie", "Russland", "Rosja", "Rusya"]),
    ("EE", &["Estonia"]),
    ("LV", &["Latvia"]),
    ("LT", &["Lithuania"]),
    ("RS", &["Serbia"]),
    ("HR", &["Croatia"]),
    ("SI", &["Slovenia"]),
    ("IL", &["Israel"]),
    ("IN", &["India"]),
    ("CN", &["China", "中国", "Chine", "Volksrepublik China"]),
    ("JP", &["Japan", "日本"]),
    ("KR", &["Korea", "South Korea"]),
    ("SG", &["Singapore"]),
    ("AU", &["Australia"]),
    ("NZ", &["New Zealand"]),
    ("ZA", &["South Africa"]),
    ("NG", &["Nigeria"]),
    ("KE", &["Kenya"]),
    ("EG", &["Egypt"]),
    ("VN", &["Vietnam"]),
    ("TH", &["Thailand"]),
    ("ID", &["Indonesia"]),
    ("MY", &["Malaysia"]),
    ("PH", &["Philippines"]),
    ("TW", &["Taiwan"]),
    ("HK", &["Hong Kong"]),
    ("PK", &["Pakistan"]),
    ("BD", &["Bangladesh"]),
    ("AE", &["United Arab Emirates", "UAE"]),
    ("IR", &["Iran"]),
    ("MA", &["Morocco", "Maroc"]),
    ("DZ", &["Algeria", "Algérie"]),
    ("TN", &["Tunisia", "Tunisie"]),
    ("SA", &["Saudi Arabia"]),
    ("QA", &["Qatar"]),
    ("LB", &["Lebanon", "Liban"]),
    ("VE", &["Venezuela"]),
    ("EC", &["Ecuador"]),
    ("UY", &["Uruguay"]),
    ("PY", &["Paraguay"]),
    ("BO", &["Bolivia"]),
    ("CR", &["Costa Rica"]),
    ("CU", &["Cuba"]),
    ("GH", &["Ghana"]),
    ("ET", &["Ethiopia"]),
    ("LK", &["Sri Lanka"]),
    ("NP", &["Nepal"]),
    ("CY", &["Cyprus"]),
    ("MT", &["Malta"]),
    ("BY", &["Belarus"]),
    ("MD", &["Moldova"]),
    ("AM", &["Armenia"]),
    ("AZ", &["Azerbaijan"]),
    ("KZ", &["Kazakhstan"]),
    ("UZ", &["Uzbekistan"]),
];

/// State and province codes (US, Canada, Australia).
pub static STATES: &[&str] = &[
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS",
    "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY",
    "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV",
    "WI", "WY", "DC", "AB", "BC", "MB", "NB", "NL", "NS", "ON", "PE", "QC", "SK", "NSW", "VIC",
    "QLD",
];

/// Regions written out ("California", "Bavaria").
pub static REGIONS: &[&str] = &[
    "California",
    "New York",
    "Texas",
    "Washington",
    "Massachusetts",
    "Quebec",
    "Québec",
    "Ontario",
    "British Columbia",
    "Alberta",
    "Bavaria",
    "Bayern",
    "Catalonia",
    "Scotland",
    "England",
    "Wales",
    "Île-de-France",
    "Ile-de-France",
    "Victoria",
    "New South Wales",
];

/// Words that start a multi-word city name ("San Jose", "New York").
pub static CITY_PREFIX: &[&str] = &[
    "New", "San", "Los", "Las", "Santa", "St.", "Saint", "Fort", "Salt", "Palo", "Mountain",
    "Long", "El",
];

/// Small words inside a place name: "Province of Lakeshire", "Frankfurt am
/// Main", "Porto do Sol".
pub static CONNECTORS: &[&str] = &[
    "de", "am", "an", "im", "sur", "upon", "on", "la", "le", "les", "del", "della", "di", "do",
    "da", "dos", "das", "du", "des", "der", "y", "el",
];

/// Kinds of division that an English place name puts before "of" ("Province of Lakeshire",
/// "Isle of Man"); after other words "of" makes an institution ("University of Lakeview").
pub static DIVISION_OF: &[&str] = &[
    "Community",
    "State",
    "Province",
    "Region",
    "District",
    "County",
    "City",
    "Republic",
    "Isle",
    "Canton",
    "Principality",
    "Commonwealth",
];

/// Phrases that say where a person lives, before the place: "Based in Lyon", "habite à Lyon".
pub static RESIDENCE: &[&str] = &[
    "location:",
    "based in",
    "lives in",
    "living in",
    "resident in",
    "residing in",
    "located in",
    "habite à",
    "habite a",
    "résidant à",
    "wohnhaft in",
    "wohne in",
    "vive en",
    "reside en",
    "residente en",
    "mora em",
    "moro em",
    "residente em",
    "vive a",
    "abita a",
    "residente a",
    "woont in",
    "vis à",
    "vit à",
    "je vis à",
    "lebe in",
    "mieszka w",
];

/// Words that put an organisation in its town ("Acme in Berlin", "Acme à Lyon"), per
/// language.
pub static IN_TOWN: &[&str] = &["in", "à", "en", "em", "w", "в", "di"];

/// Words for working from anywhere.
pub static REMOTE: &[&str] = &[
    "remote",
    "remotely",
    "home office",
    "worldwide",
    "anywhere",
    "hybrid",
    "remote job",
    "remote work",
    "fully remote",
    "onsite",
    "on-site",
    "on site",
    "in office",
];

/// The other countries, by their English names (names that are also a US state or a common
/// word, such as Georgia and Chad, are left out: a state never implies a country). Names in
/// other languages come from [`ISO_COUNTRY_NAMES`], generated by `scripts/gen_countries.py`.
pub static MORE_COUNTRIES: &[(&str, &[&str])] = &[
    ("AF", &["Afghanistan"]),
    ("AD", &["Andorra"]),
    ("AO", &["Angola"]),
    ("BA", &["Bosnia and Herzegovina", "Bosnia"]),
    ("BB", &["Barbados"]),
    ("BH", &["Bahrain"]),
    ("BI", &["Burundi"]),
    ("BJ", &["Benin"]),
    ("BN", &["Brunei"]),
    ("BS", &["Bahamas"]),
    ("BT", &["Bhutan"]),
    ("BW", &["Botswana"]),
    ("BF", &["Burkina Faso"]),
    ("BZ", &["Belize"]),
    ("CD", &["Democratic Republic of the Congo", "DR Congo"]),
    ("CG", &["Congo", "Republic of the Congo"]),
    ("CI", &["Côte d'Ivoire", "Ivory Coast"]),
    ("CM", &["Cameroon"]),
    ("CV", &["Cape Verde", "Cabo Verde"]),
    ("DO", &["Dominican Republic"]),
    ("ER", &["Eritrea"]),
    ("FJ", &["Fiji"]),
    ("GA", &["Gabon"]),
    ("GM", &["Gambia", "The Gambia"]),
    ("GN", &["Guinea"]),
    ("GT", &["Guatemala"]),
    ("GY", &["Guyana"]),
    ("HN", &["Honduras"]),
    ("HT", &["Haiti"]),
    ("IQ", &["Iraq"]),
    ("JM", &["Jamaica"]),
    ("JO", &["Jordan"]),
    ("KG", &["Kyrgyzstan"]),
    ("KH", &["Cambodia"]),
    ("KW", &["Kuwait"]),
    ("LA", &["Laos"]),
    ("LI", &["Liechtenstein"]),
    ("LR", &["Liberia"]),
    ("LS", &["Lesotho"]),
    ("LY", &["Libya"]),
    ("MC", &["Monaco"]),
    ("ME", &["Montenegro"]),
    ("MG", &["Madagascar"]),
    ("MK", &["North Macedonia", "Macedonia"]),
    ("ML", &["Mali"]),
    ("MM", &["Myanmar"]),
    ("MN", &["Mongolia"]),
    ("MR", &["Mauritania"]),
    ("MU", &["Mauritius"]),
    ("MV", &["Maldives"]),
    ("MW", &["Malawi"]),
    ("MZ", &["Mozambique"]),
    ("NA", &["Namibia"]),
    ("NE", &["Niger"]),
    ("NI", &["Nicaragua"]),
    ("OM", &["Oman"]),
    ("PA", &["Panama"]),
    ("PG", &["Papua New Guinea"]),
    ("PR", &["Puerto Rico"]),
    ("PS", &["Palestine"]),
    ("RW", &["Rwanda"]),
    ("SD", &["Sudan"]),
    ("SL", &["Sierra Leone"]),
    ("SM", &["San Marino"]),
    ("SN", &["Senegal"]),
    ("SO", &["Somalia"]),
    ("SR", &["Suriname"]),
    ("SS", &["South Sudan"]),
    ("SV", &["El Salvador"]),
    ("SY", &["Syria"]),
    ("TG", &["Togo"]),
    ("TJ", &["Tajikistan"]),
    ("TM", &["Turkmenistan"]),
    ("TT", &["Trinidad and Tobago"]),
    ("TZ", &["Tanzania"]),
    ("UG", &["Uganda"]),
    ("YE", &["Yemen"]),
    ("ZM", &["Zambia"]),
    ("ZW", &["Zimbabwe"]),
];

/// Every country name: the hand-written tables first (they win where a name is claimed
/// twice), then the names generated from iso-codes in each language the importer reads.
static BY_NAME: LazyLock<HashMap<String, &'static str>> = LazyLock::new(|| {
    let mut map = HashMap::with_capacity(ISO_COUNTRY_NAMES.len() + 512);
    for (code, names) in COUNTRIES.iter().chain(MORE_COUNTRIES) {
        for n in *names {
            map.entry(fold(n.trim_end_matches('.'))).or_insert(*code);
        }
    }
    for (_lang, name, code) in ISO_COUNTRY_NAMES {
        map.entry(fold(name)).or_insert(*code);
    }
    map
});

/// The ISO code of a written-out country name, in any language listed.
pub fn country_code(name: &str) -> Option<&'static str> {
    BY_NAME.get(&fold(name.trim().trim_end_matches('.'))).copied()
}
