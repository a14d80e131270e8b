import { describe, it, expect } from 'vitest';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UploadTokens } from './cdi-upload-token.js';

const T0 = Date.UTC(2026, 2, 20, 9, 0, 0);

describe('UploadTokens', () => {
  it('issues a token naming the claim, accepted for 5 minutes plus 10 s of leeway', () => {
    const t = new UploadTokens(randomBytes(32));
    const tok = t.issue('sandbox', 'rhel-upload', T0);
    const claims = JSON.parse(Buffer.from(tok.split('.')[1], 'base64url').toString());
    expect(claims).toMatchObject({ iss: 'cdi-apiserver', exp: T0 / 1000 + 300, operation: 'Upload', namespace: 'sandbox', name: 'rhel-upload', resource: { group: '', version: 'v1', resource: 'persistentvolumeclaims' } });
    expect(t.validate(tok, T0 + 310_000)).toEqual({ operation: 'Upload', name: 'rhel-upload', namespace: 'sandbox', resource: { group: '', version: 'v1', resource: 'persistentvolumeclaims' } });
    expect(t.validate(tok, T0 + 311_000)).toBeUndefined();
  });

  it('rejects a token signed with another key or altered', () => {
    const t = new UploadTokens(randomBytes(32));
    const tok = new UploadTokens(randomBytes(32)).issue('sandbox', 'd', T0);
    expect(t.validate(tok, T0)).toBeUndefined();
    const own = t.issue('sandbox', 'd', T0).split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(own[1], 'base64url').toString()), name: 'other' })).toString('base64url');
    expect(t.validate(`${own[0]}.${forged}.${own[2]}`, T0)).toBeUndefined();
    expect(t.validate('not-a-token', T0)).toBeUndefined();
  });

  it('keeps its key in the data dir, so tokens survive a restart', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ove-utr-'));
    try {
      const path = join(dir, 'pki', 'cdi-upload-token.key');
      const tok = UploadTokens.fromFile(path).issue('ns', 'd', T0);
      expect(statSync(path).mode & 0o777).toBe(0o600);
      expect(readFileSync(path, 'utf8')).toMatch(/^[0-9a-f]{64}$/);
      expect(UploadTokens.fromFile(path).validate(tok, T0)?.name).toBe('d');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
