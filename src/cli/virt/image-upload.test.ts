import { describe, it, expect } from 'vitest';
import { uploadDataVolume } from './image-upload.js';
import { formatBytes, formatProgress, progressLine } from './upload-progress.js';
import { uploadUrl } from './upload-post.js';

describe('image-upload pieces', () => {
  it('renders the DataVolume virtctl creates from the flags', () => {
    expect(uploadDataVolume('sandbox', 'fedora', { size: '10Gi', storageClass: 'ceph-rbd-gold', accessMode: 'ReadWriteMany', volumeMode: 'block', waitSecs: '300', retry: '5' })).toEqual({
      apiVersion: 'cdi.kubevirt.io/v1beta1', kind: 'DataVolume', metadata: { name: 'fedora', namespace: 'sandbox' },
      spec: { source: { upload: {} }, storage: { resources: { requests: { storage: '10Gi' } }, storageClassName: 'ceph-rbd-gold', accessModes: ['ReadWriteMany'], volumeMode: 'Block' } },
    });
    expect(uploadDataVolume('ns', 'd', { size: '1Gi', forceBind: true, waitSecs: '1', retry: '1' }).metadata.annotations).toEqual({ 'cdi.kubevirt.io/storage.bind.immediate.requested': 'true' });
    expect(() => uploadDataVolume('ns', 'd', { waitSecs: '1', retry: '1' })).toThrow(/^validation failed for size=: /);
    expect(() => uploadDataVolume('ns', 'd', { size: '10Gi', accessMode: 'ReadOnlyMany', waitSecs: '1', retry: '1' })).toThrow('cannot upload to a readonly volume, use either ReadWriteOnce or ReadWriteMany if supported');
  });

  it('joins the proxy URL and the upload path unless it is already there', () => {
    expect(uploadUrl('https://h:6443/cdi-uploadproxy', '/v1beta1/upload-async')).toBe('https://h:6443/cdi-uploadproxy/v1beta1/upload-async');
    expect(uploadUrl('https://cdi-uploadproxy.apps.example.com/', '/v1beta1/upload')).toBe('https://cdi-uploadproxy.apps.example.com/v1beta1/upload');
    expect(uploadUrl('https://h/x/v1beta1/upload', '/v1beta1/upload')).toBe('https://h/x/v1beta1/upload');
  });

  it('draws pb-style progress, one line per tenth when not on a terminal', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536 * 1024)).toBe('1.50 MiB');
    expect(formatProgress(5, 10, 2048, 10)).toBe('5 B / 10 B [====>-----] 50.00% 2.00 KiB p/s');
    const out: string[] = [];
    let t = 0;
    const bar = progressLine({ out: (s) => out.push(s), err: () => undefined }, true, () => (t += 100));
    for (let sent = 0; sent <= 1000; sent += 50) bar.update(sent, 1000);
    bar.finish();
    expect(out.map((l) => l.match(/\] (\S+)%/)![1])).toEqual(['0.00', '10.00', '20.00', '30.00', '40.00', '50.00', '60.00', '70.00', '80.00', '90.00', '100.00']);
  });
});
