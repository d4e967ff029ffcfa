//! What the schema's `uri` and `email` formats accept, and the repairs that get a value there.
//! Shared by every reader, so whatever vitae writes validates, and (through
//! [`super::limits`]) stays within the caps on how much one resume may hold.

use super::Resume;

/// Makes every link and address in `resume` valid for the schema, repairing where it can and
/// dropping what is no link or address, after cutting lists over the caps of
/// [`super::limits`]. Returns one message per change (`field: what`).
pub fn conform(resume: &mut Resume) -> Vec<(String, String)> {
    // First, so that nothing below walks a list of millions.
    let mut changes = super::limits::cap(resume);
    let mut link = |field: String, slot: &mut Option<String>| {
        if let Some(raw) = slot.take() {
            match fix_uri(&raw) {
                Some(fixed) => {
                    if fixed != raw {
                        changes.push((field, format!("read the URL `{raw}` as `{fixed}`")));
                    }
                    *slot = Some(fixed);
                }
                None => changes.push((field, format!("`{raw}` is not a link; it was left out"))),
            }
        }
    };
    link("$schema".into(), &mut resume.schema);
    if let Some(b) = resume.basics.as_mut() {
        link("basics.url".into(), &mut b.url);
        for (i, p) in b.profiles.iter_mut().enumerate() {
            link(format!("basics.profiles[{i}].url"), &mut p.url);
        }
    }
    for (i, w) in resume.work.iter_mut().enumerate() {
        link(format!("work[{i}].url"), &mut w.url);
    }
    for (i, v) in resume.volunteer.iter_mut().enumerate() {
        link(format!("volunteer[{i}].url"), &mut v.url);
    }
    for (i, e) in resume.education.iter_mut().enumerate() {
        link(format!("education[{i}].url"), &mut e.url);
    }
    for (i, c) in resume.certificates.iter_mut().enumerate() {
        link(format!("certificates[{i}].url"), &mut c.url);
    }
    for (i, p) in resume.publications.iter_mut().enumerate() {
        link(format!("publications[{i}].url"), &mut p.url);
    }
    for (i, p) in resume.projects.iter_mut().enumerate() {
        link(format!("projects[{i}].url"), &mut p.url);
    }
    if let Some(m) = resume.meta.as_mut() {
        link("meta.canonical".into(), &mut m.canonical);
    }
    if let Some(b) = resume.basics.as_mut()
        && let Some(email) = b.email.take()
    {
        if is_email(email.trim()) {
            b.email = Some(email.trim().to_string());
        } else {
            changes.push((
                "basics.email".into(),
                format!("`{email}` is not an e-mail address; it was left out"),
            ));
        }
    }
    changes
}

/// A URI the schema accepts, from what a person wrote: a bare domain gets `https://`,
/// spaces and non-ASCII characters are percent-encoded. `None` when it is no link at all.
pub fn fix_uri(raw: &str) -> Option<String> {
    let s = raw.trim();
    if s.is_empty() {
        return None;
    }
    let with_scheme = if has_scheme(s) {
        s.to_string()
    } else if let Some(rest) = s.strip_prefix("//") {
        format!("https://{rest}")
    } else if looks_like_domain(s) {
        format!("https://{s}")
    } else {
        return None;
    };
    Some(percent_encode_unsafe(&with_scheme))
}

/// `scheme:` as RFC 3986 defines it.
fn has_scheme(s: &str) -> bool {
    match s.split_once(':') {
        Some((scheme, _)) => {
            let mut chars = scheme.chars();
            chars.next().is_some_and(|c| c.is_ascii_alphabetic())
                && chars.all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
                // "localhost:8080" would read as a scheme; a dotted host never is one.
                && !scheme.contains('.')
        }
        None => false,
    }
}

/// `example.com`, `www.example.com/me`, `example.com:8080/x`.
fn looks_like_domain(s: &str) -> bool {
    let host = s.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.split(':').next().unwrap_or("");
    host.contains('.')
        && !host.starts_with('.')
        && !host.ends_with('.')
        && host.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '.')
}

fn percent_encode_unsafe(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii_graphic() && !"\"<>\\^`{|}".contains(c) {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out
}

/// An address the schema's `email` format accepts: `local@domain.tld`, no spaces.
pub fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.rsplit_once('@') else { return false };
    !local.is_empty()
        && local.len() <= 64
        && !local.contains(['@', ' ', '<', '>', '(', ')', ',', ';', ':', '"', '[', ']'])
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && domain.contains('.')
        && domain.split('.').all(|l| {
            !l.is_empty()
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repairs_what_people_write_for_links() {
        assert_eq!(fix_uri("https://a.example/x").as_deref(), Some("https://a.example/x"));
        assert_eq!(fix_uri(" example.com/me ").as_deref(), Some("https://example.com/me"));
        assert_eq!(fix_uri("//cdn.example.org/a").as_deref(), Some("https://cdn.example.org/a"));
        assert_eq!(
            fix_uri("https://a.example/my cv.pdf").as_deref(),
            Some("https://a.example/my%20cv.pdf")
        );
        assert_eq!(fix_uri("https://a.example/zoë").as_deref(), Some("https://a.example/zo%C3%AB"));
        assert_eq!(fix_uri("mailto:a@b.example").as_deref(), Some("mailto:a@b.example"));
        assert_eq!(fix_uri("not a link"), None);
        assert_eq!(fix_uri(""), None);
    }

    #[test]
    fn conform_repairs_links_and_drops_non_addresses() {
        let mut r: Resume = serde_json::from_str(
            r#"{"basics":{"email":"nobody","url":"me.example.org","profiles":[{"url":"github.com/x"}]},"work":[{"url":"n/a"}]}"#,
        )
        .unwrap();
        let changes = conform(&mut r);
        assert_eq!(changes.len(), 4, "{changes:?}");
        let b = r.basics.unwrap();
        assert_eq!((b.email, b.url.as_deref()), (None, Some("https://me.example.org")));
        assert_eq!(b.profiles[0].url.as_deref(), Some("https://github.com/x"));
        assert_eq!(r.work[0].url, None);
    }

    #[test]
    fn knows_an_email_address() {
        assert!(is_email("ada@example.com"));
        assert!(is_email("first.last+tag@mail.example.co.uk"));
        for bad in [
            "ada",
            "ada@",
            "@example.com",
            "ada@example",
            "a b@example.com",
            "ada@exa mple.com",
            "a..b@example.com",
        ] {
            assert!(!is_email(bad), "{bad}");
        }
    }
}
