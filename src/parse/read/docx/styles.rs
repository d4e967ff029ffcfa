//! What a paragraph's style and numbering mean: heading levels from style names and outline
//! levels (through the `basedOn` chain), bold and italic set by styles, and whether Word
//! numbering draws a bullet, a number or nothing.

use std::collections::HashMap;

use crate::parse::read::xml::Element;

/// Run formatting that a style or a run sets; `None` leaves it to the next level.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RunProps {
    pub bold: Option<bool>,
    pub italic: Option<bool>,
    pub caps: Option<bool>,
    /// Small capitals: lower-case letters drawn as small capitals.
    pub small_caps: Option<bool>,
    pub hidden: Option<bool>,
    pub underline: Option<bool>,
    /// Shaded, highlighted or bordered (`w:shd` with a fill, `w:highlight`, `w:bdr`).
    pub shaded: Option<bool>,
    /// Font size in half-points (`w:sz`).
    pub size: Option<u16>,
    /// A text colour other than black.
    pub colored: Option<bool>,
}

impl RunProps {
    /// Reads `w:rPr`.
    pub fn read(rpr: &Element) -> RunProps {
        RunProps {
            bold: rpr.child("w:b").map(on_off),
            italic: rpr.child("w:i").map(on_off),
            caps: rpr.child("w:caps").map(on_off),
            small_caps: rpr.child("w:smallCaps").map(on_off),
            hidden: rpr.child("w:vanish").map(on_off),
            underline: rpr.child("w:u").map(|u| !matches!(u.attr("w:val"), Some("none"))),
            shaded: shading(rpr),
            size: rpr
                .child("w:sz")
                .and_then(|s| s.attr("w:val"))
                .and_then(|v| v.parse::<u16>().ok())
                .filter(|s| (2..=3276).contains(s)),
            colored: rpr.child("w:color").map(|c| {
                let black = matches!(c.attr("w:val"), None | Some("auto" | "000000"));
                !black || c.attr("w:themeColor").is_some_and(|t| !t.starts_with("text1"))
            }),
        }
    }

    /// `self` where it says something, else `under`.
    pub fn over(self, under: RunProps) -> RunProps {
        RunProps {
            bold: self.bold.or(under.bold),
            italic: self.italic.or(under.italic),
            caps: self.caps.or(under.caps),
            small_caps: self.small_caps.or(under.small_caps),
            hidden: self.hidden.or(under.hidden),
            underline: self.underline.or(under.underline),
            shaded: self.shaded.or(under.shaded),
            size: self.size.or(under.size),
            colored: self.colored.or(under.colored),
        }
    }
}

/// Whether run or paragraph properties shade or frame their text: a fill other than white, a
/// highlight, or a border. `None` when they say nothing of it.
pub fn shading(props: &Element) -> Option<bool> {
    let fill = props.child("w:shd").map(|s| {
        let fill = s.attr("w:fill").unwrap_or("auto");
        let pattern = s.attr("w:val").unwrap_or("clear");
        !matches!(fill.to_ascii_lowercase().as_str(), "auto" | "ffffff")
            || !matches!(pattern, "clear" | "nil")
    });
    let highlight = props.child("w:highlight").map(|h| h.attr("w:val") != Some("none"));
    let border = props.child("w:bdr").or_else(|| props.child("w:pBdr")).map(|b| {
        b.elements().any(|side| !matches!(side.attr("w:val"), Some("nil" | "none")))
            || !matches!(b.attr("w:val"), None | Some("nil" | "none"))
    });
    match (fill, highlight, border) {
        (None, None, None) => None,
        (f, h, b) => Some(f.unwrap_or(false) || h.unwrap_or(false) || b.unwrap_or(false)),
    }
}

/// A toggle property: present means on unless `w:val` says off.
fn on_off(e: &Element) -> bool {
    !matches!(e.attr("w:val"), Some("0" | "false" | "off"))
}

/// What a paragraph style makes of its paragraphs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Title,
    Subtitle,
    /// A heading; 0 is the top outline level ("heading 1").
    Heading(u8),
}

/// A numbering reference: the list (`w:numId`) and the level in it (`w:ilvl`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumRef {
    pub num_id: String,
    pub level: u8,
}

impl NumRef {
    /// Reads `w:numPr`; `w:numId` 0 means "no numbering".
    pub fn read(num_pr: &Element) -> Option<NumRef> {
        let num_id = num_pr.child("w:numId")?.attr("w:val")?.to_string();
        let level = num_pr
            .child("w:ilvl")
            .and_then(|l| l.attr("w:val"))
            .and_then(|v| v.parse::<u8>().ok())
            .unwrap_or(0)
            .min(8);
        Some(NumRef { num_id, level })
    }
}

#[derive(Debug, Default)]
struct RawStyle {
    name: String,
    based_on: Option<String>,
    outline: Option<u8>,
    num: Option<NumRef>,
    run: RunProps,
    boxed: Option<bool>,
}

/// A paragraph style with its `basedOn` chain resolved.
#[derive(Debug, Clone, Default)]
pub struct ParaStyle {
    pub role: Option<Role>,
    pub num: Option<NumRef>,
    pub run: RunProps,
    /// The style shades or borders its paragraphs (a rule under a section title).
    pub boxed: Option<bool>,
}

/// The styles part (`word/styles.xml`), resolved.
#[derive(Debug, Default)]
pub struct Styles {
    paragraph: HashMap<String, ParaStyle>,
    character: HashMap<String, RunProps>,
    default_paragraph: Option<String>,
    defaults: RunProps,
}

/// Longer `basedOn` chains are cut (they are loops or nonsense).
const MAX_CHAIN: usize = 16;

impl Styles {
    pub fn read(root: &Element) -> Styles {
        let Some(styles) = root.child("w:styles") else { return Styles::default() };
        let defaults = styles
            .child("w:docDefaults")
            .and_then(|d| d.child("w:rPrDefault"))
            .and_then(|d| d.child("w:rPr"))
            .map(RunProps::read)
            .unwrap_or_default();
        let mut raw_paragraph = HashMap::new();
        let mut raw_character = HashMap::new();
        let mut default_paragraph = None;
        for s in styles.elements().filter(|e| e.name == "w:style") {
            let Some(id) = s.attr("w:styleId") else { continue };
            let ppr = s.child("w:pPr");
            let raw = RawStyle {
                name: s.child("w:name").and_then(|n| n.attr("w:val")).unwrap_or(id).to_string(),
                based_on: s.child("w:basedOn").and_then(|b| b.attr("w:val")).map(str::to_string),
                outline: ppr.and_then(outline_level),
                num: ppr.and_then(|p| p.child("w:numPr")).and_then(NumRef::read),
                run: s.child("w:rPr").map(RunProps::read).unwrap_or_default(),
                boxed: ppr.and_then(shading),
            };
            match s.attr("w:type") {
                Some("character") => {
                    raw_character.insert(id.to_string(), raw);
                }
                Some("paragraph") | None => {
                    if s.attr("w:default").is_some_and(|v| v == "1" || v == "true") {
                        default_paragraph = Some(id.to_string());
                    }
                    raw_paragraph.insert(id.to_string(), raw);
                }
                _ => {}
            }
        }
        let paragraph =
            raw_paragraph.keys().map(|id| (id.clone(), resolve(id, &raw_paragraph))).collect();
        let character =
            raw_character.keys().map(|id| (id.clone(), resolve(id, &raw_character).run)).collect();
        Styles { paragraph, character, default_paragraph, defaults }
    }

    /// The paragraph style `id`, or the default paragraph style.
    pub fn paragraph(&self, id: Option<&str>) -> ParaStyle {
        id.or(self.default_paragraph.as_deref())
            .and_then(|id| self.paragraph.get(id))
            .cloned()
            .unwrap_or_default()
    }

    pub fn character(&self, id: &str) -> RunProps {
        self.character.get(id).copied().unwrap_or_default()
    }

    pub fn defaults(&self) -> RunProps {
        self.defaults
    }
}

/// `w:outlineLvl` 0–8 (9 means body text).
pub fn outline_level(ppr: &Element) -> Option<u8> {
    let v = ppr.child("w:outlineLvl")?.attr("w:val")?.parse::<u8>().ok()?;
    (v < 9).then_some(v)
}

/// The role a style's own name gives it: Word's built-in names are English in every language
/// of Word ("heading 1", "Title").
fn role_from_name(name: &str) -> Option<Role> {
    let name = name.trim().to_ascii_lowercase();
    match name.as_str() {
        "title" => return Some(Role::Title),
        "subtitle" => return Some(Role::Subtitle),
        _ => {}
    }
    let n = name.strip_prefix("heading")?.trim().parse::<u8>().ok()?;
    (1..=9).contains(&n).then(|| Role::Heading(n - 1))
}

fn resolve(id: &str, raw: &HashMap<String, RawStyle>) -> ParaStyle {
    let mut out = ParaStyle::default();
    let mut next = Some(id);
    let mut seen = 0;
    while let (Some(id), true) = (next, seen < MAX_CHAIN) {
        let Some(s) = raw.get(id) else { break };
        if out.role.is_none() {
            out.role = role_from_name(&s.name).or(s.outline.map(Role::Heading));
        }
        if out.num.is_none() {
            out.num = s.num.clone();
        }
        out.run = out.run.over(s.run);
        out.boxed = out.boxed.or(s.boxed);
        next = s.based_on.as_deref();
        seen += 1;
    }
    out
}

/// How one numbering level is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Level {
    pub ordered: bool,
    /// `w:numFmt` "none" with no level text draws nothing: not a list item to a reader.
    pub visible: bool,
}

/// The numbering part (`word/numbering.xml`).
#[derive(Debug, Default)]
pub struct Numbering {
    abstracts: HashMap<String, HashMap<u8, Level>>,
    /// `w:numId` → abstract numbering and per-level overrides.
    nums: HashMap<String, (String, HashMap<u8, Level>)>,
}

impl Numbering {
    pub fn read(root: &Element) -> Numbering {
        let Some(numbering) = root.child("w:numbering") else { return Numbering::default() };
        let mut out = Numbering::default();
        for e in numbering.elements() {
            match e.name.as_str() {
                "w:abstractNum" => {
                    if let Some(id) = e.attr("w:abstractNumId") {
                        out.abstracts.insert(id.to_string(), levels(e.elements()));
                    }
                }
                "w:num" => {
                    let (Some(id), Some(abs)) = (
                        e.attr("w:numId"),
                        e.child("w:abstractNumId").and_then(|a| a.attr("w:val")),
                    ) else {
                        continue;
                    };
                    let overrides = levels(
                        e.elements()
                            .filter(|o| o.name == "w:lvlOverride")
                            .filter_map(|o| o.child("w:lvl")),
                    );
                    out.nums.insert(id.to_string(), (abs.to_string(), overrides));
                }
                _ => {}
            }
        }
        out
    }

    /// How level `r.level` of list `r.num_id` is drawn; a list with no definition is taken as
    /// bulleted, and `w:numId` 0 is no list at all.
    pub fn level(&self, r: &NumRef) -> Option<Level> {
        if r.num_id == "0" {
            return None;
        }
        let bullet = Level { ordered: false, visible: true };
        let Some((abs, overrides)) = self.nums.get(&r.num_id) else { return Some(bullet) };
        if let Some(l) = overrides.get(&r.level) {
            return Some(*l);
        }
        Some(self.abstracts.get(abs).and_then(|a| a.get(&r.level)).copied().unwrap_or(bullet))
    }
}

fn levels<'a>(lvls: impl Iterator<Item = &'a Element>) -> HashMap<u8, Level> {
    let mut out = HashMap::new();
    for l in lvls.filter(|l| l.name == "w:lvl") {
        let Some(ilvl) = l.attr("w:ilvl").and_then(|v| v.parse::<u8>().ok()) else { continue };
        let format = l.child("w:numFmt").and_then(|f| f.attr("w:val")).unwrap_or("decimal");
        let text = l.child("w:lvlText").and_then(|t| t.attr("w:val")).unwrap_or("");
        let level = match format {
            "bullet" => Level { ordered: false, visible: true },
            "none" => Level { ordered: false, visible: !text.trim().is_empty() },
            _ => Level { ordered: true, visible: true },
        };
        out.insert(ilvl, level);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::read::xml;

    const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

    #[test]
    fn heading_roles_come_through_based_on_chains_and_outline_levels() {
        let xml = format!(
            r#"<w:styles {W}>
              <w:style w:type="paragraph" w:styleId="berschrift1"><w:name w:val="heading 1"/><w:rPr><w:b/></w:rPr></w:style>
              <w:style w:type="paragraph" w:styleId="Section"><w:name w:val="Section"/><w:basedOn w:val="berschrift1"/><w:rPr><w:i/></w:rPr></w:style>
              <w:style w:type="paragraph" w:styleId="Loop"><w:name w:val="Loop"/><w:basedOn w:val="Loop"/></w:style>
              <w:style w:type="paragraph" w:styleId="Out"><w:name w:val="Out"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>
              <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
            </w:styles>"#
        );
        let styles = Styles::read(&xml::parse(xml.as_bytes()).unwrap().root);
        let section = styles.paragraph(Some("Section"));
        assert_eq!(section.role, Some(Role::Heading(0)));
        assert_eq!((section.run.bold, section.run.italic), (Some(true), Some(true)));
        assert_eq!(styles.paragraph(Some("Out")).role, Some(Role::Heading(2)));
        assert_eq!(styles.paragraph(Some("Loop")).role, None);
        assert_eq!(styles.paragraph(None).role, None);
    }

    #[test]
    fn numbering_levels_say_bullet_number_or_nothing() {
        let xml = format!(
            r#"<w:numbering {W}>
              <w:abstractNum w:abstractNumId="7"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>
                <w:lvl w:ilvl="1"><w:numFmt w:val="lowerLetter"/></w:lvl><w:lvl w:ilvl="2"><w:numFmt w:val="none"/><w:lvlText w:val=""/></w:lvl></w:abstractNum>
              <w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num>
            </w:numbering>"#
        );
        let n = Numbering::read(&xml::parse(xml.as_bytes()).unwrap().root);
        let at = |level| n.level(&NumRef { num_id: "3".into(), level });
        assert_eq!(at(0), Some(Level { ordered: false, visible: true }));
        assert_eq!(at(1), Some(Level { ordered: true, visible: true }));
        assert_eq!(at(2), Some(Level { ordered: false, visible: false }));
        assert_eq!(n.level(&NumRef { num_id: "0".into(), level: 0 }), None);
    }
}
