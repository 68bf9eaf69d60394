// The harness's stand-in for VS Code: acquireVsCodeApi records what the page posts, the
// theme class comes from the address (?theme=light|dark|hc), and CSP violations are counted
// (the harness has the panel's policy, so an inline style would show up here).
/* global window, document, location, requestAnimationFrame, MutationObserver */
(function () {
  const params = new URLSearchParams(location.search);
  const theme = params.get('theme') || 'light';
  document.body.classList.add(theme === 'hc' ? 'vscode-high-contrast' : theme === 'dark' ? 'vscode-dark' : 'vscode-light');
  const posted = [];
  let state = undefined;
  const violations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    violations.push(`${e.violatedDirective}: ${e.blockedURI || e.sample || ''}`);
  });
  /** Resolves once the page's render counter passes `before` and a frame has painted. */
  const afterRender = (before) =>
    new Promise((resolve) => {
      const rendered = () => Number(document.body.dataset.renders || 0) > before;
      const done = () => requestAnimationFrame(() => setTimeout(resolve, 0));
      if (rendered()) return done();
      const observer = new MutationObserver(() => {
        if (rendered()) {
          observer.disconnect();
          done();
        }
      });
      observer.observe(document.body, { attributes: true });
    });
  window.__bench = { posted, violations, afterRender, state: () => state };
  window.acquireVsCodeApi = () => ({
    postMessage: (message) => {
      posted.push(message);
    },
    getState: () => state,
    setState: (s) => {
      state = s;
    },
  });
})();
