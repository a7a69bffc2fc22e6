// The interactive API reference at /docs (issue 14): Scalar renders each document the page lists; a developer
// obtains a client-credentials token here (or in Scalar's own authentication panel, which posts to the same
// token URL), and every "Test Request" is sent with it against this gateway. A State node's document is not
// served to strangers, so it is fetched with the State's token once one is obtained.
const links = [...document.querySelectorAll('a.api-document')].map(a => ({ title: a.dataset.title, slug: a.dataset.slug, url: a.href }));
const status = document.getElementById('token-status');
let reference = null;
let auth = null;

function render(extra) {
  const sources = [...links, ...extra];
  const configuration = {
    sources,
    servers: [{ url: window.location.origin, description: 'This gateway' }],
    hideClientButton: true,
    withDefaultFonts: false, // Scalar's fonts come from its CDN; the page loads nothing from elsewhere
    authentication: {
      preferredSecurityScheme: 'oauth2',
      securitySchemes: auth ? { oauth2: { flows: { clientCredentials: {
        token: auth.token, 'x-scalar-client-id': auth.clientId, clientSecret: auth.clientSecret } } } } : {},
    },
  };
  if (reference && typeof reference.destroy === 'function') reference.destroy();
  document.getElementById('app').innerHTML = '';
  reference = window.Scalar.createApiReference('#app', configuration);
}

function scopesOf(token) {
  const payload = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
  return String(payload.scope || '').split(' ').filter(s => s);
}

document.getElementById('get-token').addEventListener('click', async () => {
  const clientId = document.getElementById('client-id').value.trim();
  const clientSecret = document.getElementById('client-secret').value;
  status.textContent = 'Asking /connect/token …';
  const answer = await fetch('/connect/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }),
  });
  const body = await answer.json().catch(() => ({}));
  if (!answer.ok || !body.access_token) {
    status.textContent = `Refused: ${body.error || answer.status}`;
    return;
  }
  auth = { token: body.access_token, clientId, clientSecret };
  window.partnerToken = body.access_token;
  const scopes = scopesOf(body.access_token);
  // The State node's own document, for a State's token only.
  const extra = [];
  for (const code of scopes.filter(s => s.startsWith('state:')).map(s => s.slice('state:'.length))) {
    const doc = await fetch(`/docs/states/${code}/openapi.json`, { headers: { Authorization: `Bearer ${body.access_token}` } });
    if (doc.ok) extra.push({ title: `State Party node (${code})`, slug: `state-${code.toLowerCase()}`, content: await doc.text() });
  }
  render(extra);
  status.textContent = `Token for ${clientId} (scopes: ${scopes.join(' ')}), valid ${body.expires_in} s: every Test Request sends it.`;
  status.dataset.ready = 'true';
});

render([]);
