/**
 * The data dir's PKI: a cluster CA and a serving certificate for the API server
 * (SANs for the listen address, localhost, 127.0.0.1 and kubernetes.default names),
 * created on first start and kept, so kubeconfigs stay valid across restarts.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import forge from 'node-forge';

/** PEM material of the server. */
export interface Pki {
  caCert: string;
  caKey: string;
  serverCert: string;
  serverKey: string;
}

/** Loads the PKI from `dir/pki`, creating what is missing; the serving cert is re-issued when its SANs change. */
export function ensurePki(dir: string, hosts: string[]): Pki {
  const pkiDir = join(dir, 'pki');
  mkdirSync(pkiDir, { recursive: true, mode: 0o700 });
  const f = (n: string) => join(pkiDir, n);
  let caCert: string;
  let caKey: string;
  if (existsSync(f('ca.crt')) && existsSync(f('ca.key'))) {
    caCert = readFileSync(f('ca.crt'), 'utf8');
    caKey = readFileSync(f('ca.key'), 'utf8');
  } else {
    ({ cert: caCert, key: caKey } = issue({ cn: 'ove-ca', ca: true, days: 3650 }));
    writeFileSync(f('ca.key'), caKey, { mode: 0o600 });
    writeFileSync(f('ca.crt'), caCert);
  }
  const sansFile = f('apiserver.sans');
  const wanted = [...new Set(hosts)].sort().join(',');
  if (!existsSync(f('apiserver.crt')) || !existsSync(sansFile) || readFileSync(sansFile, 'utf8') !== wanted) {
    const { cert, key } = issue({ cn: 'kube-apiserver', hosts: wanted.split(','), days: 365, issuer: { cert: caCert, key: caKey } });
    writeFileSync(f('apiserver.key'), key, { mode: 0o600 });
    writeFileSync(f('apiserver.crt'), cert);
    writeFileSync(sansFile, wanted);
  }
  return { caCert, caKey, serverCert: readFileSync(f('apiserver.crt'), 'utf8'), serverKey: readFileSync(f('apiserver.key'), 'utf8') };
}

interface IssueOptions {
  cn: string;
  ca?: boolean;
  hosts?: string[];
  days: number;
  issuer?: { cert: string; key: string };
}

function issue(o: IssueOptions): { cert: string; key: string } {
  // Node's native key generation; forge's pure-JS RSA takes seconds per key.
  const pair = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs1', format: 'pem' } });
  const keys = { publicKey: forge.pki.publicKeyFromPem(pair.publicKey), privateKey: forge.pki.privateKeyFromPem(pair.privateKey) };
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = '01' + randomBytes(8).toString('hex');
  cert.validity.notBefore = new Date(Date.now() - 60_000);
  cert.validity.notAfter = new Date(Date.now() + o.days * 86_400_000);
  cert.setSubject([{ name: 'commonName', value: o.cn }]);
  const issuerCert = o.issuer ? forge.pki.certificateFromPem(o.issuer.cert) : cert;
  cert.setIssuer(issuerCert.subject.attributes);
  const ext: object[] = [
    { name: 'basicConstraints', cA: !!o.ca, critical: true },
    { name: 'keyUsage', critical: true, keyCertSign: !!o.ca, cRLSign: !!o.ca, digitalSignature: true, keyEncipherment: !o.ca },
  ];
  if (!o.ca) {
    ext.push({ name: 'extKeyUsage', serverAuth: true });
    ext.push({ name: 'subjectAltName', altNames: (o.hosts ?? []).map((h) => (/^[\d.]+$|:/.test(h) ? { type: 7, ip: h } : { type: 2, value: h })) });
  }
  cert.setExtensions(ext);
  const signer = o.issuer ? forge.pki.privateKeyFromPem(o.issuer.key) : keys.privateKey;
  cert.sign(signer, forge.md.sha256.create());
  // forge writes PEM with CRLF; kube tooling (and the kube-root-ca.crt ConfigMap) uses LF.
  const lf = (pem: string) => pem.replace(/\r\n/g, '\n');
  return { cert: lf(forge.pki.certificateToPem(cert)), key: lf(forge.pki.privateKeyToPem(keys.privateKey)) };
}
