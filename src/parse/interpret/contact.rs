//! Header and contact details: name, headline (label), e-mail, phone, web site, social
//! profiles (GitHub, LinkedIn, Twitter, Mastodon, ...) with usernames, and location.

use std::sync::LazyLock;

use regex::Regex;

use super::groups;
use super::lines::{Line, Link};
use super::places;
use super::sections::lexicon;
use crate::model::{Basics, Language, Location, Profile};
use crate::parse::pattern::Pattern;
use crate::parse::vocab::fields::{self, Label};
use crate::parse::vocab::titles;

static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)[a-z0-9][a-z0-9._%+-]{0,63}@[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63})*\.[a-z]{2,24}(?-u:\b)",
    )
    .expect("email pattern")
});
static PHONE: LazyLock<Regex> = LazyLock::new(|| {
    // The country code may be bracketed with its plus sign: "(+56) 9 1234 5678".
    Regex::new(
        r"(?:^|[^\w+])((?:\(\+\d{1,4}\)|\+?\(?\d{1,4}\)?)(?:[\s./-]{0,2}\(?\d{1,5}\)?){2,6})(?:$|[^\w])",
    )
        .expect("phone pattern")
});
static URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:https?://[^\s<>()\[\]]+|www\.[^\s<>()\[\]]+|(?:github\.com|gitlab\.com|linkedin\.com|twitter\.com|x\.com|bitbucket\.org|stackoverflow\.com|medium\.com|keybase\.io)/[^\s<>()\[\]]+)",
    )
    .expect("url pattern")
});
static HANDLE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?i)^(github|gitlab|linkedin|twitter|mastodon|x|bitbucket|stack ?overflow|keybase|bluesky|skype|telegram|xing|kaggle|leetcode|codeberg|hugging ?face)\s*[:|-]?\s*@?([\w.@-]*)$",
    )
});
static MASTODON: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"(?:^|\s)@([\w.]+)@([a-z0-9-]+(?:\.[a-z0-9-]+)+)(?-u:\b)"));
static POSTCODE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?-u:\b)\d{5}(?:-\d{4})?(?-u:\b)|(?-u:\b)[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}(?-u:\b)",
    )
});
/// A European postal address ending in "postcode City" ("Lindenstraße 4, 70173 Stuttgart",
/// "1012 AB Amsterdam", "75001 Paris, France", "30-001 Kraków"): the city, and a country
/// written after it.
/// Searched in lines under 300 bytes only, so built as a
/// [`short_text_regex`](crate::parse::short_text_regex).
static POSTAL_CITY: LazyLock<regex_automata::meta::Regex> = LazyLock::new(|| {
    crate::parse::short_text_regex(
        r"(?:^|(?P<comma>,)\s*|\s)(?:[A-Z]{1,2}-)?(?P<code>\d{4,5}(?:\s?[A-Z]{2})?|\d{2}-\d{3}|\d{4}-\d{3})\s+(\p{Lu}[\p{L}.'-]+(?:[ -](?:am|an|im|sur|de|del|di|la|le|\p{Lu}[\p{L}.'-]+))*)\s*(?:,\s*(\p{Lu}[\p{L} ]+?))?\s*(?:\((?P<paren>\p{Lu}[\p{L} ]+)\))?$",
    )
});

/// What [`POSTAL_CITY`] found in a line.
struct PostalCity<'a> {
    /// Where the match starts: the street is what comes before.
    start: usize,
    /// Whether a comma stands right before the postcode.
    comma: bool,
    code: &'a str,
    city: &'a str,
    /// The part after the town: a country, or a region when a bracket holds the country.
    country: Option<&'a str>,
    /// "(Spain)" after the town or its region.
    bracket: Option<&'a str>,
}

fn postal_city(text: &str) -> Option<PostalCity<'_>> {
    let mut caps = POSTAL_CITY.create_captures();
    POSTAL_CITY.captures(text, &mut caps);
    let group = |i: usize| caps.get_group(i).map(|s| &text[s]);
    Some(PostalCity {
        start: caps.get_match()?.start(),
        comma: caps.get_group_by_name("comma").is_some(),
        code: caps.get_group_by_name("code").map(|s| &text[s])?,
        city: group(3)?,
        country: group(4),
        bracket: caps.get_group_by_name("paren").map(|s| &text[s]),
    })
}
/// "Springfield, IL 62701", "springfield IL 62701": a North American postal address, the town,
/// its state's or province's code and the postcode.
static STATE_ZIP: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"(?:^|,\s*)(\p{L}[\p{L}.' -]*?),?\s+([A-Z]{2})\s+\d{5}(?:-\d{4})?(?:\s|,|$)")
});
/// "Webpage: example.org": a web address written without a scheme, after its label.
static WEB_FIELD: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?i)^(?:web\s?(?:site|page)?|home\s?page|url|site|blog|portfolio|webseite|sito(?:\s+web)?|página(?:\s+web)?|sitio(?:\s+web)?|site\s+web)\s*:\s*([a-z0-9][a-z0-9.-]*\.[a-z]{2,}(?:/\S*)?)\s*$",
    )
});
/// "jane-doe.com", "www.example.org", "example.dev/blog": a web address written as a bare
/// domain, perhaps with a path; the top-level domain is checked against [`WEB_TLDS`].
static DOMAIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:https?://)?(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+(?P<tld>[a-z]{2,12})(?:/[^\s]*)?$",
    )
    .expect("domain pattern")
});

/// Top-level domains a personal site is usually on. Only these make a bare word with dots a
/// web address: "Node.js", "README.md" or "ASP.NET" are not sites.
const WEB_TLDS: &[&str] = &[
    "com", "org", "net", "dev", "io", "me", "info", "name", "app", "page", "site", "blog", "tech",
    "xyz", "online", "website", "codes", "cloud", "eu", "de", "uk", "co", "fr", "nl", "be", "ch",
    "at", "se", "no", "dk", "fi", "is", "es", "it", "pt", "pl", "cz", "ru", "ca", "us", "au", "nz",
    "in", "jp", "br",
];

/// The bare domains in a contact line: parts between separators that are nothing but contact
/// details ("jane@example.net | jane-doe.com | +47 400 00 000"). E-mail addresses are not
/// domains; a part with other words (a sentence naming a site) gives none.
fn domains_in(text: &str) -> Vec<String> {
    if text.len() > 400 || !text.contains('.') {
        return Vec::new();
    }
    let mut out = Vec::new();
    for part in text.split(['|', '·', '•', ';', ',', '⋅', '◦']) {
        let part = unlabelled(part.trim());
        let tokens: Vec<&str> = part.split_whitespace().collect();
        let domains: Vec<&str> = tokens.iter().filter_map(|t| bare_domain(t)).collect();
        let others_are_contacts = tokens.iter().all(|t| {
            bare_domain(t).is_some()
                || t.contains('@')
                || t.chars().all(|c| c.is_ascii_digit() || "+()-./–—".contains(c))
        });
        if others_are_contacts {
            out.extend(domains.into_iter().map(str::to_string));
        }
    }
    out
}

/// A token that is a web address without a scheme, trimmed of surrounding punctuation.
fn bare_domain(token: &str) -> Option<&str> {
    let t =
        token.trim_start_matches(['(', '<', '[']).trim_end_matches(['.', ',', ';', ')', '>', ']']);
    if t.contains('@') || t.starts_with("mailto:") {
        return None;
    }
    let m = DOMAIN.captures(t)?;
    WEB_TLDS.contains(&&m["tld"]).then_some(t)
}

/// "E-Mail: ada@example.org", "Nama :Ada Lovelace", "Geburtsdatum: …": a label the
/// vocabulary knows, what it labels and the value after it.
pub fn labelled(text: &str) -> Option<(Label, &str)> {
    let (label, value) = text.split_once(':')?;
    if label.len() > 40 || value.starts_with("//") {
        return None;
    }
    let label = label.trim().trim_start_matches(crate::parse::read::normalise::is_bullet_glyph);
    fields::label(label).map(|l| (l, value.trim()))
}

/// The text without a known label in front.
fn unlabelled(text: &str) -> &str {
    labelled(text).map_or(text, |(_, v)| v)
}

/// The social networks vitae recognises by host, with their usual names.
const NETWORKS: &[(&str, &str)] = &[
    ("github.com", "GitHub"),
    ("gitlab.com", "GitLab"),
    ("linkedin.com", "LinkedIn"),
    ("twitter.com", "Twitter"),
    ("x.com", "X"),
    ("bitbucket.org", "Bitbucket"),
    ("stackoverflow.com", "Stack Overflow"),
    ("medium.com", "Medium"),
    ("keybase.io", "Keybase"),
    ("dev.to", "DEV"),
    ("behance.net", "Behance"),
    ("dribbble.com", "Dribbble"),
    ("kaggle.com", "Kaggle"),
    ("orcid.org", "ORCID"),
    ("scholar.google.com", "Google Scholar"),
    ("researchgate.net", "ResearchGate"),
    ("youtube.com", "YouTube"),
    ("facebook.com", "Facebook"),
    ("instagram.com", "Instagram"),
    ("bsky.app", "Bluesky"),
    ("soundcloud.com", "SoundCloud"),
    ("news.ycombinator.com", "Hacker News"),
    ("t.me", "Telegram"),
    ("xing.com", "XING"),
    ("xing.de", "XING"),
    ("huggingface.co", "Hugging Face"),
    ("leetcode.com", "LeetCode"),
    ("codeberg.org", "Codeberg"),
];

/// Hosts that are never a person's own site or profile.
const NOT_PERSONAL: &[&str] =
    &["calendly.com", "cal.com", "doodle.com", "zoom.us", "meet.google.com", "savvycal.com"];

/// Free mail providers: sharing their domain says nothing about a web site.
const FREE_MAIL: &[&str] = &[
    "gmail.com",
    "googlemail.com",
    "yahoo.com",
    "hotmail.com",
    "outlook.com",
    "live.com",
    "icloud.com",
    "me.com",
    "aol.com",
    "proton.me",
    "protonmail.com",
    "gmx.de",
    "gmx.net",
    "web.de",
    "mail.ru",
    "yandex.ru",
    "fastmail.com",
    "hey.com",
];

/// Contact details found in some lines.
#[derive(Debug, Default)]
pub struct Contacts {
    pub email: Option<String>,
    pub phone: Option<String>,
    pub url: Option<String>,
    pub profiles: Vec<Profile>,
    pub location: Option<Location>,
    /// Spoken languages named on a "Languages: …" line among the personal details.
    pub languages: Vec<Language>,
    /// A name given as "Name: ..." in a contact section.
    pub name: Option<String>,
    /// Lines that held nothing but contact details (so they are not a label or summary).
    pub used: Vec<usize>,
}

/// Whether a line is made of contact details (and separators) only.
pub fn is_contact_line(text: &str) -> bool {
    // Contact details are a few words; a long text is something else.
    if text.len() > 400 {
        return false;
    }
    let mut rest = text.to_string();
    for re in [&*URL, &*EMAIL] {
        rest = re.replace_all(&rest, " ").into_owned();
    }
    rest = PHONE.replace_all(&rest, " ").into_owned();
    for d in domains_in(text) {
        rest = rest.replace(&d, " ");
    }
    let rest = unlabelled(rest.trim());
    let words: Vec<&str> =
        rest.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    words.len() <= 2 && rest.len() < text.len()
        || HANDLE.is_match(text.trim())
        || labelled(text.trim()).is_some()
}

/// "Here is my GitHub profile page: https://github.com/jane", "Mail me: jane@example.org": a
/// line, wherever it stands, that ends in the person's e-mail address or profile link after at
/// most a lead-in that introduces it. A link into a profile (a repository) is not one.
pub fn introduces_contact(text: &str) -> bool {
    let t = text.trim();
    if t.len() > 200 {
        return false;
    }
    let found = EMAIL.find(t).map(|m| (m, false)).or_else(|| URL.find(t).map(|m| (m, true)));
    let Some((m, is_url)) = found else { return false };
    let after = t[m.end()..].trim();
    let lead = t[..m.start()].trim();
    let introduced = lead.is_empty() || lead.ends_with(':') && lead.split_whitespace().count() <= 8;
    if !introduced || !matches!(after, "" | "." | ")") {
        return false;
    }
    if !is_url {
        return true;
    }
    let url = m.as_str().trim_end_matches(['.', ',', '/']);
    let path = url.split_once("://").map_or(url, |(_, r)| r);
    let segments = path.split('/').skip(1).filter(|s| !s.is_empty()).count();
    let profile_path = if host(url).ends_with("linkedin.com") { 2 } else { 1 };
    network_of(url).is_some() && segments == profile_path
}

/// The first e-mail address in a text.
pub fn email_in(text: &str) -> Option<String> {
    if !text.contains('@') {
        return None;
    }
    EMAIL.find(text).map(|m| m.as_str().to_string())
}

/// Scans `lines` for e-mail, phones, links and profiles.
pub fn scan(lines: &[Line], c: &mut Contacts) {
    for (i, line) in lines.iter().enumerate() {
        let text = line.text.as_str();
        let mut used = false;
        // Cheap looks first: most lines have no '@', no web address and few digits.
        let at = text.contains('@');
        let web = text.contains("://")
            || text.contains("www.")
            || text.contains(".com/")
            || NETWORKS.iter().any(|(host, _)| text.contains(host));
        let digits = text.bytes().filter(u8::is_ascii_digit).count();
        if c.email.is_none()
            && at
            && let Some(m) = EMAIL.find(text)
        {
            c.email = Some(m.as_str().to_string());
            used = true;
        }
        // A personal-data field ("Passport | X1234567", "ID: 987654321") holds a number that
        // is no phone.
        let personal = match line.cols.as_slice() {
            [label, _, ..] => fields::label(label) == Some(Label::Personal),
            _ => labelled(text).is_some_and(|(l, _)| l == Label::Personal),
        };
        if c.phone.is_none() && digits >= 7 && !personal {
            let no_urls = if web { URL.replace_all(text, " ") } else { text.into() };
            let no_urls = if at {
                EMAIL.replace_all(&no_urls, " ").into_owned()
            } else {
                no_urls.into_owned()
            };
            if let Some(p) = find_phone(&no_urls) {
                c.phone = Some(p);
                used = true;
            }
        }
        let mut urls: Vec<String> = line.links.iter().map(|l| l.url.clone()).collect();
        if web {
            urls.extend(
                URL.find_iter(text)
                    .map(|m| m.as_str().trim_end_matches(['.', ',', ';']).to_string()),
            );
        }
        if let Some(m) = WEB_FIELD.captures(text.trim()) {
            urls.push(m[1].to_string());
        }
        urls.extend(domains_in(text).into_iter().filter(|d| !(web && URL.is_match(d))));
        for url in urls {
            used |= add_url(&url, c);
        }
        if let Some(h) = HANDLE.captures(text.trim()) {
            let network = network_name(&h[1]);
            if !c.profiles.iter().any(|p| p.network.as_deref() == Some(network.as_str())) {
                let username = (!h[2].is_empty()).then(|| h[2].to_string());
                let url = username.as_ref().and_then(|u| profile_url(&network, u));
                c.profiles.push(Profile {
                    network: Some(network),
                    username,
                    url,
                    ..Default::default()
                });
            }
            used = true;
        }
        if at && let Some(m) = MASTODON.captures(text) {
            let url = format!("https://{}/@{}", &m[2], &m[1]);
            if !c.profiles.iter().any(|p| p.url.as_deref() == Some(url.as_str())) {
                c.profiles.push(Profile {
                    network: Some("Mastodon".into()),
                    username: Some(m[1].to_string()),
                    url: Some(url),
                    ..Default::default()
                });
            }
            used = true;
        }
        if c.location.is_none() && text.len() < 600 {
            let parts: Vec<&str> = text
                .split(['|', '·', '•', ';'])
                .map(|p| {
                    p.trim().trim_start_matches(crate::parse::read::normalise::is_bullet_glyph)
                })
                .collect();
            for part in &parts {
                // A birthplace is not where the person lives now.
                if matches!(labelled(part.trim()), Some((Label::Personal, _))) {
                    continue;
                }
                if let Some(loc) = places::location(unlabelled(part.trim())) {
                    c.location = Some(loc);
                    used = true;
                    break;
                }
            }
            // Beside the e-mail address or phone number in a contact line, "Town, Region" is
            // where the person lives, known place names or not.
            if c.location.is_none()
                && parts.len() >= 2
                && parts.iter().any(|p| EMAIL.is_match(p) || find_phone(p).is_some())
                && let Some(loc) = parts.iter().find_map(|p| town_and_region(p))
            {
                c.location = Some(loc);
                used = true;
            }
        }
        if c.location.is_none()
            && digits >= 5
            && let Some(m) = STATE_ZIP.captures(text)
            && let Some(mut loc) = places::location(&format!("{}, {}", capitalised(&m[1]), &m[2]))
        {
            // The state's code and the zip vouch for the place; the town stays as written.
            loc.city = Some(m[1].trim().to_string());
            c.location = Some(loc);
            used = true;
        }
        let address = if text.len() < 300 && digits >= 4 {
            unlabelled(text.trim()).trim_end_matches('.')
        } else {
            ""
        };
        if let Some(m) = postal_city(address).filter(|m| {
            // "2019 Berlin" is more likely a year than a postcode, unless a street precedes it.
            let code = m.code;
            let year = code.len() == 4 && (code.starts_with("19") || code.starts_with("20"));
            !year || m.comma
        }) {
            // A street address: not a summary line; it gives the location.
            used = true;
            if c.location.as_ref().is_none_or(|l| l.city.as_deref() == Some(m.city)) {
                // "25600 Lakeview, Northshire (Spain)": the region, then the country.
                let (region, country) = match m.bracket {
                    Some(b) => (m.country, places::country_code(b)),
                    None => (None, m.country.and_then(places::country_code)),
                };
                let street = address[..m.start].trim().trim_end_matches(',').trim();
                let mut loc = c.location.take().unwrap_or_default();
                if !street.is_empty() {
                    loc.address = Some(street.to_string());
                }
                loc.postal_code = Some(m.code.to_string());
                loc.city = Some(m.city.to_string());
                // "9500 Lakeview ZH": the region's code follows the town.
                if let Some(split) = places::town_then_region(m.city) {
                    loc.city = split.city;
                    loc.region = split.region.or(loc.region);
                    loc.country_code = split.country_code.or(loc.country_code);
                }
                loc.country_code = country.map(str::to_string).or(loc.country_code);
                loc.region = region.map(str::to_string).or(loc.region);
                c.location = Some(loc);
            }
        }
        if let Some((label, value)) = labelled(text.trim()) {
            used |= labelled_field(label, value, c);
        }
        if let Some(languages) = groups::language_line(text) {
            for (name, fluency) in languages {
                if !c.languages.iter().any(|l| l.language.as_deref() == Some(name.as_str())) {
                    c.languages.push(Language {
                        language: Some(name),
                        fluency,
                        ..Default::default()
                    });
                }
            }
            used = true;
        }
        if used || is_contact_line(text) {
            c.used.push(i);
        }
    }
}

/// Every word with a capital first letter ("somerville" → "Somerville").
fn capitalised(text: &str) -> String {
    text.split_whitespace()
        .map(|w| {
            let mut c = w.chars();
            c.next().map(|f| f.to_uppercase().chain(c).collect::<String>()).unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// What a labelled field gives beyond the patterns: an e-mail address written oddly, a town
/// given alone after its label. Returns whether the line is used (personal data always is).
/// "Springfield, Ohio", "Barrio, Town, Province": two or three capitalised place words; the
/// last two are the town and its region.
fn town_and_region(text: &str) -> Option<Location> {
    let parts: Vec<&str> = text.split(',').map(str::trim).collect();
    if !(2..=3).contains(&parts.len()) || !parts.iter().all(|p| places::is_place_word(p)) {
        return None;
    }
    let [town, region] = parts[parts.len() - 2..] else { return None };
    Some(Location {
        city: Some(town.to_string()),
        region: Some(region.to_string()),
        ..Default::default()
    })
}

fn labelled_field(label: Label, value: &str, c: &mut Contacts) -> bool {
    match label {
        // "E -mail :ada @example.org": the label says what the value is, as written.
        Label::Email => {
            if c.email.is_none() && value.contains('@') && value.split_whitespace().count() <= 3 {
                c.email = Some(value.to_string());
            }
        }
        Label::Address | Label::City => {
            // A town named alone ("Alamat: Jakarta Selatan"); a street address has digits.
            let bare = value.split_whitespace().count() <= 3
                && !value.chars().any(|ch| ch.is_ascii_digit())
                && value.starts_with(char::is_uppercase);
            if c.location.is_none() {
                c.location = labelled_place(value);
            }
            if c.location.is_none() && bare {
                // "Lakeview Sweden", "Lakeview - Pakistan": the label vouches for the place.
                let whole = || Location { city: Some(value.to_string()), ..Default::default() };
                c.location = Some(places::town_then_region(value).unwrap_or_else(whole));
            }
        }
        Label::Name | Label::GivenName | Label::FamilyName | Label::Personal => {}
        Label::Phone | Label::Web => return !value.is_empty(),
    }
    true
}

/// "Location: Springfield, Illinois, USA": after a place label, short comma parts are the
/// town, the region and, when it names one, the country, whether or not the vocabulary knows
/// the town.
fn labelled_place(value: &str) -> Option<Location> {
    let parts: Vec<&str> = value.split(',').map(str::trim).collect();
    let short = |p: &&str| {
        !p.is_empty()
            && p.split_whitespace().count() <= 3
            && p.starts_with(char::is_uppercase)
            && !p.chars().any(|ch| ch.is_ascii_digit())
    };
    if !(2..=3).contains(&parts.len()) || !parts.iter().all(short) {
        return None;
    }
    let country = places::country_code(parts[parts.len() - 1]);
    let region = match (parts.len(), country) {
        (2, Some(_)) => None,
        _ => Some(parts[1].to_string()),
    };
    Some(Location {
        city: Some(parts[0].to_string()),
        region,
        country_code: country.map(str::to_string),
        ..Default::default()
    })
}

fn find_phone(text: &str) -> Option<String> {
    for cap in PHONE.captures_iter(text) {
        let m = cap.get(1)?;
        let p = m.as_str().trim();
        let digits = p.chars().filter(char::is_ascii_digit).count();
        let is_range = crate::parse::dates::is_only_dates(p);
        if (7..=15).contains(&digits)
            && !is_range
            && (p.trim_start_matches('(').starts_with('+') || digits >= 9 || p.contains('-'))
        {
            return Some(p.trim_end_matches(['.', '-']).to_string());
        }
    }
    None
}

/// The network a profile URL belongs to ("GitHub" for `https://github.com/ada`).
pub fn network_of(url: &str) -> Option<&'static str> {
    let h = host(url);
    NETWORKS.iter().find(|(d, _)| h == *d || h.ends_with(&format!(".{d}"))).map(|(_, n)| *n)
}

fn network_name(word: &str) -> String {
    let w = word.to_lowercase().replace(' ', "");
    NETWORKS
        .iter()
        .map(|(_, n)| *n)
        .chain(["Mastodon", "Skype"])
        .find(|n| n.to_lowercase().replace(' ', "") == w)
        .unwrap_or(word)
        .to_string()
}

fn profile_url(network: &str, user: &str) -> Option<String> {
    let host = NETWORKS.iter().find(|(_, n)| *n == network)?.0;
    Some(match network {
        "LinkedIn" => format!("https://{host}/in/{user}"),
        "XING" => format!("https://www.{host}/profile/{user}"),
        _ => format!("https://{host}/{user}"),
    })
}

/// The host of a URL, lowercased, without `www.`.
pub fn host(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next().unwrap_or("").to_lowercase();
    host.strip_prefix("www.").unwrap_or(&host).to_string()
}

/// "./index.html", "resume.html", "#contact": a link to another page of the same site, not
/// an address on the web.
fn relative(raw: &str) -> bool {
    if raw.contains("://") {
        return false;
    }
    let host = raw.split(['/', '?', '#']).next().unwrap_or("");
    let tld = host.rsplit_once('.').map_or("", |(_, t)| t).to_ascii_lowercase();
    raw.starts_with(['.', '/', '#'])
        || !host.contains('.')
        || matches!(tld.as_str(), "html" | "htm" | "php" | "asp" | "aspx" | "pdf" | "jpg" | "png")
}

/// The address or number a `mailto:` or `tel:` link of any line holds.
pub fn linked(all: &[&Line], scheme: &str) -> Option<String> {
    let mut targets =
        all.iter().flat_map(|l| l.links.iter().chain(&l.icon_links)).map(|k| k.url.as_str());
    targets.find_map(|u| {
        let v = u.strip_prefix(scheme)?;
        if scheme == "mailto:" { email_in(v.split('?').next()?) } else { find_phone(v) }
    })
}

/// Profile links outside the header ("[GitHub](https://github.com/ada)" among hobbies, a
/// footer's "[LinkedIn](…) • [GitHub](…)"): a link named by its network, or by its own
/// address, to a user's page (not a repository), when no profile of that network is known.
pub fn profiles_elsewhere(all: &[&Line], c: &mut Contacts) {
    // An address written out in plain text ("- Kaggle: https://kaggle.com/ada") is a link
    // named by its own address.
    let written = all.iter().filter(|l| l.links.is_empty()).flat_map(|l| {
        URL.find_iter(&l.text).map(|m| Link { text: m.as_str().into(), url: m.as_str().into() })
    });
    let linked = all.iter().flat_map(|l| l.links.iter().chain(&l.icon_links)).cloned();
    for link in linked.chain(written.collect::<Vec<_>>()) {
        let Some(network) = network_of(&link.url) else { continue };
        let text = link.text.trim().to_lowercase();
        let bare = |u: &str| {
            let u = u.split_once("://").map_or(u, |(_, r)| r);
            u.strip_prefix("www.").unwrap_or(u).trim_end_matches('/').to_lowercase()
        };
        let named = text == network.to_lowercase() || bare(&text) == bare(&link.url);
        let address = bare(&link.url);
        let path = path_segments(&address);
        let user_page = match (network, path.as_slice()) {
            ("LinkedIn", ["in", _]) => true,
            ("LinkedIn", _) => false,
            ("LeetCode", ["u", _]) => true,
            (_, [_]) => true,
            _ => false,
        };
        let known = c.profiles.iter().any(|p| p.network.as_deref() == Some(network));
        if named && user_page && !known {
            add_url(&link.url, c);
        }
    }
}

/// The path's segments of an address written without its scheme ("github.com/ann/" → ["ann"]),
/// query and fragment left out.
fn path_segments(address: &str) -> Vec<&str> {
    address
        .split(['?', '#'])
        .next()
        .unwrap_or("")
        .split('/')
        .skip(1)
        .filter(|s| !s.is_empty())
        .collect()
}

/// Files a URL as a profile or as the person's site; returns whether it was used.
fn add_url(raw: &str, c: &mut Contacts) -> bool {
    let before_path = raw.split_once("://").map_or(raw, |(_, r)| r).split('/').next().unwrap_or("");
    // A page's "Write to me" and "Call me" buttons hold the address and number in the link.
    if let Some(addr) = raw.strip_prefix("mailto:") {
        if c.email.is_none() {
            c.email = email_in(addr.split('?').next().unwrap_or(""));
        }
        return true;
    }
    if let Some(number) = raw.strip_prefix("tel:") {
        if c.phone.is_none() {
            c.phone = find_phone(number);
        }
        return true;
    }
    if before_path.contains('@') {
        return true;
    }
    if relative(raw) {
        return false;
    }
    let url = if raw.contains("://") { raw.to_string() } else { format!("https://{raw}") };
    let h = host(&url);
    if NOT_PERSONAL.iter().any(|n| h == *n || h.ends_with(&format!(".{n}"))) {
        return true;
    }
    let path = path_segments(url.split_once("://").map_or("", |(_, r)| r));
    if let Some((_, network)) =
        NETWORKS.iter().find(|(n, _)| h == *n || h.ends_with(&format!(".{n}")))
    {
        let username = match (*network, path.as_slice()) {
            ("LinkedIn", [_, user, ..]) => Some(user.to_string()),
            ("Stack Overflow", [_, _, user, ..]) => Some(user.to_string()),
            ("LeetCode", ["u", user, ..]) => Some(user.to_string()),
            (_, [user, ..]) => Some(user.trim_start_matches('@').to_string()),
            _ => None,
        };
        if !c.profiles.iter().any(|p| p.url.as_deref() == Some(url.as_str())) {
            c.profiles.push(Profile {
                network: Some(network.to_string()),
                username,
                url: Some(url),
                ..Default::default()
            });
        }
        return true;
    }
    if let [first, ..] = path.as_slice()
        && first.starts_with('@')
    {
        c.profiles.push(Profile {
            network: Some("Mastodon".into()),
            username: Some(first.trim_start_matches('@').to_string()),
            url: Some(url),
            ..Default::default()
        });
        return true;
    }
    if c.url.is_none() {
        c.url = Some(url);
    }
    true
}

/// A web site elsewhere in the document on the person's own e-mail domain.
pub fn own_site(all: &[&Line], email: &str) -> Option<String> {
    let domain = email.rsplit('@').next()?.to_lowercase();
    if FREE_MAIL.contains(&domain.as_str()) {
        return None;
    }
    all.iter()
        // Only lines that name the domain can hold such a link.
        .filter(|l| {
            l.text.to_lowercase().contains(&domain)
                || l.links.iter().any(|k| k.url.to_lowercase().contains(&domain))
        })
        .flat_map(|l| {
            l.links
                .iter()
                .map(|k| k.url.clone())
                .chain(URL.find_iter(&l.text).map(|m| m.as_str().to_string()))
        })
        .find(|u| {
            let h = host(u);
            h == domain || h.ends_with(&format!(".{domain}"))
        })
}

/// A name-like line among the first lines, followed by a headline naming a job title.
pub fn name_with_headline(lines: &[&Line]) -> Option<(String, String)> {
    lines.windows(2).take(30).find_map(|w| {
        let (name, next) = (&w[0].text, &w[1].text);
        let headline =
            || next.split_whitespace().count() <= 14 && super::roles::role_score(next) > 0;
        (!w[0].bullet && looks_like_name(name) && headline()).then(|| (name.clone(), next.clone()))
    })
}

/// "Name: Ada Lovelace" in a personal-details section, or a given and a family name in two
/// fields or table rows ("Vorname: Ada", "| Nachname | Lovelace |"), joined.
pub fn labelled_name(lines: &[Line]) -> Option<String> {
    let label_value = |l: &Line| -> Option<(Label, String)> {
        match l.cols.as_slice() {
            [label, value] => fields::label(label).map(|k| (k, value.trim().to_string())),
            _ => labelled(&l.text).map(|(k, v)| (k, v.to_string())),
        }
    };
    let part = |want: Label| {
        lines
            .iter()
            .filter_map(label_value)
            .find(|(label, v)| *label == want && !v.is_empty())
            .map(|(_, v)| v)
    };
    match (part(Label::Name), part(Label::GivenName), part(Label::FamilyName)) {
        (Some(n), _, _) => Some(n),
        (None, Some(g), Some(f)) => Some(format!("{g} {f}")),
        // "Nombre: Ana García": a given-name label over a whole name.
        (None, Some(g), None) if g.split_whitespace().count() >= 2 && looks_like_name(&g) => {
            Some(g)
        }
        _ => None,
    }
}

/// Academic titles and honorifics written before a name ("Prof. Dr.-Ing. habil.", "Dipl.-Inf.",
/// "Mag.", "Mr"), and degrees written after it ("MSc", ", PhD"). They stay in `basics.name`
/// (the name line is kept verbatim, like the post-nominals the annotation convention keeps),
/// but a line is judged as a name by what is left without them.
static PRE_NOMINAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)^(?:(?:
            Prof\.|Professor|Dr\.?\s?(?:rer|phil|med|jur|oec|sc|techn)\.(?:\s?(?:nat|pol|soc|hum|dent|vet)\.)?|Dr\.(?:\s?-?\s?Ing\.)?
          | PD|Priv\.-Doz\.|habil\.|h\.\s?c\.|mult\.|Dipl\.-[\p{L}]+\.|Dipl\.|Mag\.(?:\s?\p{L}+\.)?|Ing\.|Mgr\.|Bc\.|Lic\.|Ir\.|drs?\.|ing\.|mr\.|Mr\.?|Mrs\.?|Ms\.?|Mx\.?
          | Sir|Dame|Dott\.(?:ssa)?|Ing\.|Avv\.|Arch\.
        )\s*)+",
    )
    .expect("pre-nominal pattern")
});
static POST_NOMINAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)(?:,?\s+(?:
            Ph\.?\s?D\.?|D\.?Phil\.?|M\.?\s?Sc\.?|B\.?\s?Sc\.?|M\.?\s?A\.?|B\.?\s?A\.?|M\.?\s?Eng\.?|B\.?\s?Eng\.?|MBA|M\.?D\.?|J\.?D\.?
          | LL\.?M\.?|CPA|PE|P\.E\.|PMP|CFA|FRS|FREng|MRes|MPhil|Jr\.?|Sr\.?|II|III|IV|Esq\.?
        ))+\s*$",
    )
    .expect("post-nominal pattern")
});

/// A name line without the titles and degrees around the name.
pub fn bare_name(text: &str) -> &str {
    let t = without_pre_nominals(text);
    let t = POST_NOMINAL.find(t).map_or(t, |m| &t[..m.start()]);
    t.trim().trim_end_matches(',').trim()
}

/// Whether a line reads like a person's name: two to five capitalised words, no digits, once
/// titles and degrees around it are set aside.
pub fn looks_like_name(text: &str) -> bool {
    // Most lines fail on what titles cannot change, before any pattern runs.
    if text.len() > 120
        || text.split_whitespace().nth(12).is_some()
        || text.bytes().any(|b| b.is_ascii_digit() || b"@/:|".contains(&b))
    {
        return false;
    }
    let bare = bare_name(text);
    if bare.split_whitespace().count() >= 2 && looks_like_bare_name(bare) {
        return true;
    }
    // "JOHN MA": what looked like a degree is the surname.
    let no_titles = without_pre_nominals(text);
    no_titles.split_whitespace().count() >= 2 && looks_like_bare_name(no_titles)
}

/// `text`, trimmed, without the titles written before a name.
fn without_pre_nominals(text: &str) -> &str {
    let t = text.trim();
    PRE_NOMINAL.find(t).map_or(t, |m| &t[m.end()..])
}

fn looks_like_bare_name(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    if !(2..=5).contains(&words.len()) || text.chars().count() > 60 {
        return false;
    }
    if text.chars().any(|c| c.is_ascii_digit() || "@/:|•()".contains(c)) || lexicon(text).is_some()
    {
        return false;
    }
    words.iter().all(|w| {
        let first = w.chars().next().unwrap_or(' ');
        first.is_uppercase()
            || matches!(
                *w,
                "de" | "van"
                    | "von"
                    | "der"
                    | "da"
                    | "di"
                    | "la"
                    | "le"
                    | "del"
                    | "du"
                    | "bin"
                    | "al"
            )
    }) && !super::roles::has_role_word(text)
        && super::roles::org_score(text) == 0
}

/// Name, label and contact details from the header lines (those before the first section).
/// `meta_name` is a name the document's metadata gives (a front matter `title:`), used when
/// no line names the person.
pub fn header(head: &[Line], c: &mut Contacts, meta_name: Option<&str>) -> Basics {
    scan(head, c);
    let mut basics = Basics::default();
    // A form that labels the name ("Name: …", "Vorname"/"Nachname") says which it is.
    if let Some(name) = labelled_name(head) {
        basics.name = Some(name);
        return basics;
    }
    let mut name_at = None;
    // A top-level heading, else the first line that looks like a name.
    for (i, l) in head.iter().enumerate().take(8) {
        if c.used.contains(&i) {
            // "Ada Example / ada@example.org / 0123": the name opens a line of contacts.
            let cut = [" / ", " | ", " · ", " • "].iter().filter_map(|s| l.text.find(s)).min();
            let first = cut.map(|at| l.text[..at].trim());
            if let Some(first) = first.filter(|f| looks_like_name(f) && !f.contains('@')) {
                basics.name = Some(first.to_string());
                name_at = Some(i);
                break;
            }
            continue;
        }
        let candidate = l.text.trim_start_matches('#').trim();
        let candidate = candidate.strip_prefix("Name:").map_or(candidate, str::trim);
        // "Resume of Ann Example": the person the title names.
        let candidate =
            titles::titled_name(candidate).filter(|n| looks_like_name(n)).unwrap_or(candidate);
        // "Curriculum Vitae", "One-page CV": the document's title; the name comes after it.
        if titles::is_title(candidate) {
            continue;
        }
        // "Ann Example, Kiln Engineer": a comma sets off the headline when what follows names
        // a job ("Ann Example, PhD" is a name with its degree).
        if let Some((name, job)) = candidate.split_once(", ")
            && looks_like_name(name.trim())
            && job.split_whitespace().count() <= 10
            && super::roles::role_score(job) > 0
        {
            basics.name = Some(name.trim().to_string());
            basics.label = Some(job.trim().to_string());
            return basics;
        }
        if (l.heading == Some(1)
            && candidate.split_whitespace().count() <= 6
            && !candidate.contains('@')
            && lexicon(candidate).is_none())
            || looks_like_name(candidate)
        {
            basics.name = Some(candidate.to_string());
            name_at = Some(i);
            break;
        }
        // "Jane Doe — Software Engineer": the name and the headline on one line.
        if let Some((name, headline)) = split_name_line(candidate) {
            basics.name = Some(name);
            basics.label = Some(headline);
            return basics;
        }
        if l.words() > 12 {
            break;
        }
    }
    if let Some(n) = name_at {
        basics.label = label(head, n + 1, c);
    } else if let Some(name) = meta_name
        .map(|n| titles::titled_name(n).filter(|t| looks_like_name(t)).unwrap_or(n))
        .filter(|n| looks_like_name(n))
    {
        basics.name = Some(name.to_string());
        basics.label = label(head, 0, c);
    }
    basics
}

/// Splits "Name — Headline" when the first part reads as a name.
fn split_name_line(text: &str) -> Option<(String, String)> {
    let (name, rest) = text
        .split_once(" — ")
        .or_else(|| text.split_once(" – "))
        .or_else(|| text.split_once(" | "))
        .or_else(|| text.split_once(" - "))?;
    let rest = rest.trim();
    (looks_like_name(name.trim()) && !rest.is_empty() && rest.split_whitespace().count() <= 10)
        .then(|| (name.trim().to_string(), rest.to_string()))
}

/// The headline under the name (from line `from` on): the next short line that is not contact
/// details, or the parts of a "Title · e-mail · City" line that are neither.
fn label(head: &[Line], from: usize, c: &Contacts) -> Option<String> {
    for (i, l) in head.iter().enumerate().skip(from).take(3) {
        if l.bullet || l.heading.is_some_and(|h| h > 2) {
            return None;
        }
        // The document's title ("Curriculum Vitae - Ann Example") is no headline.
        let title = l.text.trim_start_matches('#').trim();
        if titles::is_title(title) || titles::titled_name(title).is_some() {
            continue;
        }
        let sentences = l.text.matches(". ").count();
        let plausible = |t: &str| {
            let w = t.split_whitespace().count();
            // A street address ("123 Main Street, ...", "..., IL 62701") is not a headline.
            let address = t.starts_with(|c: char| c.is_ascii_digit()) || POSTCODE.is_match(t);
            (1..=14).contains(&w)
                && sentences == 0
                && !address
                && places::location(t).is_none()
                && !is_contact_line(t)
        };
        if !c.used.contains(&i) {
            return plausible(&l.text).then(|| l.text.clone());
        }
        let sep = ['·', '|', '•'].into_iter().find(|s| l.text.contains(*s)).unwrap_or('|');
        let parts: Vec<&str> = l.text.split(sep).map(str::trim).collect();
        let kept: Vec<&str> = parts
            .iter()
            .copied()
            .filter(|p| {
                plausible(p)
                    && !EMAIL.is_match(p)
                    && !URL.is_match(p)
                    && find_phone(p).is_none()
                    // The place beside them is the location, not a headline.
                    && town_and_region(p).is_none_or(|loc| {
                        loc.city != c.location.as_ref().and_then(|l| l.city.clone())
                    })
            })
            .collect();
        if parts.len() > 1 && !kept.is_empty() {
            return Some(kept.join(&format!(" {sep} ")));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::interpret::testing::from_markdown;

    #[test]
    fn a_labelled_place_is_split_into_town_region_and_country() {
        let l = labelled_place("Springfield, Illinois").expect("a place");
        assert_eq!(l.city.as_deref(), Some("Springfield"));
        assert_eq!(l.region.as_deref(), Some("Illinois"));
        let l = labelled_place("Nowhereville, France").expect("a place");
        assert_eq!((l.region, l.country_code.as_deref()), (None, Some("FR")));
        assert_eq!(labelled_place("12 Kiln Street, Springfield"), None);
        assert_eq!(labelled_place("Springfield"), None);
    }

    #[test]
    fn finds_contacts_and_profiles() {
        let lines = from_markdown(
            "Ada Lovelace\n\n* e-mail: <ada@example.org>\n* phone: +44 20 7946 0958\n* [ada](https://github.com/ada)\n* LinkedIn: [me](https://www.linkedin.com/in/ada-l/)\n* https://ada.example.org\n* @ada@hachyderm.io\n* Skype: ada.l\n",
        );
        let mut c = Contacts::default();
        let b = header(&lines, &mut c, None);
        assert_eq!(b.name.as_deref(), Some("Ada Lovelace"));
        assert_eq!(c.email.as_deref(), Some("ada@example.org"));
        assert_eq!(c.phone.as_deref(), Some("+44 20 7946 0958"));
        assert_eq!(c.url.as_deref(), Some("https://ada.example.org"));
        let nets: Vec<(String, String)> = c
            .profiles
            .iter()
            .map(|p| (p.network.clone().unwrap(), p.username.clone().unwrap_or_default()))
            .collect();
        assert_eq!(
            nets,
            [
                ("GitHub".into(), "ada".into()),
                ("LinkedIn".into(), "ada-l".into()),
                ("Mastodon".into(), "ada".into()),
                ("Skype".into(), "ada.l".into())
            ]
        );
    }

    #[test]
    fn profiles_on_more_networks() {
        let lines = from_markdown(
            "Ada Lovelace\n\n* Telegram: @ada_l\n* https://huggingface.co/ada-l\n* https://www.xing.com/profile/Ada_Lovelace\n",
        );
        let mut c = Contacts::default();
        header(&lines, &mut c, None);
        let nets: Vec<(&str, &str)> = c
            .profiles
            .iter()
            .map(|p| (p.network.as_deref().unwrap_or(""), p.url.as_deref().unwrap_or("")))
            .collect();
        assert_eq!(
            nets,
            [
                ("Telegram", "https://t.me/ada_l"),
                ("Hugging Face", "https://huggingface.co/ada-l"),
                ("XING", "https://www.xing.com/profile/Ada_Lovelace")
            ]
        );
        assert!(c.url.is_none(), "a profile is not the person's own site");
    }

    #[test]
    fn a_title_that_names_the_person_gives_the_name_and_is_no_headline() {
        let lines = from_markdown("# Resume of Ann Example\n\nMaster Potter\n\nann@example.org\n");
        let b = header(&lines, &mut Contacts::default(), None);
        assert_eq!(b.name.as_deref(), Some("Ann Example"));
        assert_eq!(b.label.as_deref(), Some("Master Potter"));
        let lines = from_markdown("# Curriculum Vitae - Ann Example\n\nann@example.org\n");
        let b = header(&lines, &mut Contacts::default(), Some("Ann Example"));
        assert_eq!((b.name.as_deref(), b.label), (Some("Ann Example"), None));
    }

    #[test]
    fn phones_are_not_date_ranges() {
        assert_eq!(find_phone("2009-2011"), None);
        assert_eq!(find_phone("call 555-010-4477; x"), Some("555-010-4477".into()));
        assert_eq!(find_phone("(555) 123-4567").as_deref(), Some("(555) 123-4567"));
        assert_eq!(find_phone("tel. (+56) 9 1234 5678").as_deref(), Some("(+56) 9 1234 5678"));
        assert_eq!(find_phone("(+44) 20 7946 0018, London").as_deref(), Some("(+44) 20 7946 0018"));
    }

    #[test]
    fn names_with_titles_and_degrees() {
        for n in [
            "Dr.-Ing. Jana Beispiel",
            "Prof. Dr. Jana Beispiel",
            "Prof. Dr.-Ing. habil. Jana Maria Beispiel",
            "Dr. rer. nat. Jana Beispiel",
            "Dipl.-Ing. Jana Beispiel",
            "Mag. Jana Beispiel",
            "Jana Beispiel, PhD",
            "Jana Beispiel MSc",
            "JANA BEISPIEL, Ph.D.",
        ] {
            assert!(looks_like_name(n), "{n}");
            assert!(bare_name(n).ends_with("Beispiel") || bare_name(n) == "JANA BEISPIEL", "{n}");
        }
        assert!(!looks_like_name("Dr.-Ing."));
        assert!(!looks_like_name("Prof. Dr."));
        let lines = from_markdown("Prof. Dr.-Ing. habil. Jana Beispiel\n\nSenior Scientist\n");
        let mut c = Contacts::default();
        let b = header(&lines, &mut c, None);
        assert_eq!(b.name.as_deref(), Some("Prof. Dr.-Ing. habil. Jana Beispiel"));
        assert_eq!(b.label.as_deref(), Some("Senior Scientist"));
        // A job after a comma on the name line is the headline; a degree is part of the name.
        for (line, name, label) in [
            (
                "# Jana Beispiel, Ingénieure Logiciel\n",
                "Jana Beispiel",
                Some("Ingénieure Logiciel"),
            ),
            ("# Jana Beispiel, PhD\n", "Jana Beispiel, PhD", None),
        ] {
            let mut c = Contacts::default();
            let b = header(&from_markdown(line), &mut c, None);
            assert_eq!((b.name.as_deref(), b.label.as_deref()), (Some(name), label), "{line}");
        }
    }

    #[test]
    fn a_postal_address_gives_the_city() {
        for (line, city, country) in [
            ("Lindenstraße 4, 70173 Stuttgart", "Stuttgart", None),
            ("Via Esempio 21, 40121 Bologna", "Bologna", None),
            ("Voorbeeldgracht 1, 1012 AB Amsterdam, Nederland", "Amsterdam", Some("NL")),
        ] {
            let mut c = Contacts::default();
            scan(&from_markdown(line), &mut c);
            let loc = c.location.expect(line);
            assert_eq!(loc.city.as_deref(), Some(city));
            assert!(loc.address.is_some() && loc.postal_code.is_some(), "{line}");
            assert_eq!(loc.country_code.as_deref(), country);
            assert_eq!(c.used, [0]);
        }
        let mut c = Contacts::default();
        scan(&from_markdown("Engineer since 2019 Berlin"), &mut c);
        assert!(c.location.is_none());
        // A North American address: the town and the state's code before the zip code.
        for (line, city) in [
            ("12 Elm Road, Springfield, IL 62701", "Springfield"),
            ("springfield IL 62701    ada@example.org", "springfield"),
        ] {
            let mut c = Contacts::default();
            scan(&from_markdown(line), &mut c);
            let loc = c.location.expect(line);
            assert_eq!((loc.city.as_deref(), loc.region.as_deref()), (Some(city), Some("IL")));
        }
    }

    #[test]
    fn a_town_with_its_region_or_country_after_it_is_split() {
        for (line, city, region, country) in [
            ("Musterweg 1, 9500 Lakeview ZH", "Lakeview", Some("ZH"), None),
            ("Calle Falsa 8, 33013 Lakeview NORTHSHIRE", "Lakeview", Some("NORTHSHIRE"), None),
            ("Location: Lakeview Sweden", "Lakeview", None, Some("SE")),
            ("Address: Lakeview - Pakistan", "Lakeview", None, Some("PK")),
            ("Address: Lakeview", "Lakeview", None, None),
            ("Jane Roe, habite à Lakeview, Suède", "Lakeview", None, Some("SE")),
            (
                "Calle Mayor 9, 25600 Lakeview, Northshire (Spain)",
                "Lakeview",
                Some("Northshire"),
                Some("ES"),
            ),
            ("Place of birth: Rivertown, Chile\n\nAddress: Lakeview", "Lakeview", None, None),
        ] {
            let mut c = Contacts::default();
            scan(&from_markdown(line), &mut c);
            let loc = c.location.expect(line);
            let got = (loc.city.as_deref(), loc.region.as_deref(), loc.country_code.as_deref());
            assert_eq!(got, (Some(city), region, country), "{line}");
        }
    }

    #[test]
    fn names_are_short_capitalised_lines() {
        assert!(looks_like_name("Ada Lovelace"));
        assert!(looks_like_name("JASON Q. SMITH"));
        assert!(looks_like_name("Maria de la Cruz"));
        assert!(!looks_like_name("Senior Software Engineer"));
        assert!(!looks_like_name("Work Experience"));
        assert!(!looks_like_name("Northfield University"));
    }

    #[test]
    fn form_fields_in_many_languages() {
        let lines = from_markdown(
            "Nama :Ada Lovelace\n\nTempat, tgl lahir : Somewhere, 1 Jan 2000\n\nJenis kelamin : -\n\nAlamat : Northfield\n\nTelepon : 0812 3456 7890\n",
        );
        let mut c = Contacts::default();
        scan(&lines, &mut c);
        assert_eq!(labelled_name(&lines).as_deref(), Some("Ada Lovelace"));
        assert_eq!(c.phone.as_deref(), Some("0812 3456 7890"));
        assert_eq!(c.location.and_then(|l| l.city).as_deref(), Some("Northfield"));
        // Every line is a field: none is left for a summary or a headline.
        assert_eq!(c.used, [0, 1, 2, 3, 4]);
        let given = from_markdown(
            "| Vorname | Ada |\n|---|---|\n| Nachname | Lovelace |\n| Geburtsdatum | x |\n",
        );
        assert_eq!(labelled_name(&given).as_deref(), Some("Ada Lovelace"));
    }

    #[test]
    fn a_document_title_above_the_name_is_not_the_name() {
        for title in
            ["Curriculum Vitae", "One-page CV", "Lebenslauf", "Currículum", "# Resume 2024"]
        {
            let lines = from_markdown(&format!("{title}\n\nJane Example\n\nData Engineer\n"));
            let mut c = Contacts::default();
            let b = header(&lines, &mut c, None);
            assert_eq!(b.name.as_deref(), Some("Jane Example"), "{title}");
            assert_eq!(b.label.as_deref(), Some("Data Engineer"), "{title}");
        }
        // The title written on the name's own line, before or after it.
        for line in
            ["Jane Example – Lebenslauf\n=====", "# CV | Jane Example", "Jane Example - Resume"]
        {
            let lines = from_markdown(&format!("{line}\n\nData Engineer\n"));
            let b = header(&lines, &mut Contacts::default(), None);
            assert_eq!(b.name.as_deref(), Some("Jane Example"), "{line}");
            assert_eq!(b.label.as_deref(), Some("Data Engineer"), "{line}");
        }
    }

    #[test]
    fn a_line_that_introduces_a_contact_detail() {
        for t in [
            "Here is my GitHub profile page: https://github.com/janeq",
            "My LinkedIn profile page: https://www.linkedin.com/in/jane-example/",
            "Write to me at this address: jane@example.org",
            "github.com/janeq",
        ] {
            assert!(introduces_contact(t), "{t}");
        }
        for t in [
            "Tidewatch: https://github.com/janeq/tidewatch",
            "I built https://github.com/janeq with friends",
            "Blog: https://example.org/janeq",
        ] {
            assert!(!introduces_contact(t), "{t}");
        }
    }

    #[test]
    fn bare_domains_are_the_site_and_mail_domains_are_not() {
        for (line, url) in [
            ("jane@example.net | jane-doe.com | github.com/janeq", "https://jane-doe.com"),
            ("Data Engineer · www.example.org", "https://www.example.org"),
            ("example.dev/blog, jane@example.net", "https://example.dev/blog"),
        ] {
            let mut c = Contacts::default();
            let b = header(&from_markdown(&format!("Jane Example\n\n{line}\n")), &mut c, None);
            assert_eq!(c.url.as_deref(), Some(url), "{line}");
            assert!(b.label.as_deref().is_none_or(|l| !l.contains('.')), "{line}");
        }
        let mut c = Contacts::default();
        scan(
            &from_markdown("jane@example.net | github.com/janeq | linkedin.com/in/jane-e\n"),
            &mut c,
        );
        assert_eq!(c.url, None);
        let nets: Vec<_> = c.profiles.iter().filter_map(|p| p.network.as_deref()).collect();
        assert_eq!(nets, ["GitHub", "LinkedIn"]);
        // A site named in a sentence, or a framework's name, is no contact detail.
        for line in ["I wrote the docs at example.org for years", "Node.js | ASP.NET | README.md"] {
            let mut c = Contacts::default();
            scan(&from_markdown(line), &mut c);
            assert_eq!(c.url, None, "{line}");
        }
    }

    #[test]
    fn a_languages_line_among_the_personal_details() {
        let lines = from_markdown(
            "Jane Example\n\njane@example.net\n\nLanguages: English (fluent) & Norwegian (native)\n",
        );
        let mut c = Contacts::default();
        header(&lines, &mut c, None);
        let langs: Vec<_> = c
            .languages
            .iter()
            .map(|l| (l.language.as_deref().unwrap(), l.fluency.as_deref().unwrap()))
            .collect();
        assert_eq!(langs, [("English", "fluent"), ("Norwegian", "native")]);
        // The line is personal data, not the summary.
        assert!(c.used.contains(&2));
    }
}
