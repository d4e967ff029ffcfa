//! Floating text boxes: where each sits on the page (DrawingML anchors, group transforms, VML
//! styles) and the order a reader reads a cluster of them in.
//!
//! The XML order of floating shapes is the order they were drawn, not read. A cluster of boxes
//! is read like a page: columns that run down the whole cluster one after the other, otherwise
//! the top band first, recursively (an XY cut).

use crate::parse::read::xml::Element;

/// EMUs (English Metric Units) per point.
const EMU_PER_PT: f64 = 12_700.0;
/// A US Letter page and one-inch margins, when the section does not say.
pub const DEFAULT_PAGE: Page = Page {
    width: 8.5 * 72.0 * EMU_PER_PT,
    height: 11.0 * 72.0 * EMU_PER_PT,
    margin: 72.0 * EMU_PER_PT,
};

/// The page geometry of the section, in EMU.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Page {
    pub width: f64,
    pub height: f64,
    pub margin: f64,
}

impl Page {
    /// Reads `w:sectPr` (sizes in twentieths of a point).
    pub fn read(sect: &Element) -> Page {
        let twips = |e: Option<&Element>, a: &str| {
            e.and_then(|e| e.attr(a))
                .and_then(|v| v.parse::<f64>().ok())
                .map(|t| t / 20.0 * EMU_PER_PT)
        };
        let size = sect.child("w:pgSz");
        let mar = sect.child("w:pgMar");
        Page {
            width: twips(size, "w:w").unwrap_or(DEFAULT_PAGE.width),
            height: twips(size, "w:h").unwrap_or(DEFAULT_PAGE.height),
            margin: twips(mar, "w:left").unwrap_or(DEFAULT_PAGE.margin),
        }
    }
}

/// A box on the page, in EMU from the page's top left.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    fn right(&self) -> f64 {
        self.x + self.w
    }
    fn bottom(&self) -> f64 {
        self.y + self.h
    }
}

/// Maps a group's child coordinates onto the page.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Transform {
    pub dx: f64,
    pub dy: f64,
    pub sx: f64,
    pub sy: f64,
}

impl Transform {
    pub const IDENTITY: Transform = Transform { dx: 0.0, dy: 0.0, sx: 1.0, sy: 1.0 };

    fn apply(&self, r: Rect) -> Rect {
        Rect {
            x: self.dx + r.x * self.sx,
            y: self.dy + r.y * self.sy,
            w: r.w * self.sx,
            h: r.h * self.sy,
        }
    }
}

/// Where a `wp:anchor` puts its shape. `para` is the running number of the anchoring
/// paragraph: offsets relative to a paragraph are placed below the paragraphs before it
/// (about one line each), which keeps shapes of one paragraph in their offsets' order.
pub fn anchor_rect(anchor: &Element, page: &Page, para: u32) -> Option<Rect> {
    let extent = anchor.child("wp:extent");
    let w = num(extent.and_then(|e| e.attr("cx"))).unwrap_or(0.0);
    let h = num(extent.and_then(|e| e.attr("cy"))).unwrap_or(0.0);
    let x = axis(anchor.child("wp:positionH")?, page, para, w, true)?;
    let y = axis(anchor.child("wp:positionV")?, page, para, h, false)?;
    Some(Rect { x, y, w, h })
}

fn axis(pos: &Element, page: &Page, para: u32, size: f64, horizontal: bool) -> Option<f64> {
    let span = if horizontal { page.width } else { page.height };
    let base = match pos.attr("relativeFrom").unwrap_or("page") {
        "page" => 0.0,
        "paragraph" | "line" | "character" if !horizontal => f64::from(para) * 14.0 * EMU_PER_PT,
        _ => page.margin,
    };
    if let Some(off) = pos.child("wp:posOffset") {
        return Some(base + num(Some(off.text().trim()))?);
    }
    let align = pos.child("wp:align")?.text();
    Some(match align.trim() {
        "left" | "top" | "inside" => base,
        "center" => (span - size) / 2.0,
        _ => span - size - base,
    })
}

/// The transform a DrawingML group (`wpg:grpSpPr/a:xfrm`) applies to its children, given where
/// the group itself sits.
pub fn group_transform(group: &Element, at: Rect, outer: Transform) -> Transform {
    let Some(xfrm) = group.child("wpg:grpSpPr").and_then(|p| p.child("a:xfrm")) else {
        return outer;
    };
    let pair = |name: &str, a: &str, b: &str| {
        let e = xfrm.child(name)?;
        Some((num(e.attr(a))?, num(e.attr(b))?))
    };
    let (Some((ex, ey)), Some((cox, coy)), Some((cex, cey))) =
        (pair("a:ext", "cx", "cy"), pair("a:chOff", "x", "y"), pair("a:chExt", "cx", "cy"))
    else {
        return outer;
    };
    let (ox, oy) = pair("a:off", "x", "y").unwrap_or((0.0, 0.0));
    let sx = if cex > 0.0 { ex / cex } else { 1.0 };
    let sy = if cey > 0.0 { ey / cey } else { 1.0 };
    // The group's own box: its anchor on the page for a top-level group, else its offset in
    // the parent group's child space.
    let (gx, gy) = if outer == Transform::IDENTITY { (at.x, at.y) } else { (ox, oy) };
    let inner = Transform { dx: gx - cox * sx, dy: gy - coy * sy, sx, sy };
    Transform {
        dx: outer.dx + inner.dx * outer.sx,
        dy: outer.dy + inner.dy * outer.sy,
        sx: inner.sx * outer.sx,
        sy: inner.sy * outer.sy,
    }
}

/// Where a shape inside a group sits (`wps:spPr/a:xfrm`), through the group's transform.
pub fn shape_rect(shape: &Element, t: Transform) -> Option<Rect> {
    let xfrm = shape.child("wps:spPr")?.child("a:xfrm")?;
    let off = xfrm.child("a:off")?;
    let ext = xfrm.child("a:ext");
    let r = Rect {
        x: num(off.attr("x"))?,
        y: num(off.attr("y"))?,
        w: num(ext.and_then(|e| e.attr("cx"))).unwrap_or(0.0),
        h: num(ext.and_then(|e| e.attr("cy"))).unwrap_or(0.0),
    };
    Some(t.apply(r))
}

/// Where a VML shape sits, from its CSS-like `style` (`margin-left:12pt;top:3in;…`).
pub fn vml_rect(shape: &Element, page: &Page) -> Option<Rect> {
    let style = shape.attr("style")?;
    let get = |keys: &[&str]| -> Option<f64> {
        style.split(';').find_map(|decl| {
            let (k, v) = decl.split_once(':')?;
            keys.contains(&k.trim()).then(|| css_length(v.trim())).flatten()
        })
    };
    let x = get(&["margin-left", "left"])?;
    let y = get(&["margin-top", "top"])?;
    let w = get(&["width"]).unwrap_or(0.0);
    let h = get(&["height"]).unwrap_or(0.0);
    let relative =
        |key: &str| style.split(';').any(|d| d.trim().starts_with(key) && d.contains("page"));
    let bx = if relative("mso-position-horizontal-relative") { 0.0 } else { page.margin };
    let by = if relative("mso-position-vertical-relative") { 0.0 } else { page.margin };
    Some(Rect { x: bx + x, y: by + y, w, h })
}

pub fn css_length(v: &str) -> Option<f64> {
    let split = v.find(|c: char| c.is_ascii_alphabetic()).unwrap_or(v.len());
    let n: f64 = v[..split].trim().parse().ok()?;
    let pt = match &v[split..] {
        "pt" | "" => n,
        "in" => n * 72.0,
        "cm" => n * 72.0 / 2.54,
        "mm" => n * 72.0 / 25.4,
        "px" => n * 0.75,
        "emu" => n / EMU_PER_PT,
        _ => return None,
    };
    Some(pt * EMU_PER_PT)
}

fn num(v: Option<&str>) -> Option<f64> {
    v?.trim().parse::<f64>().ok().filter(|n| n.is_finite())
}

/// Overlaps smaller than this (a twentieth of an inch) do not join two boxes.
const SLACK: f64 = 3.6 * EMU_PER_PT;
/// A side of a vertical cut is a column when it spans this much of the cluster's height.
const COLUMN_SHARE: f64 = 0.34;

/// The reading order of boxes: indices into `rects`.
pub fn reading_order(rects: &[Rect]) -> Vec<usize> {
    let mut out = Vec::with_capacity(rects.len());
    let all: Vec<usize> = (0..rects.len()).collect();
    cut(rects, all, &mut out, 0);
    out
}

fn cut(rects: &[Rect], mut set: Vec<usize>, out: &mut Vec<usize>, depth: usize) {
    if set.len() <= 1 || depth > 64 {
        set.sort_by(|&a, &b| {
            rects[a].y.total_cmp(&rects[b].y).then(rects[a].x.total_cmp(&rects[b].x))
        });
        out.extend(set);
        return;
    }
    if let Some((left, right)) = split_columns(rects, &set) {
        cut(rects, left, out, depth + 1);
        cut(rects, right, out, depth + 1);
        return;
    }
    if let Some((top, rest)) = split_top_band(rects, &set) {
        cut(rects, top, out, depth + 1);
        cut(rects, rest, out, depth + 1);
        return;
    }
    set.sort_by(|&a, &b| rects[a].y.total_cmp(&rects[b].y).then(rects[a].x.total_cmp(&rects[b].x)));
    out.extend(set);
}

/// The leftmost vertical gap no box crosses, when both sides are columns (each spans a good
/// part of the cluster's height).
fn split_columns(rects: &[Rect], set: &[usize]) -> Option<(Vec<usize>, Vec<usize>)> {
    let mut by_x = set.to_vec();
    by_x.sort_by(|&a, &b| rects[a].x.total_cmp(&rects[b].x));
    let top = set.iter().map(|&i| rects[i].y).fold(f64::INFINITY, f64::min);
    let bottom = set.iter().map(|&i| rects[i].bottom()).fold(f64::NEG_INFINITY, f64::max);
    let height = (bottom - top).max(1.0);
    let span = |side: &[usize]| {
        let t = side.iter().map(|&i| rects[i].y).fold(f64::INFINITY, f64::min);
        let b = side.iter().map(|&i| rects[i].bottom()).fold(f64::NEG_INFINITY, f64::max);
        (b - t) / height
    };
    let mut reach = f64::NEG_INFINITY;
    for k in 1..by_x.len() {
        reach = reach.max(rects[by_x[k - 1]].right());
        if rects[by_x[k]].x + SLACK >= reach {
            let (left, right) = by_x.split_at(k);
            if span(left) >= COLUMN_SHARE && span(right) >= COLUMN_SHARE {
                return Some((left.to_vec(), right.to_vec()));
            }
        }
    }
    None
}

/// The boxes above the first horizontal gap no box crosses, and the rest.
fn split_top_band(rects: &[Rect], set: &[usize]) -> Option<(Vec<usize>, Vec<usize>)> {
    let mut by_y = set.to_vec();
    by_y.sort_by(|&a, &b| rects[a].y.total_cmp(&rects[b].y));
    let mut reach = f64::NEG_INFINITY;
    for k in 1..by_y.len() {
        reach = reach.max(rects[by_y[k - 1]].bottom());
        if rects[by_y[k]].y + SLACK >= reach {
            let (top, rest) = by_y.split_at(k);
            return Some((top.to_vec(), rest.to_vec()));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(x: f64, y: f64, w: f64, h: f64) -> Rect {
        let k = EMU_PER_PT;
        Rect { x: x * k, y: y * k, w: w * k, h: h * k }
    }

    #[test]
    fn a_header_then_two_columns_read_column_by_column() {
        // Drawn in a scrambled order: right column, name, left column.
        let rects = [
            r(220.0, 130.0, 300.0, 60.0), // 0 right, second
            r(20.0, 20.0, 500.0, 50.0),   // 1 name across the top
            r(20.0, 150.0, 180.0, 40.0),  // 2 left, second
            r(220.0, 90.0, 300.0, 30.0),  // 3 right, first
            r(20.0, 90.0, 180.0, 50.0),   // 4 left, first
        ];
        assert_eq!(reading_order(&rects), [1, 4, 2, 3, 0]);
    }

    #[test]
    fn boxes_of_one_column_read_top_down() {
        let rects =
            [r(20.0, 300.0, 400.0, 20.0), r(20.0, 100.0, 400.0, 20.0), r(20.0, 200.0, 60.0, 20.0)];
        assert_eq!(reading_order(&rects), [1, 2, 0]);
    }

    #[test]
    fn a_short_box_beside_a_long_column_is_read_at_its_height() {
        // A date box at the top right beside a tall stack: not a column of its own.
        let rects = [
            r(20.0, 100.0, 300.0, 20.0),
            r(400.0, 100.0, 80.0, 20.0),
            r(20.0, 130.0, 300.0, 400.0),
        ];
        assert_eq!(reading_order(&rects), [0, 1, 2]);
    }
}
