// Loaded first on hostile pages: records what the browser reports about the page, so tests can
// tell CSP violations and uncaught errors apart from the shop's own behaviour.
window.hostile = { violations: [], errors: [] };
document.addEventListener('securitypolicyviolation', (e) => {
  window.hostile.violations.push({ directive: e.violatedDirective, blocked: e.blockedURI, source: e.sourceFile, sample: e.sample });
});
window.addEventListener('error', (e) => window.hostile.errors.push(String(e.message)));
