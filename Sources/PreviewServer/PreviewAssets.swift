/// The two files the preview adds to every page it serves: a script that reloads the page
/// when a build finishes, and the style of the build-error banner. Both are served from the
/// site's own origin, so the pages' strict Content-Security-Policy (`script-src 'self'`)
/// holds in the preview too.
enum PreviewAssets {
    static let scriptPath = "/_serve/live.js"
    static let stylePath = "/_serve/preview.css"
    static let eventsPath = "/_serve/events"

    /// What goes before `</head>` of each HTML page.
    static let headTags = "<link rel=\"stylesheet\" href=\"\(stylePath)\"><script src=\"\(scriptPath)\" defer></script>"

    static let script = """
        /* helpcenter serve: reload this page when the site is rebuilt (or fails to build). */
        (function () {
          'use strict';
          if (!self.EventSource) return;
          var seen = null;
          var events = new EventSource('\(eventsPath)');
          events.addEventListener('build', function (event) {
            if (seen !== null && event.data !== seen) location.reload();
            seen = event.data;
          });
        })();

        """

    static let style = """
        /* helpcenter serve: the build-error banner and the preview's own pages. */
        .helpcenter-preview-errors { position: relative; z-index: 1000; margin: 0; padding: 1rem 1.25rem;
          background: #fff4f2; color: #5c0b00; border-bottom: 3px solid #b42318; font: 14px/1.45 system-ui, sans-serif; }
        .helpcenter-preview-errors h2 { margin: 0 0 .5rem; font-size: 1rem; }
        .helpcenter-preview-errors pre { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere;
          font: 13px/1.45 ui-monospace, monospace; }
        .helpcenter-preview { max-width: 60rem; margin: 2rem auto; padding: 0 1rem; font: 16px/1.5 system-ui, sans-serif; color: #1d2330; }
        .helpcenter-preview table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
        .helpcenter-preview th, .helpcenter-preview td { border: 1px solid #c9ced6; padding: .35rem .6rem; text-align: left; vertical-align: top; }
        .helpcenter-preview th { background: #eef1f5; }
        .helpcenter-preview td.number { text-align: right; font-variant-numeric: tabular-nums; }
        .helpcenter-preview a { color: #0b57d0; }

        """
}
