//! From PDF bytes to positioned glyphs, page by page. hayro parses the objects and the fonts
//! (encodings, ToUnicode maps, glyph names, widths); this module interprets the text operators
//! of each content stream and of the forms it draws, within a budget of time and work.

use std::collections::HashMap;
use std::rc::Rc;
use std::time::Instant;

use hayro_font::hayro_syntax::content::TypedIter;
use hayro_font::hayro_syntax::content::ops::TypedInstruction;
use hayro_font::hayro_syntax::object::{Array, Dict, Name, Object, Rect, Stream};
use hayro_font::hayro_syntax::page::{Page as PdfPage, Resources};
use hayro_font::hayro_syntax::{LoadPdfError, Pdf};
use hayro_font::kurbo::{Affine, Point};
use hayro_font::{CMapResolverFn, FontCache, FontGlyph, FontQuery, FontResolverFn, StandardFont};

use super::cid::CidFont;
use super::guard;

/// One glyph as placed on the page, in points from the page's top left.
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    /// What the glyph means; empty when the font maps it to nothing (a lost ligature, an
    /// icon), so that the gap it leaves can be repaired or kept.
    pub text: String,
    /// Left end of the baseline.
    pub x: f32,
    /// Baseline, from the top of the page.
    pub y: f32,
    /// Advance to the next glyph.
    pub width: f32,
    /// Font size as drawn (the text matrix included).
    pub size: f32,
    /// Index into [`Extraction::fonts`].
    pub font: u16,
    /// Written left to right on a horizontal baseline (not rotated or vertical).
    pub upright: bool,
}

/// What a font says about its face.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Font {
    /// The PostScript name without a subset tag ("LMRoman10-Bold").
    pub name: String,
    pub bold: bool,
    pub italic: bool,
    /// A small-caps face ("LMRomanCaps10", "…-SC").
    pub small_caps: bool,
    /// A face for symbols or code (Symbol, Wingdings, Courier), whose letters are often
    /// bullets: Word's second-level bullet is an "o" in Courier New.
    pub symbol: bool,
}

/// A link annotation: a clickable area and where it goes.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    pub x0: f32,
    pub y0: f32,
    pub x1: f32,
    pub y1: f32,
    pub target: String,
}

/// A small filled shape (a bullet drawn as a path, as browsers print list markers), by
/// its centre and size.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Dot {
    pub x: f32,
    pub y: f32,
    pub size: f32,
}

/// One page's text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    pub width: f32,
    pub height: f32,
    pub glyphs: Vec<Glyph>,
    pub links: Vec<Link>,
    pub dots: Vec<Dot>,
}

/// Everything read from a file.
#[derive(Debug, Default)]
pub struct Extraction {
    pub pages: Vec<Page>,
    pub fonts: Vec<Font>,
    /// Document properties (`title`, `author`, `subject`, `keywords`).
    pub meta: Vec<(String, String)>,
    /// What went wrong while reading a file that was still read in part.
    pub problems: Vec<String>,
}

/// Why a file could not be read at all.
#[derive(Debug, Clone, PartialEq)]
pub enum Failure {
    /// Needs a password.
    Encrypted,
    /// The structure cannot be found (not a PDF, or damaged beyond repair).
    Unreadable,
    /// More pages than any resume has.
    TooManyPages(usize),
    /// A compressed stream expands beyond the limit (a decompression bomb).
    Bomb(guard::Excess),
}

/// Bounds on the work one file may cause.
pub struct Limits {
    pub max_pages: usize,
    /// Content-stream operators over all pages and forms.
    pub max_ops: u64,
    pub max_glyphs: usize,
    /// Forms drawn inside forms.
    pub max_form_depth: usize,
    pub deadline: Instant,
}

/// Reads the text of every page.
pub fn extract(bytes: &[u8], limits: &Limits) -> Result<Extraction, Failure> {
    let pdf = Pdf::new(bytes.to_vec()).map_err(|e| match e {
        LoadPdfError::Decryption(_) => Failure::Encrypted,
        LoadPdfError::Invalid => Failure::Unreadable,
    })?;
    let deferred = guard::check_streams(&pdf).map_err(Failure::Bomb)?;
    let pages = pdf.pages();
    if pages.len() > limits.max_pages {
        return Err(Failure::TooManyPages(pages.len()));
    }
    let mut out = Extraction { meta: metadata(&pdf), ..Extraction::default() };
    let mut interp = Interpreter::new(limits, deferred);
    for page in pages.iter() {
        if interp.exhausted() {
            out.problems.push(interp.exhaustion_note());
            break;
        }
        out.pages.push(interp.page(page));
    }
    if interp.exhausted() && out.problems.is_empty() {
        out.problems.push(interp.exhaustion_note());
    }
    if let Some(excess) = interp.bomb {
        return Err(Failure::Bomb(excess));
    }
    out.fonts = interp.fonts;
    Ok(out)
}

fn metadata(pdf: &Pdf) -> Vec<(String, String)> {
    let m = pdf.metadata();
    let fields = [
        ("title", &m.title),
        ("author", &m.author),
        ("subject", &m.subject),
        ("keywords", &m.keywords),
    ];
    fields
        .into_iter()
        .filter_map(|(k, v)| {
            let text = text_string(v.as_deref()?);
            let text = text.trim();
            (!text.is_empty()).then(|| (k.to_string(), text.to_string()))
        })
        .collect()
}

/// A PDF text string: UTF-16 with a byte-order mark, or PDFDocEncoding (Latin-1 for the
/// characters that matter here).
pub fn text_string(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let units: Vec<u16> =
            rest.chunks_exact(2).map(|c| u16::from_be_bytes([c[0], c[1]])).collect();
        String::from_utf16_lossy(&units)
    } else if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        String::from_utf8_lossy(rest).into_owned()
    } else {
        bytes.iter().map(|&b| b as char).collect()
    }
    .chars()
    .filter(|c| !c.is_control() || *c == '\n')
    .collect()
}

/// The part of the graphics state that text depends on.
#[derive(Clone)]
struct State<'a> {
    ctm: Affine,
    font: Option<(u16, TextFont<'a>)>,
    size: f64,
    char_space: f64,
    word_space: f64,
    /// Horizontal scaling as a factor (`Tz` / 100).
    scale: f64,
    leading: f64,
    rise: f64,
}

impl State<'_> {
    fn new(ctm: Affine) -> Self {
        State {
            ctm,
            font: None,
            size: 1.0,
            char_space: 0.0,
            word_space: 0.0,
            scale: 1.0,
            leading: 0.0,
            rise: 0.0,
        }
    }
}

struct Interpreter<'a> {
    cache: FontCache<'a>,
    font_resolver: FontResolverFn,
    cmap_resolver: CMapResolverFn,
    /// Font dictionaries seen, by identity: their index in `fonts` and the loaded font.
    loaded: HashMap<(usize, usize), (u16, Option<TextFont<'a>>)>,
    fonts: Vec<Font>,
    ops: u64,
    glyph_count: usize,
    limits: &'a Limits,
    /// The font programs not yet checked for decompression bombs.
    deferred: guard::Deferred<'a>,
    /// A font program that expands past the limits: the file is refused.
    bomb: Option<guard::Excess>,
}

/// Text and line matrices of a `BT … ET` object.
struct TextObject {
    matrix: Affine,
    line: Affine,
}

impl<'a> Interpreter<'a> {
    fn new(limits: &'a Limits, deferred: guard::Deferred<'a>) -> Self {
        let font_resolver: FontResolverFn = std::sync::Arc::new(|query| match query {
            FontQuery::Standard(s) => Some(s.get_font_data()),
            FontQuery::Fallback(f) => Some(f.pick_standard_font().get_font_data()),
        });
        Interpreter {
            cache: FontCache::new(),
            font_resolver,
            cmap_resolver: std::sync::Arc::new(|_| None),
            loaded: HashMap::new(),
            fonts: Vec::new(),
            ops: 0,
            glyph_count: 0,
            limits,
            deferred,
            bomb: None,
        }
    }

    fn exhausted(&self) -> bool {
        self.ops > self.limits.max_ops
            || self.glyph_count > self.limits.max_glyphs
            || Instant::now() > self.limits.deadline
    }

    fn exhaustion_note(&self) -> String {
        if Instant::now() > self.limits.deadline {
            "reading took too long; only the first pages were read".to_string()
        } else {
            "the pages hold more drawing instructions than a resume; only the first were read"
                .to_string()
        }
    }

    fn page(&mut self, page: &PdfPage<'a>) -> Page {
        let (width, height) = page.render_dimensions();
        let base = page.initial_transform(true);
        let base = Affine::new(base.as_coeffs());
        let mut out = Page { width, height, ..Page::default() };
        let ops = TypedIter::new(page.page_stream().unwrap_or(&[]));
        let mut stack = Vec::new();
        self.run(ops, page.resources().clone(), State::new(base), &mut out, &mut stack);
        out.links = links(page, base);
        out
    }

    /// Interprets one content stream. `forms` holds the forms being drawn, against cycles.
    fn run(
        &mut self,
        mut ops: TypedIter<'_>,
        resources: Resources<'a>,
        start: State<'a>,
        out: &mut Page,
        forms: &mut Vec<(usize, usize)>,
    ) {
        let mut state = start;
        let mut saved: Vec<State<'a>> = Vec::new();
        let mut text = TextObject { matrix: Affine::IDENTITY, line: Affine::IDENTITY };
        let mut path = PathBox::default();
        while let Some(op) = ops.next() {
            self.ops += 1;
            if self.ops.is_multiple_of(4096) && self.exhausted() || self.ops > self.limits.max_ops {
                return;
            }
            match op {
                TypedInstruction::SaveState(_) if saved.len() < 256 => saved.push(state.clone()),
                TypedInstruction::RestoreState(_) => {
                    if let Some(s) = saved.pop() {
                        state = s;
                    }
                }
                TypedInstruction::Transform(t) => {
                    let m = Affine::new([
                        t.0.as_f64(),
                        t.1.as_f64(),
                        t.2.as_f64(),
                        t.3.as_f64(),
                        t.4.as_f64(),
                        t.5.as_f64(),
                    ]);
                    state.ctm *= m;
                }
                TypedInstruction::BeginText(_) => {
                    text = TextObject { matrix: Affine::IDENTITY, line: Affine::IDENTITY };
                }
                TypedInstruction::SetTextMatrix(m) => {
                    let m = Affine::new([
                        m.0.as_f64(),
                        m.1.as_f64(),
                        m.2.as_f64(),
                        m.3.as_f64(),
                        m.4.as_f64(),
                        m.5.as_f64(),
                    ]);
                    text = TextObject { matrix: m, line: m };
                }
                TypedInstruction::TextFont(t) => {
                    // A font that is missing or unusable (a damaged file) is read as
                    // Helvetica, as viewers do: most such text is plain Latin.
                    state.font = resources
                        .get_font(t.0)
                        .and_then(|d| self.font(&d))
                        .or_else(|| self.fallback_font());
                    state.size = t.1.as_f64();
                }
                TypedInstruction::CharacterSpacing(c) => state.char_space = c.0.as_f64(),
                TypedInstruction::WordSpacing(w) => state.word_space = w.0.as_f64(),
                TypedInstruction::HorizontalScaling(h) => state.scale = h.0.as_f64() / 100.0,
                TypedInstruction::TextLeading(l) => state.leading = l.0.as_f64(),
                TypedInstruction::TextRise(r) => state.rise = r.0.as_f64(),
                TypedInstruction::NextLine(n) => next_line(&mut text, n.0.as_f64(), n.1.as_f64()),
                TypedInstruction::NextLineAndSetLeading(n) => {
                    state.leading = -n.1.as_f64();
                    next_line(&mut text, n.0.as_f64(), n.1.as_f64());
                }
                TypedInstruction::NextLineUsingLeading(_) => {
                    next_line(&mut text, 0.0, -state.leading);
                }
                TypedInstruction::ShowText(s) => {
                    self.show(s.0.as_bytes(), &state, &mut text, &mut out.glyphs);
                }
                TypedInstruction::NextLineAndShowText(s) => {
                    next_line(&mut text, 0.0, -state.leading);
                    self.show(s.0.as_bytes(), &state, &mut text, &mut out.glyphs);
                }
                TypedInstruction::ShowTextWithParameters(s) => {
                    state.word_space = s.0.as_f64();
                    state.char_space = s.1.as_f64();
                    next_line(&mut text, 0.0, -state.leading);
                    self.show(s.2.as_bytes(), &state, &mut text, &mut out.glyphs);
                }
                TypedInstruction::ShowTexts(s) => self.show_array(s.0, &state, &mut text, out),
                TypedInstruction::XObject(x) => {
                    if let Some(form) = resources.get_x_object(x.0) {
                        self.form(&form, &resources, &state, out, forms);
                    }
                }
                TypedInstruction::MoveTo(p) => path.add(state.ctm, p.0.as_f64(), p.1.as_f64()),
                TypedInstruction::LineTo(p) => path.add(state.ctm, p.0.as_f64(), p.1.as_f64()),
                TypedInstruction::CubicTo(c) => {
                    path.add(state.ctm, c.0.as_f64(), c.1.as_f64());
                    path.add(state.ctm, c.2.as_f64(), c.3.as_f64());
                    path.add(state.ctm, c.4.as_f64(), c.5.as_f64());
                }
                TypedInstruction::CubicStartTo(c) => {
                    path.add(state.ctm, c.0.as_f64(), c.1.as_f64());
                    path.add(state.ctm, c.2.as_f64(), c.3.as_f64());
                }
                TypedInstruction::CubicEndTo(c) => {
                    path.add(state.ctm, c.0.as_f64(), c.1.as_f64());
                    path.add(state.ctm, c.2.as_f64(), c.3.as_f64());
                }
                TypedInstruction::RectPath(r) => {
                    let (x, y, w, h) = (r.0.as_f64(), r.1.as_f64(), r.2.as_f64(), r.3.as_f64());
                    path.add(state.ctm, x, y);
                    path.add(state.ctm, x + w, y + h);
                }
                TypedInstruction::FillPathNonZero(_)
                | TypedInstruction::FillPathNonZeroCompatibility(_)
                | TypedInstruction::FillPathEvenOdd(_)
                | TypedInstruction::FillAndStrokeNonZero(_)
                | TypedInstruction::FillAndStrokeEvenOdd(_)
                | TypedInstruction::CloseFillAndStrokeNonZero(_)
                | TypedInstruction::CloseFillAndStrokeEvenOdd(_) => {
                    if let Some(dot) = path.take().dot()
                        && out.dots.len() < 10_000
                    {
                        out.dots.push(dot);
                    }
                }
                TypedInstruction::StrokePath(_)
                | TypedInstruction::CloseAndStrokePath(_)
                | TypedInstruction::EndPath(_) => {
                    path.take();
                }
                _ => {}
            }
        }
    }

    /// Draws a form XObject (images and unknown kinds are skipped).
    fn form(
        &mut self,
        stream: &Stream<'a>,
        resources: &Resources<'a>,
        state: &State<'a>,
        out: &mut Page,
        forms: &mut Vec<(usize, usize)>,
    ) {
        let dict = stream.dict();
        if dict.get::<Name<'_>>(b"Subtype").as_deref() != Some(b"Form".as_slice()) {
            return;
        }
        let key = dict_key(dict);
        if forms.len() >= self.limits.max_form_depth || forms.contains(&key) {
            return;
        }
        let Ok(data) = stream.decoded() else { return };
        let matrix = dict
            .get::<Array<'_>>(b"Matrix")
            .and_then(|a| {
                let v: Vec<f64> = a.iter::<f64>().collect();
                <[f64; 6]>::try_from(v).ok()
            })
            .map(Affine::new)
            .unwrap_or(Affine::IDENTITY);
        let inner = dict.get::<Dict<'_>>(b"Resources").map(Resources::new);
        let mut start = state.clone();
        start.ctm *= matrix;
        forms.push(key);
        let resources = inner.unwrap_or_else(|| resources.clone());
        self.run(TypedIter::new(&data), resources, start, out, forms);
        forms.pop();
    }

    fn show_array(
        &mut self,
        items: &Array<'_>,
        state: &State<'a>,
        text: &mut TextObject,
        out: &mut Page,
    ) {
        for item in items.iter::<Object<'_>>() {
            match item {
                Object::Number(n) => {
                    let dx = -n.as_f64() / 1000.0 * state.size * state.scale;
                    text.matrix *= Affine::translate((dx, 0.0));
                }
                Object::String(s) => self.show(s.as_bytes(), state, text, &mut out.glyphs),
                _ => {}
            }
        }
    }

    /// Places the glyphs of one string and advances the text matrix past them.
    fn show(
        &mut self,
        bytes: &[u8],
        state: &State<'a>,
        text: &mut TextObject,
        out: &mut Vec<Glyph>,
    ) {
        let Some((font_index, font)) = &state.font else {
            // No usable font: the text cannot be decoded, only skipped.
            return;
        };
        let mut at = 0;
        while at < bytes.len() {
            let (code, len) = font.read_code(bytes, at);
            at += len.max(1);
            let advance = font.advance(code) / 1000.0;
            let glyph_space =
                Affine::new([state.size * state.scale, 0.0, 0.0, state.size, 0.0, state.rise]);
            let m = state.ctm * text.matrix * glyph_space;
            let origin = m * Point::ZERO;
            let end = m * Point::new(advance, 0.0);
            let top = m * Point::new(0.0, 1.0);
            let size = (top - origin).hypot();
            let (dx, dy) = (end.x - origin.x, end.y - origin.y);
            let upright = dx >= 0.0 && dy.abs() <= dx.abs() * 0.05 + 0.01 && top.y < origin.y;
            let unicode = font.unicode(code);
            self.glyph_count += 1;
            // Text drawn far off the page is never seen (and hostile coordinates would make
            // layout work without end).
            let on_page = origin.x.abs() < 20_000.0 && origin.y.abs() < 20_000.0 && size < 2000.0;
            if self.glyph_count <= self.limits.max_glyphs && size.is_finite() && on_page {
                out.push(Glyph {
                    text: unicode,
                    x: origin.x as f32,
                    y: origin.y as f32,
                    width: dx.hypot(dy) as f32,
                    size: size as f32,
                    font: *font_index,
                    upright,
                });
            }
            let word = if code == 32 && len == 1 { state.word_space } else { 0.0 };
            let tx = (advance * state.size + state.char_space + word) * state.scale;
            text.matrix *= Affine::translate((tx, 0.0));
        }
    }

    fn fallback_font(&mut self) -> Option<(u16, TextFont<'a>)> {
        let font = self.cache.standard_font(StandardFont::Helvetica, &self.font_resolver)?;
        let font = TextFont::Hayro(font);
        let index = match self.fonts.iter().position(|f| f.name == "Helvetica (fallback)") {
            Some(i) => i,
            None => {
                self.fonts.push(Font { name: "Helvetica (fallback)".into(), ..Font::default() });
                self.fonts.len() - 1
            }
        };
        Some((u16::try_from(index).unwrap_or(u16::MAX), font))
    }

    /// Loads a font dictionary once; `None` when it cannot be used. A composite font with a
    /// ToUnicode map is read from its maps alone; every other font through hayro.
    fn font(&mut self, dict: &Dict<'a>) -> Option<(u16, TextFont<'a>)> {
        let key = dict_key(dict);
        if let Some((index, font)) = self.loaded.get(&key) {
            return font.clone().map(|f| (*index, f));
        }
        let loaded = match CidFont::new(dict) {
            Some(cid) => Some(TextFont::Cid(Rc::new(cid))),
            // hayro may decode the font's program: it is checked first.
            None => match self.deferred.check_font(dict) {
                Ok(()) => self
                    .cache
                    .font(dict, &self.font_resolver, &self.cmap_resolver)
                    .map(TextFont::Hayro),
                Err(excess) => {
                    self.bomb.get_or_insert(excess);
                    None
                }
            },
        };
        let index = u16::try_from(self.fonts.len()).unwrap_or(u16::MAX);
        if self.fonts.len() < u16::MAX as usize {
            self.fonts.push(describe_font(dict));
        }
        self.loaded.insert(key, (index, loaded.clone()));
        loaded.map(|f| (index, f))
    }
}

/// The bounding box of the path being built, in page coordinates.
#[derive(Default)]
struct PathBox {
    points: usize,
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
}

impl PathBox {
    fn add(&mut self, ctm: Affine, x: f64, y: f64) {
        let p = ctm * Point::new(x, y);
        if self.points == 0 {
            (self.x0, self.y0, self.x1, self.y1) = (p.x, p.y, p.x, p.y);
        } else {
            self.x0 = self.x0.min(p.x);
            self.y0 = self.y0.min(p.y);
            self.x1 = self.x1.max(p.x);
            self.y1 = self.y1.max(p.y);
        }
        self.points += 1;
    }

    fn take(&mut self) -> PathBox {
        std::mem::take(self)
    }

    /// A small, roughly square filled shape: a drawn bullet.
    fn dot(&self) -> Option<Dot> {
        let (w, h) = (self.x1 - self.x0, self.y1 - self.y0);
        let small = (0.4..=8.0).contains(&w) && (0.4..=8.0).contains(&h);
        let square = (0.6..=1.6).contains(&(w / h.max(0.01)));
        (self.points >= 2 && small && square).then(|| Dot {
            x: ((self.x0 + self.x1) / 2.0) as f32,
            y: ((self.y0 + self.y1) / 2.0) as f32,
            size: w.max(h) as f32,
        })
    }
}

fn next_line(text: &mut TextObject, tx: f64, ty: f64) {
    text.line *= Affine::translate((tx, ty));
    text.matrix = text.line;
}

/// A font as text extraction uses it: how to read codes from a string, how far each advances
/// and what it means.
#[derive(Clone)]
enum TextFont<'a> {
    Hayro(hayro_font::Font<'a>),
    Cid(Rc<CidFont>),
}

impl TextFont<'_> {
    fn read_code(&self, bytes: &[u8], at: usize) -> (u32, usize) {
        match self {
            TextFont::Hayro(f) => f.read_code(bytes, at),
            TextFont::Cid(f) => f.read_code(bytes, at),
        }
    }

    /// The advance of a code in thousandths of the font size.
    fn advance(&self, code: u32) -> f64 {
        match self {
            TextFont::Hayro(f) => f.code_advance(code).x,
            TextFont::Cid(f) => f.advance(code),
        }
    }

    /// What a character code means, or an empty string when the font does not say.
    fn unicode(&self, code: u32) -> String {
        let mapped = match self {
            TextFont::Hayro(font) => match font.glyph(font.map_code(code), code) {
                FontGlyph::Outline(g) => g.as_unicode(),
                FontGlyph::Type3(g) => g.as_unicode(),
            },
            TextFont::Cid(font) => font.unicode(code),
        };
        match mapped {
            Some(hayro_font::hayro_cmap::BfString::Char(c)) => clean_char(c).into_iter().collect(),
            Some(hayro_font::hayro_cmap::BfString::String(s)) => {
                s.chars().filter_map(clean_char).collect()
            }
            None => String::new(),
        }
    }
}

/// Drops what is not text: control characters, the replacement character, private-use icons.
fn clean_char(c: char) -> Option<char> {
    let private = ('\u{E000}'..='\u{F8FF}').contains(&c);
    (!c.is_control() && c != '\u{FFFD}' && !private && c != '\0').then_some(c)
}

/// Identity of a dictionary: its object number, or where its bytes are.
fn dict_key(dict: &Dict<'_>) -> (usize, usize) {
    match dict.obj_id() {
        Some(id) => (id.obj_number as usize, id.gen_number.unsigned_abs() as usize),
        None => (dict.data().as_ptr() as usize, usize::MAX - dict.data().len()),
    }
}

/// Name, weight and slant from the font dictionary and its descriptor.
fn describe_font(dict: &Dict<'_>) -> Font {
    let descendant =
        dict.get::<Array<'_>>(b"DescendantFonts").and_then(|a| a.iter::<Dict<'_>>().next());
    let descriptor = dict
        .get::<Dict<'_>>(b"FontDescriptor")
        .or_else(|| descendant.as_ref().and_then(|d| d.get::<Dict<'_>>(b"FontDescriptor")));
    let raw = dict.get::<Name<'_>>(b"BaseFont").map(|n| n.to_vec()).unwrap_or_default();
    let raw = String::from_utf8_lossy(&raw).into_owned();
    // A subset tag is six capitals and a plus sign.
    let name = match raw.split_once('+') {
        Some((tag, rest)) if tag.len() == 6 && tag.bytes().all(|b| b.is_ascii_uppercase()) => {
            rest.to_string()
        }
        _ => raw,
    };
    let lower = name.to_ascii_lowercase();
    let flags = descriptor.as_ref().and_then(|d| d.get::<i64>(b"Flags")).unwrap_or(0);
    let weight = descriptor.as_ref().and_then(|d| d.get::<f64>(b"FontWeight")).unwrap_or(0.0);
    let angle = descriptor.as_ref().and_then(|d| d.get::<f64>(b"ItalicAngle")).unwrap_or(0.0);
    let bold_name = ["bold", "black", "heavy", "semibold", "demi", "extrab", ",bd", "-bd"]
        .iter()
        .any(|w| lower.contains(w));
    let italic_name =
        ["italic", "oblique", "slant", "-it", ",it"].iter().any(|w| lower.contains(w))
            || lower.ends_with("-i");
    let tex = super::tex_fonts::style(&name).unwrap_or_default();
    Font {
        bold: bold_name || tex.bold || weight >= 600.0 || flags & (1 << 18) != 0,
        italic: italic_name || tex.italic || angle.abs() > 1.0 || flags & (1 << 6) != 0,
        small_caps: lower.contains("caps")
            || lower.ends_with("-sc")
            || tex.small_caps
            || flags & (1 << 17) != 0,
        symbol: ["symbol", "wingding", "webding", "dingbat", "courier"]
            .iter()
            .any(|w| lower.contains(w)),
        name,
    }
}

/// The page's `/Link` annotations with a `/URI` action, in top-down page coordinates.
fn links(page: &PdfPage<'_>, base: Affine) -> Vec<Link> {
    let Some(annots) = page.raw().get::<Array<'_>>(b"Annots") else { return Vec::new() };
    let mut out = Vec::new();
    for annot in annots.iter::<Dict<'_>>().take(2000) {
        if annot.get::<Name<'_>>(b"Subtype").as_deref() != Some(b"Link".as_slice()) {
            continue;
        }
        let Some(rect) = annot.get::<Rect>(b"Rect") else { continue };
        let Some(action) = annot.get::<Dict<'_>>(b"A") else { continue };
        let Some(uri) = action.get::<hayro_font::hayro_syntax::object::String<'_>>(b"URI") else {
            continue;
        };
        let target = text_string(uri.as_bytes()).trim().to_string();
        if target.is_empty() {
            continue;
        }
        let a = base * Point::new(rect.x0, rect.y0);
        let b = base * Point::new(rect.x1, rect.y1);
        out.push(Link {
            x0: a.x.min(b.x) as f32,
            y0: a.y.min(b.y) as f32,
            x1: a.x.max(b.x) as f32,
            y1: a.y.max(b.y) as f32,
            target,
        });
    }
    out
}
