// A minimal OpenID Connect provider for the pages' sign-in test: discovery, authorization code with PKCE (S256
// only: a request without a challenge is refused), and a token endpoint that checks the code verifier. Access tokens are
// signed with the suite's dev key, as the deployer's provider signs them with the key the services trust.
// Usage: node fake-idp.mjs <port> <private-key.pem> <user> <role>. GET /log tells the test what happened.
import { createServer } from 'node:http';
import { createHash, createPrivateKey, createPublicKey, randomBytes, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';

const [port, keyFile, user, role] = process.argv.slice(2);
const key = createPrivateKey(readFileSync(keyFile));
const jwk = { ...createPublicKey(key).export({ format: 'jwk' }), kid: 'dev', use: 'sig', alg: 'RS256' };
const issuer = `http://localhost:${port}`;
const codes = new Map();
const log = [];
const b64url = buf => Buffer.from(buf).toString('base64url');
const jwt = claims => {
  const head = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: 'dev' }));
  const body = b64url(JSON.stringify(claims));
  return `${head}.${body}.${b64url(sign('sha256', Buffer.from(`${head}.${body}`), key))}`;
};

createServer((req, res) => {
  const url = new URL(req.url, issuer);
  const send = (status, body, headers = {}) => {
    res.writeHead(status, { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': '*',
      'Content-Type': 'application/json', ...headers });
    res.end(typeof body === 'string' ? body : JSON.stringify(body));
  };
  if (req.method === 'OPTIONS') return send(204, '');
  if (url.pathname === '/.well-known/openid-configuration') {
    return send(200, { issuer, authorization_endpoint: `${issuer}/authorize`, token_endpoint: `${issuer}/token`,
      jwks_uri: `${issuer}/jwks`, response_types_supported: ['code'], subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256'], code_challenge_methods_supported: ['S256'] });
  }
  if (url.pathname === '/jwks') return send(200, { keys: [jwk] });
  if (url.pathname === '/log') return send(200, log);
  if (url.pathname === '/authorize') {
    const p = Object.fromEntries(url.searchParams);
    log.push({ step: 'authorize', responseType: p.response_type, clientId: p.client_id, redirectUri: p.redirect_uri,
      challengeMethod: p.code_challenge_method, hasChallenge: !!p.code_challenge, scope: p.scope });
    if (p.response_type !== 'code' || p.code_challenge_method !== 'S256' || !p.code_challenge) {
      return send(400, { error: 'invalid_request', error_description: 'authorization code with PKCE (S256) only' });
    }
    const code = b64url(randomBytes(16));
    codes.set(code, { challenge: p.code_challenge, redirectUri: p.redirect_uri, clientId: p.client_id, nonce: p.nonce });
    const back = new URL(p.redirect_uri);
    back.searchParams.set('code', code);
    back.searchParams.set('state', p.state);
    res.writeHead(302, { Location: back.toString() });
    return res.end();
  }
  if (url.pathname === '/token' && req.method === 'POST') {
    let raw = '';
    req.on('data', c => { raw += c; });
    req.on('end', () => {
      const p = Object.fromEntries(new URLSearchParams(raw));
      const grant = codes.get(p.code);
      codes.delete(p.code); // a code is good once
      const verified = !!grant && !!p.code_verifier
        && createHash('sha256').update(p.code_verifier).digest('base64url') === grant.challenge
        && p.redirect_uri === grant.redirectUri && p.client_id === grant.clientId;
      log.push({ step: 'token', grantType: p.grant_type, verifierVerified: verified, hasSecret: 'client_secret' in p });
      if (!verified) return send(400, { error: 'invalid_grant' });
      const now = Math.floor(Date.now() / 1000);
      return send(200, {
        token_type: 'Bearer', expires_in: 3600, scope: 'openid profile',
        access_token: jwt({ iss: 'https://contact-center.local', aud: 'contact-center', sub: user, upn: user,
          groups: [role], iat: now, exp: now + 3600, jti: b64url(randomBytes(8)) }),
        id_token: jwt({ iss: issuer, aud: grant.clientId, sub: user, preferred_username: user, iat: now, exp: now + 3600,
          ...(grant.nonce ? { nonce: grant.nonce } : {}) }),
      });
    });
    return;
  }
  send(404, { error: 'not_found' });
}).listen(Number(port), '127.0.0.1', () => console.log(`fake idp on ${issuer}`));
