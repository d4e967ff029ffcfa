//! Styles told by TeX's font names: Computer Modern ("CMBX12", "CMCSC10") and its T1 form,
//! the EC fonts of cm-super ("SFBX1200", "SFCC1000"), carry bold, italic and small caps in
//! a short code in the name, not in the descriptor's flags or weight, which pdfTeX leaves
//! unset. LaTeX's default fonts are these, so a heading in `\scshape` or an employer in
//! `\textbf` is only seen for what it is by reading the code.

/// Bold, italic and small caps of a font named by TeX's scheme; `None` for other names.
pub fn style(name: &str) -> Option<Style> {
    let lower = name.to_ascii_lowercase();
    let code = |prefix: &str| {
        let rest = lower.strip_prefix(prefix)?;
        let letters: String = rest.chars().take_while(char::is_ascii_alphabetic).collect();
        let size = &rest[letters.len()..];
        (!size.is_empty() && size.bytes().all(|b| b.is_ascii_digit())).then_some(letters)
    };
    if let Some(shape) = code("cm") {
        return Some(computer_modern(&shape));
    }
    code("sf").filter(|s| s.len() == 2).map(|shape| european(&shape))
}

/// A font's style as its name states it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Style {
    pub bold: bool,
    pub italic: bool,
    pub small_caps: bool,
}

/// Computer Modern: "r" roman, "bx"/"b" bold, "ti"/"sl"/"mi"/"u" italic or slanted, "csc"
/// caps and small caps, with family letters before them ("ss" sans, "tt" typewriter).
fn computer_modern(shape: &str) -> Style {
    let shape = shape.strip_prefix("ss").or_else(|| shape.strip_prefix("tt")).unwrap_or(shape);
    Style {
        bold: shape.starts_with('b') || shape.starts_with("ssbx") || shape == "dc",
        italic: ["ti", "sl", "mi", "u", "i"].iter().any(|s| shape.ends_with(s))
            || shape == "itt"
            || shape == "sltt",
        small_caps: shape.ends_with("csc") || shape == "tcsc",
    }
}

/// The EC fonts of cm-super: two letters, the second naming the shape ("bx" bold, "cc" caps
/// and small caps, "xc" bold caps, "ti"/"sl"/"bi"/"bl" italic or slanted, "sx" sans bold,
/// "si"/"so" sans italic, "it"/"st" typewriter italic, "tc" typewriter caps).
fn european(shape: &str) -> Style {
    Style {
        bold: matches!(shape, "bx" | "xc" | "bi" | "bl" | "sx" | "xi" | "xo"),
        italic: matches!(
            shape,
            "ti" | "sl" | "bi" | "bl" | "si" | "so" | "xi" | "xo" | "it" | "st" | "ui"
        ),
        small_caps: matches!(shape, "cc" | "xc" | "tc"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(name: &str) -> (bool, bool, bool) {
        let s = style(name).unwrap_or_default();
        (s.bold, s.italic, s.small_caps)
    }

    #[test]
    fn computer_modern_names_give_their_style() {
        assert_eq!(of("CMR10"), (false, false, false));
        assert_eq!(of("CMBX12"), (true, false, false));
        assert_eq!(of("CMB10"), (true, false, false));
        assert_eq!(of("CMTI10"), (false, true, false));
        assert_eq!(of("CMSL10"), (false, true, false));
        assert_eq!(of("CMBXTI10"), (true, true, false));
        assert_eq!(of("CMCSC10"), (false, false, true));
        assert_eq!(of("CMSSBX10"), (true, false, false));
        assert_eq!(of("CMSSI10"), (false, true, false));
        assert_eq!(of("CMTT10"), (false, false, false));
        assert_eq!(of("CMTCSC10"), (false, false, true));
    }

    #[test]
    fn ec_font_names_give_their_style() {
        assert_eq!(of("SFRM1000"), (false, false, false));
        assert_eq!(of("SFBX1200"), (true, false, false));
        assert_eq!(of("SFCC1000"), (false, false, true));
        assert_eq!(of("SFXC1000"), (true, false, true));
        assert_eq!(of("SFTI1000"), (false, true, false));
        assert_eq!(of("SFSX1000"), (true, false, false));
        assert_eq!(of("SFTT0900"), (false, false, false));
    }

    #[test]
    fn other_names_are_not_read_as_tex_fonts() {
        for name in ["Calibri-Bold", "CMU Serif", "Cambria", "SFProText-Regular", "SF1", "cm"] {
            assert_eq!(style(name), None, "{name}");
        }
    }
}
