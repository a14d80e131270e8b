import { describe, it, expect } from 'vitest';
import { authorizationResources } from './index.js';

const [ssar, , sar, lsar] = authorizationResources;
const msgs = (c: { field: string; message: string }[]) => c.map((x) => `${x.field}: ${x.message}`);

describe('access reviews', () => {
  it('are create-only', () => {
    expect(authorizationResources.map((d) => d.verbs)).toEqual([['create'], ['create'], ['create'], ['create']]);
  });
  it('need exactly one of resource and non-resource attributes', () => {
    expect(msgs(ssar.validate!({ apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectAccessReview', metadata: {}, spec: {} }, { operation: 'CREATE' }))).toEqual([
      'spec.resourceAttributes: Invalid value: null: exactly one of nonResourceAttributes or resourceAttributes must be specified',
    ]);
  });
  it('need a user or group, and a matching namespace for local reviews', () => {
    expect(msgs(sar.validate!({ apiVersion: 'authorization.k8s.io/v1', kind: 'SubjectAccessReview', metadata: {}, spec: { resourceAttributes: { verb: 'get' } } }, { operation: 'CREATE' }))).toEqual([
      'spec.user: Invalid value: "": at least one of user or group must be specified',
    ]);
    expect(msgs(lsar.validate!({ apiVersion: 'authorization.k8s.io/v1', kind: 'LocalSubjectAccessReview', metadata: { namespace: 'a' }, spec: { user: 'u', resourceAttributes: { namespace: 'b' } } }, { operation: 'CREATE' }))).toEqual([
      'spec.resourceAttributes.namespace: Invalid value: "b": must match metadata.namespace',
    ]);
  });
});
