import { describe, it, expect } from 'vitest';
import { compileJsonPath, evaluate } from './jsonpath.js';

const vm = {
  status: { printableStatus: 'Running', conditions: [{ type: 'Paused', status: 'False' }, { type: 'Ready', status: 'True' }] },
  spec: { template: { spec: { domain: { devices: { disks: [{ name: 'root' }, { name: 'cloudinit' }] } } } } },
  metadata: { annotations: { 'kubevirt.io/latest-observed-api-version': 'v1' } },
};

describe('jsonpath', () => {
  it.each([
    ['.status.printableStatus', ['Running']],
    [".status.conditions[?(@.type=='Ready')].status", ['True']],
    ['.status.conditions[?(@.type=="Paused")].status', ['False']],
    ['.spec.template.spec.domain.devices.disks[*].name', ['root', 'cloudinit']],
    ['.spec.template.spec.domain.devices.disks[-1].name', ['cloudinit']],
    [".metadata.annotations['kubevirt.io/latest-observed-api-version']", ['v1']],
    ['.status.missing', []],
    ['{.status.conditions[0].type}', ['Paused']],
  ])('%s', (path, want) => {
    expect(evaluate(compileJsonPath(path), vm)).toEqual(want);
  });

  it('rejects an unclosed bracket', () => {
    expect(() => compileJsonPath('.a[0')).toThrow(/unclosed/);
  });
});
