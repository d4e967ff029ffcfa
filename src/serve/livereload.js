// vitae serve: live reload. Injected into served pages only, never into built files.
(function () {
  "use strict";
  var source = new EventSource("/__vitae/events");
  // A second "open" is a reconnection: the server was restarted and may have built something
  // else, so show that. `__vitaeLive` tells tests and curious people the page is listening.
  source.addEventListener("open", function () {
    if (window.__vitaeLive) {
      location.reload();
    }
    window.__vitaeLive = true;
  });
  source.addEventListener("reload", function () {
    location.reload();
  });
  // Only a stylesheet changed: point its <link> at a fresh URL, the page stays where it is.
  source.addEventListener("css", function (e) {
    var stamp = String(Date.now());
    document.querySelectorAll('link[rel~="stylesheet"]').forEach(function (link) {
      var url = new URL(link.href, location.href);
      if (url.pathname === e.data) {
        url.searchParams.set("vitae", stamp);
        link.href = url.href;
      }
    });
  });
  // A rebuild failed. Connection errors arrive here too, but without data.
  source.addEventListener("error", function (e) {
    if (typeof e.data === "string") {
      show(e.data);
    }
  });
  function show(message) {
    var old = document.getElementById("vitae-error");
    if (old) {
      old.remove();
    }
    var box = document.createElement("div");
    box.id = "vitae-error";
    box.setAttribute("role", "alert");
    box.style.cssText =
      "position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:2147483647;" +
      "margin:0;padding:1em 1.5em;background:#fff4f4;color:#5c0000;border-top:4px solid #c00;" +
      "font:14px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;" +
      "box-shadow:0 -4px 16px rgba(0,0,0,.2)";
    var title = document.createElement("strong");
    title.textContent = "vitae: this save did not build. The page shows the last good build.";
    var text = document.createElement("pre");
    text.style.cssText = "white-space:pre-wrap;margin:.5em 0 0";
    // textContent, never innerHTML: the message quotes the user's files.
    text.textContent = message;
    box.appendChild(title);
    box.appendChild(text);
    (document.body || document.documentElement).appendChild(box);
  }
})();
