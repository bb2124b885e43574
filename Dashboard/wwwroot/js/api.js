// Data requests: every one carries the admin key the operator entered, kept for this tab only.
const KEY = 'dashboard.apiKey';

export class AccessError extends Error {}

export function storedKey() {
  return sessionStorage.getItem(KEY);
}

export function storeKey(key) {
  if (key) sessionStorage.setItem(KEY, key);
  else sessionStorage.removeItem(KEY);
}

function headers() {
  const key = storedKey();
  return key ? { 'X-Api-Key': key, Accept: 'application/json' } : { Accept: 'application/json' };
}

/** Asks whether the data may be read with the stored key; never answers with an error status. */
export async function access() {
  const response = await fetch('api/access', { headers: headers(), cache: 'no-store' });
  return response.json();
}

/** GETs a JSON body; a problem answer becomes an Error with its detail. */
export async function get(path) {
  const response = await fetch(`api/${path}`, { headers: headers(), cache: 'no-store' });
  if (response.status === 401 || response.status === 403) throw new AccessError(await detail(response));
  if (!response.ok) throw new Error(await detail(response));
  return response.json();
}

/** Lets the Orleans Dashboard's page, which cannot send the key header, in with the stored key. */
export async function openSession() {
  await fetch('api/session', { method: 'POST', headers: headers(), cache: 'no-store' });
}

async function detail(response) {
  try {
    const problem = await response.json();
    return problem.detail || problem.title || `HTTP ${response.status}`;
  } catch {
    return `HTTP ${response.status}`;
  }
}
