import { describe, it, expect } from 'vitest';
import { notFound, StatusError } from '../../api/errors.js';
import { CliError } from './cli-error.js';
import { errorMessage, withSource } from './error-message.js';

describe('errorMessage()', () => {
  it('prints a server Status as kubectl does', () => {
    expect(errorMessage(notFound('kubevirt.io', 'virtualmachines', 'x'))).toBe('Error from server (NotFound): virtualmachines.kubevirt.io "x" not found');
    expect(errorMessage(new StatusError('TooManyRequests', 'Cannot evict pod'))).toBe('Error from server (TooManyRequests): Cannot evict pod');
  });

  it('prints Invalid with the kind, the name and one line per cause', () => {
    const one = new StatusError('Invalid', 'x', { kind: 'VirtualMachine', name: 'vm', causes: [{ reason: 'FieldValueInvalid', field: 'spec.running', message: 'bad' }] });
    expect(errorMessage(one)).toBe('The VirtualMachine "vm" is invalid: spec.running: bad');
    const two = new StatusError('Invalid', 'x', {
      kind: 'Pod',
      name: 'p',
      causes: [
        { reason: 'FieldValueRequired', field: 'spec.containers', message: 'Required value' },
        { reason: 'FieldValueInvalid', field: 'metadata.name', message: 'bad' },
      ],
    });
    expect(errorMessage(two)).toBe('The Pod "p" is invalid: \n* spec.containers: Required value\n* metadata.name: bad');
  });

  it('passes CLI errors through and prefixes others with error:', () => {
    expect(errorMessage(new CliError('error: the path "x.yaml" does not exist'))).toBe('error: the path "x.yaml" does not exist');
    expect(errorMessage(new Error('boom'))).toBe('error: boom');
  });

  it('withSource() names the file, as kubectl AddSourceToErr does', () => {
    const e = withSource(notFound('', 'namespaces', 'nope'), 'creating', 'vm.yaml');
    expect(errorMessage(e)).toBe('Error from server (NotFound): error when creating "vm.yaml": namespaces "nope" not found');
  });
});
