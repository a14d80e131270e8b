import { describe, it, expect } from 'vitest';
import { CUSTOMIZE, INSTALLED_BYTES, installProgress, installSeconds, randomComputerName, restartOffsets, systemVolumeBytes, WINDOWS_INSTALL_STEPS } from './windows-install.js';

describe('the Windows Server 2022 install timeline', () => {
  it('takes ~15 min to "Customize settings", through two restarts', () => {
    expect(installSeconds()).toBe(890);
    expect(installSeconds() + 15).toBeGreaterThan(14 * 60);
    expect(installSeconds() + 15).toBeLessThan(16 * 60);
    expect(WINDOWS_INSTALL_STEPS.filter((s) => s.screen === 'Restarting')).toHaveLength(2);
    expect(installProgress(0).step.screen).toBe('CopyingFiles');
    expect(installProgress(100).step.screen).toBe('GettingFilesReady');
    expect(installProgress(700).step.screen).toBe('GettingDevicesReady');
    expect(installProgress(890).step).toBe(CUSTOMIZE);
    expect(installProgress(890).endsAt).toBeUndefined();
    expect(restartOffsets()).toEqual([630, 805]);
  });

  it('used bytes grow monotonically as files are written, to ~11 GB', () => {
    let prev = -1;
    for (let t = 0; t <= 900; t += 10) {
      const b = installProgress(t).bytes;
      expect(b).toBeGreaterThanOrEqual(prev);
      prev = b;
    }
    expect(installProgress(45 + 210).bytes).toBe(4.5e9); // half of "Getting files ready": 0.6 → 8.4 GB
    expect(prev).toBe(INSTALLED_BYTES);
    expect(INSTALLED_BYTES).toBeGreaterThan(10e9);
    expect(INSTALLED_BYTES).toBeLessThan(12e9);
  });

  it('scale shrinks every duration', () => {
    expect(installSeconds(0.01)).toBeCloseTo(8.9);
    expect(installProgress(8.9, 0.01).step).toBe(CUSTOMIZE);
  });

  it('names the computer WIN- and 11 characters, stably per disk; C: is the disk less ESP, MSR and recovery', () => {
    const n = randomComputerName('uid-1');
    expect(n).toMatch(/^WIN-[A-Z0-9]{11}$/);
    expect(randomComputerName('uid-1')).toBe(n);
    expect(randomComputerName('uid-2')).not.toBe(n);
    const c = systemVolumeBytes(100 * 2 ** 30);
    expect(c / 2 ** 30).toBeGreaterThan(99.3);
    expect(c / 2 ** 30).toBeLessThan(100);
  });
});
