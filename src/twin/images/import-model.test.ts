import { describe, it, expect } from 'vitest';
import { restartDelaySeconds } from './importer-process.js';
import { BUILTIN_IMAGES, ImageCatalog, parseEntry } from './catalog.js';
import { formatProgress } from '../../controllers/data-volume/progress.js';
import { hostCopySeconds, http404Message, IMPORT_MODEL, planImport, progressAt } from './import-model.js';

const rhel = BUILTIN_IMAGES[0];

describe('the import model', () => {
  it('derives the story RHEL 9.4 import from the image and the source bandwidth', () => {
    const plan = planImport('http', rhel, 50 * 2 ** 30);
    if (!plan.ok) throw new Error('plan failed');
    // 1.02 GB over 100 Mbit/s at 94.1 % TCP goodput (11.77 MB/s): 86.7 s of download.
    const download = 1.02e9 / ((100e6 / 8) * (1448 / 1538));
    expect(download).toBeCloseTo(86.66, 1);
    // Unallocated 8.54 GB of the 10 GiB virtual disk at 2 GB/s of zero writes: 4.27 s.
    expect(plan.transferSeconds).toBeCloseTo(download + (10 * 2 ** 30 - 2.2e9) / 2e9, 6);
    // 120 MB of dirty cache at 150 MB/s: 0.8 s.
    expect(plan.flushSeconds).toBeCloseTo(0.8, 6);
    expect(plan.totalSeconds).toBeCloseTo(0.5 + 90.93 + 0.8, 1);
  });
  it('reports progress over the transfer, linear in time, capped at 100', () => {
    const plan = planImport('http', rhel, 50 * 2 ** 30);
    if (!plan.ok) throw new Error('plan failed');
    expect(progressAt(plan, 0.2)).toBe(0);
    expect(progressAt(plan, 0.5 + plan.transferSeconds / 2)).toBeCloseTo(50, 6);
    expect(progressAt(plan, 1000)).toBe(100);
  });
  it('is download-bound for the story image and conversion-bound on a fast path', () => {
    const fast = { ...rhel, bandwidthBytesPerSecond: 10e9 };
    const plan = planImport('http', fast, 50 * 2 ** 30);
    if (!plan.ok) throw new Error('plan failed');
    expect(plan.transferSeconds).toBeCloseTo(2.2e9 / IMPORT_MODEL.convertBytesPerSecond + (10 * 2 ** 30 - 2.2e9) / 2e9, 6);
  });
  it('fails an unknown URL with CDI wording, and an image larger than the claim', () => {
    expect(planImport('http', undefined, 1)).toEqual({ ok: false, failAfterSeconds: IMPORT_MODEL.connectSeconds, message: http404Message() });
    expect(http404Message()).toBe('Unable to connect to http data source: expected status code 200, got 404. Status: 404 Not Found');
    const small = planImport('http', rhel, 5 * 2 ** 30);
    expect(small.ok).toBe(false);
    expect(!small.ok && small.message).toBe(`Virtual image size ${10 * 2 ** 30} is larger than the reported available storage ${5 * 2 ** 30}. A larger PVC is required.`);
  });
  it('formats progress as CDI does', () => {
    expect(formatProgress(23)).toBe('23.00%');
    expect(formatProgress(undefined)).toBe('N/A');
  });
  it('times host-assisted copies by bytes over the stream rate', () => {
    expect(hostCopySeconds(2.2e9)).toBeCloseTo(2.2e9 / ((1e9 / 8) * (1448 / 1538)), 6);
  });
  it('restarts failed containers with the kubelet back-off: at once, then 10 s doubling to 300 s', () => {
    expect([0, 1, 2, 3, 6, 7, 20].map(restartDelaySeconds)).toEqual([0, 10, 20, 40, 300, 300, 300]);
  });
});

describe('the image catalog', () => {
  it('adds runtime entries from ConfigMap data, with quantities', () => {
    const c = new ImageCatalog();
    expect(c.get('https://x/y.qcow2')).toBeUndefined();
    const bad = c.setRuntime({ a: 'url: https://x/y.qcow2\nformat: qcow2\nvirtualSize: 20Gi\nfileSize: 1G\nallocatedSize: 3G\nbandwidth: 50M\n', b: 'format: qcow2' });
    expect(bad).toEqual(['b']);
    expect(c.get('https://x/y.qcow2')).toMatchObject({ virtualBytes: 20 * 2 ** 30, fileBytes: 1e9, allocatedBytes: 3e9, bandwidthBytesPerSecond: 50e6 });
    expect(c.get(rhel.url)).toBe(rhel);
  });
  it('rejects entries with unknown formats or non-positive sizes', () => {
    expect(parseEntry('url: u\nformat: vmdkx\nvirtualSize: 1Gi')).toBeUndefined();
    expect(parseEntry('url: u\nvirtualSize: 0')).toBeUndefined();
  });
});
