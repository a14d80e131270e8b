import { describe, it, expect } from 'vitest';
import { alignText, DESCRIBE_TABWRITER, GET_TABWRITER, TabWriter } from './tab-writer.js';

describe('TabWriter', () => {
  it('alignText() pads each column to its widest cell plus padding, at least minWidth', () => {
    expect(alignText('NAME\tAGE\na-long-name\t5s\n', GET_TABWRITER)).toBe('NAME          AGE\na-long-name   5s\n');
    expect(alignText('A\tB\tC\n', GET_TABWRITER)).toBe('A     B     C\n');
  });

  it('alignText() pads empty middle cells and leaves an empty last cell unpadded', () => {
    expect(alignText('NAME\tSTATUS\tREADY\nvm\t\t\n', GET_TABWRITER)).toBe('NAME   STATUS   READY\nvm              \n');
  });

  it('alignText() ends a column block at a line without that cell, as Go tabwriter does', () => {
    const text = 'Name:\tx\nSpec:\n  Run Strategy:\tHalted\n';
    expect(alignText(text, DESCRIBE_TABWRITER)).toBe('Name:  x\nSpec:\n  Run Strategy:  Halted\n');
    // Consecutive lines share a block, whatever their indentation.
    expect(alignText('          Guest:\t1Gi\nEvents:\t<none>\n', DESCRIBE_TABWRITER)).toBe('          Guest:  1Gi\nEvents:           <none>\n');
  });

  it('remembers widths across flushes so later rows stay aligned, and only grows them', () => {
    let out = '';
    const w = new TabWriter((t) => (out += t), GET_TABWRITER);
    w.write('NAME\tDATA\tAGE\na\t1\t24s\n');
    w.flush();
    w.write('a-much-longer-name-here\t0\t0s\n');
    w.flush();
    w.write('b\t1\t20s\n');
    w.flush();
    expect(out).toBe('NAME   DATA   AGE\na      1      24s\na-much-longer-name-here   0      0s\nb                         1      20s\n');
    w.resetWidths();
    out = '';
    w.write('b\t1\t20s\n');
    w.flush();
    expect(out).toBe('b     1     20s\n');
  });

  it('counts characters, not bytes', () => {
    expect(alignText('ä\tx\nab\ty\n', { minWidth: 0, padding: 1 })).toBe('ä  x\nab y\n');
  });
});
