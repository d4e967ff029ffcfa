//! Composite (Type0) fonts read for their text alone: codes, widths and Unicode from the PDF's
//! own maps (the encoding CMap, `/W` and `/DW`, `/ToUnicode`), without the embedded font
//! program. hayro's font layer parses and hashes the whole program of every font it loads,
//! which text extraction never uses when a ToUnicode map says what each code means; fonts
//! without one (or written vertically) are still loaded through hayro.

use std::collections::HashMap;

use hayro_font::hayro_cmap::{BfString, CMap, CMapName, WritingMode};
use hayro_font::hayro_syntax::object::{Array, Dict, Name, Object, Stream};

/// A horizontal Type0 font with a ToUnicode map.
#[derive(Debug)]
pub struct CidFont {
    /// Character codes to CIDs (Identity-H or an embedded CMap).
    encoding: CMap,
    to_unicode: CMap,
    /// Advance of a CID without a `/W` entry, in thousandths of the size.
    default_width: f32,
    widths: HashMap<u32, f32>,
}

impl CidFont {
    /// The font, when it is a Type0 font written horizontally with a readable encoding and
    /// ToUnicode map; `None` sends it to hayro, which reads every other kind.
    pub fn new(dict: &Dict<'_>) -> Option<CidFont> {
        if dict.get::<Name<'_>>(b"Subtype").as_deref() != Some(b"Type0".as_slice()) {
            return None;
        }
        let encoding = encoding(&dict.get::<Object<'_>>(b"Encoding")?)?;
        if encoding.metadata().writing_mode == Some(WritingMode::Vertical) {
            return None;
        }
        let descendant = dict.get::<Array<'_>>(b"DescendantFonts")?.iter::<Dict<'_>>().next()?;
        let data = dict.get::<Stream<'_>>(b"ToUnicode")?.decoded_data().ok()?;
        let to_unicode = CMap::parse(&data, no_cmap)?;
        Some(CidFont {
            encoding,
            to_unicode,
            default_width: descendant.get::<f32>(b"DW").unwrap_or(1000.0),
            widths: descendant.get::<Array<'_>>(b"W").and_then(|a| widths(&a)).unwrap_or_default(),
        })
    }

    /// The next character code in `bytes` from `at`, and its length in bytes: the shortest
    /// run of bytes the encoding maps (a code it does not map reads as 0, one byte long).
    pub fn read_code(&self, bytes: &[u8], at: usize) -> (u32, usize) {
        let mut code = 0_u32;
        for n in 0..4.min(bytes.len() - at) {
            code = (code << 8) | u32::from(bytes[at + n]);
            if self.encoding.lookup_cid_code(code, n as u8 + 1).is_some() {
                return (code, n + 1);
            }
        }
        (0, 1)
    }

    /// How far a code advances, in thousandths of the font size.
    pub fn advance(&self, code: u32) -> f64 {
        let cid = (1..=4).find_map(|len| self.encoding.lookup_cid_code(code, len)).unwrap_or(0);
        f64::from(self.widths.get(&cid).copied().unwrap_or(self.default_width))
    }

    /// What a code means, as the ToUnicode map says.
    pub fn unicode(&self, code: u32) -> Option<BfString> {
        self.to_unicode.lookup_bf_string(code)
    }
}

/// The encoding CMap: Identity-H/V by name, or an embedded CMap (named CMaps other than the
/// identities are not built in, as for hayro).
fn encoding(object: &Object<'_>) -> Option<CMap> {
    match object {
        Object::Name(n) => match CMapName::from_bytes(n.as_ref()) {
            CMapName::IdentityH => Some(CMap::identity_h()),
            CMapName::IdentityV => Some(CMap::identity_v()),
            _ => None,
        },
        Object::Stream(s) => CMap::parse(&s.decoded_data().ok()?, no_cmap),
        _ => None,
    }
}

/// No CMap is built in, so a `usecmap` of a predefined one resolves to nothing.
fn no_cmap(_: CMapName<'_>) -> Option<&'static [u8]> {
    None
}

/// The `/W` array: `first [w1 w2 …]` and `first last w` entries. As hayro reads it (an entry
/// that runs past the last CID drops the whole array), except that a range covers at most
/// 65,536 CIDs, so that a hostile `0 4294967295 500` cannot fill memory.
fn widths(array: &Array<'_>) -> Option<HashMap<u32, f32>> {
    let mut map = HashMap::new();
    let mut items = array.flex_iter();
    loop {
        if let Some((mut first, run)) = items.next::<(u32, Array<'_>)>() {
            for width in run.iter::<f32>() {
                map.insert(first, width);
                first = first.checked_add(1)?;
            }
        } else if let Some((first, last, width)) = items.next::<(u32, u32, f32)>() {
            for cid in first..=last.min(first.saturating_add(0xFFFF)) {
                map.insert(cid, width);
            }
        } else {
            break;
        }
    }
    Some(map)
}
