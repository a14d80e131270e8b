import type { CrushMap } from './crush-map.js';
import { parseCrushJson } from './parse-json.js';
import { parseCrushText } from './parse-text.js';

/** Parses a CRUSH map given as crushtool's JSON dump or its decompiled text form (detected by content). */
export function parseCrushMap(text: string): CrushMap {
  return text.trimStart().startsWith('{') ? parseCrushJson(text) : parseCrushText(text);
}
