//! Decompression bombs: every compressed stream that text extraction may decode (contents,
//! forms, fonts, maps; not images) is measured with a bounded inflater first, because the
//! parser decodes a stream whole into memory. Font programs, often the largest streams and
//! often never decoded, are measured only when a font is about to be read through one.

use std::collections::{HashMap, HashSet};
use std::io::Read;

use hayro_font::hayro_syntax::object::{Array, Dict, Name, Object};
use hayro_font::hayro_syntax::{Filter, Pdf};

/// One decoded stream may be this large...
pub const MAX_STREAM_BYTES: u64 = 64 << 20;
/// ... and all of them together this large.
pub const MAX_TOTAL_BYTES: u64 = 256 << 20;

/// What exceeded the limit.
#[derive(Debug, Clone, PartialEq)]
pub struct Excess {
    /// The object number of the stream.
    pub object: u32,
    /// Its limit in bytes.
    pub limit: u64,
}

/// Most a filter can multiply a stream's size by (Flate's DEFLATE limit, LZW's 12-bit codes,
/// run-length's 128); the others shrink it.
fn max_ratio(filter: &Filter) -> u64 {
    match filter {
        Filter::FlateDecode => 1032,
        Filter::LzwDecode => 2731,
        Filter::RunLengthDecode => 128,
        _ => 1,
    }
}

/// A stream's bound, its object number, and its raw data when Flate alone (measurable).
type Bounded<'a> = (u64, u32, Option<std::borrow::Cow<'a, [u8]>>);

/// The keys under which a font descriptor holds its font program.
const FONT_PROGRAMS: [&[u8]; 3] = [b"FontFile", b"FontFile2", b"FontFile3"];

/// What is left to check once the up-front check passed: the font programs, which are
/// decoded only if a font is read through its program (many are never decoded: a composite
/// font with a ToUnicode map is read from its maps), and the room left in the total.
pub struct Deferred<'a> {
    programs: HashMap<u32, Bounded<'a>>,
    headroom: u64,
}

/// Checks every non-image stream but the font programs (see [`Deferred`]); `Err` names the
/// first that expands past the limits.
///
/// A stream is inflated (without keeping the output) only when its bound (raw size times the
/// filter's worst ratio) could break a limit: the largest bounds are measured first, until
/// what is measured plus the bounds of the rest is within the total. Most of a resume's
/// streams never need measuring, and what hayro decodes is not decoded twice.
pub fn check_streams<'a>(pdf: &'a Pdf) -> Result<Deferred<'a>, Excess> {
    let mut programs: HashSet<u32> = HashSet::new();
    let mut streams: Vec<Bounded<'_>> = Vec::new();
    for object in pdf.objects() {
        let stream = match object {
            Object::Stream(stream) => stream,
            Object::Dict(dict) => {
                let refs = FONT_PROGRAMS.iter().filter_map(|key| dict.get_ref(key));
                programs.extend(refs.map(|r| r.obj_number));
                continue;
            }
            _ => continue,
        };
        let dict = stream.dict();
        if dict.get::<Name<'_>>(b"Subtype").as_deref() == Some(b"Image".as_slice()) {
            continue;
        }
        let filters = stream.filters();
        let raw = stream.raw_data();
        let id = stream.obj_id().obj_number;
        let bound: u64 =
            filters.iter().fold(raw.len() as u64, |n, f| n.saturating_mul(max_ratio(f)));
        let flate = matches!(filters.as_slice(), [Filter::FlateDecode]);
        streams.push((bound, id, (flate && bound > 0).then_some(raw)));
    }
    let (fonts, others): (Vec<_>, Vec<_>) =
        streams.into_iter().partition(|s| programs.contains(&s.1));
    let headroom = check_all(others, MAX_TOTAL_BYTES)?;
    Ok(Deferred { programs: fonts.into_iter().map(|s| (s.1, s)).collect(), headroom })
}

impl Deferred<'_> {
    /// Checks the font programs of a font dictionary (and of its descendant fonts) before
    /// anything decodes them; each is checked once, against what is left of the total.
    pub fn check_font(&mut self, font: &Dict<'_>) -> Result<(), Excess> {
        let descendants = font.get::<Array<'_>>(b"DescendantFonts");
        let dicts = std::iter::once(font.clone())
            .chain(descendants.iter().flat_map(|a| a.iter::<Dict<'_>>()).collect::<Vec<_>>());
        let ids: Vec<u32> = dicts
            .filter_map(|d| d.get::<Dict<'_>>(b"FontDescriptor"))
            .flat_map(|d| FONT_PROGRAMS.map(|key| d.get_ref(key)))
            .flatten()
            .map(|r| r.obj_number)
            .collect();
        let streams: Vec<Bounded<'_>> =
            ids.iter().filter_map(|id| self.programs.remove(id)).collect();
        self.headroom = check_all(streams, self.headroom)?;
        Ok(())
    }
}

/// Checks streams against one limit each and `total` together; the room left in `total`.
fn check_all(mut streams: Vec<Bounded<'_>>, total: u64) -> Result<u64, Excess> {
    streams.sort_by_key(|s| std::cmp::Reverse(s.0));
    let mut unmeasured: u64 = streams.iter().fold(0, |n, s| n.saturating_add(s.0));
    let mut measured: u64 = 0;
    for (bound, id, raw) in streams {
        if bound <= MAX_STREAM_BYTES && measured.saturating_add(unmeasured) <= total {
            break;
        }
        unmeasured -= bound;
        let size = match raw {
            // The common case, measured: inflate without keeping the output.
            Some(raw) => inflated_size(&raw, MAX_STREAM_BYTES + 1),
            None if bound <= MAX_STREAM_BYTES => bound,
            // A chain or an old filter that could expand past the limit: not measured.
            None => u64::MAX,
        };
        if size > MAX_STREAM_BYTES {
            return Err(Excess { object: id, limit: MAX_STREAM_BYTES });
        }
        measured = measured.saturating_add(size);
        if measured > total {
            return Err(Excess { object: id, limit: MAX_TOTAL_BYTES });
        }
    }
    Ok(total - measured.saturating_add(unmeasured).min(total))
}

/// How many bytes a zlib (or raw DEFLATE) stream inflates to, counting up to `cap`.
fn inflated_size(data: &[u8], cap: u64) -> u64 {
    let count = |reader: &mut dyn Read| -> u64 {
        let mut buf = [0u8; 16 * 1024];
        let mut n: u64 = 0;
        while n < cap {
            match reader.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(k) => n += k as u64,
            }
        }
        n
    };
    let zlib = count(&mut flate2::read::ZlibDecoder::new(data));
    if zlib > 0 {
        return zlib;
    }
    // Some writers omit the zlib header.
    count(&mut flate2::read::DeflateDecoder::new(data))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn inflated_size_counts_up_to_the_cap() {
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        z.write_all(&vec![0u8; 1 << 20]).unwrap_or_default();
        let packed = z.finish().unwrap_or_default();
        assert_eq!(inflated_size(&packed, u64::MAX), 1 << 20);
        assert!(inflated_size(&packed, 1000) < 1 << 20);
    }
}
