//! What the server adds to HTML: the live-reload script in served pages, and its own pages
//! (not found, nothing built yet). The built files on disk are never changed.

/// Where pages listen for live-reload events.
pub const EVENTS_PATH: &str = "/__vitae/events";

const SCRIPT: &str = include_str!("livereload.js");

/// `html` with the live-reload script before its last `</body>` (or at the end when it has none).
pub fn inject(html: &str) -> String {
    let tag = format!("<script>{SCRIPT}</script>\n");
    let at = html.to_ascii_lowercase().rfind("</body>").unwrap_or(html.len());
    let mut out = String::with_capacity(html.len() + tag.len());
    out.push_str(&html[..at]);
    out.push_str(&tag);
    out.push_str(&html[at..]);
    out
}

/// The page for a path with nothing behind it; links to what the site has, so a mistyped slug
/// is one click from the right one.
pub fn not_found(path: &str, pages: &[String], built: bool) -> String {
    let mut body =
        format!("<h1>Not found</h1>\n<p>There is no page at <code>{}</code>.</p>\n", escape(path));
    if !built {
        body.push_str(
            "<p>The site has not been built yet: the first build failed. Fix the error shown \
             below and save; this page reloads by itself.</p>\n",
        );
    } else if pages.is_empty() {
        body.push_str("<p>The site has no pages.</p>\n");
    } else {
        body.push_str("<p>Pages of this site:</p>\n<ul>\n");
        for page in pages {
            let page = escape(page);
            body.push_str(&format!("<li><a href=\"/{page}\">/{page}</a></li>\n"));
        }
        body.push_str("</ul>\n");
    }
    inject(&format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>Not found · vitae</title>\n</head>\n<body style=\"font-family:system-ui,sans-serif;\
         max-width:40em;margin:3em auto;padding:0 1em\">\n{body}</body>\n</html>\n"
    ))
}

/// Text made safe inside HTML.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_script_goes_before_the_last_body_end_tag() {
        let html = inject("<html><body><p>x</p></BODY></html>");
        let script = html.find("<script>").unwrap();
        assert!(script > html.find("<p>x</p>").unwrap() && script < html.find("</BODY>").unwrap());
        assert!(html.contains(EVENTS_PATH));
        assert!(inject("<p>fragment").starts_with("<p>fragment<script>"));
    }

    #[test]
    fn the_not_found_page_escapes_the_path_and_lists_pages() {
        let page = not_found("/<script>alert(1)</script>", &["ada/".to_string()], true);
        assert!(page.contains("&lt;script&gt;alert(1)"), "{page}");
        assert!(page.contains("href=\"/ada/\""));
        assert!(not_found("/", &[], false).contains("not been built yet"));
    }
}
