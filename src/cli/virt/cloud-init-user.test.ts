import { describe, it, expect } from 'vitest';
import { cloudInitSources, cloudInitUsers, userDataText } from './cloud-init-user.js';
import { formatSshInfo } from './ssh-info.js';

describe('cloud-init users', () => {
  it('reads user:, users: and skips default', () => {
    expect(cloudInitUsers('#cloud-config\nhostname: a\nuser: marco\n')).toEqual(['marco']);
    expect(cloudInitUsers('#cloud-config\nuser: {name: ops}\nusers: [default, {name: ansible}, ops]\n')).toEqual(['ops', 'ansible']);
    expect(cloudInitUsers('#cloud-config\nusers: [default]\n')).toBeUndefined();
    expect(cloudInitUsers('#!/bin/sh\necho hi\n')).toBeUndefined();
    expect(cloudInitUsers('#cloud-config\nuser: [unclosed\n')).toBeUndefined();
  });

  it('takes user data inline, base64 or from the Secret\'s userdata key', () => {
    expect(userDataText({ userData: 'x' })).toBe('x');
    expect(userDataText({ userDataBase64: Buffer.from('y').toString('base64') })).toBe('y');
    expect(userDataText({ userDataSecretRef: { name: 's' } }, { userdata: Buffer.from('z').toString('base64') })).toBe('z');
    expect(userDataText({ userDataSecretRef: { name: 's' } }, undefined)).toBeUndefined();
    expect(cloudInitSources({ volumes: [{ cloudInitNoCloud: { userData: 'a' } }, {}, { cloudInitConfigDrive: { userData: 'b' } }] })).toEqual([{ userData: 'a' }, { userData: 'b' }]);
  });
});

describe('ssh-info text', () => {
  it('says where to ssh and that ove does not open the session', () => {
    const text = formatSshInfo({ name: 'test-linux-01', namespace: 'sandbox', phase: 'Running', node: 'worker-3', podIp: '10.128.2.47', users: ['marco'], services: [{ name: 'test-linux-01-ssh', type: 'NodePort', clusterIP: '172.30.4.5', port: 22, nodePort: 30022, external: [] }] });
    expect(text).toContain('VirtualMachineInstance sandbox/test-linux-01: Running on worker-3\n');
    expect(text).toContain('  service/test-linux-01-ssh: NodePort, cluster IP 172.30.4.5:22, node port 30022\n');
    expect(text).toContain('  user: marco (from cloud-init)\n');
    expect(text).toContain('From a host on the pod network: ssh marco@10.128.2.47\n');
    expect(text).toContain('Through service/test-linux-01-ssh: ssh -p 30022 marco@<any node address>\n');
    expect(text).toContain('ove does not open the SSH session: virtctl ssh marco@vmi/test-linux-01 -n sandbox');
  });

  it('says when nothing is reachable yet', () => {
    const text = formatSshInfo({ name: 'v', namespace: 'n', phase: '', services: [] });
    expect(text).toContain('pod network address: none reported yet');
    expect(text).toContain('services: none forwards port 22');
    expect(text).toContain("user: not set by cloud-init (the image's default user)");
  });
});
