use super::*;

fn outline(src: &str) -> String {
    read(src).outline()
}

fn fixture(name: &str) -> String {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/readers").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn a_moderncv_resume_reads_into_the_tree() {
    insta::assert_snapshot!(outline(&fixture("resume-moderncv.tex")));
}

#[test]
fn an_awesome_cv_resume_reads_into_the_tree() {
    insta::assert_snapshot!(outline(&fixture("resume-awesome.tex")));
}

#[test]
fn a_template_with_its_own_macros_reads_as_what_they_print() {
    insta::assert_snapshot!(outline(&fixture("resume-template.tex")));
}

#[test]
fn an_article_class_resume_with_lists_tables_and_accents() {
    let src = r#"\documentclass{article}
\title{Curriculum Vitae}\author{G\"unther M\"uller}
\begin{document}
\maketitle
\section*{Work}
\textbf{Acme GmbH} \hfill 2019 -- 2021\\
\emph{Engineer}, M\"unchen~(Bayern)

\begin{description}
  \item[Languages] Python, \LaTeX{} and C\#
  \item[Spoken] Deutsch, English
\end{description}
\begin{enumerate}
  \item First \item Second
\end{enumerate}
\begin{tabular}{|l|r|}\hline
  Degree & Year \\ \hline
  M.Sc.\ Physik & 2018 \\
\end{tabular}
% a comment that is not text
Caf\'e, na\"\i ve, \c{C}elik, \v{S}koda, {\ss}, \o, \aa, 50\%, \$5, ``quoted'' --- done.
\end{document}
"#;
    assert_eq!(
        outline(src),
        "meta title: \"Curriculum Vitae\"\nmeta author: \"Günther Müller\"\n\
         H2@5 Work\n\
         TABLE@6\n  row\n    |\n      P@6 *Acme GmbH*\n    |\n      P@6 2019 – 2021\n    |\n      P@7 _Engineer_, München (Bayern)\n\
         DL@9\n  term Languages\n    P@10 Python, LaTeX and C#\n  term Spoken\n    P@11 Deutsch, English\n\
         OL@13\n  -\n    P@14 First\n  -\n    P@14 Second\n\
         TABLE@16\n  row\n    |\n      P@17 Degree\n    |\n      P@17 Year\n  row\n    |\n      P@18 M.Sc. Physik\n    |\n      P@18 2018\n\
         P@21 Café, naïve, Çelik, Škoda, ß, ø, å, 50%, $5, “quoted” — done.\n"
    );
}

#[test]
fn twenty_seconds_friggeri_and_altacv_entries() {
    let src = r"\documentclass{twentysecondcv}
\cvname{Ada Quill}\cvjobtitle{Chemist}
\begin{document}
\section{Experience}
\begin{twenty}
  \twentyitem{2018--2020}{Analyst}{Oslo}{Ran assays.}
\end{twenty}
\skills{{Chromatography/5},{Python/3}}
\cvevent{Chemist}{Fjord Labs}{2020 -- now}{Bergen}
\end{document}";
    let out = outline(src);
    assert!(out.starts_with("meta name: \"Ada Quill\"\nmeta label: \"Chemist\"\n"), "{out}");
    assert!(out.contains("DIV@6 twentyitem\n  TABLE@6\n    row\n"), "{out}");
    assert!(out.contains("P@6 Ran assays."), "{out}");
    assert!(out.contains("P@8 Chromatography\n  -\n    P@8 Python\n"), "{out}");
    assert!(out.contains("DIV@9 cvevent"), "{out}");
    let friggeri = r"\documentclass{friggeri-cv}
\header{ada}{quill}{chemist}
\begin{document}
\begin{entrylist}
\entry{2018}{Analyst}{Oslo}{Assays.}
\end{entrylist}
\end{document}";
    let out = outline(friggeri);
    assert!(out.starts_with("meta name: \"ada quill\"\nmeta label: \"chemist\"\n"), "{out}");
    assert!(out.contains("DIV@5 entry"), "{out}");
}

#[test]
fn a_fragment_without_preamble_is_all_body() {
    let src = "\\section*{\\\"OZGE\\c{C}M\\.{I}\\c{S}}\n\\begin{tabular}{ll}\nAd{\\i} & Ada \\\\\n\\end{tabular}\n";
    assert_eq!(
        outline(src),
        "H2@1 ÖZGEÇMİŞ\nTABLE@2\n  row\n    |\n      P@3 Adı\n    |\n      P@3 Ada\n"
    );
}

#[test]
fn macros_expand_within_a_budget_and_never_loop() {
    // Self-recursive, mutually recursive and exponentially growing macros end.
    let src = "\\def\\a{\\a}\\a x \\newcommand{\\b}{\\c}\\newcommand{\\c}{\\b}\\b y \
               \\def\\d#1{\\d{#1#1}}\\d{z} w";
    let out = outline(src);
    assert!(out.contains('x') && out.contains('y') && out.contains('w'), "{out}");
    let src = "\\newcommand{\\greet}[2][Hello]{#1, \\textbf{#2}!}\\greet{Ada} \\greet[Hi]{Bo}";
    assert_eq!(outline(src), "P@1 Hello, *Ada*! Hi, *Bo*!\n");
}

#[test]
fn unbalanced_and_deep_input_is_read_without_panic() {
    for src in [
        "{{{{{{ unclosed",
        "}}} closed }}}",
        "\\begin{itemize} \\item a",
        "\\end{itemize} b",
        "\\textbf{",
        "\\href{",
        "$ math \\alpha",
        "\\",
        "\\verb",
        "\\begin{tabular}{ll} a & b \\\\ c",
        "\\cventry{1}{2}",
        "\\item[",
    ] {
        let _ = read(src);
    }
    let deep = format!("{}x{}", "\\textbf{".repeat(10_000), "}".repeat(10_000));
    assert!(outline(&deep).contains('x'));
    let nested = format!("{}x", "\\begin{itemize}\\item ".repeat(2_000));
    assert!(outline(&nested).contains('x'));
}

#[test]
fn a_class_environment_is_a_section_an_entry_or_a_list_by_its_arguments() {
    let src = r"\documentclass{resume}
\begin{document}
\begin{rSection}{Education}
{\bf Lakeside College} \hfill 2019 -- 2022
\end{rSection}
\begin{rSubsection}{Acme}{2020 -- 2021}{Engineer}{Oslo}
\item Shipped things.
\end{rSubsection}
\end{document}";
    let out = outline(src);
    // The text under a one-argument environment on its own line is its body, not an argument.
    assert!(
        out.starts_with("H2@3 Education\nTABLE@4\n  row\n    |\n      P@4 *Lakeside College*\n"),
        "{out}"
    );
    assert!(
        out.contains(
            "DIV@6 rSubsection\n  TABLE@6\n    row\n      |\n        P@6 Acme\n      |\n        \
             P@6 2020 – 2021\n      |\n        P@6 Engineer\n      |\n        P@6 Oslo\n"
        ),
        "{out}"
    );
    assert!(out.contains("UL@7\n  -\n    P@7 Shipped things.\n"), "{out}");
}

#[test]
fn an_address_on_several_lines_is_several_header_lines() {
    let doc = read(r"\address{(555) 010 0000 \\ ada@example.org}\begin{document}x\end{document}");
    let addresses: Vec<&str> =
        doc.meta.iter().filter(|(k, _)| k == "address").map(|(_, v)| v.as_str()).collect();
    assert_eq!(addresses, ["(555) 010 0000", "ada@example.org"]);
}

#[test]
fn a_europass_cv_reads_into_the_tree() {
    // `\ecvtitle{dates}{title}` heads an entry; the first `\ecvitem` after it is the employer
    // or school beside the title, the later ones its description; the languages grid is a
    // language and its levels; personal details without a JSON Resume field are dropped.
    insta::assert_snapshot!(outline(&fixture("resume-europass.tex")));
}

#[test]
fn a_dated_cvline_keeps_its_list_apart_from_its_first_line() {
    // `\cvline{dates}{Employer \begin{itemize}…}`: the employer is the row's cell beside the
    // dates, the list the entry's description, not lines run into the employer's cell.
    let src = "\\documentclass{moderncv}\n\\begin{document}\n\\section{Work}\n\\subsection{Kiln Technician}\n\\cvline{since 3.2019}{Harbour Clay Studio%\n  \\begin{itemize}\n    \\item Fired the anagama.\n    \\item Mixed glazes.\n  \\end{itemize}\n}\n\\end{document}\n";
    assert_eq!(
        outline(src),
        "H2@3 Work\nH3@4 Kiln Technician\nDIV@5 cvitem\n  TABLE@5\n    row\n      |\n        P@5 since 3.2019\n      |\n        P@5 Harbour Clay Studio\n  DIV@6 description\n    UL@6\n      -\n        P@7 Fired the anagama.\n      -\n        P@8 Mixed glazes.\n"
    );
}

#[test]
fn tex_registers_and_loops_print_nothing() {
    // A rating macro that draws dots with a plain TeX loop, as CV templates do.
    let src = r#"\documentclass{article}
\newcount\ratingcount
\newcommand\rated[2]{\hbox{#1\ratingcount=0 \loop\ifnum\ratingcount<#2 \advance\ratingcount by 1 $\bullet$\repeat}}
\begin{document}
\section{Tools}
\rated{Git}{4}

\rated{Docker}{2}
\end{document}
"#;
    assert_eq!(outline(src), "H2@5 Tools\nP@6 Git\nP@8 Docker\n");
}

#[test]
fn the_arguments_of_an_unknown_command_are_separate_fields() {
    let src = r#"\documentclass{ownresume}
\begin{document}
\contact{+1 555 0100}{jane@example.com}{example.com}
\cvsubsection{Acme}{Engineer}{Jan. 2020--Present}{Built things.}
\end{document}
"#;
    assert_eq!(
        outline(src),
        "TABLE@3\n  row\n    |\n      P@3 +1 555 0100\n    |\n      P@3 jane@example.com\n    |\n      P@3 example.com\n\
         H3@4 Acme\n\
         TABLE@4\n  row\n    |\n      P@4 Engineer\n    |\n      P@4 Jan. 2020–Present\n    |\n      P@4 Built things.\n"
    );
}

#[test]
fn a_profile_given_as_an_address_or_a_handle_links_once() {
    assert_eq!(
        social_url("linkedin", "linkedin.com/in/jane-roe/", None),
        "https://linkedin.com/in/jane-roe/"
    );
    assert_eq!(social_url("twitter", "@jane_roe", None), "https://twitter.com/jane_roe");
    assert_eq!(social_url("github", "janeroe", None), "https://github.com/janeroe");
}

#[test]
fn bare_items_in_an_unknown_macros_argument_are_a_list() {
    // A class macro we have no definition of (`\jobentry{employer}{title}{dates}{\item …}`)
    // wraps its argument's `\item`s in a list: they are list items, and the list ends with
    // the argument, so the text after it is a paragraph again.
    let out = outline(
        "\\documentclass{acmecv}\\begin{document}\n\\section{Experience}\n\\jobentry{Acme}{Welder}{2019--2021}{\n  \\item Built the kiln.\n  \\item Ran the shop.\n}\nClosing words.\n\\end{document}\n",
    );
    assert!(
        out.contains("UL@4\n  -\n    P@4 Built the kiln.\n  -\n    P@5 Ran the shop.\n"),
        "{out}"
    );
    assert!(out.contains("\nP@7 Closing words.\n"), "{out}");
}
