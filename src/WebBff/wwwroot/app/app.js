// The demo browser app of the web BFF in session mode. Every call carries the CSRF header; the session cookie is
// sent by the browser and is invisible here (HttpOnly).
const csrf = { 'X-CSRF': '1' };
const show = (id, visible) => { document.getElementById(id).hidden = !visible; };
const text = (id, value) => { document.getElementById(id).textContent = value; };

async function main() {
  const user = await fetch('/bff/user', { headers: csrf });
  if (user.status === 401) {
    show('signed-out', true);
    return;
  }
  if (!user.ok) {
    text('error', `Could not read the session (${user.status}).`);
    return;
  }
  const me = await user.json();
  const claim = type => (me.claims.find(c => c.type === type) || {}).value;
  text('user', claim('name') || claim('sub'));
  document.getElementById('logout').href = me.logoutUrl + '&returnUrl=/app/';
  show('signed-in', true);

  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { ...csrf, 'Content-Type': 'application/json', 'Accept': 'application/graphql-response+json' },
    body: JSON.stringify({ query: '{ myProposals(first: 5) { totalCount nodes { id status estimatedDays } } }' }),
  });
  const result = await response.json();
  if (!response.ok || result.errors) {
    text('error', `GraphQL: ${response.status} ${JSON.stringify(result.errors || [])}`);
    return;
  }
  text('count', result.data.myProposals.totalCount);
  const list = document.getElementById('proposals');
  for (const p of result.data.myProposals.nodes) {
    const item = document.createElement('li');
    item.textContent = `${p.id}: ${p.status}, ${p.estimatedDays} days`;
    list.appendChild(item);
  }
}

main().catch(e => text('error', String(e)));
