//! Decides from the content which markup a text is written in (Markdown, reStructuredText,
//! Org, AsciiDoc, POD or none) and, until those markups have readers of their own (the
//! `readers` branch), rewrites the lightweight ones into Markdown for the Markdown reader.

use std::sync::LazyLock;

use regex::Regex;

/// The markup a text is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Markup {
    Markdown,
    Rst,
    Org,
    AsciiDoc,
    Pod,
    Plain,
}

fn re(p: &str) -> Regex {
    Regex::new(p).expect("markup pattern")
}

/// A sign of Markdown: its pattern, its weight, and the strings one of which every match
/// holds. A text holding none of them is not searched: a pattern that opens with a class
/// rather than a literal is otherwise run over every line (none: the pattern's own literal
/// prefix does that work).
type Sign = (Regex, u32, &'static [&'static str]);

fn sign(pattern: &str, weight: u32, needs: &'static [&'static str]) -> Sign {
    (re(pattern), weight, needs)
}

static MD_SIGNS: LazyLock<Vec<Sign>> = LazyLock::new(|| {
    vec![
        sign(r"(?m)^#{1,6} \S", 3, &[]),
        sign(r"\*\*[^*\n]+\*\*", 2, &[]),
        sign(r"\[[^\]\n]+\]\([^)\s]+\)", 3, &[]),
        sign(r"<https?://[^>\s]+>", 2, &[]),
        sign(r"(?m)^\S.*\n(?:=+|-{3,})\s*$", 2, &["\n=", "\n---"]),
        sign(r"(?m)^\|.*\|\s*$", 1, &[]),
        sign(r"(?m)^```", 2, &[]),
        sign(r"(?m)^[*+] \S", 1, &[]),
        sign(r"(?m)^\s+- \S", 1, &["- "]),
        // HTML blocks, which Markdown reads as HTML.
        sign(
            r"(?m)^\s*</?(?:div|p|h[1-6]|ul|ol|li|table|tr|td|section|article|header|br|span|a|strong|em|b|i)[\s>/]",
            2,
            &["<"],
        ),
    ]
});

static ORG_SIGNS: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?m)^#\+[A-Za-z_]+:|\[\[[^\]\n]+\](?:\[[^\]\n]*\])?\]|^\*{2,} \S"));
static ADOC_SIGNS: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?m)^={1,5} \S|^:[A-Za-z-]+:( |$)|^\[\.[\w-]+\]$|^\[[a-z]+\]$|^link:|^\*\*\*\*$|^----$")
});
static RST_SIGNS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?m)^\.\. [a-z-]+::|`[^`\n]+ <[^>\n]+>`_|^:[A-Za-z ]+: \S|^([=~^\-*+#`'])(?:[=~^\-*+#`']){3,}\s*$",
    )
});
static POD_SIGNS: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?m)^=(?:head[1-4]|item|over|back|pod|cut|begin|end)(?-u:\b)"));

/// Picks the markup. `hint` (from the file name) only breaks ties: content decides.
pub fn detect(text: &str, markdown_hint: bool) -> Markup {
    let sample = head(text, 64 * 1024);
    if POD_SIGNS.find_iter(sample).take(2).count() >= 2 {
        return Markup::Pod;
    }
    let org = line_matches(&ORG_SIGNS, sample, |l| l.starts_with(['#', '*']) || l.contains('['))
        .take(10)
        .count();
    let adoc = line_matches(&ADOC_SIGNS, sample, |l| l.starts_with(['=', ':', '[', 'l', '*', '-']))
        .take(10)
        .count();
    // The rst signs, found once for the score and the marks below.
    let rst_signs: Vec<&str> = line_matches(&RST_SIGNS, sample, |l| {
        l.starts_with(['.', ':', '=', '~', '^', '-', '*', '+', '#', '`', '\'']) || l.contains('`')
    })
    .collect();
    let rst = rst_score(sample, &rst_signs);
    // Each sign's weighted count, found once for both sums below.
    let signs: Vec<u32> = MD_SIGNS
        .iter()
        .map(|(r, w, needs)| {
            let may = needs.is_empty() || needs.iter().any(|n| sample.contains(n));
            if may { w * r.find_iter(sample).take(3).count() as u32 } else { 0 }
        })
        .collect();
    let md: u32 = signs.iter().sum();
    // Columns set apart by tabs or wide gaps are plain text's own layout (Markdown and the
    // other markups collapse them): with no sign of markup beyond the underlines and bullets
    // plain text shares, the text is plain.
    let gaps = sample.lines().filter(|l| has_gap(l)).take(3).count();
    let strong_md: u32 =
        signs.iter().enumerate().filter(|(i, _)| !matches!(i, 4 | 7)).map(|(_, n)| n).sum();
    let rst_marks = rst_signs
        .iter()
        .filter(|m| !m.trim_start().starts_with(['=', '-', '~', '^', '*', '+', '#', '`', '\'']))
        .count();
    if gaps >= 3 && strong_md < 3 && rst_marks == 0 && org == 0 && adoc == 0 {
        return Markup::Plain;
    }
    let best = [(Markup::Org, org * 3), (Markup::AsciiDoc, adoc * 3), (Markup::Rst, rst * 3)]
        .into_iter()
        .max_by_key(|(_, s)| *s)
        .unwrap_or((Markup::Plain, 0));
    if best.1 >= 6 && best.1 as u32 >= md {
        return best.0;
    }
    // Bullets, `|` rows and underlined headings are plain text's as much as Markdown's: a
    // text with only those is plain, and its line breaks stay (a dated entry line right after
    // a bullet is not that bullet's lazy continuation).
    let own_md: u32 =
        signs.iter().enumerate().filter(|(i, _)| !matches!(i, 4 | 5 | 7 | 8)).map(|(_, n)| n).sum();
    if (md >= 3 && own_md >= 2) || (markdown_hint && md >= 1) {
        return Markup::Markdown;
    }
    Markup::Plain
}

/// A line whose content has a wide gap inside it (a tab stop or aligned columns).
fn has_gap(line: &str) -> bool {
    let t = line.trim();
    t.contains("   ") && !t.starts_with('|')
}

/// The matches of `re` in `text`, searched line by line on the lines `may` lets through (a
/// test every line that holds a match passes). For the signs above, which never match across
/// a line break (an adornment's trailing `\s*$` runs on only over blank lines, where no sign
/// starts, and only a match's first character is looked at), this finds what a search of the
/// whole text finds, without the whole text's every `:` and `-` being tried as a start.
fn line_matches<'t>(
    re: &'t Regex,
    text: &'t str,
    may: fn(&str) -> bool,
) -> impl Iterator<Item = &'t str> + 't {
    text.split('\n').filter(move |l| may(l)).flat_map(move |l| re.find_iter(l).map(|m| m.as_str()))
}

fn head(text: &str, max: usize) -> &str {
    let mut end = text.len().min(max);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// reStructuredText: directives, link syntax, and title underlines as long as their title.
/// `signs` are the text's [`RST_SIGNS`] matches.
fn rst_score(text: &str, signs: &[&str]) -> usize {
    let lines: Vec<&str> = text.lines().collect();
    let underlines = lines
        .windows(2)
        .filter(|w| is_adornment(w[1]) && !w[0].trim().is_empty() && !is_adornment(w[0]))
        .filter(|w| w[1].trim().chars().count() >= w[0].trim().chars().count())
        .filter(|w| !w[1].trim().starts_with('='))
        .count();
    let signs = signs.iter().filter(|m| !m.trim_start().starts_with(['=', '-'])).count();
    underlines.min(4) + signs
}

/// A line made of one repeated punctuation character (a title adornment or a rule).
pub fn is_adornment(line: &str) -> bool {
    let t = line.trim();
    let mut chars = t.chars();
    match chars.next() {
        Some(c) if "=-~^*+#`'_:.\"".contains(c) => t.chars().count() >= 3 && chars.all(|d| d == c),
        _ => false,
    }
}

/// Rewrites `text` in `markup` as Markdown; Markdown and plain text come back unchanged.
pub fn to_markdown(text: &str, markup: Markup) -> String {
    match markup {
        Markup::Markdown | Markup::Plain => text.to_string(),
        Markup::Org => org(text),
        Markup::AsciiDoc => asciidoc(text),
        Markup::Rst => rst(text),
        Markup::Pod => pod(text),
    }
}

static ORG_LINK: LazyLock<Regex> = LazyLock::new(|| re(r"\[\[([^\]\n]+)\](?:\[([^\]\n]*)\])?\]"));
static ORG_EMPH: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(^|[\s(])[/~=+]([^\s/~=+][^/~=+\n]*?[^\s/~=+]|[^\s/~=+])[/~=+]($|[\s).,;:])")
});
static ORG_BOLD: LazyLock<Regex> =
    LazyLock::new(|| re(r"(^|[\s(])\*([^\s*][^*\n]*?)\*($|[\s).,;:])"));

fn org(text: &str) -> String {
    let mut out = String::new();
    let mut in_block = false;
    for line in text.lines() {
        let t = line.trim();
        let lower = t.to_ascii_lowercase();
        if lower.starts_with("#+begin_") {
            in_block = !lower.starts_with("#+begin_quote");
            continue;
        }
        if lower.starts_with("#+end_") {
            in_block = false;
            continue;
        }
        if in_block || t.starts_with(":PROPERTIES:") || t == ":END:" {
            continue;
        }
        if let Some(rest) = t.strip_prefix("#+") {
            // #+TITLE: Name becomes the top heading; other keywords are settings.
            if let Some(title) = rest.strip_prefix("TITLE:").or_else(|| rest.strip_prefix("title:"))
            {
                out.push_str(&format!("# {}\n\n", title.trim()));
            }
            continue;
        }
        if t.starts_with(": ") || t == ":" || (t.starts_with('#') && !t.starts_with("#+")) {
            continue;
        }
        let stars = line.chars().take_while(|c| *c == '*').count();
        let line = if stars > 0 && line[stars..].starts_with(' ') {
            format!("{} {}", "#".repeat(stars.min(6)), &line[stars + 1..])
        } else {
            line.to_string()
        };
        let line = ORG_LINK.replace_all(&line, |c: &regex::Captures| match c.get(2) {
            Some(t) if !t.as_str().is_empty() => format!("[{}]({})", t.as_str(), &c[1]),
            _ => format!("<{}>", &c[1]),
        });
        let line = ORG_BOLD.replace_all(&line, "$1**$2**$3");
        let line = ORG_EMPH.replace_all(&line, "$1*$2*$3");
        out.push_str(&line);
        out.push('\n');
    }
    out
}

static ADOC_LINK: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?:link:)?((?:https?|mailto):[^\s\[]+)\[([^\]\n]*)\]"));
static ADOC_BOLD: LazyLock<Regex> =
    LazyLock::new(|| re(r"(^|[\s(])\*([^\s*][^*\n]*?)\*($|[\s).,;:])"));
static ADOC_CONTACT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^:(email|phone|mobile|website|homepage|github|linkedin|twitter|mastodon|location|address):\s*(\S.*)$",
    )
});
static ADOC_ROLE: LazyLock<Regex> = LazyLock::new(|| re(r"\[\.[\w-]+\]#([^#\n]*)#"));

fn asciidoc(text: &str) -> String {
    let mut out = String::new();
    let mut in_block = false;
    for line in text.lines() {
        let t = line.trim_end();
        if t == "----" || t == "...." || t == "////" {
            in_block = !in_block;
            continue;
        }
        if in_block || t.starts_with("//") || t == "****" || t == "====" {
            continue;
        }
        // Contact attributes are content; other attribute entries and block attributes
        // ([.role], [source]) are settings.
        if let Some(c) = ADOC_CONTACT.captures(t) {
            out.push_str(&format!("{}: {}\n\n", &c[1], c[2].trim()));
            continue;
        }
        if (t.starts_with(':') && t[1..].contains(':') && !t.contains(' '))
            || (t.starts_with(':') && t[1..].find(": ").is_some() && !t[1..].starts_with(' '))
            || (t.starts_with('[') && t.ends_with(']') && !t.contains("]("))
        {
            continue;
        }
        let eq = t.chars().take_while(|c| *c == '=').count();
        let t = if eq > 0 && t[eq..].starts_with(' ') {
            format!("{} {}", "#".repeat(eq.min(6)), &t[eq + 1..])
        } else if let Some(rest) = t.strip_suffix(" +") {
            rest.to_string()
        } else {
            t.to_string()
        };
        // AsciiDoc nests bullets by repeating the marker: "**" is a second level.
        let marks = t.chars().take_while(|c| *c == '*').count();
        let t = if marks > 0 && t[marks..].starts_with(' ') {
            format!("{}- {}", "  ".repeat(marks - 1), &t[marks + 1..])
        } else {
            t
        };
        let t = ADOC_LINK.replace_all(&t, |c: &regex::Captures| {
            if c[2].is_empty() { format!("<{}>", &c[1]) } else { format!("[{}]({})", &c[2], &c[1]) }
        });
        let t = ADOC_ROLE.replace_all(&t, "$1");
        let t = ADOC_BOLD.replace_all(&t, "$1**$2**$3");
        out.push_str(&t);
        out.push('\n');
    }
    out
}

static RST_LINK: LazyLock<Regex> = LazyLock::new(|| re(r"`([^`<\n]+?)\s*<([^>\n]+)>`__?"));
static RST_ROLE: LazyLock<Regex> = LazyLock::new(|| re(r":[a-z]+:`([^`\n]+)`"));
static RST_FIELD: LazyLock<Regex> = LazyLock::new(|| re(r"^:([A-Za-z][\w ]*):\s+(.*)$"));

fn rst(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    // Heading levels follow the order in which adornment styles first appear.
    let mut styles: Vec<(char, bool)> = Vec::new();
    let mut out = String::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let over = is_adornment(line)
            && i + 2 < lines.len()
            && is_adornment(lines[i + 2])
            && !lines[i + 1].trim().is_empty();
        let under = !over
            && !line.trim().is_empty()
            && !is_adornment(line)
            && i + 1 < lines.len()
            && is_adornment(lines[i + 1])
            && lines[i + 1].trim().chars().count() + 1 >= line.trim().chars().count();
        if over || under {
            let (title, adorn) =
                if over { (lines[i + 1], lines[i + 2]) } else { (line, lines[i + 1]) };
            let style = (adorn.trim().chars().next().unwrap_or('='), over);
            let level = match styles.iter().position(|s| *s == style) {
                Some(p) => p + 1,
                None => {
                    styles.push(style);
                    styles.len()
                }
            };
            out.push_str(&format!("{} {}\n\n", "#".repeat(level.min(6)), title.trim()));
            i += if over { 3 } else { 2 };
            continue;
        }
        if is_adornment(line) {
            out.push('\n');
            i += 1;
            continue;
        }
        if line.trim_start().starts_with(".. ") {
            i += 1;
            continue;
        }
        let l = RST_LINK.replace_all(line, "[$1]($2)");
        let l = RST_ROLE.replace_all(&l, "$1");
        let l = l.replace("``", "`");
        let l = match RST_FIELD.captures(&l) {
            Some(c) => format!("{}: {}", &c[1], &c[2]),
            None => l,
        };
        out.push_str(&l);
        out.push('\n');
        i += 1;
    }
    out
}

static POD_CODES: LazyLock<Regex> = LazyLock::new(|| re(r"[BICLFSEXZ]<([^<>\n]*)>"));

fn pod(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let t = line.trim_end();
        let (cmd, rest) = t.split_once(' ').unwrap_or((t, ""));
        let line = match cmd {
            "=head1" => format!("# {rest}"),
            "=head2" => format!("## {rest}"),
            "=head3" => format!("### {rest}"),
            "=head4" => format!("#### {rest}"),
            "=item" => {
                let rest = rest.trim_start_matches(['*', '-']).trim();
                let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
                format!("- {}", rest.trim())
            }
            c if c.starts_with('=') => String::new(),
            _ => t.to_string(),
        };
        // Formatting codes: B<bold>, I<italic>, C<code>, L<link>; repeat for nesting.
        let mut l = line;
        for _ in 0..4 {
            let next = POD_CODES
                .replace_all(&l, |c: &regex::Captures| {
                    let inner = &c[1];
                    match &c[0][..1] {
                        "B" => format!("**{inner}**"),
                        "I" => format!("*{inner}*"),
                        "L" => inner.rsplit('|').next().unwrap_or(inner).to_string(),
                        "E" => match inner {
                            "lt" => "<".into(),
                            "gt" => ">".into(),
                            _ => String::new(),
                        },
                        _ => inner.to_string(),
                    }
                })
                .into_owned();
            if next == l {
                break;
            }
            l = next;
        }
        out.push_str(&l);
        out.push('\n');
        if cmd.starts_with("=head") || cmd == "=item" {
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_each_markup() {
        assert_eq!(
            detect("# Ada\n\n## Work\n\n- **Lead** at [Acme](https://a.example)\n", false),
            Markup::Markdown
        );
        assert_eq!(
            detect("#+TITLE: Ada\n* Work\n** Lead\n[[https://a.example][Acme]]\n", false),
            Markup::Org
        );
        assert_eq!(
            detect("= Ada\n:email: a@b.c\n\n== Work\n\n[.role]\nLead +\n", false),
            Markup::AsciiDoc
        );
        assert_eq!(
            detect("Ada\n===\n\nWork\n----\n\n.. note:: x\n\n`Acme <https://a.example>`_\n", false),
            Markup::Rst
        );
        assert_eq!(
            detect("=head1 NAME\n\nAda\n\n=head1 WORK\n\n=over\n\n=item * x\n", false),
            Markup::Pod
        );
        assert_eq!(detect("Ada Lovelace\nEXPERIENCE\nAcme 2019-2020\n", false), Markup::Plain);
        // Indented dash bullets and `|` separators are plain text's too.
        let bullets = "Ada Roe\n\nEXPERIENCE\nAcme — Potter  |  2019 – 2021\n  - Fired pots\n  - Glazed\n  - Sold\nClerk — Globex  |  2017 – 2019\n  - Filed\n";
        assert_eq!(detect(bullets, false), Markup::Plain);
        assert_eq!(detect(&format!("## Work\n\n{bullets}"), false), Markup::Markdown);
    }

    #[test]
    fn rewrites_lightweight_markups_as_markdown() {
        assert_eq!(
            org("* Work\n** Lead /Acme/ [[https://a.example][site]]\n"),
            "# Work\n## Lead *Acme* [site](https://a.example)\n"
        );
        assert_eq!(
            asciidoc("== Work\n[.role]\n*Lead* +\n** sub\n"),
            "## Work\n**Lead**\n  - sub\n"
        );
        assert_eq!(rst("Ada\n===\n\nWork\n----\n"), "# Ada\n\n\n## Work\n\n");
        assert_eq!(pod("=head1 WORK\n\n=item * B<Lead>\n"), "# WORK\n\n\n- **Lead**\n\n");
    }
}
