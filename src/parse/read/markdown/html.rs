//! Inline HTML in Markdown text (`<br>`, `<strong>`, `<a href>`): what each tag does to the
//! inline content. HTML blocks and whole pages are read by the HTML reader
//! ([`crate::parse::read::html`], html5ever) instead.

/// One piece of HTML: a tag or the text between tags.
#[derive(Debug, PartialEq)]
pub enum Token<'a> {
    Open { name: String, attrs: &'a str, self_closing: bool },
    Close(String),
    Text(&'a str),
}

/// Splits HTML into tags and text, in one pass. Comments and `<!…>`/`<?…>` declarations are
/// dropped; a `<` that starts no tag is text.
pub fn tokens(html: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut rest = html;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            out.push(Token::Text(rest));
            break;
        };
        if lt > 0 {
            out.push(Token::Text(&rest[..lt]));
        }
        let tag = &rest[lt..];
        if let Some(after) = tag.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |e| &after[e + 3..]);
            continue;
        }
        if tag.starts_with("<!") || tag.starts_with("<?") {
            rest = tag.find('>').map_or("", |e| &tag[e + 1..]);
            continue;
        }
        let closing = tag.starts_with("</");
        let name_start = if closing { 2 } else { 1 };
        let name_len = tag[name_start..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
            .unwrap_or(tag.len() - name_start);
        let Some(end) = tag.find('>').filter(|_| name_len > 0) else {
            // Not a tag: the "<" is text.
            out.push(Token::Text(&tag[..1]));
            rest = &tag[1..];
            continue;
        };
        let name = tag[name_start..name_start + name_len].to_ascii_lowercase();
        if closing {
            out.push(Token::Close(name));
        } else {
            let attrs = &tag[name_start + name_len..end];
            let self_closing = attrs.trim_end().ends_with('/');
            out.push(Token::Open { name, attrs, self_closing });
        }
        rest = &tag[end + 1..];
    }
    out
}

/// An attribute's value (`class="a b"`, `href='x'`, `alt=y`), entities decoded.
pub fn attr(attrs: &str, name: &str) -> Option<String> {
    let lower = attrs.to_ascii_lowercase();
    let mut from = 0;
    while let Some(p) = lower[from..].find(name) {
        let at = from + p;
        from = at + name.len();
        let before_ok = at == 0 || lower.as_bytes()[at - 1].is_ascii_whitespace();
        let rest = attrs[at + name.len()..].trim_start();
        if !before_ok || !rest.starts_with('=') {
            continue;
        }
        let v = rest[1..].trim_start();
        let value = match v.chars().next() {
            Some(q @ ('"' | '\'')) => v[1..].split(q).next().unwrap_or(""),
            _ => v.split(|c: char| c.is_whitespace() || c == '>').next().unwrap_or(""),
        };
        return Some(decode_entities(value));
    }
    None
}

/// Decodes character references: the common named ones, decimal and hexadecimal; a missing
/// semicolon (`&nbsp`) is tolerated. Unknown references stay as written.
pub fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    const NAMED: &[(&str, &str)] = &[
        ("nbsp", " "),
        ("amp", "&"),
        ("lt", "<"),
        ("gt", ">"),
        ("quot", "\""),
        ("apos", "'"),
        ("ndash", "–"),
        ("mdash", "—"),
        ("hellip", "…"),
        ("bull", "•"),
        ("middot", "·"),
        ("copy", "©"),
        ("reg", "®"),
        ("trade", "™"),
        ("laquo", "«"),
        ("raquo", "»"),
        ("lsquo", "‘"),
        ("rsquo", "’"),
        ("ldquo", "“"),
        ("rdquo", "”"),
        ("eacute", "é"),
        ("egrave", "è"),
        ("agrave", "à"),
        ("aacute", "á"),
        ("ccedil", "ç"),
        ("ouml", "ö"),
        ("uuml", "ü"),
        ("auml", "ä"),
        ("szlig", "ß"),
        ("ntilde", "ñ"),
        ("iacute", "í"),
        ("oacute", "ó"),
        ("uacute", "ú"),
        ("atilde", "ã"),
        ("otilde", "õ"),
        ("ecirc", "ê"),
    ];
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(p) = rest.find('&') {
        out.push_str(&rest[..p]);
        let after = &rest[p + 1..];
        let name_len =
            after.find(|c: char| !(c.is_ascii_alphanumeric() || c == '#')).unwrap_or(after.len());
        let name = &after[..name_len];
        let decoded = if let Some(num) = name.strip_prefix('#') {
            let code = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok(),
                None => num.parse().ok(),
            };
            code.and_then(char::from_u32).map(String::from)
        } else {
            NAMED.iter().find(|(n, _)| *n == name).map(|(_, v)| v.to_string())
        };
        match decoded {
            Some(v) if name_len > 0 => {
                out.push_str(&v);
                rest = after[name_len..].strip_prefix(';').unwrap_or(&after[name_len..]);
            }
            _ => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Inline HTML inside Markdown text: what one tag does to the current inline content.
#[derive(Debug, PartialEq)]
pub enum InlineTag {
    Break,
    OpenStrong,
    CloseStrong,
    OpenEmph,
    CloseEmph,
    OpenLink(String),
    CloseLink,
    /// A tag with no meaning for the text (`<span>`, `<img>`).
    Nothing,
}

/// Reads one inline tag.
pub fn inline_tag(html: &str) -> InlineTag {
    match tokens(html).into_iter().next() {
        Some(Token::Open { name, attrs, .. }) => match name.as_str() {
            "br" => InlineTag::Break,
            "strong" | "b" => InlineTag::OpenStrong,
            "em" | "i" | "cite" => InlineTag::OpenEmph,
            "a" => InlineTag::OpenLink(attr(attrs, "href").unwrap_or_default()),
            _ => InlineTag::Nothing,
        },
        Some(Token::Close(name)) => match name.as_str() {
            "strong" | "b" => InlineTag::CloseStrong,
            "em" | "i" | "cite" => InlineTag::CloseEmph,
            "a" => InlineTag::CloseLink,
            _ => InlineTag::Nothing,
        },
        _ => InlineTag::Nothing,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outline(html: &str) -> String {
        let mut doc = crate::parse::read::markdown::read(html, 1);
        doc.meta.clear();
        doc.outline()
    }

    #[test]
    fn tags_are_structure() {
        assert_eq!(
            outline(
                "<section class=\"edu\">\n<h2>Education</h2>\n<p class=\"degree\">B.Sc. <b>Physics</b><br>Uni&nbsp;X</p>\n</section>"
            ),
            "DIV@1 edu\n  H2@2 Education\n  DIV@3 degree\n    P@3 B.Sc. *Physics* ↵ Uni X\n"
        );
        assert_eq!(
            outline(
                "<ul><li>Rust</li><li><a href=\"https://go.dev\">Go</a></li></ul><!-- x --><script>no</script>"
            ),
            "UL@1\n  -\n    P@1 Rust\n  -\n    P@1 [Go](https://go.dev)\n"
        );
        assert_eq!(
            outline("<table><tr><th>Year</th><td>Prize</td></tr></table>"),
            "TABLE@1\n  row\n    |\n      P@1 Year\n    |\n      P@1 Prize\n"
        );
    }

    #[test]
    fn entities_and_attributes() {
        assert_eq!(decode_entities("a&amp;b &nbsp &#233;&#x41; &bogus;"), "a&b   éA &bogus;");
        assert_eq!(attr(" class='x y' href=z", "href").as_deref(), Some("z"));
        assert_eq!(inline_tag("<br/>"), InlineTag::Break);
        assert_eq!(inline_tag("<a href=\"u\">"), InlineTag::OpenLink("u".into()));
    }
}
