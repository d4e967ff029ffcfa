//! YAML front matter (`---` … `---` at the top of a Markdown file): split off before reading,
//! kept verbatim in the tree, with its plain top-level scalars (`title: …`) as metadata.

/// Splits `---\n…\n---` off the top: (front matter, the rest).
pub fn split(text: &str) -> (Option<&str>, &str) {
    let Some(rest) = text.strip_prefix("---\n") else { return (None, text) };
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        let t = line.trim_end();
        if t == "---" || t == "..." {
            let front = &rest[..offset];
            let body = &rest[offset + line.len()..];
            // A Markdown rule or an overlined title right at the top is not front matter
            // unless YAML is inside: a `key:` (no space in the key) opens one of its lines.
            return if front.lines().any(is_yaml_key_line) {
                (Some(front), body)
            } else {
                (None, text)
            };
        }
        offset += line.len();
    }
    (None, text)
}

fn is_yaml_key_line(line: &str) -> bool {
    line.split_once(':').is_some_and(|(k, _)| {
        !k.is_empty() && !k.contains(char::is_whitespace) && !k.starts_with(['-', '#'])
    })
}

/// The plain top-level scalars (`key: value` at the start of a line), keys lower-case, quotes
/// removed; nested and multi-line values are left to the YAML reader.
pub fn meta(front: &str) -> Vec<(String, String)> {
    front
        .lines()
        .filter(|l| !l.starts_with([' ', '\t', '-', '#']))
        .filter_map(|l| l.split_once(':'))
        .filter(|(k, _)| {
            !k.is_empty() && k.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '-')
        })
        .map(|(k, v)| {
            (k.trim().to_lowercase(), v.trim().trim_matches(['"', '\'']).trim().to_string())
        })
        .filter(|(_, v)| !v.is_empty() && !v.starts_with(['[', '{', '|', '>']))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_front_matter_and_reads_plain_scalars() {
        let (front, body) = split("---\ntitle: \"Ada L.\"\nbasics:\n  name: Ada\n---\n# Ada\n");
        assert_eq!(body, "# Ada\n");
        assert_eq!(meta(front.unwrap()), [("title".to_string(), "Ada L.".to_string())]);
    }

    #[test]
    fn a_leading_rule_is_not_front_matter() {
        assert_eq!(split("---\nHello\n---\n").0, None);
    }
}
