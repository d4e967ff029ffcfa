//! What a place looks like: "City, ST", "City, Region, Country", "Lyon (France)", "Remote".
//! Countries map to ISO 3166-1 codes only when written out; a state never implies a country.
//! The names themselves are in [`vocab::places`](crate::parse::vocab::places).

use crate::model::Location;
use crate::parse::vocab::places::{
    self, CITY_PREFIX, CONNECTORS, DIVISION_OF, REGIONS, RESIDENCE, STATES,
};

/// The ISO code of a written-out country name.
pub fn country_code(name: &str) -> Option<&'static str> {
    places::country_code(name)
}

fn is_state(s: &str) -> bool {
    STATES.contains(&s.trim().trim_end_matches('.'))
}

fn is_region(s: &str) -> bool {
    REGIONS.iter().any(|r| r.eq_ignore_ascii_case(s.trim()))
}

pub fn is_place_word(s: &str) -> bool {
    let s = s.trim();
    let words: Vec<&str> = s.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 4
        && s.chars().all(|c| c.is_alphabetic() || " .'-".contains(c))
        && words.iter().enumerate().all(|(i, w)| {
            w.chars().next().is_some_and(char::is_uppercase)
                || CONNECTORS.contains(w)
                || *w == "of" && i > 0 && DIVISION_OF.contains(&words[i - 1])
        })
}

/// Whether a comma-separated tail ("Montreal, Quebec, Canada") is a place.
pub fn is_place(parts: &[&str]) -> bool {
    let Some(last) = parts.last() else { return false };
    let last = last.trim();
    let ends_well = is_state(last) || country_code(last).is_some() || is_region(last);
    if parts.len() == 1 {
        return is_remote(last) || country_code(last).is_some();
    }
    ends_well && parts.iter().all(|p| is_place_word(p))
}

pub fn is_remote(s: &str) -> bool {
    let s = s.trim().to_lowercase();
    // "Remote & Onsite", "remote / hybrid": work modes joined are one.
    s.split(['&', '/', ',', '+'])
        .flat_map(|p| p.split(" and "))
        .map(str::trim)
        .all(|p| places::REMOTE.contains(&p))
}

/// A whole text as a location: "Hartford, CT", "Lyon (France)", "Berlin, Germany".
pub fn location(text: &str) -> Option<Location> {
    // A place is a few words; a long text is not one (and is not split to find out).
    if text.len() > 120 {
        return None;
    }
    let t = text.trim().trim_end_matches(['.', ';']);
    let t = without_residence_words(t);
    // "Niterói/RJ": a city and its state's code.
    if let Some((city, region)) = t.split_once('/')
        && region.len() == 2
        && region.chars().all(|c| c.is_ascii_uppercase())
        && is_place_word(city)
    {
        return Some(Location {
            city: Some(city.trim().to_string()),
            region: Some(region.to_string()),
            ..Default::default()
        });
    }
    let (city, rest) =
        if let Some((before, inner)) = t.strip_suffix(')').and_then(|s| s.split_once(" (")) {
            // "Lyon (France)", "Lacville, QC (Canada)": the bracket holds the last part. The
            // part between is a state or region ("Acme, Montréal (Canada)" is no place).
            let mut parts = before.split(',').map(str::trim);
            let city = parts.next().unwrap_or_default();
            let between: Vec<&str> = parts.collect();
            if !between.iter().all(|p| is_state(p) || is_region(p)) {
                return None;
            }
            (city, between.into_iter().chain([inner.trim()]).collect())
        } else {
            let parts: Vec<&str> = t.split(',').map(str::trim).collect();
            if parts.len() < 2 {
                // "Lisboa", "São Paulo": a large city named alone.
                return places::is_known_city(t)
                    .then(|| Location { city: Some(t.to_string()), ..Default::default() });
            }
            // "Russia, Saint-Petersburg": the country written first, then the city.
            if let [country, city] = parts.as_slice()
                && let Some(code) = country_code(country)
                && country_code(city).is_none()
                && is_place_word(city)
            {
                return Some(Location {
                    city: Some(city.to_string()),
                    country_code: Some(code.to_string()),
                    ..Default::default()
                });
            }
            (parts[0], parts[1..].to_vec())
        };
    let mut all = vec![city];
    all.extend(rest.iter().copied());
    if !is_place(&all) || !is_place_word(city) || all.len() > 4 {
        return None;
    }
    let mut loc = Location { city: Some(city.to_string()), ..Default::default() };
    let last = rest.last().copied().unwrap_or_default();
    if let Some(code) = country_code(last) {
        loc.country_code = Some(code.to_string());
        if rest.len() >= 2 {
            loc.region = Some(rest[0].to_string());
        }
    } else {
        loc.region = Some(last.to_string());
    }
    Some(loc)
}

/// The place after a phrase of residence at the start of the text or of one of its comma
/// parts ("36 years old, lives in Lyon"), or the text itself.
fn without_residence_words(text: &str) -> &str {
    let starts = std::iter::once(0).chain(text.match_indices([',', ';', '|']).map(|(i, _)| i + 1));
    for start in starts {
        let part = text[start..].trim_start();
        for phrase in RESIDENCE {
            if let Some(head) = part.get(..phrase.len())
                && head.eq_ignore_ascii_case(phrase)
            {
                return part[phrase.len()..].trim();
            }
        }
    }
    text.trim()
}

/// A town and what follows it without a comma, in a text already known to be a place (after
/// a place label, in a postal address): "Lakeview Sweden", "Lakeview - Sweden", "Lakeview ZH",
/// "Lakeview NORTHSHIRE". Outside such a slot "Acme Sweden" is an employer, so
/// [`location`] does not read this shape.
pub fn town_then_region(text: &str) -> Option<Location> {
    let t = text.trim().trim_end_matches('.');
    if t.contains(',') || t.split_whitespace().count() > 5 {
        return None;
    }
    let (town, rest) = match t.split_once(" - ").or_else(|| t.split_once(" – ")) {
        Some((town, rest)) => (town.trim().to_string(), rest.trim().to_string()),
        None => {
            // The last one or two words: a country ("New Zealand"), or a region in capitals.
            let words: Vec<&str> = t.split_whitespace().collect();
            (1..=2)
                .rev()
                .filter(|&n| words.len() > n)
                .map(|n| {
                    let at = words.len() - n;
                    (words[..at].join(" "), words[at..].join(" "))
                })
                .find(|(_, rest)| {
                    country_code(rest).is_some() || !rest.contains(' ') && is_capitals_region(rest)
                })?
        }
    };
    let (town, rest) = (town.as_str(), rest.as_str());
    if !is_place_word(town) || town.chars().all(|c| !c.is_lowercase()) {
        return None;
    }
    let mut loc = Location { city: Some(town.to_string()), ..Default::default() };
    match country_code(rest) {
        Some(code) => loc.country_code = Some(code.to_string()),
        None if is_capitals_region(rest) || is_place_word(rest) => {
            loc.region = Some(rest.to_string())
        }
        None => return None,
    }
    Some(loc)
}

/// A region written in capitals after its town: a code ("ZH", "SG") or a name ("NORTHSHIRE").
fn is_capitals_region(word: &str) -> bool {
    word.chars().count() >= 2
        && word.chars().all(|c| c.is_uppercase() || c == '-')
        && !word.starts_with('-')
}

/// Splits a trailing place off a text: ("Acme Corp", "Hartford, CT") from
/// "Acme Corp Hartford, CT" or "Acme Corp, Hartford, CT".
pub fn split_trailing(text: &str) -> (String, Option<String>) {
    let t = text.trim();
    if t.len() > 300 {
        return (t.to_string(), None);
    }
    // "Globex, Lyon, France (remote)": the way of working stays with the place it qualifies.
    if let Some((head, mode)) = t.strip_suffix(')').and_then(|s| s.rsplit_once(" ("))
        && is_remote(mode)
        && let (org, Some(place)) = split_trailing(head)
    {
        return (org, Some(format!("{place} ({mode})")));
    }
    if let Some((head, inner)) = t.strip_suffix(')').and_then(|s| s.rsplit_once(" ("))
        && (is_place(&inner.split(',').map(str::trim).collect::<Vec<_>>())
            || is_place_word(inner) && country_code(inner).is_some())
    {
        // "Acme, Montréal (Canada)": the city before the bracket belongs to the place.
        if let Some((org, city)) = head.rsplit_once(", ")
            && is_place_word(city)
            && city.split_whitespace().count() <= 2
        {
            return (org.trim().to_string(), Some(format!("{} ({})", city.trim(), inner.trim())));
        }
        return (head.trim().to_string(), Some(inner.trim().to_string()));
    }
    let parts: Vec<&str> = t.split(',').map(str::trim).collect();
    // "Org, City, Region": the longest tail that is a place.
    for start in 1..parts.len() {
        let tail = &parts[start..];
        // Three parts are "City, Region, Country"; "City, ST" has two.
        let shape_ok = match tail.len() {
            1 => is_remote(tail[0]) || country_code(tail[0]).is_some(),
            2 => true,
            3 => country_code(tail[2]).is_some(),
            _ => false,
        };
        if is_place(tail) && shape_ok {
            let head = parts[..start].join(", ");
            return (head, Some(tail.join(", ")));
        }
        // "Org, City ST": the last part a town and its state's code, without a comma between.
        if start == parts.len() - 1
            && let Some((city, state)) = parts[start].rsplit_once(' ')
            && is_state(state)
            && state.chars().all(|c| c.is_ascii_uppercase())
            && city.split_whitespace().count() <= 3
            && is_place_word(city)
        {
            return (parts[..start].join(", "), Some(parts[start].to_string()));
        }
        // "Org City, ST": the city is the last word (two for "New York", "San Jose").
        if start == parts.len() - 1 && is_state(parts[start]) {
            let words: Vec<&str> = parts[start - 1].split_whitespace().collect();
            let prefixed = words.len() >= 2 && CITY_PREFIX.contains(&words[words.len() - 2]);
            if prefixed && words.len() == 2 && start == 1 {
                // "San Jose, CA" alone is a place.
                return (String::new(), Some(t.to_string()));
            }
            if words.len() >= 2 {
                let take = if words.len() >= 3 && prefixed { 2 } else { 1 };
                let city = words[words.len() - take..].join(" ");
                let org = words[..words.len() - take].join(" ");
                let mut head = parts[..start - 1].to_vec();
                head.push(&org);
                return (head.join(", "), Some(format!("{city}, {}", parts[start])));
            }
        }
    }
    (t.to_string(), None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_locations() {
        let l = location("Hartford, CT").unwrap();
        assert_eq!((l.city.as_deref(), l.region.as_deref()), (Some("Hartford"), Some("CT")));
        let l = location("Lyon (France)").unwrap();
        assert_eq!(l.country_code.as_deref(), Some("FR"));
        let l = location("Montreal, Quebec, Canada").unwrap();
        assert_eq!((l.region.as_deref(), l.country_code.as_deref()), (Some("Quebec"), Some("CA")));
        assert!(location("Senior Manager, Billing Platforms").is_none());
        assert!(location("Larkspur Logistics, Montréal (Canada)").is_none());
        let l = location("Beaupont, QC (Canada)").unwrap();
        assert_eq!(
            (l.city.as_deref(), l.region.as_deref(), l.country_code.as_deref()),
            (Some("Beaupont"), Some("QC"), Some("CA"))
        );
        let l = location("Niterói/RJ").unwrap();
        assert_eq!((l.city.as_deref(), l.region.as_deref()), (Some("Niterói"), Some("RJ")));
        assert!(location("VP, Principal Data Architect").is_none());
    }

    #[test]
    fn a_large_city_named_alone_is_a_place_and_an_unknown_word_is_not() {
        assert_eq!(location("São Paulo").and_then(|l| l.city).as_deref(), Some("São Paulo"));
        assert_eq!(location("Lisboa").and_then(|l| l.city).as_deref(), Some("Lisboa"));
        assert!(location("Globex").is_none());
        assert!(location("Reading").is_none());
    }

    #[test]
    fn reads_a_country_written_before_its_city() {
        let l = location("Norway, Trondheim").unwrap();
        assert_eq!((l.city.as_deref(), l.country_code.as_deref()), (Some("Trondheim"), Some("NO")));
        let l = location("Trondheim, Norway").unwrap();
        assert_eq!((l.city.as_deref(), l.country_code.as_deref()), (Some("Trondheim"), Some("NO")));
    }

    #[test]
    fn splits_a_trailing_place() {
        assert_eq!(
            split_trailing("Acme Analytics Group Hartford, CT"),
            ("Acme Analytics Group".into(), Some("Hartford, CT".into()))
        );
        assert_eq!(
            split_trailing("Lab, University of Somewhere Dover, DE").1.as_deref(),
            Some("Dover, DE")
        );
        assert_eq!(
            split_trailing("Globex, Vancouver, Canada"),
            ("Globex".into(), Some("Vancouver, Canada".into()))
        );
        assert_eq!(split_trailing("Initech, Remote"), ("Initech".into(), Some("Remote".into())));
        assert_eq!(
            split_trailing("Initech, Montréal (Canada)"),
            ("Initech".into(), Some("Montréal (Canada)".into()))
        );
        assert_eq!(split_trailing("Apple, Inc."), ("Apple, Inc.".into(), None));
        assert_eq!(split_trailing("Acme San Jose, CA").1.as_deref(), Some("San Jose, CA"));
        assert_eq!(
            split_trailing("Globex Adventures, Springfield WA"),
            ("Globex Adventures".into(), Some("Springfield WA".into()))
        );
        assert_eq!(split_trailing("Initech, Research IT"), ("Initech, Research IT".into(), None));
        assert_eq!(split_trailing("San Jose, CA"), (String::new(), Some("San Jose, CA".into())));
    }

    #[test]
    fn keeps_small_words_and_the_way_of_working_with_a_place() {
        assert_eq!(
            split_trailing("Globex, Lakeview, Community of Northshire, Spain"),
            ("Globex".into(), Some("Lakeview, Community of Northshire, Spain".into()))
        );
        assert_eq!(
            split_trailing("Initech, Lakeview, Northshire, Italy (remote)"),
            ("Initech".into(), Some("Lakeview, Northshire, Italy (remote)".into()))
        );
        assert_eq!(split_trailing("Acme (remote)"), ("Acme".into(), Some("remote".into())));
    }

    #[test]
    fn reads_a_town_and_its_region_without_a_comma() {
        let read = |t: &str| {
            town_then_region(t).map(|l| (l.city.unwrap_or_default(), l.region, l.country_code))
        };
        assert_eq!(read("Lakeview Sweden"), Some(("Lakeview".into(), None, Some("SE".into()))));
        assert_eq!(read("Lakeview - Pakistan"), Some(("Lakeview".into(), None, Some("PK".into()))));
        assert_eq!(read("Lakeview ZH"), Some(("Lakeview".into(), Some("ZH".into()), None)));
        assert_eq!(
            read("Lakeview NORTHSHIRE"),
            Some(("Lakeview".into(), Some("NORTHSHIRE".into()), None))
        );
        assert_eq!(read("Lakeview"), None);
        assert_eq!(read("Lakeview, Sweden"), None);
        assert_eq!(read("ACME GMBH"), None);
    }

    #[test]
    fn reads_the_place_after_words_of_residence() {
        for text in ["Based in Lakeview, Sweden", "habite à Lakeview, Suède"] {
            let l = location(text).unwrap_or_else(|| panic!("{text} names a place"));
            assert_eq!(
                (l.city.as_deref(), l.country_code.as_deref()),
                (Some("Lakeview"), Some("SE"))
            );
        }
    }

    #[test]
    fn knows_countries_in_many_languages() {
        for (name, code) in [
            ("Chili", "CL"),
            ("Deutschland", "DE"),
            ("Alemania", "DE"),
            ("Polska", "PL"),
            ("Pologne", "PL"),
            ("Россия", "RU"),
            ("Российская Федерация", "RU"),
            ("Portogallo", "PT"),
            ("Zuid-Afrika", "ZA"),
            ("Güney Afrika", "ZA"),
            ("Πορτογαλία", "PT"),
            ("ΠΟΡΤΟΓΑΛΙΑ", "PT"),
            ("Bolivie", "BO"),
            ("Iran", "IR"),
            ("Nouvelle-Zélande", "NZ"),
        ] {
            assert_eq!(country_code(name), Some(code), "{name}");
        }
        // Words that are also a US state, a first name or an ordinary word name no country.
        for name in ["Georgia", "Island", "Réunion", "Granada", "Dominique", "Korea Republic"] {
            assert_eq!(country_code(name), None, "{name}");
        }
    }

    #[test]
    fn reads_places_written_in_other_languages() {
        for (text, city, code) in [
            ("Valparaíso, Chili", "Valparaíso", "CL"),
            ("München, Deutschland", "München", "DE"),
            ("Lisboa, Portugal", "Lisboa", "PT"),
            ("Kraków, Polska", "Kraków", "PL"),
            ("Москва, Россия", "Москва", "RU"),
            ("Sevilla (España)", "Sevilla", "ES"),
        ] {
            let l = location(text).unwrap_or_else(|| panic!("{text} is a place"));
            assert_eq!((l.city.as_deref(), l.country_code.as_deref()), (Some(city), Some(code)));
        }
        assert_eq!(
            split_trailing("Acme Logistique, Lyon, Suisse").1.as_deref(),
            Some("Lyon, Suisse")
        );
    }
}
