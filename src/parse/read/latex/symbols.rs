//! Tables of what LaTeX commands print: accents composed with their letter, named symbols,
//! and the commands whose arguments are not text.

/// `(accent command, base letter, composed letter)`: `\'e` is `é`, `\c{c}` is `ç`.
const ACCENTS: &[(char, char, char)] = &[
    ('`', 'A', 'À'),
    ('\'', 'A', 'Á'),
    ('^', 'A', 'Â'),
    ('~', 'A', 'Ã'),
    ('"', 'A', 'Ä'),
    ('r', 'A', 'Å'),
    ('c', 'C', 'Ç'),
    ('`', 'E', 'È'),
    ('\'', 'E', 'É'),
    ('^', 'E', 'Ê'),
    ('"', 'E', 'Ë'),
    ('`', 'I', 'Ì'),
    ('\'', 'I', 'Í'),
    ('^', 'I', 'Î'),
    ('"', 'I', 'Ï'),
    ('~', 'N', 'Ñ'),
    ('`', 'O', 'Ò'),
    ('\'', 'O', 'Ó'),
    ('^', 'O', 'Ô'),
    ('~', 'O', 'Õ'),
    ('"', 'O', 'Ö'),
    ('`', 'U', 'Ù'),
    ('\'', 'U', 'Ú'),
    ('^', 'U', 'Û'),
    ('"', 'U', 'Ü'),
    ('\'', 'Y', 'Ý'),
    ('`', 'a', 'à'),
    ('\'', 'a', 'á'),
    ('^', 'a', 'â'),
    ('~', 'a', 'ã'),
    ('"', 'a', 'ä'),
    ('r', 'a', 'å'),
    ('c', 'c', 'ç'),
    ('`', 'e', 'è'),
    ('\'', 'e', 'é'),
    ('^', 'e', 'ê'),
    ('"', 'e', 'ë'),
    ('`', 'i', 'ì'),
    ('\'', 'i', 'í'),
    ('^', 'i', 'î'),
    ('"', 'i', 'ï'),
    ('~', 'n', 'ñ'),
    ('`', 'o', 'ò'),
    ('\'', 'o', 'ó'),
    ('^', 'o', 'ô'),
    ('~', 'o', 'õ'),
    ('"', 'o', 'ö'),
    ('`', 'u', 'ù'),
    ('\'', 'u', 'ú'),
    ('^', 'u', 'û'),
    ('"', 'u', 'ü'),
    ('\'', 'y', 'ý'),
    ('"', 'y', 'ÿ'),
    ('=', 'A', 'Ā'),
    ('=', 'a', 'ā'),
    ('u', 'A', 'Ă'),
    ('u', 'a', 'ă'),
    ('k', 'A', 'Ą'),
    ('k', 'a', 'ą'),
    ('\'', 'C', 'Ć'),
    ('\'', 'c', 'ć'),
    ('^', 'C', 'Ĉ'),
    ('^', 'c', 'ĉ'),
    ('.', 'C', 'Ċ'),
    ('.', 'c', 'ċ'),
    ('v', 'C', 'Č'),
    ('v', 'c', 'č'),
    ('v', 'D', 'Ď'),
    ('v', 'd', 'ď'),
    ('=', 'E', 'Ē'),
    ('=', 'e', 'ē'),
    ('u', 'E', 'Ĕ'),
    ('u', 'e', 'ĕ'),
    ('.', 'E', 'Ė'),
    ('.', 'e', 'ė'),
    ('k', 'E', 'Ę'),
    ('k', 'e', 'ę'),
    ('v', 'E', 'Ě'),
    ('v', 'e', 'ě'),
    ('^', 'G', 'Ĝ'),
    ('^', 'g', 'ĝ'),
    ('u', 'G', 'Ğ'),
    ('u', 'g', 'ğ'),
    ('.', 'G', 'Ġ'),
    ('.', 'g', 'ġ'),
    ('c', 'G', 'Ģ'),
    ('c', 'g', 'ģ'),
    ('^', 'H', 'Ĥ'),
    ('^', 'h', 'ĥ'),
    ('~', 'I', 'Ĩ'),
    ('~', 'i', 'ĩ'),
    ('=', 'I', 'Ī'),
    ('=', 'i', 'ī'),
    ('u', 'I', 'Ĭ'),
    ('u', 'i', 'ĭ'),
    ('k', 'I', 'Į'),
    ('k', 'i', 'į'),
    ('.', 'I', 'İ'),
    ('^', 'J', 'Ĵ'),
    ('^', 'j', 'ĵ'),
    ('c', 'K', 'Ķ'),
    ('c', 'k', 'ķ'),
    ('\'', 'L', 'Ĺ'),
    ('\'', 'l', 'ĺ'),
    ('c', 'L', 'Ļ'),
    ('c', 'l', 'ļ'),
    ('v', 'L', 'Ľ'),
    ('v', 'l', 'ľ'),
    ('\'', 'N', 'Ń'),
    ('\'', 'n', 'ń'),
    ('c', 'N', 'Ņ'),
    ('c', 'n', 'ņ'),
    ('v', 'N', 'Ň'),
    ('v', 'n', 'ň'),
    ('=', 'O', 'Ō'),
    ('=', 'o', 'ō'),
    ('u', 'O', 'Ŏ'),
    ('u', 'o', 'ŏ'),
    ('H', 'O', 'Ő'),
    ('H', 'o', 'ő'),
    ('\'', 'R', 'Ŕ'),
    ('\'', 'r', 'ŕ'),
    ('c', 'R', 'Ŗ'),
    ('c', 'r', 'ŗ'),
    ('v', 'R', 'Ř'),
    ('v', 'r', 'ř'),
    ('\'', 'S', 'Ś'),
    ('\'', 's', 'ś'),
    ('^', 'S', 'Ŝ'),
    ('^', 's', 'ŝ'),
    ('c', 'S', 'Ş'),
    ('c', 's', 'ş'),
    ('v', 'S', 'Š'),
    ('v', 's', 'š'),
    ('c', 'T', 'Ţ'),
    ('c', 't', 'ţ'),
    ('v', 'T', 'Ť'),
    ('v', 't', 'ť'),
    ('~', 'U', 'Ũ'),
    ('~', 'u', 'ũ'),
    ('=', 'U', 'Ū'),
    ('=', 'u', 'ū'),
    ('u', 'U', 'Ŭ'),
    ('u', 'u', 'ŭ'),
    ('r', 'U', 'Ů'),
    ('r', 'u', 'ů'),
    ('H', 'U', 'Ű'),
    ('H', 'u', 'ű'),
    ('k', 'U', 'Ų'),
    ('k', 'u', 'ų'),
    ('^', 'W', 'Ŵ'),
    ('^', 'w', 'ŵ'),
    ('^', 'Y', 'Ŷ'),
    ('^', 'y', 'ŷ'),
    ('"', 'Y', 'Ÿ'),
    ('\'', 'Z', 'Ź'),
    ('\'', 'z', 'ź'),
    ('.', 'Z', 'Ż'),
    ('.', 'z', 'ż'),
    ('v', 'Z', 'Ž'),
    ('v', 'z', 'ž'),
    ('v', 'A', 'Ǎ'),
    ('v', 'a', 'ǎ'),
    ('v', 'I', 'Ǐ'),
    ('v', 'i', 'ǐ'),
    ('v', 'O', 'Ǒ'),
    ('v', 'o', 'ǒ'),
    ('v', 'U', 'Ǔ'),
    ('v', 'u', 'ǔ'),
    ('v', 'G', 'Ǧ'),
    ('v', 'g', 'ǧ'),
    ('v', 'K', 'Ǩ'),
    ('v', 'k', 'ǩ'),
    ('k', 'O', 'Ǫ'),
    ('k', 'o', 'ǫ'),
    ('v', 'j', 'ǰ'),
    ('\'', 'G', 'Ǵ'),
    ('\'', 'g', 'ǵ'),
    ('`', 'N', 'Ǹ'),
    ('`', 'n', 'ǹ'),
    ('v', 'H', 'Ȟ'),
    ('v', 'h', 'ȟ'),
    ('.', 'A', 'Ȧ'),
    ('.', 'a', 'ȧ'),
    ('c', 'E', 'Ȩ'),
    ('c', 'e', 'ȩ'),
    ('.', 'O', 'Ȯ'),
    ('.', 'o', 'ȯ'),
    ('=', 'Y', 'Ȳ'),
    ('=', 'y', 'ȳ'),
    ('.', 'B', 'Ḃ'),
    ('.', 'b', 'ḃ'),
    ('d', 'B', 'Ḅ'),
    ('d', 'b', 'ḅ'),
    ('b', 'B', 'Ḇ'),
    ('b', 'b', 'ḇ'),
    ('.', 'D', 'Ḋ'),
    ('.', 'd', 'ḋ'),
    ('d', 'D', 'Ḍ'),
    ('d', 'd', 'ḍ'),
    ('b', 'D', 'Ḏ'),
    ('b', 'd', 'ḏ'),
    ('c', 'D', 'Ḑ'),
    ('c', 'd', 'ḑ'),
    ('.', 'F', 'Ḟ'),
    ('.', 'f', 'ḟ'),
    ('=', 'G', 'Ḡ'),
    ('=', 'g', 'ḡ'),
    ('.', 'H', 'Ḣ'),
    ('.', 'h', 'ḣ'),
    ('d', 'H', 'Ḥ'),
    ('d', 'h', 'ḥ'),
    ('"', 'H', 'Ḧ'),
    ('"', 'h', 'ḧ'),
    ('c', 'H', 'Ḩ'),
    ('c', 'h', 'ḩ'),
    ('\'', 'K', 'Ḱ'),
    ('\'', 'k', 'ḱ'),
    ('d', 'K', 'Ḳ'),
    ('d', 'k', 'ḳ'),
    ('b', 'K', 'Ḵ'),
    ('b', 'k', 'ḵ'),
    ('d', 'L', 'Ḷ'),
    ('d', 'l', 'ḷ'),
    ('b', 'L', 'Ḻ'),
    ('b', 'l', 'ḻ'),
    ('\'', 'M', 'Ḿ'),
    ('\'', 'm', 'ḿ'),
    ('.', 'M', 'Ṁ'),
    ('.', 'm', 'ṁ'),
    ('d', 'M', 'Ṃ'),
    ('d', 'm', 'ṃ'),
    ('.', 'N', 'Ṅ'),
    ('.', 'n', 'ṅ'),
    ('d', 'N', 'Ṇ'),
    ('d', 'n', 'ṇ'),
    ('b', 'N', 'Ṉ'),
    ('b', 'n', 'ṉ'),
    ('\'', 'P', 'Ṕ'),
    ('\'', 'p', 'ṕ'),
    ('.', 'P', 'Ṗ'),
    ('.', 'p', 'ṗ'),
    ('.', 'R', 'Ṙ'),
    ('.', 'r', 'ṙ'),
    ('d', 'R', 'Ṛ'),
    ('d', 'r', 'ṛ'),
    ('b', 'R', 'Ṟ'),
    ('b', 'r', 'ṟ'),
    ('.', 'S', 'Ṡ'),
    ('.', 's', 'ṡ'),
    ('d', 'S', 'Ṣ'),
    ('d', 's', 'ṣ'),
    ('.', 'T', 'Ṫ'),
    ('.', 't', 'ṫ'),
    ('d', 'T', 'Ṭ'),
    ('d', 't', 'ṭ'),
    ('b', 'T', 'Ṯ'),
    ('b', 't', 'ṯ'),
    ('~', 'V', 'Ṽ'),
    ('~', 'v', 'ṽ'),
    ('d', 'V', 'Ṿ'),
    ('d', 'v', 'ṿ'),
    ('`', 'W', 'Ẁ'),
    ('`', 'w', 'ẁ'),
    ('\'', 'W', 'Ẃ'),
    ('\'', 'w', 'ẃ'),
    ('"', 'W', 'Ẅ'),
    ('"', 'w', 'ẅ'),
    ('.', 'W', 'Ẇ'),
    ('.', 'w', 'ẇ'),
    ('d', 'W', 'Ẉ'),
    ('d', 'w', 'ẉ'),
    ('.', 'X', 'Ẋ'),
    ('.', 'x', 'ẋ'),
    ('"', 'X', 'Ẍ'),
    ('"', 'x', 'ẍ'),
    ('.', 'Y', 'Ẏ'),
    ('.', 'y', 'ẏ'),
    ('^', 'Z', 'Ẑ'),
    ('^', 'z', 'ẑ'),
    ('d', 'Z', 'Ẓ'),
    ('d', 'z', 'ẓ'),
    ('b', 'Z', 'Ẕ'),
    ('b', 'z', 'ẕ'),
    ('b', 'h', 'ẖ'),
    ('"', 't', 'ẗ'),
    ('r', 'w', 'ẘ'),
    ('r', 'y', 'ẙ'),
    ('d', 'A', 'Ạ'),
    ('d', 'a', 'ạ'),
    ('d', 'E', 'Ẹ'),
    ('d', 'e', 'ẹ'),
    ('~', 'E', 'Ẽ'),
    ('~', 'e', 'ẽ'),
    ('d', 'I', 'Ị'),
    ('d', 'i', 'ị'),
    ('d', 'O', 'Ọ'),
    ('d', 'o', 'ọ'),
    ('d', 'U', 'Ụ'),
    ('d', 'u', 'ụ'),
    ('`', 'Y', 'Ỳ'),
    ('`', 'y', 'ỳ'),
    ('d', 'Y', 'Ỵ'),
    ('d', 'y', 'ỵ'),
    ('~', 'Y', 'Ỹ'),
    ('~', 'y', 'ỹ'),
];

/// Combining marks for accents on letters the table lacks (`\'{w}` → w + U+0301).
const COMBINING: [(char, char); 15] = [
    ('`', '\u{300}'),
    ('\'', '\u{301}'),
    ('^', '\u{302}'),
    ('~', '\u{303}'),
    ('=', '\u{304}'),
    ('u', '\u{306}'),
    ('.', '\u{307}'),
    ('"', '\u{308}'),
    ('r', '\u{30a}'),
    ('H', '\u{30b}'),
    ('v', '\u{30c}'),
    ('d', '\u{323}'),
    ('c', '\u{327}'),
    ('k', '\u{328}'),
    ('b', '\u{331}'),
];

/// Is `name` an accent command?
pub fn is_accent(name: &str) -> bool {
    let mut cs = name.chars();
    matches!((cs.next(), cs.next()), (Some(c), None) if COMBINING.iter().any(|(a, _)| *a == c))
}

/// The letter `base` with the accent `name` (`'`, `"`, `c`, …) on it.
pub fn accent(name: &str, base: &str) -> String {
    let Some(a) = name.chars().next() else { return base.to_string() };
    let mut chars = base.chars();
    let Some(b) = chars.next() else {
        // An accent on nothing prints the accent alone.
        return match a {
            '\'' => "´".into(),
            '`' => "`".into(),
            '^' => "^".into(),
            '~' => "~".into(),
            '"' => "¨".into(),
            _ => String::new(),
        };
    };
    // A dotless i or j takes the accent as i or j.
    let b = match b {
        'ı' => 'i',
        'ȷ' => 'j',
        b => b,
    };
    let rest: String = chars.collect();
    let composed = ACCENTS.iter().find(|(x, y, _)| *x == a && *y == b).map(|(_, _, c)| *c);
    match composed {
        Some(c) => format!("{c}{rest}"),
        None => match COMBINING.iter().find(|(x, _)| *x == a) {
            Some((_, m)) => format!("{b}{m}{rest}"),
            None => format!("{b}{rest}"),
        },
    }
}

/// What a command without arguments prints, `None` if it is not a symbol.
pub fn symbol(name: &str) -> Option<&'static str> {
    Some(match name {
        "&" => "&",
        "%" => "%",
        "$" => "$",
        "#" => "#",
        "_" => "_",
        "{" => "{",
        "}" => "}",
        " " | "," | ";" | ":" | "!" | ">" | "enspace" | "thinspace" | "enskip" | "space"
        | "nobreakspace" | "hfil" | "hss" => " ",
        "-"
        | "/"
        | "@"
        | "relax"
        | "protect"
        | "null"
        | "strut"
        | "leavevmode"
        | "ignorespaces"
        | "unskip"
        | "nobreak"
        | "noindent"
        | "indent"
        | "centering"
        | "raggedright"
        | "raggedleft"
        | "sloppy"
        | "fussy"
        | "par"
        | "today"
        | "maketitle"
        | "makeprofile"
        | "makeheader"
        | "newpage"
        | "clearpage"
        | "cleardoublepage"
        | "pagebreak"
        | "nopagebreak"
        | "smallskip"
        | "medskip"
        | "bigskip"
        | "vfill"
        | "vfil"
        | "break"
        | "allowbreak"
        | "phantomsection"
        | "tableofcontents"
        | "listoffigures"
        | "makeatletter"
        | "makeatother"
        | "nopagenumbers"
        | "recomputelengths"
        | "columnbreak"
        | "switchcolumn"
        | "selectfont"
        | "normalfont"
        | "hline"
        | "toprule"
        | "midrule"
        | "bottomrule"
        | "endhead"
        | "endfirsthead"
        | "endfoot"
        | "endlastfoot"
        | "tabularnewline"
        | "footnotemark"
        | "printbibliography"
        | "appendix"
        | "frontmatter"
        | "mainmatter"
        | "backmatter"
        | "clubpenalty"
        | "widowpenalty"
        | "divider"
        | "closesection"
        | "hrulefill"
        | "tiny"
        | "scriptsize"
        | "footnotesize"
        | "small"
        | "normalsize"
        | "large"
        | "Large"
        | "LARGE"
        | "huge"
        | "Huge"
        | "upshape"
        | "mdseries"
        | "rmfamily"
        | "sffamily"
        | "scshape"
        | "normalcolor"
        | "onecolumn"
        | "twocolumn"
        | "flushbottom"
        | "raggedbottom"
        | "frenchspacing"
        | "nonfrenchspacing"
        | "cvsectionskip"
        | "resumeSubHeadingListStart"
        | "resumeSubHeadingListEnd" => "",
        "ldots" | "dots" | "textellipsis" | "cdots" => "…",
        "textendash" | "endash" => "\u{2013}",
        "textemdash" | "emdash" => "\u{2014}",
        "textquoteleft" | "lq" => "\u{2018}",
        "textquoteright" | "rq" => "\u{2019}",
        "textquotedblleft" => "\u{201c}",
        "textquotedblright" => "\u{201d}",
        "guillemotleft" | "guillemetleft" | "flqq" => "«",
        "guillemotright" | "guillemetright" | "frqq" => "»",
        "textbackslash" | "backslash" => "\\",
        "textasciitilde" | "sim" => "~",
        "textasciicircum" => "^",
        "textbar" | "vert" | "mid" => "|",
        "textless" | "lt" => "<",
        "textgreater" | "gt" => ">",
        "textbullet" | "bullet" | "labelitemi" | "cvbullet" => "•",
        "textperiodcentered" | "cdot" | "cdotp" => "·",
        "textregistered" => "®",
        "copyright" | "textcopyright" => "©",
        "texttrademark" => "™",
        "textdegree" | "degree" => "°",
        "euro" | "texteuro" | "EUR" => "€",
        "pounds" | "textsterling" => "£",
        "textdollar" => "$",
        "yen" | "textyen" => "¥",
        "S" | "textsection" => "§",
        "P" | "textparagraph" => "¶",
        "dag" | "dagger" | "textdagger" => "†",
        "ddag" | "textdaggerdbl" => "‡",
        "times" | "texttimes" => "×",
        "div" => "÷",
        "pm" | "textpm" => "±",
        "approx" => "≈",
        "neq" | "ne" => "≠",
        "le" | "leq" => "≤",
        "ge" | "geq" => "≥",
        "infty" => "∞",
        "rightarrow" | "to" | "textrightarrow" | "longrightarrow" => "→",
        "leftarrow" | "gets" | "textleftarrow" => "←",
        "Rightarrow" | "implies" => "⇒",
        "leftrightarrow" => "↔",
        "star" => "⋆",
        "circ" => "∘",
        "diamond" | "diamondsuit" => "◇",
        "checkmark" => "✓",
        "alpha" => "α",
        "beta" => "β",
        "gamma" => "γ",
        "delta" => "δ",
        "epsilon" | "varepsilon" => "ε",
        "lambda" => "λ",
        "mu" => "μ",
        "pi" => "π",
        "sigma" => "σ",
        "tau" => "τ",
        "phi" | "varphi" => "φ",
        "omega" => "ω",
        "Delta" => "Δ",
        "Sigma" => "Σ",
        "Omega" => "Ω",
        "LaTeX" => "LaTeX",
        "LaTeXe" => "LaTeX2e",
        "TeX" => "TeX",
        "XeTeX" => "XeTeX",
        "BibTeX" => "BibTeX",
        "i" => "ı",
        "j" => "ȷ",
        "ss" => "ß",
        "SS" => "SS",
        "o" => "ø",
        "O" => "Ø",
        "ae" => "æ",
        "AE" => "Æ",
        "oe" => "œ",
        "OE" => "Œ",
        "aa" => "å",
        "AA" => "Å",
        "l" => "ł",
        "L" => "Ł",
        "dh" => "ð",
        "DH" => "Ð",
        "th" => "þ",
        "TH" => "Þ",
        "ng" => "ŋ",
        "NG" => "Ŋ",
        "textexclamdown" => "¡",
        "textquestiondown" => "¿",
        "textordfeminine" => "ª",
        "textordmasculine" => "º",
        "textnumero" => "№",
        "textmu" => "µ",
        "textonehalf" => "½",
        "textdiv" => "÷",
        _ => return None,
    })
}

/// Commands whose arguments are settings, not text: `(name, optional arguments, arguments)`.
/// Their arguments are read and dropped.
pub const SETTINGS: &[(&str, u8, u8)] = &[
    ("documentclass", 1, 1),
    ("makecvtitle", 0, 0),
    ("makecvheader", 1, 0),
    ("makecvfooter", 0, 3),
    // europasscv: personal details no JSON Resume field holds, the picture and the frame of
    // the languages grid.
    ("ecvdateofbirth", 0, 1),
    ("ecvnationality", 0, 1),
    ("ecvgender", 0, 1),
    ("ecvpicture", 1, 1),
    ("ecvpersonalinfo", 1, 0),
    ("ecvlanguageheader", 1, 0),
    ("ecvlanguagefooter", 1, 0),
    ("ecvfootnote", 0, 1),
    ("setbool", 0, 2),
    ("newbool", 0, 1),
    ("newif", 0, 1),
    ("thepage", 0, 0),
    ("usepackage", 1, 1),
    ("RequirePackage", 1, 1),
    ("PassOptionsToPackage", 0, 2),
    ("geometry", 0, 1),
    ("newgeometry", 0, 1),
    ("setlength", 0, 2),
    ("addtolength", 0, 2),
    ("settowidth", 0, 2),
    ("setcounter", 0, 2),
    ("addtocounter", 0, 2),
    ("stepcounter", 0, 1),
    ("newcounter", 0, 1),
    ("newlength", 0, 1),
    ("definecolor", 0, 3),
    ("colorlet", 0, 2),
    ("color", 1, 1),
    ("pagecolor", 0, 1),
    ("pagestyle", 0, 1),
    ("thispagestyle", 0, 1),
    ("pagenumbering", 0, 1),
    ("hypersetup", 0, 1),
    ("urlstyle", 0, 1),
    ("titleformat", 1, 4),
    ("titlespacing", 0, 4),
    ("titlerule", 1, 0),
    ("setmainfont", 1, 1),
    ("setsansfont", 1, 1),
    ("setmonofont", 1, 1),
    ("setromanfont", 1, 1),
    ("newfontfamily", 1, 2),
    ("defaultfontfeatures", 0, 1),
    ("fontsize", 0, 2),
    ("fontfamily", 0, 1),
    ("fontseries", 0, 1),
    ("fontshape", 0, 1),
    ("usefont", 0, 4),
    ("linespread", 0, 1),
    ("setstretch", 0, 1),
    ("vspace", 0, 1),
    ("hspace", 0, 1),
    ("addvspace", 0, 1),
    ("vskip", 0, 0),
    ("rule", 1, 2),
    ("includegraphics", 1, 1),
    ("photo", 2, 1),
    ("input", 0, 1),
    ("include", 0, 1),
    ("includeonly", 0, 1),
    ("bibliography", 0, 1),
    ("bibliographystyle", 0, 1),
    ("addbibresource", 1, 1),
    ("nocite", 0, 1),
    ("label", 0, 1),
    ("ref", 0, 1),
    ("eqref", 0, 1),
    ("pageref", 0, 1),
    ("cite", 1, 1),
    ("citep", 1, 1),
    ("citet", 1, 1),
    ("footnote", 1, 1),
    ("footnotetext", 1, 1),
    ("marginpar", 1, 1),
    ("addcontentsline", 0, 3),
    ("enlargethispage", 0, 1),
    ("selectlanguage", 0, 1),
    ("moderncvstyle", 0, 1),
    ("moderncvcolor", 0, 1),
    ("moderncvtheme", 1, 1),
    ("moderncvicons", 0, 1),
    ("setlist", 1, 1),
    ("setitemize", 1, 1),
    ("setenumerate", 1, 1),
    ("graphicspath", 0, 1),
    ("pdfinfo", 0, 1),
    ("special", 0, 1),
    ("AtBeginDocument", 0, 1),
    ("AtEndDocument", 0, 1),
    ("pagecolor", 0, 1),
    ("newcolumntype", 1, 2),
    ("columnratio", 0, 1),
    ("sethintscolumnwidth", 0, 1),
    ("hintscolumnwidth", 0, 0),
    ("makeletterhead", 0, 0),
    ("recipient", 0, 2),
    ("opening", 0, 1),
    ("closing", 0, 1),
    ("enclosure", 1, 1),
    ("fancyhf", 1, 1),
    ("fancyhead", 1, 1),
    ("fancyfoot", 1, 1),
    ("lhead", 1, 1),
    ("chead", 1, 1),
    ("rhead", 1, 1),
    ("lfoot", 1, 1),
    ("cfoot", 1, 1),
    ("rfoot", 1, 1),
    ("pgfmathsetmacro", 0, 2),
    ("tikzset", 0, 1),
    ("usetikzlibrary", 0, 1),
    ("pgfplotsset", 0, 1),
    ("sectionmark", 0, 1),
    ("markboth", 0, 2),
    ("markright", 0, 1),
    ("hyphenation", 0, 1),
    ("raggedcolumns", 0, 0),
    ("cvsectioncolor", 0, 1),
    ("acvHeaderNameDelim", 0, 0),
    ("fontdir", 1, 0),
    ("colorizelinks", 1, 0),
    ("setcolumnwidth", 0, 1),
    ("sidebarwidth", 0, 0),
    ("profilepic", 0, 1),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_compose_with_their_letter() {
        assert_eq!(accent("'", "e"), "é");
        assert_eq!(accent("c", "c"), "ç");
        assert_eq!(accent("\"", "O"), "Ö");
        assert_eq!(accent("'", "ı"), "í");
        assert_eq!(accent("u", "g"), "ğ");
        assert_eq!(accent("'", "w"), "ẃ");
        assert_eq!(accent("'", "q"), "q\u{301}");
        assert!(is_accent("'") && is_accent("c") && !is_accent("textbf"));
        assert_eq!(symbol("ss"), Some("ß"));
    }
}
