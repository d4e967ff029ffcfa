//! Template filters and functions, each a small named type, registered in one place
//! ([`register`]). Anything that turns user text into HTML is sanitised here.

use std::sync::LazyLock;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd, html};
use tera::{Filter, Function, Kwargs, State, Tera, TeraResult, Value};

use crate::model::PartialDate;

/// Registers every vitae filter and function on `tera`.
pub fn register(tera: &mut Tera) {
    tera.register_filter("markdown", Markdown);
    tera.register_filter("plain", Plain);
    tera.register_filter("safe_url", SafeUrl);
    tera.register_filter("date", DateFilter);
    tera.register_filter("tel", Tel);
    tera.register_filter("local_path", LocalPath);
    tera.register_filter("display_url", DisplayUrl);
    tera.register_function("date_range", DateRange);
    tera.register_function("range", Range);
}

static SANITIZER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut b = ammonia::Builder::default();
    b.url_schemes(["http", "https", "mailto", "tel"].into());
    // A relative link in a resume has nowhere sensible to go: keep the text, drop the link.
    b.url_relative(ammonia::UrlRelative::Deny);
    b.link_rel(Some("noopener noreferrer"));
    b.add_allowed_classes("a", [SHOWS_URL_CLASS]);
    // Pages load nothing from other hosts, and a relative source has no sure target from
    // every page that shows the text: raw `<img>` goes (Markdown images become their alt text
    // before this).
    b.rm_tags(["img"]);
    b
});

fn markdown_options() -> Options {
    let mut opts = Options::empty();
    opts.insert(Options::ENABLE_STRIKETHROUGH);
    opts.insert(Options::ENABLE_TABLES);
    opts
}

/// Markdown → sanitised HTML: no scripts, no event handlers, no `javascript:` URLs, no
/// images (a Markdown image shows its alt text; see [`images_not_shown`]).
///
/// pulldown-cmark escapes all text itself, so only raw HTML and link targets can carry
/// anything unsafe; ammonia (an HTML parse per call, the costly part) runs only when the
/// source has raw HTML or a link that is not plainly safe.
pub fn markdown_to_html(src: &str, inline: bool) -> String {
    let events: Vec<Event<'_>> = Parser::new_ext(src, markdown_options())
        .filter(|e| !matches!(e, Event::Start(Tag::Image { .. }) | Event::End(TagEnd::Image)))
        .collect();
    let mut raw = String::with_capacity(src.len() + src.len() / 4);
    let needs_sanitiser = events.iter().any(is_risky);
    html::push_html(&mut raw, mark_links_showing_their_url(events).into_iter());
    let clean = if needs_sanitiser { SANITIZER.clean(&raw).to_string() } else { raw };
    if inline { unwrap_single_paragraph(&clean) } else { clean }
}

/// The class of a link whose text is its own URL (`<https://a.example>`,
/// `[a.example/x](https://a.example/x)`): print stylesheets, which write a link's URL after its
/// text, leave such links alone instead of printing the URL twice.
pub const SHOWS_URL_CLASS: &str = "shows-url";

/// Gives every link whose text is its own URL the class [`SHOWS_URL_CLASS`]. The opening tag is
/// written by pulldown-cmark itself (escaping included), with the class added.
fn mark_links_showing_their_url(mut events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    use pulldown_cmark::CowStr;
    let mut i = 0;
    while i < events.len() {
        if let Event::Start(Tag::Link { dest_url, .. }) = &events[i] {
            let mut text = String::new();
            let mut plain = true;
            let mut end = i + 1;
            while end < events.len() && !matches!(events[end], Event::End(TagEnd::Link)) {
                match &events[end] {
                    Event::Text(t) | Event::Code(t) => text.push_str(t),
                    Event::Start(Tag::Emphasis | Tag::Strong) | Event::End(_) => {}
                    _ => plain = false,
                }
                end += 1;
            }
            if plain && end < events.len() && shows_its_url(&text, dest_url) {
                let mut open = String::new();
                html::push_html(&mut open, std::iter::once(events[i].clone()));
                if open.ends_with("\">") {
                    open.truncate(open.len() - 1);
                    open.push_str(&format!(" class=\"{SHOWS_URL_CLASS}\">"));
                    events[i] = Event::InlineHtml(CowStr::from(open));
                    events[end] = Event::InlineHtml(CowStr::Borrowed("</a>"));
                }
            }
            i = end;
        }
        i += 1;
    }
    events
}

/// Whether a link's visible `text` is its URL `href`, give or take the scheme, `www.`, a
/// trailing slash and letter case: `github.com/me` shows `https://github.com/me/`.
pub fn shows_its_url(text: &str, href: &str) -> bool {
    fn bare(s: &str) -> String {
        let d = display_url(s).to_lowercase();
        d.strip_prefix("www.").map_or(d.clone(), str::to_string)
    }
    !text.trim().is_empty() && bare(text) == bare(href)
}

/// The images in Markdown text `src` that a page does not show, by their source: Markdown
/// images and raw `<img>` tags. For a warning at load time; [`markdown_to_html`] drops them.
pub fn images_not_shown(src: &str) -> Vec<String> {
    let lower = src.to_ascii_lowercase();
    if !src.contains("![") && !lower.contains("<img") {
        return Vec::new();
    }
    let mut found = Vec::new();
    for event in Parser::new_ext(src, markdown_options()) {
        match event {
            Event::Start(Tag::Image { dest_url, .. }) => found.push(dest_url.to_string()),
            Event::Html(html) | Event::InlineHtml(html) => found.extend(img_sources(&html)),
            _ => {}
        }
    }
    found
}

/// The `src` of every `<img>` tag in an HTML fragment (`?` when a tag has none).
fn img_sources(html: &str) -> Vec<String> {
    let lower = html.to_ascii_lowercase();
    let mut out = Vec::new();
    for (at, _) in lower.match_indices("<img") {
        let tag = &html[at..lower[at..].find('>').map_or(html.len(), |end| at + end)];
        let src = tag.to_ascii_lowercase().find("src=").map(|i| {
            let value = &tag[i + 4..];
            let quote = value.chars().next().filter(|c| *c == '"' || *c == '\'');
            let value = quote.map_or(value, |q| &value[q.len_utf8()..]);
            let end =
                value.find(|c: char| Some(c) == quote || (quote.is_none() && c.is_whitespace()));
            value[..end.unwrap_or(value.len())].to_string()
        });
        out.push(src.unwrap_or_else(|| "?".to_string()));
    }
    out
}

/// Raw HTML, or a link whose target is not plainly safe.
fn is_risky(event: &Event<'_>) -> bool {
    match event {
        Event::Html(_) | Event::InlineHtml(_) => true,
        Event::Start(Tag::Link { dest_url, .. }) => {
            let d = dest_url.to_ascii_lowercase();
            !(d.starts_with("https://") || d.starts_with("http://") || d.starts_with("mailto:"))
        }
        _ => false,
    }
}

/// `<p>text</p>` → `text`, so one-line fields sit inside `<li>` or `<span>` cleanly.
fn unwrap_single_paragraph(html: &str) -> String {
    let t = html.trim();
    match t.strip_prefix("<p>").and_then(|s| s.strip_suffix("</p>")) {
        Some(inner) if !inner.contains("<p>") => inner.to_string(),
        _ => t.to_string(),
    }
}

/// Markdown → its plain text (no markup, no HTML), for meta descriptions and previews.
pub fn plain_text(src: &str) -> String {
    let mut out = String::with_capacity(src.len());
    for event in Parser::new(src) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::Heading(_)) => out.push(' '),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `{{ text | plain }}`.
pub struct Plain;

impl<'a> Filter<&'a str, String> for Plain {
    fn call(&self, value: &'a str, _: Kwargs, _: &State) -> String {
        plain_text(value)
    }
}

/// `{{ text | markdown }}` renders Markdown; `markdown(inline=true)` drops the paragraph.
pub struct Markdown;

impl<'a> Filter<&'a str, TeraResult<Value>> for Markdown {
    fn call(&self, value: &'a str, kwargs: Kwargs, _: &State) -> TeraResult<Value> {
        let inline = kwargs.get::<bool>("inline")?.unwrap_or(false);
        Ok(Value::safe_string(&markdown_to_html(value, inline)))
    }

    fn is_safe(&self) -> bool {
        true
    }
}

/// Only links people can safely follow: http(s), mailto and tel. A bare domain
/// ("example.com/x") gets `https://`; anything else becomes empty.
pub fn safe_url(url: &str) -> String {
    let u = url.trim();
    if u.chars().any(|c| c.is_control() || c == ' ') {
        return String::new();
    }
    let lower = u.to_ascii_lowercase();
    if ["http://", "https://", "mailto:", "tel:"].iter().any(|p| lower.starts_with(p)) {
        return u.to_string();
    }
    let looks_like_domain = !lower.contains(':')
        && lower.split('/').next().is_some_and(|host| host.contains('.') && !host.starts_with('.'));
    if looks_like_domain { format!("https://{u}") } else { String::new() }
}

pub struct SafeUrl;

impl<'a> Filter<&'a str, String> for SafeUrl {
    fn call(&self, value: &'a str, _: Kwargs, _: &State) -> String {
        safe_url(value)
    }
}

/// A path inside the site (`img/me.jpg`, `/img/me.jpg` → `img/me.jpg`), or empty for anything
/// on another host or with a scheme: pages load nothing from elsewhere.
pub fn local_path(src: &str) -> String {
    let s = src.trim();
    let remote = s.starts_with("//") || s.contains(':') || s.contains('\\');
    let escapes = s.split('/').any(|part| part == "..");
    if remote || escapes || s.is_empty() {
        String::new()
    } else {
        s.trim_start_matches('/').to_string()
    }
}

pub struct LocalPath;

impl<'a> Filter<&'a str, String> for LocalPath {
    fn call(&self, value: &'a str, _: Kwargs, _: &State) -> String {
        local_path(value)
    }
}

/// `https://www.example.com/` → `www.example.com`: for link text.
pub struct DisplayUrl;

impl<'a> Filter<&'a str, String> for DisplayUrl {
    fn call(&self, value: &'a str, _: Kwargs, _: &State) -> String {
        display_url(value)
    }
}

/// `https://www.example.com/` → `www.example.com`, `mailto:a@b.c` → `a@b.c`.
pub fn display_url(url: &str) -> String {
    let v = url.trim();
    let v = v.split_once("://").map_or(v, |(_, rest)| rest);
    let v = v.strip_prefix("mailto:").unwrap_or(v);
    v.trim_end_matches('/').to_string()
}

/// A phone number as a `tel:` URL: digits and a leading `+` only.
pub struct Tel;

impl<'a> Filter<&'a str, String> for Tel {
    fn call(&self, value: &'a str, _: Kwargs, _: &State) -> String {
        let digits: String = value.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect();
        format!("tel:{digits}")
    }
}

const MONTH_ABBR: [&str; 12] =
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// "2018-09" → "Sep 2018", "2018-09-15" → "Sep 15, 2018", "2018" → "2018"; other text as is.
pub fn human_date(iso: &str) -> String {
    match iso.parse::<PartialDate>() {
        Ok(PartialDate { year, month: Some(m), day: Some(d) }) => {
            format!("{} {d}, {year}", MONTH_ABBR[usize::from(m - 1)])
        }
        Ok(PartialDate { year, month: Some(m), day: None }) => {
            format!("{} {year}", MONTH_ABBR[usize::from(m - 1)])
        }
        Ok(d) => d.year.to_string(),
        Err(_) => iso.to_string(),
    }
}

/// `{{ item.date | date }}`.
pub struct DateFilter;

impl<'a> Filter<&'a str, String> for DateFilter {
    fn call(&self, value: &'a str, _: Kwargs, _: &State) -> String {
        human_date(value)
    }
}

/// `date_range(start=item.startDate, end=item.endDate)` → "Sep 2018 – Present",
/// "2016 – 2018", or one date when both are the same. `present` sets the open-end word.
pub struct DateRange;

impl Function<TeraResult<Value>> for DateRange {
    fn call(&self, kwargs: Kwargs, _: &State) -> TeraResult<Value> {
        let start = kwargs.get::<&str>("start")?.filter(|s| !s.is_empty());
        let end = kwargs.get::<&str>("end")?.filter(|s| !s.is_empty());
        let present = kwargs.get::<&str>("present")?.unwrap_or("Present");
        let text = match (start, end) {
            (Some(s), Some(e)) if s == e => human_date(s),
            (Some(s), Some(e)) => format!("{} – {}", human_date(s), human_date(e)),
            (Some(s), None) => format!("{} – {present}", human_date(s)),
            (None, Some(e)) => human_date(e),
            (None, None) => String::new(),
        };
        Ok(Value::from(text))
    }
}

/// Tera's own `range(end=…, start=0, step_by=1)`, with the same arguments and limits, that
/// also refuses to start a loop once the render is past its time budget: a loop that never
/// ends (nested `range` loops) is stopped at its next `range` call (see `render::budget`).
pub struct Range;

/// Tera's bound on the length of one `range`.
const MAX_RANGE_LEN: i128 = 100_000;

impl Function<TeraResult<Vec<i128>>> for Range {
    fn call(&self, kwargs: Kwargs, _: &State) -> TeraResult<Vec<i128>> {
        if super::budget::past_deadline() {
            return Err(tera::Error::message(format!(
                "stopped: the page took longer than {} s to render",
                super::budget::TIME.as_secs()
            )));
        }
        let start = kwargs.get::<i128>("start")?.unwrap_or_default();
        let end = kwargs.must_get::<i128>("end")?;
        let step = kwargs.get::<i128>("step_by")?.unwrap_or(1);
        let fail = |msg: &str| Err(tera::Error::message(format!("Function `range` {msg}")));
        if step == 0 {
            return fail("was called with a `step_by` argument of 0");
        }
        if start > end && step > 0 {
            return fail("was called with a `start` argument greater than the `end` one");
        }
        let (span, stride) = if step > 0 {
            (end.checked_sub(start), step)
        } else {
            (start.checked_sub(end), step.checked_neg().unwrap_or(i128::MAX))
        };
        let Some(len) = span.and_then(|s| s.max(0).checked_add(stride - 1)).map(|s| s / stride)
        else {
            return fail("was called with arguments that overflow i128");
        };
        if len > MAX_RANGE_LEN {
            return fail(&format!(
                "would produce {len} elements, which exceeds the limit of {MAX_RANGE_LEN}"
            ));
        }
        Ok((0..len).map(|i| start + i * step).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_renders_emphasis_and_strips_scripts_handlers_and_js_urls() {
        let html = markdown_to_html(
            "**bold** <script>alert(1)</script><img src=x onerror=alert(1)> [x](javascript:alert(1))",
            true,
        );
        assert!(html.contains("<strong>bold</strong>"), "{html}");
        for bad in ["<script", "onerror", "javascript:"] {
            assert!(!html.to_ascii_lowercase().contains(bad), "{bad} in {html}");
        }
    }

    #[test]
    fn images_load_nothing_and_show_their_alt_text() {
        let html = markdown_to_html(
            "See ![the chart](https://tracker.example/p.png) and ![me](me.jpg) <IMG SRC='//cdn.example/x.gif'> <img alt=a>",
            true,
        );
        assert!(!html.to_ascii_lowercase().contains("<img"), "{html}");
        assert!(html.starts_with("See the chart and me"), "{html}");
        assert_eq!(
            images_not_shown(
                "![t](https://tracker.example/p.png) <IMG SRC='//cdn.example/x.gif'> <img alt=a>"
            ),
            ["https://tracker.example/p.png", "//cdn.example/x.gif", "?"]
        );
        assert!(images_not_shown("no pictures [a link](https://a.example)").is_empty());
    }

    #[test]
    fn plain_markdown_skips_the_sanitiser_but_stays_safe() {
        assert_eq!(markdown_to_html("a < b & **c**", true), "a &lt; b &amp; <strong>c</strong>");
        let linked = markdown_to_html("[x](https://a.example/?q=\"onmouseover=alert(1))", true);
        assert!(!linked.contains("\" onmouseover"), "{linked}");
        let relative = markdown_to_html("[x](%5bjavascript:x%5d*y) [z](/local)", true);
        assert!(!relative.contains("href"), "relative links are dropped: {relative}");
        let tricky = markdown_to_html("[x](JAVASCRIPT:alert(1)) [y](data:text/html,z)", true);
        assert!(
            !tricky.to_ascii_lowercase().contains("javascript:") && !tricky.contains("data:"),
            "{tricky}"
        );
    }

    #[test]
    fn links_whose_text_is_their_url_are_marked_for_print() {
        let html = markdown_to_html(
            "<https://a.example/x> [a.example/x/](https://www.a.example/x) [**https://b.example**](https://b.example \"B\") [the report](https://a.example/r) [a.example](https://a.example/other)",
            true,
        );
        assert_eq!(
            html,
            "<a href=\"https://a.example/x\" class=\"shows-url\">https://a.example/x</a> \
             <a href=\"https://www.a.example/x\" class=\"shows-url\">a.example/x/</a> \
             <a href=\"https://b.example\" title=\"B\" class=\"shows-url\"><strong>https://b.example</strong></a> \
             <a href=\"https://a.example/r\">the report</a> \
             <a href=\"https://a.example/other\">a.example</a>"
        );
        // The marker survives the sanitiser, which runs when there is raw HTML too.
        let sanitised = markdown_to_html("<b>x</b> <https://a.example/?q=\"1>", true);
        assert!(sanitised.contains("class=\"shows-url\""), "{sanitised}");
        assert!(sanitised.contains("<b>x</b>"), "{sanitised}");
        assert!(shows_its_url("WWW.A.example", "http://a.example/"));
        assert!(!shows_its_url("", "https://a.example"));
        assert!(!shows_its_url("a.example/x", "https://a.example/y"));
    }

    #[test]
    fn plain_text_drops_markup_and_html() {
        assert_eq!(
            plain_text("**Bold** <script>x</script> [link](http://a)\n\nnext"),
            "Bold x link next"
        );
        assert_eq!(
            plain_text(
                "**Bold** and <b>x</b> & [link](https://a.b)

next"
            ),
            "Bold and x & link next"
        );
    }

    #[test]
    fn urls_are_limited_to_safe_schemes() {
        assert_eq!(safe_url("https://a.example/x"), "https://a.example/x");
        assert_eq!(safe_url("mailto:a@b.c"), "mailto:a@b.c");
        assert_eq!(safe_url("example.com/me"), "https://example.com/me");
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "data:text/html,x",
            "vbscript:x",
            "java\tscript:x",
        ] {
            assert_eq!(safe_url(bad), "", "{bad}");
        }
    }

    #[test]
    fn local_paths_stay_inside_the_site() {
        assert_eq!(local_path("/img/me.jpg"), "img/me.jpg");
        for remote in [
            "https://x.example/me.jpg",
            "//x.example/a.png",
            "data:image/png;base64,AA",
            "../../etc/passwd",
        ] {
            assert_eq!(local_path(remote), "", "{remote}");
        }
    }

    #[test]
    fn dates_read_like_a_person_writes_them() {
        assert_eq!(human_date("2018-09"), "Sep 2018");
        assert_eq!(human_date("2018-09-15"), "Sep 15, 2018");
        assert_eq!(human_date("2018"), "2018");
    }

    #[test]
    fn range_behaves_like_teras_own() {
        let mut tera = Tera::new();
        register(&mut tera);
        let render = |t: &str| {
            tera.render_str(t, &tera::Context::new(), false).map_err(|e| format!("{e:?}"))
        };
        assert_eq!(render("{{ range(end=3) }}").unwrap(), "[0, 1, 2]");
        assert_eq!(render("{{ range(start=1, end=7, step_by=3) }}").unwrap(), "[1, 4]");
        assert_eq!(render("{{ range(start=5, end=1, step_by=-2) }}").unwrap(), "[5, 3]");
        assert_eq!(render("{{ range(start=1, end=5, step_by=-1) }}").unwrap(), "[]");
        assert_eq!(render("{{ range(start=2, end=2) }}").unwrap(), "[]");
        assert!(render("{{ range(end=100001) }}").unwrap_err().contains("exceeds the limit"));
        assert!(render("{{ range(start=3, end=1) }}").unwrap_err().contains("greater than"));
        assert!(render("{{ range(end=1, step_by=0) }}").unwrap_err().contains("of 0"));
    }

    #[test]
    fn filters_work_inside_templates() {
        let mut tera = Tera::new();
        tera.autoescape_on([".html"]);
        register(&mut tera);
        tera.add_raw_template(
            "t.html",
            "{{ s | markdown(inline=true) }}|{{ date_range(start='2018-09') }}|{{ '+1 (555) 010' | tel }}|{{ u | safe_url }}",
        )
        .unwrap();
        let mut ctx = tera::Context::new();
        ctx.insert("s", "*hi* <b onclick=x>bold</b>");
        ctx.insert("u", "javascript:alert(1)");
        let out = tera.render("t.html", &ctx).unwrap();
        assert_eq!(out, "<em>hi</em> <b>bold</b>|Sep 2018 – Present|tel:+1555010|");
    }
}
