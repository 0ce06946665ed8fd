/**
 * The paste-able snippet, as documented in the README (a unit test keeps the two identical).
 * Unminified, it does this:
 *
 *   var h = window.Hearth = window.Hearth || [];    // the call queue, before hearth.iife.js exists
 *   if (h.loaded || h.snippet) return;              // pasted twice, or the script is already in: harmless
 *   h.snippet = 1; h.options = options;             // options of createHearth, plus track / rerank
 *   for each method m:                              // queue calls; each returns a promise that the
 *     h[m] = function () {                          // script-tag build settles when it replays the call
 *       var args = [].slice.call(arguments);
 *       return new Promise(function (resolve) { h.push([m, args, resolve]); });
 *     };
 *   append <script async src=src>                   // loads without blocking the page
 *
 * The script-tag build (`global-api.ts`) replays the queue in order, then replaces the stub.
 */
export const SNIPPET_METHODS = ['ready', 'track', 'rerank', 'rank', 'forget', 'profile', 'export', 'close', 'setConsent', 'rerankElement', 'experiment'] as const;

export const SNIPPET =
  `!function(w,d,src,o){var h=w.Hearth=w.Hearth||[];if(h.loaded||h.snippet)return;h.snippet=1;h.options=o;` +
  `${JSON.stringify(SNIPPET_METHODS)}.forEach(function(m){h[m]=function(){var a=[].slice.call(arguments);` +
  `return new Promise(function(r){h.push([m,a,r])})}});var s=d.createElement("script");s.async=!0;s.src=src;` +
  `(d.head||d.documentElement).appendChild(s)}(window,document,`;
