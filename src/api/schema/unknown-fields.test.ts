import { describe, expect, it } from 'vitest';
import { StatusError } from '../errors.js';
import type { JSONSchema } from '../types.js';
import { fieldValidationOutcome, parseFieldValidation, strictDecodingError } from './field-validation.js';
import { SchemaRegistry } from './resolver.js';
import { findUnknownFields } from './unknown-fields.js';

const registry = new SchemaRegistry();

// A cut-down KubeVirt VirtualMachine schema: features.hyperv declares synictimer, not stimer.
const vm: JSONSchema = {
  type: 'object',
  properties: {
    apiVersion: { type: 'string' },
    kind: { type: 'string' },
    metadata: { type: 'object' },
    spec: {
      type: 'object',
      properties: {
        running: { type: 'boolean' },
        template: {
          type: 'object',
          properties: {
            metadata: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
            spec: {
              type: 'object',
              properties: {
                domain: {
                  type: 'object',
                  properties: {
                    features: { type: 'object', properties: { hyperv: { type: 'object', properties: { synictimer: { type: 'object', properties: { enabled: { type: 'boolean' } } } } } } },
                    devices: { type: 'object', properties: { disks: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' } } } } } },
                  },
                },
              },
            },
          },
        },
        dataVolumeTemplates: {
          type: 'array',
          items: { type: 'object', 'x-kubernetes-embedded-resource': true, properties: { spec: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } } },
        },
      },
    },
    status: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
  },
};

function vmWith(extra: Record<string, unknown>): Record<string, unknown> {
  return {
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachine',
    metadata: { name: 'test-win-01', namespace: 'vms' },
    spec: { running: true, template: { spec: { domain: { features: { hyperv: { stimer: {} } }, devices: { disks: [{ name: 'root' }] } } } }, ...extra },
  };
}

describe('findUnknownFields()', () => {
  it('finds the story\'s hyperv.stimer', () => {
    expect(findUnknownFields(vmWith({}), vm, registry)).toEqual(['spec.template.spec.domain.features.hyperv.stimer']);
  });

  it('lists root metadata first, then pruned paths sorted, then embedded metadata (customresource_handler.go apply)', () => {
    const obj = vmWith({ zeta: 1, alpha: { x: 1 }, dataVolumeTemplates: [{ apiVersion: 'cdi.kubevirt.io/v1beta1', kind: 'DataVolume', metadata: { name: 'dv', bogus: 1 }, spec: { any: 'thing' }, extra: true }] });
    (obj.metadata as Record<string, unknown>).colour = 'blue';
    (obj.spec as { template: { spec: { domain: { devices: { disks: unknown[] } } } } }).template.spec.domain.devices.disks.push({ name: 'b', bus: 'virtio' });
    expect(findUnknownFields(obj, vm, registry)).toEqual([
      'metadata.colour',
      'spec.alpha',
      'spec.dataVolumeTemplates[0].extra',
      'spec.template.spec.domain.devices.disks[1].bus',
      'spec.template.spec.domain.features.hyperv.stimer',
      'spec.zeta',
      'spec.dataVolumeTemplates[0].metadata.bogus',
    ]);
  });

  it('keeps everything under x-kubernetes-preserve-unknown-fields and in additionalProperties maps', () => {
    const schema = { type: 'object', properties: { status: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true, properties: { phase: { type: 'object', properties: { a: { type: 'string' } } } } }, labels: { type: 'object', additionalProperties: { type: 'string' } } } };
    const obj = { status: { anything: { deep: 1 }, phase: { a: 'x', b: 'y' } }, labels: { x: 'y' } };
    expect(findUnknownFields(obj, schema, registry)).toEqual(['status.phase.b']);
  });

  it('reports in document order for built-in kinds, metadata included', () => {
    const reg = new SchemaRegistry().add('io.k8s.api.core.v1.ConfigMap', { type: 'object', properties: { data: { type: 'object', additionalProperties: { type: 'string' } } } });
    const obj = { apiVersion: 'v1', kind: 'ConfigMap', zzz: 1, metadata: { name: 'a', foo: 1 }, aaa: 2 };
    expect(findUnknownFields(obj, { $ref: '#/components/schemas/io.k8s.api.core.v1.ConfigMap' }, reg, { builtin: true })).toEqual(['zzz', 'metadata.foo', 'aaa']);
  });

  it('does not modify the object', () => {
    const obj = vmWith({});
    const before = JSON.stringify(obj);
    findUnknownFields(obj, vm, registry);
    expect(JSON.stringify(obj)).toBe(before);
  });
});

describe('fieldValidation', () => {
  const unknown = ['spec.template.spec.domain.features.hyperv.stimer'];

  it('Strict: 400 naming the kind, as create/update report it (rest.go transformDecodeError, runtime/error.go)', () => {
    try {
      fieldValidationOutcome(unknown, 'Strict', { kind: 'VirtualMachine', version: 'v1' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(StatusError);
      const s = (err as StatusError).toStatus();
      expect(s.code).toBe(400);
      expect(s.reason).toBe('BadRequest');
      expect(s.message).toBe('VirtualMachine in version "v1" cannot be handled as a VirtualMachine: strict decoding error: unknown field "spec.template.spec.domain.features.hyperv.stimer"');
    }
  });

  it('Strict: several fields joined with ", "; patches carry no kind prefix (patch.go)', () => {
    expect(strictDecodingError(['spec.a', 'spec.b']).message).toBe('strict decoding error: unknown field "spec.a", unknown field "spec.b"');
  });

  it('Warn: one warning per field; Ignore: none', () => {
    expect(fieldValidationOutcome(['spec.a', 'spec.b'], 'Warn')).toEqual(['unknown field "spec.a"', 'unknown field "spec.b"']);
    expect(fieldValidationOutcome(['spec.a'], 'Ignore')).toEqual([]);
    expect(fieldValidationOutcome([], 'Strict')).toEqual([]);
  });

  it('defaults to Warn and rejects unknown directives as 422 on the options kind (ValidateFieldValidation)', () => {
    expect(parseFieldValidation(undefined, 'CreateOptions')).toBe('Warn');
    expect(parseFieldValidation('Strict', 'PatchOptions')).toBe('Strict');
    try {
      parseFieldValidation('strict', 'CreateOptions');
      expect.unreachable();
    } catch (err) {
      const s = (err as StatusError).toStatus();
      expect(s.code).toBe(422);
      expect(s.message).toBe('CreateOptions.meta.k8s.io "" is invalid: fieldValidation: Unsupported value: "strict": supported values: "", "Ignore", "Strict", "Warn"');
    }
  });
});
