//! Turns the YAML parser's report of a syntax error into one a person can act on: the place of
//! the mistake (not where the parser noticed it) and what to write instead. It knows the common
//! mistakes of hand-written YAML: a tab in the indentation, an unclosed `[`/`{` or quote, a key
//! indented too far or not far enough, and a missing space after `:`.

/// A YAML syntax or structure error at the 1-based position of the mistake, with what to do
/// about it (see [`explain`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub line: usize,
    pub column: usize,
    pub message: String,
    pub hint: String,
}

/// The usual advice when no known mistake matches.
const USUAL: &str = "check the indentation and quoting on this line; values containing `: ` or starting with `[`, `{`, `*`, `&` or `@` need quotes";

/// `raw` (the parser's error) explained against `src`.
pub fn explain(src: &str, raw: SyntaxError) -> SyntaxError {
    let lines: Vec<&str> = src.lines().collect();
    tab(&lines, &raw)
        .or_else(|| unclosed_flow(&lines, &raw))
        .or_else(|| unclosed_quote(&lines, &raw))
        .or_else(|| missing_space(&lines, &raw))
        .or_else(|| indentation(&lines, &raw))
        .unwrap_or_else(|| {
            let hint = if raw.message.contains("recursion limit") || raw.message.contains("depth")
            {
                "lists and mappings are nested too deeply (over 128 levels); a resume never needs that"
            } else {
                USUAL
            };
            SyntaxError { hint: hint.to_string(), message: format!("invalid YAML: {}", raw.message), ..raw }
        })
}

fn error(line: usize, column: usize, message: String, hint: String) -> Option<SyntaxError> {
    Some(SyntaxError { line, column, message, hint })
}

fn indent(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// The content lines before `line` (1-based), nearest first, with their numbers.
fn above<'a>(lines: &'a [&'a str], line: usize) -> impl Iterator<Item = (usize, &'a str)> + 'a {
    (1..line.min(lines.len() + 1)).rev().map(|n| (n, lines[n - 1])).filter(|(_, l)| {
        let t = l.trim();
        !t.is_empty() && !t.starts_with('#')
    })
}

/// The key a line starts with (`  - name: x` → `name`).
fn key_of(line: &str) -> Option<&str> {
    let t = line.trim_start().trim_start_matches("- ").trim_start();
    let (key, _) = t.split_once(':')?;
    let key = key.trim_matches(['"', '\'']);
    (!key.is_empty() && !key.contains(char::is_whitespace)).then_some(key)
}

/// A tab in the indentation: the parser notices it at the end of the line before.
fn tab(lines: &[&str], raw: &SyntaxError) -> Option<SyntaxError> {
    if !raw.message.contains("tab") {
        return None;
    }
    let from = raw.line.saturating_sub(1).max(1);
    let (n, col) = (from..=lines.len()).find_map(|n| {
        let line = lines[n - 1];
        let lead = line.len() - line.trim_start_matches([' ', '\t']).len();
        line[..lead]
            .find('\t')
            .or_else(|| (n == raw.line).then(|| line.find('\t')).flatten())
            .map(|i| (n, i + 1))
    })?;
    error(
        n,
        col,
        "a tab in the indentation: YAML indents with spaces only".into(),
        "replace the tab with spaces, as many as the lines around it use".into(),
    )
}

/// An `[` or `{` that opened a list or mapping on one line and was never closed: the parser
/// trips over a later line.
fn unclosed_flow(lines: &[&str], raw: &SyntaxError) -> Option<SyntaxError> {
    let mut open: Vec<(usize, usize, char)> = Vec::new();
    let mut quote: Option<char> = None;
    for (i, line) in lines.iter().enumerate().take(raw.line) {
        let chars: Vec<char> = line.chars().collect();
        let start = if open.is_empty() {
            match value_start(&chars) {
                Some(s) if matches!(chars[s], '[' | '{') => s,
                _ => continue,
            }
        } else {
            0
        };
        let mut j = start;
        while j < chars.len() {
            let c = chars[j];
            match (quote, c) {
                (Some('"'), '\\') => j += 1,
                (Some(q), c) if c == q => quote = None,
                (Some(_), _) => {}
                (None, '"' | '\'') => quote = Some(c),
                (None, '#') if j == 0 || chars[j - 1] == ' ' => break,
                (None, '[' | '{') => open.push((i + 1, j + 1, c)),
                (None, ']' | '}') => {
                    open.pop();
                    if open.is_empty() {
                        break;
                    }
                }
                _ => {}
            }
            j += 1;
        }
        if open.is_empty() {
            quote = None;
        }
    }
    let &(line, column, c) = open.first()?;
    let close = if c == '[' { ']' } else { '}' };
    let what = if c == '[' { "list" } else { "mapping" };
    let key = key_of(lines[line - 1]).unwrap_or("value");
    error(
        line,
        column,
        format!("unclosed `{c}`: the {what} it starts is never closed"),
        format!(
            "close it with `{close}` at the end of the {what}; if the `{c}` is part of the text, put the value in quotes: `{key}: \"{}\"`",
            lines[line - 1].chars().skip(column - 1).collect::<String>().trim()
        ),
    )
}

/// Where a line's value starts: after `key: `, after `- `, or the line itself.
fn value_start(chars: &[char]) -> Option<usize> {
    let mut j = chars.iter().position(|c| *c != ' ')?;
    loop {
        if chars.get(j) == Some(&'-') && chars.get(j + 1) == Some(&' ') {
            j += 2;
            while chars.get(j) == Some(&' ') {
                j += 1;
            }
            continue;
        }
        break;
    }
    if matches!(chars.get(j), Some('[' | '{')) {
        return Some(j);
    }
    let colon = (j..chars.len()).find(|&k| chars[k] == ':' && chars.get(k + 1) == Some(&' '))?;
    let v = (colon + 1..chars.len()).find(|&k| chars[k] != ' ')?;
    Some(v)
}

/// A quote that opens a value and is never closed.
fn unclosed_quote(lines: &[&str], raw: &SyntaxError) -> Option<SyntaxError> {
    if !raw.message.contains("quote") && !raw.message.contains("quoted scalar") {
        return None;
    }
    let line = lines.get(raw.line - 1)?;
    let q = line.chars().nth(raw.column - 1).filter(|c| matches!(c, '"' | '\'')).unwrap_or('"');
    let escape = if q == '"' { "\\\"" } else { "''" };
    error(
        raw.line,
        raw.column,
        format!("the quote `{q}` that starts this value is never closed"),
        format!(
            "end the value with `{q}` on this line; a `{q}` inside the value is written `{escape}`"
        ),
    )
}

/// `name:Ada`: without a space after the colon YAML reads one piece of text, and the next key
/// looks out of place.
fn missing_space(lines: &[&str], raw: &SyntaxError) -> Option<SyntaxError> {
    if !raw.message.contains("mapping values are not allowed")
        && !raw.message.contains("did not find expected")
    {
        return None;
    }
    let here = indent(lines.get(raw.line - 1)?);
    let (n, line) = above(lines, raw.line).next()?;
    if indent(line) != here {
        return None;
    }
    let t = line.trim_start().trim_start_matches("- ");
    let colon = t.find(':')?;
    let (key, rest) = (&t[..colon], &t[colon + 1..]);
    let ok_key = !key.is_empty() && key.chars().all(|c| c.is_alphanumeric() || "_-$".contains(c));
    if !ok_key || rest.is_empty() || rest.starts_with([' ', '/']) || t.contains(": ") {
        return None;
    }
    let column = line.len() - t.len() + colon + 2;
    error(
        n,
        column,
        format!("no space after `{key}:`, so YAML reads `{t}` as one piece of text"),
        format!("write a space after the colon: `{key}: {rest}`"),
    )
}

/// A key indented further than the one before it, which already has a value, or indented to
/// a depth that no key above uses.
fn indentation(lines: &[&str], raw: &SyntaxError) -> Option<SyntaxError> {
    let line = lines.get(raw.line - 1)?;
    let here = indent(line);
    let key = key_of(line)?;
    let (_, prev) = above(lines, raw.line).next()?;
    let before = indent(prev);
    if raw.message.contains("mapping values are not allowed") && here > before {
        let prev_key = key_of(prev)?;
        return error(
            raw.line,
            here + 1,
            format!(
                "`{key}` is indented more than `{prev_key}` above it, which has a value already"
            ),
            format!(
                "indent `{key}` by {before} spaces like `{prev_key}`, or move it under the key it belongs to"
            ),
        );
    }
    if raw.message.contains("did not find expected key") && here < before {
        let depths: Vec<(usize, &str)> = above(lines, raw.line)
            .filter_map(|(_, l)| Some((indent(l), key_of(l)?)))
            .filter(|(d, _)| *d <= before)
            .collect();
        let mut choices: Vec<String> = Vec::new();
        for (d, k) in &depths {
            if !choices.iter().any(|c| c.starts_with(&format!("{d} "))) {
                choices.push(format!("{d} spaces like `{k}`"));
            }
        }
        return error(
            raw.line,
            here + 1,
            format!("`{key}` is indented by {here} spaces, which matches no key above it"),
            format!("indent it by {}", choices.join(", or by ")),
        );
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::yaml::parse;
    use super::*;

    fn err(src: &str) -> (usize, usize, String, String) {
        let e = parse(src).unwrap_err();
        (e.line, e.column, e.message, e.hint)
    }

    #[test]
    fn a_tab_is_reported_where_it_is() {
        let (line, col, msg, hint) = err("basics:\n  name: Ada\n\tlabel: X\n");
        assert_eq!((line, col), (3, 1));
        assert_eq!(msg, "a tab in the indentation: YAML indents with spaces only");
        assert_eq!(hint, "replace the tab with spaces, as many as the lines around it use");
        let (line, col, ..) = err("basics:\n  name: Ada\n  \tlabel: X\n");
        assert_eq!((line, col), (3, 3));
    }

    #[test]
    fn an_unclosed_bracket_is_named_where_it_opens() {
        let (line, col, msg, hint) =
            err("basics:\n  name: Ada\n  label: [unclosed\n  email: a@example.org\n");
        assert_eq!((line, col), (3, 10));
        assert_eq!(msg, "unclosed `[`: the list it starts is never closed");
        assert_eq!(
            hint,
            "close it with `]` at the end of the list; if the `[` is part of the text, put the value in quotes: `label: \"[unclosed\"`"
        );
        let (line, col, msg, _) = err("basics:\n  summary: {a: b\nwork: []\n");
        assert_eq!(
            (line, col, msg.as_str()),
            (2, 12, "unclosed `{`: the mapping it starts is never closed")
        );
        let (line, col, ..) = err("skills:\n  - keywords: [Rust, \"a]b\", [x\n    name: y\n");
        assert_eq!((line, col), (2, 15));
    }

    #[test]
    fn an_unclosed_quote_is_reported_where_it_opens() {
        let (line, col, msg, hint) = err("basics:\n  name: \"Ada\n  label: X\n");
        assert_eq!((line, col), (2, 9));
        assert_eq!(msg, "the quote `\"` that starts this value is never closed");
        assert_eq!(
            hint,
            "end the value with `\"` on this line; a `\"` inside the value is written `\\\"`"
        );
    }

    #[test]
    fn a_key_indented_too_far_or_not_far_enough_is_named() {
        let (line, col, msg, hint) = err("basics:\n  name: Ada\n   label: X\n");
        assert_eq!((line, col), (3, 4));
        assert_eq!(msg, "`label` is indented more than `name` above it, which has a value already");
        assert_eq!(
            hint,
            "indent `label` by 2 spaces like `name`, or move it under the key it belongs to"
        );
        let (line, col, msg, hint) = err("basics:\n  name: Ada\n label: X\n");
        assert_eq!((line, col), (3, 2));
        assert_eq!(msg, "`label` is indented by 1 spaces, which matches no key above it");
        assert_eq!(hint, "indent it by 2 spaces like `name`, or by 0 spaces like `basics`");
    }

    #[test]
    fn a_missing_space_after_a_colon_is_named() {
        let (line, col, msg, hint) = err("basics:\n  name:Ada\n  label: X\n");
        assert_eq!((line, col), (2, 8));
        assert_eq!(msg, "no space after `name:`, so YAML reads `name:Ada` as one piece of text");
        assert_eq!(hint, "write a space after the colon: `name: Ada`");
    }

    #[test]
    fn other_errors_keep_the_parsers_words_and_the_usual_advice() {
        let (_, _, msg, hint) = err("basics: &a\n  name: *b\n");
        assert!(msg.starts_with("invalid YAML: "), "{msg}");
        assert_eq!(hint, USUAL);
    }
}
