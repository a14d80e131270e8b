/**
 * Who may do what, and bad input, through the real kubectl (and raw requests where kubectl
 * would refuse to send them): auth can-i, ServiceAccount tokens with a Role, 401, 403,
 * malformed bodies, wrong kinds, invalid names, oversize bodies, stale resourceVersions.
 * Each refused request leaves the server up and nothing stored changed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOve, type OveProcess } from './support/ove-process.js';

let ove: OveProcess;
let botToken = '';

beforeAll(async () => {
  ove = await startOve();
  await ove.kubectl(['create', 'ns', 'au']);
  const setup = `
apiVersion: v1
kind: ServiceAccount
metadata: {name: bot, namespace: au}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: cm-reader, namespace: au}
rules:
- {apiGroups: [""], resources: [configmaps], verbs: [get, list, watch]}
- {apiGroups: [kubevirt.io], resources: [virtualmachines], verbs: [get]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: bot-reads, namespace: au}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: cm-reader}
subjects: [{kind: ServiceAccount, name: bot, namespace: au}]
`;
  expect((await ove.kubectl(['apply', '-f', '-'], { input: setup })).stderr).toBe('');
  const token = await ove.kubectl(['create', 'token', 'bot', '-n', 'au', '--duration=10m']);
  expect(token.stderr).toBe('');
  botToken = token.stdout.trim();
});

afterAll(async () => {
  await ove?.stop();
});

const asBot = (args: string[]) => ove.kubectl([...args, `--token=${botToken}`]);

describe('kubectl auth can-i', () => {
  it('the admin may do anything', async () => {
    expect(await ove.kubectl(['auth', 'can-i', 'create', 'vm', '-n', 'au'])).toMatchObject({ code: 0, stdout: 'yes\n' });
    expect((await ove.kubectl(['auth', 'can-i', '*', '*', '--all-namespaces'])).stdout).toBe('yes\n');
    const list = await ove.kubectl(['auth', 'can-i', '--list']);
    expect(list.stdout).toMatch(/^Resources\s+Non-Resource URLs\s+Resource Names\s+Verbs\n\*\.\*\s+\[\]\s+\[\]\s+\[\*\]\n/);
  });

  it('a ServiceAccount token gets what its Role grants, and no more', async () => {
    expect(await asBot(['auth', 'can-i', 'list', 'configmaps', '-n', 'au'])).toMatchObject({ code: 0, stdout: 'yes\n' });
    expect(await asBot(['auth', 'can-i', 'get', 'vm', '-n', 'au'])).toMatchObject({ code: 0, stdout: 'yes\n' });
    expect(await asBot(['auth', 'can-i', 'delete', 'configmaps', '-n', 'au'])).toMatchObject({ code: 1, stdout: 'no\n' });
    expect(await asBot(['auth', 'can-i', 'list', 'configmaps', '-n', 'default'])).toMatchObject({ code: 1, stdout: 'no\n' });
    const list = await asBot(['auth', 'can-i', '--list', '-n', 'au']);
    expect(list.stdout).toMatch(/^configmaps\s+\[\]\s+\[\]\s+\[get list watch\]$/m);
    expect(list.stdout).toMatch(/^virtualmachines\.kubevirt\.io\s+\[\]\s+\[\]\s+\[get\]$/m);
    expect(list.stdout).not.toContain('*.*');
    const whoami = await asBot(['auth', 'whoami', '-o', 'jsonpath={.status.userInfo.username}']);
    expect(whoami.stdout).toBe('system:serviceaccount:au:bot');
  });

  it('reads what the Role allows and is Forbidden otherwise', async () => {
    await ove.kubectl(['create', 'cm', 'visible', '-n', 'au']);
    expect((await asBot(['get', 'cm', 'visible', '-n', 'au', '-o', 'name'])).stdout).toBe('configmap/visible\n');
    const secrets = await asBot(['get', 'secrets', '-n', 'au']);
    expect(secrets.code).toBe(1);
    expect(secrets.stderr).toBe('Error from server (Forbidden): secrets is forbidden: User "system:serviceaccount:au:bot" cannot list resource "secrets" in API group "" in the namespace "au"\n');
    const del = await asBot(['delete', 'cm', 'visible', '-n', 'au']);
    expect(del.stderr).toBe('Error from server (Forbidden): configmaps "visible" is forbidden: User "system:serviceaccount:au:bot" cannot delete resource "configmaps" in API group "" in the namespace "au"\n');
    expect((await ove.kubectl(['get', 'cm', 'visible', '-n', 'au', '-o', 'name'])).stdout).toBe('configmap/visible\n');
  });

  it('--as impersonates: the admin acts as the user, who may not impersonate in turn', async () => {
    // kubectl --as sends Impersonate-User; the request is then authorized as that user.
    expect(await ove.kubectl(['auth', 'can-i', 'list', 'configmaps', '-n', 'au', '--as', 'bob'])).toMatchObject({ code: 1, stdout: 'no\n' });
    expect(await ove.kubectl(['auth', 'can-i', 'list', 'configmaps', '-n', 'au', '--as', 'system:serviceaccount:au:bot'])).toMatchObject({ code: 0, stdout: 'yes\n' });
    const who = await ove.kubectl(['auth', 'whoami', '--as', 'system:serviceaccount:au:bot', '-o', 'jsonpath={.status.userInfo.groups}']);
    expect(JSON.parse(who.stdout)).toEqual(['system:serviceaccounts', 'system:serviceaccounts:au', 'system:authenticated']);
    const bob = await ove.kubectl(['get', 'cm', '-n', 'au', '--as', 'bob', '--as-group', 'devs']);
    expect(bob.stderr).toBe('Error from server (Forbidden): configmaps is forbidden: User "bob" cannot list resource "configmaps" in API group "" in the namespace "au"\n');
    const relay = await asBot(['get', 'cm', '-n', 'au', '--as', 'alice']);
    expect(relay.stderr).toBe('Error from server (Forbidden): users "alice" is forbidden: User "system:serviceaccount:au:bot" cannot impersonate resource "users" in API group "" at the cluster scope\n');
    const groupOnly = await ove.api('GET', '/api/v1/namespaces/au/configmaps', { headers: { 'Impersonate-Group': 'devs' } });
    expect(groupOnly.status).toBe(500);
    expect(groupOnly.json()).toMatchObject({ reason: 'InternalError', message: 'Internal error occurred: requested [{Group devs}] without impersonating a user' });
  });

  it('a bad token is Unauthorized; no token at all too', async () => {
    const r = await ove.kubectl(['get', 'cm', '-n', 'au', '--token=not-a-token']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('error: You must be logged in to the server (Unauthorized)\n');
    const raw = await ove.api('GET', '/api/v1/namespaces/au/configmaps', { token: null });
    expect(raw.status).toBe(401);
    expect(raw.json()).toMatchObject({ kind: 'Status', reason: 'Unauthorized', message: 'Unauthorized', code: 401 });
  });
});

describe('bad input', () => {
  it('malformed YAML is refused by kubectl, malformed JSON by the server (400)', async () => {
    const yaml = await ove.kubectl(['apply', '-f', '-'], { input: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [oops\n' });
    expect(yaml.code).toBe(1);
    expect(yaml.stderr).toMatch(/^error: error parsing STDIN: error converting YAML to JSON: yaml: line \d+: /);
    const raw = await ove.api('POST', '/api/v1/namespaces/au/configmaps', { body: '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":' });
    expect(raw.status).toBe(400);
    expect(raw.json()).toMatchObject({ kind: 'Status', reason: 'BadRequest', code: 400 });
  });

  it('a kind the server does not serve, and a body of the wrong kind', async () => {
    // Without --validate=false kubectl first looks the kind up in /openapi/v2, which ove does not serve (issue 2).
    const r = await ove.kubectl(['apply', '--validate=false', '-f', '-'], { input: 'apiVersion: v1\nkind: Widget\nmetadata: {name: w, namespace: au}\n' });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('error: resource mapping not found for name: "w" namespace: "au" from "STDIN": no matches for kind "Widget" in version "v1"\nensure CRDs are installed first\n');
    const raw = await ove.api('POST', '/api/v1/namespaces/au/secrets', { body: JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } }) });
    expect(raw.status).toBe(400);
    expect(raw.json().reason).toBe('BadRequest');
    expect((await ove.kubectl(['get', 'secret', 'x', '-n', 'au'])).stderr).toBe('Error from server (NotFound): secrets "x" not found\n');
  });

  it('an invalid name is Invalid (422) with the validation message', async () => {
    const r = await ove.kubectl(['create', 'cm', 'Bad_Name', '-n', 'au']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'error: failed to create configmap: ConfigMap "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, \'-\' or \'.\', and must start and end with an alphanumeric character (e.g. \'example.com\', regex used for validation is \'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\')\n',
    );
  });

  it('a 4 MiB body is RequestEntityTooLarge (413)', async () => {
    const big = 'a'.repeat(4 * 1024 * 1024);
    const body = JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'big', namespace: 'au' }, data: { big } });
    const r = await ove.kubectl(['create', '-f', '-'], { input: body });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('Error from server (RequestEntityTooLarge): error when creating "STDIN": Request entity too large: limit is 3145728\n');
    const raw = await ove.api('POST', '/api/v1/namespaces/au/configmaps', { body });
    expect(raw.status).toBe(413);
    expect(raw.json()).toMatchObject({ reason: 'RequestEntityTooLarge', code: 413 });
    // The server is still up and stored nothing.
    expect((await ove.kubectl(['get', 'cm', 'big', '-n', 'au'])).stderr).toBe('Error from server (NotFound): configmaps "big" not found\n');
  });

  it('replace with a stale resourceVersion is a Conflict (409)', async () => {
    await ove.kubectl(['create', 'cm', 'raced', '-n', 'au', '--from-literal=v=1']);
    const stale = (await ove.kubectl(['get', 'cm', 'raced', '-n', 'au', '-o', 'yaml'])).stdout;
    await ove.kubectl(['label', 'cm', 'raced', '-n', 'au', 'moved=on']);
    const r = await ove.kubectl(['replace', '-f', '-'], { input: stale.replace('v: "1"', 'v: "2"') });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'Error from server (Conflict): error when replacing "STDIN": Operation cannot be fulfilled on configmaps "raced": the object has been modified; please apply your changes to the latest version and try again\n',
    );
    expect((await ove.kubectl(['get', 'cm', 'raced', '-n', 'au', '-o', 'jsonpath={.data.v}'])).stdout).toBe('1');
  });
});
