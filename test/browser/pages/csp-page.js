import * as H from '/dist/index.js';
window.H = H;
window.cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
window.pageReady = true;
