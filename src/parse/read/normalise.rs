//! Cleans raw text before any reading: byte-order mark, line endings, NUL and control
//! characters, tabs, PDF ligatures, private-use bullet glyphs and letter-spaced headings
//! ("EX PE R IEN C E"). Line for line: the clean text has the source's line numbers.

use std::borrow::Cow;

/// Glyphs that word processors and PDF fonts use as bullets (Symbol/Wingdings code points
/// land in the private use area).
pub fn is_bullet_glyph(c: char) -> bool {
    matches!(
        c,
        '•' | '·'
            | '▪'
            | '▫'
            | '◦'
            | '●'
            | '○'
            | '■'
            | '□'
            | '►'
            | '▶'
            | '➢'
            | '➤'
            | '✓'
            | '✔'
            | '❖'
            | '◆'
            | '♦'
            | '∙'
            | '⁃'
            | '‣'
            | '⦁'
    ) || ('\u{E000}'..='\u{F8FF}').contains(&c)
}

/// Whether a character is a pictograph used as decoration (emoji, dingbats, arrows, misc
/// symbols; the joiners and variation selectors that build emoji).
pub fn is_pictograph(c: char) -> bool {
    matches!(c as u32,
        0x2190..=0x21FF | 0x2300..=0x23FF | 0x25A0..=0x27BF | 0x2B00..=0x2BFF
        | 0x1F000..=0x1FAFF | 0xFE0F | 0x200D)
}

/// The text without a leading run of pictographs and bullet glyphs that a space sets apart
/// ("🔗 Agile Basics", "✅ Shipped X"): decoration, as a bullet is.
pub fn strip_decoration(text: &str) -> &str {
    let rest = text.trim_start_matches(|c: char| is_pictograph(c) || is_bullet_glyph(c));
    if rest.len() < text.len() && rest.starts_with(char::is_whitespace) {
        rest.trim_start()
    } else {
        strip_code_decoration(text)
    }
}

/// A programmer's page dresses its titles as code: "@Northwind University" (a handle sign
/// before a name of several words, which no handle has), "<Contact Details/>" (an element
/// around the whole line). The name is the text.
fn strip_code_decoration(text: &str) -> &str {
    if let Some(name) = text.strip_prefix('@')
        && name.starts_with(char::is_uppercase)
        && name.trim_end().contains(' ')
        && !name.contains('@')
    {
        return name;
    }
    if let Some(inner) = text.trim_end().strip_prefix('<').and_then(|t| t.strip_suffix("/>"))
        && inner.starts_with(char::is_alphabetic)
        && !inner.contains(['<', '>', '='])
    {
        return inner.trim();
    }
    text
}

/// The whole clean-up, line by line.
pub fn normalise(text: &str) -> String {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let text = text.strip_suffix('\n').unwrap_or(text);
    let text = text.strip_suffix('\r').unwrap_or(text);
    let lost = lost_letters(text);
    let mut out = String::with_capacity(text.len());
    for raw in text.split(['\n', '\r']).enumerate().filter_map(|(i, l)| keep_line(text, i, l)) {
        let line = clean_line(raw);
        let line = if lost { Cow::Owned(restore_marks(&line)) } else { line };
        let line = join_letter_spacing(&line).map_or(line, Cow::Owned);
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Whether the text lost its non-ASCII characters to `?` or U+FFFD on the way (saved in an
/// encoding that had no room for them): such marks inside words, again and again
/// ("Cer?mica", "Alfarer?a").
fn lost_letters(text: &str) -> bool {
    // Three characters at a time over the first 64 Ki, without collecting them.
    let mut chars = text.chars().take(64 * 1024);
    let (Some(mut a), Some(mut b)) = (chars.next(), chars.next()) else { return false };
    let mut inside = 0;
    for c in chars {
        if matches!(b, '?' | '\u{fffd}') && a.is_alphabetic() && c.is_alphabetic() {
            inside += 1;
        }
        (a, b) = (b, c);
    }
    inside >= 5
}

/// In a text that lost its non-ASCII characters, the lost bullets and dashes are read again
/// as what they stood for: a `?` opening a line before its text is a bullet, and one standing
/// between spaces or between two years is a dash ("2019 ? 2021", "2019?2021").
fn restore_marks(line: &str) -> String {
    let body = line.trim_start();
    let indent = &line[..line.len() - body.len()];
    let body = match body.strip_prefix(['?', '\u{fffd}']) {
        Some(rest) if rest.starts_with(' ') => format!("•{rest}"),
        _ => body.to_string(),
    };
    let spaced = body.replace(" ? ", " – ").replace(" \u{fffd} ", " – ");
    format!("{indent}{}", YEAR_MARK_YEAR.replace_all(&spaced, "$1–$2"))
}

static YEAR_MARK_YEAR: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"\b((?:19|20)\d\d)[?\x{fffd}]((?:19|20)\d\d)\b").expect("year pattern")
});

/// CRLF yields an empty piece between `\r` and `\n`; keep real blank lines only.
fn keep_line<'a>(text: &'a str, _i: usize, line: &'a str) -> Option<&'a str> {
    // `split` on both characters turns "\r\n" into a line and an empty piece; an empty piece
    // that directly follows a '\r' is that artefact.
    let offset = line.as_ptr() as usize - text.as_ptr() as usize;
    if line.is_empty() && offset > 0 && text.as_bytes()[offset - 1] == b'\r' {
        return None;
    }
    Some(line)
}

fn clean_line(line: &str) -> Cow<'_, str> {
    // Most lines need nothing: plain printable ASCII, kept as it is without a copy.
    if line.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        return Cow::Borrowed(line);
    }
    let mut out = String::with_capacity(line.len());
    let mut leading = true;
    for c in line.chars() {
        match c {
            '\t' if leading => out.push_str("    "),
            '\t' => out.push_str("   "),
            '\u{a0}' | '\u{2007}' | '\u{202f}' | '\u{2002}'..='\u{200a}' => out.push(' '),
            '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}' => {}
            'ﬁ' => out.push_str("fi"),
            'ﬂ' => out.push_str("fl"),
            'ﬀ' => out.push_str("ff"),
            'ﬃ' => out.push_str("ffi"),
            'ﬄ' => out.push_str("ffl"),
            'ﬅ' | 'ﬆ' => out.push_str("st"),
            c if c.is_control() => {}
            c if is_bullet_glyph(c) && leading => out.push('•'),
            c => out.push(c),
        }
        if !c.is_whitespace() {
            leading = false;
        }
    }
    Cow::Owned(out)
}

/// "EX PE R IEN C E" → "EXPERIENCE", "W O R K   H I S T O R Y" → "WORK HISTORY": a line of
/// capital letters in short runs is a heading a PDF spaced out letter by letter.
pub fn join_letter_spacing(line: &str) -> Option<String> {
    if line.chars().any(char::is_lowercase) {
        return None;
    }
    let trimmed = line.trim();
    let tokens: Vec<&str> = trimmed.split(' ').filter(|t| !t.is_empty()).collect();
    if tokens.len() < 3 || !trimmed.chars().all(|c| c == ' ' || c.is_uppercase() || c == '&') {
        return None;
    }
    let letters: usize = tokens.iter().map(|t| t.chars().count()).sum();
    let short = tokens.iter().filter(|t| t.chars().count() <= 2).count();
    if letters < 4 || short * 2 < tokens.len() || letters > tokens.len() * 3 {
        return None;
    }
    // Wider gaps (two spaces or more) separate words.
    let words: Vec<String> = trimmed
        .split("  ")
        .filter(|w| !w.trim().is_empty())
        .map(|w| w.split(' ').collect::<String>())
        .collect();
    let indent = &line[..line.len() - line.trim_start().len()];
    Some(format!("{indent}{}", words.join(" ")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleans_bytes_and_glyphs() {
        let t = normalise("\u{feff}a\r\nb\u{0}c\r\n\r\n\u{f0b7} item\teﬃcient\n");
        assert_eq!(t, "a\nbc\n\n• item   efficient\n");
    }

    #[test]
    fn a_text_that_lost_its_accents_gets_its_bullets_and_dashes_back() {
        let t = "Jos? Pe?a\nAlfarer?a de Caf?, Cer?mica, Jard?n, Ca?ada\nAcme | Marzo 2019 ? Presente\n? Cuec? el horno\n  ? Globex ? Alfarero (2001?2007): hornos\nWhy? Because.\n";
        assert_eq!(
            normalise(t),
            "Jos? Pe?a\nAlfarer?a de Caf?, Cer?mica, Jard?n, Ca?ada\nAcme | Marzo 2019 – Presente\n• Cuec? el horno\n  • Globex – Alfarero (2001–2007): hornos\nWhy? Because.\n"
        );
        // A question mark in a text that kept its letters is left alone.
        assert_eq!(normalise("? Why not\nAcme 2019 ? 2021\n"), "? Why not\nAcme 2019 ? 2021\n");
    }

    #[test]
    fn joins_letter_spaced_headings() {
        assert_eq!(join_letter_spacing(" EX PE R IEN C E").as_deref(), Some(" EXPERIENCE"));
        assert_eq!(join_letter_spacing("EDU C ATI O N").as_deref(), Some("EDUCATION"));
        assert_eq!(join_letter_spacing("W O R K  H I S T O R Y").as_deref(), Some("WORK HISTORY"));
        assert_eq!(join_letter_spacing("IBM AND HP"), None);
        assert_eq!(join_letter_spacing("Senior Engineer"), None);
    }

    #[test]
    fn leading_pictographs_are_decoration() {
        assert_eq!(strip_decoration("🔗 Kiln Basics"), "Kiln Basics");
        assert_eq!(strip_decoration("✅ Shipped it"), "Shipped it");
        assert_eq!(strip_decoration("C++ and Rust"), "C++ and Rust");
        assert_eq!(strip_decoration("★Stars"), "★Stars");
        assert_eq!(strip_decoration("@Northwind University"), "Northwind University");
        assert_eq!(strip_decoration("<Contact Details/>"), "Contact Details");
        assert_eq!(strip_decoration("@janeroe"), "@janeroe");
        assert_eq!(strip_decoration("@Acme and @Globex"), "@Acme and @Globex");
    }
}
