// The shop's script tag, added by script so a test can set its attributes in the URL's hash
// (e.g. #experiment=exp-1&holdout=0.5 or #worker-url=…), as a shop would write them in HTML.
const tag = document.createElement('script');
tag.src = '/dist/hearth.iife.js';
tag.setAttribute('data-track', 'off');
tag.setAttribute('data-rerank-timeout-ms', '30000');
for (const [k, v] of new URLSearchParams(location.hash.slice(1))) tag.setAttribute('data-' + k, v);
document.body.appendChild(tag);
window.pageReady = true;
