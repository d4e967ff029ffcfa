//! Which markup a text is written in, decided from its content by scored features; the file
//! name's extension only weighs in.
//!
//! Each feature is a named test on one line (with its neighbours) that counts as evidence for
//! one markup, with a weight and a cap on how many occurrences count (a hundred `\item`s are
//! no more LaTeX than ten). The scores are compared with the extension's markup favoured:
//! another markup wins over it only with clearly more evidence, so a `.md` page full of raw
//! HTML stays Markdown (Markdown allows HTML), while a `.txt` written in reStructuredText is
//! read as reStructuredText and a `.php` page of HTML as HTML.

use super::Markup;

/// How much of the text is looked at: enough for any resume, and detection stays cheap.
const SAMPLE: usize = 64 * 1024;

/// Less evidence than this for any markup means plain text (or the extension's markup).
const MIN_SCORE: u32 = 6;

/// One line and its neighbours, as a feature sees them.
struct At<'a> {
    prev: &'a str,
    line: &'a str,
    next: &'a str,
    /// 0-based index among the sample's lines.
    index: usize,
    /// The ASCII bytes the line holds, one bit each ([`marks`]).
    marks: u128,
}

impl At<'_> {
    /// Whether the line holds the ASCII character `c`: a bit test, where a search of the line
    /// per feature was most of detection's time.
    fn has(&self, c: char) -> bool {
        debug_assert!(c.is_ascii());
        self.marks >> (c as u32 & 127) & 1 == 1
    }
}

/// The set of ASCII bytes in `line`, one bit per byte value, found in one pass.
fn marks(line: &str) -> u128 {
    line.bytes().filter(u8::is_ascii).fold(0, |m, b| m | 1u128 << b)
}

struct Feature {
    #[cfg_attr(not(test), allow(dead_code))] // named for the tests' evidence
    name: &'static str,
    markup: Markup,
    weight: u32,
    /// At most this many occurrences count.
    cap: u32,
    test: fn(&At) -> bool,
}

/// A feature: its name, the markup it is evidence for, its weight and cap, its test.
const fn f(
    name: &'static str,
    markup: Markup,
    weight: u32,
    cap: u32,
    test: fn(&At) -> bool,
) -> Feature {
    Feature { name, markup, weight, cap, test }
}

use Markup::{AsciiDoc, Html, Latex, Markdown, Org, Rst};

const FEATURES: &[Feature] = &[
    // Every test for a string first looks for one character of it (`<` of a tag, `&` of an
    // entity, `\` of a macro, a backquote, a bracket): one memchr, and most lines hold none of
    // them, so they are not searched for whole strings or lower-cased.
    // HTML
    f("html document tags", Html, 8, 3, |a| {
        if !a.has('<') {
            return false;
        }
        let l = a.line.to_ascii_lowercase();
        ["<!doctype html", "<html", "<body", "<head>", "</html>", "</body>"]
            .iter()
            .any(|t| l.contains(t))
    }),
    f("html block tags", Html, 1, 40, |a| {
        if !a.has('<') {
            return false;
        }
        let l = a.line.to_ascii_lowercase();
        HTML_TAGS.iter().any(|t| l.contains(t))
    }),
    f("html entities", Html, 1, 5, |a| {
        a.has('&') && ["&nbsp", "&amp;", "&lt;", "&gt;", "&#"].iter().any(|e| a.line.contains(e))
    }),
    // LaTeX
    f("latex document", Latex, 10, 2, |a| {
        a.has('\\') && (a.line.contains("\\documentclass") || a.line.contains("\\begin{document}"))
    }),
    f("latex environments", Latex, 2, 10, |a| {
        a.has('\\') && (a.line.contains("\\begin{") || a.line.contains("\\end{"))
    }),
    f("latex commands", Latex, 1, 30, |a| {
        let t = a.line.trim_start();
        t.starts_with('\\') && t[1..].chars().next().is_some_and(|c| c.is_ascii_alphabetic())
    }),
    f("latex resume macros", Latex, 2, 10, |a| {
        a.has('\\') && LATEX_MACROS.iter().any(|m| a.line.contains(m))
    }),
    // reStructuredText
    f("rst directive or target", Rst, 5, 4, |a| {
        let t = a.line;
        t.starts_with(".. ") && (t.contains("::") || t.starts_with(".. _") || t.starts_with(".. |"))
    }),
    f("rst link", Rst, 5, 4, |a| a.has('`') && (a.line.contains(">`_") || a.line.contains("`__"))),
    f("rst overlined title", Rst, 4, 3, |a| {
        let (o, u) = (adornment(a.prev), adornment(a.next));
        o.is_some() && o == u && adornment(a.line).is_none() && !a.line.trim().is_empty()
    }),
    f("rst underline", Rst, 2, 5, |a| {
        // `=` and `-` underlines are Markdown's too; the other characters are rst's own.
        adornment(a.line).is_some_and(|c| !matches!(c, '=' | '-')) && is_text(a.prev)
    }),
    f("rst field", Rst, 1, 5, |a| {
        a.line.starts_with(':')
            && a.line[1..]
                .find(": ")
                .is_some_and(|k| k > 0 && a.line[1..k + 1].contains(char::is_uppercase))
    }),
    f("rst literal", Rst, 1, 5, |a| {
        a.has('`') && a.line.contains("``") && !a.line.starts_with("```")
    }),
    // Org
    f("org keyword", Org, 5, 4, |a| {
        let t = a.line.trim_start();
        t.len() > 3
            && t.starts_with("#+")
            && t[2..].chars().next().is_some_and(|c| c.is_ascii_alphabetic())
    }),
    f("org link", Org, 4, 4, |a| a.has('[') && a.line.contains("[[") && a.line.contains("]]")),
    f("org sub-heading", Org, 2, 5, |a| {
        let stars = a.line.chars().take_while(|&c| c == '*').count();
        stars >= 2 && a.line[stars..].starts_with(' ') && !a.line.trim_end().ends_with('*')
    }),
    f("org drawer", Org, 4, 2, |a| matches!(a.line.trim(), ":PROPERTIES:" | ":END:" | ":LOGBOOK:")),
    f("org description item", Org, 3, 4, |a| {
        let t = a.line.trim_start();
        (t.starts_with("- ") || t.starts_with("+ ")) && t.contains(" :: ")
    }),
    // AsciiDoc
    f("asciidoc title", AsciiDoc, 6, 1, |a| {
        a.index < 3 && a.line.starts_with("= ") && a.line.len() > 2
    }),
    f("asciidoc section", AsciiDoc, 3, 5, |a| {
        let n = a.line.chars().take_while(|&c| c == '=').count();
        (2..=6).contains(&n) && a.line[n..].starts_with(' ')
    }),
    f("asciidoc table", AsciiDoc, 6, 2, |a| a.line.starts_with("|===")),
    f("asciidoc macro", AsciiDoc, 3, 4, |a| {
        a.has('[') && a.line.split_whitespace().any(is_link_macro)
    }),
    f("asciidoc block attribute", AsciiDoc, 3, 4, |a| {
        let t = a.line.trim();
        t.starts_with('[')
            && t.ends_with(']')
            && !t.starts_with("[[")
            && !t.contains("](")
            && ["horizontal", "source", "cols=", "NOTE", "TIP", "quote", "%", "."]
                .iter()
                .any(|k| t[1..].starts_with(k))
    }),
    f("asciidoc block title", AsciiDoc, 2, 5, |a| {
        a.line.starts_with('.')
            && a.line[1..]
                .chars()
                .next()
                .is_some_and(|c| c.is_alphanumeric() || c == '*' || c == '_')
    }),
    f("asciidoc description", AsciiDoc, 2, 5, |a| {
        let t = a.line.trim_start();
        !t.starts_with("- ")
            && !t.starts_with(".. ")
            && a.has(':')
            && (t.ends_with("::") && t.len() > 2 || t.contains(":: ") && !t.contains(" :: "))
    }),
    f("asciidoc attribute", AsciiDoc, 1, 5, |a| {
        a.line.starts_with(':')
            && a.line[1..].split_once(':').is_some_and(|(n, _)| {
                !n.is_empty()
                    && n.chars().all(|c| {
                        c.is_ascii_lowercase()
                            || c.is_ascii_digit()
                            || c == '-'
                            || c == '_'
                            || c == '!'
                    })
            })
    }),
    f("asciidoc continuation", AsciiDoc, 3, 3, |a| a.line == "+"),
    // Markdown
    f("markdown heading", Markdown, 3, 10, |a| {
        let n = a.line.chars().take_while(|&c| c == '#').count();
        (1..=6).contains(&n) && a.line[n..].starts_with(' ')
    }),
    f("markdown link", Markdown, 3, 10, |a| a.has(']') && a.line.contains("](")),
    f("markdown emphasis", Markdown, 1, 10, |a| {
        a.has('*') && a.line.matches("**").count() >= 2
            || a.has('_') && a.line.matches("__").count() >= 2
    }),
    f("markdown fence or table rule", Markdown, 3, 4, |a| {
        let t = a.line.trim();
        t.starts_with("```") || t.starts_with("|-") || t.starts_with("| -") || t.starts_with("|:-")
    }),
    f("markdown autolink", Markdown, 2, 4, |a| a.has('<') && a.line.contains("<http")),
    f("markdown front matter", Markdown, 3, 1, |a| a.index == 0 && a.line == "---"),
];

const HTML_TAGS: [&str; 22] = [
    "<p>", "<p ", "</p>", "<div", "</div>", "<h1", "<h2", "<h3", "<h4", "<h5", "<ul", "<ol", "<li",
    "<br", "<section", "<table", "<td", "<span", "<a href", "<strong", "<em>", "<dl",
];

const LATEX_MACROS: [&str; 12] = [
    "\\section",
    "\\subsection",
    "\\item",
    "\\textbf{",
    "\\emph{",
    "\\href{",
    "\\usepackage",
    "\\cventry",
    "\\cvitem",
    "\\resumeSubheading",
    "\\newcommand",
    "\\begin{itemize}",
];

/// The markup of `text`; `hint` is the one its file name suggests (`None` for standard input
/// or an unknown extension).
pub fn detect(text: &str, hint: Option<Markup>) -> Markup {
    let scores = scores(text);
    let score = |m: Markup| scores.iter().find(|(k, _)| *k == m).map_or(0, |(_, s)| *s);
    let (best, best_score) = scores
        .iter()
        .copied()
        .max_by_key(|&(m, s)| (s, Some(m) == hint))
        .unwrap_or((Markup::Text, 0));
    match hint {
        // Markdown allows raw HTML; a page of it is still Markdown.
        Some(Markup::Markdown) if best == Markup::Html => Markup::Markdown,
        Some(h) if h != Markup::Text => {
            let decisive = best_score >= MIN_SCORE && best_score >= 2 * score(h) + MIN_SCORE;
            if decisive { best } else { h }
        }
        _ if best_score >= MIN_SCORE => best,
        _ => Markup::Text,
    }
}

/// The evidence for each markup, highest first.
fn scores(text: &str) -> Vec<(Markup, u32)> {
    let mut end = text.len().min(SAMPLE);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let lines: Vec<&str> = text[..end].lines().map(str::trim_end).collect();
    let mut counts = vec![0u32; FEATURES.len()];
    for (index, line) in lines.iter().enumerate() {
        let at = At {
            prev: if index > 0 { lines[index - 1] } else { "" },
            line,
            next: lines.get(index + 1).copied().unwrap_or(""),
            index,
            marks: marks(line),
        };
        for (f, n) in FEATURES.iter().zip(counts.iter_mut()) {
            if *n < f.cap && (f.test)(&at) {
                *n += 1;
            }
        }
    }
    let mut scores: Vec<(Markup, u32)> = Vec::new();
    for (f, n) in FEATURES.iter().zip(&counts) {
        match scores.iter_mut().find(|(m, _)| *m == f.markup) {
            Some((_, s)) => *s += f.weight * n,
            None => scores.push((f.markup, f.weight * n)),
        }
    }
    scores.sort_by_key(|&(_, s)| std::cmp::Reverse(s));
    scores
}

/// The features that fired, for tests and debugging: `(name, count)`.
#[cfg(test)]
fn evidence(text: &str) -> Vec<(&'static str, u32)> {
    let lines: Vec<&str> = text.lines().collect();
    FEATURES
        .iter()
        .map(|f| {
            let n = (0..lines.len())
                .filter(|&k| {
                    let at = At {
                        prev: if k > 0 { lines[k - 1] } else { "" },
                        line: lines[k],
                        next: lines.get(k + 1).copied().unwrap_or(""),
                        index: k,
                        marks: marks(lines[k]),
                    };
                    (f.test)(&at)
                })
                .count() as u32;
            (f.name, n.min(f.cap))
        })
        .filter(|(_, n)| *n > 0)
        .collect()
}

/// `https://x[text]`, `link:x[text]`, `mailto:x[text]`, `image:x[]`: a target with its text
/// in brackets right after it, in one word.
fn is_link_macro(word: &str) -> bool {
    let Some(open) = word.find('[') else { return false };
    let target = &word[..open];
    let macro_name = ["link:", "mailto:", "image:", "image::", "include::", "xref:"]
        .iter()
        .any(|m| target.starts_with(m));
    (macro_name || target.contains("://")) && word.ends_with(']') && !word.contains("](")
}

/// A line of one repeated punctuation character, three or more long.
fn adornment(t: &str) -> Option<char> {
    let t = t.trim_end();
    let c = t.chars().next()?;
    (c.is_ascii_punctuation() && t.len() >= 3 && t.chars().all(|x| x == c)).then_some(c)
}

fn is_text(t: &str) -> bool {
    !t.trim().is_empty() && adornment(t).is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    const RST: &str = "=========\nAda Quill\n=========\n\n:Email: ada@example.com\n\nWork\n~~~~\n\n\
                       - Built `a tool <https://tool.example>`_.\n\n.. note:: fictional\n";
    const ORG: &str = "#+TITLE: Ada Quill\n#+AUTHOR: Ada Quill\n\n* Work\n** Acme\n- Tools :: Rust\n\
                       [[https://ada.example][site]]\n";
    const ADOC: &str = "= Ada Quill\n:email: ada@example.com\n\n== Work\n\n.Acme\n* Built link:https://x.example[x]\n\n\
                        [horizontal]\nTools:: Rust\n";
    const LATEX: &str = "\\documentclass{article}\n\\begin{document}\n\\section{Work}\n\\begin{itemize}\n\
                         \\item Built \\textbf{things}\n\\end{itemize}\n\\end{document}\n";
    const HTML: &str = "<!DOCTYPE html>\n<html><head><title>Ada</title></head>\n<body>\n<h1>Ada Quill</h1>\n\
                        <section class=\"work\"><h2>Work</h2><ul><li>Built</li></ul></section>\n</body></html>\n";
    const MARKDOWN: &str =
        "# Ada Quill\n\n## Work\n\n- Built [a tool](https://tool.example)\n- **Rust**\n";
    const TEXT: &str =
        "ADA QUILL\nada@example.com\n\nEXPERIENCE\n==========\n\nAcme, engineer, 2019 - 2021\n";

    #[test]
    fn each_markup_is_recognised_without_a_hint() {
        for (text, want) in [
            (RST, Markup::Rst),
            (ORG, Markup::Org),
            (ADOC, Markup::AsciiDoc),
            (LATEX, Markup::Latex),
            (HTML, Markup::Html),
            (MARKDOWN, Markup::Markdown),
            (TEXT, Markup::Text),
        ] {
            assert_eq!(detect(text, None), want, "{:?}", evidence(text));
        }
    }

    #[test]
    fn content_overrides_a_txt_extension() {
        assert_eq!(detect(RST, Some(Markup::Text)), Markup::Rst);
        assert_eq!(detect(LATEX, Some(Markup::Text)), Markup::Latex);
        assert_eq!(detect(TEXT, Some(Markup::Text)), Markup::Text);
    }

    #[test]
    fn a_markdown_file_full_of_html_stays_markdown() {
        assert_eq!(detect(HTML, Some(Markup::Markdown)), Markup::Markdown);
        let page =
            "---\ntitle: CV\n---\n<div class=\"job\">\n<p><strong>Acme</strong></p>\n</div>\n";
        assert_eq!(detect(page, Some(Markup::Markdown)), Markup::Markdown);
    }

    #[test]
    fn a_markup_extension_holds_unless_the_content_clearly_says_otherwise() {
        // Plain paragraphs are valid reStructuredText, Org and AsciiDoc.
        assert_eq!(detect("Ada Quill\n\nEngineer at Acme.\n", Some(Markup::Rst)), Markup::Rst);
        assert_eq!(detect("Ada Quill\n", Some(Markup::Org)), Markup::Org);
        // A LaTeX document saved as .md is LaTeX.
        assert_eq!(detect(LATEX, Some(Markup::Markdown)), Markup::Latex);
    }

    #[test]
    fn an_html_fragment_without_a_document_is_html() {
        let php = "<?php include 'head.php'; ?>\n<section id=\"resume\">\n<div class=\"item\">\n<h4>Acme</h4>\n\
                   <h5>2019 - 2021</h5>\n<p>Engineer</p>\n</div>\n</section>\n";
        assert_eq!(detect(php, None), Markup::Html);
    }

    #[test]
    fn links_with_their_text_in_brackets_are_asciidoc_not_any_url_near_a_bracket() {
        assert!(is_link_macro("https://x.example[Site]"));
        assert!(is_link_macro("link:cv.pdf[CV]"));
        assert!(!is_link_macro("[Site](https://x.example)"));
        let text = "Ada Quill\nhttps://ada.example [personal]\nhttps://blog.example [blog]\n";
        assert_eq!(detect(text, Some(Markup::Text)), Markup::Text);
    }

    #[test]
    fn plain_text_with_rules_and_bullets_is_text() {
        let text =
            "Ada Quill\n-----------------\nWork\n-----------------\n* Acme 2019\n* Globex 2020\n";
        assert_eq!(detect(text, Some(Markup::Text)), Markup::Text, "{:?}", evidence(text));
    }
}
