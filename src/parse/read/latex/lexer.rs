//! LaTeX source into tokens, as TeX's eyes and mouth see it: control sequences, characters,
//! spaces (a control word swallows the spaces after it), paragraph breaks (a blank line),
//! groups, and the characters with a role (`$ & # ~ ^ _`). Comments are gone; ligatures
//! (`--`, `---`, ``` `` ```, `''`) are single characters; `\verb`, URLs and verbatim
//! environments keep their text raw.

use std::rc::Rc;

/// One token.
#[derive(Debug, Clone, PartialEq)]
pub enum Tok {
    /// `\name` (a control word) or `\x` (a control symbol), without the backslash (shared:
    /// macro expansion copies tokens).
    Cs(Rc<str>),
    Char(char),
    /// Spaces and at most one line end.
    Space {
        newline: bool,
    },
    /// A blank line.
    Par,
    Open,
    Close,
    Math,
    Amp,
    /// `#1`…`#9` in a macro body; `#0` stands for a literal `#` (`##`).
    Param(u8),
    Tilde,
    Sup,
    Sub,
    /// Text kept as written: `\verb`, the argument of `\url`, verbatim environments.
    Verb(String),
}

/// A token and the line it starts on.
#[derive(Debug, Clone, PartialEq)]
pub struct T {
    pub tok: Tok,
    pub line: u32,
}

/// Commands whose (first) argument is read raw: URLs may hold `%`, `#`, `_` and `~`.
const RAW_ARG: [&str; 4] = ["url", "href", "nolinkurl", "path"];

/// Environments whose body is kept raw (verbatim) or dropped (comment).
const RAW_ENVS: [&str; 5] = ["verbatim", "verbatim*", "lstlisting", "minted", "comment"];

pub fn lex(text: &str) -> Vec<T> {
    let mut lx = Lexer { s: text, pos: 0, line: 1, out: Vec::with_capacity(text.len() / 3) };
    lx.run();
    lx.out
}

struct Lexer<'a> {
    s: &'a str,
    pos: usize,
    line: u32,
    out: Vec<T>,
}

impl Lexer<'_> {
    fn peek(&self) -> Option<char> {
        self.s[self.pos..].chars().next()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        if c == '\n' {
            self.line += 1;
        }
        Some(c)
    }

    fn push(&mut self, tok: Tok, line: u32) {
        self.out.push(T { tok, line });
    }

    fn run(&mut self) {
        while let Some(c) = self.peek() {
            let line = self.line;
            match c {
                '\\' => self.control(),
                '%' => self.comment(),
                '{' => {
                    self.bump();
                    self.push(Tok::Open, line);
                }
                '}' => {
                    self.bump();
                    self.push(Tok::Close, line);
                }
                '$' => {
                    self.bump();
                    self.push(Tok::Math, line);
                }
                '&' => {
                    self.bump();
                    self.push(Tok::Amp, line);
                }
                '~' => {
                    self.bump();
                    self.push(Tok::Tilde, line);
                }
                '^' => {
                    self.bump();
                    self.push(Tok::Sup, line);
                }
                '_' => {
                    self.bump();
                    self.push(Tok::Sub, line);
                }
                '#' => {
                    self.bump();
                    match self.peek() {
                        Some(d @ '1'..='9') => {
                            self.bump();
                            self.push(Tok::Param(d as u8 - b'0'), line);
                        }
                        Some('#') => {
                            self.bump();
                            self.push(Tok::Param(0), line);
                        }
                        _ => self.push(Tok::Char('#'), line),
                    }
                }
                c if c.is_whitespace() => self.space(),
                _ => self.text(),
            }
        }
    }

    /// Whitespace: a blank line is a paragraph break, else one space.
    fn space(&mut self) {
        let line = self.line;
        let mut newlines = 0;
        while let Some(c) = self.peek() {
            if !c.is_whitespace() {
                break;
            }
            if c == '\n' {
                newlines += 1;
            }
            self.bump();
        }
        let tok = if newlines >= 2 { Tok::Par } else { Tok::Space { newline: newlines == 1 } };
        self.push(tok, line);
    }

    /// `%` to the end of the line; the line end and the next line's indentation go with it.
    fn comment(&mut self) {
        while let Some(c) = self.bump() {
            if c == '\n' {
                break;
            }
        }
        // A blank line after the comment is still a paragraph break.
        let rest = &self.s[self.pos..];
        let indent = rest.len() - rest.trim_start_matches([' ', '\t']).len();
        if !rest[indent..].starts_with('\n') {
            self.pos += indent;
        }
    }

    /// Characters up to the next special one, with TeX's ligatures.
    fn text(&mut self) {
        let line = self.line;
        let rest = &self.s[self.pos..];
        let lig = [
            ("---", '\u{2014}'),
            ("--", '\u{2013}'),
            ("``", '\u{201c}'),
            ("''", '\u{201d}'),
            ("!`", '¡'),
            ("?`", '¿'),
        ];
        if let Some((l, c)) = lig.iter().find(|(l, _)| rest.starts_with(l)) {
            self.pos += l.len();
            self.push(Tok::Char(*c), line);
            return;
        }
        if let Some(c) = self.bump() {
            self.push(Tok::Char(c), line);
        }
    }

    /// A control sequence, and what it makes of the text after it.
    fn control(&mut self) {
        let line = self.line;
        self.bump(); // the backslash
        let Some(c) = self.peek() else {
            self.push(Tok::Char('\\'), line);
            return;
        };
        if !c.is_ascii_alphabetic() {
            self.bump();
            self.push(Tok::Cs(c.to_string().into()), line);
            return;
        }
        let start = self.pos;
        while self.peek().is_some_and(|c| c.is_ascii_alphabetic() || c == '@') {
            self.bump();
        }
        let mut name = self.s[start..self.pos].to_string();
        if self.peek() == Some('*') && matches!(name.as_str(), "verb") {
            self.bump();
            name.push('*');
        }
        if name == "verb" || name == "verb*" {
            self.verb(line);
            return;
        }
        self.skip_spaces_after_word();
        let raw = RAW_ARG.contains(&name.as_str());
        self.push(Tok::Cs(name.as_str().into()), line);
        if raw {
            self.raw_group();
        } else if name == "begin" {
            self.raw_env();
        }
    }

    /// TeX skips the spaces after a control word, and one line end, but not a blank line.
    fn skip_spaces_after_word(&mut self) {
        let rest = &self.s[self.pos..];
        let spaces = rest.len() - rest.trim_start_matches([' ', '\t']).len();
        self.pos += spaces;
        let rest = &self.s[self.pos..];
        if let Some(after) = rest.strip_prefix('\n') {
            let blank = after.trim_start_matches([' ', '\t', '\r']).starts_with('\n');
            if !blank {
                self.bump();
                let r = &self.s[self.pos..];
                self.pos += r.len() - r.trim_start_matches([' ', '\t']).len();
            }
        }
    }

    /// `\verb|text|`: up to the next delimiter on the same line.
    fn verb(&mut self, line: u32) {
        let Some(delim) = self.bump() else { return };
        let start = self.pos;
        while let Some(c) = self.peek() {
            if c == delim || c == '\n' {
                break;
            }
            self.bump();
        }
        let text = self.s[start..self.pos].to_string();
        if self.peek() == Some(delim) {
            self.bump();
        }
        self.push(Tok::Verb(text), line);
    }

    /// A braced argument kept raw (`\url{a%20b}`), unless it holds a macro parameter. URLs are
    /// short: an argument not closed within a few thousand characters is read as usual.
    fn raw_group(&mut self) {
        let rest = &self.s[self.pos..];
        let Some(body) = rest.strip_prefix('{') else { return };
        let mut depth = 1;
        let mut end = None;
        for (k, c) in body.char_indices().take(4096) {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = Some(k);
                        break;
                    }
                }
                _ => {}
            }
        }
        let Some(end) = end else { return };
        let raw = &body[..end];
        if raw.contains('#') && raw.chars().any(|c| c.is_ascii_digit()) {
            return;
        }
        let line = self.line;
        self.line += raw.matches('\n').count() as u32;
        self.pos += end + 2;
        self.push(Tok::Open, line);
        self.push(Tok::Verb(raw.to_string()), line);
        self.push(Tok::Close, line);
    }

    /// `\begin{verbatim}` … `\end{verbatim}` (and listings, comments): the body raw.
    fn raw_env(&mut self) {
        let rest = &self.s[self.pos..];
        let Some(name) = RAW_ENVS.iter().find(|n| rest.starts_with(&format!("{{{n}}}"))) else {
            return;
        };
        let open_len = name.len() + 2;
        let close = format!("\\end{{{name}}}");
        let body_start = self.pos + open_len;
        let (body_end, after) = match self.s[body_start..].find(&close) {
            Some(k) => (body_start + k, body_start + k + close.len()),
            None => (self.s.len(), self.s.len()),
        };
        let line = self.line;
        let body = &self.s[body_start..body_end];
        // The `begin` token just pushed is replaced by the raw text.
        self.out.pop();
        if *name != "comment" {
            // Options of a listing (`[language=C]`) are not text.
            let body = if body.starts_with('[') {
                body.find(']').map_or(body, |k| &body[k + 1..])
            } else {
                body
            };
            self.push(Tok::Verb(body.trim_matches('\n').to_string()), line);
        }
        self.line += self.s[self.pos..after].matches('\n').count() as u32;
        self.pos = after;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<Tok> {
        lex(s).into_iter().map(|t| t.tok).collect()
    }

    #[test]
    fn control_words_swallow_spaces_and_comments_vanish() {
        assert_eq!(
            toks("\\bf  x% note\n  y\n\nz"),
            [Tok::Cs("bf".into()), Tok::Char('x'), Tok::Char('y'), Tok::Par, Tok::Char('z')]
        );
        assert_eq!(toks("a\\ b"), [Tok::Char('a'), Tok::Cs(" ".into()), Tok::Char('b')]);
    }

    #[test]
    fn ligatures_and_raw_arguments() {
        assert_eq!(toks("1--2"), [Tok::Char('1'), Tok::Char('\u{2013}'), Tok::Char('2')]);
        assert_eq!(
            toks("\\url{a%20b_c}"),
            [Tok::Cs("url".into()), Tok::Open, Tok::Verb("a%20b_c".into()), Tok::Close]
        );
        assert_eq!(toks("\\verb|x%y|"), [Tok::Verb("x%y".into())]);
        assert_eq!(toks("\\begin{comment}\nhidden\n\\end{comment}z"), [Tok::Char('z')]);
        let t = lex("\\begin{verbatim}\nraw % text\n\\end{verbatim}\nafter");
        assert_eq!(t[0].tok, Tok::Verb("raw % text".into()));
        assert_eq!(t.last().map(|t| t.line), Some(4));
    }

    #[test]
    fn parameters_and_lines() {
        let t = lex("#1##\n\\x");
        assert_eq!(t[0].tok, Tok::Param(1));
        assert_eq!(t[1].tok, Tok::Param(0));
        assert_eq!(t.last().map(|t| t.line), Some(2));
    }
}
