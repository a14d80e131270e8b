import { describe, expect, it } from 'vitest';
import { StatusError } from '../errors.js';
import { admitThroughWebhook, webhookDenied } from './webhook-denial.js';

describe('webhookDenied', () => {
  it('is a 422 Invalid naming the webhook, with the causes and no kind or name', () => {
    const causes = [
      { reason: 'FieldValueInvalid' as const, field: 'a', message: 'a is bad' },
      { reason: 'FieldValueInvalid' as const, field: 'b', message: 'b is bad' },
    ];
    const s = webhookDenied('w.kubevirt.io', causes).toStatus();
    expect(s).toMatchObject({ code: 422, reason: 'Invalid', message: 'admission webhook "w.kubevirt.io" denied the request: a is bad, b is bad' });
    expect(s.details).toEqual({ causes });
  });
});

describe('admitThroughWebhook', () => {
  it('returns schema Required causes and throws the others as a denial', () => {
    const required = [{ reason: 'FieldValueRequired' as const, field: 'spec.template.spec.domain', message: 'Required value' }];
    expect(admitThroughWebhook('w', required)).toEqual(required);
    expect(admitThroughWebhook('w', [])).toEqual([]);
    const other = [{ reason: 'FieldValueInvalid' as const, field: 'spec.x', message: 'x' }];
    expect(() => admitThroughWebhook('w', other)).toThrow(StatusError);
    expect(() => admitThroughWebhook('w', other)).toThrow('admission webhook "w" denied the request: x');
  });
});
