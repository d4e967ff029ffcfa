//! `\input{file}` and `\include{file}`: the section files a LaTeX resume pulls in, spliced in
//! where they are named, as TeX does, before the document is read.

/// How deep included files may include others (TeX allows more; resumes use one level).
const MAX_DEPTH: usize = 4;
/// The most text splicing may add, whatever the files hold.
const MAX_ADDED: usize = 4 * 1024 * 1024;

/// `text` with every `\input{name}` and `\include{name}` outside a comment replaced by the
/// text `load` gives for `name` (its own inclusions spliced too); a name `load` has no text
/// for keeps its command, which the reader drops.
pub fn splice(text: &str, load: &mut dyn FnMut(&str) -> Option<String>) -> String {
    let mut added = 0;
    splice_at(text, load, 0, &mut added)
}

fn splice_at(
    text: &str,
    load: &mut dyn FnMut(&str) -> Option<String>,
    depth: usize,
    added: &mut usize,
) -> String {
    if depth >= MAX_DEPTH || !text.contains("\\in") {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let code = &line[..comment_start(line)];
        let mut rest = code;
        while let Some((before, name, after)) = next_inclusion(rest) {
            out.push_str(before);
            match load(name).filter(|t| *added + t.len() <= MAX_ADDED) {
                Some(t) => {
                    *added += t.len();
                    out.push_str(&splice_at(&t, load, depth + 1, added));
                    if !t.ends_with('\n') {
                        out.push('\n');
                    }
                    // The file's last line end ends the line it was named on.
                    rest = if after.trim().is_empty() { "" } else { after };
                    continue;
                }
                None => out.push_str(&rest[before.len()..rest.len() - after.len()]),
            }
            rest = after;
        }
        out.push_str(rest);
        out.push_str(&line[code.len()..]);
    }
    out
}

/// Where a line's comment begins: the first `%` not escaped by a backslash.
fn comment_start(line: &str) -> usize {
    let bytes = line.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'%' => return i,
            _ => i += 1,
        }
    }
    line.len()
}

/// The first `\input{…}` or `\include{…}` in `s`: the text before it, the file name, and the
/// text after it. `\includegraphics`, `\inputencoding` and the like are other commands.
fn next_inclusion(s: &str) -> Option<(&str, &str, &str)> {
    let mut from = 0;
    while let Some(at) = s[from..].find("\\in").map(|i| from + i) {
        from = at + 3;
        let after_name = ["input", "include"]
            .iter()
            .find_map(|cmd| s[at + 1..].strip_prefix(cmd))
            .filter(|r| !r.starts_with(|c: char| c.is_ascii_alphabetic() || c == '@'));
        let Some(r) = after_name else { continue };
        let Some(arg) = r.trim_start_matches([' ', '\t']).strip_prefix('{') else { continue };
        let Some(close) = arg.find('}') else { continue };
        let name = arg[..close].trim();
        if name.is_empty() || name.contains(['{', '\\']) {
            continue;
        }
        return Some((&s[..at], name, &arg[close + 1..]));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(name: &str) -> Option<String> {
        match name {
            "sections/work" | "sections/work.tex" => {
                Some("\\section{Work}\n\\input{sections/jobs}\n".to_string())
            }
            "sections/jobs" => Some("Acme, engineer\n".to_string()),
            "loop" => Some("\\input{loop}\n".to_string()),
            _ => None,
        }
    }

    #[test]
    fn inputs_are_spliced_in_where_they_are_named_and_nested_ones_too() {
        let text =
            "\\begin{document}\n\\input{sections/work}\n\\include{missing}\n\\end{document}\n";
        assert_eq!(
            splice(text, &mut files),
            "\\begin{document}\n\\section{Work}\nAcme, engineer\n\\include{missing}\n\\end{document}\n"
        );
    }

    #[test]
    fn commented_inputs_and_other_commands_are_left_alone() {
        let text =
            "% \\input{sections/work}\n\\includegraphics{sections/work} 50\\% \\input {loop}\n";
        let out = splice(text, &mut files);
        assert!(
            out.starts_with("% \\input{sections/work}\n\\includegraphics{sections/work} 50\\% ")
        );
        // A file that includes itself stops at the depth limit.
        assert_eq!(out.matches("\\input{loop}").count(), 1);
    }
}
